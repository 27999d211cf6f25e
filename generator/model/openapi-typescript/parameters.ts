// The `parameters` member of a path item or operation: its parameters filed by location,
// `query?: never` where a location has none, as openapi-typescript 7.13 prints them.

import type { DocumentContext } from './document-context.js';
import { joinPointer } from './pointer.js';
import { isRawObject, isRef, type RawObject } from './raw.js';
import { refType } from './ref-type.js';
import { docsOf } from './schema-docs-of.js';
import { NEVER, STRING } from './ts-build.js';
import type { TsMember } from './ts-type.js';

const LOCATIONS = ['query', 'header', 'path', 'cookie'] as const;

/** `parameters: { query?: …; header?: …; path?: …; cookie?: … }` for a list of Parameter Objects or `$ref`s. */
export function parametersMember(list: readonly unknown[], pointer: string, context: DocumentContext): TsMember {
  const { options } = context;
  const declared = options.generatePathParams === true ? withPathParameters(list, pointer, context) : list;
  let parameters = declared.map((original) => ({
    original,
    resolved: isRef(original) ? context.resolve(original.$ref) : original,
  }));
  if (options.alphabetize === true)
    parameters = [...parameters].sort((a, b) => nameOf(a.resolved).localeCompare(nameOf(b.resolved)));
  if (options.excludeDeprecated === true) parameters = parameters.filter(({ resolved }) => !isDeprecated(resolved));
  const readonly = options.immutable === true;
  const locations: TsMember[] = LOCATIONS.map((location) => {
    const members: TsMember[] = [];
    for (const { original, resolved } of parameters) {
      if (!isRawObject(resolved) || resolved['in'] !== location) continue;
      const name = String(resolved['name']);
      const type = isRef(original)
        ? refType(original.$ref, resolved)
        : resolved['schema'] !== undefined
          ? context.schema(resolved['schema'], joinPointer(pointer, 'parameters', location, name))
          : STRING;
      members.push({
        name,
        optional: location !== 'path' && !resolved['required'],
        readonly,
        type,
        docs: docsOf(resolved),
      });
    }
    const allOptional = members.every((member) => member.optional);
    return {
      name: location,
      optional: allOptional,
      readonly,
      type: members.length === 0 ? NEVER : { kind: 'object', members },
    };
  });
  return { name: 'parameters', optional: false, readonly, type: { kind: 'object', members: locations } };
}

/** A path item's and an operation's parameters, one per location and name, the operation's winning. */
export function mergeParameters(
  pathItemParameters: readonly unknown[],
  operationParameters: readonly unknown[],
  context: DocumentContext,
): unknown[] {
  const byKey = new Map<string, unknown>();
  for (const parameter of [...pathItemParameters, ...operationParameters]) {
    const resolved = isRef(parameter) ? context.resolve(parameter.$ref) : parameter;
    const record = isRawObject(resolved) ? resolved : undefined;
    byKey.set(`${String(record?.['in'])}-${String(record?.['name'])}`, parameter);
  }
  return [...byKey.values()];
}

/**
 * `--generate-path-params`: a `{name}` in the pointer (the path, as 7.13 reads it) without a
 * path parameter of that name gets one, a required string.
 */
function withPathParameters(list: readonly unknown[], pointer: string, context: DocumentContext): readonly unknown[] {
  const names = [...pointer.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
  const added = names
    .filter((name) =>
      list.every((parameter) => {
        const resolved = isRef(parameter) ? context.resolve(parameter.$ref) : parameter;
        return !(isRawObject(resolved) && resolved['in'] === 'path' && resolved['name'] === name);
      }),
    )
    .map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  return added.length === 0 ? list : [...list, ...added];
}

export function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function nameOf(parameter: unknown): string {
  return isRawObject(parameter) && typeof parameter['name'] === 'string' ? parameter['name'] : '';
}

function isDeprecated(parameter: unknown): boolean {
  if (!isRawObject(parameter)) return false;
  const schema: RawObject | undefined = isRawObject(parameter['schema']) ? parameter['schema'] : undefined;
  return Boolean(parameter['deprecated']) || Boolean(schema?.['deprecated']);
}
