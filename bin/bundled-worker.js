// Worker-thread entry of the bundled CLI (bin/sdkgen.js): the model worker's bundle, run with its
// code cache, saved as the thread exits, when every function its run needed has been compiled.
// The CLI waits for this exit before its own (generator/cli/generate-command.ts), so the cache
// is written off the run's path, while the main thread finishes writing the output. A worker
// that got no request (`generate --help`) saves nothing: its cache would hold only the startup's
// functions, and, not rejected, stay so.
import { parentPort, workerData } from 'node:worker_threads';
import { runWithCodeCache } from './code-cache.js';

const { save } = runWithCodeCache(workerData.bundle);
parentPort?.once('message', () => process.once('exit', save));
