// `paths` and `webhooks`: a member per path (or webhook); with `--path-params-as-types` a path
// with parameters becomes a template literal index signature (`[path: \`/users/${string}\`]`).

import type { DocumentContext } from './document-context.js';
import { listOf } from './parameters.js';
import { METHODS, pathItemType } from './path-item.js';
import { joinPointer } from './pointer.js';
import { entriesOf, isRawObject, isRef } from './raw.js';
import { refType } from './ref-type.js';
import { docsOf } from './schema-docs-of.js';
import type { RootEntry } from './types-document.js';

const PATH_PARAMETER = /\{[^}]+\}/g;

export function pathsRoot(paths: unknown, context: DocumentContext): RootEntry[] {
  const readonly = context.options.immutable === true;
  const entries: RootEntry[] = [];
  for (const [url, item] of entriesOf(paths, context.options)) {
    if (!isRawObject(item)) continue;
    if (isRef(item)) {
      entries.push({
        kind: 'member',
        member: { name: url, optional: false, readonly, type: refType(item.$ref), docs: docsOf(item) },
      });
      continue;
    }
    const type = pathItemType(item, joinPointer('paths', url), context);
    const template = context.options.pathParamsAsTypes === true ? pathTemplate(url, item, context) : undefined;
    entries.push(
      template === undefined
        ? { kind: 'member', member: { name: url, optional: false, readonly, type } }
        : { kind: 'template', template, type, readonly },
    );
  }
  return entries;
}

export function webhooksRoot(webhooks: unknown, context: DocumentContext): RootEntry[] {
  const readonly = context.options.immutable === true;
  return entriesOf(webhooks, context.options).map(([name, item]) => ({
    kind: 'member',
    member: { name, optional: false, readonly, type: pathItemType(item, joinPointer('webhooks', name), context) },
  }));
}

/** `/users/${string}/posts/${number}`: each `{name}` by its path parameter's schema type. */
function pathTemplate(
  url: string,
  item: Readonly<Record<string, unknown>>,
  context: DocumentContext,
): string | undefined {
  const holes = url.match(PATH_PARAMETER);
  if (holes === null) return undefined;
  const types = pathParameterTypes(item, context);
  let template = url;
  for (const hole of holes) {
    const type = types.get(hole.slice(1, -1));
    const holeType = type === 'number' || type === 'integer' ? 'number' : type === 'boolean' ? 'boolean' : 'string';
    template = template.replace(hole, `\${${holeType}}`);
  }
  return template;
}

/** The schema `type` of each path parameter of the item and its operations, the last one met winning. */
function pathParameterTypes(item: Readonly<Record<string, unknown>>, context: DocumentContext): Map<string, unknown> {
  const types = new Map<string, unknown>();
  const add = (parameters: unknown): void => {
    for (const parameter of listOf(parameters)) {
      const resolved = isRef(parameter) ? context.resolve(parameter.$ref) : parameter;
      if (!isRawObject(resolved) || resolved['in'] !== 'path') continue;
      const schema = resolved['schema'];
      types.set(String(resolved['name']), isRawObject(schema) ? schema['type'] : undefined);
    }
  };
  add(item['parameters']);
  for (const method of METHODS) {
    const operation = item[method];
    if (!isRawObject(operation)) continue;
    const resolved = isRef(operation) ? context.resolve(operation.$ref) : operation;
    if (isRawObject(resolved)) add(resolved['parameters']);
  }
  return types;
}
