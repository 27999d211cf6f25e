// `--make-paths-enum`: `export enum ApiPaths { getUsers = "/users", … }`, one member per
// operation, named by its operationId or, without one, by its method and path (7.13's rule).

import { METHODS } from './path-item.js';
import { entriesOf, isRawObject } from './raw.js';
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

const IDENTIFIER = /^[A-Za-z_$][A-Za-z_$0-9]*$/;
const INVALID_RUN = /[^A-Za-z_$0-9]+/g;

/**
 * An enum member's name as 7.13 makes it valid: `Value` before a leading digit (`.` → `_`),
 * `ValueMinus` for a leading `-`, other runs of invalid characters `_` (`+` → `Plus`); a name
 * of nothing but invalid characters is quoted.
 */
export function enumMemberName(raw: string): string {
  let name = raw;
  if (IDENTIFIER.test(name)) return name;
  if (Number(name[0]) >= 0) name = `Value${name}`.replace('.', '_');
  else if (name[0] === '-') name = `ValueMinus${name.slice(1)}`;
  const invalid = name.match(INVALID_RUN);
  if (invalid === null) return name;
  // The printer quotes a name that is no identifier.
  if (invalid[0] === name) return name;
  return name.replace(INVALID_RUN, (run) => (run === '+' ? 'Plus' : '_'));
}
