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
 * more on a big spec). Same result as `generate()`.
 */
export async function generateInParallel(options: GenerateOptions, worker: URL = SOURCE_WORKER): Promise<Generation> {
  const cwd = options.cwd ?? process.cwd();
  const progress = phaseTimer(options.onProgress);
  const reply = modelInWorker(worker, { spec: options.spec, cwd, ...modelOptionsOf(options) });
  const { emit, describeModel } = await import('./generate.js');
  const result = await reply;
  if (!result.ok) {
    if (result.specError) throw new SpecError(result.diagnostics, result.formatted);
    throw new Error(`the model worker failed: ${result.message}`);
  }
  progress(
    `read ${plural(result.files, 'file')}, ${formatBytes(result.bytes)}, and modeled ${describeModel(result.model)}`,
  );
  return emit(result.model, result.warnings, result.inputs, options, progress);
}

function modelInWorker(entry: URL, request: ModelRequest): Promise<ModelReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: request });
    worker.once('message', (reply: ModelReply) => resolve(reply));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the model worker exited with code ${code}`));
    });
  });
}
