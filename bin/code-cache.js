// Runs a CommonJS bundle with V8's code cache: the bytecode of the functions a run compiled,
// kept in a file beside the bundle, so that the next run deserializes them instead of parsing
// and compiling them again (on openai.yaml, ~0.2 s of CPU across both threads; the README's
// performance notes). What v8-compile-cache does, and Node >= 22.1's module.enableCompileCache()
// (used there instead). The cache only ever speeds a run up: should it be missing, stale,
// corrupt or unwritable, the bundle runs as it would without it.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';
import { threadId } from 'node:worker_threads';

/**
 * Runs `file` (a CommonJS bundle) and gives its exports, and `save()`: to be called once the run's
 * work is done, so that the functions compiled lazily during it are in the cache too. It writes a
 * cache only where there was none, or V8 rejected it. `cached`: false runs it without one.
 * SDKGEN_CODE_CACHE=0 turns every cache off, `all` turns on those that are off by default (to
 * compare runs with and without).
 */
export function runWithCodeCache(file, { cached = true } = {}) {
  const setting = process.env.SDKGEN_CODE_CACHE;
  const off = setting === '0' || (!cached && setting !== 'all');
  if (typeof module.enableCompileCache === 'function' && !off) return runWithNodeCompileCache(file);
  const bytes = readFileSync(file);
  const cacheFile = cacheFileOf(file, bytes);
  const cachedData = off ? undefined : readOrUndefined(cacheFile);
  // A cache V8 cannot use (corrupt, truncated, of another V8) is rejected, never thrown.
  const script = new vm.Script(wrap(bytes.toString('utf8')), {
    filename: file,
    cachedData,
    // The bundle imports no module dynamically; should it, its packages are absolute paths.
    importModuleDynamically: (specifier) => import(specifier),
  });
  const fresh = !off && (cachedData === undefined || script.cachedDataRejected === true);
  debug(file, off ? 'off' : cachedData === undefined ? 'none' : fresh ? 'rejected' : 'used');
  // A rejected cache goes now, so that this run makes a new one even if it never gets to save.
  if (script.cachedDataRejected === true) remove(cacheFile);
  const exports = runWrapped(script.runInThisContext(), file);
  return { exports, save: fresh ? () => writeCache(file, cacheFile, () => script.createCachedData()) : () => {} };
}

/** Node >= 22.1 caches what `require` compiles, in a folder it manages (and flushes at exit). */
function runWithNodeCompileCache(file) {
  try {
    module.enableCompileCache(join(dirname(file), 'compile-cache'));
  } catch {
    // No cache: the bundle runs all the same.
  }
  return { exports: createRequire(file)(file), save: () => module.flushCompileCache?.() };
}

/** The function Node's CommonJS loader would make of the file, so that it runs as `require` would run it. */
const wrap = (source) => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

function runWrapped(compiled, file) {
  const bundle = { exports: {} };
  compiled.call(bundle.exports, bundle.exports, createRequire(file), bundle, file, dirname(file));
  return bundle.exports;
}

/**
 * `<bundle>.<key>.cache`: V8 checks a cache's version and flags, but of the source only its
 * length, so the key holds the bundle's hash, and what V8 would reject anyway (Node's version,
 * the architecture, the flags Node was started with), so that runs with other flags keep their
 * own cache rather than replace each other's. Caches of other keys go with the build folder
 * (bin/bundle.js removes old builds), which a new Node's run replaces too.
 */
function cacheFileOf(file, bytes) {
  // Of the bytes, not the text: hashing a string encodes it to UTF-8 again (18 ms against 1).
  const key = createHash('sha256')
    .update(bytes)
    .update(`\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`)
    .digest('hex')
    .slice(0, 16);
  return `${file}.${key}.cache`;
}

function readOrUndefined(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Atomically (a temporary file renamed), so that no run reads half a cache; never throws (a read-only folder: no cache). */
function writeCache(file, cacheFile, make) {
  const temp = `${cacheFile}.${process.pid}.${threadId}.tmp`;
  const started = performance.now();
  try {
    const data = make();
    writeFileSync(temp, data);
    renameSync(temp, cacheFile);
    debug(file, `saved (${data.length} bytes, ${(performance.now() - started).toFixed(1)} ms)`);
  } catch (error) {
    remove(temp);
    debug(file, `not saved: ${error.message}`);
  }
}

/** With SDKGEN_BUNDLE_DEBUG=1, what became of each bundle's cache (the tests read it). */
function debug(file, what) {
  if (process.env.SDKGEN_BUNDLE_DEBUG) process.stderr.write(`sdkgen: code cache of ${basename(file)}: ${what}\n`);
}

function remove(path) {
  try {
    rmSync(path, { force: true });
  } catch {
    // Read-only: it stays, and is rejected again next time.
  }
}
