// The raw spec as the schema code reads it: plain JSON objects, and JSON pointers into them.

/** A raw Schema Object, read key by key. */
export type RawSchema = Readonly<Record<string, unknown>>;

export const isRecord = (value: unknown): value is RawSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON pointer segment, escaped (RFC 6901). */
export const escapeSegment = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');
