/**
 * Serializes query parameters the way OpenAPI's defaults (`style: form`, `explode: true`) say:
 * `a=1&list=x&list=y`; objects use `deepObject` (`filter[key]=v`), as most APIs expect.
 * `undefined` and `null` values are left out.
 */
export function stringifyQuery(query: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    appendParam(parts, name, value);
  }
  return parts.join('&');
}

function appendParam(parts: string[], name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) appendParam(parts, name, item);
    return;
  }
  if (value instanceof Date) {
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value.toISOString())}`);
    return;
  }
  if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) appendParam(parts, `${name}[${key}]`, inner);
    return;
  }
  parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
}
