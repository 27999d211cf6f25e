// `components`: each section as openapi-typescript 7.13 prints it (`never` when absent), and the
// root type aliases of `--root-types`.

import { headerType, requestBodyType, responseType } from './bodies.js';
import type { DocumentContext } from './document-context.js';
import { rootTypePascalCase } from './pascal-case.js';
import { pathItemType } from './path-item.js';
import { joinPointer } from './pointer.js';
import { entriesOf, isRawObject } from './raw.js';
import { docsOf } from './schema-docs-of.js';
import { NEVER, STRING } from './ts-build.js';
import type { TsDeclaration, TsMember, TsType } from './ts-type.js';
import type { RootEntry } from './types-document.js';

const SECTIONS = ['schemas', 'responses', 'parameters', 'requestBodies', 'headers', 'pathItems'] as const;
type Section = (typeof SECTIONS)[number];

const SINGULAR: Readonly<Record<Section, string>> = {
  schemas: 'Schema',
  responses: 'Response',
  parameters: 'Parameter',
  requestBodies: 'RequestBody',
  headers: 'Header',
  pathItems: 'PathItem',
};

export interface ComponentsResult {
  readonly entries: readonly RootEntry[];
  readonly rootTypes: readonly TsDeclaration[];
}

export function componentsRoot(components: unknown, context: DocumentContext): ComponentsResult {
  const { options } = context;
  const rootTypes = new Map<string, TsDeclaration>();
  const entries: RootEntry[] = SECTIONS.map((section) => {
    const items: TsMember[] = [];
    for (const [name, item] of entriesOf(isRawObject(components) ? components[section] : undefined, options)) {
      const pointer = joinPointer('components', section, name);
      items.push({
        name,
        optional: false,
        readonly: options.immutable === true,
        type: componentType(section, item, pointer, context),
        docs: docsOf(item),
      });
      if (options.rootTypes === true && !(options.enum === true && section === 'schemas' && isRootTypeEnum(item))) {
        const alias = rootTypeName(section, name, context, rootTypes);
        rootTypes.set(alias, {
          kind: 'alias',
          name: alias,
          type: { kind: 'indexed', root: 'components', keys: [section, name] },
        });
      }
    }
    const type: TsType = items.length > 0 ? { kind: 'object', members: items } : NEVER;
    return { kind: 'member', member: { name: section, optional: false, readonly: false, type } };
  });
  return { entries, rootTypes: [...rootTypes.values()] };
}

function componentType(section: Section, item: unknown, pointer: string, context: DocumentContext): TsType {
  switch (section) {
    case 'schemas':
      return context.schema(item, pointer);
    case 'responses':
      return responseType(item, pointer, context);
    case 'parameters': {
      // A parameter is `string` when it says nothing of its schema, as 7.13 assumes.
      const schema = isRawObject(item) ? item['schema'] : undefined;
      return schema ? context.schema(schema, pointer) : STRING;
    }
    case 'requestBodies':
      return requestBodyType(item, pointer, context);
    case 'headers':
      return headerType(item, pointer, context);
    case 'pathItems':
      return pathItemType(item, pointer, context);
    default:
      return assertNever(section);
  }
}

/**
 * `SchemaPet`, `ResponseNotFound`, … as 7.13 names them: a clash gets `_2`, `_3`; without the
 * prefix (`--root-types-no-schema-prefix`) the first "Schema" of the name is dropped after that.
 */
function rootTypeName(
  section: Section,
  name: string,
  context: DocumentContext,
  taken: ReadonlyMap<string, unknown>,
): string {
  const prefix = SINGULAR[section];
  const base = context.options.rootTypesKeepCasing === true && section === 'schemas' ? name : rootTypePascalCase(name);
  let alias = `${prefix}${base}`;
  for (let counter = 2; taken.has(alias); counter++) alias = `${prefix}${base}_${counter}`;
  if (context.options.rootTypesNoSchemaPrefix === true && section === 'schemas') alias = alias.replace(prefix, '');
  return alias;
}

/** A schema `--enum` makes a TS enum of, which `--root-types` then leaves out (7.13's `isEnumSchema`). */
export function isRootTypeEnum(schema: unknown): boolean {
  return (
    isRawObject(schema) &&
    Array.isArray(schema['enum']) &&
    schema['type'] !== 'object' &&
    !('properties' in schema) &&
    !('additionalProperties' in schema)
  );
}

function assertNever(value: never): never {
  throw new Error(`unexpected components section ${String(value)}`);
}
