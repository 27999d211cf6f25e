import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, SpecError } from '../../generator/diagnostics.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { fieldsOf, OBJECT_KINDS, type ObjectKind } from '../../generator/load/openapi-keys.js';
import { modelSpec } from '../../generator/model-spec.js';
import { openapi, specDir } from '../helpers/spec-files.js';

/** What loading says: the warnings, or the errors it threw. */
function diagnosticsOf(files: Record<string, string>): Diagnostic[] {
  const cwd = specDir(files);
  try {
    return [...loadSpec('openapi.yaml', { cwd }).warnings];
  } catch (error) {
    if (error instanceof SpecError) return [...error.diagnostics];
    throw error;
  }
}

const brief = (d: Diagnostic): string =>
  `${d.location?.line}:${d.location?.column} ${d.severity} ${d.code}: ${d.message}${d.hint === undefined ? '' : ` (${d.hint})`}`;

const OPERATION = (body: string): string => `paths:\n  /pets/{id}:\n    get:\n${body}`;

describe('keys OpenAPI does not define', () => {
  it('are located warnings with the field they most likely mean', () => {
    const found = diagnosticsOf({
      'openapi.yaml': openapi(
        OPERATION(
          '      paramters:\n        - {name: id, in: path, required: true, schema: {tyep: string}}\n      reponses:\n        "200": {description: ok}\n',
        ),
      ),
    }).map(brief);
    expect(found).toEqual([
      '10:7 warning key-unknown: `paramters` is not a field of an Operation Object in OpenAPI 3.1; it is ignored. (Did you mean `parameters`?)',
      '12:7 warning key-unknown: `reponses` is not a field of an Operation Object in OpenAPI 3.1; it is ignored. (Did you mean `responses`?)',
    ]);
  });

  it('are found in schemas, parameters and every file a $ref reaches, each object once', () => {
    const found = diagnosticsOf({
      'openapi.yaml': openapi(
        `${OPERATION('      parameters:\n        - $ref: "params.yaml#/Id"\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: "#/components/schemas/Pet"}\n')}components:\n  schemas:\n    Pet:\n      type: object\n      properties:\n        name: {tyep: string}\n        kind: {type: string, enum: open}\n        again: {$ref: "#/components/schemas/Pet"}\n`,
      ),
      'params.yaml': 'Id:\n  name: id\n  in: path\n  requird: true\n  schema: {type: string}\n',
    }).map(brief);
    expect(found).toEqual([
      '23:16 warning key-unknown: `tyep` is not a field of a schema in OpenAPI 3.1; it is ignored. (Did you mean `type`?)',
      '24:30 warning schema-keyword-invalid: `enum` must be a list of values (`enum: [a, b]`); it is ignored.',
      '4:3 warning key-unknown: `requird` is not a field of a Parameter Object in OpenAPI 3.1; it is ignored. (Did you mean `required`?)',
      '2:3 warning path-parameter-optional: Path parameter `id` must be `required: true` (OpenAPI says so of every path parameter); it is treated as required.',
    ]);
  });

  // A schema with none of these keys is a leaf the check does not look further into (check-keys.ts, SCHEMA_BRANCHES).
  it.each([
    ['not', '{bogus: 1}'],
    ['if', '{bogus: 1}'],
    ['then', '{bogus: 1}'],
    ['else', '{bogus: 1}'],
    ['contains', '{bogus: 1}'],
    ['propertyNames', '{bogus: 1}'],
    ['contentSchema', '{bogus: 1}'],
    ['additionalProperties', '{bogus: 1}'],
    ['unevaluatedItems', '{bogus: 1}'],
    ['unevaluatedProperties', '{bogus: 1}'],
    ['items', '{bogus: 1}'],
    ['items', '[{bogus: 1}]'],
    ['allOf', '[{bogus: 1}]'],
    ['oneOf', '[{bogus: 1}]'],
    ['anyOf', '[{bogus: 1}]'],
    ['prefixItems', '[{bogus: 1}]'],
    ['properties', '{a: {bogus: 1}}'],
    ['patternProperties', '{"^a": {bogus: 1}}'],
    ['dependentSchemas', '{a: {bogus: 1}}'],
    ['$defs', '{a: {bogus: 1}}'],
    ['discriminator', '{propertyName: kind, bogus: 1}'],
    ['xml', '{bogus: 1}'],
    ['externalDocs', '{url: "https://example.com", bogus: 1}'],
  ])('are found under a schema whose only keyword is `%s`', (keyword, value) => {
    const found = diagnosticsOf({
      'openapi.yaml': openapi(`paths: {}\ncomponents:\n  schemas:\n    Pet:\n      ${keyword}: ${value}\n`),
    });
    expect(found.map((d) => `${d.code} ${d.message.split(';')[0]}`)).toEqual([
      expect.stringMatching(/^key-unknown `bogus` is not a field of /),
    ]);
  });

  it('are found in a schema that is a leaf, with its type checked', () => {
    const found = diagnosticsOf({
      'openapi.yaml': openapi('paths: {}\ncomponents:\n  schemas:\n    Pet: {tyep: string, type: strng}\n'),
    }).map(brief);
    expect(found).toEqual([
      '10:11 warning key-unknown: `tyep` is not a field of a schema in OpenAPI 3.1; it is ignored. (Did you mean `type`?)',
      '10:25 warning schema-type-unknown: `type: "strng"` is not a type; it is one of string, number, integer, boolean, array, object, null. (Did you mean `string`?)',
    ]);
  });

  it('say how to write a Swagger 2.0 body parameter, and which place a misspelled one means', () => {
    const cwd = specDir({
      'openapi.yaml': openapi(
        'paths:\n  /pets:\n    post:\n      parameters:\n        - {name: pet, in: body, schema: {type: object}}\n        - {name: q, in: qeury, schema: {type: string}}\n      responses:\n        "204": {description: ok}\n',
      ),
    });
    const error = (() => {
      try {
        modelSpec('openapi.yaml', cwd);
      } catch (e) {
        return e as SpecError;
      }
      throw new Error('no error');
    })();
    expect(error.diagnostics.map((d) => [d.code, d.location?.line, d.hint?.slice(0, 60)])).toEqual([
      ['parameter-invalid', 11, '`in: body` is Swagger 2.0: in OpenAPI 3, describe the body a'],
      ['parameter-invalid', 12, 'Did you mean `in: query`?'],
    ]);
  });

  it('leave extensions alone, but a misspelled x-sdkgen-* key is an error', () => {
    const found = diagnosticsOf({
      'openapi.yaml': openapi(
        `x-logo: {url: x}\n${OPERATION('      x-sdkgen-methd: fetch\n      x-internal: true\n      responses:\n        "204": {description: ok}\n')}`,
      ),
    });
    expect(found.map(brief)).toEqual([
      '11:7 error extension-unknown: `x-sdkgen-methd` is not an sdkgen extension. (Did you mean `x-sdkgen-method`?)',
    ]);
  });

  it('catch a misspelled x-sdkgen-* key an overlay adds', () => {
    const cwd = specDir({
      'openapi.yaml': openapi(OPERATION('      responses:\n        "204": {description: ok}\n')),
      'overlay.yaml':
        'overlay: 1.0.0\ninfo: {title: o, version: 1.0.0}\nactions:\n  - target: $.paths["/pets/{id}"].get\n    update:\n      x-sdkgen-resurce: [pets]\n',
    });
    expect(() => modelSpec('openapi.yaml', cwd, { overlays: ['overlay.yaml'] })).toThrow(
      /`x-sdkgen-resurce` is not an sdkgen extension[\s\S]*Did you mean `x-sdkgen-resource`\?/,
    );
  });
});

