import { ts } from 'ts-morph';
import type { OutputFile } from './output-file.js';

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  declaration: true,
  isolatedDeclarations: true,
  verbatimModuleSyntax: true,
  strict: true,
};

/**
 * `dist/`: JavaScript and declarations for every `src/` module, so plain Node can import
 * the package right after generation. Each file is transpiled on its own: the generated
 * code and the runtime are written to satisfy `isolatedDeclarations`, which makes this as
 * fast as stripping types while still yielding exact `.d.ts` files.
 */
export function compileDist(files: readonly OutputFile[]): OutputFile[] {
  const out: OutputFile[] = [];
  const problems: string[] = [];
  for (const file of files) {
    if (!file.path.startsWith('src/') || !file.path.endsWith('.ts')) continue;
    const target = `dist/${file.path.slice('src/'.length, -'.ts'.length)}`;
    const js = ts.transpileModule(file.contents, { fileName: file.path, compilerOptions: COMPILER_OPTIONS, reportDiagnostics: false });
    const dts = ts.transpileDeclaration(file.contents, { fileName: file.path, compilerOptions: COMPILER_OPTIONS, reportDiagnostics: true });
    for (const diagnostic of dts.diagnostics ?? []) {
      problems.push(`${file.path}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
    }
    out.push({ path: `${target}.js`, contents: js.outputText }, { path: `${target}.d.ts`, contents: dts.outputText });
  }
  if (problems.length > 0) {
    // The emitters promise isolated-declaration-safe code; anything else is a generator bug.
    throw new Error(`sdkgen emitted code that cannot be compiled file by file:\n${problems.join('\n')}`);
  }
  return out;
}
