import { execFile } from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { openapi, specDir } from '../helpers/spec-files.js';

// The CLI runs its bundle with V8's code cache (bin/code-cache.js): made by the first generation
// after a build, used by the next ones, remade whenever V8 rejects it, and never a reason for a
// run to fail. The model worker's bundle runs without one unless SDKGEN_CODE_CACHE=all (it cost
// Microsoft Graph memory and time); these tests turn it on, to check both threads' caches.
// SDKGEN_BUNDLE_DEBUG=1 makes the CLI say what became of each cache.

const run = promisify(execFile);
const bundleDir = mkdtempSync(join(tmpdir(), 'sdkgen-code-cache-'));
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

const buildDir = (): string =>
  (JSON.parse(readFileSync(join(bundleDir, 'manifest.json'), 'utf8')) as { dir: string }).dir;
const caches = (): string[] =>
  readdirSync(buildDir())
    .filter((name) => name.endsWith('.cache'))
    .sort();
const removeCaches = (): void => {
  for (const name of caches()) rmSync(join(buildDir(), name), { recursive: true });
};

interface Run {
  /** What became of each bundle's cache, as `cli.cjs: used`. */
  readonly cache: string[];
  readonly files: Record<string, string>;
}

/** `sdkgen generate` (or `args`) on a small spec, with the bundle and its caches in `bundleDir`. */
async function sdkgen(
  args: readonly string[] = ['generate', '--spec', 'openapi.yaml', '--out', 'out'],
  env: Record<string, string> = {},
): Promise<Run> {
  const dir = specDir({
    'openapi.yaml': openapi(
      'paths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        "200": {description: ok}\n',
    ),
  });
  try {
    const { stderr } = await run(process.execPath, [join(ROOT, 'bin/sdkgen.js'), ...args], {
      cwd: dir,
      env: { ...process.env, SDKGEN_BUNDLE_DIR: bundleDir, SDKGEN_BUNDLE_DEBUG: '1', SDKGEN_CODE_CACHE: 'all', ...env },
    });
    const out = join(dir, 'out');
    const generated = args[0] === 'generate' && !args.includes('--help');
    const files = Object.fromEntries(
      (generated ? readdirSync(out, { recursive: true, withFileTypes: true }) : [])
        .filter((entry) => entry.isFile())
        .map((entry) => {
          const path = join(entry.parentPath, entry.name);
          return [relative(out, path), readFileSync(path, 'utf8')];
        }),
    );
    const cache = [...stderr.matchAll(/^sdkgen: code cache of (.*)$/gm)].map((match) => match[1] ?? '').sort();
    return { cache, files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the bundles' code cache", () => {
  let uncached: Run;

  it('is made by the first generation after a build, for each thread, once its work is done', async () => {
    uncached = await sdkgen();
    expect(uncached.cache).toEqual([
      'cli.cjs: none',
      expect.stringMatching(/^cli\.cjs: saved \(\d+ bytes, [\d.]+ ms\)$/),
      'model-worker.cjs: none',
      expect.stringMatching(/^model-worker\.cjs: saved \(\d+ bytes, [\d.]+ ms\)$/),
    ]);
    expect(caches()).toEqual([
      expect.stringMatching(/^cli\.cjs\.[0-9a-f]{16}\.cache$/),
      expect.stringMatching(/^model-worker\.cjs\.[0-9a-f]{16}\.cache$/),
    ]);
    expect(Object.keys(uncached.files)).toContain('src/index.ts');
  });

  it('is used, not made again, by the next runs, which write the same files', async () => {
    const before = caches().map((name) => readFileSync(join(buildDir(), name)));
    const cached = await sdkgen();
    expect(cached.cache).toEqual(['cli.cjs: used', 'model-worker.cjs: used']);
    expect(caches().map((name) => readFileSync(join(buildDir(), name)))).toEqual(before);
    expect(cached.files).toEqual(uncached.files);
  });

  it('is made again when V8 rejects it: truncated, or corrupt', async () => {
    const [cli, worker] = caches().map((name) => join(buildDir(), name));
    truncateSync(worker ?? '', 1000);
    writeFileSync(cli ?? '', Buffer.alloc(4096, 7));
    const rejected = await sdkgen();
    expect(rejected.cache).toEqual([
      'cli.cjs: rejected',
      expect.stringMatching(/^cli\.cjs: saved/),
      'model-worker.cjs: rejected',
      expect.stringMatching(/^model-worker\.cjs: saved/),
    ]);
    expect(rejected.files).toEqual(uncached.files);
    expect((await sdkgen()).cache).toEqual(['cli.cjs: used', 'model-worker.cjs: used']);
  });

  it('is not made by a run that generates nothing, whose cache would lack the generation', async () => {
    removeCaches();
    const help = await sdkgen(['generate', '--help']);
    expect(help.cache).toEqual(['cli.cjs: none']);
    expect(caches()).toEqual([]);
  });

  it('is a new one once the bundle changes, since V8 checks only the length of the source', async () => {
    await sdkgen();
    const [before] = caches();
    appendFileSync(join(buildDir(), 'cli.cjs'), '\n// edited\n');
    const edited = await sdkgen();
    expect(edited.cache).toContain('cli.cjs: none');
    expect(edited.cache).toContain('model-worker.cjs: used');
    const cliCaches = caches().filter((name) => name.startsWith('cli.cjs.'));
    expect(cliCaches).toHaveLength(2);
    expect(cliCaches).toContain(before);
  });

  it("is the CLI's alone by default: the model worker runs without one", async () => {
    const before = caches();
    const byDefault = await sdkgen(undefined, { SDKGEN_CODE_CACHE: '' });
    expect(byDefault.cache).toEqual(['cli.cjs: used', 'model-worker.cjs: off']);
    expect(caches()).toEqual(before);
    expect(byDefault.files).toEqual(uncached.files);
  });

  it('is neither read nor written with SDKGEN_CODE_CACHE=0', async () => {
    const before = caches();
    const off = await sdkgen(undefined, { SDKGEN_CODE_CACHE: '0' });
    expect(off.cache).toEqual(['cli.cjs: off', 'model-worker.cjs: off']);
    expect(caches()).toEqual(before);
    expect(off.files).toEqual(uncached.files);
  });

  it('runs without one where none can be written', async () => {
    // Where the caches would go, folders: as a read-only folder, which root could write all the same.
    const names = caches();
    removeCaches();
    for (const name of names) mkdirSync(join(buildDir(), name));
    const unwritable = await sdkgen();
    expect(unwritable.cache).toEqual([
      'cli.cjs: none',
      expect.stringMatching(/^cli\.cjs: not saved: /),
      'model-worker.cjs: none',
      expect.stringMatching(/^model-worker\.cjs: not saved: /),
    ]);
    expect(unwritable.files).toEqual(uncached.files);
    expect(readdirSync(buildDir()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
