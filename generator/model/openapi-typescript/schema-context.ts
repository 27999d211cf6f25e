// What turning one Schema Object into a TsType needs from the document around it.

import type { TypesOptions } from './options.js';
import type { Discriminators } from './schema-discriminators.js';
import type { TsDeclaration, TsType } from './ts-type.js';

export interface SchemaContext {
  readonly options: TypesOptions;
  /**
   * Where the schema is, as 7.13's `path`: a JSON pointer (`#/components/schemas/Pet`) that names
   * a property as `…/Pet/name` (no `properties` segment) and a union member as `…/oneOf/0`. It names
   * `--enum` declarations, decides which schemas a discriminator patches, and locates errors.
   */
  readonly pointer: string;
  /** Enums, helpers and consts the types need at the end of the file: pushed here, in order. */
  readonly declarations: TsDeclaration[];
  /** The raw target of a `$ref` (following `$ref` chains), or undefined. */
  resolve(ref: string): unknown;
  /** How a `$ref` prints (`components["schemas"]["Pet"]`): the document builder knows. */
  refType(ref: string): TsType;
  /** The document's discriminators (scanDiscriminators); none when absent. */
  readonly discriminators?: Discriminators | undefined;
}

/** A raw Schema Object, read key by key. */
export type RawSchema = Readonly<Record<string, unknown>>;

/** schemaType itself, handed to the files it is split into (they cannot import it: no cycles). */
export type SchemaTransform = (schema: unknown, ctx: SchemaContext, fromAdditionalProperties?: boolean) => TsType;

/** A Schema Object that is not one: an array, a string, a number where a schema belongs. */
export class SchemaShapeError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(`${pointer}: ${message}`);
    this.name = 'SchemaShapeError';
  }
}

const escapeSegment = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** The context one level down: `…/name`, as 7.13's createRef([path, name]). */
export function below(ctx: SchemaContext, ...segments: readonly string[]): SchemaContext {
  return { ...ctx, pointer: `${ctx.pointer}${segments.map((s) => `/${escapeSegment(s)}`).join('')}` };
}

export const isRecord = (value: unknown): value is RawSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Object.entries, sorted as 7.13's getEntries sorts under `alphabetize`, without deprecated ones under `excludeDeprecated`. */
export function entriesOf<T>(object: Readonly<Record<string, T>>, options: TypesOptions): [string, T][] {
  let entries = Object.entries(object);
  if (options.alphabetize === true) entries.sort(([a], [b]) => a.localeCompare(b, 'en-us', { numeric: true }));
  if (options.excludeDeprecated === true) entries = entries.filter(([, v]) => !(isRecord(v) && v['deprecated']));
  return entries;
}
