import type { OutputFile } from '../emit/output-file.js';
import { compressEntry, keepsPristine, laterOpening, type MadeEntry } from './pristine.js';

/**
 * The pristine copy's entries of a batch of sources, compressed before the whole output is
 * known: the CLI's main thread makes them while the model worker emits the next batches
 * (generate-parallel.ts), so that `pristineFile` has only the first entry (opening with the
 * brace) and the API report (made of the compiled declarations) left to compress. Each is made
 * as a later entry (its opening a comma), with the bytes `pristineFile` would give it: one gzip
 * member per piece, same level and OS byte.
 */
export function compressEntriesAhead(sources: readonly OutputFile[], into: Map<string, MadeEntry>): void {
  for (const file of sources)
    if (keepsPristine(file.path)) into.set(file.path, compressEntry(laterOpening(file.path), file.contents));
}
