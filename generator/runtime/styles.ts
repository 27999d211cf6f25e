import type { PathStyle, QueryStyle } from './types.js';

/**
 * OpenAPI's parameter styles other than the defaults, for the methods whose spec declares them
 * (a client whose parameters are all written the default way bundles none of this). A style is
 * named by a short code: the style, `*` after it when `explode` is true, `+` before it for
 * `allowReserved`, or `json` for `content: application/json`.
 */

/**
 * The writer of the query parameters `codes` names (`{ ids: 'form' }` sends `ids=a,b`,
 * `pipeDelimited` `ids=a%7Cb`, `form*` an object's keys as parameters of their own); the
 * others are left to the default writer.
 */
export function queryStyles(codes: Readonly<Record<string, string>>): QueryStyle {
  return (out, name, value) =>
    Object.hasOwn(codes, name) ? appendStyled(out, name, value, codes[name] as string) : undefined;
}

/** The same for path parameters: `{ id: 'label' }` is `/.a,b`, `{ id: 'matrix*' }` `/;id=a;id=b`. */
export function pathStyles(codes: Readonly<Record<string, string>>): PathStyle {
  return (name, value) => (Object.hasOwn(codes, name) ? styledBy(name, value, codes[name] as string) : undefined);
}

/**
 * The `Cookie` header of an operation's cookie parameters, each in OpenAPI's `form` style
 * (`color=blue`; `color=blue,black` not exploded), by the codes of `stringifyQuery`;
 * `undefined` when none has a value.
 */
export function cookieHeader(
  cookies: Readonly<Record<string, unknown>>,
  styles?: Readonly<Record<string, string>>,
): string | undefined {
  const parts: string[] = [];
  for (const name in cookies) {
    if (!Object.hasOwn(cookies, name)) continue;
    const style = styles !== undefined && Object.hasOwn(styles, name) ? (styles[name] as string) : 'form*';
    const part = appendStyled('', name, cookies[name], style);
    if (part !== '') parts.push(part);
  }
  return parts.length === 0 ? undefined : parts.join('; ');
}

/** The encoded separator of a list that is not exploded, by style. */
const DELIMITERS: Readonly<Record<string, string>> = { form: ',', spaceDelimited: '%20', pipeDelimited: '%7C' };

/** One parameter of a style other than the default, by its code: `[+]style[*]` or `json`. */
function appendStyled(out: string, name: string, value: unknown, code: string): string {
  if (value === undefined || value === null) return out;
  const reserved = code.charCodeAt(0) === 43; // `+`: allowReserved
  const exploded = code.endsWith('*');
  const style = code.slice(reserved ? 1 : 0, exploded ? -1 : code.length);
  const encode = reserved ? encodeReserved : encodeURIComponent;
  const add = (key: string, text: string): void => {
    const encoded = `${encodeURIComponent(key)}=${text}`;
    out = out === '' ? encoded : `${out}&${encoded}`;
  };
  if (style === 'json') {
    add(name, encode(JSON.stringify(value)));
    return out;
  }
  if (style === 'deepObject') {
    for (const [key, inner] of entries(value)) add(`${name}[${key}]`, encode(inner));
    return out;
  }
  const delimiter = DELIMITERS[style] ?? ',';
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== undefined && item !== null).map((item) => encode(scalar(item)));
    if (items.length === 0) return out;
    if (exploded) for (const item of items) add(name, item);
    else add(name, items.join(delimiter));
    return out;
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    const fields = entries(value);
    if (fields.length === 0) return out;
    if (exploded) for (const [key, inner] of fields) add(key, encode(inner));
    else add(name, fields.map(([key, inner]) => `${encode(key)}${delimiter}${encode(inner)}`).join(delimiter));
    return out;
  }
  add(name, encode(scalar(value)));
  return out;
}

/** An object's fields that have a value, each as text. */
function entries(value: unknown): [string, string][] {
  if (typeof value !== 'object' || value === null) return [];
  const out: [string, string][] = [];
  for (const [key, inner] of Object.entries(value))
    if (inner !== undefined && inner !== null) out.push([key, scalar(inner)]);
  return out;
}

function scalar(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/**
 * RFC 6570's reserved expansion, which `allowReserved` asks for: reserved characters and
 * percent-encoded triples pass unchanged; what a query cannot hold as data (`#`, `&`, `=`,
 * `+`, `[`, `]`) stays encoded, as OpenAPI asks.
 */
function encodeReserved(text: string): string {
  return encodeURI(text)
    .replace(/%25([0-9A-Fa-f]{2})/g, '%$1')
    .replace(/[#&=+]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
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
