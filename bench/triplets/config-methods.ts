/**
 * The methods a Stainless config declares, read just enough to explain a shortfall: which
 * published method the config names, at which route, and with which method keys. Generation
 * reads the config through generator/load/stainless/; this is the bench's own independent view.
 */
import { parse } from 'yaml';

export interface ConfiguredMethod {
  /** `a.b.method`, in the config's own (snake) spelling. */
  readonly path: string;
  /** `get /a/{}`: verb lower-cased, path parameters unnamed (see `routeKey`). */
  readonly route: string | undefined;
  /** The keys of the method's object form, `endpoint` left out. */
  readonly keys: readonly string[];
  /** Keys of the method object whose values say TypeScript is left out (`skip: [node]`, `only: [python]`). */
  readonly skippedForTypeScript: boolean;
}

/** `GET /v1/apps/{app_id}` and `get /v1/apps/{id}` are the same route: `get /v1/apps/{}`. */
export function routeKey(route: string): string | undefined {
  const match = /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(route);
  if (match === null) return undefined;
  const path = (match[2] as string).replace(/\{[^}]*\}/g, '{}').replace(/(.)\/$/, '$1');
  return `${(match[1] as string).toLowerCase()} ${path}`;
}

/** `get_by_name`, `getByName` and `get-by-name` compare equal: what stays is letters and digits, lower-cased. */
export function looseName(path: string): string {
  return path
    .replace(/^client\./, '')
    .split('.')
    .map((part) => part.replace(/[^A-Za-z0-9]/g, '').toLowerCase())
    .join('.');
}

const TYPESCRIPT_TARGETS = new Set(['node', 'typescript']);

export function configuredMethods(configText: string): readonly ConfiguredMethod[] {
  const config = parse(configText) as { resources?: unknown } | null;
  const out: ConfiguredMethod[] = [];
  walk(config?.resources, [], out);
  return out;
}

function walk(resources: unknown, at: readonly string[], out: ConfiguredMethod[]): void {
  if (!isObject(resources)) return;
  for (const [name, resource] of Object.entries(resources)) {
    if (!isObject(resource)) continue;
    const here = [...at, name];
    const resourceSkipped = excludesTypeScript(resource);
    if (isObject(resource['methods']))
      for (const [method, value] of Object.entries(resource['methods']))
        out.push(configuredMethod([...here, method], value, resourceSkipped));
    walk(resource['subresources'], here, out);
  }
}

function configuredMethod(path: readonly string[], value: unknown, resourceSkipped: boolean): ConfiguredMethod {
  if (typeof value === 'string')
    return { path: path.join('.'), route: routeKey(value), keys: [], skippedForTypeScript: resourceSkipped };
  const object = isObject(value) ? value : {};
  const endpoint = object['endpoint'];
  return {
    path: path.join('.'),
    route: typeof endpoint === 'string' ? routeKey(endpoint) : undefined,
    keys: Object.keys(object).filter((key) => key !== 'endpoint'),
    skippedForTypeScript: resourceSkipped || excludesTypeScript(object),
  };
}

function excludesTypeScript(object: Record<string, unknown>): boolean {
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
  if (list(object['skip']).some((target) => TYPESCRIPT_TARGETS.has(target))) return true;
  const only = list(object['only']);
  return only.length > 0 && !only.some((target) => TYPESCRIPT_TARGETS.has(target));
}

/** Every `verb /path` of an OpenAPI document, as `routeKey` spells it. */
export function specRoutes(specText: string): ReadonlySet<string> {
  const spec = parse(specText) as { paths?: unknown } | null;
  const routes = new Set<string>();
  if (!isObject(spec?.paths)) return routes;
  for (const [path, item] of Object.entries(spec.paths)) {
    if (!isObject(item)) continue;
    for (const verb of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])
      if (item[verb] !== undefined) routes.add(routeKey(`${verb} ${path}`) as string);
  }
  return routes;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
