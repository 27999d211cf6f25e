import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sameReading } from '../../bench/yaml-compare.js';
import { readYamlFast } from '../../generator/load/yaml-events.js';
import { parseSpecFile } from '../../generator/load/yaml-file.js';
import { readYamlBlock, yamlScanRefusal } from '../../generator/load/yaml-scan.js';
import { ROOT } from '../helpers/paths.js';
import { HAS_OPENAI_SPEC, OPENAI_SPEC } from '../helpers/shared.js';

/** The scanner reads `text` to the values and offsets js-yaml's events give; returns the value. */
function scanned(text: string): unknown {
  const scan = readYamlBlock(text);
  expect(scan, yamlScanRefusal(text)).toBeDefined();
  const events = readYamlFast(text);
  expect(events).toBeDefined();
  expect(sameReading(scan!, events!)).toBeUndefined();
  return scan!.value;
}

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const projectSpecs = [
  'spec/openapi.yaml',
  ...readdirSync(join(ROOT, 'test/fixtures'), { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.ya?ml$/.test(path))
    .map((path) => `test/fixtures/${path}`),
];

describe('the YAML scanner reads what js-yaml reads, to the same values and offsets', () => {
  it.skipIf(!HAS_OPENAI_SPEC)('openai.yaml, every value and every offset', () => {
    scanned(readFileSync(OPENAI_SPEC, 'utf8'));
  });

  it('every project spec it takes on, and says why it leaves the others', () => {
    const refused = new Map<string, string>();
    for (const path of projectSpecs) {
      const text = readFileSync(join(ROOT, path), 'utf8');
      if (readYamlBlock(text) === undefined) refused.set(path, yamlScanRefusal(text));
      else scanned(text);
    }
    // One Stainless config's anchors and aliases are the fallback's.
    expect(refused.size).toBeLessThan(projectSpecs.length / 10);
    for (const why of refused.values()) expect(why).not.toMatch(/^unforeseen/);
  });

  it('YAML 1.2 core-schema scalars, as plain values and as keys', () => {
    const value = scanned(
      lines(
        'a: null',
        'b: ~',
        'c: True',
        'd: 0x1F',
        'e: .inf',
        'f: 1e3',
        'g: 0o17',
        'h: -.INF',
        'i: FALSE',
        'j: 012',
        'k: +12.5',
        'l: 2024-01-01',
        'm: yes',
        'n:',
        '200: ok',
        '1.50: one and a half',
        'true: key',
        '~: nothing',
      ),
    ) as Record<string, unknown>;
    expect(value).toMatchObject({ a: null, b: null, c: true, d: 31, e: Number.POSITIVE_INFINITY, f: 1000, g: 15 });
    expect(value).toMatchObject({ h: Number.NEGATIVE_INFINITY, i: false, l: '2024-01-01', m: 'yes', n: null });
    expect(Object.keys(value)).toEqual(expect.arrayContaining(['200', '1.5', 'true', 'null']));
  });

  it('quoted scalars: escapes, doubled single quotes, folded line breaks, an escaped line break', () => {
    const value = scanned(
      lines(
        String.raw`a: "tab\there \u00e9 \x41 \U0001F600 \\ \" \/ \0 \N \_"`,
        "b: 'it''s # not a comment'",
        'c: "multi',
        '  line',
        '',
        '  folded"',
        'd: "escaped \\',
        '  break"',
        "'quoted key': 1",
        '"double: key": 2',
      ),
    );
    expect(value).toEqual({
      a: 'tab\there é A 😀 \\ " / \0 \x85 \xa0',
      b: "it's # not a comment",
      c: 'multi line\nfolded',
      d: 'escaped break',
      'quoted key': 1,
      'double: key': 2,
    });
  });

  it('block scalars with each chomping indicator, literal and folded, deeper lines and trailing spaces', () => {
    const value = scanned(
      lines(
        'a: |',
        '  x',
        '   y',
        '',
        '  # not a comment',
        '',
        'b: |-',
        '  x',
        '',
        'c: |+',
        '  x',
        '',
        '',
        'd: >',
        '  folded',
        '  text',
        '',
        '  paragraph',
        '    kept',
        '  back',
        'e: >- # a comment',
        '  x',
        'f: >+',
        '  x',
        '',
        'g: |+',
        '      ',
        'h: |',
        '  spaces beyond the content:',
        '     ',
        '  end',
        'i: 1',
      ),
    );
    expect(value).toEqual({
      a: 'x\n y\n\n# not a comment\n',
      b: 'x',
      c: 'x\n\n\n',
      d: 'folded text\nparagraph\n  kept\nback\n',
      e: 'x',
      f: 'x\n\n',
      g: '\n',
      h: 'spaces beyond the content:\n   \nend\n',
      i: 1,
    });
  });

  it('plain scalars over several lines, comments everywhere, empty values', () => {
    const value = scanned(
      lines(
        '# a spec',
        'description: The first line',
        '  and the second,',
        '',
        '  a paragraph. # a comment ends it',
        'empty: # nothing',
        'list:',
        '  # a comment between items',
        '  - one # one',
        '  -',
        '  - three',
        'url: https://example.com/a#b',
      ),
    );
    expect(value).toEqual({
      description: 'The first line and the second,\na paragraph.',
      empty: null,
      list: ['one', null, 'three'],
      url: 'https://example.com/a#b',
    });
  });

  it('lists under their key or indented, compact mappings in items, flow collections, `__proto__`', () => {
    const value = scanned(
      lines(
        'parameters:',
        '- name: limit',
        '  in: query',
        '  schema: {type: integer, enum: [1, "two", {x: y}], default: []}',
        '- name: order',
        '  tags:',
        '    - a',
        '    - b',
        'servers: [{url: https://api.example.com/v1}, {url: "http://localhost:8080"}]',
        'empty: {}',
        '__proto__: {polluted: true}',
      ),
    ) as Record<string, unknown>;
    expect(value['parameters']).toEqual([
      { name: 'limit', in: 'query', schema: { type: 'integer', enum: [1, 'two', { x: 'y' }], default: [] } },
      { name: 'order', tags: ['a', 'b'] },
    ]);
    expect(value['servers']).toEqual([{ url: 'https://api.example.com/v1' }, { url: 'http://localhost:8080' }]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toContain('__proto__');
  });

  it('flow collections over several lines, with comments and trailing commas (as Prettier writes them)', () => {
    const value = scanned(
      lines(
        'example:',
        '  {',
        "    'total': 2, # a comment",
        '    "apis":',
        '      [',
        "        { 'url': 'https://example.com/a', 'text': \"two",
        '          lines" },',
        '        [],',
        '      ],',
        '  }',
        'next: [a,',
        '  b]',
      ),
    );
    expect(value).toEqual({
      example: { total: 2, apis: [{ url: 'https://example.com/a', text: 'two lines' }, []] },
      next: ['a', 'b'],
    });
  });

  it('CRLF line breaks (and a mix of CRLF and LF): the values of the LF text, the offsets in the text as given', () => {
    const lf = lines(
      'info:',
      '  description: |',
      '    two',
      '    lines',
      '  empty:',
      '  folded: "a',
      '    b"',
      'list: [x,',
      '  y]',
    );
    const crlf = lf.replaceAll('\n', '\r\n');
    expect(scanned(crlf)).toEqual(scanned(lf));
    const mixed = lf.replace('\n', '\r\n');
    expect(scanned(mixed)).toEqual(scanned(lf));
    // The empty value is just after its colon, before the CR, as js-yaml has it.
    const { file } = parseSpecFile('/x/spec.yaml', 'spec.yaml', crlf);
    const info = (file.value as { info: object }).info;
    expect(file.locate(info, 'empty', 'value')).toMatchObject({ line: 5, column: 9 });
    expect(file.locate(info, 'folded', 'value')).toMatchObject({ line: 6, column: 11 });
  });

  it('a byte-order mark and a leading `---`, with offsets counted in the text as given', () => {
    scanned('\ufeffopenapi: 3.1.0\npaths: {}\n');
    scanned('--- # the one document\nopenapi: 3.1.0\n');
    expect(scanned('a: 1')).toEqual({ a: 1 });
  });
});

describe('the YAML scanner leaves to the readers behind it', () => {
  it.each([
    ['anchors and aliases', 'a: &x {b: 1}\nc: *x\n', /not a plain scalar/],
    ['explicit tags', 'a: !!str 5\n', /not a plain scalar/],
    ['`? ` keys', '? a\n: 1\n', /not a key/],
    ['flow-collection keys', '[a]: 1\n', /not a key/],
    ['several documents', 'a: 1\n---\nb: 2\n', /document marker/],
    ['a document end', 'a: 1\n...\n', /document marker/],
    ['directives', '%YAML 1.2\n---\na: 1\n', /directive/],
    ['a CR alone as a line break', 'a: 1\rb: 2\r', /a CR not before an LF/],
    ['other line breaks (NEL, LS)', 'a: 1\u0085b: 2\u2028', /character/],
    ['tabs in indentation', 'a:\n\tb: 1\n', /tab/],
    ['explicit indentation indicators', 'a: |2\n   x\n', /indentation indicator/],
    ['a flow collection’s line not indented under its key', 'a: [1,\n2]\n', /not indented/],
    ['a pair in a flow list', 'a: [b: c]\n', /pair in a flow list/],
    ['JSON-style keys in a flow mapping', 'a: {"b":1}\n', /flow key/],
    ['a list on its key’s line', 'a: - b\n', /not a plain scalar/],
    ['a text of comments only', '# nothing\n', /no content/],
  ])('%s', (_, text, why) => {
    expect(readYamlBlock(text)).toBeUndefined();
    expect(yamlScanRefusal(text)).toMatch(why);
    // What the reader behind gives is the file's reading.
    const expected = readYamlFast(text)?.value;
    if (expected !== undefined) expect(parseSpecFile('/x/spec.yaml', 'spec.yaml', text).file.value).toEqual(expected);
  });

  it('duplicate keys and syntax errors, which keep their diagnostics and positions', () => {
    for (const text of ['a: 1\nb: 2\na: 3\n', 'a: {x: 1, x: 2}\n']) {
      expect(yamlScanRefusal(text)).toBe('duplicate key');
      const { diagnostics } = parseSpecFile('/x/spec.yaml', 'spec.yaml', text);
      expect(diagnostics.map((d) => d.code)).toEqual(['yaml-duplicate-key']);
    }
    expect(
      parseSpecFile('/x/spec.yaml', 'spec.yaml', 'a: 1\nb: 2\na: 3\n').diagnostics.map(
        (d) => `${d.location?.line}:${d.location?.column}`,
      ),
    ).toEqual(['3:1']);
    const broken = parseSpecFile('/x/spec.yaml', 'spec.yaml', 'a: b: c\n');
    expect(broken.diagnostics.map((d) => `${d.location?.line}:${d.location?.column} ${d.code}`)).toEqual([
      expect.stringMatching(/^1:\d+ yaml-syntax$/),
    ]);
  });
});
