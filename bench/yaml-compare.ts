import { isDeepStrictEqual } from 'node:util';
import type { OffsetTable } from '../generator/load/spec-file.js';

interface Reading {
  readonly value: unknown;
  readonly offsets: OffsetTable;
}

/**
 * The first difference between two readings of one YAML text (values with their key order and
 * prototypes, then each collection's start and entries' offsets, in the same order), or
 * `undefined` when they are the same. Shared by bench/yaml-scan-corpus.ts and the tests.
 */
export function sameReading(a: Reading, b: Reading): string | undefined {
  if (!isDeepStrictEqual(a.value, b.value)) return 'values differ';
  const seen = new Set<object>();
  const walk = (x: unknown, y: unknown, path: string): string | undefined => {
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null || seen.has(x)) return undefined;
    seen.add(x);
    if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return `${path}: prototypes differ`;
    const keys = Object.keys(x);
    if (!isDeepStrictEqual(keys, Object.keys(y))) return `${path}: key order differs`;
    const ox = a.offsets.get(x);
    const oy = b.offsets.get(y);
    if (ox === undefined || oy === undefined) return `${path}: no offsets`;
    if (ox.start !== oy.start) return `${path}: starts ${ox.start} and ${oy.start}`;
    const ex = JSON.stringify([...ox.entries]);
    const ey = JSON.stringify([...oy.entries]);
    if (ex !== ey) return `${path}: entries ${ex.slice(0, 300)} and ${ey.slice(0, 300)}`;
    for (const key of keys) {
      const found = walk((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key], `${path}/${key}`);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(a.value, b.value, '');
}
