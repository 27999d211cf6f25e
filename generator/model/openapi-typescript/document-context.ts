// What every part of the types document builder shares: the options, the bundled document,
// the declarations collected on the way (enums, helpers, the `operations` interface's members).

import type { TypesFileOptions } from './options.js';
import { pointerSegments } from './pointer.js';
import { isRawObject, isRef, type RawObject } from './raw.js';
import { refType } from './ref-type.js';
import { scanDiscriminators } from './schema-discriminators.js';
import { type SchemaContext, schemaType } from './schema-type.js';
import type { TsDeclaration, TsMember, TsType } from './ts-type.js';

export interface DocumentContext {
  readonly options: TypesFileOptions;
  readonly document: RawObject;
  /** Declarations printed after the roots, in the order they were met (enums, helpers, consts). */
  readonly declarations: TsDeclaration[];
  /** The `operations` interface's members, in the order their operations were met. */
  readonly operations: TsMember[];
  /** How many declarations were already there when the first operation was: where `operations` prints. */
  operationsAt: number | undefined;
  /** The raw node a local `$ref` names, following `$ref` chains; `undefined` when it names nothing. */
  resolve(ref: string): unknown;
  /** The type of a Schema Object (or `{ $ref }`) found at `pointer`. */
  schema(schema: unknown, pointer: string): TsType;
}

/** `resolve`: how `$ref`s resolve, when not in `document` (a fragment read alone, as in tests). */
export function documentContext(
  document: RawObject,
  options: TypesFileOptions,
  resolve: (ref: string) => unknown = (ref) => resolveLocal(document, ref),
): DocumentContext {
  const discriminators = scanDiscriminators(document, resolve);
  const context: DocumentContext = {
    options,
    document,
    declarations: [],
    operations: [],
    operationsAt: undefined,
    resolve,
    schema(schema, pointer) {
      const schemaContext: SchemaContext = {
        options,
        pointer,
        declarations: context.declarations,
        resolve,
        refType: (ref) => refType(ref),
        discriminators,
      };
      return schemaType(schema, schemaContext);
    },
  };
  return context;
}

/** As 7.13 resolves: each step must be a truthy value, and a `$ref` found there is followed (not in a circle). */
function resolveLocal(document: RawObject, ref: string): unknown {
  const visited = new Set<string>();
  let current = ref;
  for (;;) {
    const segments = pointerSegments(current);
    if (segments.length === 0) return undefined;
    let node: unknown = document;
    for (const segment of segments) {
      if (!isRawObject(node) && !Array.isArray(node)) return undefined;
      const next: unknown = (node as Record<string, unknown>)[segment];
      if (!next) return undefined;
      node = next;
    }
    if (!isRef(node)) return node;
    if (visited.has(node.$ref)) return undefined;
    visited.add(node.$ref);
    current = node.$ref;
  }
}
