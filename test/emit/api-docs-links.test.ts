import { describe, expect, it } from 'vitest';
import { anchor } from '../../generator/emit/markdown.js';
import { generate } from '../../generator/generate.js';
import { ROOT } from '../helpers/paths.js';

const SPECS = [
  'spec/openapi.yaml',
  ...['bookstore', 'schema-language', 'streaming', 'petstore-inferred'].map(
    (name) => `test/fixtures/${name}/openapi.yaml`,
  ),
];

/** The anchors GitHub gives the headings of a Markdown text, a repeated one getting `-1`, `-2`, … */
function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading = ''] of markdown.matchAll(/^#{1,6} (.+)$/gm)) {
    const base = anchor(heading.replace(/`/g, ''));
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

describe('api.md', () => {
  it.each(SPECS)('of %s has an entry for every named type, and every link lands on a heading', (spec) => {
    const { files, model } = generate({ spec, out: 'out', cwd: ROOT, dist: false });
    const text = files.find((f) => f.path === 'api.md')?.contents ?? '';
    const anchors = headingAnchors(text);
    const links = [...text.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((link) => !anchors.has(link))).toEqual([]);
    for (const schema of model.schemas) expect(text).toContain(`### \`${schema.name}\``);
    // A table's type column names a named type only through a link to it.
    for (const schema of model.schemas) expect(text).not.toMatch(new RegExp(`\\| \`${schema.name}\` \\|`));
  });

  it('lists an enum’s values, a tagged union’s variants with their tags, and a list’s page fields', () => {
    const { files } = generate({ spec: 'test/fixtures/bookstore/openapi.yaml', out: 'out', cwd: ROOT, dist: false });
    const text = files.find((f) => f.path === 'api.md')?.contents ?? '';
    expect(text).toContain('### `Genre`\n\nOne of: `"fiction"`, `"history"`, `"science"`, `"poetry"`.');
    expect(text).toContain(
      'One of these variants, told apart by `kind`:\n\n| Variant | `kind` |\n| --- | --- |\n| [`PrintFormat`](#printformat) | `"print"` |\n| [`EbookFormat`](#ebookformat) | `"ebook"` |',
    );
    expect(text).toContain(
      '**Page fields** (on the page, beside its items in `data`):\n\n| Field | Type | Always present | Constraints | Description |\n| --- | --- | --- | --- | --- |\n| `has_more` | `boolean` | yes |  |  |\n| `next` | `string \\| null` | no |  |  |',
    );
  });
});

describe("api.md's fields of what a method returns", () => {
  it('shows the same table under every method that returns one named type', () => {
    const { files, model } = generate({
      spec: 'test/fixtures/bookstore/openapi.yaml',
      out: 'out',
      cwd: ROOT,
      dist: false,
    });
    const text = files.find((f) => f.path === 'api.md')?.contents ?? '';
    // Each method's "Returns" section, up to its example.
    const sections = [...text.matchAll(/#### Returns\n\n([\s\S]*?)\n\n#### Example/g)].map((m) => m[1] ?? '');
    const byType = new Map<string, string[]>();
    for (const section of sections) {
      const table = /\n\n(\*\*`\w+`\*\*[\s\S]*)$/.exec(section)?.[1];
      const name = table === undefined ? undefined : /^\*\*`(\w+)`\*\*/.exec(table)?.[1];
      if (table !== undefined && name !== undefined) byType.set(name, [...(byType.get(name) ?? []), table]);
    }
    const shared = [...byType].filter(([, tables]) => tables.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const [name, tables] of shared) {
      expect(model.schemas.some((s) => s.name === name)).toBe(true);
      expect(new Set(tables).size).toBe(1);
      expect(tables[0]).toMatch(/\| Field \| Type \| Always present \|/);
    }
  });
});
