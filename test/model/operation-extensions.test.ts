/**
 * The operation extensions a Stainless config becomes (docs/extensions.md, "On an operation"):
 * `x-sdkgen-skip`, `x-sdkgen-pagination: false`, `x-sdkgen-body-param` and `x-sdkgen-deprecated`.
 * A small spec in; the model, the plan and the emitted code out.
 */
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../generator/diagnostics.js';
import { compareModels } from '../../generator/diff/compare.js';
import { generate } from '../../generator/generate.js';
import type { OperationModel } from '../../generator/model/model.js';
import { modelSpec } from '../../generator/model-spec.js';
import { formatPlan } from '../../generator/plan/format-plan.js';
import { planOf } from '../../generator/plan/plan.js';
import { modelOf as model, allOperations as operations } from '../helpers/model-of.js';
import { openapi, specDir } from '../helpers/spec-files.js';

function operation(yaml: string, id: string): OperationModel {
  const found = operations(model(yaml).root).find((op) => op.operationId === id);
  if (found === undefined) throw new Error(`no operation ${id}`);
  return found;
}

function generated(yaml: string, path: string): string {
  const { files } = generate({
    spec: 'openapi.yaml',
    out: 'out',
    cwd: specDir({ 'openapi.yaml': openapi(yaml) }),
    dist: false,
  });
  const file = files.find((f) => f.path === path);
  if (file === undefined) throw new Error(`no file ${path}: ${files.map((f) => f.path).join(', ')}`);
  return file.contents;
}

/** Code with every run of white space one space: signatures whatever the printer's line breaks. */
function flat(code: string): string {
  return code.replace(/\s+/g, ' ');
}

function errors(yaml: string): string[] {
  try {
    model(yaml);
    return [];
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return error.diagnostics.map((d) => `${d.code} ${d.location?.line ?? '?'}: ${d.message}`);
  }
}

const json = (schema: string): string => `{application/json: {schema: ${schema}}}`;
const ok = (schema: string): string => `{"200": {description: ok, content: ${json(schema)}}}`;

const SKIPPING = `paths:
  /pets:
    get:
      operationId: listPets
      responses: ${ok('{type: array, items: {$ref: "#/components/schemas/Pet"}}')}
  /internal/audit:
    get:
      operationId: auditLog
      x-sdkgen-skip: "not listed in stainless.yml"
      responses: ${ok('{$ref: "#/components/schemas/AuditLog"}')}
  /internal/{shard}/audit:
    post:
      operationId: addAudit
      x-sdkgen-skip: true
      requestBody: {content: ${json('{$ref: "#/components/schemas/AuditEntry"}')}}
      responses: ${ok('{$ref: "#/components/schemas/Pet"}')}
components:
  schemas:
    Pet: {type: object, properties: {id: {type: string}}}
    AuditLog: {type: object, properties: {entries: {type: array, items: {$ref: "#/components/schemas/AuditEntry"}}}}
    AuditEntry: {type: object, properties: {at: {type: string}}}
    Kept: {type: object, x-sdkgen-name: KeptEntry, properties: {entry: {$ref: "#/components/schemas/AuditEntry"}}}
    Unused: {type: object, properties: {note: {type: string}}}
`;

