// Loads and models a spec off the main thread, which meanwhile loads ts-morph and TypeScript,
// and sends the model with its warnings (formatted here, where the source texts are) in one reply.
import { parentPort, workerData } from 'node:worker_threads';
import { SpecError } from './diagnostics.js';
import type { OperationFilter } from './model/selectors.js';
import { type ModeledSpec, modelSpec } from './model-spec.js';

export interface ModelRequest {
  readonly spec: string;
  readonly cwd: string;
  readonly allowRemoteRefs?: boolean | undefined;
  readonly overlays?: readonly string[] | undefined;
  readonly stainless?: string | undefined;
  readonly strict?: boolean | undefined;
  readonly out?: string | undefined;
  readonly rename?: true | readonly string[] | undefined;
  readonly filter?: OperationFilter | undefined;
}

/** The model is plain data; diagnostics arrive already formatted, since the source texts stay here. */
export type ModelReply =
  | ({ readonly ok: true } & ModeledSpec)
  | {
      readonly ok: false;
      readonly specError: boolean;
      readonly message: string;
      readonly diagnostics: SpecError['diagnostics'];
      readonly formatted: SpecError['formatted'];
    };

const { spec, cwd, allowRemoteRefs, overlays, stainless, strict, out, rename, filter } = workerData as ModelRequest;
try {
  const modeled = modelSpec(spec, cwd, { allowRemoteRefs, overlays, stainless, strict, out, rename, filter });
  parentPort?.postMessage({ ok: true, ...modeled } satisfies ModelReply);
} catch (error) {
  parentPort?.postMessage(failure(error));
}

function failure(error: unknown): ModelReply {
  return error instanceof SpecError
    ? {
        ok: false,
        specError: true,
        message: error.message,
        diagnostics: error.diagnostics,
        formatted: error.formatted,
      }
    : {
        ok: false,
        specError: false,
        message: String((error as Error).stack ?? error),
        diagnostics: [],
        formatted: [],
      };
}
