import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SpecError } from '../diagnostics.js';
import { modelSpec } from '../model-spec.js';
import { compareModels } from './compare.js';
import { formatChanges, worst, type DiffFormat } from './format.js';
import { severityRank, type Severity } from './rules.js';

export const DIFF_HELP = `Usage: sdkgen diff <base-spec> <head-spec> [options]
       sdkgen diff --base <git-ref> [spec] [options]

Compares two OpenAPI descriptions (multi-file ones too) and classifies every change as
breaking, potentially breaking or non-breaking, for the wire and for the generated client.

Options:
  --base <git-ref>    read the base spec from this commit of the git repository (spec default: spec/openapi.yaml)
  --format <format>   markdown (default, for a PR comment), json, or github (workflow annotations)
  --fail-on <level>   exit 1 when a change is at least this severe: breaking, potentially-breaking or any
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
export function diffCommand(argv: readonly string[], io: DiffIO): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.err(`sdkgen diff: ${(error as Error).message}\n\n${DIFF_HELP}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help === true) {
    io.out(`${DIFF_HELP}\n`);
    return 0;
  }
  const format = values.format as DiffFormat;
  const failOn = values['fail-on'];
  const usage = (message: string): number => {
    io.err(`sdkgen diff: ${message}\n\n${DIFF_HELP}`);
    return 2;
  };
  if (!FORMATS.includes(format)) return usage(`--format must be one of ${FORMATS.join(', ')}.`);
  if (failOn !== undefined && !(LEVELS as readonly string[]).includes(failOn)) return usage(`--fail-on must be one of ${LEVELS.join(', ')}.`);
  if (values.base === undefined ? positionals.length !== 2 : positionals.length > 1) {
    return usage(values.base === undefined ? 'expected a base spec and a head spec.' : 'expected at most one spec with --base.');
  }

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
    const changes = compareModels(base.model, head.model);
    io.out(formatChanges(changes, format));
    if (failOn === undefined) return 0;
    const threshold: Severity = failOn === 'any' ? 'non-breaking' : (failOn as Severity);
    return changes.some((change) => severityRank(worst(change)) <= severityRank(threshold)) ? 1 : 0;
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

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      base: { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      'fail-on': { type: 'string' },
      'allow-remote-refs': { type: 'boolean', default: false },
      overlay: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

class GitError extends Error {}

/** The repository as it was at `ref`, in a temporary folder (all files: specs may span several). */
function extractRevision(cwd: string, ref: string, spec: string): { dir: string; spec: string } {
  const git = (args: string[]): { stdout: Buffer; ok: boolean; stderr: string } => {
    const result = spawnSync('git', args, { cwd, maxBuffer: 1 << 30 });
    return { stdout: result.stdout, ok: result.status === 0, stderr: String(result.stderr ?? '').trim() };
  };
  const top = git(['rev-parse', '--show-toplevel']);
  if (!top.ok) throw new GitError(`sdkgen diff: --base needs a git repository: ${top.stderr}`);
  const root = top.stdout.toString('utf8').trim();
  const archive = git(['archive', '--format=tar', ref]);
  if (!archive.ok) throw new GitError(`sdkgen diff: cannot read ${ref} from git: ${archive.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-diff-base-'));
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new GitError(`sdkgen diff: cannot unpack ${ref}: ${String(untar.stderr).trim()}`);
  }
  return { dir, spec: join(dir, relative(root, resolve(cwd, spec))) };
}
