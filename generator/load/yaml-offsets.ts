import type { NodeOffsets, OffsetTable } from './spec-file.js';

/** Up to how many entries `offsetOf` searches a collection's entries rather than expanding them. */
const SEARCHED_IN_PLACE = 32;

/**
 * The offsets of a YAML file's collections, recorded as the reader goes in a few flat arrays
 * for the whole file (a collection's start; per entry its collection, key, key offset and
 * value offset). A location is found in them (`startOf`, `offsetOf`); `NodeOffsets`, a `Map`
 * and an object per entry, is made only for a collection `--watch` or a large collection's
 * locations ask about. A `Map` and an object per entry of every collection, in a `WeakMap`,
 * made the reader slower and kept more for the garbage collector to walk (bench/profile.md).
 */
export class YamlOffsets implements OffsetTable {
  /** The collections in the order read; a collection's number is its index here and in `#starts`. */
  readonly #containers: object[] = [];
  readonly #starts: number[] = [];
  /**
   * Per entry, in the order read (so a collection's entries stay in order): its collection, key
   * offset, value offset; the first `3 * #count` numbers of a typed array grown by doubling
   * (pushing three numbers at a time to an array was a tenth of the scanner's time).
   */
  #entries = new Int32Array(3 * 1024);
  #count = 0;
  /** Per entry, a mapping entry's key; '' for a list item, whose key is its place among its list's items. */
  readonly #keys: string[] = [];
  /** Made at the first question: each collection's number. */
  #ids: Map<object, number> | undefined;
  /** Made at the first question, when everything is recorded: collection → its entries' indexes. */
  #index: { readonly first: Int32Array; readonly entries: Int32Array } | undefined;
  readonly #expanded = new WeakMap<object, NodeOffsets>();

  /** Records a collection that starts at `start`; its entries follow with its number. */
  open(container: object, start: number): number {
    this.#containers.push(container);
    return this.#starts.push(start) - 1;
  }

  /** Records an entry of collection `id`: `key` of a mapping ('' for a list item). */
  entry(id: number, key: string, keyOffset: number, valueOffset: number): void {
    let at = 3 * this.#count;
    if (at + 3 > this.#entries.length) {
      const grown = new Int32Array(2 * this.#entries.length);
      grown.set(this.#entries);
      this.#entries = grown;
    }
    const entries = this.#entries;
    entries[at++] = id;
    entries[at++] = keyOffset;
    entries[at] = valueOffset;
    this.#count++;
    this.#keys.push(key);
  }

  /**
   * Moves every recorded offset by `move` (all of them read, none asked about yet): the scanner
   * reads a CRLF text with LF line breaks, then moves its offsets back into the text as given.
   */
  moveOffsets(move: (offset: number) => number): void {
    const starts = this.#starts;
    for (let id = 0; id < starts.length; id++) starts[id] = move(starts[id] as number);
    const entries = this.#entries;
    for (let at = 3 * this.#count - 3; at >= 0; at -= 3) {
      entries[at + 1] = move(entries[at + 1] as number);
      entries[at + 2] = move(entries[at + 2] as number);
    }
  }

  /** Whether a mapping's entry has `key`. */
  hasKey(key: string): boolean {
    return this.#keys.includes(key);
  }

  has(container: object): boolean {
    return this.#idOf(container) !== undefined;
  }

  get(container: object): NodeOffsets | undefined {
    const known = this.#expanded.get(container);
    if (known !== undefined) return known;
    const id = this.#idOf(container);
    if (id === undefined) return undefined;
    const list = Array.isArray(container);
    const entries = new Map<string, { key: number; value: number }>();
    for (const entry of this.#entriesOf(id)) {
      const key = list ? String(entries.size) : (this.#keys[entry] as string);
      entries.set(key, { key: this.#entries[3 * entry + 1] as number, value: this.#entries[3 * entry + 2] as number });
    }
    const node = { start: this.#starts[id] as number, entries };
    this.#expanded.set(container, node);
    return node;
  }

  /** Where `container` starts, if it is one of this file's. */
  startOf(container: object): number | undefined {
    const id = this.#idOf(container);
    return id === undefined ? undefined : this.#starts[id];
  }

  /**
   * Where entry `key` of `container` (its key, or its value) is, if it has one. A small
   * collection is searched in place, as most that diagnostics point into are; a larger one is
   * expanded once, so that asking about each of its entries stays linear.
   */
  offsetOf(container: object, key: string, part: 'key' | 'value'): number | undefined {
    const id = this.#idOf(container);
    if (id === undefined) return undefined;
    const entries = this.#entriesOf(id);
    if (entries.length > SEARCHED_IN_PLACE) {
      const entry = this.get(container)?.entries.get(key);
      return entry === undefined ? undefined : part === 'key' ? entry.key : entry.value;
    }
    const list = Array.isArray(container);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as number;
      if (list ? String(i) === key : this.#keys[entry] === key)
        return this.#entries[3 * entry + (part === 'key' ? 1 : 2)] as number;
    }
    return undefined;
  }

  /** The entries of collection `id`, in their order. */
  #entriesOf(id: number): Int32Array {
    this.#index ??= indexByOwner(this.#entries, this.#count, this.#starts.length);
    return this.#index.entries.subarray(this.#index.first[id], this.#index.first[id + 1]);
  }

  #idOf(container: object): number | undefined {
    if (this.#ids === undefined) {
      this.#ids = new Map();
      for (let id = 0; id < this.#containers.length; id++) this.#ids.set(this.#containers[id] as object, id);
    }
    return this.#ids.get(container);
  }
}

/**
 * The `count` entries (`recorded`: three numbers each, the first its collection) grouped by collection,
 * by a stable counting sort: collection `c`'s are `entries[first[c]..first[c + 1])`, in order.
 */
function indexByOwner(
  recorded: Int32Array,
  count: number,
  collections: number,
): { readonly first: Int32Array; readonly entries: Int32Array } {
  const first = new Int32Array(collections + 1);
  for (let entry = 0; entry < count; entry++) {
    const owner = recorded[3 * entry] as number;
    first[owner + 1] = (first[owner + 1] as number) + 1;
  }
  for (let c = 0; c < collections; c++) first[c + 1] = (first[c + 1] as number) + (first[c] as number);
  const next = first.slice(0, collections);
  const entries = new Int32Array(count);
  for (let entry = 0; entry < count; entry++) {
    const owner = recorded[3 * entry] as number;
    entries[next[owner] as number] = entry;
    next[owner] = (next[owner] as number) + 1;
  }
  return { first, entries };
}
