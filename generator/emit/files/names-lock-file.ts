/**
 * `.sdkgen-names.json`: the name of every method, resource class, component schema's type and
 * operation's own types (params, hoisted response, body, item; its function), by what it is in the
 * spec (its route, its resource path, its JSON pointer). Committed with the
 * output; the next `sdkgen generate` reads it and keeps every name whose operation or schema is
 * still there (docs/naming.md, "Names are kept"). One entry a line, sorted, so a review sees each
 * name that changed.
 */
import { NAMES_LOCK, schemaPointer } from '../../model/kept-names.js';
import type { ApiModel, ResourceModel } from '../../model/model.js';
import { fixedQueryText, operationRoute } from '../../model/route.js';
import type { OutputFile } from '../output-file.js';

const NOTE =
  'The names sdkgen gave, kept by every sdkgen generate so that a spec change never renames a method or a type on its own. ' +
  'Commit it with the package. To choose a name, declare it (x-sdkgen-resource, x-sdkgen-method, x-sdkgen-name, in the spec or an overlay); ' +
  "to let sdkgen name something afresh, run sdkgen generate --rename=<operationId | 'METHOD /path' | resource path | schema name>, " +
  'or --rename for every name.';

const METHOD_ORDER = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function namesLockFile(model: ApiModel): OutputFile {
  const operations: {
    path: string;
    order: number;
    key: string;
    call: string;
    types: Readonly<Record<string, string>>;
  }[] = [];
  const resources: [string, string][] = [];
  const visit = (resource: ResourceModel): void => {
    if (resource.path.length > 0) resources.push([resource.path.join('.'), resource.className]);
    for (const op of resource.operations)
      if (op.naming.alias !== true)
        operations.push({
          path: `${op.path}${fixedQueryText(op.fixedQuery)}`,
          order: METHOD_ORDER.indexOf(op.method),
          key: operationRoute(op),
          call: [...resource.path, op.name].join('.'),
          types: op.naming.types ?? {},
        });
    resource.children.forEach(visit);
  };
  visit(model.root);
  operations.sort((a, b) => compare(a.path, b.path) || a.order - b.order);
  const schemas = model.schemas.flatMap((s): [string, string][] =>
    s.componentKey === undefined ? [] : [[schemaPointer(s.componentKey), s.name]],
  );
  const section = (name: string, entries: readonly (readonly [string, string])[], last = false): string => {
    const lines = entries.map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    const body = lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n  }`;
    return `  ${JSON.stringify(name)}: ${body}${last ? '' : ','}`;
  };
  const contents = [
    '{',
    `  "note": ${JSON.stringify(NOTE)},`,
    '  "version": 1,',
    section(
      'operations',
      operations.map((op) => [op.key, op.call] as const),
    ),
    section('resources', sortedByKey(resources)),
    section('schemas', sortedByKey(schemas)),
    section(
      'types',
      operations.flatMap((op) =>
        sortedByKey(Object.entries(op.types)).map(([role, name]) => [`${op.key} ${role}`, name] as const),
      ),
      true,
    ),
    '}',
    '',
  ].join('\n');
  return { path: NAMES_LOCK, contents };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortedByKey(entries: readonly [string, string][]): [string, string][] {
  return [...entries].sort(([a], [b]) => compare(a, b));
}
