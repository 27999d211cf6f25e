import { isIdName } from '../model/collections.js';
import { fakeValue, type SchemaLookup } from './fake-data.js';
import type { UploadedFile } from './read-request.js';
import type { Collection } from './routes.js';

export type Item = Record<string, unknown>;

interface List {
  /** The collection's path template, so that a reloaded spec keeps the lists whose routes remain. */
  readonly template: string;
  readonly items: Item[];
  /** Items ever made here, so a new item's id is never one a deleted item had. */
  made: number;
}

/** How many items of lists nobody wrote to are kept made, to spare remaking them on every call (the last list read is kept whatever its size). */
const SEEDED_CACHE_ITEMS = 2000;

/**
 * The mock's state: for each concrete list path (`/projects/proj_abc/groups`), its items. A list
 * nobody wrote to is made from the item schema and the spec's examples when it is read, the same
 * on every run, and is not kept (a few of them are cached): memory grows with what is written,
 * never with the ids a client reads. A list below an item created here starts empty, as a new
 * parent's would; only the made-up parents have made-up children. Creating, changing and
 * deleting items changes what later calls see.
 */
export class MockStore {
  readonly #lists = new Map<string, List>();
  /** Lists read but never written, least recently used first, and how many items they hold. */
  readonly #seeded = new Map<string, List>();
  #seededItems = 0;
  /** The paths of the items created here (`/projects/proj_046`): what lies below them starts empty. */
  readonly #created = new Set<string>();
  readonly #files = new Map<string, UploadedFile>();
  #lookup: SchemaLookup;
  readonly #size: number;

  /** `size`: how many items each list starts with. */
  constructor(lookup: SchemaLookup, size: number) {
    this.#lookup = lookup;
    this.#size = size;
  }

  /** The list's items, in order, to read: do not change them (see `writable`). */
  items(collection: Collection, path: string, known: Readonly<Record<string, unknown>>): readonly Item[] {
    const kept = this.#lists.get(path);
    if (kept !== undefined) return kept.items;
    return this.#seededList(collection, path, known).items;
  }

  /** The list's items as an array kept from now on, so that changes to it and to its items stick. */
  writable(collection: Collection, path: string, known: Readonly<Record<string, unknown>>): Item[] {
    return this.#written(collection, path, known).items;
  }

  find(items: readonly Item[], collection: Collection, id: string): Item | undefined {
    const field = collection.idField;
    return field === undefined ? undefined : items.find((item) => String(item[field]) === id);
  }

  /** A new item: made like the others (a fresh id), then shaped by `shape` (what the request sets). */
  create(
    collection: Collection,
    path: string,
    known: Readonly<Record<string, unknown>>,
    shape: (made: Item) => Item,
  ): Item {
    const list = this.#written(collection, path, known);
    const item = shape(this.#make(collection, path, known, list.made++));
    list.items.push(item);
    if (collection.idField !== undefined) {
      const itemPath = `${path}/${String(item[collection.idField])}`;
      this.#created.add(itemPath);
      // A list read below it before it existed was made up; from now on it starts empty.
      for (const [seeded, list] of this.#seeded)
        if (seeded.startsWith(`${itemPath}/`)) this.#forgetSeeded(seeded, list);
    }
    return item;
  }

  /** Keeps the file uploaded with an item, by the item's path (`/files/file_046`), for its download. */
  keepFile(itemPath: string, file: UploadedFile): void {
    this.#files.set(itemPath, file);
  }

  fileOf(itemPath: string): UploadedFile | undefined {
    return this.#files.get(itemPath);
  }

  remove(collection: Collection, path: string, known: Readonly<Record<string, unknown>>, item: Item): void {
    const items = this.writable(collection, path, known);
    const at = items.indexOf(item);
    if (at >= 0) items.splice(at, 1);
    if (collection.idField !== undefined) this.#files.delete(`${path}/${String(item[collection.idField])}`);
  }

  /**
   * After the spec changed: keeps the lists (and files) of the collections still in it, and drops
   * the rest; lists nobody wrote to are made again from the new schemas. Returns how many items
   * were kept and dropped.
   */
  retain(templates: ReadonlySet<string>, lookup: SchemaLookup): { kept: number; dropped: number } {
    this.#lookup = lookup;
    this.#seeded.clear();
    this.#seededItems = 0;
    let kept = 0;
    let dropped = 0;
    for (const [path, list] of this.#lists) {
      if (templates.has(list.template)) {
        kept += list.items.length;
        continue;
      }
      dropped += list.items.length;
      this.#lists.delete(path);
      for (const file of this.#files.keys()) if (file.startsWith(`${path}/`)) this.#files.delete(file);
    }
    return { kept, dropped };
  }

  /** Every item written here, by list path: what a client can read back. */
  written(): ReadonlyMap<string, readonly Item[]> {
    return new Map([...this.#lists].map(([path, list]) => [path, list.items]));
  }

  #written(collection: Collection, path: string, known: Readonly<Record<string, unknown>>): List {
    let list = this.#lists.get(path);
    if (list === undefined) {
      list = this.#seededList(collection, path, known);
      this.#forgetSeeded(path, list);
      this.#lists.set(path, list);
    }
    return list;
  }

  #seededList(collection: Collection, path: string, known: Readonly<Record<string, unknown>>): List {
    const cached = this.#seeded.get(path);
    if (cached !== undefined) {
      // Most recently used last.
      this.#seeded.delete(path);
      this.#seeded.set(path, cached);
      return cached;
    }
    const size = this.#underCreated(path) ? 0 : this.#size;
    const items = Array.from({ length: size }, (_, index) => this.#make(collection, path, known, index));
    const list: List = { template: collection.template, items, made: items.length };
    this.#seeded.set(path, list);
    this.#seededItems += items.length;
    for (const [oldest, old] of this.#seeded) {
      if (this.#seededItems <= SEEDED_CACHE_ITEMS || oldest === path) break;
      this.#forgetSeeded(oldest, old);
    }
    return list;
  }

  #forgetSeeded(path: string, list: List): void {
    this.#seeded.delete(path);
    this.#seededItems -= list.items.length;
  }

  /** Whether `path` lies below an item created here (`/projects/proj_046/groups`). */
  #underCreated(path: string): boolean {
    for (let at = path.indexOf('/', 1); at > 0; at = path.indexOf('/', at + 1))
      if (this.#created.has(path.slice(0, at))) return true;
    return false;
  }

  #make(collection: Collection, path: string, known: Readonly<Record<string, unknown>>, index: number): Item {
    const value = fakeValue(collection.recordType, {
      lookup: this.#lookup,
      seed: `${path}#${index}`,
      index,
      known,
      idPrefix: collection.idPrefix,
    });
    const item: Item =
      typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Item) : { value };
    // An id the schema does not make unique by its name (`name`, `slug`, `gid`) is made unique here.
    if (collection.idField !== undefined && !isIdName(collection.idField))
      item[collection.idField] = `${collection.idPrefix}_${String(index + 1).padStart(3, '0')}`;
    // The first items have the ids the docs' examples call them by; another item that drew one gives it up.
    const { idField, exampleIds } = collection;
    if (idField !== undefined) {
      const id = exampleIds[index];
      if (id !== undefined && typeof item[idField] === typeof id) item[idField] = id;
      else if (exampleIds.includes(item[idField] as string | number))
        item[idField] = `${collection.idPrefix}_${String(index + 1).padStart(3, '0')}b`;
    }
    return item;
  }
}
