import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePristine, PRISTINE, pristineFile, samePristine } from '../../generator/write/pristine.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';

const dir = mkdtempSync(join(tmpdir(), 'sdkgen-pristine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const output = [
  { path: 'src/index.ts', contents: 'export const a = 1;\n' },
  { path: 'README.md', contents: '# A\n' },
  { path: 'dist/index.js', contents: 'export const a = 1;\n' },
];

describe('the pristine copy of the last output', () => {
  it('holds the sources, not dist/, and names no platform in its gzip header', () => {
    const file = pristineFile(output);
    expect([...decodePristine(file.contents)]).toEqual([
      ['README.md', '# A\n'],
      ['src/index.ts', 'export const a = 1;\n'],
    ]);
    expect(Buffer.from(file.contents.replace(/\s+/g, ''), 'base64')[9]).toBe(3);
  });

  it('is compared by what it holds: one another zlib compressed differently is not rewritten', () => {
    const out = join(dir, 'out');
    writeOutput(out, planOutput(out, output));
    const json = JSON.stringify({ 'README.md': '# A\n', 'src/index.ts': 'export const a = 1;\n' });
    const other = `${gzipSync(json, { level: 1 }).toString('base64')}\n`;
    expect(other).not.toBe(pristineFile(output).contents);
    expect(samePristine(other, pristineFile(output).contents)).toBe(true);
    writeFileSync(join(out, PRISTINE), other);
    const plan = planOutput(out, output);
    expect(plan.changed).toEqual([]);
    expect(plan.unchanged).toContain(PRISTINE);
    expect(samePristine(other, pristineFile([{ path: 'README.md', contents: '# B\n' }]).contents)).toBe(false);
  });
});
