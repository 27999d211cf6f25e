import { Worker } from 'node:worker_threads';
import { phaseTimer } from './command.js';
import { SpecError } from './diagnostics.js';
import type { OutputFile } from './emit/output-file.js';
import type { Emitted, GenerateOptions } from './generate.js';
import { modelOptionsOf } from './model-options.js';
import type { BatchSize, PipelineMessage, PipelineRequest, PostedFile } from './model-worker.js';
import { packageAssembly } from './package-assembly.js';
import { emittedLine, modeledLine } from './run-summary.js';
import type { WriteAhead } from './write/write-ahead.js';

/** The worker's entry: TypeScript through tsx, unless the CLI runs bundled (see bin/bundle.js). */
const SOURCE_WORKER = new URL('../bin/model-worker.js', import.meta.url);

/**
 * Where the model worker comes from: its entry, to start it now; or the worker itself, started
 * by bin/sdkgen.js before the CLI's modules load, so that its own start (a Node thread and its
 * modules, a fifth of a second) is off the path. It waits for its request (model-worker.ts).
 */
export type ModelWorkerEntry = URL | Worker;

export interface PipelineTuning {
  /**
   * The CLI's, into a new output folder: each batch's files are written under their temporary
   * names as they arrive, and their texts dropped (`Emitted.writtenAhead`).
   */
  readonly writeAhead?: WriteAhead | undefined;
  /** For tests: the worker's batch size. */
  readonly batch?: BatchSize | undefined;
  /** For tests: told of each batch as it arrives. */
  readonly onBatch?: ((files: readonly OutputFile[]) => void) | undefined;
}

/**
 * The CLI's pipeline: the spec is read, modeled and emitted in a worker thread, which posts the
 * sources in batches as it makes them; this thread compiles each batch's dist/ (oxc), compresses
 * its pristine entries and makes its API report sections meanwhile (package-assembly.ts; into a
 * new folder it writes the batch ahead and drops its texts), then finishes the package. The
 * model stays in the worker, and this thread loads no emitter. Same files as `generate()`, and
 * the same `SpecError` when the spec has errors; should the worker fail, or this thread, the run
 * fails before anything is written.
 */
export async function generateInParallel(
  options: GenerateOptions,
  worker: ModelWorkerEntry = SOURCE_WORKER,
  tuning: PipelineTuning = {},
): Promise<Emitted> {
  const cwd = options.cwd ?? process.cwd();
  const progress = phaseTimer(options.onProgress);
  const { messages, exited } = pipelineInWorker(worker, {
    ...modelOptionsOf(options),
    spec: options.spec,
    cwd,
    out: options.out,
    batch: tuning.batch,
  });
  const withDist = options.dist ?? true;
  const assembly = packageAssembly(withDist, tuning.writeAhead);
  // oxc loads while the worker models (at startup it would delay the worker's request); should it
  // fail to, the first batch fails with it, in the loop, which ends the worker.
  const compiler = import('./emit/compile-dist.js');
  compiler.catch(() => undefined);
  let modeled: Extract<PipelineMessage, { kind: 'modeled' }> | undefined;
  let emitting: Extract<PipelineMessage, { kind: 'emitting' }> | undefined;
  let emitted: Extract<PipelineMessage, { kind: 'emitted' }> | undefined;
  // Leaving the loop by a throw (a failure here or the worker's) ends the worker (see below).
  for await (const message of messages) {
    switch (message.kind) {
      case 'modeled':
        modeled = message;
        progress(modeledLine(message.files, message.bytes, message.model));
        break;
      case 'emitting':
        emitting = message;
        assembly.named(message.packageName, message.command);
        break;
      case 'batch': {
        const files = message.files.map(receivedFile);
        tuning.onBatch?.(files);
        // Declarations are compiled even without dist/: the API report is made of them.
        assembly.add(files, (await compiler).compileDist(files));
        break;
      }
      case 'emitted':
        emitted = message;
        break;
      case 'failed':
        if (message.specError) throw new SpecError(message.diagnostics, message.formatted);
        throw new Error(`the model worker failed: ${message.message}`);
      default: {
        const never: never = message;
        throw new Error(`unknown message from the model worker: ${JSON.stringify(never)}`);
      }
    }
  }
  if (modeled === undefined || emitting === undefined || emitted === undefined)
    throw new Error('the model worker stopped before it finished');
  const finished = assembly.finish();
  progress(emittedLine([...finished.files, ...(finished.writtenAhead?.files ?? [])], options.dist));
  return {
    ...finished,
    warnings: modeled.warnings,
    command: emitting.command,
    inputs: modeled.inputs,
    counts: emitted.counts,
    workerExited: exited,
  };
}

/** A posted file's text: a big one came as UTF-8 bytes (`PostedBytes`). */
function receivedFile(file: PostedFile): OutputFile {
  if (!('bytes' in file)) return file;
  const { bytes, ...rest } = file;
  return { ...rest, contents: new TextDecoder().decode(bytes) };
}

/**
 * Starts the worker on `request`, and gives its messages until its last (`emitted` or `failed`);
 * an error if it fails or exits first. Ending the iteration early (this thread failed) terminates
 * the worker, and waits for its exit. After its last message the worker exits on its own, while
 * this thread goes on: `exited` says when (its heap torn down, what it printed relayed).
 */
function pipelineInWorker(
  entry: ModelWorkerEntry,
  request: PipelineRequest,
): { messages: AsyncGenerator<PipelineMessage>; exited: Promise<void> } {
  const worker = entry instanceof URL ? new Worker(entry) : entry;
  const queue: PipelineMessage[] = [];
  let stopped: Error | undefined;
  let wake: (() => void) | undefined;
  const arrived = (): void => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: PipelineMessage) => {
    queue.push(message);
    arrived();
  });
  worker.once('error', (error) => {
    stopped ??= error;
    arrived();
  });
  let hasExited = false;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      hasExited = true;
      stopped ??= new Error(`the model worker exited with code ${code} before it finished`);
      arrived();
      resolve();
    }),
  );
  // A worker started early was unreferenced, so that a run that needs none ends without it.
  worker.ref();
  worker.postMessage(request);
  const messages = (async function* (): AsyncGenerator<PipelineMessage> {
    let last: PipelineMessage['kind'] | undefined;
    try {
      while (last !== 'emitted' && last !== 'failed') {
        const message = queue.shift();
        if (message !== undefined) {
          last = message.kind;
          yield message;
        } else if (stopped !== undefined) throw stopped;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      // Stopped early (this thread failed), or the worker did: nothing is left but its end.
      if (last !== 'emitted') {
        if (last !== 'failed' && !hasExited) await worker.terminate();
        await exited;
      }
    }
  })();
  return { messages, exited };
}
