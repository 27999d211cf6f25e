// Reading the raw (bundled) document of the openapi-typescript format: plain JSON values.

import type { TypesOptions } from './options.js';
import { isRecord, type RawSchema, entriesOf as recordEntries } from './schema-context.js';

export type RawObject = RawSchema;
export const isRawObject = isRecord;

export function isRef(value: unknown): value is RawObject & { readonly $ref: string } {
  return isRecord(value) && typeof value['$ref'] === 'string';
}

/**
 * The entries of a map (none when it is not one) in the order 7.13 prints them: as written or
 * sorted (`--alphabetize`), without deprecated ones (`--exclude-deprecated`).
 */
export function entriesOf(map: unknown, options: TypesOptions = {}): [string, unknown][] {
  return isRecord(map) ? recordEntries(map, options) : [];
}
