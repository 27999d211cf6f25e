import { rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { SpecError } from '../diagnostics.js';
import { type Change, compareModels } from '../diff/compare.js';
import { type DiffFormat, describeChange, formatChanges, worst } from '../diff/format.js';
import { extractRevision, GitError, inputsAtBase, repositoryRoot } from '../diff/git-revision.js';
import { atRevision, located, type Places } from '../diff/locate-change.js';
import { PublishedPackageError } from '../diff/published-package.js';
import { type Severity, severityRank } from '../diff/rules.js';
import { buildModel } from '../model/build-model.js';
import type { ApiModel, NamingConventions } from '../model/model.js';
import { placeLocator } from '../model/places.js';
import { inputsOf, loadAndModel, type ModeledParts } from '../model-spec.js';
import { parseCommandArgs, plural, UsageError, usageLine } from './args.js';
import { FILTER_HELP, FILTER_OPTIONS, filterArgs } from './filter-args.js';
import { warningCount } from './io.js';

export const DIFF_HELP = `Usage: sdkgen diff <base-spec> <head-spec> [options]
       sdkgen diff --base <git-ref> [spec] [options]
       sdkgen diff --against <npm-spec | tarball | folder> [spec] [--client <folder>] [options]

Compares two OpenAPI descriptions (multi-file ones too) and classifies every change as
breaking, potentially breaking or non-breaking, for the wire and for the generated client.

Options:
  --base <git-ref>    read the base spec from this commit of the git repository; the spec and overlays are
                      read as generate reads them (the command line, else the config), the base's
                      from the config it had then. Default spec: spec/openapi.yaml
  --against <package> compare the public surface of the client generated from the spec (and overlays), read as
                      generate reads them, with a published package's: an npm spec (\`lumaai@1.19.1\`, packed
                      with npm pack), a .tgz, or a folder (an unpacked package, or an SDK repository's src/).
                      Reports every method, argument, params object, return type, page class and exported
                      type missing or changed, classified by the client rules
  --client <folder>   with --against: compare the client generated into this folder as it is on disk, your
                      edits and src/lib/** modules included (a team's custom code, kept across runs), rather
                      than the one the spec generates in memory; the spec still gives each method's route
  --spec <file>       the spec with --base or --against (else the positional one, the config's, spec/openapi.yaml)
  --config <file>     read options (spec, overlays) from this file; default: sdkgen.config.json|yaml|yml,
                      or the "sdkgen" key of package.json
  --format <format>   markdown (default, for a PR comment), json, or github (workflow annotations)
  --fail-on <level>   exit 1 when a change is at least this severe: breaking, potentially-breaking or any
                      (any counts documentation changes too); the changes that did it go to stderr
  --ignore-docs       leave out documentation changes (descriptions, summaries, examples, externalDocs)
  --overlay <file>    apply this OpenAPI Overlay 1.0 file to both specs first; repeatable, in order
  --stainless <file>  read both specs as this Stainless config says (docs/stainless.md); with --base,
                      the config as it was at that commit for the base
${FILTER_HELP};
                      both specs are filtered alike (the command line's, else today's config's)
  --allow-remote-refs follow $refs to http(s) URLs
  -h, --help          show this help

A finding is located in the head spec; one located in the base alone (a removal) names the base's
file (\`origin/main:spec/openapi.yaml:12:3\` with --base), and --format github annotates it on the run,
not on a line of the head. The last line on stderr counts the changes and the specs' warnings.

Exit codes: 0 compared (and nothing reached --fail-on); 1 a change reached --fail-on, or a spec has errors;
2 wrong usage; 3 internal error.`;

interface DiffIO {
  readonly cwd: string;
  readonly out: (text: string) => void;
  readonly err: (line: string) => void;
}

const FORMATS: readonly DiffFormat[] = ['markdown', 'json', 'github'];
const LEVELS = ['breaking', 'potentially-breaking', 'any'] as const;

/** `sdkgen diff`: returns the exit code. */
export async function diffCommand(argv: readonly string[], io: DiffIO): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
    if (args.values.help === true) {
      io.out(`${DIFF_HELP}\n`);
      return 0;
    }
    const format = args.values.format;
    const failOn = args.values['fail-on'];
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
    if (failOn !== undefined && !(LEVELS as readonly string[]).includes(failOn))
      throw new UsageError(`--fail-on must be one of ${LEVELS.join(', ')}, not "${failOn}"`);
    if (args.values.against !== undefined && (args.values.base !== undefined || args.positionals.length > 1))
      throw new UsageError('with --against, give at most one spec (the one to generate from), and no --base');
    if (args.values.client !== undefined && args.values.against === undefined)
      throw new UsageError('--client goes with --against: it is the generated side of that comparison');
    const client = args.values.client;
    if (client !== undefined && !statSync(resolve(io.cwd, client), { throwIfNoEntry: false })?.isDirectory())
      throw new UsageError(`--client ${client}: no such folder (it is a client sdkgen generated)`);
    if (args.values.against === undefined && args.values.base === undefined && args.positionals.length !== 2)
      throw new UsageError('expected a base spec and a head spec (or --base <git-ref>)');
    if (args.values.base !== undefined && args.positionals.length > 1)
      throw new UsageError('with --base, give at most one spec: the head');
    filterArgs(args.values, { file: undefined });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(usageLine('diff', error.message));
    return 2;
  }
  const { values, positionals } = args;
  const format = values.format as DiffFormat;
  const failOn = values['fail-on'];

  let checkout: string | undefined;
  try {
    const config = loadConfig(io.cwd, values.config);
    const allowRemoteRefs = values['allow-remote-refs'] ?? config.allowRemoteRefs ?? false;
    // Both sides keep the same operations: a change is only reported where the client keeps it.
    const filter = filterArgs(values, config);
    // One `git rev-parse` for both: where annotations' paths start, and what --base archives.
    const repository = repositoryRoot(io.cwd);
    const root = repository ?? io.cwd;
    // The spec as generate reads it: the command line, else the config.
    const generatorInput = {
      spec: values.spec ?? positionals[0] ?? config.spec ?? 'spec/openapi.yaml',
      overlays: values.overlay ?? config.overlays ?? [],
      stainless: values.stainless ?? config.stainless,
    };
    if (values.against !== undefined) {
      const generated = loadAndModel(generatorInput.spec, io.cwd, {
        allowRemoteRefs,
        overlays: generatorInput.overlays,
        stainless: generatorInput.stainless,
        filter,
      });
      const { diffAgainst } = await import('../diff/published-diff.js');
      // The same spec named by other conventions: a convention it cannot be named by is no hint.
      const remodel = (naming: NamingConventions): ApiModel | undefined => {
        try {
          return buildModel(generated.loaded, undefined, filter, naming).model;
        } catch (error) {
          if (error instanceof SpecError) return undefined;
          throw error;
        }
      };
      const report = diffAgainst(values.against, generated.model, io.cwd, format, values.client, remodel);
      io.out(report.text);
      const warnings = generated.diagnostics.length;
      const which = warnings === 0 ? '' : ' in the spec (`sdkgen plan` shows them)';
      return exitFor(
        report.changes,
        failOn,
        io,
        `sdkgen diff: ${plural(report.changes.length, 'change')}; ${warningCount(warnings)}${which}.`,
      );
    }
    // The loaded specs are kept to find the line of each parameter a change is about (`placeLocator`).
    let base: ModeledParts;
    let head: ModeledParts;
    if (values.base === undefined) {
      const [basePath, headPath] = positionals as [string, string];
      const overlays = values.overlay ?? config.overlays ?? [];
      const stainless = values.stainless ?? config.stainless;
      base = loadAndModel(basePath, io.cwd, { allowRemoteRefs, overlays, stainless, filter });
      head = loadAndModel(headPath, io.cwd, { allowRemoteRefs, overlays, stainless, filter });
    } else {
      // The head as generate reads it: the spec and overlays from the command line, else the config.
      const headInput = generatorInput;
      if (repository === undefined) throw new GitError('sdkgen diff: --base needs a git repository.');
      checkout = extractRevision(repository, values.base);
      const baseInput = inputsAtBase(io.cwd, root, checkout, headInput, {
        spec: values.spec ?? positionals[0],
        config: values.config,
        overlays: values.overlay,
        stainless: values.stainless,
      });
      try {
        // Located from the working folder, like the head: the checkout's paths tell the base's files apart.
        base = loadAndModel(baseInput.spec, io.cwd, {
          allowRemoteRefs,
          overlays: baseInput.overlays,
          stainless: baseInput.stainless,
          filter,
        });
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        io.err(`sdkgen diff: the base spec, as it was at ${values.base}, has errors:`);
        const ref = values.base;
        throw new SpecError(
          error.diagnostics,
          error.formatted.map((text) => atRevision(text, ref, io.cwd, checkout as string)),
        );
      }
      head = loadAndModel(headInput.spec, io.cwd, {
        allowRemoteRefs,
        overlays: headInput.overlays,
        stainless: headInput.stainless,
        filter,
      });
    }
    const all = compareModels(base.model, head.model, {
      base: placeLocator(base.loaded),
      head: placeLocator(head.loaded),
    });
    const places: Places = {
      root,
      cwd: io.cwd,
      ref: values.base,
      checkout,
      base: new Set(inputsOf(base.loaded)),
      head: new Set(inputsOf(head.loaded)),
    };
    const changes = (values['ignore-docs'] === true ? all.filter((c) => c.kind !== 'docs') : all).map((c) =>
      located(c, places),
    );
    // The emitter (ts-morph, TypeScript) loads only when a report needs it: every command starts fast.
    const surface =
      format === 'github'
        ? undefined
        : (await import('../diff/surface.js')).surfaceSummary(base.model, head.model, changes);
    io.out(formatChanges(changes, format, { surface }));
    return exitFor(changes, failOn, io, summaryLine(changes.length, base.diagnostics.length, head.diagnostics.length));
  } catch (error) {
    if (error instanceof SpecError || error instanceof GitError || error instanceof PublishedPackageError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    if (checkout !== undefined) rmSync(checkout, { recursive: true, force: true });
  }
}

