import type { SourceFileStructure } from 'ts-morph';
import type { OutputFile } from './output-file.js';
import { printSourceFile } from './print/source-file.js';

/**
 * One output module, printed from its ts-morph structures by our own printer (print/), which
 * prints what ts-morph's `printStructure` printed, byte for byte, without loading ts-morph or
 * TypeScript. Nothing is parsed: the text is all the generator needs, and parsing every module
 * cost ~0.3 s on a big spec (see the README's speed notes); `dist/` parses what it compiles.
 */
export function printModule(
  path: string,
  statements: NonNullable<SourceFileStructure['statements']>,
  extra: Pick<OutputFile, 'typesOnly'> = {},
): OutputFile {
  return { path, contents: printSourceFile(statements), ...extra };
}
