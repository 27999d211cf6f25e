import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './paths.js';

const run = promisify(execFile);

interface LockEntry {
  readonly version?: string;
  readonly dev?: boolean;
  readonly [key: string]: unknown;
}

/**
 * Installs sdkgen's packed tarball into `project` with no network: a lockfile made from
 * sdkgen's own (its runtime dependencies, as `npm ci` here already cached them) lets
 * `npm ci --offline` find every package in npm's cache by its integrity.
 */
export async function installTarballOffline(project: string, tarball: string, name: string): Promise<void> {
  const ours = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
    bin: Record<string, string>;
    engines: Record<string, string>;
  };
  const spec = `file:${basename(tarball)}`;
  const packages: Record<string, unknown> = {
    '': { name, dependencies: { sdkgen: spec } },
    'node_modules/sdkgen': {
      version: manifest.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const [path, entry] of Object.entries(ours.packages)) {
    if (path !== '' && path.startsWith('node_modules/') && entry.dev !== true) packages[path] = entry;
  }
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name, private: true, type: 'module', dependencies: { sdkgen: spec } }, null, 2)}\n`,
  );
  writeFileSync(
    join(project, 'package-lock.json'),
    `${JSON.stringify({ name, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  );
  await run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project });
}
