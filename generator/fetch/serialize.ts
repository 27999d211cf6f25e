/**
 * openapi-fetch's serializers: parameters into the URL (OpenAPI's styles, shallow values only),
 * bodies into JSON or a form, headers merged. Same names, same output, so that code calling
 * them (or relying on what they send) is unchanged.
 */
import type { HeadersOptions, PathSerializer, QuerySerializer, QuerySerializerOptions } from './types.js';

type ObjectStyle = 'simple' | 'label' | 'matrix' | 'form' | 'deepObject';
type ArrayStyle = 'simple' | 'label' | 'matrix' | 'form' | 'spaceDelimited' | 'pipeDelimited';

const PATH_PARAM = /\{[^{}]+\}/g;

function encode(value: unknown, allowReserved: boolean | undefined): string {
  return allowReserved === true ? String(value) : encodeURIComponent(value as string);
}

/** `name=value`, the value percent-encoded unless `allowReserved`; empty for `null` and `undefined`. */
export function serializePrimitiveParam(name: string, value: string, options?: { allowReserved?: boolean }): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object')
    throw new Error(
      'Deeply-nested arrays/objects aren’t supported. Provide your own `querySerializer()` to handle these.',
    );
  return `${name}=${encode(value, options?.allowReserved)}`;
}

/** The separator between exploded members, by style: `&` for the query styles. */
function explodedJoiner(style: string): string {
  return style === 'simple' ? ',' : style === 'label' ? '.' : style === 'matrix' ? ';' : '&';
}

/** An object parameter (one level deep) in OpenAPI's style for it. */
export function serializeObjectParam(
  name: string,
  value: Record<string, unknown>,
  options: { style: ObjectStyle; explode: boolean; allowReserved?: boolean },
): string {
  if (!value || typeof value !== 'object') return '';
  const { style, explode, allowReserved } = options;
  if (style !== 'deepObject' && explode === false) {
    // Unexploded: key,value,key,value, prefixed as the style says.
    const pairs: string[] = [];
    for (const key in value) pairs.push(key, encode(value[key], allowReserved));
    const joined = pairs.join(',');
    if (style === 'form') return `${name}=${joined}`;
    if (style === 'label') return `.${joined}`;
    if (style === 'matrix') return `;${name}=${joined}`;
    return joined;
  }
  const joiner = explodedJoiner(style);
  const parts: string[] = [];
  for (const key in value)
    parts.push(
      serializePrimitiveParam(style === 'deepObject' ? `${name}[${key}]` : key, value[key] as string, options),
    );
  const joined = parts.join(joiner);
  return style === 'label' || style === 'matrix' ? `${joiner}${joined}` : joined;
}

/** An array parameter (of primitives) in OpenAPI's style for it. */
export function serializeArrayParam(
  name: string,
  value: unknown[],
  options: { style: ArrayStyle; explode: boolean; allowReserved?: boolean },
): string {
  if (!Array.isArray(value)) return '';
  const { style, explode, allowReserved } = options;
  if (explode === false) {
    const joiner = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '|' : ',';
    const joined = value.map((item) => encode(item, allowReserved)).join(joiner);
    if (style === 'simple') return joined;
    if (style === 'label') return `.${joined}`;
    if (style === 'matrix') return `;${name}=${joined}`;
    return `${name}=${joined}`;
  }
  const joiner = explodedJoiner(style);
  const parts = value.map((item) =>
    style === 'simple' || style === 'label'
      ? encode(item, allowReserved)
      : serializePrimitiveParam(name, item as string, options),
  );
  const joined = parts.join(joiner);
  return style === 'label' || style === 'matrix' ? `${joiner}${joined}` : joined;
}

/**
 * A query serializer: arrays as `form` exploded, objects as `deepObject`, unless `options` says
 * otherwise; `null`, `undefined` and empty arrays are left out.
 */
export function createQuerySerializer<T = unknown>(options?: QuerySerializerOptions): (queryParams: T) => string {
  const allowReserved = options?.allowReserved || false;
  return function querySerializer(queryParams: T): string {
    const search: string[] = [];
    if (queryParams === null || typeof queryParams !== 'object') return '';
    const params = queryParams as Record<string, unknown>;
    for (const name in params) {
      const value = params[name];
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) {
        if (value.length > 0)
          search.push(
            serializeArrayParam(name, value, { style: 'form', explode: true, ...options?.array, allowReserved }),
          );
      } else if (typeof value === 'object') {
        search.push(
          serializeObjectParam(name, value as Record<string, unknown>, {
            style: 'deepObject',
            explode: true,
            ...options?.object,
            allowReserved,
          }),
        );
      } else {
        search.push(serializePrimitiveParam(name, value as string, options));
      }
    }
    return search.join('&');
  };
}

