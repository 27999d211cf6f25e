import { type EntryOffsets, entriesAt, skipSpace } from './json-scan.js';

/**
 * Where the objects and arrays of a `JSON.parse`d text stand in it, found only when asked:
 * each container knows its parent (one walk at parse time, which must come before anything,
 * such as an overlay, changes the value), and a container's entries are found by scanning its
 * own span of the text, skipping its children's, the first time one of them is asked for.
 * Offsets then come up the parent chain, each step scanned once.
 */
export class JSONPositions {
  readonly #text: string;
  /** Each container of the text, to its parent (`null` for the root). */
  readonly #parents = new Map<object, object | null>();
  readonly #starts = new Map<object, number>();
  readonly #entries = new Map<object, Map<string, EntryOffsets>>();
  /** The keys of every object, counting each once: against the text's count, a duplicate check. */
  readonly keyCount: number;

  constructor(text: string, root: unknown) {
    this.#text = text;
    let keys = 0;
    const parents = this.#parents;
    const visit = (container: object): void => {
      if (Array.isArray(container)) {
        for (const item of container)
          if (item !== null && typeof item === 'object') {
            parents.set(item, container);
            visit(item);
          }
        return;
      }
      const record = container as Record<string, unknown>;
      for (const key in record) {
        keys++;
        const inner = record[key];
        if (inner !== null && typeof inner === 'object') {
          parents.set(inner, container);
          visit(inner);
        }
      }
    };
    if (root !== null && typeof root === 'object') {
      parents.set(root, null);
      visit(root);
    }
    this.keyCount = keys;
  }

  /** Whether `container` is an object or array of this text. */
  owns(container: object): boolean {
    return this.#parents.has(container);
  }

  /** The offset of `container`'s bracket, or `undefined` if it is not of this text. */
  startOf(container: object): number | undefined {
    const known = this.#starts.get(container);
    if (known !== undefined) return known;
    const parent = this.#parents.get(container);
    if (parent === undefined) return undefined;
    if (parent === null) {
      const start = skipSpace(this.#text, 0);
      this.#starts.set(container, start);
      return start;
    }
    // Scanning the parent places each of its children; one taken out of it since is placed at the parent.
    this.entriesOf(parent);
    return this.#starts.get(container) ?? this.startOf(parent);
  }

  /** The entries of `container` (of this text), memoized. */
  entriesOf(container: object): ReadonlyMap<string, EntryOffsets> {
    const known = this.#entries.get(container);
    if (known !== undefined) return known;
    const start = this.startOf(container);
    const entries = start === undefined ? new Map<string, EntryOffsets>() : entriesAt(this.#text, start);
    this.#entries.set(container, entries);
    const record = container as Record<string, unknown>;
    for (const [key, { value }] of entries) {
      const child = record[key];
      if (child !== null && typeof child === 'object' && this.#parents.get(child) === container)
        this.#starts.set(child, value);
    }
    return entries;
  }
}
