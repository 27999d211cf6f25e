import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { sourcesAsMade } from '../../generator/emit/emit-package.js';
import { markdownFile } from '../../generator/emit/markdown.js';
import { modelOf } from '../helpers/model-of.js';

// A file's text is posted from the model worker to the main thread; posting a rope (a string
// made by `+` or a template, not yet flattened) first flattens it into a second copy in the
// worker: 88 MB more for Graph's api.md, at the emit's memory peak. V8 tells a flat string
// from a rope only to natives syntax: two strings have the same map when they are stored alike.
setFlagsFromString('--allow-natives-syntax');
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: string, b: string) => boolean;

/** Whether `text` is one sequential string, as a join makes, not a rope. */
function isFlat(text: string): boolean {
  // Latin-1 text is stored one byte a character; any other character makes the whole string UTF-16.
  const wide = [...text].some((c) => (c.codePointAt(0) ?? 0) > 0xff);
  const flat = ['a flat string, made by a join', wide ? '\u2019' : '.'].join('');
  return sameMap(text, flat);
}

describe('texts of the emitted files', () => {
  it('can tell a rope from a flat string (the check below means something)', () => {
    const joined = ['x'.repeat(40), 'y'.repeat(40)].join('\n\n');
    expect(isFlat(joined)).toBe(true);
    expect(isFlat(`${joined}\n`)).toBe(false);
    const wide = ['x'.repeat(40), '\u2019'].join('\n\n');
    expect(isFlat(wide)).toBe(true);
    expect(isFlat(`${wide}\n`)).toBe(false);
  });

  it('markdownFile joins blocks a blank line apart, ends in a newline, and is flat', () => {
    const text = markdownFile(['# Title', 'A paragraph, long enough to be stored as a rope’s part.', '## End']);
    expect(text).toBe('# Title\n\nA paragraph, long enough to be stored as a rope’s part.\n\n## End\n');
    expect(isFlat(text)).toBe(true);
  });

  it('api.md and the README are flat, in one byte a character or in UTF-16', () => {
    for (const description of ['Plain Latin-1 text.', 'Text with a curly quote: it’s UTF-16.']) {
      const model = modelOf(`
paths:
  /books:
    get:
      operationId: listBooks
      summary: List books
      description: ${JSON.stringify(description)}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Book' }
components:
  schemas:
    Book:
      type: object
      description: ${JSON.stringify(description)}
      properties:
        title: { type: string }
`);
      const files = [...sourcesAsMade(model, 'sdkgen generate')];
      for (const path of ['api.md', 'README.md']) {
        const text = files.find((f) => f.path === path)?.contents ?? '';
        if (path === 'api.md') expect(text).toContain(description);
        expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
        expect({ path, flat: isFlat(text) }).toEqual({ path, flat: true });
      }
    }
  });
});
