import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const run = promisify(execFile);
const bundleDir = mkdtempSync(join(tmpdir(), 'sdkgen-bundle-'));
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

interface Manifest {
  root: string;
  dir: string;
  inputs: Record<string, string>;
}
const manifest = (): Manifest => JSON.parse(readFileSync(join(bundleDir, 'manifest.json'), 'utf8')) as Manifest;

/** Runs `bin/sdkgen.js generate` on a small spec with the bundle kept in `bundleDir`. */
async function generate(env: Record<string, string> = {}): Promise<string> {
  const dir = specDir({
    'openapi.yaml': openapi(
      'paths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        "200": {description: ok}\n',
    ),
  });
  const { stdout } = await run(
    process.execPath,
    [join(ROOT, 'bin/sdkgen.js'), 'generate', '--spec', 'openapi.yaml', '--out', 'out'],
    {
      cwd: dir,
      env: { ...process.env, SDKGEN_BUNDLE_DIR: bundleDir, ...env },
    },
  );
  const index = readFileSync(join(dir, 'out/src/index.ts'), 'utf8');
  rmSync(dir, { recursive: true, force: true });
  expect(index).toContain('export');
  return stdout;
}

describe('the bundled CLI (bin/bundle.js)', () => {
  it('is built from the generator sources on first use, and records what it was made from', async () => {
    expect(await generate()).toMatch(/1 operation,/);
    const made = manifest();
    expect(made.root).toBe(ROOT);
    expect(Object.keys(made.inputs)).toEqual(
      expect.arrayContaining(['generator/cli.ts', 'generator/model-worker.ts', 'generator/load/yaml-events.ts']),
    );
    // Its own sources, and the lockfile for the packages it imports from node_modules.
    expect(Object.keys(made.inputs).filter((path) => !path.startsWith('generator/'))).toEqual(['package-lock.json']);
    expect(readdirSync(made.dir)).toEqual(expect.arrayContaining(['cli.js', 'model-worker.js']));
  });

  it('is reused while the sources are unchanged', async () => {
    const before = manifest().dir;
    await generate();
    expect(manifest().dir).toBe(before);
  });

  it('is rebuilt once a source it was made from changes', async () => {
    const stale = manifest();
    // As if generator/cli.ts had been edited since: the recorded hash no longer matches it.
    writeFileSync(
      join(bundleDir, 'manifest.json'),
      JSON.stringify({ ...stale, inputs: { ...stale.inputs, 'generator/cli.ts': 'edited' } }),
    );
    await generate();
    const rebuilt = manifest();
    expect(rebuilt.dir).not.toBe(stale.dir);
    expect(rebuilt.inputs['generator/cli.ts']).toBe(stale.inputs['generator/cli.ts']);
  });

  it('is not used with SDKGEN_NO_BUNDLE=1: the sources run through tsx, to the same output', async () => {
    const before = manifest();
    writeFileSync(join(bundleDir, 'manifest.json'), JSON.stringify({ ...before, root: '/elsewhere/' }));
    expect(await generate({ SDKGEN_NO_BUNDLE: '1' })).toMatch(/1 operation,/);
    expect(manifest().root).toBe('/elsewhere/');
  });
});
