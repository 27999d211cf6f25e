/**
 * A consumer's bundle as an app's build makes it (esbuild `--bundle --minify`, browser, ES2022),
 * as one file or split as Vite and Rollup split, gzipped at level 9: what loads before the first
 * call (the entry and the chunks it imports statically) and what waits for first use (the chunks
 * imported dynamically), with the minified bytes each source module puts in either.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

export interface BundleSize {
  /** Gzipped bytes loaded before the first call. */
  readonly eager: number;
  /** Gzipped bytes loaded when first needed. */
  readonly lazy: number;
  /** Minified bytes (before gzip) of each source module, by its path as esbuild names it, and where they load. */
  readonly modules: ReadonlyMap<string, { readonly bytes: number; readonly eager: boolean }>;
}

/** Bundles `main.ts` of the project `dir`. */
export async function bundleSize(dir: string, splitting: boolean): Promise<BundleSize> {
  const result = await esbuild.build({
    entryPoints: [join(dir, 'main.ts')],
    bundle: true,
    minify: true,
    splitting,
    outdir: join(dir, 'out'),
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    absWorkingDir: dir,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint !== undefined);
  // What the entry imports statically loads with it; what it imports dynamically waits for first use.
  const eager = new Set<string>();
  const visit = (path: string): void => {
    if (eager.has(path)) return;
    eager.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  if (entry !== undefined) visit(entry);
  let eagerBytes = 0;
  let lazyBytes = 0;
  const modules = new Map<string, { bytes: number; eager: boolean }>();
  for (const file of result.outputFiles) {
    const size = gzipSync(file.contents, { level: 9 }).byteLength;
    const key = Object.keys(outputs).find((path) => file.path.endsWith(path));
    const loadsFirst = key !== undefined && eager.has(key);
    if (loadsFirst) eagerBytes += size;
    else lazyBytes += size;
    for (const [input, { bytesInOutput }] of Object.entries(key === undefined ? {} : (outputs[key]?.inputs ?? {})))
      modules.set(input, { bytes: (modules.get(input)?.bytes ?? 0) + bytesInOutput, eager: loadsFirst });
  }
  return { eager: eagerBytes, lazy: lazyBytes, modules };
}

export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
