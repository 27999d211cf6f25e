import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { JSONPositions } from './json-positions.js';
import { JSONSyntaxError, readJSONWithOffsets } from './json-reader.js';
import { countKeys } from './json-scan.js';
import { offsetLocator } from './line-index.js';
import { type NodeOffsets, type SpecFile, specFile } from './spec-file.js';

/**
 * Reads a JSON spec at `JSON.parse`'s speed (Microsoft Graph's 20 MB in a few hundred
 * milliseconds), finding positions only when a diagnostic asks for one (json-positions.ts).
 * What `JSON.parse` cannot say is left to the position-keeping reader (json-reader.ts): where
 * a syntax error is, and which key is a duplicate (a scan counting the text's keys finds
 * that there is one). Returns `undefined` when the text is not strict JSON, so YAML can have it.
 */
export function parseJSONSpecFile(
  absolutePath: string,
  displayPath: string,
  text: string,
):
  | { file: SpecFile; diagnostics: Diagnostic[] }
  | { file: undefined; error: { message: string; location: SourceLocation } } {
  // A BOM is whitespace to the reader, and keeps every offset where it is.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const toLocation = offsetLocator(text, displayPath);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return readWithOffsets({ absolutePath, displayPath }, text, toLocation);
  }
  const positions = new JSONPositions(source, value);
  if (positions.keyCount !== countKeys(source)) return readWithOffsets({ absolutePath, displayPath }, text, toLocation);
  const file: SpecFile = {
    absolutePath,
    displayPath,
    text,
    value,
    owns: (container) => positions.owns(container),
    // A key is in the text as itself in quotes, or with a `\u` escape in it.
    mayHaveKey: (key) => text.includes(JSON.stringify(key)) || text.includes('\\u'),
    locate(container, key, part = 'key') {
      const start = positions.startOf(container);
      if (start === undefined) return toLocation(0);
      if (key === undefined) return toLocation(start);
      const entry = positions.entriesOf(container).get(String(key));
      return toLocation(entry === undefined ? start : part === 'key' ? entry.key : entry.value);
    },
  };
  return { file, diagnostics: [] };
}

/** The slow path: a syntax error's place, or each duplicate key's. */
function readWithOffsets(
  paths: { readonly absolutePath: string; readonly displayPath: string },
  text: string,
  toLocation: (offset: number) => SourceLocation,
): ReturnType<typeof parseJSONSpecFile> {
  const offsets = new WeakMap<object, NodeOffsets>();
  const diagnostics: Diagnostic[] = [];
  let value: unknown;
  try {
    value = readJSONWithOffsets(text, offsets, (offset, key) =>
      diagnostics.push({
        code: 'json-duplicate-key',
        severity: 'error',
        message: `Duplicate key ${JSON.stringify(key)}.`,
        location: toLocation(offset),
      }),
    );
  } catch (error) {
    if (!(error instanceof JSONSyntaxError)) throw error;
    return { file: undefined, error: { message: error.message, location: toLocation(error.offset) } };
  }
  return { file: specFile(paths, text, diagnostics.length > 0 ? undefined : value, offsets, toLocation), diagnostics };
}