/** 1 when a change reached `--fail-on` (listed on stderr), else 0; the summary line last. */
function exitFor(changes: readonly Change[], failOn: string | undefined, io: DiffIO, summary: string): number {
  if (failOn === undefined) {
    io.err(summary);
    return 0;
  }
  const threshold: Severity = failOn === 'any' ? 'non-breaking' : (failOn as Severity);
  const reached = changes.filter((change) => severityRank(worst(change)) <= severityRank(threshold));
  if (reached.length > 0) {
    io.err(`sdkgen diff: ${plural(reached.length, 'change')} reached --fail-on ${failOn}:`);
    for (const change of reached) io.err(`  ${describeChange(change)}`);
  }
  io.err(summary);
  return reached.length === 0 ? 0 : 1;
}

/** How the report ends, on stderr: the changes, and the specs' warnings (`sdkgen plan` prints them). */
function summaryLine(changes: number, baseWarnings: number, headWarnings: number): string {
  const warnings = baseWarnings + headWarnings;
  const which =
    warnings === 0 ? '' : ` (${baseWarnings} in the base, ${headWarnings} in the head; \`sdkgen plan\` shows them)`;
  return `sdkgen diff: ${plural(changes, 'change')}; ${warningCount(warnings)}${which}.`;
}

function parse(argv: readonly string[]) {
  return parseCommandArgs(
    {
      command: 'diff',
      positionals: { max: 2, what: 'spec' },
      options: {
        base: { type: 'string' },
        against: { type: 'string' },
        client: { type: 'string' },
        spec: { type: 'string' },
        config: { type: 'string' },
        format: { type: 'string', default: 'markdown' },
        'fail-on': { type: 'string' },
        'allow-remote-refs': { type: 'boolean' },
        'ignore-docs': { type: 'boolean', default: false },
        overlay: { type: 'string', multiple: true },
        stainless: { type: 'string' },
        ...FILTER_OPTIONS,
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    argv,
  );
}
