import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '../config/load-config.js';
import { parseNamesLock, readNamesLock, renamesBetween } from '../config/names-lock.js';
import { SpecError } from '../diagnostics.js';
import { sortByPath } from '../emit/finish-package.js';
import type { OutputFile } from '../emit/output-file.js';
import type { Emitted } from '../generate.js';
import { generateInParallel, type ModelWorkerEntry } from '../generate-parallel.js';
import type { IncrementalSession } from '../incremental/session.js';
import { NAMES_LOCK } from '../model/kept-names.js';
import type { OperationFilter } from '../model/selectors.js';
import { type DistState, distState, markCompiled } from '../write/dist-state.js';
import { resolveTypeScriptHunk } from '../write/merge/resolve-typescript.js';
import { editsOfNewFolder, mergeEdits } from '../write/merge-edits.js';
import { WriteAhead } from '../write/write-ahead.js';
import { readIfExists } from '../write/write-file.js';
import {
  describeRefusal,
  finishInterruptedWrite,
  hasInterruptedWrite,
  planOutput,
  writeOutput,
} from '../write/write-output.js';
import { parseCommandArgs, plural, UsageError, usageLine } from './args.js';
import { compileEdited } from './compile-edits.js';
import { printDiagnostics, printSpecError } from './diagnostic-report.js';
import { printBlockers } from './edits-report.js';
import { FILTER_HELP, FILTER_OPTIONS, filterArgs } from './filter-args.js';
import { type CliIO, EXIT, warningCount } from './io.js';
import { renameTargets, withBareRename } from './rename-arg.js';
import { stopSignal } from './signals.js';
import { painter } from './terminal.js';
import { runTypesJobs } from './types-targets.js';
import { VERBOSE_HELP, VERBOSITY_OPTIONS, type Verbosity, verbosityOf } from './verbosity.js';
import { watchFiles } from './watch.js';

export const GENERATE_HELP = `Usage: sdkgen generate [options]

Generates a TypeScript client package from an OpenAPI 3.0/3.1 description.

Options:
  --spec <file>       the OpenAPI document (YAML or JSON)        default: spec/openapi.yaml
  --out <dir>, -o     the package folder to write                default: generated
  --format <format>   client (the package), or openapi-typescript: only openapi-typescript 7.13's
                      types file, written to -o <file> (docs/openapi-typescript.md)
                                                                 default: client
  --stainless <file>  generate as this Stainless config (stainless.yml) says: its resources, names,
                      pagination, client options; applied before the overlays (docs/stainless.md)
  --overlay <file>    apply this OpenAPI Overlay 1.0 file to the spec first; repeatable, in order
${FILTER_HELP}
  --config <file>     read options from this file                default: sdkgen.config.json|yaml|yml,
                      or the "sdkgen" key of package.json; command-line options win
  --watch             regenerate whenever the spec (a file it refers to, an overlay, the Stainless
                      config) changes; on an
                      error, keep the last good output and say why
  --check             write nothing; exit 1 and list the files that differ from what the spec gives
                      with your edits merged in, the conflicts of your edits with it, or a dist/ older
                      than its sources (a missing dist/, git-ignored, is said, not failed)
  --no-dist           skip compiling dist/ (JavaScript + declarations)
  --conflicts <how>   when your edits to generated files and the new output change the same lines:
                      fail (write nothing, list each conflict as file:line) or markers (write both
                      sides between git-style <<<<<<< your edit … >>>>>>> sdkgen markers)
                                                                 default: fail
  --force             write into a folder sdkgen did not make, replacing its files of the same names;
                      without it, sdkgen writes only into a new or empty folder, or one whose
                      .sdkgen-manifest.json lists what it wrote there before. It never deletes
                      a file it did not write. Also: delete generated files you edited that the
                      new output drops, and replace edited files that have no pristine copy
  --allow-remote-refs follow $refs to http(s) URLs (refused by default)
  --rename [<target>] name afresh what the names lock (.sdkgen-names.json in --out) keeps: alone,
                      every name; with a target (repeatable), the entries it matches: an operationId,
                      'METHOD /path', a resource path (admin.projects, and all below), a method path
                      (admin.projects.list) or a schema name. Each rename is printed
  --strict            treat warnings (unknown keys, 3.1 syntax in 3.0, …) as errors
  --quiet             print only errors: no warnings, no list of files written, no summary
${VERBOSE_HELP}
  --debug             print stack traces of internal errors
  -h, --help          show this help

A config's "types" entries (output, spec, openapi-typescript options) are written on every run
too, each atomically; a config with "types" and no "out" writes only those.

Your edits to generated files are kept: each run merges them three ways with the new output, against
the last run's output kept in .sdkgen-pristine. A generated file you delete stays deleted; src/lib/
is yours and never written. See "Customizing the generated code" in the README.

Exit codes: 0 success; 1 the spec or config has errors, --check found stale files, your edits
conflict with the new output, or the output folder holds files sdkgen did not write;
2 wrong usage; 3 internal error.`;

