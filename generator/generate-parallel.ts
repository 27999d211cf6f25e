import { Worker } from 'node:worker_threads';
import { formatBytes, phaseTimer } from './command.js';
import { SpecError } from './diagnostics.js';
import type { GenerateOptions, Generation } from './generate.js';
import { modelOptionsOf } from './model-spec.js';
import type { ModelReply, ModelRequest } from './model-worker.js';
import { plural } from './plural.js';

/** The worker's entry: TypeScript through tsx, unless the CLI runs bundled (see bin/bundle.js). */
const SOURCE_WORKER = new URL('../bin/model-worker.js', import.meta.url);

/**
 * The CLI's pipeline: the spec is read and modeled in a worker thread while this thread
 * loads ts-morph and TypeScript for the emit stage (each takes a third of a second or
 * more on a big spec); the worker checks the spec's keys while this thread emits. Same
 * result as `generate()`, and the same `SpecError` when the spec has errors.
 */
export async function generateInParallel(options: GenerateOptions, worker: URL = SOURCE_WORKER): Promise<Generation> {
  const cwd = options.cwd ?? process.cwd();
  const progress = phaseTimer(options.onProgress);
  const replies = modelInWorker(worker, { spec: options.spec, cwd, ...modelOptionsOf(options) });
  try {
    const { emit, describeModel } = await import('./generate.js');
    const modeled = succeeded(await replies.next(), 'model');
    progress(
      `read ${plural(modeled.files, 'file')}, ${formatBytes(modeled.bytes)}, and modeled ${describeModel(modeled.model)}`,
    );
    const generation = emit(modeled.model, [], modeled.inputs, options, progress);
    const { warnings } = succeeded(await replies.next(), 'warnings');
    return { ...generation, warnings };
  } finally {
    // What the worker printed reaches this thread's stdout and stderr by the time it has exited
    // (by now, as a rule: it had only the warnings to format while this thread emitted), and the
    // CLI exits as soon as it is done.
    await replies.exited;
  }
}

function succeeded<Step extends 'model' | 'warnings'>(
  reply: ModelReply,
  step: Step,
): Extract<ModelReply, { readonly step: Step }> {
  if (!reply.ok) {
    if (reply.specError) throw new SpecError(reply.diagnostics, reply.formatted);
    throw new Error(`the model worker failed: ${reply.message}`);
  }
  if (reply.step !== step) throw new Error(`the model worker sent its ${reply.step} before its ${step}`);
  return reply as Extract<ModelReply, { readonly step: Step }>;
}

/**
 * The worker's replies, in order: `next()` resolves with the next one, or rejects if the worker
 * failed first; `exited` resolves once it has exited.
 */
function modelInWorker(entry: URL, request: ModelRequest): { next(): Promise<ModelReply>; exited: Promise<void> } {
  const arrived: ModelReply[] = [];
  const waiting: { resolve(reply: ModelReply): void; reject(error: unknown): void }[] = [];
  let failed: unknown;
  const worker = new Worker(entry, { workerData: request });
  worker.on('message', (reply: ModelReply) => {
    const waiter = waiting.shift();
    if (waiter === undefined) arrived.push(reply);
    else waiter.resolve(reply);
  });
  const fail = (error: unknown): void => {
    failed ??= error;
    for (const waiter of waiting.splice(0)) waiter.reject(error);
  };
  worker.once('error', fail);
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      fail(new Error(`the model worker exited with code ${code} before replying`));
      resolve();
    }),
  );
  return {
    exited,
    next: () => {
      const reply = arrived.shift();
      if (reply !== undefined) return Promise.resolve(reply);
      if (failed !== undefined) return Promise.reject(failed);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
  };
}
