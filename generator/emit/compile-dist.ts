import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from 'ts-morph';
import type { OutputFile } from './output-file.js';

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
const WELL_KNOWN_SYMBOLS = 'interface SymbolConstructor { readonly iterator: unique symbol; readonly asyncIterator: unique symbol; }\ndeclare var Symbol: SymbolConstructor;\n';

export interface CompileOptions {
  /** Where compiled modules are kept by content hash; `undefined` to compile everything. */
  readonly cacheDir?: string | undefined;
}

/**
 * `dist/`: JavaScript and declarations for every `src/` module, so plain Node can import the
 * package right after generation. A type-only module needs no compiler (its declarations are
 * its text); the others are compiled together in one program, and each result is kept by
 * content hash, so a module that did not change is never compiled again.
 */
export function compileDist(files: readonly OutputFile[], options: CompileOptions = {}): OutputFile[] {
  const out: OutputFile[] = [];
  const misses = new Map<OutputFile, string>();
  for (const file of files) {
    if (!file.path.startsWith('src/') || !file.path.endsWith('.ts')) continue;
    if (file.typesOnly === true) {
      out.push(...distPair(file, { js: `${firstLineComment(file.contents)}export {};\n`, dts: file.contents }));
      continue;
    }
    const key = cacheKey(file.contents);
    const cached = readCache(options.cacheDir, key);
    if (cached === undefined) misses.set(file, key);
    else out.push(...distPair(file, cached));
  }
  for (const [file, compiled] of compileTogether([...misses.keys()])) {
    writeCache(options.cacheDir, misses.get(file) as string, compiled);
    out.push(...distPair(file, compiled));
  }
  return out;
}

interface Compiled {
  readonly js: string;
  readonly dts: string;
}

/** `src/a/b.ts` → `dist/a/b.js` and `dist/a/b.d.ts`. */
function distPair(file: OutputFile, compiled: Compiled): OutputFile[] {
  const base = `dist/${file.path.slice('src/'.length, -'.ts'.length)}`;
  return [
    { path: `${base}.js`, contents: compiled.js },
    { path: `${base}.d.ts`, contents: compiled.dts },
  ];
}

function compileTogether(files: readonly OutputFile[]): Map<OutputFile, Compiled> {
  const result = new Map<OutputFile, Compiled>();
  if (files.length === 0) return result;
  const byPath = new Map(files.map((f) => [`/${f.path}`, f]));
  const written = new Map<string, string>();
  const host: ts.CompilerHost = {
    getSourceFile: (name, languageVersion) => {
      if (name === LIB_FILE) return ts.createSourceFile(name, WELL_KNOWN_SYMBOLS, languageVersion, false, ts.ScriptKind.TS);
      const file = byPath.get(name);
      return file === undefined ? undefined : ts.createSourceFile(name, file.contents, languageVersion, false, ts.ScriptKind.TS);
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
  const problems = emit.diagnostics.map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  for (const [name, file] of byPath) {
    const base = name.replace(/^\/src\//, '/dist/').replace(/\.ts$/, '');
    const js = written.get(`${base}.js`);
    const dts = written.get(`${base}.d.ts`);
    if (js === undefined || dts === undefined) problems.push(`${file.path}: nothing was emitted`);
    else result.set(file, { js, dts });
  }
  if (problems.length > 0) {
    // The emitters promise isolated-declaration-safe code; anything else is a generator bug.
    throw new Error(`sdkgen emitted code that cannot be compiled file by file:\n${problems.join('\n')}`);
  }
  return result;
}

function firstLineComment(text: string): string {
  const first = text.slice(0, text.indexOf('\n') + 1);
  return first.startsWith('//') ? first : '';
}

function cacheKey(contents: string): string {
  return createHash('sha256').update(ts.version).update(JSON.stringify(COMPILER_OPTIONS)).update(WELL_KNOWN_SYMBOLS).update(contents).digest('hex');
}

function readCache(dir: string | undefined, key: string): Compiled | undefined {
  if (dir === undefined) return undefined;
  try {
    return JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as Compiled;
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written only costs time. Written whole, then renamed. */
function writeCache(dir: string | undefined, key: string, compiled: Compiled): void {
  if (dir === undefined) return;
  try {
    mkdirSync(dir, { recursive: true });
    const target = join(dir, `${key}.json`);
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(compiled));
    renameSync(temp, target);
  } catch {
    // Read-only or full disk: carry on without the cache.
  }
}
