import { allOperations } from '../model/collections.js';
import type { ApiModel, OperationModel } from '../model/model.js';
import type { SchemaLookup } from './fake-data.js';
import { type MockCollection, mockCollections } from './stateful-collections.js';

export type Collection = MockCollection;

export type Role =
  | { readonly kind: 'list' | 'create'; readonly collection: Collection }
  | { readonly kind: 'retrieve' | 'update' | 'delete'; readonly collection: Collection; readonly idParam: string }
  /** A call on one item below its path (`POST /tickets/{id}/close`, `GET /files/{id}/content`). */
  | {
      readonly kind: 'member';
      readonly collection: Collection;
      readonly idParam: string;
      /** The segment after the id: an action's name (`close`) or what is read (`content`). */
      readonly action: string;
    }
  | { readonly kind: 'other' };

export interface Route {
  readonly operation: OperationModel;
  readonly role: Role;
  readonly pattern: RegExp;
  /** Path parameter names, in the order the pattern captures them. */
  readonly params: readonly string[];
}

/**
 * Every operation as a route, with what it does to the mock's state: a GET that returns a
 * list makes its path a collection, and so does a POST answering an item that paths below it
 * name (`POST /files` beside `GET /files/{id}`); POST there creates, and GET / POST / PUT / PATCH / DELETE
 * on `<collection>/{id}` read, change and remove one item, and a call on `<collection>/{id}/<name>`
 * acts on it (an action, a download). Anything else answers from its response schema and examples.
 */
export function buildRoutes(model: ApiModel, lookup: SchemaLookup): Route[] {
  const operations = allOperations(model.root);
  const collections = mockCollections(operations, lookup);
  const routes = operations.map((operation): Route => {
    const { pattern, params } = compileTemplate(operation.path);
    return { operation, role: roleOf(operation, collections), pattern, params };
  });
  // `/jobs/active` before `/jobs/{id}`: fixed segments are more specific than parameters.
  return routes.sort(
    (a, b) =>
      staticSegments(b.operation.path) - staticSegments(a.operation.path) ||
      b.operation.fixedQuery.length - a.operation.fixedQuery.length ||
      a.operation.path.localeCompare(b.operation.path),
  );
}

function roleOf(operation: OperationModel, collections: ReadonlyMap<string, Collection>): Role {
  const collection = collections.get(operation.path);
  if (collection !== undefined) {
    // A paged POST lists too: its filters, and maybe its page parameters, are in its body.
    const lists = operation.method === 'get' || (operation.method === 'post' && operation.pagination !== undefined);
    if (lists && collection.listed) return { kind: 'list', collection };
    if (operation.method === 'post') return { kind: 'create', collection };
    return { kind: 'other' };
  }
  const member = /^(.*)\/\{([^{}/]+)\}\/([^{}/]+)$/.exec(operation.path);
  if (member !== null) {
    const [, base = '', idParam = '', action = ''] = member;
    const owner = collections.get(base);
    return owner === undefined || owner.idField === undefined
      ? { kind: 'other' }
      : { kind: 'member', collection: owner, idParam, action };
  }
  const parent = operation.path.replace(/\/\{[^{}/]+\}$/, '');
  const idParam = /\/\{([^{}/]+)\}$/.exec(operation.path)?.[1];
  const owner = collections.get(parent);
  if (owner === undefined || idParam === undefined || owner.idField === undefined) return { kind: 'other' };
  switch (operation.method) {
    case 'get':
      return { kind: 'retrieve', collection: owner, idParam };
    case 'post':
    case 'put':
    case 'patch':
      return { kind: 'update', collection: owner, idParam };
    case 'delete':
      return { kind: 'delete', collection: owner, idParam };
    default:
      return { kind: 'other' };
  }
}

/** `/projects/{project_id}/groups` → `^/projects/([^/]+)/groups$`, capturing `project_id`. */
export function compileTemplate(template: string): { pattern: RegExp; params: string[] } {
  const params: string[] = [];
  let source = '';
  let last = 0;
  for (const match of template.matchAll(/\{([^{}]+)\}/g)) {
    source += `${escapeRegExp(template.slice(last, match.index))}([^/]+)`;
    params.push(match[1] as string);
    last = match.index + match[0].length;
  }
  source += escapeRegExp(template.slice(last));
  return { pattern: new RegExp(`^${source}/?$`), params };
}

/** How many segments of a path template are fixed: the more, the more specific a route. */
export function staticSegments(path: string): number {
  return path.split('/').filter((s) => s !== '' && !s.includes('{')).length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
