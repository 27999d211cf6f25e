// Loads and models a spec off the main thread, which meanwhile loads ts-morph and TypeScript.
import { parentPort, workerData } from 'node:worker_threads';
import { formatDiagnostic, SpecError } from './diagnostics.js';
import { loadSpec } from './load/load-spec.js';
import { buildModel } from './model/build-model.js';

export interface ModelRequest {
  readonly spec: string;
  readonly cwd: string;
}

/** The model is plain data; diagnostics arrive already formatted, since the source texts stay here. */
export type ModelReply =
  | { readonly ok: true; readonly model: ReturnType<typeof buildModel>['model']; readonly warnings: readonly string[]; readonly files: number; readonly bytes: number }
  | { readonly ok: false; readonly specError: boolean; readonly message: string; readonly diagnostics: SpecError['diagnostics'] };

const { spec, cwd } = workerData as ModelRequest;
let reply: ModelReply;
try {
  const loaded = loadSpec(spec, { cwd });
  const { model, diagnostics } = buildModel(loaded);
  const bytes = [...loaded.files.values()].reduce((n, f) => n + f.text.length, 0);
  reply = { ok: true, model, warnings: diagnostics.map((d) => formatDiagnostic(d, loaded.sourceText)), files: loaded.files.size, bytes };
} catch (error) {
  reply =
    error instanceof SpecError
      ? { ok: false, specError: true, message: error.message, diagnostics: error.diagnostics }
      : { ok: false, specError: false, message: String((error as Error).stack ?? error), diagnostics: [] };
}
parentPort?.postMessage(reply);
