import { SDKError } from './errors.js';

/**
 * Expands an OpenAPI path template such as `/projects/{project_id}/groups`: each `{name}`
 * (a name without braces) takes its parameter; other braces are left as they are.
 * Every value is percent-encoded as one path segment, so no value can add a segment,
 * a query or a fragment. `.` and `..` are refused: URL parsers collapse them (even
 * percent-encoded) into a different path. A parameter `styles` names is written in that
 * OpenAPI style (`label`, `matrix`, `simple*`, `json`: see `APIRequest.pathStyles`); the
 * others in the default one, `simple`.
 */
export function expandPath(
  template: string,
  params: Readonly<Record<string, unknown>>,
  styles?: Readonly<Record<string, string>>,
): string {
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
    const name = template.slice(open + 1, close);
    const style = styles !== undefined && Object.hasOwn(styles, name) ? styles[name] : undefined;
    out += template.slice(written, open) + segment(name, params, style);
    written = close + 1;
  }
  return written === 0 ? template : out + template.slice(written);
}

function segment(name: string, params: Readonly<Record<string, unknown>>, style: string | undefined): string {
  const raw = params[name];
  if (raw === undefined || raw === null) {
    throw new SDKError(`Path parameter \`${name}\` is missing.`);
  }
  const value =
    style !== undefined
      ? styledBy(name, raw, style)
      : typeof raw === 'string' || typeof raw === 'number'
        ? encodeURIComponent(raw)
        : styled(name, raw, 'simple', false);
  if (value === '' || value === '.' || value === '..') {
    throw new SDKError(`Path parameter \`${name}\` must not be ${value === '' ? 'empty' : `"${value}"`}.`);
  }
  return value;
}

/** A value in the style its code names: `label`, `matrix*`, `json`, …; `*` marks `explode`. */
function styledBy(name: string, value: unknown, code: string): string {
  if (code === 'json') return encodeURIComponent(JSON.stringify(value));
  const exploded = code.endsWith('*');
  return styled(name, value, exploded ? code.slice(0, -1) : code, exploded);
}

/**
 * OpenAPI's path styles, each part percent-encoded: `simple` is `a,b` for a list and `k,v`
 * (`k=v` exploded) for an object; `label` puts `.` before (and, exploded, between) them;
 * `matrix` is `;name=a,b` (`;name=a;name=b`, `;k=v` exploded).
 */
function styled(name: string, value: unknown, style: string, explode: boolean): string {
  const list = Array.isArray(value);
  const parts: string[] = [];
  if (list) {
    for (const item of value) if (item !== undefined && item !== null) parts.push(encodeURIComponent(String(item)));
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || item === null) continue;
      const [k, v] = [encodeURIComponent(key), encodeURIComponent(String(item))];
      if (explode) parts.push(style === 'matrix' ? `;${k}=${v}` : `${k}=${v}`);
      else parts.push(k, v);
    }
    if (explode && style === 'matrix') return parts.join('');
  } else {
    parts.push(encodeURIComponent(String(value)));
  }
  if (parts.length === 0) return '';
  switch (style) {
    case 'label':
      return `.${parts.join(explode ? '.' : ',')}`;
    case 'matrix': {
      const key = `;${encodeURIComponent(name)}`;
      if (list && explode) return parts.map((part) => `${key}=${part}`).join('');
      return parts.length === 1 && parts[0] === '' ? key : `${key}=${parts.join(',')}`;
    }
    default:
      return parts.join(',');
  }
}
