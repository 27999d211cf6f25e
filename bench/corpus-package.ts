/**
 * A package of bench/corpus.json, fetched from the npm registry once, checked against the
 * corpus's integrity, and kept unpacked in node_modules/.cache/sdkgen-sweep (`SWEEP_CACHE`):
 * what `npm run sweep` and bench/naming-agreement.ts read their public specs from.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = process.env['SWEEP_CACHE'] ?? join(ROOT, 'node_modules/.cache/sdkgen-sweep');

/** Fetches `name@version` once, checks it against the corpus's integrity, and returns its unpacked folder. */
export function unpacked(name: string, version: string, integrity: string): string {
  const dir = join(CACHE, `${name.replace('/', '+')}@${version}`);
  if (existsSync(join(dir, 'package'))) return join(dir, 'package');
  mkdirSync(dir, { recursive: true });
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', `${name}@${version}`, '--json', '--pack-destination', dir], { encoding: 'utf8' }),
  ) as { filename: string }[];
  const tarball = join(dir, (packed as { filename: string }).filename);
  const actual = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  if (actual !== integrity) throw new Error(`${name}@${version}: integrity ${actual} is not the corpus's ${integrity}`);
  execFileSync('tar', ['xzf', tarball, '-C', dir]);
  rmSync(tarball);
  return join(dir, 'package');
}

/** The unpacked folder of the corpus's package `name`, at the version the corpus pins. */
export function corpusPackage(name: string): string {
  const corpus = JSON.parse(readFileSync(join(ROOT, 'bench', 'corpus.json'), 'utf8')) as {
    readonly packages: readonly { readonly name: string; readonly version: string; readonly integrity: string }[];
  };
  const pinned = corpus.packages.find((p) => p.name === name);
  if (pinned === undefined) throw new Error(`${name} is not in bench/corpus.json`);
  return unpacked(pinned.name, pinned.version, pinned.integrity);
}
