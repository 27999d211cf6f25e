import { transformSync } from 'oxc-transform';
import type { OutputFile } from '../output-file.js';
import { type Compiled, compileFailure } from './compiled.js';

/**
 * oxc's native transformer: type stripping and isolated-declarations emit in one pass per
 * module, with no program, checker or standard library to load.
 */
export function compileWithOxc(files: readonly OutputFile[]): Map<OutputFile, Compiled> {
  const result = new Map<OutputFile, Compiled>();
  const problems: string[] = [];
  for (const file of files) {
    const out = transformSync(file.path, file.contents, {
      lang: 'ts',
      sourceType: 'module',
      target: 'es2022',
      // As TypeScript's verbatimModuleSyntax: the emitters mark type-only imports themselves.
      typescript: { onlyRemoveTypeImports: true, declaration: { stripInternal: false } },
    });
    const errors = out.errors.filter((e) => e.severity === 'Error');
    if (errors.length > 0) problems.push(...errors.map((e) => `${file.path}: ${e.message}`));
    else if (out.declaration === undefined) problems.push(`${file.path}: no declarations were emitted`);
    else result.set(file, { js: out.code, dts: out.declaration });
  }
  if (problems.length > 0) throw compileFailure(problems);
  return result;
}
