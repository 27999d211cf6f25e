/**
 * Serializes query parameters as their OpenAPI `style` says. A parameter `styles` does not
 * name is written OpenAPI's default way (`style: form`, `explode: true`): `a=1&list=x&list=y`,
 * and an object as a `deepObject` (`filter[key]=v`), as most APIs expect. `styles` names the
 * others by a short code (see `APIRequest.styles`): `form` gives `list=x,y`, `pipeDelimited`
 * `list=x%7Cy`, `form*` an object's keys as parameters of their own. `undefined` and `null`
 * values are left out.
 */
export function stringifyQuery(
  query: Readonly<Record<string, unknown>>,
  styles?: Readonly<Record<string, string>>,
): string {
  let out = '';
  // for…in and string building: this runs for every page of a walk.
  for (const name in query) {
    if (!Object.hasOwn(query, name)) continue;
    const style = styles !== undefined && Object.hasOwn(styles, name) ? styles[name] : undefined;
    out = style === undefined ? appendParam(out, name, query[name]) : appendStyled(out, name, query[name], style);
  }
  return out;
}

function appendParam(out: string, name: string, value: unknown): string {
  if (value === undefined || value === null) return out;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return pair(out, name, String(value));
  if (Array.isArray(value)) {
    for (const item of value) out = appendParam(out, name, item);
    return out;
  }
  if (value instanceof Date) return pair(out, name, value.toISOString());
  if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) out = appendParam(out, `${name}[${key}]`, inner);
    return out;
  }
  return pair(out, name, String(value));
}

function pair(out: string, name: string, value: string): string {
  const encoded = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  return out === '' ? encoded : `${out}&${encoded}`;
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
