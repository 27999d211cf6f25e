// `--make-paths-enum`: `export enum ApiPaths { getUsers = "/users", … }`, one member per
// operation, named by its operationId or, without one, by its method and path (7.13's rule).

import { METHODS } from './path-item.js';
import { entriesOf, isRawObject } from './raw.js';
import { enumMemberName } from './schema-enum-names.js';
import type { TsDeclaration } from './ts-type.js';

export function pathsEnum(paths: unknown): TsDeclaration {
  const members: { name: string; value: string }[] = [];
  for (const [url, item] of entriesOf(paths)) {
    if (!isRawObject(item)) continue;
    // The item's own key order, as 7.13 walks it.
    for (const [method, operation] of Object.entries(item)) {
      if (!(METHODS as readonly string[]).includes(method)) continue;
      const operationId = isRawObject(operation) ? operation['operationId'] : undefined;
      const name = typeof operationId === 'string' && operationId !== '' ? operationId : nameFromRoute(method, url);
      members.push({ name: enumMemberName(name), value: url });
    }
  }
  return { kind: 'enum', name: 'ApiPaths', members };
}

/** `get` + `/users/{id}/posts` → `GetUsersPosts`: each segment capitalized, its first parameter or odd run dropped. */
function nameFromRoute(method: string, url: string): string {
  return `${method}${url}`
    .split('/')
    .map((part) => (part.charAt(0).toUpperCase() + part.slice(1)).replace(/{.*}|:.*|[^a-zA-Z\d_]+/, ''))
    .join('');
}
