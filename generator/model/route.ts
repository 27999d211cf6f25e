/**
 * A path key of the spec taken apart: the path the client requests, the segments names are
 * made from, and a query written into the key (`/responses?beta=true`, `/search?q={q}`).
 * OpenAPI says a path key has no query, but real specs write one to tell two operations of
 * one path apart; the fixed part is sent on the wire and left out of names.
 */
export interface Route {
  /** The path template the client requests, trailing slash kept: servers tell `/a/` from `/a`. */
  readonly path: string;
  /** Its segments, without the empty ones a trailing or doubled slash leaves. */
  readonly segments: readonly string[];
  /** `beta=true`: sent with every call. */
  readonly fixedQuery: readonly FixedQuery[];
  /** `q={q}`: the names of parameters the key puts in the query; they are query parameters. */
  readonly queryTemplates: readonly string[];
}

export interface FixedQuery {
  readonly name: string;
  readonly value: string;
}

export function parseRoute(key: string): Route {
  const mark = key.indexOf('?');
  const path = mark === -1 ? key : key.slice(0, mark);
  const fixedQuery: FixedQuery[] = [];
  const queryTemplates: string[] = [];
  if (mark !== -1) {
    for (const part of key.slice(mark + 1).split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const name = decode(eq === -1 ? part : part.slice(0, eq));
      const value = eq === -1 ? '' : decode(part.slice(eq + 1));
      // `q={q}`, and `{q}=1` as some specs write it: either way the parameter q, in the query.
      const template = /^\{([^{}]+)\}$/.exec(value) ?? /^\{([^{}]+)\}$/.exec(name);
      if (template !== null) queryTemplates.push(template[1] as string);
      else fixedQuery.push({ name, value });
    }
  }
  return { path, segments: path.split('/').filter((s) => s !== ''), fixedQuery, queryTemplates };
}

/** `?beta=true`, or '' without a fixed query: how docs and reports show a route. */
export function fixedQueryText(fixedQuery: readonly FixedQuery[]): string {
  if (fixedQuery.length === 0) return '';
  return `?${fixedQuery.map((q) => (q.value === '' ? q.name : `${q.name}=${q.value}`)).join('&')}`;
}

/** A data format written as a file extension at the end of a path. */
const FORMAT_SUFFIX = /\.(json|xml|csv|yaml|yml|txt|html|atom|rss)$/i;

/**
 * A path's segments for its names, without the format its last segment names (`/agency/{id}.json`
 * → `agency`, `{id}`: it says how, not what), unless the API has that path without it too
 * (`/ConnectionManager` beside `/ConnectionManager.xml`), where the format tells them apart.
 */
export function namingSegments(path: string, paths: ReadonlySet<string>): readonly string[] {
  const segments = parseRoute(path).segments;
  const last = segments.at(-1);
  const bare = last?.replace(FORMAT_SUFFIX, '');
  if (last === undefined || bare === undefined || bare === '' || bare === last) return segments;
  if (paths.has(path.slice(0, path.length - (last.length - bare.length)))) return segments;
  return [...segments.slice(0, -1), bare];
}

export const isTemplate = (segment: string): boolean => /^\{[^{}]+\}$/.test(segment);

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** `POST /responses?beta=true`: an operation as docs and reports show it. */
export function operationRoute(operation: {
  readonly method: string;
  readonly path: string;
  readonly fixedQuery: readonly FixedQuery[];
}): string {
  return `${operation.method.toUpperCase()} ${operation.path}${fixedQueryText(operation.fixedQuery)}`;
}

/** The path part of the spec's first server URL (`https://api.openai.com/v1` → `/v1`): where `sdkgen mock` serves the API. */
export function serverPath(baseURL: string): string {
  try {
    return new URL(baseURL, 'http://localhost').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}
