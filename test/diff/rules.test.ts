// A corpus of spec pairs, one or more per rule, each with the changes it must give.
import { describe, expect, it } from 'vitest';
import { type Change, compareModels } from '../../generator/diff/compare.js';
import { RULES, type RuleId } from '../../generator/diff/rules.js';
import { rulesDocument } from '../../generator/diff/rules-doc.js';
import { modelSpec } from '../../generator/model-spec.js';
import { specDir } from '../helpers/spec-files.js';
import { BASE, edit } from './pets-spec.js';

function changes(head: string, base = BASE): Change[] {
  const dir = specDir({ 'base.yaml': base, 'head.yaml': head });
  return compareModels(modelSpec('base.yaml', dir).model, modelSpec('head.yaml', dir).model);
}

const ids = (found: readonly Change[]): RuleId[] => [...new Set(found.map((c) => c.rule))].sort();

const LIST_PARAMS = '        - {name: limit, in: query, required: false, schema: {type: integer}}\n';
const GET_PET = '  /pets/{petId}:\n    get:\n      operationId: getPet\n';

/** A spec of one operation with two string path parameters, listed in the path's order or (`swapped`) the other. */
const TWO_PARAMS = (path: string, swapped = false): string => {
  const params = [
    '        - {name: ownerId, in: path, required: true, schema: {type: string}}',
    '        - {name: petId, in: path, required: true, schema: {type: string}}',
  ];
  return `openapi: 3.1.0\ninfo: {title: Pets, version: 1.0.0}\npaths:\n  ${path}:\n    get:\n      operationId: getOwnedPet\n      parameters:\n${(swapped ? params.reverse() : params).join('\n')}\n      responses:\n        "204": {description: ok}\n`;
};

/** `POST /search` with a JSON object body and a query parameter. */
const MERGEABLE = `openapi: 3.1.0
info: {title: Search, version: 1.0.0}
paths:
  /search:
    post:
      operationId: search
      parameters: [{name: page, in: query, schema: {type: integer}}]
      requestBody: {content: {application/json: {schema: {type: object, properties: {text: {type: string}}}}}}
      responses: {"204": {description: ok}}
`;

/** A spec that sends webhooks: `ticket_closed` (its payload's fields given), and others by name. */
const WEBHOOKS = (fields: string, others: readonly string[] = [], signature = ''): string =>
  `openapi: 3.1.0\ninfo: {title: Hooks, version: 1.0.0}\npaths: {}\n${signature}webhooks:\n${[
    'ticket_closed',
    ...others,
  ]
    .map(
      (name) =>
        `  ${name}:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              type: object\n              required: [id]\n              properties:\n                id: {type: string}\n${name === 'ticket_closed' ? fields : ''}      responses:\n        "200": {description: ok}\n`,
    )
    .join('')}`;
const CLOSED_BY = '                closed_by: {type: string}\n';
const HMAC = 'x-sdkgen-webhooks:\n  signature: {header: X-Signature, encoding: hex, algorithm: sha256}\n';

