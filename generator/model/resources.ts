import type { OperationModel, OperationPagination, ResourceModel, TypeModel } from './model.js';
import { camelCase, pascalCase, singular, toIdentifier, type NameRegistry } from './names.js';
import { pathParamsAvoiding, type OperationDraft } from './operations.js';
import { isListResponse } from './pagination.js';
import type { SchemaConverter } from './schemas.js';
import { CLIENT_MEMBERS, RESOURCE_MEMBERS } from './reserved-names.js';
import type { SpecContext } from './spec-context.js';

interface Placement {
  readonly resource: readonly string[];
  readonly method: string;
  /** Whether the spec chose the method name (then a clash is the spec's error, not ours to rename). */
  readonly declared: boolean;
}

interface Node {
  readonly name: string;
  readonly path: readonly string[];
  readonly children: Map<string, Node>;
  readonly operations: { readonly draft: OperationDraft; readonly method: string; readonly pagination: OperationPagination | undefined }[];
}

/**
 * Places every operation on a resource: where `x-sdkgen-resource` / `x-sdkgen-method`
 * say, else where its path suggests. Method names are unique per resource.
 */
export function buildResources(
  ctx: SpecContext,
  drafts: readonly { readonly draft: OperationDraft; readonly pagination: OperationPagination | undefined }[],
  names: NameRegistry,
  clientClassName: string,
  schemas: SchemaConverter,
): ResourceModel {
  const root: Node = { name: '', path: [], children: new Map(), operations: [] };
  const paths = new PathIndex(drafts.map((d) => d.draft.path));
  const paginated = new Set(drafts.filter((d) => d.pagination !== undefined).map((d) => d.draft));
  const listLike = (draft: OperationDraft): boolean => paginated.has(draft) || isListResponse(schemas, draft.response.type);
  for (const { draft, pagination } of drafts) {
    const placement = place(draft, paths, listLike);
    let node = root;
    for (const declared of placement.resource) {
      const segment = unreserved(ctx, node, declared, draft.extensions.resource !== undefined, 'Resource', draft);
      let child = node.children.get(segment);
      if (child === undefined) {
        child = { name: segment, path: [...node.path, segment], children: new Map(), operations: [] };
        node.children.set(segment, child);
      }
      node = child;
    }
    let method = unreserved(ctx, node, placement.method, placement.declared, 'Method', draft);
    if (node.operations.some((o) => o.method === method)) {
      if (placement.declared) {
        ctx.diagnostics.error(
          'method-duplicate',
          `Two operations are named ${[...placement.resource, method].join('.')}().`,
          draft.location,
        );
      }
      method = uniqueMethodName(node, toIdentifier(camelCase(draft.operationId), method));
    }
    node.operations.push({ draft, method, pagination });
  }
  checkClashes(ctx, root);
  return toModel(root, { names, clientClassName, schemas }, undefined);
}

/**
 * A property name for `node`'s class that does not hide a member it inherits: an inferred
 * name steps aside with a suffix, a declared one is the spec's error.
 */
function unreserved(ctx: SpecContext, node: Node, name: string, declared: boolean, suffix: string, draft: OperationDraft): string {
  const isClient = node.path.length === 0;
  if (!(isClient ? CLIENT_MEMBERS : RESOURCE_MEMBERS).has(name)) return name;
  if (declared) {
    ctx.diagnostics.error('name-reserved', `\`${name}\` is already a member of ${isClient ? 'the client' : 'every resource'}; choose another name.`, draft.location);
  }
  return `${name}${suffix}`;
}

function place(draft: OperationDraft, paths: PathIndex, listLike: (draft: OperationDraft) => boolean): Placement {
  const inferred = inferPlacement(draft, paths, listLike);
  const declaredMethod = draft.extensions.method;
  return {
    resource: draft.extensions.resource ?? inferred.resource,
    method: declaredMethod ?? inferred.method,
    declared: declaredMethod !== undefined,
  };
}

const isTemplate = (segment: string): boolean => /^\{[^{}]+\}$/.test(segment);

/**
 * The operations' paths by shape: `/users/{user_id}/x` and `/users/{username}/x` are one
 * path. Built once, so placing each operation is constant time.
 */
class PathIndex {
  readonly #operations = new Map<string, number>();
  readonly #parents = new Set<string>();

  constructor(paths: readonly string[]) {
    for (const path of paths) {
      const shape = PathIndex.shape(path);
      this.#operations.set(shape, (this.#operations.get(shape) ?? 0) + 1);
      const segments = shape.split('/');
      for (let i = 1; i < segments.length; i++) this.#parents.add(segments.slice(0, i).join('/'));
    }
  }

  static shape(path: string): string {
    return path.replace(/\{[^{}]+\}/g, '{}');
  }

  /** How many operations share this path's shape. */
  operationsOn(path: string): number {
    return this.#operations.get(PathIndex.shape(path)) ?? 0;
  }

  /** Whether some operation's path lies below this one. */
  hasBelow(path: string): boolean {
    return this.#parents.has(PathIndex.shape(path));
  }
}

/**
 * `/a/{id}` → a.retrieve / update / delete; `/a` → a.list / create (retrieve, if it returns
 * one thing); an action segment after a parameter (`/jobs/{id}/cancel`) → jobs.cancel.
 */
