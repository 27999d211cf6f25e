import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offsetLocator } from '../../generator/load/line-index.js';
import { type NodeOffsets, type OffsetTable, specFile } from '../../generator/load/spec-file.js';
import { readYamlDocument } from '../../generator/load/yaml-document.js';
import { readYamlFast } from '../../generator/load/yaml-events.js';
import { parseSpecFile } from '../../generator/load/yaml-file.js';
import { YamlOffsets } from '../../generator/load/yaml-offsets.js';
import { everyLocation } from '../helpers/every-location.js';
import { ROOT } from '../helpers/paths.js';
import { HAS_OPENAI_SPEC, OPENAI_SPEC } from '../helpers/shared.js';

/** Every mapping and list of two values read from the same text, with the offsets each reader recorded. */
function* pairedOffsets(
  fast: { value: unknown; offsets: OffsetTable },
  strict: { value: unknown; offsets: OffsetTable },
): Generator<{ path: string; fast: NodeOffsets | undefined; strict: NodeOffsets | undefined }> {
  const seen = new Set<object>();
  const walk = function* (
    a: unknown,
    b: unknown,
    path: string,
  ): Generator<{ path: string; fast: NodeOffsets | undefined; strict: NodeOffsets | undefined }> {
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null || seen.has(a)) return;
    seen.add(a);
    yield { path, fast: fast.offsets.get(a), strict: strict.offsets.get(b) };
    for (const key of Object.keys(a))
      yield* walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}/${key}`);
  };
  yield* walk(fast.value, strict.value, '');
}

function expectSameReading(text: string): void {
  const fast = readYamlFast(text);
  const strict = readYamlDocument(text);
  expect(strict.errors).toEqual([]);
  expect(fast).toBeDefined();
  expect(fast!.value).toEqual(strict.value);
  let containers = 0;
  for (const { path, fast: a, strict: b } of pairedOffsets(fast!, strict)) {
    containers++;
    expect(a, path).toBeDefined();
    expect({ path, start: a!.start, entries: [...a!.entries] }).toEqual({
      path,
      start: b!.start,
      entries: [...b!.entries],
    });
  }
  expect(containers).toBeGreaterThan(0);
}

const projectSpecs = [
  'spec/openapi.yaml',
  ...readdirSync(join(ROOT, 'test/fixtures'), { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.ya?ml$/.test(path))
    .map((path) => `test/fixtures/${path}`),
];

describe('the fast YAML reader (js-yaml events)', () => {
  it.each(projectSpecs)('reads %s to the same values and offsets as the yaml package', (path) => {
    expectSameReading(readFileSync(join(ROOT, path), 'utf8'));
  });

  it.skipIf(!HAS_OPENAI_SPEC)('reads openai.yaml to the same values and offsets as the yaml package', () => {
    expectSameReading(readFileSync(OPENAI_SPEC, 'utf8'));
  });

  it('names keys as the value has them: numbers, booleans, null, hex, quoted, __proto__', () => {
    const text = [
      'responses:',
      '  200: {description: ok}',
      "  '404': {description: missing}",
      '  0x10: sixteen',
      '  1.50: one and a half',
      '  true: yes',
      '  ~: nothing',
      '  "__proto__": {polluted: true}',
      '  default: {description: other}',
      '',
    ].join('\n');
    expectSameReading(text);
    const fast = readYamlFast(text)!;
    const responses = (fast.value as { responses: Record<string, unknown> }).responses;
    expect(Object.keys(responses).sort()).toEqual(['1.5', '16', '200', '404', '__proto__', 'default', 'null', 'true']);
    expect(Object.getPrototypeOf(responses)).toBe(Object.prototype);
    expect([...fast.offsets.get(responses)!.entries.keys()].sort()).toEqual(Object.keys(responses).sort());
  });

  it('points into flow collections, block scalars, anchors and aliases, and empty values', () => {
    expectSameReading(
      ['a: &shared {x: [1, "two", {y: z}]}', 'b: *shared', 'c: |', '  text', 'd:', 'e: [ ]', '- ignored: no']
        .slice(0, 6)
        .join('\n'),
    );
    const fast = readYamlFast('a: &shared {x: 1}\nb: *shared\n')!;
    const value = fast.value as { a: object; b: object };
    expect(value.b).toBe(value.a);
    expect(fast.offsets.get(value)!.entries.get('b')).toEqual({ key: 18, value: 21 });
  });

  it('keeps offsets of a text with a byte-order mark in the text as given', () => {
    expectSameReading('\ufeffopenapi: 3.1.0\npaths: {}\n');
  });

  it('refuses what js-yaml refuses, so the yaml package can report it or read it', () => {
    expect(readYamlFast('a: 1\na: 2\n')).toBeUndefined();
    expect(readYamlFast('a: [1, 2\n')).toBeUndefined();
    expect(readYamlFast('[a]: 1\n')).toBeUndefined();
    expect(readYamlFast('a: 1\n---\nb: 2\n')).toBeUndefined();
    expect(readYamlFast('# nothing\n')).toBeUndefined();
    expect(readYamlFast('a: !!str 5\n')).toBeUndefined();
    expect(readYamlFast('? [a]\n: 1\n')).toBeUndefined();
  });
});

describe('parseSpecFile', () => {
  it('reports every YAML error of a text, each where it is', () => {
    const { diagnostics } = parseSpecFile('/x/openapi.yaml', 'openapi.yaml', 'a: 1\na: 2\nb: [1\n');
    expect(diagnostics.map((d) => `${d.location?.line}:${d.location?.column} ${d.code}`)).toEqual(
      expect.arrayContaining(['2:1 yaml-duplicate-key', expect.stringMatching(/ yaml-syntax$/)]),
    );
  });

  it('reads explicit tags through the yaml package', () => {
    expect(parseSpecFile('/x/openapi.yaml', 'openapi.yaml', 'a: !!str 5\nb: 6\n').file.value).toEqual({ a: '5', b: 6 });
  });

  it('reads what only the yaml package accepts, such as a flow-list key', () => {
    const { file, diagnostics } = parseSpecFile('/x/openapi.yaml', 'openapi.yaml', '[a]: 1\nb: 2\n');
    expect(diagnostics).toEqual([]);
    expect(file.value).toEqual({ a: 1, b: 2 });
  });
});

describe('the YAML offsets table', () => {
  const text = ['a:', '  - x', '  - {y: 1, 2: two}', '  - [z]', 'b: {c: [], d: e}', ''].join('\n');
  const at = (part: string): number => text.indexOf(part);
  const read = () => {
    const fast = readYamlFast(text)!;
    const root = fast.value as { a: [string, Record<string, unknown>, string[]]; b: { c: unknown[]; d: string } };
    return { offsets: fast.offsets, root };
  };

  it('gives each collection its own entries, in the order of the text, though nested ones were read between them', () => {
    const { offsets, root } = read();
    expect(offsets.get(root)).toEqual({
      start: 0,
      entries: new Map([
        ['a', { key: 0, value: at('- x') }],
        ['b', { key: at('b:'), value: at('{c') }],
      ]),
    });
    expect([...offsets.get(root.a)!.entries]).toEqual([
      ['0', { key: at('x'), value: at('x') }],
      ['1', { key: at('{y'), value: at('{y') }],
      ['2', { key: at('[z]'), value: at('[z]') }],
    ]);
    // Object.keys puts "2" first; the entries keep the text's order.
    expect([...offsets.get(root.a[1])!.entries.keys()]).toEqual(['y', '2']);
    expect(offsets.get(root.a[2])).toEqual({
      start: at('[z]'),
      entries: new Map([['0', { key: at('z]'), value: at('z]') }]]),
    });
    expect(offsets.get(root.b.c)).toEqual({ start: at('[]'), entries: new Map() });
    expect([...offsets.get(root.b)!.entries]).toEqual([
      ['c', { key: at('c:'), value: at('[]') }],
      ['d', { key: at('d:'), value: at('d:') + 3 }],
    ]);
  });

  it('knows only the collections of its text, and expands each once', () => {
    const { offsets, root } = read();
    expect(offsets.has(root.b)).toBe(true);
    expect(offsets.has({})).toBe(false);
    expect(offsets.get([])).toBeUndefined();
    expect(offsets.get(root.b)).toBe(offsets.get(root.b));
  });
});

/** The locations of `text` read by parseSpecFile, and as the yaml package's offsets give them. */
function locationsBothWays(text: string): { fast: string[]; strict: string[] } {
  const fast = parseSpecFile('/x/spec.yaml', 'spec.yaml', text);
  expect(fast.file.nodeOffsets).toBeInstanceOf(YamlOffsets);
  const strict = readYamlDocument(text);
  const paths = { absolutePath: '/x/spec.yaml', displayPath: 'spec.yaml' };
  const located = specFile(paths, text, strict.value, strict.offsets, offsetLocator(text, 'spec.yaml'));
  return { fast: everyLocation(fast.file), strict: everyLocation(located) };
}

describe('locations in a YAML spec, found from the recorded offsets', () => {
  it('are those the yaml package gives, in small and large collections, lists, and for missing keys', () => {
    const many = Array.from({ length: 40 }, (_, i) => `    S${i}: {type: string, enum: [a, b]}`);
    const text = ['openapi: 3.1.0', 'components:', '  schemas:', ...many, 'list:', '  - 1', '  - [x, {y: z}]', ''].join(
      '\n',
    );
    const { fast, strict } = locationsBothWays(text);
    expect(fast).toEqual(strict);
    expect(fast).toContain('/components/schemas/S39 key 43:5');
    expect(fast).toContain('/list/1/1 key 46:9');
  });

  it.skipIf(!HAS_OPENAI_SPEC)('are those the yaml package gives, everywhere in openai.yaml', () => {
    const { fast, strict } = locationsBothWays(readFileSync(OPENAI_SPEC, 'utf8'));
    expect(fast.length).toBeGreaterThan(100_000);
    expect(fast).toEqual(strict);
  });
});
