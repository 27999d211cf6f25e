import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OutputFile } from './output-file.js';
import { coreFile } from './paths.js';

const RUNTIME_DIR = fileURLToPath(new URL('../runtime/', import.meta.url));

/**
 * The hand-written runtime (generator/runtime), copied unchanged into `src/core/` below
 * a banner: it is ordinary tested code, not assembled from strings.
 */
export function runtimeFiles(banner: string): OutputFile[] {
  return readdirSync(RUNTIME_DIR)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort()
    .map((name) => ({
      path: coreFile(name.replace(/\.ts$/, '')),
      contents: `${banner}\n// Copied from sdkgen's runtime (generator/runtime/${name}).\n\n${readFileSync(RUNTIME_DIR + name, 'utf8')}`,
    }));
}
