// Loads and models a spec off the main thread, which meanwhile loads ts-morph and TypeScript.
// It sends the model as soon as it is built, and the warnings next, formatted (quoting their
// lines) while the main thread emits.
import { parentPort, workerData } from 'node:worker_threads';
import { SpecError } from './diagnostics.js';
import type { OperationFilter } from './model/selectors.js';
import { type ModeledSpec, modelSpecInSteps } from './model-spec.js';

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

/**
 * The model is plain data; diagnostics arrive already formatted, since the source texts stay
 * here. Two replies: the model (`step: 'model'`), then its warnings; or a failure, instead of
 * either.
 */
export type ModelReply =
  | ({ readonly ok: true; readonly step: 'model' } & Omit<ModeledSpec, 'warnings'>)
  | { readonly ok: true; readonly step: 'warnings'; readonly warnings: ModeledSpec['warnings'] }
  | {
      readonly ok: false;
      readonly specError: boolean;
      readonly message: string;
      readonly diagnostics: SpecError['diagnostics'];
      readonly formatted: SpecError['formatted'];
    };

const { spec, cwd, allowRemoteRefs, overlays, stainless, strict, out, rename, filter } = workerData as ModelRequest;
try {
  const steps = modelSpecInSteps(spec, cwd, { allowRemoteRefs, overlays, stainless, strict, out, rename, filter });
  parentPort?.postMessage({ ok: true, step: 'model', ...steps.modeled } satisfies ModelReply);
  parentPort?.postMessage({ ok: true, step: 'warnings', warnings: steps.warnings() } satisfies ModelReply);
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
