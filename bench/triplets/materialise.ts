/**
 * Brings a pinned triplet into the cache: `<cache>/<name>/stainless.yml`, `openapi.yml` (or
 * `.json`) and `published/` (the SDK package's folder). From the git mirrors under
 * `TRIPLETS_MIRROR` (`<owner>+<name>/repo`) when set, else from GitHub at the pinned commit;
 * npm versions through `npm pack`, checked against the pinned integrity. A triplet already in the
 * cache at the same pins is left as it is.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { PublishedSdk, RepoFile, Triplet } from './pins.js';

export interface TripletFiles {
  readonly config: string;
  readonly spec: string;
  readonly published: string;
}

/** Where a triplet's files are (or will be) in the cache. */
export function tripletFiles(cache: string, triplet: Triplet): TripletFiles {
  const dir = join(cache, triplet.name);
  return {
    config: join(dir, 'stainless.yml'),
    spec: join(dir, triplet.spec.path.endsWith('.json') ? 'openapi.json' : 'openapi.yml'),
    published: join(dir, 'published'),
  };
}

export function materialise(cache: string, triplet: Triplet, mirror: string | undefined): TripletFiles {
  const files = tripletFiles(cache, triplet);
  const dir = join(cache, triplet.name);
  const stamp = join(dir, '.pins.json');
  const pins = JSON.stringify({ config: triplet.config, spec: triplet.spec, published: triplet.published });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === pins && existsSync(files.published)) return files;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(files.config, repoFile(triplet.config, mirror));
  writeFileSync(files.spec, repoFile(triplet.spec, mirror));
  publishedInto(triplet.published, files.published, dir, mirror);
  writeFileSync(stamp, pins);
  return files;
}

function mirrorOf(mirror: string | undefined, repo: string): string | undefined {
  if (mirror === undefined) return undefined;
  const git = join(mirror, repo.replace('/', '+'), 'repo');
  return existsSync(git) ? git : undefined;
}

function repoFile(file: RepoFile, mirror: string | undefined): Buffer {
  const git = mirrorOf(mirror, file.repo);
  if (git !== undefined)
    return execFileSync('git', ['-C', git, 'show', `${file.commit}:${file.path}`], { maxBuffer: 256 * 1024 * 1024 });
  const url = `https://raw.githubusercontent.com/${file.repo}/${file.commit}/${file.path}`;
  return execFileSync('curl', ['-sSfL', url], { maxBuffer: 256 * 1024 * 1024 });
}

function publishedInto(sdk: PublishedSdk, into: string, dir: string, mirror: string | undefined): void {
  const work = mkdtempSync(join(dir, '.unpack-'));
  try {
    switch (sdk.kind) {
      case 'npm': {
        const [packed] = JSON.parse(
          execFileSync('npm', ['pack', sdk.spec, '--json', '--pack-destination', work], { encoding: 'utf8' }),
        ) as { filename: string }[];
        const tarball = join(work, (packed as { filename: string }).filename);
        const actual = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
        if (actual !== sdk.integrity)
          throw new Error(`${sdk.spec}: integrity ${actual} is not the pinned ${sdk.integrity}`);
        execFileSync('tar', ['xzf', tarball, '-C', work]);
        renameSync(join(work, 'package'), into);
        return;
      }
      case 'repo': {
        const git = mirrorOf(mirror, sdk.repo);
        const folder = sdk.folder === '' ? '.' : sdk.folder;
        if (git !== undefined) {
          const tar = execFileSync('git', ['-C', git, 'archive', '--format=tar', sdk.commit, folder], {
            maxBuffer: 512 * 1024 * 1024,
          });
          execFileSync('tar', ['xf', '-', '-C', work], { input: tar });
          renameSync(join(work, folder), into);
          return;
        }
        const tarball = join(work, 'repo.tgz');
        execFileSync('curl', ['-sSfL', '-o', tarball, `https://codeload.github.com/${sdk.repo}/tar.gz/${sdk.commit}`]);
        execFileSync('tar', ['xzf', tarball, '-C', work]);
        const [root] = readdirSync(work).filter((entry) => entry !== 'repo.tgz');
        renameSync(join(work, root as string, folder), into);
        return;
      }
      default:
        return sdk satisfies never;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
