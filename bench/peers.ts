/**
 * The other generators `npm run bench` measures beside openapi-typescript (BENCH_PARTS=peers),
 * each pinned at the newest version whose `engines` allow the Node this repository supports
 * (20.19+) and that ran here, installed once for the bench alone into
 * node_modules/.cache/sdkgen-peers (`PEERS_CACHE`), not as devDependencies.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = process.env['PEERS_CACHE'] ?? join(ROOT, 'node_modules/.cache/sdkgen-peers');

export interface Peer {
  /** As the bench's table names it. */
  readonly label: string;
  /** What `npm install` is given, pinned. */
  readonly install: readonly string[];
  /** The CLI's entry, inside the peer's folder. */
  readonly bin: string;
  /** The arguments that generate from `spec` into the folder `out`. */
  readonly args: (spec: string, out: string) => string[];
  /** Why this version (the newer ones' `engines`). */
  readonly why: string;
}

export const PEERS: readonly Peer[] = [
  {
    label: 'hey-api 0.95.0 (types + SDK functions)',
    install: ['@hey-api/openapi-ts@0.95.0', 'typescript@5.9'],
    // What its bin/run.js spawns: run directly, so that the peak memory measured is its own.
    bin: 'node_modules/@hey-api/openapi-ts/dist/run.mjs',
    args: (spec, out) => ['-i', spec, '-o', out],
    why: '0.96.0 and later require Node >=22.13',
  },
  {
    label: 'orval 7.13.2 (fetch client, one file)',
    install: ['orval@7.13.2'],
    bin: 'node_modules/orval/dist/bin/orval.js',
    args: (spec, out) => ['--input', spec, '--output', join(out, 'api.ts')],
    why: '7.14.0 and every 8.x require Node >=22.18',
  },
];

/** The peer's CLI, installed on first use; its folder is named after what it installs. */
export function peerBin(peer: Peer): string {
  const dir = join(CACHE, peer.install.join('+').replaceAll('/', '+'));
  const bin = join(dir, peer.bin);
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
  // No install scripts: the bench runs each CLI, nothing needs building.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...peer.install], {
    cwd: dir,
    stdio: 'inherit',
  });
  return bin;
}
