import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { emitPackage } from '../../generator/emit/emit-package.js';
import type { OutputFile } from '../../generator/emit/output-file.js';
import { generate } from '../../generator/generate.js';
import { entryPieces, keepsPristine, laterOpening, pristineFile } from '../../generator/write/pristine.js';
import { compressAhead } from '../../generator/write/pristine-ahead.js';
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

describe('the pristine copy compressed ahead, in a worker', () => {
  it('gives the same bytes as the pristine copy compressed in this thread', async () => {
    const ahead = compressAhead(output, { minChars: 0 });
    const members = await ahead?.members();
    expect(pristineFile(output, members).contents).toBe(pristineFile(output).contents);
  });

  it('compresses each source but dist/ as a later entry, one member for each piece', async () => {
    const members = await compressAhead(output, { minChars: 0 })?.members();
    const sources = output.filter((file) => !file.path.startsWith('dist/'));
    expect([...(members?.keys() ?? [])]).toEqual(sources.map((file) => file.path));
    for (const file of sources) {
      const pieces = entryPieces(laterOpening(file.path), file.contents);
      const made = members?.get(file.path);
      expect(made?.members.map((member) => gunzipSync(member).toString('utf8'))).toEqual(pieces);
    }
    expect(members?.get('src/models.ts')?.members.length).toBeGreaterThan(1);
  });

  it('compresses again, in this thread, an entry whose text is no longer the one compressed ahead', async () => {
    const members = await compressAhead(output, { minChars: 0 })?.members();
    const edited = output.map((file) =>
      file.path === 'src/models.ts' ? { ...file, contents: file.contents.replace('model10 =', 'model10  =') } : file,
    );
    expect(pristineFile(edited, members).contents).toBe(pristineFile(edited).contents);
    expect(pristineFile(edited, members).contents).not.toBe(pristineFile(output).contents);
  });

  it('starts from the sources the emit hands over before dist/ compiles: all but the API report', async () => {
    const { model } = generate({ spec: 'spec/openapi.yaml', out: 'generated', cwd: ROOT, dist: false });
    let sources: readonly OutputFile[] = [];
    const files = emitPackage(model, { command: 'sdkgen generate', dist: true, onSources: (s) => (sources = s) });
    const members = await compressAhead(sources, { minChars: 0 })?.members();
    const pristineSources = files.filter((file) => keepsPristine(file.path)).map((file) => file.path);
    expect([...(members?.keys() ?? [])].sort()).toEqual(pristineSources.filter((path) => path !== 'api-report.md'));
    expect(pristineFile(files, members).contents).toBe(pristineFile(files).contents);
  });

  it('starts no worker for sources too small to pay for one', () => {
    expect(compressAhead(output)).toBeUndefined();
  });
});