const CASES: readonly { name: string; head: string; base?: string; rules: RuleId[] }[] = [
  { name: 'nothing', head: BASE, rules: [] },
  {
    name: 'keys reordered and a schema moved into a $ref of the same shape',
    head: edit([
      '        name: {type: string}\n        kind: {type: string, enum: [cat, dog]}\n        nickname',
      '        kind: {type: string, enum: [cat, dog]}\n        name: {type: string}\n        nickname',
    ]),
    rules: [],
  },
  {
    name: 'an inline schema moved into a $ref of the same shape (a new type for the client, no wire change)',
    head: edit(
      ['        nickname: {type: string}', '        nickname: {$ref: "#/components/schemas/Nickname"}'],
      ['    NewPet:', '    Nickname: {type: string}\n    NewPet:'],
    ),
    rules: ['schema-added'],
  },
  {
    name: 'operation moved to another path, same operationId',
    head: edit(['  /pets/{petId}:\n', '  /animals/{petId}:\n']),
    rules: ['operation-method-renamed', 'operation-moved'],
  },
  {
    name: 'operation removed, another added',
    head: edit([
      '  /pets/{petId}:\n    get:\n      operationId: getPet',
      '  /pets/{petId}/card:\n    get:\n      operationId: getPetCard',
    ]),
    rules: ['operation-added', 'operation-removed'],
  },
  {
    name: 'operation deprecated',
    head: edit([GET_PET, `${GET_PET}      deprecated: true\n`]),
    rules: ['operation-deprecated'],
  },
  {
    name: 'function renamed (operationId)',
    head: edit(['operationId: getPet', 'operationId: fetchPet']),
    rules: ['operation-function-renamed'],
  },
  {
    name: 'a path that names its parameters in another order (the same arguments, swapped, both strings)',
    base: TWO_PARAMS('/owners/{ownerId}/pets/{petId}'),
    head: TWO_PARAMS('/pets/{petId}/owners/{ownerId}'),
    rules: ['operation-arguments-reordered', 'operation-method-renamed', 'operation-moved'],
  },
  {
    name: 'pathArguments: last (the Stainless convention): the wire is the same, the call is not',
    base: TWO_PARAMS('/owners/{ownerId}/pets/{petId}'),
    head: TWO_PARAMS('/owners/{ownerId}/pets/{petId}').replace(
      'paths:',
      'x-sdkgen-client: {pathArguments: last}\npaths:',
    ),
    rules: ['operation-path-arguments-changed'],
  },
  {
    name: 'requestParams: merged (the Stainless convention): a body and query parameters become one params object',
    base: MERGEABLE,
    head: MERGEABLE.replace('paths:', 'x-sdkgen-client: {requestParams: merged}\npaths:'),
    rules: ['operation-params-merged-changed'],
  },
  {
    name: 'an environment and a client option removed (x-sdkgen-client settings)',
    base: TWO_PARAMS('/owners/{ownerId}/pets/{petId}').replace(
      'paths:',
      'x-sdkgen-client:\n  environments: {production: "https://a.example", sandbox: "https://b.example"}\n  options: {organization: {type: string, header: X-Org}}\npaths:',
    ),
    head: TWO_PARAMS('/owners/{ownerId}/pets/{petId}').replace(
      'paths:',
      'x-sdkgen-client:\n  environments: {production: "https://a.example"}\npaths:',
    ),
    rules: ['client-setting-removed'],
  },
  {
    name: 'path parameters listed in another order: nothing changes, the arguments follow the path',
    base: TWO_PARAMS('/owners/{ownerId}/pets/{petId}'),
    head: TWO_PARAMS('/owners/{ownerId}/pets/{petId}', true),
    rules: [],
  },
  {
    name: 'method moved on the client',
    head: edit([GET_PET, `${GET_PET}      x-sdkgen-method: fetch\n`]),
    rules: ['operation-method-renamed'],
  },
  {
    name: 'path parameter renamed (not a wire change)',
    head: edit(['/pets/{petId}:', '/pets/{id}:'], ['{name: petId, in: path', '{name: id, in: path']),
    rules: [],
  },
  {
    name: 'required parameter added',
    head: edit([
      LIST_PARAMS,
      `${LIST_PARAMS}        - {name: shop, in: query, required: true, schema: {type: string}}\n`,
    ]),
    rules: ['request-parameter-added-required'],
  },
  {
    name: 'optional parameter added',
    head: edit([LIST_PARAMS, `${LIST_PARAMS}        - {name: shop, in: header, schema: {type: string}}\n`]),
    rules: ['request-parameter-added-optional'],
  },
  { name: 'parameter removed', head: edit([LIST_PARAMS, '']), rules: ['request-parameter-removed'] },
  {
    name: 'parameter became required',
    head: edit(['{name: limit, in: query, required: false', '{name: limit, in: query, required: true']),
    rules: ['request-parameter-became-required'],
  },
  {
    name: 'parameter type changed',
    head: edit([
      '{name: limit, in: query, required: false, schema: {type: integer}}',
      '{name: limit, in: query, required: false, schema: {type: string}}',
    ]),
    rules: ['request-parameter-type-changed'],
  },
  {
    name: 'request enum value removed and added',
    head: edit([
      '{name: species, in: query, required: false, schema: {type: string, enum: [cat, dog]}}',
      '{name: species, in: query, required: false, schema: {type: string, enum: [cat, bird]}}',
    ]),
    rules: ['request-enum-value-added', 'request-enum-value-removed'],
  },
  {
    name: 'request body became required',
    head: edit(['      requestBody:\n        required: false', '      requestBody:\n        required: true']),
    rules: ['request-body-became-required'],
  },
  {
    name: 'request body removed',
    head: edit([
      '      requestBody:\n        required: false\n        content:\n          application/json:\n            schema: {$ref: "#/components/schemas/NewPet"}\n',
      '',
    ]),
    rules: ['request-body-removed'],
  },
  {
    name: 'required request field added',
    head: edit([
      '      required: [name]\n      properties:\n        name: {type: string}\n        kind',
      '      required: [name, price]\n      properties:\n        price: {type: number}\n        name: {type: string}\n        kind',
    ]),
    rules: ['request-property-added-required'],
  },
  {
    name: 'optional request field added',
    head: edit(['        nickname: {type: string}', '        nickname: {type: string}\n        price: {type: number}']),
    rules: ['request-property-added-optional'],
  },
  {
    name: 'request field removed',
    head: edit(['        nickname: {type: string}\n', '']),
    rules: ['request-property-removed'],
  },
  {
    name: 'request field became required',
    head: edit([
      '      required: [name]\n      properties:\n        name: {type: string}\n        kind',
      '      required: [name, kind]\n      properties:\n        name: {type: string}\n        kind',
    ]),
    rules: ['request-property-became-required'],
  },
  {
    name: 'request field type changed',
    head: edit(['        nickname: {type: string}', '        nickname: {type: integer}']),
    rules: ['request-type-changed'],
  },
  {
    name: 'response field removed',
    head: edit(['        tag: {type: string}\n', '']),
    rules: ['response-property-removed'],
  },
  {
    name: 'response field added',
    head: edit(['        tag: {type: string}\n', '        tag: {type: string}\n        age: {type: integer}\n']),
    rules: ['response-property-added'],
  },
  {
    name: 'response field became optional',
    head: edit(['      required: [id, name, kind]', '      required: [id, kind]']),
    rules: ['response-property-became-optional'],
  },
  {
    name: 'response field became required',
    head: edit(['      required: [id, name, kind]', '      required: [id, name, kind, tag]']),
    rules: ['response-property-became-required'],
  },
  {
    name: 'response field became nullable',
    head: edit(['        tag: {type: string}', '        tag: {type: [string, "null"]}']),
    rules: ['response-became-nullable'],
  },
  {
    name: 'response field type changed',
    head: edit(['        id: {type: string}', '        id: {type: integer}']),
    rules: ['response-type-changed'],
  },
  {
    name: 'response enum value added',
    head: edit([
      '      required: [id, name, kind]\n      properties:\n        id: {type: string}\n        name: {type: string}\n        kind: {type: string, enum: [cat, dog]}',
      '      required: [id, name, kind]\n      properties:\n        id: {type: string}\n        name: {type: string}\n        kind: {type: string, enum: [cat, dog, bird]}',
    ]),
    rules: ['response-enum-value-added'],
  },
  {
    name: 'response enum value removed',
    head: edit([
      '      required: [id, name, kind]\n      properties:\n        id: {type: string}\n        name: {type: string}\n        kind: {type: string, enum: [cat, dog]}',
      '      required: [id, name, kind]\n      properties:\n        id: {type: string}\n        name: {type: string}\n        kind: {type: string, enum: [cat]}',
    ]),
    rules: ['response-enum-value-removed'],
  },
  {
    name: 'response body removed',
    head: edit([
      '      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: "#/components/schemas/Pet"}\n  /pets/{petId}',
      '      responses:\n        "204":\n          description: ok\n  /pets/{petId}',
    ]),
    rules: ['response-body-removed', 'response-success-status-added', 'response-success-status-removed'],
  },
  {
    name: 'schema renamed, same shape',
    head: edit(
      ['    Owner:', '    Person:'],
      ['owner: {$ref: "#/components/schemas/Owner"}', 'owner: {$ref: "#/components/schemas/Person"}'],
    ),
    rules: ['schema-renamed'],
  },
  {
    name: 'schema renamed by x-sdkgen-name while its shape changed: the same key, so one rename',
    head: edit([
      '    Owner:\n      type: object\n      required: [name]\n      properties:\n        name: {type: string}',
      '    Owner:\n      x-sdkgen-name: Person\n      type: object\n      required: [name]\n      properties:\n        name: {type: string}\n        email: {type: string}',
    ]),
    rules: ['response-property-added', 'schema-renamed'],
  },
  {
    name: "a resource's class renamed: a new schema takes its name",
    base: edit([
      'info: {title: Pets API, version: 1.0.0}',
      'info: {title: Pets API, version: 1.0.0}\nx-sdkgen-client: {name: PetStore}',
    ]),
    head: edit(
      [
        'info: {title: Pets API, version: 1.0.0}',
        'info: {title: Pets API, version: 1.0.0}\nx-sdkgen-client: {name: PetStore}',
      ],
      ['    NewPet:', '    Pets: {type: string}\n    NewPet:'],
    ),
    rules: ['resource-class-renamed', 'schema-added'],
  },
  {
    name: "an operation's params type renamed: a new schema takes its name",
    head: edit(['    NewPet:', '    PetListParams: {type: string}\n    NewPet:']),
    rules: ['operation-type-renamed', 'schema-added'],
  },
  {
    name: 'schema removed and another of a different shape added: not a rename',
    head: edit(
      [
        '    Owner:\n      type: object\n      required: [name]\n      properties:\n        name: {type: string}',
        '    Person:\n      type: object\n      required: [email]\n      properties:\n        email: {type: string}',
      ],
      ['owner: {$ref: "#/components/schemas/Owner"}', 'owner: {$ref: "#/components/schemas/Person"}'],
    ),
    // Owner's one field and Person's are alike in all but name: that field is paired, the types are not.
    rules: ['response-property-renamed', 'schema-added', 'schema-removed'],
  },
  { name: 'security changed', head: edit([GET_PET, `${GET_PET}      security: []\n`]), rules: ['security-changed'] },
  {
    name: 'pagination changed (a list became a last-id page)',
    base: edit([
      'schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}',
      'schema: {type: object, required: [data], properties: {data: {type: array, items: {$ref: "#/components/schemas/Pet"}}}}',
    ]),
    head: edit(
      [
        'schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}',
        'schema: {type: object, required: [data], properties: {data: {type: array, items: {$ref: "#/components/schemas/Pet"}}, last_id: {type: string}, has_more: {type: boolean}}}',
      ],
      [LIST_PARAMS, `${LIST_PARAMS}        - {name: after, in: query, schema: {type: string}}\n`],
    ),
    rules: ['pagination-changed', 'request-parameter-added-optional', 'response-property-added'],
  },
  {
    name: 'parameter became optional',
    base: edit(['{name: limit, in: query, required: false', '{name: limit, in: query, required: true']),
    head: BASE,
    rules: ['request-parameter-became-optional'],
  },
  {
    name: 'request field became optional',
    base: edit([
      '      required: [name]\n      properties:\n        name: {type: string}\n        kind',
      '      required: [name, kind]\n      properties:\n        name: {type: string}\n        kind',
    ]),
    head: BASE,
    rules: ['request-property-became-optional'],
  },
  {
    name: 'required request body added',
    base: edit([
      '      requestBody:\n        required: false\n        content:\n          application/json:\n            schema: {$ref: "#/components/schemas/NewPet"}\n',
      '',
    ]),
    head: edit(['      requestBody:\n        required: false', '      requestBody:\n        required: true']),
    rules: ['request-body-added-required'],
  },
  {
    name: 'deprecated operation removed',
    base: edit([GET_PET, `${GET_PET}      deprecated: true\n`]),
    head: edit([
      '  /pets/{petId}:\n    get:\n      operationId: getPet',
      '  /pets/{petId}/card:\n    get:\n      operationId: getPetCard',
    ]),
    rules: ['deprecated-operation-removed', 'operation-added'],
  },
  {
    name: 'request constraint tightened',
    head: edit(['        nickname: {type: string}', '        nickname: {type: string, maxLength: 20}']),
    rules: ['request-constraint-tightened'],
  },
  {
    name: 'request constraint loosened',
    base: edit([
      '{name: limit, in: query, required: false, schema: {type: integer}}',
      '{name: limit, in: query, required: false, schema: {type: integer, maximum: 50}}',
    ]),
    head: edit([
      '{name: limit, in: query, required: false, schema: {type: integer}}',
      '{name: limit, in: query, required: false, schema: {type: integer, maximum: 100}}',
    ]),
    rules: ['request-constraint-loosened'],
  },
  {
    name: 'response constraint loosened',
    base: edit(['        tag: {type: string}', '        tag: {type: string, maxLength: 10}']),
    head: BASE,
    rules: ['response-constraint-loosened'],
  },
  {
    name: 'response constraint tightened',
    head: edit(['        tag: {type: string}', '        tag: {type: string, pattern: "^[a-z]+$"}']),
    rules: ['response-constraint-tightened'],
  },
  {
    name: 'extensible enum value added (x-extensible-enum)',
    base: edit(['        tag: {type: string}', '        tag: {type: string, x-extensible-enum: [new, used]}']),
    head: edit([
      '        tag: {type: string}',
      '        tag: {type: string, x-extensible-enum: [new, used, refurbished]}',
    ]),
    rules: ['extensible-enum-value-added'],
  },
  {
    name: 'extensible enum value removed',
    base: edit(['        tag: {type: string}', '        tag: {type: string, x-extensible-enum: [new, used]}']),
    head: edit(['        tag: {type: string}', '        tag: {type: string, x-extensible-enum: [new]}']),
    rules: ['extensible-enum-value-removed'],
  },
  {
    name: 'request parameter type widened',
    head: edit([
      '{name: limit, in: query, required: false, schema: {type: integer}}',
      '{name: limit, in: query, required: false, schema: {type: [integer, string]}}',
    ]),
    rules: ['request-type-widened'],
  },
  {
    name: 'response type narrowed',
    base: edit(['        id: {type: string}', '        id: {type: [string, integer]}']),
    head: BASE,
    rules: ['response-type-narrowed'],
  },
  {
    name: 'response type widened (a change)',
    head: edit(['        id: {type: string}', '        id: {type: [string, integer]}']),
    rules: ['response-type-changed'],
  },
  {
    name: 'server URL changed',
    head: edit(['url: https://api.example.com/v1', 'url: https://api.example.com/v2']),
    rules: ['server-added', 'server-removed', 'server-url-changed'],
  },
  {
    name: 'a second server added',
    head: edit([
      'servers: [{url: https://api.example.com/v1}]',
      'servers: [{url: https://api.example.com/v1}, {url: https://eu.example.com/v1}]',
    ]),
    rules: ['server-added'],
  },
  {
    name: 'a second server removed',
    base: edit([
      'servers: [{url: https://api.example.com/v1}]',
      'servers: [{url: https://api.example.com/v1}, {url: https://eu.example.com/v1}]',
    ]),
    head: BASE,
    rules: ['server-removed'],
  },
  // Renames: one removed and one of the same type added in its place.
  {
    name: 'query parameter renamed (limit → max)',
    head: edit([
      '{name: limit, in: query, required: false, schema: {type: integer}}',
      '{name: max, in: query, required: false, schema: {type: integer}}',
    ]),
    rules: ['request-parameter-renamed'],
  },
  {
    name: 'parameter removed and one of another type added: not a rename',
    head: edit([
      '{name: limit, in: query, required: false, schema: {type: integer}}',
      '{name: q, in: query, required: false, schema: {type: string}}',
    ]),
    rules: ['request-parameter-added-optional', 'request-parameter-removed'],
  },
  {
    name: 'parameter removed and one added elsewhere (a header): not a rename',
    head: edit([
      '{name: limit, in: query, required: false, schema: {type: integer}}',
      '{name: limit, in: header, required: false, schema: {type: integer}}',
    ]),
    rules: ['request-parameter-added-optional', 'request-parameter-removed'],
  },
  {
    name: 'request field renamed',
    head: edit(['        nickname: {type: string}', '        alias: {type: string}']),
    rules: ['request-property-renamed'],
  },
  {
    name: 'response field renamed',
    head: edit(['        tag: {type: string}\n', '        label: {type: string}\n']),
    rules: ['response-property-renamed'],
  },
  {
    name: 'two response fields of one type removed and two added: which became which is a guess, not paired',
    head: edit(
      ['        tag: {type: string}\n', '        label: {type: string}\n        color: {type: string}\n'],
      ['        owner: {$ref: "#/components/schemas/Owner"}\n', '        breed: {type: string}\n'],
    ),
    rules: ['response-property-added', 'response-property-removed'],
  },
  {
    name: 'operation renamed in place (same method, parent and signature)',
    head: edit([
      '  /pets/{petId}:\n    get:\n      operationId: getPet',
      '  /pets/{petId}/details:\n    get:\n      operationId: getPet',
    ]).replace('/pets/{petId}/details', '/pets/{petId}/details'),
    rules: ['operation-moved', 'operation-method-renamed'],
  },
  {
    name: 'operation renamed: same parent, same signature, new name',
    base: edit([
      '  /pets/{petId}:\n    get:\n      operationId: getPet\n      parameters:\n        - {name: petId, in: path, required: true, schema: {type: string}}\n',
      '  /pets/search:\n    get:\n      operationId: searchPets\n',
    ]),
    head: edit([
      '  /pets/{petId}:\n    get:\n      operationId: getPet\n      parameters:\n        - {name: petId, in: path, required: true, schema: {type: string}}\n',
      '  /pets/find:\n    get:\n      operationId: findPets\n',
    ]),
    rules: ['operation-function-renamed', 'operation-method-renamed', 'operation-renamed'],
  },
  // Statuses, headers, defaults, formats, read-only, scopes
  {
    name: 'error status removed',
    base: BASE.replace(
      'operationId: getPet\n      parameters:\n        - {name: petId, in: path, required: true, schema: {type: string}}\n      responses:\n',
      'operationId: getPet\n      parameters:\n        - {name: petId, in: path, required: true, schema: {type: string}}\n      responses:\n        "404": {description: gone}\n',
    ),
    head: BASE,
    rules: ['response-error-status-removed'],
  },
  {
    name: 'error status added (404)',
    head: BASE.replace(
      'operationId: getPet\n      parameters:\n        - {name: petId, in: path, required: true, schema: {type: string}}\n      responses:\n',
      'operationId: getPet\n      parameters:\n        - {name: petId, in: path, required: true, schema: {type: string}}\n      responses:\n        "404": {description: gone}\n',
    ),
    rules: ['response-error-status-added'],
  },
  {
    name: 'response header added',
    head: BASE.replace(
      'operationId: getPet\n      parameters:\n        - {name: petId, in: path, required: true, schema: {type: string}}\n      responses:\n        "200":\n          description: ok\n',
      'operationId: getPet\n      parameters:\n        - {name: petId, in: path, required: true, schema: {type: string}}\n      responses:\n        "200":\n          description: ok\n          headers: {ETag: {schema: {type: string}}}\n',
    ),
    rules: ['response-header-added'],
  },
  {
    name: 'response header removed',
    base: BASE.replace(
      'operationId: getPet\n      parameters:\n        - {name: petId, in: path, required: true, schema: {type: string}}\n      responses:\n        "200":\n          description: ok\n',
      'operationId: getPet\n      parameters:\n        - {name: petId, in: path, required: true, schema: {type: string}}\n      responses:\n        "200":\n          description: ok\n          headers: {ETag: {schema: {type: string}}}\n',
    ),
    head: BASE,
    rules: ['response-header-removed'],
  },
  {
    name: 'request default changed',
    head: edit([
      '{name: limit, in: query, required: false, schema: {type: integer}}',
      '{name: limit, in: query, required: false, schema: {type: integer, default: 20}}',
    ]),
    rules: ['request-default-changed'],
  },
  {
    name: 'response default changed',
    head: edit(['        tag: {type: string}', '        tag: {type: string, default: none}']),
    rules: ['response-default-changed'],
  },
  {
    name: 'request format changed',
    head: edit(['        nickname: {type: string}', '        nickname: {type: string, format: email}']),
    rules: ['request-format-changed'],
  },
  {
    name: 'response format changed',
    head: edit(['        tag: {type: string}', '        tag: {type: string, format: uuid}']),
    rules: ['response-format-changed'],
  },
  {
    name: 'uniqueItems set on a request list (tighter)',
    base: edit([
      '        nickname: {type: string}',
      '        nickname: {type: string}\n        toys: {type: array, items: {type: string}}',
    ]),
    head: edit([
      '        nickname: {type: string}',
      '        nickname: {type: string}\n        toys: {type: array, uniqueItems: true, items: {type: string}}',
    ]),
    rules: ['request-constraint-tightened'],
  },
  {
    name: 'request field became read-only',
    head: edit(['        nickname: {type: string}', '        nickname: {type: string, readOnly: true}']),
    rules: ['request-property-became-read-only'],
  },
  {
    name: 'read-only request field became writable',
    base: edit(['        nickname: {type: string}', '        nickname: {type: string, readOnly: true}']),
    head: BASE,
    rules: ['request-property-became-writable'],
  },
  {
    name: 'response field became write-only',
    head: edit(['        tag: {type: string}', '        tag: {type: string, writeOnly: true}']),
    rules: ['response-property-became-write-only'],
  },
  {
    name: 'write-only response field became readable',
    base: edit(['        tag: {type: string}', '        tag: {type: string, writeOnly: true}']),
    head: BASE,
    rules: ['response-property-became-readable'],
  },
  {
    name: 'security scope added',
    base: edit(
      ['security: [{key: []}]', 'security: [{oauth: [read]}]'],
      [
        '    key: {type: http, scheme: bearer}',
        '    key: {type: http, scheme: bearer}\n    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: "https://example.com/token", scopes: {read: r, write: w}}}}',
      ],
    ),
    head: edit(
      ['security: [{key: []}]', 'security: [{oauth: [read, write]}]'],
      [
        '    key: {type: http, scheme: bearer}',
        '    key: {type: http, scheme: bearer}\n    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: "https://example.com/token", scopes: {read: r, write: w}}}}',
      ],
    ),
    rules: ['security-scope-added'],
  },
  {
    name: 'security scope removed',
    head: edit(
      ['security: [{key: []}]', 'security: [{oauth: [read]}]'],
      [
        '    key: {type: http, scheme: bearer}',
        '    key: {type: http, scheme: bearer}\n    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: "https://example.com/token", scopes: {read: r, write: w}}}}',
      ],
    ),
    base: edit(
      ['security: [{key: []}]', 'security: [{oauth: [read, write]}]'],
      [
        '    key: {type: http, scheme: bearer}',
        '    key: {type: http, scheme: bearer}\n    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: "https://example.com/token", scopes: {read: r, write: w}}}}',
      ],
    ),
    rules: ['security-scope-removed'],
  },
  // The client's names
  {
    name: 'client class renamed (x-sdkgen-client)',
    head: edit([
      'info: {title: Pets API, version: 1.0.0}',
      'info: {title: Pets API, version: 1.0.0}\nx-sdkgen-client: {name: PetStore}',
    ]),
    // The client no longer takes `Pets`: the resource's class, `PetsResource` until now, does.
    rules: ['client-class-renamed', 'resource-class-renamed'],
  },
  {
    name: 'package renamed (x-sdkgen-client)',
    head: edit([
      'info: {title: Pets API, version: 1.0.0}',
      'info: {title: Pets API, version: 1.0.0}\nx-sdkgen-client: {package: "@acme/pets"}',
    ]),
    rules: ['package-renamed'],
  },
  {
    name: 'credential option renamed (x-sdkgen-auth)',
    head: edit([
      '    key: {type: http, scheme: bearer}',
      '    key: {type: http, scheme: bearer, x-sdkgen-auth: {option: token, env: PETS_TOKEN}}',
    ]),
    rules: ['auth-option-renamed'],
  },
  {
    name: 'HTTP Basic password option renamed (x-sdkgen-auth)',
    base: edit(['    key: {type: http, scheme: bearer}', '    key: {type: http, scheme: basic}']),
    head: edit([
      '    key: {type: http, scheme: bearer}',
      '    key: {type: http, scheme: basic, x-sdkgen-auth: {password: secret, passwordEnv: PETS_SECRET}}',
    ]),
    rules: ['auth-option-renamed'],
  },
  // Documentation
  {
    name: 'API description changed',
    head: edit([
      'info: {title: Pets API, version: 1.0.0}',
      'info: {title: Pets API, version: 1.0.0, description: All the pets.}',
    ]),
    rules: ['api-description-changed'],
  },
  {
    name: 'API title changed (and with it the names made from it)',
    head: edit(['info: {title: Pets API, version: 1.0.0}', 'info: {title: Pet Shop API, version: 1.0.0}']),
    rules: [
      'api-title-changed',
      'auth-option-renamed',
      'client-class-renamed',
      'package-renamed',
      'resource-class-renamed',
    ],
  },
  {
    name: 'operation summary, description and externalDocs changed',
    head: edit([
      GET_PET,
      `${GET_PET}      summary: Get a pet\n      description: By its id.\n      externalDocs: {url: "https://docs.example.com/pets"}\n`,
    ]),
    rules: ['operation-description-changed', 'operation-external-docs-changed', 'operation-summary-changed'],
  },
  {
    name: 'parameter description and example changed',
    head: edit([
      '{name: limit, in: query, required: false, schema: {type: integer}}',
      '{name: limit, in: query, required: false, description: At most this many., example: 10, schema: {type: integer}}',
    ]),
    rules: ['example-changed', 'parameter-description-changed'],
  },
  {
    name: 'field description changed',
    head: edit(['        tag: {type: string}', '        tag: {type: string, description: A label.}']),
    rules: ['property-description-changed'],
  },
  {
    name: 'schema description and example changed',
    head: edit([
      '    Owner:\n      type: object',
      '    Owner:\n      type: object\n      description: Who has the pet.\n      example: {name: Ada}',
    ]),
    rules: ['example-changed', 'property-description-changed', 'schema-description-changed'],
  },
  {
    // Their payloads have one shape: the named type reads as renamed too.
    name: 'a webhook event removed, another added',
    base: WEBHOOKS(CLOSED_BY, ['ticket_opened']),
    head: WEBHOOKS(CLOSED_BY, ['ticket_merged']),
    rules: ['schema-renamed', 'webhook-added', 'webhook-removed'],
  },
  {
    name: "a field of a webhook's payload removed: receivers read it as a response",
    base: WEBHOOKS(CLOSED_BY),
    head: WEBHOOKS(''),
    rules: ['response-property-removed'],
  },
  {
    name: 'webhooks signed another way',
    base: WEBHOOKS(CLOSED_BY),
    head: WEBHOOKS(CLOSED_BY, [], HMAC),
    rules: ['webhook-signature-changed'],
  },
  {
    name: 'response description changed',
    head: edit([
      '        - {name: petId, in: path, required: true, schema: {type: string}}\n      responses:\n        "200":\n          description: ok',
      '        - {name: petId, in: path, required: true, schema: {type: string}}\n      responses:\n        "200":\n          description: The pet.',
    ]),
    rules: ['response-description-changed'],
  },
];

