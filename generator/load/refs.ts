/** What a `$ref` string names. */
export type RefTarget =
  | { readonly kind: 'local'; readonly file: string; readonly pointer: readonly string[] }
  | { readonly kind: 'remote'; readonly url: string }
  | { readonly kind: 'invalid'; readonly reason: string };

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Splits `other.yaml#/components/schemas/Foo` into a relative file (empty for this file)
 * and the unescaped JSON pointer segments (RFC 6901, inside a URI fragment).
 */
export function parseRef(ref: string): RefTarget {
  if (URL_SCHEME.test(ref) && !/^[a-z]:[\\/]/i.test(ref)) return { kind: 'remote', url: ref };
  const hash = ref.indexOf('#');
  const file = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  if (fragment !== '' && !fragment.startsWith('/')) {
    return { kind: 'invalid', reason: 'the part after "#" must be a JSON pointer starting with "/"' };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    return { kind: 'invalid', reason: 'the JSON pointer has a broken %-escape' };
  }
  const pointer =
    decoded === ''
      ? []
      : decoded
          .slice(1)
          .split('/')
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return { kind: 'local', file, pointer };
}

/** The value at `pointer` inside `root`, or `undefined` if any segment is missing. */
export function resolvePointer(root: unknown, pointer: readonly string[]): unknown {
  let current: unknown = root;
  for (const segment of pointer) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else {
      if (!Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}