describe('x-sdkgen-skip', () => {
  it('leaves the operation out of the client, and the plan lists it with its reason', () => {
    const built = model(SKIPPING);
    expect(operations(built.root).map((op) => op.operationId)).toEqual(['listPets']);
    expect(built.skipped?.map((s) => [s.method, s.path, s.operationId, s.reason])).toEqual([
      ['get', '/internal/audit', 'auditLog', 'x-sdkgen-skip: not listed in stainless.yml'],
      ['post', '/internal/{shard}/audit', 'addAudit', 'x-sdkgen-skip'],
    ]);
    const text = formatPlan(planOf(built), 'text');
    expect(text).toContain(
      [
        'left out',
        '  GET /internal/audit           x-sdkgen-skip: not listed in stainless.yml (auditLog)',
        '  POST /internal/{shard}/audit  x-sdkgen-skip (addAudit)',
      ].join('\n'),
    );
    expect(text).toContain('1 method; 1 with an inference or rename shown under it; 2 operations left out.');
    expect(planOf(built).leftOut?.map((o) => o.operationId)).toEqual(['auditLog', 'addAudit']);
  });

  it('drops the schemas only skipped operations reach; keeps declared names, what they reach, and unreached ones', () => {
    // AuditEntry is reached by a skipped body, but also by Kept, whose name is declared: it stays.
    const names = model(SKIPPING).schemas.map((s) => s.name);
    expect(names).toEqual(['Pet', 'AuditEntry', 'KeptEntry', 'Unused']);
    expect(names).not.toContain('AuditLog');
  });

  it('does not read a skipped operation: what only it gets wrong cannot fail the client', () => {
    // addAudit's path has a parameter {shard} it does not declare, an error in any operation that is read.
    expect(errors(SKIPPING)).toEqual([]);
    expect(errors(SKIPPING.replace('x-sdkgen-skip: true', 'x-sdkgen-skip: false'))).toEqual([
      expect.stringMatching(/^path-param-undeclared .*\{shard\}/),
    ]);
  });

  it('refuses a value that is neither true, false nor a reason, where it is written', () => {
    expect(
      errors(`paths:\n  /pets:\n    get:\n      x-sdkgen-skip: 1\n      responses: {"200": {description: ok}}\n`),
    ).toEqual(['extension-invalid 10: `x-sdkgen-skip` must be true, false or a non-empty text.']);
    expect(
      operations(
        model(`paths:\n  /pets:\n    get:\n      x-sdkgen-skip: false\n      responses: {"200": {description: ok}}\n`)
          .root,
      ),
    ).toHaveLength(1);
  });
});

describe('the operation extensions elsewhere', () => {
  it('are errors where they would change nothing: on a path item, a schema, the root', () => {
    expect(
      errors(`x-sdkgen-deprecated: true
paths:
  /pets:
    x-sdkgen-skip: true
    get:
      responses: {"200": {description: ok, content: {application/json: {schema: {type: object, x-sdkgen-body-param: pets}}}}}
`),
    ).toEqual([
      'extension-misplaced 7: `x-sdkgen-deprecated` is read on an operation only.',
      'extension-misplaced 10: `x-sdkgen-skip` is read on an operation only.',
      'extension-misplaced 12: `x-sdkgen-body-param` is read on an operation only.',
    ]);
  });
});

const PAGE = `{type: object, properties: {data: {type: array, items: {type: object, properties: {id: {type: string}}}}, has_more: {type: boolean}}}`;

describe('x-sdkgen-pagination: false', () => {
  const spec = (ext: string): string => `paths:
  /events:
    get:
      operationId: listEvents
      ${ext}
      parameters: [{name: starting_after, in: query, schema: {type: string}}]
      responses: ${ok(PAGE)}
`;

  it('leaves a list that inference would page unpaginated, and the plan says it was declared', () => {
    expect(operation(spec(''), 'listEvents').pagination?.pageClass.name).toBe('CursorPage');
    const op = operation(spec('x-sdkgen-pagination: false'), 'listEvents');
    expect(op.pagination).toBeUndefined();
    expect(op.name).toBe('list');
    expect(formatPlan(planOf(model(spec('x-sdkgen-pagination: false'))), 'text')).toContain(
      'not paginated: declared (x-sdkgen-pagination: false)',
    );
  });

  it('wins over a declared page class the list fits', () => {
    const classes = `x-sdkgen-pagination:\n  EventPage: {type: item-id, items: data, idField: id, cursorParam: starting_after}\n`;
    expect(operation(classes + spec(''), 'listEvents').pagination?.pageClass.name).toBe('EventPage');
    expect(operation(classes + spec('x-sdkgen-pagination: false'), 'listEvents').pagination).toBeUndefined();
  });

  it('refuses true, which names no class', () => {
    expect(errors(spec('x-sdkgen-pagination: true'))).toEqual([
      'extension-invalid 11: `x-sdkgen-pagination` must be a non-empty string.',
    ]);
  });
});

