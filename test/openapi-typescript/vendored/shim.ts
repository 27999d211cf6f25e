// What openapi-typescript 7.13's transform tests import from its source, answered by sdkgen's
// model and printer: each `transform…(node, options)` builds the same part of the types file
// with sdkgen's builder and `astToString` prints it with sdkgen's printer, so their expected
// text checks ours. Cases that exercise a Node-API-only hook are registered as skipped, each
// with its reason (listed in docs/openapi-typescript.md).

import { fileURLToPath } from 'node:url';
import { describe as vitestDescribe, test as vitestTest } from 'vitest';
import { printDeclaration, printType } from '../../../generator/emit/openapi-typescript/print-type.js';
import {
  printEntries,
  printRootType,
  printTypesFile,
  TYPES_BANNER,
} from '../../../generator/emit/openapi-typescript/types-file.js';
import { loadSpec } from '../../../generator/load/load-spec.js';
import { headerType, requestBodyType, responseType } from '../../../generator/model/openapi-typescript/bodies.js';
import { buildTypesDocument, typesDocumentOf } from '../../../generator/model/openapi-typescript/build-types.js';
import { componentsRoot, isRootTypeEnum } from '../../../generator/model/openapi-typescript/components.js';
import { type DocumentContext, documentContext } from '../../../generator/model/openapi-typescript/document-context.js';
import type { TypesFileOptions } from '../../../generator/model/openapi-typescript/options.js';
import { listOf } from '../../../generator/model/openapi-typescript/parameters.js';
import { operationMembers, pathItemType } from '../../../generator/model/openapi-typescript/path-item.js';
import { pathsRoot, webhooksRoot } from '../../../generator/model/openapi-typescript/paths.js';
import { pathsEnum } from '../../../generator/model/openapi-typescript/paths-enum.js';
import { pointerSegments } from '../../../generator/model/openapi-typescript/pointer.js';
import type { TsMember, TsType } from '../../../generator/model/openapi-typescript/ts-type.js';

// biome-ignore lint/suspicious/noExplicitAny: their types, which the vendored files only name
export type GlobalContext = any;
// biome-ignore lint/suspicious/noExplicitAny: as above
export type TransformNodeOptions = any;
// biome-ignore lint/suspicious/noExplicitAny: as above
export type OpenAPI3 = any;
// biome-ignore lint/suspicious/noExplicitAny: as above
export type OpenAPITSOptions = any;

/** Their cases sdkgen does not take over, by name, with the reason. */
export const NOT_PORTED: Readonly<Record<string, string>> = {
  'transform > with transform object':
    'the `transform` hook of the Node API (a function in the options) has no command-line or config form',
  'inject option':
    'the `inject` option of the Node API (TypeScript text to prepend) has no command-line or config form',
};

interface Printed {
  readonly text: string;
}

const OPTION_KEYS: readonly (keyof TypesFileOptions)[] = [
  'enum',
  'enumValues',
  'conditionalEnums',
  'dedupeEnums',
  'exportType',
  'immutable',
  'additionalProperties',
  'emptyObjectsUnknown',
  'defaultNonNullable',
  'propertiesRequiredByDefault',
  'arrayLength',
  'pathParamsAsTypes',
  'alphabetize',
  'excludeDeprecated',
  'rootTypes',
  'rootTypesNoSchemaPrefix',
  'rootTypesKeepCasing',
  'makePathsEnum',
  'readWriteMarkers',
  'generatePathParams',
];

/** Their GlobalContext → sdkgen's context: the same options, their `resolve`. */
function contextOf(ctx: GlobalContext): DocumentContext {
  const options: Record<string, boolean> = {};
  for (const key of OPTION_KEYS) if (typeof ctx?.[key] === 'boolean') options[key] = ctx[key];
  for (const hook of ['transform', 'postTransform', 'transformProperty', 'inject'])
    if (ctx?.[hook] !== undefined) throw new Error(`the Node API's \`${hook}\` hook is not supported`);
  return documentContext({}, options, (ref) => ctx.resolve(ref));
}