describe('syntax of the other version', () => {
  it('is a warning in a 3.0 document using 3.1 keywords, once per keyword with a count', () => {
    const found = diagnosticsOf({
      'openapi.yaml': `openapi: 3.0.3\ninfo: {title: T, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: [string, "null"]}\n    B: {const: x}\n    C: {const: y}\n`,
    }).map(brief);
    expect(found).toEqual([
      '6:9 warning openapi-31-syntax: `type` as a list is OpenAPI 3.1 syntax; in 3.0 `type` is one name (and `nullable: true` allows null).',
      '6:9 warning schema-type-unknown: `type: "null"` is not a type; it is one of string, number, integer, boolean, array, object. (In 3.0, a value that may be null has `nullable: true` beside its type.)',
      '7:9 warning openapi-31-syntax: `const` is OpenAPI 3.1 syntax, in a document that says it is 3.0.3 (here and in 1 more place); sdkgen reads it as 3.1 does. (Set `openapi: 3.1.0` at the top of the document, or write it the 3.0 way.)',
    ]);
  });

  it('is a warning in a 3.1 document using nullable, which says how 3.1 writes it', () => {
    const [found] = diagnosticsOf({
      'openapi.yaml': openapi('paths: {}\ncomponents:\n  schemas:\n    A: {type: string, nullable: true}\n'),
    });
    expect(found?.code).toBe('openapi-30-syntax');
    expect(found?.hint).toBe('In 3.1, write a type that may be null as a list: `type: [string, "null"]`.');
  });
});