describe('x-sdkgen-deprecated', () => {
  const spec = (ext: string): string => `paths:
  /pets:
    get:
      operationId: listPets
      ${ext}
      responses: ${ok('{type: array, items: {type: string}}')}
`;

  it('puts its message after @deprecated in the JSDoc and api.md', () => {
    const yaml = spec('x-sdkgen-deprecated: "Use pets.search() instead."');
    expect(operation(yaml, 'listPets').docs).toMatchObject({
      deprecated: true,
      deprecation: 'Use pets.search() instead.',
    });
    expect(generated(yaml, 'src/resources/pets.ts')).toContain('   * @deprecated Use pets.search() instead.\n');
    expect(generated(yaml, 'api.md')).toContain('**deprecated**: Use pets.search() instead.');
  });

  it('gives a plain @deprecated for true, as for the standard deprecated: true', () => {
    for (const ext of ['x-sdkgen-deprecated: true', 'deprecated: true']) {
      expect(operation(spec(ext), 'listPets').docs.deprecation).toBeUndefined();
      expect(generated(spec(ext), 'src/resources/pets.ts')).toContain('   * @deprecated\n');
    }
    expect(generated(spec(''), 'src/resources/pets.ts')).not.toContain('@deprecated');
  });

  it('refuses an empty message', () => {
    expect(errors(spec('x-sdkgen-deprecated: ""'))).toEqual([
      'extension-invalid 11: `x-sdkgen-deprecated` must be true, false or a non-empty text.',
    ]);
  });
});

describe('x-sdkgen-body-param', () => {
  const spec = (ext: string, required = true): string => `paths:
  /tags/batch:
    post:
      operationId: addTags
      ${ext}
      requestBody: {required: ${required}, content: ${json('{type: array, items: {type: string}}')}}
      responses: ${ok('{type: object, properties: {count: {type: integer}}}')}
`;

  it('without it, a body that is not an object is the positional body argument itself', () => {
    const code = flat(generated(spec(''), 'src/resources/tags.ts'));
    expect(code).toContain('batch(body: string[], options?: RequestOptions)');
    expect(code).toContain(" path: '/tags/batch', body, }");
  });

  it('makes the body the named property of the argument, and sends that property as the whole body', () => {
    const yaml = spec('x-sdkgen-body-param: tags');
    expect(operation(yaml, 'addTags').body).toMatchObject({ param: 'tags', type: { kind: 'array' } });
    const code = flat(generated(yaml, 'src/resources/tags.ts'));
    expect(code).toContain('batch(body: { tags: string[]; }, options?: RequestOptions)');
    expect(code).toContain(" path: '/tags/batch', body: body.tags, }");
    expect(code).toContain("client.tags.batch({ tags: ['string'] })");
    expect(formatPlan(planOf(model(yaml)), 'text')).toContain('batch({ tags })');
  });

  it('keeps an optional body optional, property and all', () => {
    const code = flat(generated(spec('x-sdkgen-body-param: tags', false), 'src/resources/tags.ts'));
    expect(code).toContain('batch(body?: { tags?: string[]; }, options?: RequestOptions)');
    expect(code).toContain('body: body?.tags,');
  });

  it('is an error on an operation without a body, and where it is not an identifier', () => {
    const noBody = `paths:\n  /pets:\n    get:\n      x-sdkgen-body-param: pets\n      responses: {"200": {description: ok}}\n`;
    expect(errors(noBody)).toEqual([
      'extension-invalid 10: `x-sdkgen-body-param` names the property that holds the request body, but GET /pets has none.',
    ]);
    expect(errors(spec('x-sdkgen-body-param: "two words"'))).toEqual([
      'extension-invalid 11: `x-sdkgen-body-param` must be a valid identifier, not "two words".',
    ]);
  });
});

describe('sdkgen diff, on the same model', () => {
  const TAGS = `paths:
  /tags:
    get:
      operationId: listTags
      responses: ${ok('{type: array, items: {type: string}}')}
    post:
      operationId: addTags
      requestBody: {required: true, content: ${json('{type: array, items: {type: string}}')}}
      responses: ${ok('{type: object, properties: {count: {type: integer}}}')}
`;
  const rules = (head: string): string[] => {
    const dir = specDir({ 'base.yaml': openapi(TAGS), 'head.yaml': openapi(head) });
    return [
      ...new Set(
        compareModels(modelSpec('base.yaml', dir).model, modelSpec('head.yaml', dir).model).map((c) => c.rule),
      ),
    ].sort();
  };

  it('sees a skipped operation as removed, a declared deprecation, and a body moved into a property', () => {
    expect(rules(TAGS.replace('operationId: listTags', 'operationId: listTags\n      x-sdkgen-skip: true'))).toEqual([
      'operation-removed',
    ]);
    expect(
      rules(TAGS.replace('operationId: listTags', 'operationId: listTags\n      x-sdkgen-deprecated: Use search.')),
    ).toEqual(['operation-deprecated']);
    expect(
      rules(TAGS.replace('operationId: addTags', 'operationId: addTags\n      x-sdkgen-body-param: tags')),
    ).toEqual(['request-type-changed']);
  });
});
