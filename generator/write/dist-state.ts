import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether the compiled `dist/` of a package folder is what its `src/` gives. `dist/` is not
 * committed, so it is judged as `make` judges a target: each module's JavaScript and declarations
 * must exist and be no older than its source, whoever built them (sdkgen, or the package's
 * `npm run build`).
 */
export type DistState =
  | { readonly kind: 'built' }
  | { readonly kind: 'missing' }
  /** `files`: the sources (`src/…`) whose compiled files are absent or older. */
  | { readonly kind: 'stale'; readonly files: readonly string[] };

/** The compiled files of one source file: `src/a/b.ts` → `dist/a/b.js`, `dist/a/b.d.ts`. */
function compiledFiles(source: string): readonly string[] {
  const stem = `dist/${source.slice('src/'.length, -'.ts'.length)}`;
  return [`${stem}.js`, `${stem}.d.ts`];
}

/** `sources`: the package's files (the TypeScript under `src/` counts), relative to `outDir`. */
export function distState(outDir: string, sources: readonly string[]): DistState {
  const modules = sources.filter(isSource);
  if (modules.length === 0) return { kind: 'built' };
  if (modifiedAt(join(outDir, 'dist')) === undefined) return { kind: 'missing' };
  const stale = modules.filter((source) => {
    const written = modifiedAt(join(outDir, source));
    return compiledFiles(source).some((file) => {
      const compiled = modifiedAt(join(outDir, file));
      return compiled === undefined || (written !== undefined && compiled < written);
    });
  });
  return stale.length === 0 ? { kind: 'built' } : { kind: 'stale', files: stale };
}

/**
 * After a run, marks the compiled files as made now: a source rewritten (or touched by a
 * checkout) whose compiled output came out the same must not look newer than its `dist/` files.
 */
export function markCompiled(outDir: string, sources: readonly string[]): void {
  const now = new Date();
  for (const file of sources.filter(isSource).flatMap(compiledFiles)) {
    try {
      utimesSync(join(outDir, file), now, now);
    } catch {
      // Not compiled (--no-dist): nothing to mark; --check will say so.
    }
  }
}

function isSource(path: string): boolean {
  return path.startsWith('src/') && path.endsWith('.ts') && !path.endsWith('.d.ts');
}

function modifiedAt(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
