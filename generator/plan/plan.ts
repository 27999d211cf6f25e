/**
 * The client that would be generated, as data: every resource and method with its route,
 * what it returns, and why sdkgen named or paginated it so. `sdkgen plan` prints it, so a
 * user can review the inferences before generating anything.
 */

import { awaitedParts, partsText } from '../emit/return-shape.js';
import { mergedParamsRequired } from '../model/merged-params.js';
import type { ApiModel, OperationModel, PageScheme, ResourceModel } from '../model/model.js';
import { pathParamsInParams, positionalPathParams } from '../model/path-arguments.js';
import type { PlacementRule } from '../model/placement.js';
import { operationTypeNames } from '../model/type-names.js';
import type { AuthScheme } from '../runtime/types.js';

export interface Plan {
  readonly client: {
    readonly className: string;
    readonly packageName: string;
    readonly baseURL: string;
    readonly logEnv: string;
    /** What `x-sdkgen-client`'s settings change (environments, retries, options, …), one line each. */
    readonly settings?: readonly string[];
  };
  readonly auth: readonly {
    readonly option: string;
    readonly env: string | undefined;
    readonly how: string;
    readonly scheme: string;
    readonly reason: string;
  }[];
  readonly methods: readonly PlannedMethod[];
  /** Operations of the spec the client leaves out (`x-sdkgen-skip`), with the reason. */
  readonly leftOut?: readonly LeftOutOperation[] | undefined;
  /** What `--include` / `--exclude` did: per selector, the operations left out and why, the schemas pruned. */
  readonly filtered?: PlannedFilter | undefined;
  /** `client.webhooks`, where the API sends webhooks. */
  readonly webhooks?:
    | {
        readonly call: string;
        readonly returns: string;
        readonly events: readonly string[];
        readonly signature: string;
        readonly secretEnv: string;
      }
    | undefined;
}

export interface PlannedFilter {
  readonly selectors: NonNullable<ApiModel['filtered']>['selectors'];
  readonly kept: number;
  readonly notIncluded: number;
  readonly prunedSchemas: number;
  /** `by`: `--exclude tag:admin`, `matched by no --include`. */
  readonly leftOut: readonly {
    readonly http: string;
    readonly path: string;
    readonly operationId: string | undefined;
    readonly by: string;
  }[];
}

export interface LeftOutOperation {
  readonly http: string;
  readonly path: string;
  readonly operationId: string | undefined;
  readonly reason: string;
}

export interface PlannedMethod {
  /** `client.threads.runs.create` */
  readonly call: string;
  /** Its positional arguments, then `params` and `body` where it has them: `threadId, body`. */
  readonly args: string;
  readonly http: string;
  readonly path: string;
  /** `beta=true`: sent with every call. */
  readonly fixedQuery: string;
  /** What awaiting the call gives: `NextCursorPage<ProjectGroup> & GroupList`, `Run`, `BinaryResponse<'image/png'>`. */
  readonly returns: string;
  readonly functionName: string;
  readonly rule: PlacementRule;
  /** Its place and name are kept from the output's names lock (`.sdkgen-names.json`), whatever the rules now say. */
  readonly kept?: true | undefined;
  /** Every inference behind the method, each with its reason. */
  readonly reasons: readonly string[];
}

export function planOf(model: ApiModel): Plan {
  const { webhooks } = model;
  return {
    ...(webhooks === undefined
      ? {}
      : {
          webhooks: {
            call: `client.${webhooks.property}.unwrap`,
            returns: webhooks.eventType,
            events: webhooks.events.map((e) => e.name),
            signature:
              webhooks.signature.type === 'standard-webhooks'
                ? 'Standard Webhooks'
                : `HMAC-${webhooks.signature.algorithm} in ${webhooks.signature.header}`,
            secretEnv: webhooks.secretEnv,
          },
        }),
    client: {
      className: model.client.className,
      packageName: model.client.packageName,
      baseURL: model.client.baseURL,
      logEnv: model.client.logEnv,
      ...settingsOf(model.client),
    },
    auth: model.client.auth.map((a) => ({
      option: a.runtime.option,
      env: a.runtime.env,
      how: authHow(a.runtime),
      scheme: a.schemeName,
      reason: a.declared
        ? 'declared by x-sdkgen-auth'
        : `inferred: the option from ${a.namedFor === 'credential' ? 'what the credential is' : "the scheme's name"}, the variable from info.title`,
    })),
    methods: methodsOf(model.root, typeOwners(model)),
    ...(model.skipped === undefined || model.skipped.length === 0
      ? {}
      : {
          leftOut: model.skipped.map((op) => ({
            http: op.method.toUpperCase(),
            path: op.path,
            operationId: op.operationId,
            reason: op.reason,
          })),
        }),
    ...(model.filtered === undefined
      ? {}
      : {
          filtered: {
            ...model.filtered,
            leftOut: model.filtered.leftOut.map(({ method, path, operationId, by }) => ({
              http: method.toUpperCase(),
              path,
              operationId,
              by,
            })),
          },
        }),
  };
}

