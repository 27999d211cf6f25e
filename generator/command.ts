import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { ResourceModel } from './model/model.js';

/**
 * The command that remakes this output, run from the root of the project that holds it (the
 * nearest folder above the output with a package.json, where \`npx sdkgen\` and npm scripts run;
 * else the output's parent): the same wherever the generator was started from, so banners
 * never churn.
 */
export function regenerateCommand(
  specPath: string,
  outDir: string,
  extra: {
    readonly overlays?: readonly string[];
    /** A Stainless config, named before the overlays: they are applied after it. */
    readonly stainless?: string | undefined;
    readonly flags?: readonly string[];
  } = {},
): string {
  const base = projectRoot(dirname(outDir));
  const posix = (path: string): string => path.split(sep).join('/');
  const overlays = (extra.overlays ?? []).map((overlay) => `--overlay ${posix(relative(base, overlay))}`);
  return [
    `sdkgen generate --spec ${posix(relative(base, specPath))} --out ${posix(relative(base, outDir))}`,
    ...(extra.stainless === undefined ? [] : [`--stainless ${posix(relative(base, extra.stainless))}`]),
    ...overlays,
    ...(extra.flags ?? []),
  ].join(' ');
}

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

export function countOperations(resource: ResourceModel): number {
  return resource.operations.length + resource.children.reduce((sum, child) => sum + countOperations(child), 0);
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/** Reports each phase with the time since the previous one. */
export function phaseTimer(report: ((message: string) => void) | undefined): (message: string) => void {
  let last = performance.now();
  return (message) => {
    const now = performance.now();
    report?.(`${message} (${((now - last) / 1000).toFixed(2)}s)`);
    last = now;
  };
}