/** `sdkgen generate`: resolves to the exit code (with --watch, once stopped). */
export async function generateCommand(
  argv: readonly string[],
  io: CliIO,
  worker: ModelWorkerEntry | undefined,
): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  let verbosity: Verbosity;
  try {
    values = parse(withBareRename(argv)).values;
    verbosity = verbosityOf(values);
    if (values.watch === true && values.check === true)
      throw new UsageError('--watch and --check do not go together: --check is for CI, --watch for editing');
    if (values.conflicts !== undefined && !CONFLICTS.includes(values.conflicts as Conflicts))
      throw new UsageError(`--conflicts must be one of ${CONFLICTS.join(', ')}, not "${values.conflicts}"`);
    if (values.format !== undefined && !FORMATS.includes(values.format as Format))
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
    if (values.format === 'openapi-typescript' && values.out === undefined)
      throw new UsageError('--format openapi-typescript writes one file: name it with -o <file>');
    filterArgs(values, { file: undefined });
    if (values.format === 'openapi-typescript' && (values.include !== undefined || values.exclude !== undefined))
      throw new UsageError(
        "--include and --exclude choose a client's operations; --format openapi-typescript writes the types of the whole spec, as openapi-typescript does",
      );
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(usageLine('generate', error.message));
    return EXIT.usage;
  }
  if (values.help === true) {
    io.out(GENERATE_HELP);
    return EXIT.ok;
  }
  const paintErr = painter(io.colour?.err ?? false);
  // --watch keeps what each run read and made, to patch the next run from it.
  // (Imported when asked for: it brings the emitter, which other commands start without.)
  const session =
    values.watch === true ? new (await import('../incremental/session.js')).IncrementalSession() : undefined;
  // --watch models in this thread: a worker bin/sdkgen.js started would only wait.
  if (session !== undefined && worker instanceof Worker) void worker.terminate();
  const once = async (): Promise<RunResult> => {
    let out: string | undefined;
    try {
      const config = loadConfig(io.cwd, values.config);
      const spec = values.spec ?? config.spec ?? 'spec/openapi.yaml';
      const check = values.check === true;
      if (values.format === 'openapi-typescript') {
        const output = values.out as string;
        return { ...runTypesJobs([{ spec, output, options: {} }], io, { check, command: 'sdkgen' }), out: output };
      }
      const typesJobs = (config.types ?? []).map(({ spec: typesSpec, output, ...options }) => ({
        spec: typesSpec ?? spec,
        output,
        options,
      }));
      // A config that only asks for types files gets only those.
      if (typesJobs.length > 0 && values.out === undefined && config.out === undefined)
        return runTypesJobs(typesJobs, io, { check, command: 'sdkgen' });
      out = values.out ?? config.out ?? 'generated';
      const options: RunOptions = {
        spec,
        out,
        check,
        dist: values.dist ?? config.dist ?? true,
        allowRemoteRefs: values['allow-remote-refs'] ?? config.allowRemoteRefs ?? false,
        overlays: values.overlay ?? config.overlays ?? [],
        stainless: values.stainless ?? config.stainless,
        strict: values.strict ?? config.strict ?? false,
        verbosity,
        force: values.force === true,
        conflicts: (values.conflicts as Conflicts | undefined) ?? 'fail',
        configFile: config.file,
        rename: renameTargets(values.rename),
        filter: filterArgs(values, config),
      };
      const client = await runGenerate(options, io, worker, session);
      if (typesJobs.length === 0 || client.code !== EXIT.ok) return { ...client, out };
      const types = runTypesJobs(typesJobs, io, { check, command: 'sdkgen' });
      return { ...client, code: types.code, inputs: [...client.inputs, ...types.inputs], out };
    } catch (error) {
      if (error instanceof SpecError) {
        const quiet = verbosity === 'quiet';
        printSpecError(error, io, { verbosity, command: 'sdkgen', paint: paintErr });
        const errors = error.diagnostics.filter((d) => d.severity === 'error').length;
        io.err(
          `sdkgen: ${plural(errors, 'error')}, ${warningCount(error.diagnostics.length - errors)}${quiet && errors < error.diagnostics.length ? ' (not shown: --quiet)' : ''}; nothing was written.`,
        );
        return { code: EXIT.failed, out };
      }
      io.err(`sdkgen: internal error: ${(error as Error).message}`);
      if (values.debug === true) io.err(String((error as Error).stack));
      else io.err('Run again with --debug for the stack trace, and report it with the spec that caused it.');
      return { code: EXIT.internal, out };
    }
  };
  const first = await once();
  if (values.watch !== true) return first.code;
  return watchAndRegenerate(first.inputs, once, values, io);
}

