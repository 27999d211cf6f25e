/**
 * `--include` / `--exclude` selectors: which operations of a spec a client keeps. Path globs follow
 * Kiota's `--include-path` (a path template matched literally, `*` within one segment, `**` any
 * number of segments, an optional `#METHOD` suffix); `tag:`, `operationId:` and `method:` follow
 * hey-api's `parser.filters`.
 */
import type { SourceLocation } from '../diagnostics.js';
import type { HttpMethod } from './model.js';

export type SelectorKind = 'include' | 'exclude';

export type SelectorTarget =
  | { readonly type: 'path'; readonly glob: string; readonly method: HttpMethod | undefined }
  | { readonly type: 'tag'; readonly tag: string }
  | { readonly type: 'operationId'; readonly id: string }
  | { readonly type: 'method'; readonly method: HttpMethod };

export interface Selector {
  readonly kind: SelectorKind;
  /** As the user wrote it: `tag:pets`, `/me/messages/**#GET`. */
  readonly text: string;
  readonly target: SelectorTarget;
  /** Where it was written, when it came from a config file (a command-line one has none). */
  readonly location?: SourceLocation | undefined;
}

/** Every selector of one run; an empty `include` keeps everything. */
export interface OperationFilter {
  readonly include: readonly Selector[];
  readonly exclude: readonly Selector[];
}

/** What a selector is matched against: one operation as the spec has it. */
export interface SelectableOperation {
  readonly path: string;
  readonly method: HttpMethod;
  readonly tags: readonly string[];
  readonly operationId: string | undefined;
}

const METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** A selector that cannot be read: the message says what is wrong, in the user's terms. */
export class SelectorSyntaxError extends Error {
  override readonly name = 'SelectorSyntaxError';
}

/**
 * Splits a comma list (`tag:a,tag:b`) into its selectors. A comma inside parentheses or braces is
 * part of a path (Graph's `/reports/getEmailActivityCounts(period='{period}',date={date})`).
 */
export function splitSelectorList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{') depth++;
    else if ((c === ')' || c === '}') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Reads one selector. Throws `SelectorSyntaxError`. */
export function parseSelector(text: string, kind: SelectorKind, location?: SourceLocation): Selector {
  const target = parseTarget(text.trim());
  return { kind, text: text.trim(), target, ...(location === undefined ? {} : { location }) };
}

function parseTarget(text: string): SelectorTarget {
  if (text.startsWith('/')) {
    const hash = text.lastIndexOf('#');
    const glob = hash === -1 ? text : text.slice(0, hash);
    return { type: 'path', glob, method: hash === -1 ? undefined : methodOf(text.slice(hash + 1), text) };
  }
  const colon = text.indexOf(':');
  const prefix = colon === -1 ? '' : text.slice(0, colon);
  const value = colon === -1 ? '' : text.slice(colon + 1).trim();
  if (colon !== -1 && value === '') throw new SelectorSyntaxError(`"${text}" names no ${prefix}`);
  switch (prefix.toLowerCase()) {
    case 'tag':
      return { type: 'tag', tag: value };
    case 'operationid':
      return { type: 'operationId', id: value };
    case 'method':
      return { type: 'method', method: methodOf(value, text) };
    default:
      throw new SelectorSyntaxError(
        `"${text}" is not a selector: write a path glob (/pets/**, /pets/*#GET), tag:<name>, operationId:<id> or method:<GET|POST|…>`,
      );
  }
}

function methodOf(text: string, selector: string): HttpMethod {
  const method = text.trim().toLowerCase() as HttpMethod;
  if (METHODS.includes(method)) return method;
  throw new SelectorSyntaxError(
    `"${selector}": ${text === '' ? 'no method' : `"${text}" is not an HTTP method`}; the methods are ${METHODS.map((m) => m.toUpperCase()).join(', ')}`,
  );
}

/** Whether a selector picks an operation. */
export function selects(selector: Selector, operation: SelectableOperation): boolean {
  const { target } = selector;
  switch (target.type) {
    case 'path':
      return (
        (target.method === undefined || target.method === operation.method) && globMatches(target.glob, operation.path)
      );
    case 'tag':
      return operation.tags.includes(target.tag);
    case 'operationId':
      return operation.operationId === target.id;
    case 'method':
      return operation.method === target.method;
    default: {
      const never: never = target;
      throw new Error(`unknown selector ${JSON.stringify(never)}`);
    }
  }
}

/**
 * A path template against a glob, segment by segment: `{user-id}` is a segment like any other,
 * `*` stands for any characters within one segment, a `**` segment for any number of segments,
 * none included (`/me/messages/**` keeps `/me/messages` itself, as Kiota does).
 */
export function globMatches(glob: string, path: string): boolean {
  return compiledGlob(glob)(path);
}

/** Globs compiled once: a filter is matched against every one of Graph's 11,000 operations. */
const COMPILED = new Map<string, (path: string) => boolean>();

function compiledGlob(glob: string): (path: string) => boolean {
  let matcher = COMPILED.get(glob);
  if (matcher === undefined) {
    const segments = segmentsOf(glob).map((s) => (s === '**' ? ANY : segmentMatcher(s)));
    matcher = (path) => matchSegments(segments, 0, segmentsOf(path), 0);
    COMPILED.set(glob, matcher);
  }
  return matcher;
}

const ANY = Symbol('**');
type SegmentMatcher = typeof ANY | ((segment: string) => boolean);

function segmentsOf(path: string): string[] {
  return path.split('/').filter((s, i) => i > 0 || s !== '');
}

function matchSegments(glob: readonly SegmentMatcher[], g: number, path: readonly string[], p: number): boolean {
  if (g === glob.length) return p === path.length;
  const segment = glob[g] as SegmentMatcher;
  if (segment === ANY) {
    for (let rest = p; rest <= path.length; rest++) if (matchSegments(glob, g + 1, path, rest)) return true;
    return false;
  }
  if (p === path.length) return false;
  return segment(path[p] as string) && matchSegments(glob, g + 1, path, p + 1);
}

function segmentMatcher(glob: string): (segment: string) => boolean {
  if (!glob.includes('*')) return (segment) => segment === glob;
  const pattern = new RegExp(`^${glob.split('*').map(escapeRegExp).join('[^/]*')}$`);
  return (segment) => pattern.test(segment);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether the filter keeps an operation, and if not the selector that left it out (an exclude
 * wins over an include); `undefined` for a kept one, `'not-included'` for one no include picks.
 */
export function leftOutBy(
  filter: OperationFilter,
  operation: SelectableOperation,
): Selector | 'not-included' | undefined {
  const excluded = filter.exclude.find((s) => selects(s, operation));
  if (excluded !== undefined) return excluded;
  if (filter.include.length > 0 && !filter.include.some((s) => selects(s, operation))) return 'not-included';
  return undefined;
}

/** The selectors of a run, flag by flag: each `--include`/`--exclude` value may be a comma list. Throws `SelectorSyntaxError`. */
export function filterOf(include: readonly string[], exclude: readonly string[]): OperationFilter {
  return {
    include: include.flatMap(splitSelectorList).map((text) => parseSelector(text, 'include')),
    exclude: exclude.flatMap(splitSelectorList).map((text) => parseSelector(text, 'exclude')),
  };
}

/** Whether a filter selects anything at all, i.e. the run is a filtered one. */
export function isFiltering(filter: OperationFilter | undefined): filter is OperationFilter {
  return filter !== undefined && (filter.include.length > 0 || filter.exclude.length > 0);
}