function inferPlacement(draft: OperationDraft, paths: PathIndex, listLike: (draft: OperationDraft) => boolean): Omit<Placement, 'declared'> {
  const segments = draft.path.split('/').filter((s) => s !== '');
  const last = segments[segments.length - 1];
  const beforeLast = segments[segments.length - 2];
  const resourceOf = (parts: readonly string[]): string[] =>
    parts.filter((s) => !isTemplate(s)).map((s) => toIdentifier(camelCase(s), 'resource'));
  const returnsOne = draft.response.type !== undefined && !listLike(draft);
  // An action has no collection behaviour: nothing below it, and it is the only operation
  // of its path, either a POST (`/jobs/{id}/cancel`) or a GET of something that is not a
  // list (`/files/{id}/content`).
  const isAction =
    last !== undefined &&
    !isTemplate(last) &&
    beforeLast !== undefined &&
    isTemplate(beforeLast) &&
    !paths.hasBelow(draft.path) &&
    paths.operationsOn(draft.path) === 1 &&
    (draft.method === 'post' || (draft.method === 'get' && returnsOne));
  if (isAction) return { resource: resourceOf(segments.slice(0, -1)), method: toIdentifier(camelCase(last), 'action') };
  const onItem = last !== undefined && isTemplate(last);
  const method = draft.method === 'get' && !onItem && returnsOne ? 'retrieve' : verbName(draft.method, onItem);
  return { resource: resourceOf(segments), method };
}

function verbName(method: OperationDraft['method'], onItem: boolean): string {
  switch (method) {
    case 'get':
      return onItem ? 'retrieve' : 'list';
    case 'post':
      return onItem ? 'update' : 'create';
    case 'put':
    case 'patch':
      return 'update';
    case 'delete':
      return 'delete';
    case 'head':
    case 'options':
    case 'trace':
      return method;
    default: {
      const never: never = method;
      throw new Error(`unknown method ${String(never)}`);
    }
  }
}

function uniqueMethodName(node: Node, base: string): string {
  let name = base;
  for (let n = 2; node.operations.some((o) => o.method === name) || node.children.has(name); n++) name = `${base}${n}`;
  return name;
}

/** A child resource and a method of the same name cannot both be a property of one class. */
function checkClashes(ctx: SpecContext, node: Node): void {
  for (const op of node.operations) {
    if (node.children.has(op.method)) {
      ctx.diagnostics.error(
        'resource-method-clash',
        `${[...node.path, op.method].join('.')} is both a resource and a method.`,
        op.draft.location,
        'Rename one with x-sdkgen-resource or x-sdkgen-method.',
      );
    }
  }
  for (const child of node.children.values()) checkClashes(ctx, child);
}

interface ModelContext {
  readonly names: NameRegistry;
  readonly clientClassName: string;
  readonly schemas: SchemaConverter;
}

function toModel(node: Node, ctx: ModelContext, parent: Node | undefined): ResourceModel {
  const { names, clientClassName } = ctx;
  const className = node.path.length === 0 ? clientClassName : names.claim(pascalCase(node.name), `${pascalCase(node.name)}Resource`);
  const operations: OperationModel[] = node.operations.map(({ draft, method, pagination }) => {
    const base = `${singular(pascalCase(node.name))}${pascalCase(method)}`;
    const qualify = (suffix: string): string[] => [`${base}${suffix}`, `${singular(pascalCase(parent?.name ?? ''))}${base}${suffix}`];
    const hasParams = draft.queryParams.length > 0 || draft.headerParams.length > 0;
    const { extensions: _extensions, pageClass: _pageClass, ...model } = draft;
    const named = hoistInlineTypes(ctx, { ...model, pagination }, node, qualify);
    const paramsTypeName = hasParams ? names.claim(...qualify('Params')) : undefined;
    // Named after the operationId where the spec gives one, else after its place on the client.
    const fromPath = camelCase([...node.path, method].join(' ')) || method;
    const fromId = draft.operationId.includes(' ') ? fromPath : camelCase(draft.operationId) || fromPath;
    const functionName = names.claim(fromId, fromPath);
    return { ...named, pathParams: pathParamsAvoiding(named.pathParams, functionName), name: method, paramsTypeName, functionName };
  });
  return {
    name: node.name,
    className,
    path: node.path,
    operations,
    children: [...node.children.values()].map((child) => toModel(child, ctx, node)),
  };
}

type Unnamed = Omit<OperationModel, 'name' | 'paramsTypeName' | 'functionName'>;

/** Inline object types of a response, its list items and a body become named types (`BookListResponse`). */
function hoistInlineTypes(ctx: ModelContext, operation: Unnamed, node: Node, qualify: (suffix: string) => string[]): Unnamed {
  const isInlineObject = (type: TypeModel | undefined): type is Extract<TypeModel, { kind: 'object' }> =>
    type?.kind === 'object' && type.properties.length > 0;
  const hoist = (candidates: string[], type: TypeModel, description: string | undefined): TypeModel =>
    ctx.schemas.hoist(candidates, type, { description }, operation.location);
  let { response, pagination, body } = operation;
  if (pagination !== undefined && isInlineObject(pagination.item)) {
    const inlineItem = pagination.item;
    const item = hoist([pascalCase(singular(node.name)) || 'Item', ...qualify('Item')], inlineItem, undefined);
    pagination = { ...pagination, item };
    const envelope = response.type;
    if (envelope?.kind === 'object') {
      // The envelope's items array now refers to the named item.
      const properties = envelope.properties.map((p) => (p.type.kind === 'array' && p.type.items === inlineItem ? { ...p, type: { kind: 'array' as const, items: item } } : p));
      response = { ...response, type: { ...envelope, properties } };
    }
  }
  if (isInlineObject(response.type)) response = { ...response, type: hoist(qualify('Response'), response.type, response.description) };
  if (body !== undefined && isInlineObject(body.type)) body = { ...body, type: hoist(qualify('Body'), body.type, body.description) };
  return { ...operation, response, pagination, body };
}
