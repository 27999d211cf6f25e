#!/usr/bin/env node
// The CLI. Installed from npm, it runs the bundles the package ships (lib/, made by
// bin/release.js); in this repository, a bundle of the current sources when one is fresh or can
// be made (bin/bundle.js). Either way with V8's code cache (bin/code-cache.js) beside the
// bundle, so that users run as fast as the benchmarks measure. Else it runs the TypeScript
// sources through tsx's loader.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const shipped = new URL('../lib/cli.cjs', import.meta.url);
const sources = new URL('../generator/cli.ts', import.meta.url);
// `generate` models the spec in a worker thread (generator/generate-parallel.ts): started now, it
// loads its modules while this thread loads the CLI's, and waits for its request. Unreferenced,
// it keeps no run alive that does not use it (such as --help).
const startWorker = (...args) => {
  if (process.argv[2] !== 'generate') return undefined;
  const worker = new Worker(...args);
  worker.unref();
  return worker;
};
let main;
let worker;
let saveCodeCache = () => {};
let bundle;
if (existsSync(shipped) && !existsSync(sources)) {
  // Installed from npm: lib/, made by bin/release.js, run as the development bundle is run.
  bundle = { cli: fileURLToPath(shipped), worker: fileURLToPath(new URL('../lib/model-worker.cjs', import.meta.url)) };
} else {
  const { bundledGenerator } = await import('./bundle.js');
  bundle = await bundledGenerator();
}
if (bundle === undefined) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(sources.href));
} else {
  worker = startWorker(new URL('./bundled-worker.js', import.meta.url), { workerData: { bundle: bundle.worker } });
  const { runWithCodeCache } = await import('./code-cache.js');
  let exports;
  ({ exports, save: saveCodeCache } = runWithCodeCache(bundle.cli));
  ({ main } = exports);
}
// Whether the worker got to model a spec (not under --help or --watch).
let modeled = false;
worker?.once('message', () => (modeled = true));
const code = await main(process.argv.slice(2), undefined, worker);
// After the command, so that the functions it compiled are in the cache (only where it had none):
// after a generation, not after --help, whose cache would stay without them.
if (modeled && code === 0) saveCodeCache();
// Every command has finished when main resolves (mock and --watch only on a signal), so the
// process exits now instead of when Node's teardown lets it: the model worker's exit and the
// last timers and handles of a big generation take a tenth of a second more. What is written to
// stdout and stderr is flushed first (writes to a pipe are asynchronous on macOS).
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
process.exit(code);
