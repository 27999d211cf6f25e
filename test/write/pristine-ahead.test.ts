import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { emitPackage, emitSources } from '../../generator/emit/emit-package.js';
import type { OutputFile } from '../../generator/emit/output-file.js';
import { generate } from '../../generator/generate.js';
import type { MadeEntry } from '../../generator/write/pristine.js';
import {
  compressEntry,
  entryPieces,
  keepsPristine,
  laterOpening,
  pristineFile,
} from '../../generator/write/pristine.js';
import { compressEntriesAhead, PristineAhead } from '../../generator/write/pristine-ahead.js';
import { ROOT } from '../helpers/paths.js';

/** Sources big enough to be cut in several pieces, with text outside ASCII (its UTF-8 bytes are longer than its characters). */
const lines = (name: string): string =>
  `${Array.from({ length: 6_000 }, (_, i) => `export const ${name}${i} = '${i % 7 === 0 ? 'é—😀' : 'x'}${(i * 7919) % 10_007}';`).join('\n')}\n`;
const output: OutputFile[] = [
  { path: 'src/resources/users.ts', contents: lines('user') },
  { path: 'README.md', contents: '# Users\n\nÜbersicht.\n' },
  { path: 'src/models.ts', contents: lines('model') },
  { path: 'dist/index.js', contents: 'export {};\n' },
];

/** The entries of `batches` compressed ahead, batch by batch, as the CLI's main thread does while the worker emits. */
function ahead(...batches: (readonly OutputFile[])[]): Map<string, MadeEntry> {
  const members = new Map<string, MadeEntry>();
  for (const batch of batches) compressEntriesAhead(batch, members);
  return members;
}

describe('the pristine copy compressed ahead, batch by batch', () => {
  it('gives the same bytes as the pristine copy compressed at once', () => {
    expect(pristineFile(output, ahead(output.slice(0, 2), output.slice(2))).contents).toBe(
      pristineFile(output).contents,
    );
  });

  it('compresses each source but dist/ as a later entry, one member for each piece', () => {
    const members = ahead(output);
    const sources = output.filter((file) => !file.path.startsWith('dist/'));
    expect([...members.keys()]).toEqual(sources.map((file) => file.path));
    for (const file of sources) {
      const pieces = entryPieces(laterOpening(file.path), file.contents);
      const made = members.get(file.path);
      expect(made?.members.map((member) => gunzipSync(member).toString('utf8'))).toEqual(pieces);
    }
    expect(members.get('src/models.ts')?.members.length).toBeGreaterThan(1);
  });

  it('keeps each member in memory of its own size, not zlib’s 16 kB output buffer it was cut from', () => {
    const [small] = compressEntry(laterOpening('README.md'), '# Users\n').members;
    expect(small?.byteLength).toBeLessThan(100);
    // Small buffers share Node's 8 kB pool, as any small Buffer does.
    expect(small?.buffer.byteLength).toBeLessThanOrEqual(Buffer.poolSize);
  });

  it('compresses again, at the end, an entry whose text is no longer the one compressed ahead', () => {
    const members = ahead(output);
    const edited = output.map((file) =>
      file.path === 'src/models.ts' ? { ...file, contents: file.contents.replace('model10 =', 'model10  =') } : file,
    );
    expect(pristineFile(edited, members).contents).toBe(pristineFile(edited).contents);
    expect(pristineFile(edited, members).contents).not.toBe(pristineFile(output).contents);
  });

  it('leaves the API report, made of the compiled declarations, and the first entry to the end', () => {
    const { model } = generate({ spec: 'spec/openapi.yaml', out: 'generated', cwd: ROOT, dist: false });
    const sources = emitSources(model, 'sdkgen generate');
    const files = emitPackage(model, { command: 'sdkgen generate', dist: true });
    const members = ahead(sources);
    const pristineSources = files.filter((file) => keepsPristine(file.path)).map((file) => file.path);
    expect([...members.keys()].sort()).toEqual(pristineSources.filter((path) => path !== 'api-report.md'));
    expect(pristineFile(files, members).contents).toBe(pristineFile(files).contents);
  });
});

describe('the pristine copy made ahead without the texts (into a new folder)', () => {
  /** Batches added in order, then the pristine file with `rest` made at the end. */
  const made = (batches: (readonly OutputFile[])[], rest: readonly OutputFile[] = []): string => {
    const pristine = new PristineAhead();
    for (const batch of batches) pristine.add(batch);
    return pristine.file(rest).contents;
  };
  const report: OutputFile = { path: 'api-report.md', contents: '# API report: users\n' };

  it('gives the bytes pristineFile gives the whole output, however the batches come', () => {
    const whole = pristineFile([...output, report]).contents;
    expect(made([output.slice(0, 2), output.slice(2)], [report])).toBe(whole);
    // The first path (README.md) comes in the last batch, after others that were the first so far.
    expect(made([output.slice(2), output.slice(0, 2)], [report])).toBe(whole);
    expect(made(output.map((file) => [file]).reverse(), [report])).toBe(whole);
  });

  it('puts first a file made at the end whose path is the smallest', () => {
    const first: OutputFile = { path: '.gitattributes', contents: '.sdkgen-pristine -diff\n' };
    const notPristine: OutputFile = { path: '.sdkgen-names.json', contents: '{}\n' };
    expect(made([output], [first, notPristine])).toBe(pristineFile([...output, first, notPristine]).contents);
  });

  it('takes the latest text of a file added again, even as the first entry', () => {
    const early: OutputFile = { path: '.gitattributes', contents: '* text\n' };
    const late: OutputFile = { path: '.gitattributes', contents: '* text=auto\n' };
    const later: OutputFile = { path: 'src/models.ts', contents: 'export {};\n' };
    const whole = [...output.filter((file) => file.path !== later.path), late, later];
    expect(made([output, [early], [late, later]])).toBe(pristineFile(whole).contents);
  });

  it('is an empty pristine copy when nothing has one', () => {
    expect(made([[{ path: 'dist/index.js', contents: '' }]])).toBe(pristineFile([]).contents);
  });
});