/** The query serializer a client uses when given none: arrays `form` exploded, objects `deepObject`. */
export const defaultQuerySerializer: (queryParams: unknown) => string = /* @__PURE__ */ createQuerySerializer();

/**
 * Fills the path's `{name}` holes from `pathParams`, in OpenAPI's path styles: `{name}` simple,
 * `{.name}` label, `{;name}` matrix, a trailing `*` exploded. Holes without a value stay.
 */
export function defaultPathSerializer(pathname: string, pathParams: Record<string, unknown>): string {
  // A function replacement: a value holding `$&` is text, not a replacement pattern.
  return pathname.replace(PATH_PARAM, (hole) => {
    let name = hole.slice(1, -1);
    const explode = name.endsWith('*');
    if (explode) name = name.slice(0, -1);
    let style: 'simple' | 'label' | 'matrix' = 'simple';
    if (name.startsWith('.')) style = 'label';
    else if (name.startsWith(';')) style = 'matrix';
    if (style !== 'simple') name = name.slice(1);
    const value = pathParams?.[name];
    if (value === undefined || value === null) return hole;
    if (Array.isArray(value)) return serializeArrayParam(name, value, { style, explode });
    if (typeof value === 'object')
      return serializeObjectParam(name, value as Record<string, unknown>, { style, explode });
    if (style === 'matrix') return `;${serializePrimitiveParam(name, value as string)}`;
    return style === 'label' ? `.${encodeURIComponent(value as string)}` : encodeURIComponent(value as string);
  });
}

/** The body as sent: a FormData as it is, a form for `application/x-www-form-urlencoded`, else JSON. */
export function defaultBodySerializer<T>(body: T, headers?: Headers | Record<string, string>): string {
  if (body instanceof FormData) return body as unknown as string;
  if (headers !== undefined && headers !== null) {
    const contentType =
      headers instanceof Headers || typeof headers.get === 'function'
        ? ((headers as Headers).get('Content-Type') ?? (headers as Headers).get('content-type'))
        : ((headers as Record<string, string>)['Content-Type'] ?? (headers as Record<string, string>)['content-type']);
    if (contentType === 'application/x-www-form-urlencoded')
      return new URLSearchParams(body as Record<string, string>).toString();
  }
  return JSON.stringify(body);
}

/** `baseUrl` + the path with its parameters filled in + the serialized query. */
export function createFinalURL<O>(
  pathname: string,
  options: {
    baseUrl: string;
    params: { query?: Record<string, unknown>; path?: Record<string, unknown> };
    querySerializer: QuerySerializer<O>;
    pathSerializer: PathSerializer;
  },
): string {
  let url = `${options.baseUrl}${pathname}`;
  if (options.params?.path) url = options.pathSerializer(url, options.params.path);
  let search = options.querySerializer((options.params.query ?? {}) as Parameters<QuerySerializer<O>>[0]);
  if (search.startsWith('?')) search = search.slice(1);
  return search === '' ? url : `${url}?${search}`;
}

/** The headers merged, later ones winning: `null` removes a header, an array sends each value, `undefined` keeps the earlier one. */
export function mergeHeaders(...allHeaders: (HeadersOptions | undefined)[]): Headers {
  const merged = new Headers();
  const put = (name: string, value: unknown): void => {
    if (value === null) merged.delete(name);
    else if (Array.isArray(value)) for (const item of value) merged.append(name, String(item));
    else if (value !== undefined) merged.set(name, String(value));
  };
  for (const headers of allHeaders) {
    if (!headers || typeof headers !== 'object') continue;
    // forEach, not entries(): a project whose lib has no DOM.Iterable still compiles this.
    if (headers instanceof Headers)
      headers.forEach((value, name) => {
        put(name, value);
      });
    else for (const [name, value] of Object.entries(headers as Record<string, unknown>)) put(name, value);
  }
  return merged;
}

/** The URL without one trailing `/`. */
export function removeTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