describe('what other generators read, read with a warning', () => {
  it('reads YAML\'s unquoted null in a type list as the type "null" (ImageKit\'s spec)', () => {
    const cwd = specDir({
      'openapi.yaml': openapi(
        'paths: {}\ncomponents:\n  schemas:\n    Tags:\n      type: [array, null]\n      items: {type: string}\n',
      ),
    });
    const { model, warnings } = modelSpec('openapi.yaml', cwd);
    expect(warnings.map((w) => w.formatted)).toEqual([
      [
        'openapi.yaml:11:7: warning schema-type-null-unquoted: `type: [array, null]` holds YAML\'s null, not the type name "null"; it is read as the type "null".',
        '11 |       type: [array, null]',
        '   |       ^',
        '  hint: Quote it: `type: [array, "null"]`.',
      ].join('\n'),
    ]);
    const tags = model.schemas.find((s) => s.name === 'Tags');
    expect(tags?.type).toEqual({
      kind: 'union',
      members: [
        { kind: 'array', items: { kind: 'primitive', name: 'string' } },
        { kind: 'primitive', name: 'null' },
      ],
    });
  });

  it('reads the same null in a JSON spec, and in a file a $ref reaches', () => {
    const found = diagnosticsOf({
      'openapi.yaml': openapi('paths: {}\ncomponents:\n  schemas:\n    Name: {$ref: "name.json"}\n'),
      'name.json': '{\n  "type": ["string", null]\n}\n',
    }).map((d) => `${d.location?.file}:${brief(d)}`);
    expect(found).toEqual([
      'name.json:2:3 warning schema-type-null-unquoted: `type: [string, null]` holds YAML\'s null, not the type name "null"; it is read as the type "null". (Quote it: `type: [string, "null"]`.)',
    ]);
  });

  it("ignores `post: null` in a path item, in the root file or another (Privy's spec)", () => {
    const cwd = specDir({
      'openapi.yaml': openapi(
        'paths:\n  /wallets:\n    get:\n      operationId: listWallets\n      responses:\n        "204": {description: ok}\n    post: null\n  /users:\n    $ref: "users.yaml"\n',
      ),
      'users.yaml': 'delete: null\nget:\n  operationId: listUsers\n  responses:\n    "204": {description: ok}\n',
    });
    const { model, warnings } = modelSpec('openapi.yaml', cwd);
    expect(warnings.map((w) => w.formatted.split('\n')[0])).toEqual([
      'openapi.yaml:13:5: warning operation-null: `post: null` declares no operation; it is ignored.',
      'users.yaml:1:1: warning operation-null: `delete: null` declares no operation; it is ignored.',
    ]);
    expect(warnings[0]?.formatted).toContain('hint: Remove the `post` line, or describe the operation under it.');
    const routes = (node: typeof model.root): string[] => [
      ...node.operations.map((o) => `${o.method.toUpperCase()} ${o.path}`),
      ...node.children.flatMap(routes),
    ];
    expect(routes(model.root).sort()).toEqual(['GET /users', 'GET /wallets']);
  });
});

