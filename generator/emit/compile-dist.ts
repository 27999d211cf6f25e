import type { Compiled, ModuleCompiler } from './compile/compiled.js';
import { compileWithOxc } from './compile/oxc-compiler.js';
import type { OutputFile } from './output-file.js';

/**
 * `dist/`: JavaScript and declarations for every `src/` module, so plain Node can import the
 * package right after generation. A type-only module needs no compiler (its declarations are
 * its text). The others satisfy `isolatedDeclarations`, so each compiles on its own: oxc does
 * openai.yaml's client in ~0.05 s, where TypeScript's emitter took 0.7 s in a fresh process
 * (README, speed notes). TypeScript's emit gives the same syntax trees
 * (test/emit/compile-dist.test.ts); `compile` is there for that test.
 */
export function compileDist(files: readonly OutputFile[], compile: ModuleCompiler = compileWithOxc): OutputFile[] {
  const out: OutputFile[] = [];
  const toCompile: OutputFile[] = [];
  for (const file of files) {
    if (!file.path.startsWith('src/') || !file.path.endsWith('.ts')) continue;
    if (file.typesOnly === true)
      out.push(...distPair(file, { js: `${firstLineComment(file.contents)}export {};\n`, dts: file.contents }));
    else toCompile.push(file);
  }
  for (const [file, compiled] of compile(toCompile)) out.push(...distPair(file, compiled));
  return out;
}

/** `src/a/b.ts` → `dist/a/b.js` and `dist/a/b.d.ts`. */
function distPair(file: OutputFile, compiled: Compiled): OutputFile[] {
  const base = `dist/${file.path.slice('src/'.length, -'.ts'.length)}`;
  return [
    { path: `${base}.js`, contents: compiled.js },
    { path: `${base}.d.ts`, contents: compiled.dts },
  ];
}

/** The banner line, so the empty JavaScript of a types-only module still says what made it. */
function firstLineComment(text: string): string {
  const first = text.slice(0, text.indexOf('\n') + 1);
  return first.startsWith('//') ? first : '';
}
