import { SDKError } from './errors.js';
import type { PathStyle } from './types.js';

/**
 * Expands an OpenAPI path template such as `/projects/{project_id}/groups`: each `{name}`
 * (a name without braces) takes its parameter; other braces are left as they are.
 * Every value is percent-encoded as one path segment, so no value can add a segment,
 * a query or a fragment. `.` and `..` are refused: URL parsers collapse them (even
 * percent-encoded) into a different path. `styles` (core/styles' `pathStyles`) writes the
 * parameters whose spec declares another style than `simple`.
 */
export function expandPath(template: string, params: Readonly<Record<string, unknown>>, styles?: PathStyle): string {
  // A scan rather than a global regex with a callback: this runs for every page of a walk.
  let out = '';
  let written = 0;
  for (
    let previous = -1, close = template.indexOf('}');
    close !== -1;
    previous = close, close = template.indexOf('}', close + 1)
  ) {
    // The nearest `{` before this `}`, with no `}` between them, and a name inside.
    const open = template.lastIndexOf('{', close);
    if (open <= previous || open === close - 1) continue;
    out += template.slice(written, open) + segment(template.slice(open + 1, close), params, styles);
    written = close + 1;
  }
  return written === 0 ? template : out + template.slice(written);
}

function segment(name: string, params: Readonly<Record<string, unknown>>, styles: PathStyle | undefined): string {
  const raw = params[name];
  if (raw === undefined || raw === null) {
    throw new SDKError(`Path parameter \`${name}\` is missing.`);
  }
  const value = (styles === undefined ? undefined : styles(name, raw)) ?? simpleStyle(raw);
  if (value === '' || value === '.' || value === '..') {
    throw new SDKError(`Path parameter \`${name}\` must not be ${value === '' ? 'empty' : `"${value}"`}.`);
  }
  return value;
}

/** OpenAPI's default path style, `simple`: `a,b,c` for a list, `k,v,k2,v2` for an object; each part encoded. */
function simpleStyle(value: unknown): string {
  if (typeof value === 'string') return encodeURIComponent(value);
  if (Array.isArray(value)) return value.map((item) => encodeURIComponent(String(item))).join(',');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .flatMap(([key, item]) => [encodeURIComponent(key), encodeURIComponent(String(item))])
      .join(',');
  }
  return encodeURIComponent(String(value));
}