describe('sdkgen diff rules', () => {
  it.each(CASES)('$name', ({ head, base, rules }) => {
    expect(ids(changes(head, base))).toEqual([...rules].sort());
  });

  it('covers every rule of the catalogue with a case (those comparing with a published package: test/diff/against-rules.test.ts)', () => {
    const covered = new Set(CASES.flatMap((c) => c.rules));
    expect((Object.keys(RULES) as RuleId[]).filter((id) => !covered.has(id) && !id.startsWith('published-'))).toEqual(
      [],
    );
    expect(Object.keys(RULES).length).toBeGreaterThanOrEqual(30);
  });

  it('reports a change reached through several operations once, naming them all', () => {
    const found = changes(edit(['        tag: {type: string}\n', '']));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: 'response-property-removed',
      subject: '`Pet.tag`',
      wire: 'breaking',
      client: 'breaking',
    });
    expect(found[0]?.operations).toEqual(['GET /pets', 'GET /pets/{petId}', 'POST /pets']);
  });

  it('gives stable fingerprints', () => {
    const head = edit(['        tag: {type: string}\n', '']);
    expect(changes(head).map((c) => c.fingerprint)).toEqual(changes(head).map((c) => c.fingerprint));
    expect(changes(head)[0]?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('docs/diff-rules.md', () => {
  it('lists every rule with its classification and its oasdiff counterpart, as the catalogue has them', async () => {
    await expect(
      rulesDocument(),
      'docs/diff-rules.md is made from generator/diff/rules.ts: run `npx vitest run test/diff/rules.test.ts -u` and commit it',
    ).toMatchFileSnapshot('../../docs/diff-rules.md');
    for (const [id, r] of Object.entries(RULES))
      expect(rulesDocument()).toContain(`| \`${id}\` | ${r.title} | ${r.wire} | ${r.client} |`);
  });
});
