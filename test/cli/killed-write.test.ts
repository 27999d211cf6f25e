import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JOURNAL } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';
import { openapi, specDir } from '../helpers/spec-files.js';
import { readTree } from '../helpers/tree.js';

const list = (name: string, summary: string): string =>
  `  /${name}:\n    get:\n      operationId: list${name}\n      summary: ${summary}\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {type: array, items: {type: string}}\n`;
// v2 changes a summary, adds a resource and drops one: files are rewritten, added and deleted.
const V1 = openapi(
  `paths:\n${list('pets', 'Lists pets.')}${list('owners', 'Lists owners.')}${list('vets', 'Lists vets.')}`,
);
const V2 = openapi(
  `paths:\n${list('pets', 'Lists every pet.')}${list('owners', 'Lists owners.')}${list('toys', 'Lists toys.')}`,
);

function run(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
  killAfterMs?: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/sdkgen.js'), 'generate', '--spec', 'openapi.yaml', '--out', 'out', ...args],
      { cwd, env: { ...process.env, ...env } },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A project generated from V1, with a file of its own in the output, and V2 as the spec now. */
async function projectAtV1(): Promise<{
  dir: string;
  before: Record<string, string>;
  expected: Record<string, string>;
}> {
  const dir = specDir({ 'openapi.yaml': V1 });
  dirs.push(dir);
  expect((await run(dir, [])).code).toBe(0);
  writeFileSync(join(dir, 'out/NOTES.md'), 'mine, not the generator’s\n');
  writeFileSync(join(dir, 'openapi.yaml'), V2);
  return {
    dir,
    before: readTree(join(dir, 'out')),
    expected: { ...(await referenceAtV2()), 'NOTES.md': 'mine, not the generator’s\n' },
  };
}

/** What an uninterrupted run makes of V2: the same for every case, so made once. */
let reference: Promise<Record<string, string>> | undefined;
function referenceAtV2(): Promise<Record<string, string>> {
  reference ??= (async () => {
    const dir = specDir({ 'openapi.yaml': V2 });
    dirs.push(dir);
    expect((await run(dir, [])).code).toBe(0);
    return readTree(join(dir, 'out'));
  })();
  return reference;
}

describe('a run killed while writing (SIGKILL)', () => {
  it.each([1, 4, 12])(
    'after %i renames: leaves a journal that the next run finishes, to exactly the new output',
    async (renames) => {
      const { dir, before, expected } = await projectAtV1();
      const killed = await run(dir, [], { SDKGEN_FAULT_KILL_AFTER_RENAMES: String(renames) });
      expect(killed.signal).toBe('SIGKILL');
      const out = join(dir, 'out');
      expect(existsSync(join(out, JOURNAL))).toBe(true);
      expect(readTree(out)).not.toEqual(before);

      const check = await run(dir, ['--check']);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain('was left mid-write by a run that was killed');

      const again = await run(dir, []);
      expect(again.code).toBe(0);
      expect(again.stderr).toContain('finished the writes of an earlier run that was killed');
      expect(readTree(out)).toEqual(expected);
    },
  );

  it('at any moment: the output is the old one, or has a journal; either way the next run ends at the new one', async () => {
    for (const delay of [150, 300, 450, 600]) {
      const { dir, before, expected } = await projectAtV1();
      const out = join(dir, 'out');
      await run(dir, [], {}, delay);
      const now = readTree(out);
      const temporaries = Object.keys(now).filter((path) => path.includes('.sdkgen-tmp-'));
      const journaled = existsSync(join(out, JOURNAL));
      if (!journaled) {
        const withoutTemporaries = Object.fromEntries(
          Object.entries(now).filter(([path]) => !temporaries.includes(path)),
        );
        // Untouched (a run killed before its journal), or already complete.
        expect([before, expected]).toContainEqual(withoutTemporaries);
      }
      expect((await run(dir, [])).code).toBe(0);
      expect(readTree(out)).toEqual(expected);
    }
  });
});
