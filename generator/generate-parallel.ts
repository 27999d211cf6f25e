import { Worker } from 'node:worker_threads';
import { formatBytes, phaseTimer } from './command.js';
import { SpecError } from './diagnostics.js';
import type { GenerateOptions, Generation } from './generate.js';
import { type ModeledSpec, modelOptionsOf } from './model-spec.js';
import type { ModelReply, ModelRequest } from './model-worker.js';
import { plural } from './plural.js';

/** The worker's entry: TypeScript through tsx, unless the CLI runs bundled (see bin/bundle.js). */
const SOURCE_WORKER = new URL('../bin/model-worker.js', import.meta.url);

/**
 * Where the model worker comes from: its entry, to start it now; or the worker itself, started
 * by bin/sdkgen.js before the CLI's modules load, so that its own start (a Node thread and its
 * modules, a fifth of a second) is off the path. It waits for its request (model-worker.ts).
 */
export type ModelWorkerEntry = URL | Worker;

/**
 * The CLI's pipeline: the spec is read and modeled in a worker thread while this thread
 * loads ts-morph and TypeScript for the emit stage (each takes a third of a second or
 * more on a big spec). Same result as `generate()`, and the same `SpecError` when the spec
 * has errors.
 */
export async function generateInParallel(
  options: GenerateOptions,
  worker: ModelWorkerEntry = SOURCE_WORKER,
): Promise<Generation> {
  const cwd = options.cwd ?? process.cwd();
  const progress = phaseTimer(options.onProgress);
  const { reply, exited } = modelInWorker(worker, { spec: options.spec, cwd, ...modelOptionsOf(options) });
  try {
    const { emit, describeModel } = await import('./generate.js');
    const modeled = succeeded(await reply);
    progress(
      `read ${plural(modeled.files, 'file')}, ${formatBytes(modeled.bytes)}, and modeled ${describeModel(modeled.model)}`,
    );
    return emit(modeled.model, modeled.warnings, modeled.inputs, options, progress);
  } finally {
    // What the worker printed reaches this thread's stdout and stderr by the time it has exited
    // (by now, as a rule: it had nothing left to do once it replied), and the CLI exits as soon
    // as it is done.
    await exited;
  }
}

function succeeded(reply: ModelReply): ModeledSpec {
  if (!reply.ok) {
    if (reply.specError) throw new SpecError(reply.diagnostics, reply.formatted);
    throw new Error(`the model worker failed: ${reply.message}`);
  }
  return reply;
}

/** The worker's one reply (rejected if the worker failed or exited first), and its exit. */
function modelInWorker(
  entry: ModelWorkerEntry,
  request: ModelRequest,
): { reply: Promise<ModelReply>; exited: Promise<void> } {
  const worker = entry instanceof URL ? new Worker(entry) : entry;
  const reply = new Promise<ModelReply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the model worker exited with code ${code} before replying`)));
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // A reply that fails after this thread failed first (its import, say) is not also unhandled.
  reply.catch(() => undefined);
  // A worker started early was unreferenced, so that a run that needs none ends without it.
  worker.ref();
  worker.postMessage(request);
  return { reply, exited };
}
