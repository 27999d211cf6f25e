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
    // Its own sources, the packages' files it holds, the lockfile for the packages it requires
    // from node_modules, and how it is built.
    expect(Object.keys(made.inputs).filter((path) => !/^(generator|node_modules)\//.test(path))).toEqual([
      'package-lock.json',
      'bin/bundle.js',
    ]);
    expect(Object.keys(made.inputs)).toContain('node_modules/js-yaml/dist/js-yaml.mjs');
    // One CommonJS file per thread, which V8's code cache can serve (test/cli/code-cache.test.ts).
    expect(readdirSync(made.dir)).toEqual(expect.arrayContaining(['cli.cjs', 'model-worker.cjs']));
  });

  it('holds the packages, but requires ts-morph (9 MB, loaded on first use) and oxc-transform (native) where they are', () => {
    const bundles = ['cli.cjs', 'model-worker.cjs'].map((name) => readFileSync(join(manifest().dir, name), 'utf8'));
    const required = new Set(
      bundles.flatMap((text) => [...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] ?? '')),
    );
    const packages = [...required].filter((path) => path.includes('node_modules'));
    expect(new Set(packages.map((path) => path.replace(/.*node_modules\/([^/]+)\/.*/, '$1')))).toEqual(
      new Set(['oxc-transform', 'ts-morph']),
    );
    expect(packages.every((path) => path.startsWith(join(ROOT, 'node_modules')))).toBe(true);
    // js-yaml and code-block-writer, imported up front, are inside, and so in the code cache.
    expect(packages.some((path) => /js-yaml|code-block-writer/.test(path))).toBe(false);
    expect(bundles[1]).toContain('node_modules/js-yaml/');
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
