import { resolve } from 'node:path';
import { phaseTimer, regenerateCommand } from './command.js';
import type { FormattedDiagnostic } from './diagnostics.js';
import { type EmitOptions, emitPackage } from './emit/emit-package.js';
import type { OutputFile } from './emit/output-file.js';
import type { ApiModel } from './model/model.js';
import type { OperationFilter } from './model/selectors.js';
import { modelOptionsOf } from './model-options.js';
import { modelSpec } from './model-spec.js';
import { countsOf, describeModel, emittedLine, type ModelCounts, modeledLine } from './run-summary.js';
import type { MadeEntry } from './write/pristine.js';
import type { WrittenAheadFile } from './write/write-ahead.js';

export interface GenerateOptions {
  readonly spec: string;
  readonly out: string;
  readonly cwd?: string | undefined;
  /** Compile `dist/` too (default true). */
  readonly dist?: boolean | undefined;
  /** Told what each phase did and how long it took, for progress on big specs. */
  readonly onProgress?: ((message: string) => void) | undefined;
  /** Follow `$ref`s to http(s) URLs (`--allow-remote-refs`); refused by default. */
  readonly allowRemoteRefs?: boolean | undefined;
  /** Warnings are errors (`--strict`). */
  readonly strict?: boolean | undefined;
  /** OpenAPI Overlay files applied to the spec, in order (`--overlay`). */
  readonly overlays?: readonly string[] | undefined;
  /** A Stainless config whose decisions are applied before the overlays (`--stainless`). */
  readonly stainless?: string | undefined;
  /** `--rename`: name afresh every name (`true`) or the entries of the names lock these targets match. */
  readonly rename?: true | readonly string[] | undefined;
  /** `--include` / `--exclude`: the operations to keep; the schemas only the others reach are pruned. */
  readonly filter?: OperationFilter | undefined;
}

/** What a run made, without its model: what the CLI's main thread gets from the model worker. */
export interface Emitted {
  /** The package's files; with `writtenAhead`, none: they are all written ahead. */
  readonly files: readonly OutputFile[];
  /** Warnings, each with its text formatted with its location and excerpt; errors are thrown as `SpecError`. */
  readonly warnings: readonly FormattedDiagnostic[];
  readonly command: string;
  /** Absolute paths of the spec's local files, for `--watch`. */
  readonly inputs: readonly string[];
  readonly counts: ModelCounts;
  /** The pristine copy's entries already compressed, by path (the CLI's pipeline makes them while the worker emits). */
  readonly pristineMembers?: ReadonlyMap<string, MadeEntry> | undefined;
  /**
   * The CLI's pipeline into a new folder: the files already written there under their temporary
   * names, by path (their texts dropped), and the pristine copy of the whole output, made with them.
   */
  readonly writtenAhead?: { readonly files: readonly WrittenAheadFile[]; readonly pristine: OutputFile } | undefined;
  /**
   * The CLI's pipeline: resolves once the model worker, done, has exited (its heap torn down,
   * what it printed relayed to this thread's stdout and stderr). The run goes on meanwhile, and
   * waits for it before it ends.
   */
  readonly workerExited?: Promise<void> | undefined;
}

export interface Generation extends Emitted {
  readonly model: ApiModel;
}

/** load → model → emit, all in memory and in this thread; nothing is written. Throws `SpecError` on bad input. */
export function generate(options: GenerateOptions): Generation {
  const cwd = options.cwd ?? process.cwd();
  const progress = phaseTimer(options.onProgress);
  const { model, warnings, files, bytes, inputs } = modelSpec(options.spec, cwd, modelOptionsOf(options));
  progress(modeledLine(files, bytes, describeModel(model)));
  return emit(model, warnings, inputs, options, progress);
}

/** The emit stage, shared by the in-thread and the parallel pipelines. */
export function emit(
  model: ApiModel,
  warnings: readonly FormattedDiagnostic[],
  inputs: readonly string[],
  options: GenerateOptions,
  progress: (message: string) => void,
  /** What `--watch` reuses of the last run's emit (incremental/session.ts). */
  reuse: Pick<EmitOptions, 'memo' | 'compile'> = {},
): Generation {
  const command = commandOf(options);
  const files = emitPackage(model, { command, dist: options.dist ?? true, ...reuse });
  progress(emittedLine(files, options.dist));
  return { model, files, warnings, command, inputs, counts: countsOf(model) };
}

/** The command line that regenerates the output, quoted in every banner. */
export function commandOf(options: Omit<GenerateOptions, 'onProgress'>): string {
  const cwd = options.cwd ?? process.cwd();
  return regenerateCommand(resolve(cwd, options.spec), resolve(cwd, options.out), {
    overlays: (options.overlays ?? []).map((overlay) => resolve(cwd, overlay)),
    stainless: options.stainless === undefined ? undefined : resolve(cwd, options.stainless),
    flags: [
      ...(options.allowRemoteRefs === true ? ['--allow-remote-refs'] : []),
      ...[...(options.filter?.include ?? []), ...(options.filter?.exclude ?? [])].map(
        (s) => `--${s.kind} ${shellWord(s.text)}`,
      ),
    ],
  });
}

/** A selector as a shell word: quoted where a shell would expand or split it (`'/me/**'`). */
function shellWord(text: string): string {
  return /^[\w/:.@-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