async function watchAndRegenerate(
  initial: readonly string[] | undefined,
  once: () => Promise<RunResult>,
  values: ReturnType<typeof parse>['values'],
  io: CliIO,
): Promise<number> {
  const paint = painter(io.colour?.err ?? false);
  // Until a run succeeds, the spec and config files are all that is known to watch.
  const always = (): string[] => {
    let config: {
      file?: string | undefined;
      spec?: string | undefined;
      overlays?: readonly string[] | undefined;
      stainless?: string | undefined;
    } = { file: values.config };
    try {
      config = loadConfig(io.cwd, values.config);
    } catch {
      // A broken config is the run's to report; meanwhile the file named by --config is watched.
    }
    const spec = resolve(io.cwd, values.spec ?? config.spec ?? 'spec/openapi.yaml');
    const overlays = (values.overlay ?? config.overlays ?? []).map((overlay) => resolve(io.cwd, overlay));
    const stainless = values.stainless ?? config.stainless;
    return [
      spec,
      ...(stainless === undefined ? [] : [resolve(io.cwd, stainless)]),
      ...overlays,
      ...(config.file === undefined ? [] : [resolve(io.cwd, config.file)]),
    ];
  };
  let inputs = initial ?? [];
  io.err(
    paint.dim(`sdkgen: watching ${plural(new Set([...inputs, ...always()]).size, 'file')} for changes; Ctrl-C stops.`),
  );
  await watchFiles({
    files: () => [...new Set([...inputs, ...always()])],
    stopped: io.stopped ?? stopSignal(),
    run: async (changed) => {
      io.err(paint.dim(`sdkgen: ${changed.map((f) => relative(io.cwd, f) || f).join(', ')} changed; regenerating.`));
      const result = await once();
      if (result.inputs !== undefined) inputs = result.inputs;
      const where = result.out === undefined ? '' : ` in ${result.out}/`;
      if (result.edits === 'blocked')
        io.err(
          `sdkgen: left the output as it was${where}; change your edits or the spec, then save the spec to try again.`,
        );
      else if (result.code !== EXIT.ok) io.err(`sdkgen: kept the last good output${where}; save a fix to try again.`);
    },
  });
  return EXIT.ok;
}

interface RunResult {
  readonly code: number;
  /** The spec's files, when the run got as far as reading them. */
  readonly inputs?: readonly string[] | undefined;
  readonly out?: string | undefined;
  /** 'blocked': the user's edits stopped the run (conflicts, or edits the new output would delete). */
  readonly edits?: 'blocked' | undefined;
}

const FORMATS = ['client', 'openapi-typescript'] as const;
type Format = (typeof FORMATS)[number];

const CONFLICTS = ['fail', 'markers'] as const;
type Conflicts = (typeof CONFLICTS)[number];

interface RunOptions {
  readonly spec: string;
  readonly out: string;
  readonly check: boolean;
  readonly dist: boolean;
  readonly allowRemoteRefs: boolean;
  readonly overlays: readonly string[];
  readonly stainless: string | undefined;
  readonly strict: boolean;
  readonly verbosity: Verbosity;
  readonly force: boolean;
  readonly conflicts: Conflicts;
  readonly configFile: string | undefined;
  readonly rename: true | readonly string[] | undefined;
  readonly filter: OperationFilter;
}

