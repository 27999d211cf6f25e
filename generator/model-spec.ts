import { resolve } from 'node:path';
import { readNamesLock } from './config/names-lock.js';
import {
  type Diagnostic,
  type FormattedDiagnostic,
  forgetLineStarts,
  formatDiagnostics,
  SpecError,
  sortDiagnostics,
} from './diagnostics.js';
import { type LoadedSpec, type LoadOptions, loadSpec } from './load/load-spec.js';
import { buildModel } from './model/build-model.js';
import type { NamesInput } from './model/kept-names.js';
import type { ApiModel } from './model/model.js';
import type { OperationFilter } from './model/selectors.js';
import type { ModelOptions } from './model-options.js';

/**
 * load → model: everything before emitting. Kept apart from the emit stage (and from ts-morph)
 * so that the CLI's worker thread can run it alone.
 */
export interface ModeledSpec {
  readonly model: ApiModel;
  /** Warnings, each with its text formatted with its location and excerpt. */
  readonly warnings: readonly FormattedDiagnostic[];
  readonly files: number;
  readonly bytes: number;
  /** Absolute paths of the local files read (a remote `$ref`'s URL is not one), for `--watch`. */
  readonly inputs: readonly string[];
}

/**
 * The model, with the load stage's deferred `$ref` errors reported beside the model's own. Should
 * a broken reference trip the model up some other way, the load errors are what is reported.
 */
function buildModelReportingAll(
  loaded: LoadedSpec,
  lock: NamesInput | undefined,
  filter: OperationFilter | undefined,
): ReturnType<typeof buildModel> {
  try {
    return buildModel(loaded, lock, filter);
  } catch (error) {
    throw withDeferredRefErrors(loaded, error);
  }
}

function withDeferredRefErrors(loaded: LoadedSpec, error: unknown): unknown {
  const deferred = loaded.warnings.filter((d) => d.severity === 'error');
  if (error instanceof SpecError || deferred.length === 0) return error;
  return new SpecError(sortDiagnostics(deferred), loaded.sourceText);
}

/** The lock in the output folder, with the `--rename` targets; nothing when every name is named afresh. */
function namesInput(cwd: string, options: ModelOptions): NamesInput | undefined {
  if (options.out === undefined || options.rename === true) return undefined;
  const lock = readNamesLock(resolve(cwd, options.out), cwd);
  return lock === undefined ? undefined : { lock, rename: options.rename };
}

/** The loaded spec, its model and the model's diagnostics (unformatted): `--watch` keeps them to patch (incremental/). */
export interface ModeledParts {
  readonly loaded: LoadedSpec;
  readonly model: ApiModel;
  readonly diagnostics: readonly Diagnostic[];
}

/** load → model, with `--strict` applied; throws `SpecError`. */
export function loadAndModel(spec: string, cwd: string, options: ModelOptions = {}): ModeledParts {
  const loaded = loadSpec(spec, loadOptions(cwd, options));
  const { model, diagnostics } = buildModelReportingAll(loaded, namesInput(cwd, options), options.filter);
  throwIfStrict(options, diagnostics, loaded);
  return { loaded, model, diagnostics };
}

function loadOptions(cwd: string, options: ModelOptions): LoadOptions {
  return {
    cwd,
    allowRemoteRefs: options.allowRemoteRefs,
    overlays: options.overlays,
    stainless: options.stainless,
    deferRefErrors: true,
  };
}

/** `--strict`: every warning is an error. */
function throwIfStrict(options: ModelOptions, diagnostics: readonly Diagnostic[], loaded: LoadedSpec): void {
  if (options.strict === true && diagnostics.length > 0) {
    throw new SpecError(
      sortDiagnostics(diagnostics.map((d) => ({ ...d, severity: 'error' as const }))),
      loaded.sourceText,
    );
  }
}

/** load → model → the warnings, formatted with their locations and excerpts; throws `SpecError`. */
export function modelSpec(spec: string, cwd: string, options: ModelOptions = {}): ModeledSpec {
  const { loaded, model, diagnostics } = loadAndModel(spec, cwd, options);
  const warnings = formatDiagnostics(diagnostics, loaded.sourceText);
  // The warnings were the last to quote the spec's text: what comes next reads only the model.
  forgetLineStarts();
  return {
    model,
    warnings,
    files: loaded.files.size,
    bytes: [...loaded.files.values()].reduce((n, f) => n + f.text.length, 0),
    inputs: inputsOf(loaded),
  };
}

/** Absolute paths of the local files read (a remote `$ref`'s URL is not one). */
export function inputsOf(loaded: LoadedSpec): string[] {
  return [...loaded.files.values()].map((f) => f.absolutePath).filter((path) => !/^https?:\/\//i.test(path));
}
