import type { SourceLocation } from '../diagnostics.js';

/** Offsets of a mapping or list and of each of its entries, to point diagnostics at them. */
export interface NodeOffsets {
  readonly start: number;
  readonly entries: Map<string, { readonly key: number; readonly value: number }>;
}

/**
 * The offsets of a file's collections, by collection: a `WeakMap` (the JSON readers), or a
 * table that expands compact records when asked (the YAML reader, yaml-offsets.ts).
 */
export interface OffsetTable {
  get(container: object): NodeOffsets | undefined;
  has(container: object): boolean;
}

/** A parsed spec file: its plain value, and where each part of it stands in the text. */
export interface SpecFile {
  /** As shown to people: relative to the working directory, with `/`. */
  readonly displayPath: string;
  readonly absolutePath: string;
  readonly text: string;
  readonly value: unknown;
  /** Where `container` (an object or array of this file) is, or its entry `key`. */
  locate(container: object, key?: string | number, part?: 'key' | 'value'): SourceLocation;
  /** Whether `container` is an object or array read from this file. */
  owns(container: object): boolean;
  /**
   * `false` when no mapping read from the text has `key`, so that a walk looking for it need not
   * run (as read: an overlay or the key check may change the value since, see `LoadedSpec.tree`);
   * `true` when one may. Absent where the reader cannot tell.
   */
  mayHaveKey?(key: string): boolean;
  /**
   * The offsets the reader recorded, for `--watch` to patch one scalar of the file in place
   * (incremental/, YAML files only). A JSON file has none: it finds positions when asked (json-positions.ts).
   */
  readonly nodeOffsets?: OffsetTable | undefined;
}

/** A `SpecFile` over the offsets a reader (YAML or JSON) recorded, and its offset → line/column mapping. */
export function specFile(
  paths: { readonly absolutePath: string; readonly displayPath: string },
  text: string,
  value: unknown,
  offsets: OffsetTable,
  toLocation: (offset: number) => SourceLocation,
): SpecFile {
  return {
    ...paths,
    text,
    value,
    nodeOffsets: offsets,
    owns: (container) => offsets.has(container),
    locate(container, key, part = 'key') {
      const node = offsets.get(container);
      if (node === undefined) return toLocation(0);
      if (key === undefined) return toLocation(node.start);
      const entry = node.entries.get(String(key));
      return toLocation(entry === undefined ? node.start : part === 'key' ? entry.key : entry.value);
    },
  };
}
