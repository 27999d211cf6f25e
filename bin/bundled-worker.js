// Worker-thread entry of the bundled CLI (bin/sdkgen.js): the model worker's bundle, run without
// V8's code cache by default. On openai.yaml its cache saved part of the ~0.2 s of CPU, but on
// Microsoft Graph it cost ~+2 s of CPU and ~+60 MB of peak memory in every run measured
// (bench/profile.md, "V8's code cache"). SDKGEN_CODE_CACHE=all uses one: saved as the thread
// exits, when every function its run needed has been compiled, off the run's path (the CLI
// waits for this exit while it finishes writing the output). A worker that got no request
// (`generate --help`) saves nothing: its cache would hold only the startup's functions.
import { parentPort, workerData } from 'node:worker_threads';
import { runWithCodeCache } from './code-cache.js';

const { save } = runWithCodeCache(workerData.bundle, { cached: false });
parentPort?.once('message', () => process.once('exit', save));
