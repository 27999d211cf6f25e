// Runs openapi-typescript 7.13's own schema-object test tables (vendored beside this file) against
// sdkgen: `transformSchemaObject(given, { path, ctx })` and `astToString(type)` are theirs in name
// and shape, built on schemaType and printType; DEFAULT_CTX is their test context.
import { printType } from '../../../generator/emit/openapi-typescript/print-type.js';
import { parseRef } from '../../../generator/load/refs.js';
import type { TypesOptions } from '../../../generator/model/openapi-typescript/options.js';
import type { DiscriminatorObject } from '../../../generator/model/openapi-typescript/schema-discriminators.js';
import { type SchemaContext, schemaType } from '../../../generator/model/openapi-typescript/schema-type.js';
import type { TsDeclaration, TsType } from '../../../generator/model/openapi-typescript/ts-type.js';

/** The part of 7.13's GlobalContext that its schema tests set. */
export interface OtsContext extends Required<Omit<TypesOptions, 'compat'>> {
  readonly compat?: boolean | undefined;
  readonly discriminators: {
    readonly objects: Readonly<Record<string, DiscriminatorObject>>;
    readonly refsHandled: readonly string[];
  };
  readonly injectFooter: unknown[];
  resolve(ref: string): unknown;
  readonly silent: boolean;
}

export interface OtsOptions {
  readonly path?: string;
  readonly ctx: OtsContext;
}

/**
 * Their defaults, plus `compat: true`: their tables are 7.13's exact output, which sdkgen prints
 * only under compat where it is more correct (docs/openapi-typescript.md lists where;
 * schema-compat.test.ts tests sdkgen's own types there).
 */
export const DEFAULT_CTX: OtsContext = {
  compat: true,
  additionalProperties: false,
  alphabetize: false,
  arrayLength: false,
  defaultNonNullable: true,
  discriminators: { objects: {}, refsHandled: [] },
  emptyObjectsUnknown: false,
  enum: false,
  enumValues: false,
  conditionalEnums: false,
  dedupeEnums: false,
  excludeDeprecated: false,
  exportType: false,
  immutable: false,
  injectFooter: [],
  pathParamsAsTypes: false,
  propertiesRequiredByDefault: false,
  rootTypes: false,
  rootTypesNoSchemaPrefix: false,
  rootTypesKeepCasing: false,
  resolve: () => undefined,
  silent: true,
  makePathsEnum: false,
  readWriteMarkers: false,
};

export type TestCase<T = unknown, O = OtsOptions> = [
  string,
  { given: T; want: string; options?: O; ci?: { timeout?: number; skipIf?: boolean } },
];

/** How 7.13 prints a `$ref` (its oapiRef): `components["schemas"]["Pet"]`, skipping `properties` after the third segment. */
export function oapiRef(ref: string): TsType {
  const parsed = parseRef(ref);
  if (parsed.kind !== 'local' || parsed.pointer.length === 0) throw new Error(`not a local $ref: ${ref}`);
  const [root = '', ...rest] = parsed.pointer;
  const keys = [...rest.slice(0, 2), ...rest.slice(2).filter((segment) => segment !== 'properties')];
  return { kind: 'indexed', root, keys };
}

/** A SchemaContext from 7.13's test context. */
export function schemaContext(options: OtsOptions, declarations: TsDeclaration[] = []): SchemaContext {
  const { ctx } = options;
  return {
    options: ctx,
    pointer: options.path ?? '',
    declarations,
    resolve: (ref) => ctx.resolve(ref),
    refType: oapiRef,
    discriminators: {
      objects: new Map(Object.entries(ctx.discriminators.objects)),
      refsHandled: new Set(ctx.discriminators.refsHandled),
      patches: new Map(),
    },
  };
}

export function transformSchemaObject(given: unknown, options: OtsOptions): TsType {
  return schemaType(given, schemaContext(options));
}

export function astToString(type: TsType): string {
  return `${printType(type, 0)}\n`;
}