/** `Authorization: Bearer`, `header X-API-Key`: how a credential is sent, in a word or two. */
function authHow(scheme: AuthScheme): string {
  switch (scheme.type) {
    case 'bearer':
      return 'Authorization: Bearer';
    case 'basic':
      return `Authorization: Basic (with the password option ${scheme.passwordOption}${scheme.passwordEnv === undefined ? '' : `, from ${scheme.passwordEnv}`})`;
    case 'oauth2':
      return scheme.tokenUrl === undefined
        ? 'Authorization: Bearer (OAuth2)'
        : `Authorization: Bearer (OAuth2 client credentials from ${scheme.tokenUrl}, options ${scheme.clientIdOption} and ${scheme.clientSecretOption})`;
    case 'header':
    case 'query':
    case 'cookie':
      return `${scheme.type} ${scheme.name}`;
    default: {
      const never: never = scheme;
      throw new Error(`unknown scheme ${JSON.stringify(never)}`);
    }
  }
}

function methodsOf(resource: ResourceModel, owners: ReadonlyMap<string, string>): PlannedMethod[] {
  return [
    ...resource.operations.map((op) => methodOf(resource, op, owners)),
    ...resource.children.flatMap((child) => methodsOf(child, owners)),
  ];
}

const SPEC_SCHEMA = "the spec's schema";

/** What holds each exported type name: a schema of the spec, or a method's params, response or body. */
function typeOwners(model: ApiModel): Map<string, string> {
  const owners = new Map<string, string>();
  for (const schema of model.schemas)
    if (schema.componentKey !== undefined) owners.set(schema.name, `${SPEC_SCHEMA} ${schema.componentKey}`);
  const walk = (resource: ResourceModel): void => {
    for (const op of resource.operations) {
      const call = ['client', ...resource.path, op.name].join('.');
      for (const [role, name] of ownTypes(op)) if (!owners.has(name)) owners.set(name, `the ${role} of ${call}`);
    }
    resource.children.forEach(walk);
  };
  walk(model.root);
  return owners;
}

/** The types named for this operation: its params, and the response and body it left inline. */
function ownTypes(op: OperationModel): [role: string, name: string, suffix: string][] {
  const types: [string, string, string][] = [];
  if (op.paramsTypeName !== undefined) types.push(['params', op.paramsTypeName, 'Params']);
  if (op.body?.argumentTypeName !== undefined) types.push(['params', op.body.argumentTypeName, 'Params']);
  for (const [role, type, suffix] of [
    ['response', op.response.type, 'Response'],
    ['body', op.body?.type, 'Body'],
  ] as const)
    if (type?.kind === 'ref' && type.name.endsWith(suffix)) types.push([role, type.name, suffix]);
  return types;
}

/**
 * `type ProjectTaskListParams: named by its role, TaskListParams is the params of client.tasks.list`:
 * where a type of the operation does not have the plainest name its role gives, what has that name.
 */
function typeNamingReasons(resource: ResourceModel, op: OperationModel, owners: ReadonlyMap<string, string>): string[] {
  const operationId = op.operationId.includes(' ') ? undefined : op.operationId;
  const route = `${op.method} ${op.path} ${op.fixedQuery.map((q) => `${q.name} ${q.value}`).join(' ')}`;
  return ownTypes(op).flatMap(([role, name, suffix]) => {
    // A schema of the spec keeps its own name: it was not named for this operation.
    if (role !== 'params' && owners.get(name)?.startsWith(SPEC_SCHEMA) === true) return [];
    const candidates = operationTypeNames({ resource: resource.path, method: op.name, suffix, operationId, route });
    const plain = candidates[0];
    if (plain === undefined || plain === name || !candidates.includes(name)) return [];
    return [`type ${name}: named by its role, ${plain} is ${owners.get(plain) ?? 'taken'}`];
  });
}

