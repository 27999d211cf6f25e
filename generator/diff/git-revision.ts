import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** git could not give the base revision: not a repository, an unknown ref, … */
export class GitError extends Error {}

/** The repository as it was at `ref`, in a temporary folder (all files: specs may span several, and configs name them). */
export function extractRevision(cwd: string, ref: string): { dir: string; root: string } {
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
  return { dir, root };
}

/** The top of the git repository that holds `cwd`, if any: where annotations' paths start. */
export function repositoryRoot(cwd: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}
