import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';

/** git could not give the base revision: not a repository, an unknown ref, … */
export class GitError extends Error {}

/**
 * The repository (whose top is `root`, from `repositoryRoot`) as it was at `ref`, in a temporary
 * folder (all files: specs may span several, and configs name them).
 */
export function extractRevision(root: string, ref: string): string {
  const archive = spawnSync('git', ['archive', '--format=tar', ref], { cwd: root, maxBuffer: 1 << 30 });
  if (archive.status !== 0)
    throw new GitError(`sdkgen diff: cannot read ${ref} from git: ${String(archive.stderr ?? '').trim()}`);
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-diff-base-'));
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new GitError(`sdkgen diff: cannot unpack ${ref}: ${String(untar.stderr).trim()}`);
  }
  return dir;
}

/** The top of the git repository that holds `cwd`, if any: where annotations' paths start. */
export function repositoryRoot(cwd: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * The base spec as generate would have read it at the base revision: its spec and overlays from
 * the command line, else from the config the base had (or, where it had none, the head's), each
 * file read as it was at that revision when it existed there.
 */
export function inputsAtBase(
  cwd: string,
  root: string,
  checkout: string,
  head: { readonly spec: string; readonly overlays: readonly string[]; readonly stainless?: string | undefined },
  given: {
    readonly spec: string | undefined;
    readonly config: string | undefined;
    readonly overlays: readonly string[] | undefined;
    readonly stainless?: string | undefined;
  },
): { spec: string; overlays: readonly string[]; stainless: string | undefined } {
  const cwdAtBase = join(checkout, relative(root, cwd));
  const atBase = (path: string): string => {
    const inRepository = relative(root, resolve(cwd, path));
    if (inRepository.startsWith('..') || isAbsolute(inRepository)) return resolve(cwd, path);
    const then = join(checkout, inRepository);
    return existsSync(then) ? then : resolve(cwd, path);
  };
  const hadConfig = given.config === undefined || existsSync(resolve(cwdAtBase, given.config));
  const config = hadConfig ? loadConfig(cwdAtBase, given.config) : { file: undefined };
  const fromConfig = config.file !== undefined;
  const spec =
    given.spec !== undefined
      ? join(checkout, relative(root, resolve(cwd, given.spec)))
      : fromConfig && config.spec !== undefined
        ? resolve(cwdAtBase, config.spec)
        : join(checkout, relative(root, resolve(cwd, head.spec)));
  const overlays =
    given.overlays !== undefined
      ? given.overlays.map(atBase)
      : fromConfig
        ? (config.overlays ?? []).map((overlay) => resolve(cwdAtBase, overlay))
        : head.overlays.map(atBase);
  const stainless =
    given.stainless !== undefined
      ? atBase(given.stainless)
      : fromConfig
        ? config.stainless === undefined
          ? undefined
          : resolve(cwdAtBase, config.stainless)
        : head.stainless === undefined
          ? undefined
          : atBase(head.stainless);
  return { spec, overlays, stainless };
}
