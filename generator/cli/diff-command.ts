import { rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { SpecError } from '../diagnostics.js';
import type { Change } from '../diff/compare.js';
import { compareModels } from '../diff/compare.js';
import { type DiffFormat, describeChange, formatChanges, worst } from '../diff/format.js';
import { extractRevision, GitError, repositoryRoot } from '../diff/git-revision.js';
import { type Severity, severityRank } from '../diff/rules.js';
import { modelSpec } from '../model-spec.js';
import { parseCommandArgs, plural, UsageError, usageLine } from './args.js';

export const DIFF_HELP = `Usage: sdkgen diff <base-spec> <head-spec> [options]
       sdkgen diff --base <git-ref> [spec] [options]

Compares two OpenAPI descriptions (multi-file ones too) and classifies every change as
breaking, potentially breaking or non-breaking, for the wire and for the generated client.

Options:
  --base <git-ref>    read the base spec from this commit of the git repository (spec default: spec/openapi.yaml)
  --format <format>   markdown (default, for a PR comment), json, or github (workflow annotations)
  --fail-on <level>   exit 1 when a change is at least this severe: breaking, potentially-breaking or any
                      (any counts documentation changes too); the changes that did it go to stderr
  --ignore-docs       leave out documentation changes (descriptions, summaries, examples, externalDocs)
  --overlay <file>    apply this OpenAPI Overlay 1.0 file to both specs first; repeatable, in order
  --allow-remote-refs follow $refs to http(s) URLs
  -h, --help          show this help

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
    if (args.values.base === undefined && args.positionals.length !== 2)
      throw new UsageError('expected a base spec and a head spec (or --base <git-ref>)');
    if (args.values.base !== undefined && args.positionals.length > 1)
      throw new UsageError('with --base, give at most one spec: the head');
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
    let basePath: string;
    let headPath: string;
    if (values.base === undefined) {
      [basePath, headPath] = positionals as [string, string];
    } else {
      headPath = positionals[0] ?? 'spec/openapi.yaml';
      const extracted = extractRevision(io.cwd, values.base, headPath);
      checkout = extracted.dir;
      basePath = extracted.spec;
    }
    const options = { allowRemoteRefs: values['allow-remote-refs'] === true, overlays: values.overlay ?? [] };
    const base = modelSpec(basePath, io.cwd, options);
    const head = modelSpec(headPath, io.cwd, options);
    const all = compareModels(base.model, head.model);
    const root = repositoryRoot(io.cwd) ?? io.cwd;
    const changes = (values['ignore-docs'] === true ? all.filter((c) => c.kind !== 'docs') : all).map((c) =>
      locatedInRepository(c, io.cwd, root, checkout),
    );
    // The emitter (ts-morph, TypeScript) loads only when a report needs it: every command starts fast.
    const surface =
      format === 'github'
        ? undefined
        : (await import('../diff/surface.js')).surfaceSummary(base.model, head.model, changes);
    io.out(formatChanges(changes, format, { surface }));
    if (failOn === undefined) return 0;
    const threshold: Severity = failOn === 'any' ? 'non-breaking' : (failOn as Severity);
    const reached = changes.filter((change) => severityRank(worst(change)) <= severityRank(threshold));
    if (reached.length === 0) return 0;
    io.err(`sdkgen diff: ${plural(reached.length, 'change')} reached --fail-on ${failOn}:`);
    for (const change of reached) io.err(`  ${describeChange(change)}`);
    return 1;
  } catch (error) {
    if (error instanceof SpecError || error instanceof GitError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    if (checkout !== undefined) rmSync(checkout, { recursive: true, force: true });
  }
}

/**
 * The change with its file named from the repository's root (where a PR's files are): a base
 * spec read from a git checkout points at the same file in the repository. Outside git, from
 * the current folder.
 */
function locatedInRepository(change: Change, cwd: string, root: string, checkout: string | undefined): Change {
  if (change.location === undefined) return change;
  let absolute = resolve(cwd, change.location.file);
  if (checkout !== undefined && !relative(checkout, absolute).startsWith('..'))
    absolute = join(root, relative(checkout, absolute));
  return { ...change, location: { ...change.location, file: relative(root, absolute).split(sep).join('/') } };
}

function parse(argv: readonly string[]) {
  return parseCommandArgs(
    {
      command: 'diff',
      positionals: { max: 2, what: 'spec' },
      options: {
        base: { type: 'string' },
        format: { type: 'string', default: 'markdown' },
        'fail-on': { type: 'string' },
        'allow-remote-refs': { type: 'boolean', default: false },
        'ignore-docs': { type: 'boolean', default: false },
        overlay: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    argv,
  );
}
