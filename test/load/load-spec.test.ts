import { describe, expect, it } from 'vitest';
import { type Diagnostic, SpecError } from '../../generator/diagnostics.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { openapi, specDir } from '../helpers/spec-files.js';

function diagnosticsOf(files: Record<string, string>, root = 'openapi.yaml'): Diagnostic[] {
  const cwd = specDir(files);
  try {
    loadSpec(root, { cwd });
  } catch (error) {
    if (error instanceof SpecError) return [...error.diagnostics];
    throw error;
  }
  return [];
}

const brief = (d: Diagnostic): string => `${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.code}`;

describe('loadSpec', () => {
  it('reads YAML into plain values and locates every key', () => {
    const cwd = specDir({ 'openapi.yaml': openapi('paths:\n  /a:\n    get:\n      responses: {}\n') });
    const spec = loadSpec('openapi.yaml', { cwd });
    const doc = spec.root.value as { paths: Record<string, object> };
    expect(Object.keys(doc.paths)).toEqual(['/a']);
    expect(spec.root.locate(doc.paths, '/a')).toEqual({ file: 'openapi.yaml', line: 8, column: 3 });
    expect(spec.root.locate(doc.paths['/a'] as object, 'get')).toEqual({ file: 'openapi.yaml', line: 9, column: 5 });
  });

  it('keeps __proto__ a plain key, never a prototype', () => {
    const cwd = specDir({
      'openapi.yaml': openapi(
        'components:\n  schemas:\n    X:\n      properties:\n        __proto__:\n          type: string\n',
      ),
    });
    const spec = loadSpec('openapi.yaml', { cwd });
    const x = (spec.root.value as { components: { schemas: { X: { properties: object } } } }).components.schemas.X
      .properties;
    expect(Object.keys(x)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(x)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['type']).toBeUndefined();
  });

  it('follows relative $refs into other files, and files they refer to, once each', () => {
    const cwd = specDir({
      'openapi.yaml': openapi('components:\n  schemas:\n    A:\n      $ref: "./schemas/a.yaml"\n'),
      'schemas/a.yaml': 'type: object\nproperties:\n  b:\n    $ref: "./b.yaml#/B"\n',
      'schemas/b.yaml': 'B:\n  type: object\n  properties:\n    a:\n      $ref: "./a.yaml"\n',
    });
    const spec = loadSpec('openapi.yaml', { cwd });
    expect([...spec.files.values()].map((f) => f.displayPath).sort()).toEqual([
      'openapi.yaml',
      'schemas/a.yaml',
      'schemas/b.yaml',
    ]);
    const a = [...spec.files.values()].find((f) => f.displayPath === 'schemas/a.yaml');
    expect(spec.resolveRef('./b.yaml#/B', a!)?.pointer).toEqual(['B']);
    expect(spec.resolveRef('./b.yaml#/B', a!)?.file.displayPath).toBe('schemas/b.yaml');
  });

  it('reports a YAML syntax error with its position', () => {
    expect(diagnosticsOf({ 'openapi.yaml': 'openapi: 3.1.0\ninfo: [unclosed\n' }).map(brief)).toEqual([
      'openapi.yaml:3:1 yaml-syntax',
    ]);
  });

  it('reports duplicate keys', () => {
    const found = diagnosticsOf({ 'openapi.yaml': openapi('paths: {}\npaths: {}\n') });
    expect(found.map(brief)).toEqual(['openapi.yaml:8:1 yaml-duplicate-key']);
  });

  it('reports empty and binary files, and a missing root file', () => {
    expect(diagnosticsOf({ 'openapi.yaml': '  \n' }).map((d) => d.code)).toEqual(['file-empty']);
    expect(diagnosticsOf({ 'openapi.yaml': 'openapi\u0000' }).map((d) => d.code)).toEqual(['file-binary']);
    expect(diagnosticsOf({}, 'nope.yaml').map((d) => [d.code, d.message])).toEqual([
      ['file-unreadable', 'nope.yaml does not exist.'],
    ]);
  });

  it('recognizes Swagger 2.0 and says how to convert it', () => {
    const [d] = diagnosticsOf({ 'openapi.yaml': 'swagger: "2.0"\ninfo: {title: x, version: "1"}\npaths: {}\n' });
    expect(d?.code).toBe('swagger-2');
    expect(d?.hint).toContain('swagger2openapi');
  });

  it('refuses documents that are not OpenAPI 3.0 or 3.1', () => {
    expect(diagnosticsOf({ 'openapi.yaml': 'hello: world\n' }).map((d) => d.code)).toEqual(['not-openapi']);
    expect(diagnosticsOf({ 'openapi.yaml': '- a\n- b\n' }).map((d) => d.code)).toEqual(['not-openapi']);
    expect(diagnosticsOf({ 'openapi.yaml': 'openapi: 4.0.0\ninfo: {title: x, version: "1"}\n' }).map(brief)).toEqual([
      'openapi.yaml:1:1 openapi-version',
    ]);
  });

  it('reports nodes of the wrong kind where they are', () => {
    const found = diagnosticsOf({ 'openapi.yaml': openapi('paths:\n  - /a\n') });
    expect(found.map((d) => [brief(d), d.message])).toEqual([
      ['openapi.yaml:7:1 wrong-kind', '`paths` must be a mapping, not a list.'],
    ]);
  });

  it('reports every unresolvable $ref, local or in a missing file, at the $ref in its own file', () => {
    const found = diagnosticsOf({
      'openapi.yaml': openapi(
        'components:\n  schemas:\n    A:\n      $ref: "#/components/schemas/Missing"\n    B:\n      $ref: "./other.yaml#/Nope"\n    C:\n      $ref: "./gone.yaml"\n',
      ),
      'other.yaml': 'Yes:\n  type: string\n  items:\n    $ref: "#/Nothing"\n',
    });
    expect(found.map(brief).sort()).toEqual([
      'openapi.yaml:10:13 ref-unresolved',
      'openapi.yaml:12:13 ref-unresolved',
      'openapi.yaml:14:13 file-unreadable',
      'other.yaml:4:11 ref-unresolved',
    ]);
  });

  it('refuses remote $refs', () => {
    const found = diagnosticsOf({
      'openapi.yaml': openapi('components:\n  schemas:\n    A:\n      $ref: "https://example.com/a.yaml"\n'),
    });
    expect(found.map((d) => d.code)).toEqual(['ref-remote']);
  });

  it('reads a $ref inside example data as data, as in GitHub SCIM examples', () => {
    const found = diagnosticsOf({
      'openapi.yaml': openapi(`components:
  schemas:
    Group:
      type: object
      properties:
        members: { type: array, items: { type: object } }
      example:
        members:
          - { value: u1, $ref: "https://api.github.com/scim/v2/Users/u1" }
      default: { $ref: "https://example.com/default" }
    Tags: { type: array, examples: [[{ $ref: "https://example.com/a" }]] }
  examples:
    Group:
      value: { members: [{ $ref: "https://api.github.com/scim/v2/Users/u2" }] }
`),
    });
    expect(found).toEqual([]);
  });

  it('still checks the $ref of a property or a schema that is named example', () => {
    const found = diagnosticsOf({
      'openapi.yaml': openapi(`components:
  schemas:
    example: { $ref: "https://example.com/a.yaml" }
    A:
      type: object
      properties:
        example: { $ref: "#/components/schemas/Missing" }
`),
    });
    expect(found.map((d) => d.code).sort()).toEqual(['ref-remote', 'ref-unresolved']);
  });

  it('reads JSON specs too', () => {
    const cwd = specDir({
      'openapi.json': JSON.stringify({ openapi: '3.0.3', info: { title: 'J', version: '1' }, paths: {} }, null, 2),
    });
    expect((loadSpec('openapi.json', { cwd }).root.value as { openapi: string }).openapi).toBe('3.0.3');
  });
});

