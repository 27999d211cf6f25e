// What planOutput compares: a new folder has nothing to read, a folder sdkgen wrote has every
// file compared, even one reached through a symbolic link (which the folder's listing does not follow).
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';

const dir = mkdtempSync(join(tmpdir(), 'sdkgen-plan-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const output = [
  { path: 'package.json', contents: '{"name":"pets"}\n' },
  { path: 'src/index.ts', contents: 'export const pets = 1;\n' },
  { path: 'src/resources/pets.ts', contents: 'export class Pets {}\n' },
];

describe('planning an output', () => {
  it('into a new folder, writes every file', () => {
    const plan = planOutput(join(dir, 'new'), output);
    expect(plan.unchanged).toEqual([]);
    expect(plan.changed.map((f) => f.path)).toEqual(expect.arrayContaining(output.map((f) => f.path)));
    expect(plan.refusal).toBeUndefined();
  });

  it('into the folder it wrote, finds every file unchanged', () => {
    const out = join(dir, 'again');
    writeOutput(out, planOutput(out, output));
    const plan = planOutput(out, output);
    expect(plan.changed).toEqual([]);
    expect(plan.unchanged).toEqual(expect.arrayContaining(output.map((f) => f.path)));
  });

  it('compares the files below a symbolic link to a folder, though the listing does not follow it', () => {
    const written = join(dir, 'written');
    writeOutput(written, planOutput(written, output));
    const linked = join(dir, 'linked');
    cpSync(written, linked, { recursive: true, filter: (source) => !source.startsWith(join(written, 'src')) });
    symlinkSync(join(written, 'src'), join(linked, 'src'), 'dir');
    const plan = planOutput(linked, output);
    expect(plan.unchanged).toEqual(expect.arrayContaining(['src/index.ts', 'src/resources/pets.ts']));
  });
});
