// openapi-typescript 7.13 itself as the oracle: every component schema of a document printed by
// its transformSchemaObject (with its discriminator scan and $ref resolver, on a copy it may
// mutate) and by sdkgen's schemaType + printType (on the document as loaded, never mutated).
import {
  astToString,
  enumCache,
  type OpenAPI3,
  resolveRef,
  scanDiscriminators as theirScan,
  transformSchemaObject as theirTransform,
} from 'openapi-typescript';
import type ts from 'typescript';
import { printDeclaration, printType } from '../../../generator/emit/openapi-typescript/print-type.js';
import { parseRef, resolvePointer } from '../../../generator/load/refs.js';
import type { TypesOptions } from '../../../generator/model/openapi-typescript/options.js';
import type { SchemaContext } from '../../../generator/model/openapi-typescript/schema-context.js';
import { scanDiscriminators } from '../../../generator/model/openapi-typescript/schema-discriminators.js';
import { schemaType } from '../../../generator/model/openapi-typescript/schema-type.js';
import type { TsDeclaration } from '../../../generator/model/openapi-typescript/ts-type.js';
import { DEFAULT_CTX, oapiRef } from './ots-7.13.js';

export interface PrintedSchemas {
  /** `Name: type` per component schema, in document order. */
  readonly schemas: ReadonlyMap<string, string>;
  /** The declarations appended at the end (enums, helpers, consts), printed. */
  readonly footer: string;
}

const escapeSegment = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function schemasOf(document: unknown): [string, unknown][] {
  const components = (document as { components?: { schemas?: Record<string, unknown> } }).components;
  return Object.entries(components?.schemas ?? {});
}

/** 7.13's types of the document's component schemas. */
export function theirSchemas(document: unknown, options: TypesOptions): PrintedSchemas {
  const copy = structuredClone(document) as OpenAPI3;
  enumCache.clear();
  const injectFooter: ts.Node[] = [];
  const ctx = {
    ...DEFAULT_CTX,
    ...options,
    injectFooter,
    discriminators: theirScan(copy, { silent: true }),
    resolve: (ref: string) => resolveRef(copy, ref, { silent: true }),
  };
  const schemas = new Map<string, string>();
  for (const [name, schema] of schemasOf(copy)) {
    const node = theirTransform(schema as never, {
      path: `#/components/schemas/${escapeSegment(name)}`,
      // biome-ignore lint/suspicious/noExplicitAny: their context type has fields no schema reads (redoc)
      ctx: ctx as any,
    });
    schemas.set(name, astToString(node).trimEnd());
  }
  return { schemas, footer: injectFooter.length ? astToString(injectFooter).trimEnd() : '' };
}

/** A resolver of local `$ref`s that follows `$ref` chains, as 7.13's resolveRef. */
export function localResolver(document: unknown): (ref: string) => unknown {
  return (ref) => {
    const seen = new Set<string>();
    let current: unknown;
    let next = ref;
    for (;;) {
      const parsed = parseRef(next);
      if (parsed.kind !== 'local' || parsed.file !== '' || seen.has(next)) return undefined;
      seen.add(next);
      current = resolvePointer(document, parsed.pointer);
      const inner = (current as { $ref?: unknown } | undefined)?.$ref;
      if (typeof inner !== 'string') return current;
      next = inner;
    }
  };
}

/** sdkgen's types of the document's component schemas. */
export function ourSchemas(document: unknown, options: TypesOptions): PrintedSchemas {
  const resolve = localResolver(document);
  const declarations: TsDeclaration[] = [];
  const discriminators = scanDiscriminators(document, resolve);
  const schemas = new Map<string, string>();
  for (const [name, schema] of schemasOf(document)) {
    const ctx: SchemaContext = {
      options,
      pointer: `#/components/schemas/${escapeSegment(name)}`,
      declarations,
      resolve,
      refType: oapiRef,
      discriminators,
    };
    schemas.set(name, printType(schemaType(schema, ctx), 0));
  }
  return { schemas, footer: declarations.map(printDeclaration).join('\n') };
}

/** The schemas whose printed types differ, with both texts. */
export function schemaDifferences(
  document: unknown,
  options: TypesOptions,
): { name: string; theirs: string; ours: string }[] {
  const theirs = theirSchemas(document, options);
  const ours = ourSchemas(document, options);
  const differences: { name: string; theirs: string; ours: string }[] = [];
  for (const [name, text] of theirs.schemas) {
    const mine = ours.schemas.get(name) ?? '(missing)';
    if (mine !== text) differences.push({ name, theirs: text, ours: mine });
  }
  if (theirs.footer !== ours.footer) differences.push({ name: '(footer)', theirs: theirs.footer, ours: ours.footer });
  return differences;
}
