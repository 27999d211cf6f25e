import { bodyArgumentType } from './body-param.js';
import { isListResponse } from './infer-pagination.js';
import { bodyTakesParams } from './merged-params.js';
import type { NamingConventions, OperationModel, OperationPagination, ResourceModel, TypeModel } from './model.js';
import { type PlannedName, planNames } from './name-plan.js';
import { camelCase, type NameRegistry, pascalCase, singular } from './names.js';
import { ODataSegments } from './odata-segments.js';
import { OperationIds } from './operation-ids.js';
import { type OperationDraft, pathParamsAvoiding } from './operations.js';
import { OwnTypeNames } from './own-type-names.js';
import { bodyTakesPath, lastPathArgument } from './path-arguments.js';
import { namingSegments, operationRoute } from './route.js';
import type { SchemaConverter } from './schemas.js';
import type { SpecContext } from './spec-context.js';
import { streamingOf } from './streaming.js';
import { operationTypeNames, resourceClassNames, shallowestFirst, type TypeRole } from './type-names.js';

/** The arguments every method has besides path parameters, which a path argument's name must not take. */
const SIGNATURE_ARGUMENTS = ['client', 'params', 'body', 'options'];

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
  conventions: Conventions = {},
): ResourceModel {
  const root: Node = { name: '', path: [], children: new Map(), operations: [] };
  const paths = new Set(drafts.map(({ draft }) => draft.path));
  const odata = new ODataSegments(componentSchemaNames(ctx), paths);
  const ids = new OperationIds(drafts.map(({ draft }) => ownId(draft.operationId)));
  if (ctx.kept !== undefined) ctx.kept.routes = new Set(drafts.map(({ draft }) => operationRoute(draft)));
  const plan = planNames(
    ctx,
    drafts.map(({ draft, pagination }) => ({
      method: draft.method,
      path: draft.path,
      segments: odata.segments(namingSegments(draft.path, paths)),
      fixedQuery: draft.fixedQuery,
      operationId: ids.words(ownId(draft.operationId)),
      summary: draft.docs.summary,
      declared: draft.extensions,
      codeSample: draft.codeSample,
      tag: draft.tag,
      returnsBody: draft.response.type !== undefined,
      listLike: pagination !== undefined || isListResponse(schemas, draft.response.type, draft.path),
      paginated: pagination !== undefined,
      wholeList: pagination?.pageClass.scheme.type === 'single',
      itemName: pagination?.item.kind === 'ref' ? pagination.item.name : undefined,
      odata: odata.active,
      responseName: draft.response.type?.kind === 'ref' ? draft.response.type.name : undefined,
      format: draft.response.format,
      sendsBody: draft.body !== undefined,
      location: draft.location,
      // An alias is declared at its own place; the lock keeps the operation's own.
      kept:
        draft.extensions.aliasOf === true
          ? undefined
          : ctx.kept?.operation({
              ...draft,
              operationId: draft.operationId.includes(' ') ? undefined : draft.operationId,
            }),
    })),
    conventions.naming,
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
  return toModel(root, {
    spec: ctx,
    names,
    clientClassName,
    schemas,
    pathArguments: conventions.pathArguments,
    perMethod: conventions.typeNames === 'per-method',
    optionsOverload: conventions.optionsOverload === true,
    mergedParams: conventions.requestParams === 'merged',
    operationIds: ids,
  });
}

/** The keys of `components.schemas`: an OData spec's are its types' full names (`microsoft.graph.user`). */
function componentSchemaNames(ctx: SpecContext): string[] {
  const components = (ctx.spec.root.value as Record<string, unknown>)['components'];
  const schemas =
    typeof components === 'object' && components !== null
      ? (components as Record<string, unknown>)['schemas']
      : undefined;
  return typeof schemas === 'object' && schemas !== null ? Object.keys(schemas) : [];
}

/** The client-wide conventions of `x-sdkgen-client` that shape signatures and type names. */
export interface Conventions {
  readonly pathArguments?: 'last' | undefined;
  readonly typeNames?: 'per-method' | undefined;
  readonly optionsOverload?: true | undefined;
  readonly requestParams?: 'merged' | undefined;
  readonly naming?: NamingConventions | undefined;
}

interface ModelContext {
  readonly spec: SpecContext;
  readonly names: NameRegistry;
  readonly clientClassName: string;
  readonly pathArguments: 'last' | undefined;
  /** `typeNames: per-method`: params and responses named by the method, as Stainless names them. */
  readonly perMethod: boolean;
  readonly optionsOverload: boolean;
  /** `requestParams: merged`: query and header parameters join a JSON object body's fields in one argument. */
  readonly mergedParams: boolean;
  readonly schemas: SchemaConverter;
  readonly operationIds: OperationIds;
}

/** The spec's operationId, or none where the draft made one of its route (`get /items`). */
const ownId = (operationId: string): string | undefined => (operationId.includes(' ') ? undefined : operationId);

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
  const className = node.path.length === 0 ? clientClassName : resourceClassName(node, ctx);
  const operations: OperationModel[] = node.operations.map(({ draft, planned, pagination, unpaginated }) => {
    const method = planned.method;
    const operationId = ctx.operationIds.exported(ownId(draft.operationId));
    // Two operations of one id and one place (`/items/{id}` and `/items/{key}`) differ by their route.
    const route = `${draft.method} ${draft.path} ${draft.fixedQuery.map((q) => `${q.name} ${q.value}`).join(' ')}`;
    const own = new OwnTypeNames(names, ctx.spec.kept?.types(draft));
    // Every role's names are the same stems with the role's suffix: made once per operation, not
    // once per role (Graph's deep paths split their parents' names ~500,000 times before).
    let stems: readonly string[] | undefined;
    const typeNames = (suffix: string, before: readonly string[] = []): string[] => {
      stems ??= operationTypeNames({
        resource: node.path,
        method,
        suffix: '',
        operationId,
        route,
        stainlessCasing: ctx.perMethod,
      });
      return own.offer(suffix, [...before, ...stems.map((stem) => `${stem}${suffix}`)]);
    };
    const {
      extensions: _extensions,
      pageClass: _pageClass,
      vendorPagination: _vendor,
      codeSample: _codeSample,
      tag: _tag,
      ...model
    } = draft;
    const split =
      ctx.pathArguments === 'last'
        ? lastPathArgument(draft.pathParams, [...draft.queryParams, ...draft.headerParams], SIGNATURE_ARGUMENTS)
        : undefined;
    const pathInParams = split !== undefined && split.pathInParams.length > 0 ? split.pathInParams : undefined;
    // Earlier path parameters go among a JSON object body's fields, as Stainless merges them.
    const pathInBody =
      pathInParams !== undefined && bodyTakesPath(draft.body, pathInParams, (name) => ctx.schemas.lookup(name));
    const hasParams =
      draft.queryParams.length > 0 || draft.headerParams.length > 0 || (pathInParams !== undefined && !pathInBody);
    const paramsInBody =
      ctx.mergedParams &&
      hasParams &&
      bodyTakesParams(
        draft.body,
        [
          ...draft.queryParams.map((p) => p.property),
          ...draft.headerParams.map((p) => p.property),
          ...(pathInBody ? [] : (pathInParams ?? [])),
        ],
        (name) => ctx.schemas.lookup(name),
      );
    const unnamed = { ...model, pagination, streaming: streamingOf(ctx.schemas, draft) };
    const inline = hoistInlineTypes(ctx, unnamed, node, typeNames, hasParams);
    const hoisted = ctx.perMethod ? namedPerMethod(ctx, inline, typeNames, hasParams) : inline;
    const paramsTypeName = hasParams ? names.claim(...typeNames('Params')) : undefined;
    const role = { resource: node.path, method, operationId, route, stainlessCasing: ctx.perMethod };
    const moduleTypeNames = ctx.perMethod ? plainNamesTaken(hoisted, paramsTypeName, role) : {};
    // Named after the operationId where the spec gives one, else after its place on the client.
    const fromPath = camelCase([...node.path, method].join(' ')) || method;
    // An alias's copy leaves the operationId's name to the operation's own place.
    const fromId =
      operationId === undefined || draft.extensions.aliasOf === true ? fromPath : camelCase(operationId) || fromPath;
    const functionName = names.claim(...own.offer('function', [fromId, fromPath, camelCase(route)]));
    return {
      ...hoisted,
      pathParams: pathParamsAvoiding(split?.pathParams ?? hoisted.pathParams, functionName),
      // One argument has no order to keep: `pathArguments: last` leaves no earlier order to list.
      ...(split === undefined ? {} : { pathParamsDeclared: undefined }),
      ...(pathInParams === undefined ? {} : { pathInParams }),
      ...(pathInBody ? { pathInBody: true as const } : {}),
      ...(paramsInBody ? { paramsInBody: true as const } : {}),
      ...(ctx.optionsOverload && takesOptionsAlone(draft, pathInParams) ? { optionsAlone: true as const } : {}),
      name: method,
      naming: {
        rule: planned.rule,
        note: planned.note,
        ...(planned.kept === true ? { kept: true as const } : {}),
        ...(draft.extensions.aliasOf === true ? { alias: true as const } : {}),
        types: own.taken,
      },
      paramsTypeName,
      ...(Object.keys(moduleTypeNames).length === 0 ? {} : { moduleTypeNames }),
      functionName,
      ...(unpaginated === undefined ? {} : { unpaginated }),
    };
  });
  return { className, operations };
}

