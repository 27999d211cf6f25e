import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJSONSpecFile } from '../../generator/load/json-file.js';
import { readJSONWithOffsets } from '../../generator/load/json-reader.js';
import { countKeys } from '../../generator/load/json-scan.js';
import { offsetLocator } from '../../generator/load/line-index.js';
import { type NodeOffsets, type SpecFile, specFile } from '../../generator/load/spec-file.js';
import { everyLocation } from '../helpers/every-location.js';

function parsed(text: string): SpecFile {
  const result = parseJSONSpecFile('/spec.json', 'spec.json', text);
  if (result.file === undefined) throw new Error(result.error.message);
  return result.file;
}

/** The file as the position-keeping reader reads it: every offset recorded while parsing. */
function eager(text: string): SpecFile {
  const offsets = new WeakMap<object, NodeOffsets>();
  const value = readJSONWithOffsets(text, offsets, () => {
    throw new Error('duplicate');
  });
  return specFile(
    { absolutePath: '/spec.json', displayPath: 'spec.json' },
    text,
    value,
    offsets,
    offsetLocator(text, 'spec.json'),
  );
}

const SHAPES = {
  pretty: JSON.stringify(
    {
      openapi: '3.1.0',
      paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } } },
      x: [1, [2, {}], []],
    },
    null,
    2,
  ),
  compact: '{"a":{"b":[1,2,{"c":true}],"d":null},"e":[],"f":{},"g":-1.5e3}',
  'odd spacing': ' {\r\n\t"a" :\t[ 1 ,\n "x" , { } ] ,"b":{ "c" : "d" }\n}\n',
  'escapes in keys and strings': '{"a\\"b":{"\\u00e9":"x\\\\"},"c\\\\":["\\"", "}", "]", "{"],"é":{"\\n":1}}',
  'a __proto__ key': '{"__proto__":{"polluted":true},"b":{"__proto__":[1]}}',
  'integer-like keys, which objects enumerate first': '{"responses":{"default":{"x":1},"404":{"y":2},"200":{"z":3}}}',
  'a BOM': '\uFEFF{\n  "a": {"b": 1}\n}',
  'a top-level array': '[{"a":1},[{"b":2}]]',
};

/** Every container and entry located deepest first: a scan reads a container's children's entries too, whatever is asked first. */
function deepestFirst(file: SpecFile): string[] {
  const asked: [object, string | undefined][] = [];
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    asked.push([value, undefined]);
    for (const [key, inner] of Object.entries(value)) {
      asked.push([value, key]);
      visit(inner);
    }
  };
  visit(file.value);
  return asked.reverse().map(([container, key]) => {
    const at = key === undefined ? file.locate(container) : file.locate(container, key, 'value');
    return `${key ?? '.'} ${at.line}:${at.column}`;
  });
}

describe('JSON specs: read by JSON.parse, located on demand', () => {
  for (const [name, text] of Object.entries(SHAPES))
    it(`locates every container and entry as the position-keeping reader does (${name})`, () => {
      expect(everyLocation(parsed(text))).toEqual(everyLocation(eager(text)));
    });

  it('locates the same in a real spec (the OData fixture that mirrors Microsoft Graph)', () => {
    const text = readFileSync('test/fixtures/odata-graph/openapi.json', 'utf8');
    expect(everyLocation(parsed(text))).toEqual(everyLocation(eager(text)));
  });

  it('locates the same whichever is asked first, the deepest entries before their parents', () => {
    for (const text of [...Object.values(SHAPES), readFileSync('test/fixtures/odata-graph/openapi.json', 'utf8')])
      expect(deepestFirst(parsed(text))).toEqual(deepestFirst(eager(text)));
  });

  it('keeps __proto__ a plain key, never a prototype', () => {
    const value = parsed('{"__proto__":{"polluted":true}}').value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('reads a text with a BOM, counting the BOM as the first column', () => {
    const file = parsed('\uFEFF{"a": 1}');
    expect(file.value).toEqual({ a: 1 });
    expect(file.locate(file.value as object, 'a')).toEqual({ file: 'spec.json', line: 1, column: 3 });
  });

  it('owns its containers only, and places a container moved since (an overlay) at its old parent', () => {
    const file = parsed('{"a": {"b": {"c": 1}}}');
    const value = file.value as { a: { b: object } };
    const b = value.a.b;
    expect(file.owns(b)).toBe(true);
    expect(file.owns({})).toBe(false);
    expect(file.locate({}, 'x')).toEqual({ file: 'spec.json', line: 1, column: 1 });
    value.a.b = { replaced: true };
    expect(file.owns(value.a.b)).toBe(false);
    expect(file.locate(b)).toEqual({ file: 'spec.json', line: 1, column: 7 });
  });

  it('reports each duplicate key where it is, escaped spellings included, and keeps no value', () => {
    const result = parseJSONSpecFile('/spec.json', 'spec.json', '{"a": 1,\n "b": {"x": 1, "\\u0078": 2}, "a": 3}');
    expect(result.file?.value).toBeUndefined();
    expect('diagnostics' in result && result.diagnostics.map((d) => [d.message, d.location])).toEqual([
      ['Duplicate key "x".', { file: 'spec.json', line: 2, column: 16 }],
      ['Duplicate key "a".', { file: 'spec.json', line: 2, column: 30 }],
    ]);
  });

  it('places a syntax error at its line and column, which JSON.parse does not say', () => {
    const result = parseJSONSpecFile('/spec.json', 'spec.json', '{\n  "a": [1, 2,]\n}');
    expect(result.file).toBeUndefined();
    expect('error' in result && result.error).toEqual({
      message: 'Expected a JSON value.',
      location: { file: 'spec.json', line: 2, column: 14 },
    });
  });

  it('counts keys, not strings that look like them, to find a duplicate', () => {
    expect(countKeys('{"a": "b:", "c" : ["d", ":"], "e\\":": {"f": "\\\\"}}')).toBe(4);
  });
});
