import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../generator/emit/output-file.js';
import {
  decodePristine,
  PRISTINE,
  pristineFile,
  rememberPristines,
  samePristine,
} from '../../generator/write/pristine.js';
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

  /** A gzip member of `text` as sdkgen makes it: level 6, the Unix OS byte. */
  const member = (text: string): Buffer => {
    const gzipped = gzipSync(text, { level: 6 });
    gzipped[9] = 3;
    return gzipped;
  };
  const bytesOf = (contents: string): Buffer => Buffer.from(contents.replace(/\s+/g, ''), 'base64');

  it('is a series of gzip members, one a small file, so that --watch compresses only what changed', () => {
    const pieces = ['{"README.md":"# A\\n"', ',"src/index.ts":"export const a = 1;\\n"', '}'];
    expect(bytesOf(pristineFile(output).contents)).toEqual(Buffer.concat(pieces.map(member)));
    expect(bytesOf(pristineFile([]).contents)).toEqual(member('{}'));
  });

  it('is, made again after an edit under --watch, byte for byte what a fresh run makes', () => {
    rememberPristines();
    pristineFile(output);
    const edited = output.map((f) => (f.path === 'README.md' ? { ...f, contents: '# B\n' } : f));
    const pieces = ['{"README.md":"# B\\n"', ',"src/index.ts":"export const a = 1;\\n"', '}'];
    expect(bytesOf(pristineFile(edited).contents)).toEqual(Buffer.concat(pieces.map(member)));
    pieces[0] = '{"README.md":"# A\\n"';
    expect(bytesOf(pristineFile(output).contents)).toEqual(Buffer.concat(pieces.map(member)));
  });

  it('reads the single gzip member an earlier sdkgen wrote, and keeps it while the output is the same', () => {
    const out = join(dir, 'earlier');
    writeOutput(out, planOutput(out, output));
    const json = JSON.stringify({ 'README.md': '# A\n', 'src/index.ts': 'export const a = 1;\n' });
    const earlier = `${(
      member(json)
        .toString('base64')
        .match(/.{1,76}/g) ?? []
    ).join('\n')}\n`;
    writeFileSync(join(out, PRISTINE), earlier);
    expect([...decodePristine(earlier)]).toEqual([...decodePristine(pristineFile(output).contents)]);
    expect(planOutput(out, output).unchanged).toContain(PRISTINE);
    const changed = planOutput(out, [{ path: 'README.md', contents: '# B\n' }]).changed;
    expect(changed.find((f) => f.path === PRISTINE)?.contents).toBe(
      pristineFile([{ path: 'README.md', contents: '# B\n' }]).contents,
    );
  });

  it('cuts a big file by its lines, so that an edit in its middle leaves the bytes before and after it', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `export const value${i} = ${(i * 7919) % 10_007};`);
    const big = (middle: string): OutputFile[] => [
      { path: 'src/big.ts', contents: `${[...lines.slice(0, 10_000), middle, ...lines.slice(10_000)].join('\n')}\n` },
    ];
    const before = bytesOf(pristineFile(big('// one line')).contents);
    const after = bytesOf(pristineFile(big('// one line, edited')).contents);
    let prefix = 0;
    while (before[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
    expect(prefix).toBeGreaterThan(before.length * 0.3);
    expect(suffix).toBeGreaterThan(before.length * 0.3);
    expect([...decodePristine(pristineFile(big('// one line, edited')).contents)]).toEqual([
      ['src/big.ts', big('// one line, edited')[0]?.contents],
    ]);
  });
});
