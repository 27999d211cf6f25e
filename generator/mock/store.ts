import { isIdName } from '../model/collections.js';
import { fakeValue, type SchemaLookup } from './fake-data.js';
import type { UploadedFile } from './read-request.js';
import type { Collection } from './routes.js';

export type Item = Record<string, unknown>;

interface List {
  readonly items: Item[];
  /** Items ever made here, so a new item's id is never one a deleted item had. */
  made: number;
}

/**
 * The mock's state: for each concrete list path (`/projects/proj_abc/groups`), its items,
 * made up on first use from the item schema and the spec's examples, the same on every run.
 * Creating, changing and deleting items changes what later calls see.
 */
export class MockStore {
  readonly #lists = new Map<string, List>();
  readonly #files = new Map<string, UploadedFile>();
  readonly #lookup: SchemaLookup;
  readonly #size: number;

  /** `size`: how many items each list starts with. */
  constructor(lookup: SchemaLookup, size: number) {
    this.#lookup = lookup;
    this.#size = size;
  }

  /** The list's items, in order; the array itself, so changes stick. */
  items(collection: Collection, path: string, known: Readonly<Record<string, unknown>>): Item[] {
    return this.#list(collection, path, known).items;
  }

  find(collection: Collection, path: string, known: Readonly<Record<string, unknown>>, id: string): Item | undefined {
    const field = collection.idField;
    return field === undefined
      ? undefined
      : this.items(collection, path, known).find((item) => String(item[field]) === id);
  }

  /** A new item: made like the others (a fresh id), then shaped by `shape` (what the request sets). */
  create(
    collection: Collection,
    path: string,
    known: Readonly<Record<string, unknown>>,
    shape: (made: Item) => Item,
  ): Item {
    const list = this.#list(collection, path, known);
    const item = shape(this.#make(collection, path, known, list.made++));
    list.items.push(item);
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
    const items = this.items(collection, path, known);
    items.splice(items.indexOf(item), 1);
    if (collection.idField !== undefined) this.#files.delete(`${path}/${String(item[collection.idField])}`);
  }

  #list(collection: Collection, path: string, known: Readonly<Record<string, unknown>>): List {
    let list = this.#lists.get(path);
    if (list === undefined) {
      const items = Array.from({ length: this.#size }, (_, index) => this.#make(collection, path, known, index));
      list = { items, made: items.length };
      this.#lists.set(path, list);
    }
    return list;
  }

  #make(collection: Collection, path: string, known: Readonly<Record<string, unknown>>, index: number): Item {
    const value = fakeValue(collection.itemType, {
      lookup: this.#lookup,
      seed: `${path}#${index}`,
      index,
      known,
      idPrefix: collection.idPrefix,
    });
    const item: Item =
      typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Item) : { value };
    // An id the schema does not make unique by its name (`name`, `slug`) is made unique here.
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
