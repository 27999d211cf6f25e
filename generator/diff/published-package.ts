import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/** The published package could not be had or read; `location` is what `--against` was given. */
export class PublishedPackageError extends Error {
  constructor(
    readonly location: string,
    detail: string,
  ) {
    super(`sdkgen diff --against ${location}: ${detail}`);
  }
}

/** A published package's files, in memory, and how to name it in a report. */
export interface PublishedPackage {
  /** `lumaai@1.19.1` for an npm spec or a tarball; the path for a folder. */
  readonly label: string;
  /** Path relative to the package root → text: package.json and the TypeScript declarations and sources. */
  readonly files: ReadonlyMap<string, string>;
}

/**
 * `--against`'s three kinds of input: a folder (an unpacked package, or an SDK repository with its
 * `src/`) is read in place; a tarball (`.tgz`) is unpacked; anything else is an npm package spec
 * (`lumaai@1.19.1`, `file:…`), packed by `npm pack` into a temporary folder and unpacked there.
 */
export function readPublishedPackage(input: string, cwd: string): PublishedPackage {
  const path = resolve(cwd, input);
  if (existsSync(path) && statSync(path).isDirectory()) return { label: input, files: readPackageFiles(path) };
  const temporary = mkdtempSync(join(tmpdir(), 'sdkgen-against-'));
  try {
    const tarball = isTarball(input) ? path : packed(input, cwd, temporary);
    if (!existsSync(tarball)) throw new PublishedPackageError(input, 'no such file, folder or tarball');
    run('tar', ['-xzf', tarball, '-C', temporary], input, cwd);
    // npm tarballs hold one folder, `package/`; other tarballs may hold the files at their root.
    const root = existsSync(join(temporary, 'package')) ? join(temporary, 'package') : temporary;
    const files = readPackageFiles(root);
    return { label: labelOf(files) ?? input, files };
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

function isTarball(input: string): boolean {
  return /\.(tgz|tar\.gz)$/i.test(input) && !input.startsWith('file:');
}

/** `npm pack <spec>` into the folder; the tarball's path. */
function packed(spec: string, cwd: string, folder: string): string {
  const out = run(
    'npm',
    ['pack', spec, '--pack-destination', folder, '--json', '--ignore-scripts', '--silent'],
    spec,
    cwd,
  );
  let name: unknown;
  try {
    name = (JSON.parse(out) as { filename?: unknown }[])[0]?.filename;
  } catch {
    name = undefined;
  }
  if (typeof name !== 'string') throw new PublishedPackageError(spec, `npm pack gave no tarball: ${out.slice(0, 200)}`);
  // npm names a scoped package's tarball `scope-name-1.0.0.tgz`, whatever its filename field says.
  const tarball = readdirSync(folder).find((f) => f.endsWith('.tgz'));
  return join(folder, tarball ?? name);
}

function run(command: string, args: readonly string[], input: string, cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    const last = stderr.trim().split('\n').slice(-3).join(' ').trim();
    throw new PublishedPackageError(input, `${command} ${args[0]} failed${last === '' ? '' : `: ${last}`}`);
  }
}

function labelOf(files: ReadonlyMap<string, string>): string | undefined {
  const manifest = files.get('package.json');
  if (manifest === undefined) return undefined;
  const { name, version } = JSON.parse(manifest) as { name?: unknown; version?: unknown };
  return typeof name === 'string' && typeof version === 'string' ? `${name}@${version}` : undefined;
}

/** package.json and every `.ts` file (declarations and sources), leaving out dependencies and git. */
function readPackageFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') walk(full);
      } else if (entry.name.endsWith('.ts') || full === join(root, 'package.json')) {
        files.set(relative(root, full).split('\\').join('/'), readFileSync(full, 'utf8'));
      }
    }
  };
  walk(root);
  return files;
}