describe('JSON specs', () => {
  it('are read with positions like YAML ones', () => {
    const text =
      '{\n  "openapi": "3.0.3",\n  "info": {"title": "J", "version": "1"},\n  "paths": {\n    "/a": {"get": {"responses": {}}}\n  },\n  "x": ["\\u00e9\\"", -1.5e3, true, null]\n}\n';
    const cwd = specDir({ 'openapi.json': text });
    const spec = loadSpec('openapi.json', { cwd });
    const doc = spec.root.value as { paths: Record<string, object>; x: unknown[] };
    expect(doc.x).toEqual(['é"', -1500, true, null]);
    expect(spec.root.locate(doc.paths, '/a')).toEqual({ file: 'openapi.json', line: 5, column: 5 });
    expect(spec.root.locate(doc.paths['/a'] as object, 'get', 'value')).toEqual({
      file: 'openapi.json',
      line: 5,
      column: 19,
    });
    expect(spec.root.locate(doc.x, 1)).toEqual({ file: 'openapi.json', line: 7, column: 21 });
  });

  it('report syntax errors and duplicate keys with their position', () => {
    expect(
      diagnosticsOf({ 'openapi.json': '{\n  "openapi": "3.0.3",\n  "info": {,}\n}' }, 'openapi.json').map(brief),
    ).toEqual(['openapi.json:3:12 json-syntax']);
    expect(
      diagnosticsOf({ 'openapi.json': '{"openapi": "3.0.3", "openapi": "3.1.0"}' }, 'openapi.json').map(brief),
    ).toEqual(['openapi.json:1:22 json-duplicate-key']);
  });

  it('place broken $refs deep in the document, though positions are found only when a diagnostic asks', () => {
    const text = [
      '{"openapi": "3.0.3", "info": {"title": "J", "version": "1"},',
      ' "paths": {"/a": {"get": {"responses": {"200": {"description": "ok",',
      '   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Mising"}}}}}}}},',
      ' "components": {"schemas": {"Missing": {"type": "object", "reqired": ["a"]},',
      '   "Other": {"$ref": "other.json"}}}}',
    ].join('\n');
    expect(diagnosticsOf({ 'openapi.json': text }, 'openapi.json').map(brief)).toEqual([
      'openapi.json:3:56 ref-unresolved',
      'openapi.json:5:22 file-unreadable',
    ]);
  });

  it('report a broken $ref at each place it is written, though a $ref that resolves is checked once per file', () => {
    // `#/components/schemas/A` names something in openapi.json, nothing in other.json.
    const text = [
      '{"openapi": "3.0.3", "info": {"title": "J", "version": "1"}, "paths": {},',
      ' "components": {"schemas": {"A": {"type": "string"}, "B": {"$ref": "#/components/schemas/A"},',
      '   "C": {"$ref": "#/components/schemas/A"}, "D": {"$ref": "other.json#/components/schemas/A"},',
      '   "E": {"$ref": "#/components/schemas/Gone"}, "F": {"items": {"$ref": "#/components/schemas/Gone"}}}}}',
    ].join('\n');
    const other = '{"X": {"$ref": "#/components/schemas/A"},\n "Y": {"$ref": "#/components/schemas/A"}}';
    expect(diagnosticsOf({ 'openapi.json': text, 'other.json': other }, 'openapi.json').map(brief)).toEqual([
      'openapi.json:3:59 ref-unresolved',
      'openapi.json:4:18 ref-unresolved',
      'openapi.json:4:72 ref-unresolved',
      'other.json:1:16 ref-unresolved',
      'other.json:2:16 ref-unresolved',
    ]);
  });

  it('follow the $refs of a value an overlay puts in two places once', () => {
    const cwd = specDir({
      'openapi.json':
        '{"openapi": "3.0.3", "info": {"title": "J", "version": "1"}, "paths": {},\n "components": {"schemas": {"A": {}, "B": {}}}}',
      'overlay.yaml': [
        'overlay: 1.0.0',
        'info: { title: o, version: "1" }',
        'actions:',
        '  - target: $.components.schemas.*',
        '    update: { items: { $ref: "#/components/schemas/Gone" } }',
      ].join('\n'),
    });
    let found: Diagnostic[] = [];
    try {
      loadSpec('openapi.json', { cwd, overlays: ['overlay.yaml'] });
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      found = [...error.diagnostics];
    }
    // One object in two places: walked, and reported, once (as a YAML alias is).
    expect(found.map((d) => d.code)).toEqual(['ref-unresolved']);
  });

  it('leave YAML that starts like JSON to the YAML reader', () => {
    const cwd = specDir({ 'openapi.yaml': '{openapi: 3.1.0, info: {title: Flow, version: "1"}, paths: {}}\n' });
    expect((loadSpec('openapi.yaml', { cwd }).root.value as { info: { title: string } }).info.title).toBe('Flow');
  });
});

