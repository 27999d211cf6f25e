// Loads and models a spec off the main thread, which meanwhile loads ts-morph and TypeScript,
// and sends the model with its warnings (formatted here, where the source texts are) in one reply.
// The request comes as a message, not as workerData: the CLI starts this thread before it knows
// the request (bin/sdkgen.js), while its own modules load.
import { parentPort } from 'node:worker_threads';
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

parentPort?.once('message', ({ spec, cwd, ...options }: ModelRequest) => {
  let reply: ModelReply;
  try {
    reply = { ok: true, ...modelSpec(spec, cwd, options) };
  } catch (error) {
    reply = failure(error);
  }
  parentPort?.postMessage(reply);
});

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
