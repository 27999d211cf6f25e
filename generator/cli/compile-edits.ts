import type { OutputFile } from '../emit/output-file.js';
import { sourceOf } from '../write/ownership.js';
import type { PlannedFile } from '../write/write-ahead.js';

/**
 * dist/ compiled from the sources as they are written, with the user's edits merged in, rather
 * than from the new output alone, and from the user's own modules in src/lib/ (which the
 * generated index.ts may export), so that the package imports right after generation. A module
 * that cannot be compiled on its own (conflict markers, or code without the types
 * `isolatedDeclarations` asks for) gets no dist/ files from sdkgen: `uncompiled` names them, for
 * the package's `npm run build` (tsc) to build.
 */
export async function compileEdited(
  files: readonly PlannedFile[],
  edited: readonly string[],
  skip: ReadonlySet<string>,
  userModules: readonly OutputFile[] = [],
): Promise<{ files: readonly PlannedFile[]; uncompiled: readonly string[] }> {
  const isModule = (path: string): boolean => path.startsWith('src/') && /(?<!\.d)\.ts$/.test(path);
  const modules = new Set(edited.filter(isModule));
  // An edited file is merged, so its text is known (only a new folder's files are written ahead).
  const merged = files.filter((file): file is OutputFile => file.contents !== undefined && modules.has(file.path));
  const targets = [...merged, ...userModules.filter((f) => isModule(f.path))];
  if (targets.length === 0) return { files, uncompiled: [] };
  // Loaded only when edits need it: the CLI starts without the compiler (test/layout.test.ts).
  const { compileDist } = await import('../emit/compile-dist.js');
  const compiled = new Map<string, string>();
  const uncompiled: string[] = [];
  for (const file of targets) {
    if (skip.has(file.path)) {
      uncompiled.push(file.path);
      continue;
    }
    try {
      for (const out of compileDist([file])) compiled.set(out.path, out.contents);
    } catch {
      uncompiled.push(file.path);
    }
  }
  const dropped = new Set(uncompiled);
  const kept = files
    .filter((file) => !(file.path.startsWith('dist/') && dropped.has(sourceOf(file.path))))
    .map((file) => {
      const contents = compiled.get(file.path);
      if (contents === undefined) return file;
      compiled.delete(file.path);
      return { path: file.path, contents };
    });
  // What is left compiled the user's own modules.
  return { files: [...kept, ...[...compiled].map(([path, contents]) => ({ path, contents }))], uncompiled };
}
