import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../generator/emit/output-file.js';
import { pristineFile } from '../../generator/write/pristine.js';
import { WriteAhead } from '../../generator/write/write-ahead.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { specDir } from '../helpers/spec-files.js';
import { readTree } from '../helpers/tree.js';

// The CLI writes each batch's files under their temporary names as the model worker posts them,
// into a new folder only, and keeps their paths, not their texts; writeOutput then renames them
// with the rest (write/write-ahead.ts).

const root = specDir({});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const output: OutputFile[] = [
  { path: 'src/index.ts', contents: 'export {};\n' },
  { path: 'src/resources/pets.ts', contents: 'export class Pets {}\n' },
  { path: 'dist/index.js', contents: 'export {};\n' },
  { path: 'README.md', contents: '# Pets\n' },
];

describe('writing ahead into a new folder', () => {
  it('ends with the folder writeOutput makes alone, from a plan of paths', () => {
    const alone = join(root, 'alone');
    writeOutput(alone, planOutput(alone, output));
    const ahead = join(root, 'ahead');
    const writer = WriteAhead.into(ahead);
    writer?.write(output.slice(0, 2));
    writer?.write(output.slice(2));
    const written = writer?.written ?? [];
    expect(written).toEqual(output.map((file) => ({ path: file.path, writtenAhead: true })));
    const plan = planOutput(ahead, written, { pristine: pristineFile(output) });
    expect(plan.changed.map((file) => file.path)).toEqual([
      ...output.map((file) => file.path),
      '.sdkgen-pristine',
      '.sdkgen-manifest.json',
    ]);
    writeOutput(ahead, plan);
    writer?.discard();
    expect(readTree(ahead)).toEqual(readTree(alone));
  });

  it('needs the pristine copy made with the files written ahead: their texts are not kept', () => {
    const dir = join(root, 'no-pristine');
    const writer = WriteAhead.into(dir);
    writer?.write(output);
    expect(() => planOutput(dir, writer?.written ?? [])).toThrow(
      'src/index.ts was written ahead: its plan needs the pristine copy made with it',
    );
    writer?.discard();
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses to rename over a file that appeared in the folder while the run wrote ahead', () => {
    const dir = join(root, 'raced');
    const writer = WriteAhead.into(dir);
    writer?.write(output);
    writeFileSync(join(dir, 'README.md'), 'mine\n');
    const plan = planOutput(dir, writer?.written ?? [], { pristine: pristineFile(output) });
    expect(plan.refusal?.foreign).toBe(true);
    expect(() => writeOutput(dir, plan)).toThrow(/is not empty and was not made by sdkgen/);
    writer?.discard();
    expect(readTree(dir)).toEqual({ 'README.md': 'mine\n' });
  });

  it('writes the temporaries only, which the folder does not count as its files', () => {
    const dir = join(root, 'temporaries');
    const writer = WriteAhead.into(dir);
    writer?.write(output);
    expect(Object.keys(readTree(dir)).every((path) => path.includes('.sdkgen-tmp-'))).toBe(true);
    expect(planOutput(dir, output).refusal).toBeUndefined();
    writer?.discard();
  });

  it('removes what it wrote, and the folder it made, when the run fails before the write', () => {
    const dir = join(root, 'failed');
    const writer = WriteAhead.into(dir);
    writer?.write(output);
    writer?.discard();
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps an empty folder that was there before, emptied again', () => {
    const dir = join(root, 'empty');
    mkdirSync(dir);
    const writer = WriteAhead.into(dir);
    writer?.write(output);
    writer?.discard();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not write ahead into a folder that holds files: they may be edits to merge, or not sdkgen’s', () => {
    const dir = join(root, 'used');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    expect(WriteAhead.into(dir)).toBeUndefined();
  });
});
