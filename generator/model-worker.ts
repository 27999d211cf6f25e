// Loads, models and emits a spec off the main thread, and posts the sources to it in batches as
// they are made, so that the main thread compiles and compresses each batch while the next is
// emitted. The model never leaves this thread (a structured clone of Graph's is hundreds of MB):
// the main thread gets the warnings (formatted here, where the source texts are), the counts and
// the files. The request comes as a message, not as workerData: the CLI starts this thread before
// it knows the request (bin/sdkgen.js), while its own modules load.
import { parentPort } from 'node:worker_threads';
import { type FormattedDiagnostic, SpecError } from './diagnostics.js';
import type { OutputFile } from './emit/output-file.js';
import { forgetWords } from './model/names.js';
import type { OperationFilter } from './model/selectors.js';
import { modelSpec } from './model-spec.js';
import { countsOf, describeModel, type ModelCounts } from './run-summary.js';

export interface PipelineRequest {
  readonly spec: string;
  readonly cwd: string;
  readonly out: string;
  readonly allowRemoteRefs?: boolean | undefined;
  readonly overlays?: readonly string[] | undefined;
  readonly stainless?: string | undefined;
  readonly strict?: boolean | undefined;
  readonly rename?: true | readonly string[] | undefined;
  readonly filter?: OperationFilter | undefined;
  /** A batch is posted once it holds this many files or characters (tests make them small). */
  readonly batch?: BatchSize | undefined;
}

export interface BatchSize {
  readonly files: number;
  readonly chars: number;
  /** A file of at least this many characters is posted as UTF-8 bytes (`PostedBytes`). */
  readonly bytesFrom?: number | undefined;
}

/**
 * Enough for the main thread to start compiling early (openai.yaml's 4.6 M characters of sources
 * make ~18 batches), few enough that posting costs nothing next to emitting.
 */
const BATCH: BatchSize = { files: 200, chars: 256 * 1024, bytesFrom: 1024 * 1024 };

/** What the worker posts, in this order: `modeled`, `emitting`, `batch`es, `emitted`; or `failed` at any point. */
export type PipelineMessage =
  | {
      readonly kind: 'modeled';
      /** The spec's files read, and their characters. */
      readonly files: number;
      readonly bytes: number;
      /** `describeModel`'s line. */
      readonly model: string;
      /** Warnings, each with its text formatted with its location and excerpt. */
      readonly warnings: readonly FormattedDiagnostic[];
      readonly inputs: readonly string[];
    }
  /** Before the first batch: what the API report's head says, so that the report can be made before the last. */
  | { readonly kind: 'emitting'; readonly packageName: string; readonly command: string }
  | { readonly kind: 'batch'; readonly files: readonly PostedFile[] }
  | { readonly kind: 'emitted'; readonly counts: ModelCounts }
  | {
      readonly kind: 'failed';
      readonly specError: boolean;
      readonly message: string;
      readonly diagnostics: SpecError['diagnostics'];
      readonly formatted: SpecError['formatted'];
    };

parentPort?.once('message', async (request: PipelineRequest) => {
  const post = (message: PipelineMessage, transfer?: ArrayBuffer[]): void => parentPort?.postMessage(message, transfer);
  try {
    await modelAndEmit(request, post);
  } catch (error) {
    post(failure(error));
  }
});

async function modelAndEmit(
  request: PipelineRequest,
  post: (message: PipelineMessage, transfer?: ArrayBuffer[]) => void,
): Promise<void> {
  const { spec, cwd, batch: asked, ...options } = request;
  const { model, warnings, files, bytes, inputs } = modelSpec(spec, cwd, options);
  post({ kind: 'modeled', files, bytes, model: describeModel(model), warnings, inputs });
  // The model's naming filled the cache of split words; the emit names far fewer texts, and the
  // cache would stay live until the end, where the process peaks (Graph: 17 MB).
  forgetWords();
  // The emitters are loaded once there is something to emit: a spec with errors never needs them.
  const [{ sourcesAsMade }, { commandOf }] = await Promise.all([
    import('./emit/emit-package.js'),
    import('./generate.js'),
  ]);
  const command = commandOf({ ...options, spec, cwd });
  post({ kind: 'emitting', packageName: model.client.packageName, command });
  const fault = emitFault();
  const size = fault.armed ? { files: 1, chars: 0 } : (asked ?? BATCH);
  const bytesFrom = size.bytesFrom ?? Number.POSITIVE_INFINITY;
  let batch: OutputFile[] = [];
  let chars = 0;
  for (const file of sourcesAsMade(model, command)) {
    fault.check();
    batch.push(file);
    chars += file.contents.length;
    if (batch.length >= size.files || chars >= size.chars) {
      postBatch(post, batch, bytesFrom);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) postBatch(post, batch, bytesFrom);
  post({ kind: 'emitted', counts: countsOf(model) });
}

/**
 * A file as posted: its text, or, for a big one, its text as UTF-8 bytes in a buffer handed over
 * to the main thread, not copied. Posting a string copies it once more (Graph's api.md, 45 M
 * characters in UTF-16: 88 MB) at the emit's end, where the process peaks; its UTF-8 is 45 MB
 * and leaves the worker with the message.
 */
export type PostedFile = OutputFile | PostedBytes;

export interface PostedBytes {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly typesOnly?: boolean | undefined;
}

/** U+FFFD in UTF-8. */
const REPLACEMENT_CHARACTER = Buffer.from('\uFFFD', 'utf8');

/** Posts a batch of files, each of `bytesFrom` characters or more as UTF-8 bytes. */
function postBatch(
  post: (message: PipelineMessage, transfer?: ArrayBuffer[]) => void,
  files: readonly OutputFile[],
  bytesFrom: number,
): void {
  const transfer: ArrayBuffer[] = [];
  const posted = files.map((file): PostedFile => {
    if (file.contents.length < bytesFrom) return file;
    const { contents, ...rest } = file;
    // In a buffer of its own (a small Buffer.from shares Node's pool), which can be handed over.
    const bytes = new TextEncoder().encode(contents);
    // A lone surrogate is encoded as U+FFFD, which would not decode back to it: such a text (or
    // one with a U+FFFD of its own: the check is a fast search of the bytes) goes as text.
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(REPLACEMENT_CHARACTER)) return file;
    transfer.push(bytes.buffer);
    return { ...rest, bytes };
  });
  post({ kind: 'batch', files: posted }, transfer);
}

/**
 * For the tests of a failure mid-emit: SDKGEN_FAULT_EMIT_AFTER_FILES=N makes the emit throw as it
 * would make its (N+1)th file; each file is then posted as its own batch, so that the first N
 * reached the main thread (and, in a new folder, its disk) first.
 */
function emitFault(): { readonly armed: boolean; readonly check: () => void } {
  const limit = Number(process.env['SDKGEN_FAULT_EMIT_AFTER_FILES'] ?? Number.NaN);
  let made = 0;
  return {
    armed: Number.isInteger(limit),
    check: () => {
      if (Number.isInteger(limit) && made++ >= limit) throw new Error(`fault injected after ${limit} files`);
    },
  };
}

function failure(error: unknown): PipelineMessage {
  return error instanceof SpecError
    ? {
        kind: 'failed',
        specError: true,
        message: error.message,
        diagnostics: error.diagnostics,
        formatted: error.formatted,
      }
    : {
        kind: 'failed',
        specError: false,
        message: String((error as Error).stack ?? error),
        diagnostics: [],
        formatted: [],
      };
}