async function runGenerate(
  options: RunOptions,
  io: CliIO,
  worker: ModelWorkerEntry | undefined,
  session: IncrementalSession | undefined,
): Promise<{ code: number; inputs: readonly string[]; edits?: 'blocked' }> {
  const started = performance.now();
  const { spec, out, check } = options;
  const quiet = options.verbosity === 'quiet';
  const paintErr = painter(io.colour?.err ?? false);
  // Progress is for specs big enough to make people wait.
  const big = !quiet && fileSize(resolve(io.cwd, spec)) > BIG_SPEC_BYTES;
  const onProgress = big ? (message: string): void => io.err(paintErr.dim(`sdkgen: ${message}`)) : undefined;
  const outDir = resolve(io.cwd, out);
  // A run killed mid-write left a journal: its generation is finished first, whatever this run does.
  if (!check && finishInterruptedWrite(outDir))
    io.err(`sdkgen: finished the writes of an earlier run that was killed in ${out}/.`);
  const generateOptions = {
    spec,
    out,
    cwd: io.cwd,
    dist: !check && options.dist,
    onProgress,
    allowRemoteRefs: options.allowRemoteRefs,
    overlays: options.overlays,
    stainless: options.stainless,
    strict: options.strict,
    rename: options.rename,
    filter: options.filter,
  };
  // Into a new folder, the files are written (under temporary names) while the worker emits.
  const writeAhead = check || session !== undefined ? undefined : WriteAhead.into(outDir);
  try {
    let generation: Emitted;
    if (session === undefined) generation = await generateInParallel(generateOptions, worker, { writeAhead });
    else {
      const run = session.generate(generateOptions);
      generation = run.generation;
      if (options.verbosity !== 'quiet' && run.how === 'patched')
        io.err(paintErr.dim('sdkgen: one description changed: patched the last run and emitted only what it changes.'));
      else if (options.verbosity !== 'quiet' && run.why !== undefined)
        io.err(paintErr.dim(`sdkgen: a full run, since ${run.why}.`));
    }
    try {
      return await writeGeneration(generation, options, io, started);
    } finally {
      // The model worker exits (a big model's heap torn down) while this thread merges and writes.
      await generation.workerExited;
    }
  } finally {
    // What was written ahead and not renamed into place (the run failed first) is removed.
    writeAhead?.discard();
  }
}

