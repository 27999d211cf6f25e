// The generator bundled into plain JavaScript, kept fresh by content hash.
//
// Running the TypeScript sources through tsx costs a loader thread per JavaScript thread and a
// round trip to it per module: about 0.3 s of a 1.9 s generation of openai.yaml (measured
// side by side, see the README's performance notes). So the CLI runs a bundle made by esbuild
// (a dev dependency) into node_modules/.cache, rebuilt whenever a source it was made from has
// changed; where esbuild is not installed, or the build fails, the CLI runs the sources.
// Each thread's bundle is one CommonJS file, so that it can run with V8's code cache
// (bin/code-cache.js), which Node 20 offers for scripts but not for ES modules.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIR = process.env.SDKGEN_BUNDLE_DIR ?? join(ROOT, 'node_modules/.cache/sdkgen-bundle');
const MANIFEST = join(DIR, 'manifest.json');

/**
 * How both bundles of the CLI are built, this one and the npm package's (release.js): one
 * CommonJS file per thread, `cli.cjs` and `model-worker.cjs`, as bin/code-cache.js runs them.
 */
export const COMMONJS_ENTRIES = {
  absWorkingDir: ROOT,
  entryPoints: { cli: 'generator/cli.ts', 'model-worker': 'generator/model-worker.ts' },
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  // As ES modules are: what they are converted from.
  banner: { js: "'use strict';" },
  platform: 'node',
};

/** `{ cli, worker }`, the paths of a bundle of the current sources, or `undefined` to run the sources. */
export async function bundledGenerator() {
  if (process.env.SDKGEN_NO_BUNDLE === '1') return undefined;
  const manifest = readManifest();
  if (manifest === undefined || !isFresh(manifest)) {
    const built = await build();
    if (built === undefined || !isFresh(built)) return undefined;
    return entryPaths(built);
  }
  restate(manifest);
  return entryPaths(manifest);
}

function entryPaths(manifest) {
  return { cli: join(manifest.dir, 'cli.cjs'), worker: join(manifest.dir, 'model-worker.cjs') };
}

function readManifest() {
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Made from exactly the sources there are now, in this folder, by this Node. A source whose
 * size, times and inode are those recorded is not read again, as git trusts its index: hashing
 * the 250 sources took 70 ms of every run, before the model worker could start. Any write
 * changes a file's ctime, which no tool can set back.
 */
function isFresh(manifest) {
  if (manifest.root !== ROOT || manifest.node !== process.version) return false;
  const stats = manifest.stats ?? {};
  return Object.entries(manifest.inputs).every(([path, hash]) => {
    const recorded = stats[path];
    return (recorded !== undefined && recorded === statOf(join(ROOT, path))) || hashOf(join(ROOT, path)) === hash;
  });
}

/** What changes whenever a file is written: its size, modification and change times, inode. */
function statOf(path) {
  try {
    const { size, mtimeMs, ctimeMs, ino } = statSync(path);
    return `${size} ${mtimeMs} ${ctimeMs} ${ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Records the sources' stats where they changed but not their contents (a checkout, an older
 * manifest without them), so that the next run need not hash them again.
 */
function restate(manifest) {
  const stats = Object.fromEntries(Object.keys(manifest.inputs).map((path) => [path, statOf(join(ROOT, path))]));
  if (Object.entries(stats).every(([path, stat]) => manifest.stats?.[path] === stat)) return;
  writeManifest({ ...manifest, stats });
}

function writeManifest(manifest) {
  try {
    const temp = `${MANIFEST}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(manifest, null, 2));
    renameSync(temp, MANIFEST);
  } catch {
    // Read-only, or removed meanwhile: the next run hashes the sources again.
  }
}

function hashOf(path) {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return undefined;
  }
}

/** Bundles into a fresh folder, then points the manifest at it (a rename), so a running CLI is never disturbed. */
async function build() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return undefined;
  }
  const dir = join(DIR, `build-${process.pid}-${Date.now()}`);
  try {
    const result = await esbuild.build({
      ...COMMONJS_ENTRIES,
      outdir: dir,
      target: `node${process.versions.node.split('.')[0]}`,
      metafile: true,
      logLevel: process.env.SDKGEN_BUNDLE_DEBUG ? 'error' : 'silent',
      plugins: [keepSourceLocations, packagesOutside],
    });
    // The lockfile stands for the packages the bundle holds or requires from node_modules; this file for how it is built.
    const inputs = Object.fromEntries(
      [...Object.keys(result.metafile.inputs), 'package-lock.json', 'bin/bundle.js'].map((path) => [
        path,
        hashOf(resolve(ROOT, path)),
      ]),
    );
    const stats = Object.fromEntries(Object.keys(inputs).map((path) => [path, statOf(resolve(ROOT, path))]));
    const manifest = { root: ROOT, node: process.version, dir, inputs, stats };
    writeManifest(manifest);
    removeOldBuilds(dir);
    return manifest;
  } catch (error) {
    if (process.env.SDKGEN_BUNDLE_DEBUG) console.error(error);
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

/**
 * The sources find files beside them (the runtime they copy, the cache folder, the worker)
 * from `import.meta.url`; in the bundle it stays the URL of the source file it was written in.
 */
const keepSourceLocations = {
  name: 'keep-source-locations',
  setup(build) {
    build.onLoad({ filter: /[\\/]generator[\\/].*\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: 'ts',
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * Packages are bundled, so that the code cache holds their code too, except those required from
 * this project's node_modules wherever the bundle is: oxc-transform, a native addon; ts-morph and
 * typescript, 9 MB that only the commands needing them load, on first use (esbuild keeps the
 * `require` where the `import` was). A CommonJS package required is not scanned for the names it
 * exports, as importing it into an ES module is (for ts-morph, 0.2 s of CPU).
 */
const OUTSIDE = new Set(['oxc-transform', 'ts-morph', 'typescript']);
const packagesOutside = {
  name: 'packages-outside',
  setup(build) {
    const projectRequire = createRequire(join(ROOT, 'package.json'));
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const name = args.path
        .split('/')
        .slice(0, args.path.startsWith('@') ? 2 : 1)
        .join('/');
      return OUTSIDE.has(name) ? { path: projectRequire.resolve(args.path), external: true } : undefined;
    });
  },
};

/**
 * Builds other than the current one, once they are a minute old: a CLI started from one a
 * moment ago may still be about to start its worker from it.
 */
function removeOldBuilds(current) {
  for (const entry of readdirSync(DIR)) {
    const path = join(DIR, entry);
    if (!entry.startsWith('build-') || path === current) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > 60_000) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by another run.
    }
  }
}

// `node bin/bundle.js` (npm's `prepare`, after `npm ci`): build now, so the first run needn't.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bundle = await bundledGenerator();
  console.error(
    bundle === undefined
      ? 'sdkgen: no bundle (esbuild is missing, or the build failed: SDKGEN_BUNDLE_DEBUG=1 shows why); the CLI runs the TypeScript sources.'
      : 'sdkgen: generator bundled.',
  );
}
