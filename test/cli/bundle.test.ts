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
  stats: Record<string, string>;
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
    // Its own sources, the lockfile for the packages it imports from node_modules, and how it is built.
    expect(Object.keys(made.inputs).filter((path) => !path.startsWith('generator/'))).toEqual([
      'package-lock.json',
      'bin/bundle.js',
    ]);
    expect(readdirSync(made.dir)).toEqual(expect.arrayContaining(['cli.js', 'model-worker.js']));
  });

  it('requires ts-morph, so that Node does not scan its 9 MB of TypeScript for export names', () => {
    const chunks = readdirSync(manifest().dir).map((name) => readFileSync(join(manifest().dir, name), 'utf8'));
    expect(chunks.some((text) => /^import .* from "[^"]*ts-morph[^"]*";$/m.test(text))).toBe(false);
    expect(chunks.some((text) => /createRequire\(import\.meta\.url\)\("[^"]*ts-morph[^"]*"\)/.test(text))).toBe(true);
  });

  it('is reused while the sources are unchanged', async () => {
    const before = manifest().dir;
    await generate();
    expect(manifest().dir).toBe(before);
  });

  it('is rebuilt once a source it was made from changes', async () => {
    const stale = manifest();
    // As if generator/cli.ts had been edited since: neither its stats nor its hash are the recorded ones.
    writeFileSync(
      join(bundleDir, 'manifest.json'),
      JSON.stringify({
        ...stale,
        inputs: { ...stale.inputs, 'generator/cli.ts': 'edited' },
        stats: { ...stale.stats, 'generator/cli.ts': 'edited' },
      }),
    );
    await generate();
    const rebuilt = manifest();
    expect(rebuilt.dir).not.toBe(stale.dir);
    expect(rebuilt.inputs['generator/cli.ts']).toBe(stale.inputs['generator/cli.ts']);
  });

  it('does not read again a source whose stats are the recorded ones', async () => {
    const made = manifest();
    // The hash says cli.ts changed, its stats say it did not: only a source that was written is hashed.
    writeFileSync(
      join(bundleDir, 'manifest.json'),
      JSON.stringify({ ...made, inputs: { ...made.inputs, 'generator/cli.ts': 'not hashed' } }),
    );
    await generate();
    expect(manifest().dir).toBe(made.dir);
    writeFileSync(join(bundleDir, 'manifest.json'), JSON.stringify(made));
  });

  it('hashes a source whose stats changed, and records its stats when its contents did not', async () => {
    const made = manifest();
    // As after a checkout that rewrote cli.ts with the same contents.
    writeFileSync(
      join(bundleDir, 'manifest.json'),
      JSON.stringify({ ...made, stats: { ...made.stats, 'generator/cli.ts': 'checked out' } }),
    );
    await generate();
    const after = manifest();
    expect(after.dir).toBe(made.dir);
    expect(after.stats['generator/cli.ts']).toBe(made.stats['generator/cli.ts']);
  });

  it('is not used with SDKGEN_NO_BUNDLE=1: the sources run through tsx, to the same output', async () => {
    const before = manifest();
    writeFileSync(join(bundleDir, 'manifest.json'), JSON.stringify({ ...before, root: '/elsewhere/' }));
    expect(await generate({ SDKGEN_NO_BUNDLE: '1' })).toMatch(/1 operation,/);
    expect(manifest().root).toBe('/elsewhere/');
  });
});