const printed = (text: string): Printed => ({ text });
const objectText = (members: readonly TsMember[]): string => printType({ kind: 'object', members }, 0);
/** Members as statements, the way their printer prints a bare list of type elements. */
const membersText = (members: readonly TsMember[]): string =>
  objectText(members)
    .slice(2, -2)
    .split('\n')
    .map((line) => line.replace(/^ {4}/, ''))
    .join('\n');

export function astToString(node: Printed | readonly Printed[]): string {
  const nodes = Array.isArray(node) ? node : [node as Printed];
  return `${nodes.map((n) => n.text).join('\n')}\n`;
}

export const NULL = { kind: 'keyword', name: 'null' } satisfies TsType;

/** The whole file without its banner (their `astToString(await openapiTS(…))`), from a file URL or a document. */
export async function openapiTS(
  given: URL | Record<string, unknown>,
  options: OpenAPITSOptions = {},
): Promise<Printed> {
  for (const hook of ['transform', 'postTransform', 'transformProperty', 'inject'])
    if (options[hook] !== undefined) throw new Error(`the Node API's \`${hook}\` option is not supported`);
  const document =
    given instanceof URL
      ? buildTypesDocument(loadSpec(fileURLToPath(given)), options)
      : typesDocumentOf(structuredClone(given), options);
  return printed(printTypesFile(document).slice(TYPES_BANNER.length, -1));
}

export function transformPathsObject(given: unknown, ctx: GlobalContext): Printed {
  return printed(printEntries(pathsRoot(given, contextOf(ctx))));
}

export function transformWebhooksObject(given: unknown, ctx: GlobalContext): Printed {
  const entries = webhooksRoot(given, contextOf(ctx));
  return printed(entries.length === 0 ? '{}' : printEntries(entries));
}

export function transformPathItemObject(given: unknown, options: TransformNodeOptions): Printed {
  return printed(printType(pathItemType(given, options.path, contextOf(options.ctx)), 0));
}

export function transformOperationObject(given: unknown, options: TransformNodeOptions): Printed {
  const parameters = listOf((given as Record<string, unknown>)['parameters']);
  return printed(membersText(operationMembers(given, parameters, options.path, contextOf(options.ctx))));
}

export function transformRequestBodyObject(given: unknown, options: TransformNodeOptions): Printed {
  return printed(printType(requestBodyType(given, options.path, contextOf(options.ctx)), 0));
}

export function transformResponseObject(given: unknown, options: TransformNodeOptions): Printed {
  return printed(printType(responseType(given, options.path, contextOf(options.ctx)), 0));
}

export function transformHeaderObject(given: unknown, options: TransformNodeOptions): Printed {
  return printed(printType(headerType(given, options.path, contextOf(options.ctx)), 0));
}

export function transformComponentsObject(given: unknown, ctx: GlobalContext): Printed[] {
  const context = contextOf(ctx);
  const { entries, rootTypes } = componentsRoot(given, context);
  return [printed(printEntries(entries)), ...rootTypes.map((alias) => printed(printRootType(alias)))];
}

export function makeApiPathsEnum(given: unknown): Printed {
  return printed(printDeclaration(pathsEnum(given)));
}

export const isEnumSchema = isRootTypeEnum;

/** 7.13's resolveRef over a document: each step truthy, `$ref` chains followed. */
export function resolveRef(schema: unknown, ref: string): unknown {
  let node = schema as Record<string, unknown> | undefined;
  for (const key of pointerSegments(ref)) {
    const next = node?.[key];
    if (!next) return undefined;
    node = next as Record<string, unknown>;
  }
  return node;
}

export const describe = vitestDescribe;

type TestBody = () => unknown;
/** Their `test` and `test.skipIf(…)`, with the cases of NOT_PORTED registered as skipped, reason shown. */
export const test = Object.assign(
  (name: string, body: TestBody, timeout?: number) => register(name, body, timeout, false),
  {
    skipIf: (condition: unknown) => (name: string, body: TestBody, timeout?: number) =>
      register(name, body, timeout, Boolean(condition)),
  },
);

function register(name: string, body: TestBody, timeout: number | undefined, skip: boolean): void {
  const reason = NOT_PORTED[name];
  if (reason !== undefined) vitestTest.skip(`${name} (not ported: ${reason})`, body);
  else vitestTest.skipIf(skip)(name, body, timeout);
}
