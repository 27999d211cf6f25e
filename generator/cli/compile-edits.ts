import type { OutputFile } from '../emit/output-file.js';
import { sourceOf } from '../write/ownership.js';

/**
 * dist/ compiled from the sources as they are written, with the user's edits merged in, rather
 * than from the new output alone. An edited module that cannot be compiled on its own (conflict
 * markers, or code without the types `isolatedDeclarations` asks for) gets no dist/ files from
 * sdkgen: `uncompiled` names them, for the package's `npm run build` (tsc) to build.
 */
export async function compileEdited(
  files: readonly OutputFile[],
  edited: readonly string[],
  skip: ReadonlySet<string>,
): Promise<{ files: readonly OutputFile[]; uncompiled: readonly string[] }> {
  const modules = new Set(edited.filter((path) => path.startsWith('src/') && /(?<!\.d)\.ts$/.test(path)));
  if (modules.size === 0) return { files, uncompiled: [] };
  // Loaded only when edits need it: the CLI starts without the compiler (test/layout.test.ts).
  const { compileDist } = await import('../emit/compile-dist.js');
  const compiled = new Map<string, string>();
  const uncompiled: string[] = [];
  for (const file of files) {
    if (!modules.has(file.path)) continue;
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
  return {
    files: files
      .filter((file) => !(file.path.startsWith('dist/') && dropped.has(sourceOf(file.path))))
      .map((file) => {
        const contents = compiled.get(file.path);
        return contents === undefined ? file : { path: file.path, contents };
      }),
    uncompiled,
  };
}