function methodOf(resource: ResourceModel, op: OperationModel, owners: ReadonlyMap<string, string>): PlannedMethod {
  const merged = op.paramsInBody === true ? [mergedParamsRequired(op) ? 'params' : 'params?'] : undefined;
  const args = [
    ...positionalPathParams(op).map((p) => p.identifier),
    ...(merged ?? []),
    ...(merged !== undefined || op.body === undefined
      ? []
      : [
          `${op.body.param === undefined ? 'body' : `{ ${op.body.param} }`}${op.body.required || op.pathInBody === true ? '' : '?'}`,
        ]),
    ...(merged !== undefined || op.paramsTypeName === undefined
      ? []
      : [
          pathParamsInParams(op).length > 0 || [...op.queryParams, ...op.headerParams].some((p) => p.required)
            ? 'params'
            : 'params?',
        ]),
  ].join(', ');
  return {
    call: ['client', ...resource.path, op.name].join('.'),
    args,
    http: op.method.toUpperCase(),
    path: op.path,
    fixedQuery: op.fixedQuery.map((q) => `${q.name}=${q.value}`).join('&'),
    returns: returnsOf(op),
    functionName: op.functionName,
    rule: op.naming.rule,
    ...(op.naming.kept === true ? { kept: true as const } : {}),
    reasons: [...reasonsOf(resource, op), ...typeNamingReasons(resource, op, owners)],
  };
}

/** What awaiting the call gives, spelled as its declaration spells it. */
function returnsOf(op: OperationModel): string {
  return partsText(awaitedParts(op));
}

function reasonsOf(resource: ResourceModel, op: OperationModel): string[] {
  const reasons: string[] = [];
  const parent = resource.path.length === 0 ? 'the client' : resource.path.join('.');
  const last =
    op.path
      .split('/')
      .filter((s) => s !== '')
      .at(-1) ?? '';
  // A kept name the rules would now give otherwise: its note says what they give, and the rule's reason is theirs.
  const rule = op.naming.kept === true && op.naming.note !== undefined ? 'crud' : op.naming.rule;
  switch (rule) {
    case 'declared':
      reasons.push('named: declared by x-sdkgen-resource / x-sdkgen-method');
      break;
    case 'code-sample':
      reasons.push('named: the call its JavaScript x-codeSamples show');
      break;
    case 'scoped-id':
      reasons.push(
        `named: its operationId "${op.operationId}", a scope and a name, as every operationId of the API is`,
      );
      break;
    case 'tag':
      reasons.push(
        `named: its first tag (the resource) and its operationId "${op.operationId}" (the method), as x-sdkgen-client.naming.resources: tags says`,
      );
      break;
    case 'dotted-path':
      reasons.push(`named: its path "${op.path}", dotted names of resources and a method, as every path of the API is`);
      break;
    case 'membership':
      reasons.push(
        `named: it ${op.method === 'delete' ? 'takes a member out of' : 'puts a member in'} ${parent}, by the member's own path`,
      );
      break;
    case 'lookup':
      reasons.push(`named: it reads ${parent} by another key, the "${op.path.split('/').at(-2) ?? ''}" its path names`);
      break;
    case 'toggle':
      reasons.push(
        `named: it turns ${last} ${op.method === 'delete' ? 'off' : 'on'} (a write and a DELETE of one path that nothing reads), by the verb it says`,
      );
      break;
    case 'verb-segment':
      // `/simulate/tokenizations`, `/get_or_create/{name}`: the verb is a segment before the last.
      reasons.push(
        last.replace(/[^A-Za-z0-9]/g, '').toLowerCase() === op.name.toLowerCase()
          ? `named: "${last}" is an action verb, so a method of ${parent}`
          : `named: ${op.name}, an action verb and what it acts on in the path, so a method of ${parent}`,
      );
      break;
    case 'write-action':
      reasons.push(
        `named: a ${op.method.toUpperCase()} action named by its verb: "${last}" is an action verb, and nothing reads or deletes the path, so a method of ${parent}`,
      );
      break;
    case 'attached':
      reasons.push(
        `named: a part of one item of ${parent}: nothing lists "${
          op.path
            .split('/')
            .filter((s) => s !== '' && !s.startsWith('{'))
            .at(-1) ?? ''
        }", so its calls are methods of ${parent}`,
      );
      break;
    case 'setting':
      reasons.push(
        `named: a setting of one item of ${parent}: the API sets or clears "${
          op.path
            .split('/')
            .filter((s) => s !== '' && !s.startsWith('{'))
            .at(-1) ?? ''
        }" but never reads it, so a method of ${parent}`,
      );
      break;
    case 'download':
      reasons.push(`named: a download, named after "${last}"`);
      break;
    case 'action':
      reasons.push(`named: an action on one item, named after "${last}"`);
      break;
    case 'item-list':
      reasons.push(
        `named: the only call of "${last}", a page read below one item of ${parent}, so a method of ${parent}`,
      );
      break;
    case 'intent':
      reasons.push(
        `named: its ${op.operationId.includes(' ') ? 'summary' : 'operationId'} says "${op.name}", which the path's CRUD verb would contradict`,
      );
      break;
    case 'singleton':
      reasons.push('named: a write to a single object (no items; its GET reads what the POST answers), so an update');
      break;
    case 'view':
      reasons.push(`named: one of the GET views below ${parent}, which has no operation of its own`);
      break;
    case 'crud':
    case 'sub-resource':
      break;
    default: {
      const never: never = rule;
      throw new Error(`unknown rule ${String(never)}`);
    }
  }
  if (op.naming.note !== undefined) reasons.push(op.naming.note);
  if (op.fixedQuery.length > 0)
    reasons.push(
      `sends ${op.fixedQuery.map((q) => `${q.name}=${q.value}`).join('&')} with every call: the spec's path key has it`,
    );
  if (op.pagination !== undefined) {
    const how = op.pagination.inferred
      ? 'inferred'
      : op.pagination.fitted === true
        ? `fits the declared page class ${op.pagination.pageClass.name}`
        : `declared${op.pagination.declaredBy === undefined ? '' : ` by ${op.pagination.declaredBy}`}`;
    reasons.push(`paginated: ${how}, ${schemeText(op.pagination.pageClass.scheme)}`);
  }
  if (op.unpaginated !== undefined) reasons.push(`not paginated: ${op.unpaginated}`);
  if (op.streaming !== undefined) {
    const how = op.streaming.mode === 'flag' ? 'with stream: true in the body' : 'always';
    reasons.push(
      `streams ${how}: text/event-stream, ${op.streaming.events.text ? 'text' : 'JSON'} events up to "${op.streaming.events.terminator}"`,
    );
  }
  return reasons;
}

