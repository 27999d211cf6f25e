import { isListResponse } from './infer-pagination.js';
import type { OperationModel, OperationPagination, ResourceModel, TypeModel } from './model.js';
import { type PlannedName, planNames } from './name-plan.js';
import { camelCase, type NameRegistry, pascalCase, singular } from './names.js';
import { type OperationDraft, pathParamsAvoiding } from './operations.js';
import { namingSegments } from './route.js';
import type { SchemaConverter } from './schemas.js';
import type { SpecContext } from './spec-context.js';
import { streamingOf } from './streaming.js';
import { operationTypeNames, resourceClassNames, shallowestFirst } from './type-names.js';

interface Node {
  readonly name: string;
  readonly path: readonly string[];
  readonly children: Map<string, Node>;
  readonly operations: {
    readonly draft: OperationDraft;
    readonly planned: PlannedName;
    readonly pagination: OperationPagination | undefined;
    readonly unpaginated: string | undefined;
  }[];
}

/**
 * Places every operation on a resource, by the names the plan gives (name-plan.ts): where
 * `x-sdkgen-resource` / `x-sdkgen-method` say, else where its path suggests.
 */
export function buildResources(
  ctx: SpecContext,
  drafts: readonly {
    readonly draft: OperationDraft;
    readonly pagination: OperationPagination | undefined;
    readonly unpaginated: string | undefined;
  }[],
  names: NameRegistry,
  clientClassName: string,
  schemas: SchemaConverter,
): ResourceModel {
  const root: Node = { name: '', path: [], children: new Map(), operations: [] };
  const paths = new Set(drafts.map(({ draft }) => draft.path));
  const plan = planNames(
    ctx,
    drafts.map(({ draft, pagination }) => ({
      method: draft.method,
      path: draft.path,
      segments: namingSegments(draft.path, paths),
      fixedQuery: draft.fixedQuery,
      operationId: draft.operationId.includes(' ') ? undefined : draft.operationId,
      summary: draft.docs.summary,
      declared: draft.extensions,
      codeSample: draft.codeSample,
      returnsBody: draft.response.type !== undefined,
      listLike: pagination !== undefined || isListResponse(schemas, draft.response.type, draft.path),
      paginated: pagination !== undefined,
      responseName: draft.response.type?.kind === 'ref' ? draft.response.type.name : undefined,
      format: draft.response.format,
      sendsBody: draft.body !== undefined,
      location: draft.location,
    })),
  );
  drafts.forEach(({ draft, pagination, unpaginated }, index) => {
    const planned = plan[index] as PlannedName;
    let node = root;
    for (const segment of planned.resource) {
      let child = node.children.get(segment);
      if (child === undefined) {
        child = { name: segment, path: [...node.path, segment], children: new Map(), operations: [] };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.operations.push({ draft, planned, pagination, unpaginated });
  });
  return toModel(root, { names, clientClassName, schemas });
}

interface ModelContext {
  readonly names: NameRegistry;
  readonly clientClassName: string;
  readonly schemas: SchemaConverter;
}

/**
 * The resource tree as the model has it. Names are claimed shallower resources first
 * (type-names.ts), then the tree is put together in its own order.
 */
function toModel(root: Node, ctx: ModelContext): ResourceModel {
  const named = new Map<Node, Pick<ResourceModel, 'className' | 'operations'>>();
  for (const node of shallowestFirst(root, (n) => n.children.values())) named.set(node, nameNode(node, ctx));
  const assemble = (node: Node): ResourceModel => ({
    name: node.name,
    path: node.path,
    ...(named.get(node) as Pick<ResourceModel, 'className' | 'operations'>),
    children: [...node.children.values()].map(assemble),
  });
  return assemble(root);
}

function nameNode(node: Node, ctx: ModelContext): Pick<ResourceModel, 'className' | 'operations'> {
  const { names, clientClassName } = ctx;
  const className = node.path.length === 0 ? clientClassName : names.claim(...resourceClassNames(node.path));
  const operations: OperationModel[] = node.operations.map(({ draft, planned, pagination, unpaginated }) => {
    const method = planned.method;
    const operationId = draft.operationId.includes(' ') ? undefined : draft.operationId;
    // Two operations of one id and one place (`/items/{id}` and `/items/{key}`) differ by their route.
    const route = `${draft.method} ${draft.path} ${draft.fixedQuery.map((q) => `${q.name} ${q.value}`).join(' ')}`;
    const typeNames = (suffix: string): string[] =>
      operationTypeNames({ resource: node.path, method, suffix, operationId, route });
    const hasParams = draft.queryParams.length > 0 || draft.headerParams.length > 0;
    const {
      extensions: _extensions,
      pageClass: _pageClass,
      vendorPagination: _vendor,
      codeSample: _codeSample,
      ...model
    } = draft;
    const hoisted = hoistInlineTypes(
      ctx,
      { ...model, pagination, streaming: streamingOf(ctx.schemas, draft) },
      node,
      typeNames,
    );
    const paramsTypeName = hasParams ? names.claim(...typeNames('Params')) : undefined;
    // Named after the operationId where the spec gives one, else after its place on the client.
    const fromPath = camelCase([...node.path, method].join(' ')) || method;
    const fromId = operationId === undefined ? fromPath : camelCase(operationId) || fromPath;
    const functionName = names.claim(fromId, fromPath, camelCase(route));
    return {
      ...hoisted,
      pathParams: pathParamsAvoiding(hoisted.pathParams, functionName),
      name: method,
      naming: { rule: planned.rule, note: planned.note },
      paramsTypeName,
      functionName,
      ...(unpaginated === undefined ? {} : { unpaginated }),
    };
  });
  return { className, operations };
}

type Unnamed = Omit<OperationModel, 'name' | 'naming' | 'paramsTypeName' | 'functionName'>;

/** Inline object types of a response, its list items and a body become named types (`BookListResponse`). */
function hoistInlineTypes(
  ctx: ModelContext,
  operation: Unnamed,
  node: Node,
  typeNames: (suffix: string) => string[],
): Unnamed {
  const isInlineObject = (type: TypeModel | undefined): type is Extract<TypeModel, { kind: 'object' }> =>
    type?.kind === 'object' && type.properties.length > 0;
  const hoist = (candidates: string[], type: TypeModel, description: string | undefined): TypeModel =>
    ctx.schemas.hoist(candidates, type, { description }, operation.location);
  let { response, pagination, body } = operation;
  if (pagination !== undefined && isInlineObject(pagination.item)) {
    const inlineItem = pagination.item;
    const item = hoist([pascalCase(singular(node.name)) || 'Item', ...typeNames('Item')], inlineItem, undefined);
    pagination = { ...pagination, item };
    const envelope = response.type;
    if (envelope?.kind === 'object') {
      // The envelope's items array now refers to the named item.
      const properties = envelope.properties.map((p) =>
        p.type.kind === 'array' && p.type.items === inlineItem
          ? { ...p, type: { kind: 'array' as const, items: item } }
          : p,
      );
      response = { ...response, type: { ...envelope, properties } };
    }
  }
  if (isInlineObject(response.type))
    response = { ...response, type: hoist(typeNames('Response'), response.type, response.description) };
  if (body !== undefined && isInlineObject(body.type))
    body = { ...body, type: hoist(typeNames('Body'), body.type, body.description) };
  return { ...operation, response, pagination, body };
}
