// A corpus of spec pairs, one or more per rule, each with the changes it must give.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareModels, type Change } from '../../generator/diff/compare.js';
import { RULES, type RuleId } from '../../generator/diff/rules.js';
import { modelSpec } from '../../generator/model-spec.js';
import { ROOT } from '../helpers/paths.js';
import { specDir } from '../helpers/spec-files.js';
import { BASE, edit } from './pets-spec.js';

function changes(head: string, base = BASE): Change[] {
  const dir = specDir({ 'base.yaml': base, 'head.yaml': head });
  return compareModels(modelSpec('base.yaml', dir).model, modelSpec('head.yaml', dir).model);
}

const ids = (found: readonly Change[]): RuleId[] => [...new Set(found.map((c) => c.rule))].sort();

const LIST_PARAMS = '        - {name: limit, in: query, required: false, schema: {type: integer}}\n';
const GET_PET = '  /pets/{petId}:\n    get:\n      operationId: getPet\n';

const CASES: readonly { name: string; head: string; base?: string; rules: RuleId[] }[] = [
  { name: 'nothing', head: BASE, rules: [] },
  { name: 'keys reordered and a schema moved into a $ref of the same shape', head: edit(['        name: {type: string}\n        kind: {type: string, enum: [cat, dog]}\n        nickname', '        kind: {type: string, enum: [cat, dog]}\n        name: {type: string}\n        nickname']), rules: [] },
  {
    name: 'an inline schema moved into a $ref of the same shape (a new type for the client, no wire change)',
    head: edit(['        nickname: {type: string}', '        nickname: {$ref: "#/components/schemas/Nickname"}'], ['    NewPet:', '    Nickname: {type: string}\n    NewPet:']),
    rules: ['schema-added'],
  },
  { name: 'operation moved to another path, same operationId', head: edit(['  /pets/{petId}:\n', '  /animals/{petId}:\n']), rules: ['operation-method-renamed', 'operation-moved'] },
  { name: 'operation removed, another added', head: edit(['  /pets/{petId}:\n    get:\n      operationId: getPet', '  /pets/{petId}/card:\n    get:\n      operationId: getPetCard']), rules: ['operation-added', 'operation-removed'] },
  { name: 'operation deprecated', head: edit([GET_PET, `${GET_PET}      deprecated: true\n`]), rules: ['operation-deprecated'] },
  { name: 'function renamed (operationId)', head: edit(['operationId: getPet', 'operationId: fetchPet']), rules: ['operation-function-renamed'] },
  { name: 'method moved on the client', head: edit([GET_PET, `${GET_PET}      x-sdkgen-method: fetch\n`]), rules: ['operation-method-renamed'] },
  { name: 'path parameter renamed (not a wire change)', head: edit(['/pets/{petId}:', '/pets/{id}:'], ['{name: petId, in: path', '{name: id, in: path']), rules: [] },
  { name: 'required parameter added', head: edit([LIST_PARAMS, `${LIST_PARAMS}        - {name: shop, in: query, required: true, schema: {type: string}}\n`]), rules: ['request-parameter-added-required'] },
  { name: 'optional parameter added', head: edit([LIST_PARAMS, `${LIST_PARAMS}        - {name: shop, in: header, schema: {type: string}}\n`]), rules: ['request-parameter-added-optional'] },
  { name: 'parameter removed', head: edit([LIST_PARAMS, '']), rules: ['request-parameter-removed'] },
  { name: 'parameter became required', head: edit(['{name: limit, in: query, required: false', '{name: limit, in: query, required: true']), rules: ['request-parameter-became-required'] },
  { name: 'parameter type changed', head: edit(['{name: limit, in: query, required: false, schema: {type: integer}}', '{name: limit, in: query, required: false, schema: {type: string}}']), rules: ['request-parameter-type-changed'] },
  { name: 'request enum value removed and added', head: edit(['{name: species, in: query, required: false, schema: {type: string, enum: [cat, dog]}}', '{name: species, in: query, required: false, schema: {type: string, enum: [cat, bird]}}']), rules: ['request-enum-value-added', 'request-enum-value-removed'] },
  { name: 'request body became required', head: edit(['      requestBody:\n        required: false', '      requestBody:\n        required: true']), rules: ['request-body-became-required'] },
  { name: 'request body removed', head: edit(['      requestBody:\n        required: false\n        content:\n          application/json:\n            schema: {$ref: "#/components/schemas/NewPet"}\n', '']), rules: ['request-body-removed'] },
  { name: 'required request field added', head: edit(['      required: [name]\n      properties:\n        name: {type: string}\n        kind', '      required: [name, price]\n      properties:\n        price: {type: number}\n        name: {type: string}\n        kind']), rules: ['request-property-added-required'] },
  { name: 'optional request field added', head: edit(['        nickname: {type: string}', '        nickname: {type: string}\n        price: {type: number}']), rules: ['request-property-added-optional'] },
  { name: 'request field removed', head: edit(['        nickname: {type: string}\n', '']), rules: ['request-property-removed'] },
  { name: 'request field became required', head: edit(['      required: [name]\n      properties:\n        name: {type: string}\n        kind', '      required: [name, kind]\n      properties:\n        name: {type: string}\n        kind']), rules: ['request-property-became-required'] },
  { name: 'request field type changed', head: edit(['        nickname: {type: string}', '        nickname: {type: integer}']), rules: ['request-type-changed'] },
  { name: 'response field removed', head: edit(['        tag: {type: string}\n', '']), rules: ['response-property-removed'] },
  { name: 'response field added', head: edit(['        tag: {type: string}\n', '        tag: {type: string}\n        age: {type: integer}\n']), rules: ['response-property-added'] },
  { name: 'response field became optional', head: edit(['      required: [id, name, kind]', '      required: [id, kind]']), rules: ['response-property-became-optional'] },
  { name: 'response field became required', head: edit(['      required: [id, name, kind]', '      required: [id, name, kind, tag]']), rules: ['response-property-became-required'] },
  { name: 'response field became nullable', head: edit(['        tag: {type: string}', '        tag: {type: [string, "null"]}']), rules: ['response-became-nullable'] },
  { name: 'response field type changed', head: edit(['        id: {type: string}', '        id: {type: integer}']), rules: ['response-type-changed'] },
  { name: 'response enum value added', head: edit(['      required: [id, name, kind]\n      properties:\n        id: {type: string}\n        name: {type: string}\n        kind: {type: string, enum: [cat, dog]}', '      required: [id, name, kind]\n      properties:\n        id: {type: string}\n        name: {type: string}\n        kind: {type: string, enum: [cat, dog, bird]}']), rules: ['response-enum-value-added'] },
  { name: 'response enum value removed', head: edit(['      required: [id, name, kind]\n      properties:\n        id: {type: string}\n        name: {type: string}\n        kind: {type: string, enum: [cat, dog]}', '      required: [id, name, kind]\n      properties:\n        id: {type: string}\n        name: {type: string}\n        kind: {type: string, enum: [cat]}']), rules: ['response-enum-value-removed'] },
  { name: 'response body removed', head: edit(['      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: "#/components/schemas/Pet"}\n  /pets/{petId}', '      responses:\n        "204":\n          description: ok\n  /pets/{petId}']), rules: ['response-body-removed'] },
  { name: 'schema renamed, same shape', head: edit(['    Owner:', '    Person:'], ['owner: {$ref: "#/components/schemas/Owner"}', 'owner: {$ref: "#/components/schemas/Person"}']), rules: ['schema-added', 'schema-removed'] },
  { name: 'security changed', head: edit([GET_PET, `${GET_PET}      security: []\n`]), rules: ['security-changed'] },
  {
    name: 'pagination changed (a list became a last-id page)',
    base: edit(['schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}', 'schema: {type: object, required: [data], properties: {data: {type: array, items: {$ref: "#/components/schemas/Pet"}}}}']),
    head: edit(
      ['schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}', 'schema: {type: object, required: [data], properties: {data: {type: array, items: {$ref: "#/components/schemas/Pet"}}, last_id: {type: string}, has_more: {type: boolean}}}'],
      [LIST_PARAMS, `${LIST_PARAMS}        - {name: after, in: query, schema: {type: string}}\n`],
    ),
    rules: ['pagination-changed', 'request-parameter-added-optional', 'response-property-added'],
  },
  { name: 'parameter became optional', base: edit(['{name: limit, in: query, required: false', '{name: limit, in: query, required: true']), head: BASE, rules: ['request-parameter-became-optional'] },
  { name: 'request field became optional', base: edit(['      required: [name]\n      properties:\n        name: {type: string}\n        kind', '      required: [name, kind]\n      properties:\n        name: {type: string}\n        kind']), head: BASE, rules: ['request-property-became-optional'] },
  {
    name: 'required request body added',
    base: edit(['      requestBody:\n        required: false\n        content:\n          application/json:\n            schema: {$ref: "#/components/schemas/NewPet"}\n', '']),
    head: edit(['      requestBody:\n        required: false', '      requestBody:\n        required: true']),
    rules: ['request-body-added-required'],
  },
  { name: 'deprecated operation removed', base: edit([GET_PET, `${GET_PET}      deprecated: true\n`]), head: edit(['  /pets/{petId}:\n    get:\n      operationId: getPet', '  /pets/{petId}/card:\n    get:\n      operationId: getPetCard']), rules: ['deprecated-operation-removed', 'operation-added'] },
  { name: 'request constraint tightened', head: edit(['        nickname: {type: string}', '        nickname: {type: string, maxLength: 20}']), rules: ['request-constraint-tightened'] },
  { name: 'request constraint loosened', base: edit(['{name: limit, in: query, required: false, schema: {type: integer}}', '{name: limit, in: query, required: false, schema: {type: integer, maximum: 50}}']), head: edit(['{name: limit, in: query, required: false, schema: {type: integer}}', '{name: limit, in: query, required: false, schema: {type: integer, maximum: 100}}']), rules: ['request-constraint-loosened'] },
  { name: 'response constraint loosened', base: edit(['        tag: {type: string}', '        tag: {type: string, maxLength: 10}']), head: BASE, rules: ['response-constraint-loosened'] },
  { name: 'response constraint tightened', head: edit(['        tag: {type: string}', '        tag: {type: string, pattern: "^[a-z]+$"}']), rules: ['response-constraint-tightened'] },
  { name: 'extensible enum value added (x-extensible-enum)', base: edit(['        tag: {type: string}', '        tag: {type: string, x-extensible-enum: [new, used]}']), head: edit(['        tag: {type: string}', '        tag: {type: string, x-extensible-enum: [new, used, refurbished]}']), rules: ['extensible-enum-value-added'] },
  { name: 'extensible enum value removed', base: edit(['        tag: {type: string}', '        tag: {type: string, x-extensible-enum: [new, used]}']), head: edit(['        tag: {type: string}', '        tag: {type: string, x-extensible-enum: [new]}']), rules: ['extensible-enum-value-removed'] },
  { name: 'request parameter type widened', head: edit(['{name: limit, in: query, required: false, schema: {type: integer}}', '{name: limit, in: query, required: false, schema: {type: [integer, string]}}']), rules: ['request-type-widened'] },
  { name: 'response type narrowed', base: edit(['        id: {type: string}', '        id: {type: [string, integer]}']), head: BASE, rules: ['response-type-narrowed'] },
  { name: 'response type widened (a change)', head: edit(['        id: {type: string}', '        id: {type: [string, integer]}']), rules: ['response-type-changed'] },
  { name: 'server URL changed', head: edit(['url: https://api.example.com/v1', 'url: https://api.example.com/v2']), rules: ['server-url-changed'] },
];