describe('loadSpec says whether the root document is a tree (no object in two places)', () => {
  const PATHS = 'paths:\n  /a:\n    get:\n      responses: {"200": {description: ok}}\n';
  const treeOf = (files: Record<string, string>, root = 'openapi.yaml', overlays?: string[]): boolean =>
    loadSpec(root, { cwd: specDir(files), overlays }).tree;

  it('JSON, and YAML without anchors, are trees', () => {
    expect(treeOf({ 'openapi.yaml': openapi(PATHS) })).toBe(true);
    expect(
      treeOf(
        { 'openapi.json': '{"openapi": "3.1.0", "info": {"title": "J", "version": "1"}, "paths": {}}' },
        'openapi.json',
      ),
    ).toBe(true);
  });

  it('YAML whose alias repeats an anchored value is not', () => {
    const shared = 'components:\n  schemas:\n    A: &a {type: object}\n    B: *a\n';
    expect(treeOf({ 'openapi.yaml': openapi(`${PATHS}${shared}`) })).toBe(false);
  });

  it('a document an overlay changed is not', () => {
    const overlay =
      'overlay: 1.0.0\ninfo: {title: o, version: "1"}\nactions:\n  - target: $.info\n    update: {summary: s}\n';
    expect(treeOf({ 'openapi.yaml': openapi(PATHS), 'o.yaml': overlay }, 'openapi.yaml', ['o.yaml'])).toBe(false);
  });

  it('a document where the key check put a $ref-ed mapping in place of its $ref is not', () => {
    const inlined =
      'components:\n  schemas:\n    A: {type: object, properties: {$ref: "#/components/schemas/B/properties"}}\n' +
      '    B: {type: object, properties: {id: {type: string}}}\n';
    const spec = loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': openapi(`${PATHS}${inlined}`) }) });
    const schemas = (spec.root.value as { components: { schemas: Record<string, { properties: object }> } }).components
      .schemas;
    expect(schemas['A']?.properties).toBe(schemas['B']?.properties);
    expect(spec.tree).toBe(false);
  });

  it('says when no mapping of a file can have a key (the model then skips a walk looking for it)', () => {
    const yaml = loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': openapi(`${PATHS}x-other: 1\n`) }) });
    expect(yaml.root.mayHaveKey?.('x-other')).toBe(true);
    expect(yaml.root.mayHaveKey?.('x-sdkgen-name')).toBe(false);
    const json = (text: string) =>
      loadSpec('openapi.json', { cwd: specDir({ 'openapi.json': text }) }).root.mayHaveKey?.('x-sdkgen-name');
    const doc = (extra: string) => `{"openapi": "3.1.0", "info": {"title": "J", "version": "1"}, "paths": {}${extra}}`;
    expect(json(doc(''))).toBe(false);
    expect(json(doc(', "components": {"schemas": {"A": {"x-sdkgen-name": "B"}}}'))).toBe(true);
    // An escape may spell it: JSON.parse reads "x-sdkgen\u002dname" as the key itself.
    expect(json(doc(', "components": {"schemas": {"A": {"x-sdkgen\\u002dname": "B"}}}'))).toBe(true);
  });
});