/** What a run made, reported, checked against the folder (`--check`) or merged with the user's edits and written. */
async function writeGeneration(
  generation: Emitted,
  options: RunOptions,
  io: CliIO,
  started: number,
): Promise<{ code: number; inputs: readonly string[]; edits?: 'blocked' }> {
  const { spec, out, check } = options;
  const quiet = options.verbosity === 'quiet';
  const paint = painter(io.colour?.out ?? false);
  const paintErr = painter(io.colour?.err ?? false);
  const outDir = resolve(io.cwd, out);
  printDiagnostics(generation.warnings, io, { verbosity: options.verbosity, command: 'sdkgen', paint: paintErr });
  const warnings = warningCount(generation.warnings.length);
  const inputs = generation.inputs;
  // The pristine copy's entries made while the worker emitted (none under --watch, which compresses only what changed).
  const pristineMembers = generation.pristineMembers;
  if (check) {
    if (hasInterruptedWrite(outDir)) {
      io.err(
        `sdkgen: ${out}/ was left mid-write by a run that was killed; run \`${generation.command}\` to finish it.`,
      );
      return { code: EXIT.failed, inputs };
    }
    // dist/ is not committed, so only the sources count as stale; they are compared with the
    // new output with the user's edits merged in, so that kept edits are not drift.
    const edits = mergeEdits(
      outDir,
      generation.files.filter((f) => !f.path.startsWith('dist/')),
      { resolve: resolveTypeScriptHunk, pristineMembers },
    );
    if (printBlockers(edits, { out, markers: false, force: options.force, check: true }, io))
      return { code: EXIT.failed, inputs, edits: 'blocked' };
    const plan = planOutput(outDir, edits.files, {
      sourcesOnly: true,
      pristine: edits.pristine,
      deleted: edits.deleted,
      disk: edits.disk,
    });
    const stale = [...plan.changed.map((f) => f.path), ...plan.stale.map((p) => `${p} (no longer generated)`)];
    if (stale.length > 0) {
      io.err(`sdkgen: ${out}/ differs from what ${spec} gives; run \`${generation.command}\`:`);
      for (const path of stale) io.err(`  ${out}/${path}`);
      io.err(`sdkgen: ${plural(stale.length, 'file')} to regenerate; ${warnings}.`);
      return { code: EXIT.failed, inputs };
    }
    return { code: checkDist(options, edits.files, io, warnings), inputs };
  }
  const markers = options.conflicts === 'markers';
  const ahead = generation.writtenAhead;
  // Written ahead into a new folder: nothing to merge, and the texts were not kept.
  const edits =
    ahead === undefined
      ? mergeEdits(outDir, generation.files, { markers, resolve: resolveTypeScriptHunk, pristineMembers })
      : editsOfNewFolder(outDir, sortByPath([...generation.files, ...ahead.files]), ahead.pristine);
  if (printBlockers(edits, { out, markers, force: options.force, check: false }, io))
    return { code: EXIT.failed, inputs, edits: 'blocked' };
  const conflicted = new Set(edits.conflicts.map((hunk) => hunk.path));
  const { files, uncompiled } = options.dist
    ? await compileEdited(edits.files, edits.edited, conflicted, edits.userModules)
    : { files: edits.files, uncompiled: [] };
  const plan = planOutput(outDir, files, { pristine: edits.pristine, deleted: edits.deleted, disk: edits.disk });
  if (plan.refusal !== undefined && !options.force) {
    io.err(`sdkgen: ${describeRefusal(`${out}/`, plan.refusal)}`);
    return { code: EXIT.failed, inputs };
  }
  // (Written ahead, the names lock is not among the files; a new folder has none to rename from.)
  const renames = renamesSince(outDir, io.cwd, generation.files);
  writeOutput(outDir, plan, { force: options.force });
  reportEdits(edits, uncompiled, { out, quiet }, io);
  // Every compiled file now is what the sources give, even one whose source a checkout touched
  // while its bytes stayed: marked as made now, so --check does not find dist/ older.
  if (options.dist)
    markCompiled(
      outDir,
      edits.files.map((f) => f.path),
    );
  if (!quiet) {
    // Sources one by one, compiled dist/ files as a count: the sources are what people review.
    const inDist = (path: string): boolean => path.startsWith('dist/');
    const report = (verb: string, paths: readonly string[]): void => {
      for (const path of paths.filter((p) => !inDist(p))) io.out(paint.dim(`  ${verb.padEnd(7)} ${out}/${path}`));
      const compiled = paths.filter(inDist).length;
      if (compiled > 0) io.out(paint.dim(`  ${verb.padEnd(7)} ${out}/dist/ (${plural(compiled, 'compiled file')})`));
    };
    const edited = new Set(edits.edited);
    const merged = plan.changed.map((f) => f.path).filter((path) => edited.has(path));
    report(
      'wrote',
      plan.changed.map((f) => f.path).filter((path) => !edited.has(path)),
    );
    report('merged', merged);
    report('deleted', plan.stale);
    for (const line of renames) io.out(`  renamed ${line}`);
    const { operations, schemas } = generation.counts;
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const from = options.configFile === undefined ? '' : ` (options from ${options.configFile})`;
    io.out(
      `${paint.green('sdkgen:')} ${plural(operations, 'operation')}, ${plural(schemas, 'schema')} → ${out}/: ` +
        `${plan.changed.length} written${merged.length > 0 ? ` (${merged.length} with your edits merged)` : ''}, ${plan.unchanged.length} unchanged, ${plan.stale.length} deleted in ${seconds}s; ${warnings}.${from}`,
    );
  }
  return { code: EXIT.ok, inputs };
}

/**
 * What the merge did that the user must know even with --quiet: conflict markers written, files
 * kept deleted, edited modules left for the package's own build to compile.
 */
