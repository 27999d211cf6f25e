import type { OutputFile } from '../emit/output-file.js';
import {
  compressEntry,
  joinEntries,
  keepsPristine,
  laterOpening,
  type MadeEntry,
  PRISTINE,
  pathOrder,
} from './pristine.js';

/**
 * The pristine copy's entries of a batch of sources, compressed before the whole output is
 * known: the CLI's main thread makes them while the model worker emits the next batches
 * (generate-parallel.ts), so that `pristineFile` has only the first entry (opening with the
 * brace) and the API report (made of the compiled declarations) left to compress. Each is made
 * as a later entry (its opening a comma), with the bytes `pristineFile` would give it: one gzip
 * member per piece, same level and OS byte.
 */
export function compressEntriesAhead(sources: readonly OutputFile[], into: Map<string, MadeEntry>): void {
  for (const file of sources) {
    if (!keepsPristine(file.path)) continue;
    // Without its pieces' texts, which only `--watch` reuses, and it compresses nothing ahead.
    const { opening, text, members } = compressEntry(laterOpening(file.path), file.contents);
    into.set(file.path, { opening, text, members });
  }
}

/**
 * The pristine copy made batch by batch without keeping the sources' texts, for a run whose files
 * are written ahead into a new folder (nothing there to merge): each entry is compressed as a
 * later one, and its text dropped. Only the entry with the smallest path so far keeps its text:
 * the first entry opens with the brace, so it is compressed again at the end, should it be first.
 * The same bytes as `pristineFile` of the whole output.
 */
export class PristineAhead {
  /** Each source's members, as a later entry, by path. */
  readonly #members = new Map<string, readonly Buffer[]>();
  #first: OutputFile | undefined;

  /** Compresses the entries of a batch of the output's files (those that have one). */
  add(files: readonly OutputFile[]): void {
    for (const file of files) {
      if (!keepsPristine(file.path)) continue;
      this.#members.set(file.path, compressEntry(laterOpening(file.path), file.contents).members);
      // A path added again (the API report made early, then at the end) keeps its latest text.
      if (this.#first === undefined || file.path <= this.#first.path) this.#first = file;
    }
  }

  /** The pristine file of the files added and of `rest` (made at the end), compressed now. */
  file(rest: readonly OutputFile[] = []): OutputFile {
    const texts = new Map<string, string>();
    for (const file of [...(this.#first === undefined ? [] : [this.#first]), ...rest])
      if (keepsPristine(file.path)) texts.set(file.path, file.contents);
    const paths = [...new Set([...this.#members.keys(), ...texts.keys()])].sort(pathOrder);
    const contents = joinEntries(paths, (i, opening) => {
      const path = paths[i] as string;
      const text = texts.get(path);
      if (text !== undefined) return compressEntry(opening, text).members;
      const members = this.#members.get(path);
      // Only the smallest path opens with the brace, and its text is kept.
      if (members === undefined || opening !== laterOpening(path))
        throw new Error(`the pristine entry of ${path} was not made ahead as its place needs`);
      return members;
    });
    return { path: PRISTINE, contents };
  }
}