describe('more of what other generators read, found by looking for YAML nulls where a value belongs', () => {
  it('reads `type: null` as the type "null", as in `anyOf: [{type: string}, {type: null}]`', () => {
    const cwd = specDir({
      'openapi.yaml': openapi(
        'paths: {}\ncomponents:\n  schemas:\n    Tag:\n      anyOf:\n        - type: string\n        - type: null\n',
      ),
    });
    const { model, warnings } = modelSpec('openapi.yaml', cwd);
    expect(warnings.map((w) => w.formatted.split('\n')[0])).toEqual([
      'openapi.yaml:13:11: warning schema-type-null-unquoted: `type: null` is YAML\'s null, not the type name "null"; it is read as the type "null".',
    ]);
    expect(model.schemas.find((s) => s.name === 'Tag')?.type).toEqual({
      kind: 'union',
      members: [
        { kind: 'primitive', name: 'string' },
        { kind: 'primitive', name: 'null' },
      ],
    });
  });

  it('ignores a path written `/path: null`', () => {
    const cwd = specDir({
      'openapi.yaml': openapi(
        'paths:\n  /gone: null\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        "204": {description: ok}\n',
      ),
    });
    const { model, warnings } = modelSpec('openapi.yaml', cwd);
    expect(warnings.map((w) => w.formatted.split('\n')[0])).toEqual([
      'openapi.yaml:8:3: warning path-null: `/gone: null` declares no operation; the path is ignored.',
    ]);
    expect(model.root.children.map((c) => c.path.join('.'))).toEqual(['pets']);
  });
});

describe('--strict', () => {
  it('makes every warning an error', () => {
    const cwd = specDir({
      'openapi.yaml': openapi('paths:\n  /pets:\n    get:\n      reponses:\n        "204": {description: ok}\n'),
    });
    expect(
      modelSpec('openapi.yaml', cwd)
        .warnings.map((w) => w.formatted)
        .join('\n'),
    ).toMatch(/warning key-unknown/);
    expect(() => modelSpec('openapi.yaml', cwd, { strict: true })).toThrow(/error key-unknown: `reponses`/);
  });
});

describe('the key lists', () => {
  // Redocly's OpenAPI types, an independent reading of the same specifications (openapi-typescript's validator).
  const require = createRequire(import.meta.url);
  const redocly = {
    '3.0': require('@redocly/openapi-core/lib/types/oas3.js').Oas3Types,
    '3.1': require('@redocly/openapi-core/lib/types/oas3_1.js').Oas3_1Types,
  } as Record<'3.0' | '3.1', Record<string, { properties?: Record<string, unknown> }>>;
  const NAMES: Partial<Record<ObjectKind, readonly string[]>> = {
    XML: ['Xml'],
    OAuthFlows: ['OAuth2Flows'],
    OAuthFlow: ['ImplicitFlow', 'PasswordFlow', 'ClientCredentials', 'AuthorizationCode'],
  };
  // Where the two differ on purpose: sdkgen's reading of OpenAPI 3.2's item streams, and keys
  // Redocly takes from older JSON Schema drafts or its own extensions.
  const OURS_ONLY = new Set([
    'MediaType.itemSchema',
    'MediaType.itemEncoding',
    'MediaType.prefixEncoding',
    'PathItem.$ref',
    'Schema.$ref',
  ]);
  const THEIRS_ONLY = new Set(['Schema.id', 'Schema.definitions', 'Schema.summary', 'Components.pathItems']);

  for (const version of ['3.0', '3.1'] as const) {
    it(`are OpenAPI ${version}'s`, () => {
      const differences: string[] = [];
      for (const kind of OBJECT_KINDS) {
        // Their `x-` keys are vendor extensions (Redoc's), which any object may have anyway.
        const theirs = new Set(
          (NAMES[kind] ?? [kind])
            .flatMap((name) => Object.keys(redocly[version][name]?.properties ?? {}))
            .filter((key) => !key.startsWith('x-')),
        );
        const ours = fieldsOf(kind, version);
        for (const key of ours)
          if (!theirs.has(key) && !OURS_ONLY.has(`${kind}.${key}`)) differences.push(`only ours: ${kind}.${key}`);
        for (const key of theirs)
          if (!ours.has(key) && !THEIRS_ONLY.has(`${kind}.${key}`)) differences.push(`only Redocly's: ${kind}.${key}`);
      }
      expect(differences).toEqual([]);
    });
  }
});
