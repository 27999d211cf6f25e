import { ts } from 'ts-morph';
import { type Compiled, compileFailure } from '../../generator/emit/compile/compiled.js';
import type { OutputFile } from '../../generator/emit/output-file.js';

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  declaration: true,
  isolatedDeclarations: true,
  verbatimModuleSyntax: true,
  strict: true,
  // The sources were type-checked by their emitters' tests and satisfy isolatedDeclarations:
  // emitting needs no checker, no module resolution, and of the standard library only the
  // well-known symbols (see WELL_KNOWN_SYMBOLS).
  noCheck: true,
  noResolve: true,
  types: [],
  rootDir: '/src',
  outDir: '/dist',
  newLine: ts.NewLineKind.LineFeed,
};

/**
 * The one part of the standard library declaration emit needs: without it, a member named
 * `[Symbol.asyncIterator]` is not known to be a well-known symbol, and the emitter adds a
 * bogus `[x: number]` index signature to the class beside it.
 */
const LIB_FILE = '/lib.d.ts';
const WELL_KNOWN_SYMBOLS =
  'interface SymbolConstructor { readonly iterator: unique symbol; readonly asyncIterator: unique symbol; }\ndeclare var Symbol: SymbolConstructor;\n';

/**
 * TypeScript's own emit, all modules in one program with no checker: the reference that
 * sdkgen's compiler (oxc) is tested against.
 */
export function compileWithTypeScript(files: readonly OutputFile[]): Map<OutputFile, Compiled> {
  const result = new Map<OutputFile, Compiled>();
  if (files.length === 0) return result;
  const byPath = new Map(files.map((f) => [`/${f.path}`, f]));
  const written = new Map<string, string>();
  const host: ts.CompilerHost = {
    getSourceFile: (name, languageVersion) => {
      if (name === LIB_FILE)
        return ts.createSourceFile(name, WELL_KNOWN_SYMBOLS, languageVersion, false, ts.ScriptKind.TS);
      const file = byPath.get(name);
      return file === undefined
        ? undefined
        : ts.createSourceFile(name, file.contents, languageVersion, false, ts.ScriptKind.TS);
    },
    getDefaultLibFileName: () => LIB_FILE,
    writeFile: (name, text) => written.set(name, text),
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => name === LIB_FILE || byPath.has(name),
    readFile: (name) => byPath.get(name)?.contents,
  };
  const program = ts.createProgram([...byPath.keys()], COMPILER_OPTIONS, host);
  const emit = program.emit();
  const problems = emit.diagnostics.map(
    (d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
  );
  for (const [name, file] of byPath) {
    const base = name.replace(/^\/src\//, '/dist/').replace(/\.ts$/, '');
    const js = written.get(`${base}.js`);
    const dts = written.get(`${base}.d.ts`);
    if (js === undefined || dts === undefined) problems.push(`${file.path}: nothing was emitted`);
    else result.set(file, { js, dts });
  }
  if (problems.length > 0) throw compileFailure(problems);
  return result;
}