describe('sdkgen diff rules', () => {
  it.each(CASES)('$name', ({ head, base, rules }) => {
    expect(ids(changes(head, base))).toEqual([...rules].sort());
  });

  it('covers every rule of the catalogue with a case', () => {
    const covered = new Set(CASES.flatMap((c) => c.rules));
    expect((Object.keys(RULES) as RuleId[]).filter((id) => !covered.has(id))).toEqual([]);
    expect(Object.keys(RULES).length).toBeGreaterThanOrEqual(30);
  });

  it('reports a change reached through several operations once, naming them all', () => {
    const found = changes(edit(['        tag: {type: string}\n', '']));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'response-property-removed', subject: '`Pet.tag`', wire: 'breaking', client: 'breaking' });
    expect(found[0]?.operations).toEqual(['GET /pets', 'GET /pets/{petId}', 'POST /pets']);
  });

  it('gives stable fingerprints', () => {
    const head = edit(['        tag: {type: string}\n', '']);
    expect(changes(head).map((c) => c.fingerprint)).toEqual(changes(head).map((c) => c.fingerprint));
    expect(changes(head)[0]?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('docs/diff-rules.md', () => {
  it('lists every rule with its classification', () => {
    const doc = readFileSync(join(ROOT, 'docs/diff-rules.md'), 'utf8');
    for (const [id, r] of Object.entries(RULES)) expect(doc).toContain(`| \`${id}\` | ${r.title} | ${r.wire} | ${r.client} |`);
  });
});
