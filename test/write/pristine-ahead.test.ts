import { describe, expect, it } from 'vitest';
import type { OutputFile } from '../../generator/emit/output-file.js';
import { entryPieces, laterOpening, pristineFile } from '../../generator/write/pristine.js';
import { compressAhead } from '../../generator/write/pristine-ahead.js';

/** Sources big enough to be cut in several pieces, with text outside ASCII (its UTF-8 bytes are longer than its characters). */
const lines = (name: string): string =>
  `${Array.from({ length: 6_000 }, (_, i) => `export const ${name}${i} = '${i % 7 === 0 ? 'é—😀' : 'x'}${(i * 7919) % 10_007}';`).join('\n')}\n`;
const output: OutputFile[] = [
  { path: 'src/resources/users.ts', contents: lines('user') },
  { path: 'README.md', contents: '# Users\n\nÜbersicht.\n' },
  { path: 'src/models.ts', contents: lines('model') },
  { path: 'dist/index.js', contents: 'export {};\n' },
];

describe('the pristine copy compressed ahead, in a worker', () => {
  it('gives the same bytes as the pristine copy compressed in this thread', async () => {
    const ahead = compressAhead(output, { minChars: 0 });
    const members = await ahead?.members();
    expect(pristineFile(output, members).contents).toBe(pristineFile(output).contents);
  });

  it('makes a member for each piece of every source but dist/, each opening with its comma', async () => {
    const members = await compressAhead(output, { minChars: 0 })?.members();
    const sources = output.filter((file) => !file.path.startsWith('dist/'));
    const pieces = sources.flatMap((file) => entryPieces(laterOpening(file.path), file.contents));
    expect(pieces.length).toBeGreaterThan(sources.length);
    expect([...(members?.keys() ?? [])]).toEqual(pieces);
  });

  it('leaves the first entry, whose opening is the brace, to the pristine copy itself', async () => {
    const members = await compressAhead(output, { minChars: 0 })?.members();
    const first = entryPieces('{"README.md":"', '# Users\n\nÜbersicht.\n');
    expect(first.some((piece) => members?.has(piece))).toBe(false);
  });

  it('starts no worker for sources too small to pay for one', () => {
    expect(compressAhead(output)).toBeUndefined();
  });
});
