import { printStructure, type SourceFileStructure, StructureKind } from 'ts-morph';
import type { OutputFile } from './output-file.js';
import { installWriterFastPath } from './writer-fast-path.js';

// Same text, less bookkeeping per character and per writer (writer-fast-path.ts).
installWriterFastPath();

/** How every module is printed: two spaces, single quotes, LF. */
const STYLE = { indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' } as const;

/**
 * One output module, printed from its ts-morph structure by ts-morph's own structure printer.
 * Nothing is parsed: the text is all the generator needs, and parsing every module cost
 * ~0.3 s on a big spec (see the README's speed notes); `dist/` parses what it compiles.
 */
export function printModule(
  path: string,
  statements: NonNullable<SourceFileStructure['statements']>,
  extra: Pick<OutputFile, 'typesOnly'> = {},
): OutputFile {
  return { path, contents: printStructure({ kind: StructureKind.SourceFile, statements }, STYLE), ...extra };
}
