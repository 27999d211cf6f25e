import type { OutputFile } from '../output-file.js';

/** One module's JavaScript and declarations. */
export interface Compiled {
  readonly js: string;
  readonly dts: string;
}

/** Compiles modules that satisfy `isolatedDeclarations`; throws on anything it cannot compile (a generator bug). */
export type ModuleCompiler = (files: readonly OutputFile[]) => Map<OutputFile, Compiled>;

export function compileFailure(problems: readonly string[]): Error {
  // The emitters promise isolated-declaration-safe code; anything else is a generator bug.
  return new Error(`sdkgen emitted code that cannot be compiled file by file:\n${problems.join('\n')}`);
}