/**
 * `typeNames: per-method`: the method's params and response types that are qualified by their
 * resource's parents (`PlatformExternalAccountCreateParams`) because another resource took the
 * plain name, each with the plain name (`ExternalAccountCreateParams`) its own module gives it.
 */
function plainNamesTaken(
  operation: Unnamed,
  paramsTypeName: string | undefined,
  role: Omit<TypeRole, 'suffix'>,
): Record<string, string> {
  const { body, response, pagination } = operation;
  const named: [string, string | undefined][] = [
    ['Params', paramsTypeName],
    ['Params', body?.param === undefined && body?.type.kind === 'ref' ? body.type.name : body?.argumentTypeName],
    ['Response', response.type?.kind === 'ref' ? response.type.name : undefined],
    ['Response', pagination?.item.kind === 'ref' ? pagination.item.name : undefined],
  ];
  const out: Record<string, string> = {};
  for (const [suffix, name] of named) {
    if (name === undefined) continue;
    const candidates = operationTypeNames({ ...role, suffix });
    const plain = candidates[0];
    if (plain !== undefined && name !== plain && candidates.includes(name)) out[name] = plain;
  }
  return out;
}

/** The class name the names lock keeps for the resource, else the first free one by its path. */
function resourceClassName(node: Node, ctx: ModelContext): string {
  const kept = ctx.spec.kept?.resource(node.path);
  const name = ctx.names.claimKept(kept);
  if (kept !== undefined && name === undefined)
    ctx.spec.diagnostics.warning(
      'name-kept-taken',
      `The class of ${node.path.join('.')} was ${kept} (${ctx.spec.kept?.file}), but ${kept} is now taken by a name that comes first (declared, the client's, a page class's) or is no type name; it is named afresh.`,
      node.operations[0]?.draft.location,
    );
  return name ?? ctx.names.claim(...resourceClassNames(node.path));
}

