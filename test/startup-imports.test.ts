import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

// `sdkgen generate` starts its model worker once the CLI's modules are imported, and the worker
// reads the spec once its own are: every package imported at startup delays both. The packages
// that most runs never use are loaded on first use (generator/lazy-packages.ts); this keeps them
// out of the modules imported up front.

/** The packages a module and the modules it imports (statically, values only) import, transitively. */
function startupPackages(entry: string): Set<string> {
  return staticImports(entry).packages;
}

/** The packages and the modules (paths from the root) a module imports statically, values only, transitively. */
function staticImports(entry: string): { packages: Set<string>; modules: Set<string> } {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      const specifier =
        ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly !== true
          ? statement.moduleSpecifier
          : ts.isExportDeclaration(statement) && !statement.isTypeOnly
            ? statement.moduleSpecifier
            : undefined;
      if (specifier === undefined || !ts.isStringLiteral(specifier)) continue;
      // `import { type A, type B } from 'x'` is erased too.
      const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
      const defaultImport = ts.isImportDeclaration(statement) ? statement.importClause?.name : undefined;
      if (
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        defaultImport === undefined &&
        bindings.elements.length > 0 &&
        bindings.elements.every((element) => element.isTypeOnly)
      )
        continue;
      const name = specifier.text;
      if (name.startsWith('.')) visit(resolve(dirname(file), name.replace(/\.js$/, '.ts')));
      else if (!name.startsWith('node:')) packages.add(name);
    }
  };
  visit(join(ROOT, entry));
  return { packages, modules: new Set([...seen].map((file) => relative(ROOT, file))) };
}

describe('the modules imported before generation starts', () => {
  it.each(['generator/cli.ts', 'generator/model-worker.ts'])('%s imports only js-yaml up front', (entry) => {
    expect([...startupPackages(entry)].sort()).toEqual(['js-yaml']);
  });
});

// `sdkgen generate` (not --watch) models and emits in the worker (generator/generate-parallel.ts):
// its main thread gets the files and a summary, so it loads neither the emitters with their
// printer (ts-morph, TypeScript: ~0.76 s of CPU) nor the model.
describe('the modules the CLI main thread loads for sdkgen generate', () => {
  const { packages, modules } = staticImports('generator/cli/generate-command.ts');

  it('are no printer nor compiler', () => {
    expect([...packages].filter((name) => /ts-morph|typescript|code-block-writer/.test(name))).toEqual([]);
  });

  it('are no emitter and no model builder', () => {
    expect(modules).not.toContain('generator/emit/emit-package.ts');
    expect(modules).not.toContain('generator/emit/print-module.ts');
    expect(modules).not.toContain('generator/generate.ts');
    expect(modules).not.toContain('generator/model/build-model.ts');
  });
});