function reportEdits(
  edits: ReturnType<typeof mergeEdits>,
  uncompiled: readonly string[],
  { out, quiet }: { readonly out: string; readonly quiet: boolean },
  io: CliIO,
): void {
  const conflicted = new Set(edits.conflicts.map((hunk) => hunk.path));
  if (conflicted.size > 0)
    io.err(
      `sdkgen: warning: wrote conflict markers (<<<<<<< your edit … >>>>>>> sdkgen) for ${plural(edits.conflicts.length, 'conflict')} into ${[...conflicted].map((path) => `${out}/${path}`).join(', ')}; settle them and run sdkgen generate again (until then dist/ has no compiled files of ${conflicted.size === 1 ? 'it' : 'them'}).`,
    );
  else if (edits.unsettled.length > 0)
    io.err(
      `sdkgen: warning: conflict markers are still in ${edits.unsettled.map((place) => `${out}/${place}`).join(', ')}; settle them and run sdkgen generate again.`,
    );
  if (edits.deleted.length > 0 && !quiet)
    io.err(
      `sdkgen: kept ${edits.deleted.map((path) => `${out}/${path}`).join(', ')} deleted, as you left ${edits.deleted.length === 1 ? 'it' : 'them'} (remove a path from "deleted" in ${out}/.sdkgen-manifest.json to have it generated again).`,
    );
  const failed = uncompiled.filter((path) => !conflicted.has(path));
  if (failed.length > 0)
    io.err(
      `sdkgen: warning: did not compile your ${failed.map((path) => `${out}/${path}`).join(', ')} into dist/ (${failed.length === 1 ? 'it does' : 'they do'} not compile file by file); \`npm run build\` in ${out}/ builds ${failed.length === 1 ? 'it' : 'them'}.`,
    );
}

/**
 * --check after the sources passed: the compiled dist/ too, where the run would compile one. It
 * is git-ignored, so a fresh clone has none: said, not failed (CI checks a fresh clone); one older
 * than its sources would run code the sources no longer say, and fails.
 */
function checkDist(options: RunOptions, sources: readonly { path: string }[], io: CliIO, warnings: string): number {
  const { out, spec } = options;
  const state: DistState = options.dist
    ? distState(
        resolve(io.cwd, out),
        sources.map((f) => f.path),
      )
    : { kind: 'built' };
  const build = `\`npm run build\` in ${out}/ (or \`sdkgen generate\`)`;
  switch (state.kind) {
    case 'built':
      if (options.verbosity !== 'quiet')
        io.out(`sdkgen: ${out}/ is up to date with ${spec}${options.dist ? ', dist/ included' : ''}; ${warnings}.`);
      return EXIT.ok;
    case 'missing':
      if (options.verbosity !== 'quiet')
        io.out(
          `sdkgen: ${out}/ sources are up to date with ${spec}; ${out}/dist/ is not built (it is git-ignored): ${build} builds it; ${warnings}.`,
        );
      return EXIT.ok;
    case 'stale':
      io.err(`sdkgen: ${out}/dist/ is older than the sources it is compiled from; ${build} rebuilds it:`);
      for (const path of state.files.slice(0, 10)) io.err(`  ${out}/${path}`);
      if (state.files.length > 10) io.err(`  and ${state.files.length - 10} more`);
      io.err(`sdkgen: ${out}/ sources are up to date with ${spec}; ${warnings}.`);
      return EXIT.failed;
    default: {
      const never: never = state;
      throw new Error(`unknown dist state ${String(never)}`);
    }
  }
}

/** What this run renames, from the names lock on disk to the one it writes (`--rename`, or a declared name). */
function renamesSince(outDir: string, cwd: string, files: readonly OutputFile[]): string[] {
  const after = files.find((f) => f.path === NAMES_LOCK);
  // The same lock renames nothing; reading it is most of this on a big spec (every --watch run).
  if (after !== undefined && readIfExists(join(outDir, NAMES_LOCK)) === after.contents) return [];
  const before = readNamesLock(outDir, cwd);
  return before === undefined || after === undefined
    ? []
    : renamesBetween(before, parseNamesLock(after.contents, NAMES_LOCK));
}

const BIG_SPEC_BYTES = 256 * 1024;

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function parse(argv: readonly string[]) {
  return parseCommandArgs(
    {
      command: 'generate',
      options: {
        spec: { type: 'string' },
        out: { type: 'string', short: 'o' },
        format: { type: 'string' },
        config: { type: 'string' },
        watch: { type: 'boolean' },
        check: { type: 'boolean' },
        dist: { type: 'boolean' },
        'allow-remote-refs': { type: 'boolean' },
        overlay: { type: 'string', multiple: true },
        stainless: { type: 'string' },
        strict: { type: 'boolean' },
        ...VERBOSITY_OPTIONS,
        force: { type: 'boolean' },
        conflicts: { type: 'string' },
        rename: { type: 'string', multiple: true },
        ...FILTER_OPTIONS,
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    argv,
  );
}