/** Whether request options can stand alone in place of the params (`x-sdkgen-client.optionsOverload`). */
function takesOptionsAlone(draft: OperationDraft, pathInParams: readonly unknown[] | undefined): boolean {
  const params = [...draft.queryParams, ...draft.headerParams];
  return (
    draft.body === undefined && pathInParams === undefined && params.length > 0 && params.every((p) => !p.required)
  );
}

/** An operation's type names for a role, plainest first; `before`: candidates that come first. */
type TypeNames = (suffix: string, before?: readonly string[]) => string[];

type Unnamed = Omit<OperationModel, 'name' | 'naming' | 'paramsTypeName' | 'functionName'>;

/** Inline object types of a response, its list items and a body become named types (`BookListResponse`). */
function hoistInlineTypes(
  ctx: ModelContext,
  operation: Unnamed,
  node: Node,
  typeNames: TypeNames,
  hasParams: boolean,
): Unnamed {
  const isInlineObject = (type: TypeModel | undefined): type is Extract<TypeModel, { kind: 'object' }> =>
    type?.kind === 'object' && type.properties.length > 0;
  const hoist = (candidates: string[], type: TypeModel, description: string | undefined): TypeModel =>
    ctx.schemas.hoist(candidates, type, { description }, operation.location);
  let { response, pagination, body } = operation;
  if (pagination !== undefined && isInlineObject(pagination.item)) {
    const inlineItem = pagination.item;
    // Per method, a page's item is what Stainless names the list's answer (`ChatListResponse`).
    const itemNames = ctx.perMethod
      ? typeNames('Response')
      : typeNames('Item', [pascalCase(singular(node.name)) || 'Item']);
    const item = hoist(itemNames, inlineItem, undefined);
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
    response = {
      ...response,
      // Per method, a page's envelope leaves `…Response` to its items.
      type: hoist(
        typeNames(ctx.perMethod && pagination !== undefined ? 'Page' : 'Response'),
        response.type,
        response.description,
      ),
    };
  // Per method, a body that is the method's only argument object is its params (`ChatCreateParams`).
  const bodySuffix = ctx.perMethod && !hasParams && body?.param === undefined ? 'Params' : 'Body';
  if (body !== undefined && isInlineObject(body.type))
    body = { ...body, type: hoist(typeNames(bodySuffix), body.type, body.description) };
  return { ...operation, response, pagination, body };
}

/**
 * `typeNames: per-method`, as Stainless names types: a JSON answer is `<Resource><Method>Response`
 * (an alias where it is a named schema, `ChatRetrieveResponse = Chat`) unless it is a model
 * `x-sdkgen-name` declares, which the method returns itself (an `unknown` one returns `unknown`); a
 * page's items are named so too. A
 * body that is the method's only argument object is `<Resource><Method>Params`, whatever schema
 * it is, and so is the object that holds a body `x-sdkgen-body-param` names. The schemas keep
 * their own names beside the aliases.
 */
function namedPerMethod(ctx: ModelContext, operation: Unnamed, typeNames: TypeNames, hasParams: boolean): Unnamed {
  const alias = (suffix: string, type: TypeModel, description: string | undefined): TypeModel => {
    const candidates = typeNames(suffix);
    // Already named for the method (hoisted inline, or a schema of that very name).
    if (type.kind === 'ref' && candidates.includes(type.name)) return type;
    return ctx.schemas.hoist(candidates, type, { description }, operation.location);
  };
  let { response, body, pagination } = operation;
  const isModel = (type: TypeModel | undefined): boolean =>
    type?.kind === 'ref' && ctx.schemas.declaredNames.has(type.name);
  if (
    response.type !== undefined &&
    response.format === 'json' &&
    operation.pagination === undefined &&
    operation.streaming?.mode !== 'always' &&
    !isModel(response.type)
  ) {
    const named = alias('Response', response.type, response.description);
    // An answer of no declared shape: Stainless exports `KeyCreateResponse = unknown` but returns `unknown`.
    const unknown = response.type.kind === 'primitive' && response.type.name === 'unknown';
    if (!unknown) response = { ...response, type: named };
  }
  if (body !== undefined && !hasParams)
    body =
      body.param === undefined
        ? { ...body, type: alias('Params', body.type, body.description) }
        : // The object that holds a body of another kind is the params: `CustomerCreateParams { CreateCustomerRequest }`.
          {
            ...body,
            argumentTypeName: ctx.schemas.hoist(typeNames('Params'), bodyArgumentType(body), {}, operation.location)
              .name,
          };
  // A page's items are named like an answer: `TransactionListResponse`, unless they are a model.
  if (pagination !== undefined && !isModel(pagination.item))
    pagination = { ...pagination, item: alias('Response', pagination.item, undefined) };
  return { ...operation, response, body, pagination };
}