/** `next cursor "next" → "after"`: what a page reads and sends back for the next one. */
export function schemeText(scheme: PageScheme): string {
  const items = scheme.items === 'data' ? '' : `, items in "${scheme.items}"`;
  switch (scheme.type) {
    case 'cursor':
      return `next cursor "${scheme.cursorField}" → "${scheme.cursorParam}"${items}`;
    case 'item-id':
      return `last item's "${scheme.idField}" → "${scheme.cursorParam}"${scheme.beforeParam === undefined ? '' : ` (first item's → "${scheme.beforeParam}", backward)`}${items}`;
    case 'page-number':
      return `page number "${scheme.pageParam}"${scheme.totalPages === undefined ? '' : ` up to "${scheme.totalPages}"`}${items}`;
    case 'offset':
      return `offset "${scheme.offsetParam}"${scheme.total === undefined ? '' : ` up to "${scheme.total}"`}${items}`;
    case 'next-url':
      return `next URL "${scheme.urlField}"${items}`;
    case 'link-header':
      return `next URL in the Link header (rel="next")${items}`;
    case 'single':
      return `one page: the whole list${scheme.items === 'data' ? '' : ` in "${scheme.items}"`}, no paging parameter`;
    default: {
      const never: never = scheme;
      throw new Error(`unknown scheme ${JSON.stringify(never)}`);
    }
  }
}

/** The client settings of `x-sdkgen-client`, as the plan lists them; nothing where there are none. */
function settingsOf(client: ApiModel['client']): { settings?: string[] } {
  const lines: string[] = [];
  const environments = client.environments ?? [];
  if (environments.length > 0)
    lines.push(
      `environments ${environments.map((e, i) => `${e.name}${i === 0 ? ' (default)' : ''} ${e.url}`).join(', ')}`,
    );
  const { retries } = client;
  if (retries !== undefined)
    lines.push(
      `retries ${retries.maxRetries ?? 2}${retries.initialDelay === undefined && retries.maxDelay === undefined ? '' : `, backoff ${retries.initialDelay ?? 0.5} s up to ${retries.maxDelay ?? Math.max(8, retries.initialDelay ?? 0.5)} s`}`,
    );
  for (const o of client.options ?? [])
    lines.push(
      `option ${o.name}: ${o.type}${o.nullable ? ' | null' : ''}${o.header === undefined ? '' : `, header ${o.header}`}${o.query === undefined ? '' : `, query ${o.query}`}${o.env === undefined ? '' : `, from ${o.env}`}${o.default === undefined ? '' : `, default ${JSON.stringify(o.default)}`}`,
    );
  if (client.queryFormat !== undefined)
    lines.push(`query lists ${client.queryFormat.arrays}, objects ${client.queryFormat.objects}`);
  if (client.pathArguments !== undefined) lines.push(`path arguments ${client.pathArguments}`);
  if (client.readme !== undefined) lines.push(`README example ${client.readme.method} ${client.readme.path}`);
  return lines.length === 0 ? {} : { settings: lines };
}
