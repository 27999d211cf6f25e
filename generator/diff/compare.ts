import { createHash } from 'node:crypto';
import type { SourceLocation } from '../diagnostics.js';
import { bodyArgumentType } from '../model/body-param.js';
import { credentialOptions } from '../model/client.js';
import type {
  ApiModel,
  Constraints,
  FieldDocs,
  NamedSchema,
  OperationModel,
  ParameterModel,
  PropertyModel,
  ResourceModel,
  SpecPlace,
  TypeModel,
} from '../model/model.js';
import { movedPathParams, positionalPathParams } from '../model/path-arguments.js';
import { operationRoute } from '../model/route.js';
import { type RuleId, rule, type Severity } from './rules.js';

/** One change between two specs, with what it does to the wire and to the generated client. */
export interface Change {
  readonly rule: RuleId;
  /** The operations it reaches (`GET /pets`); empty for changes to the API as a whole. */
  readonly operations: readonly string[];
  /** What changed: "query parameter `limit`", "`Pet.owner` (response)". */
  readonly subject: string;
  readonly before?: string | undefined;
  readonly after?: string | undefined;
  readonly wire: Severity;
  readonly client: Severity;
  /** `docs` for what the spec says (descriptions, examples), `api` for what it does. */
  readonly kind: 'api' | 'docs';
  /** Where in the head spec (for a removal: in the base spec) the change is. */
  readonly location?: SourceLocation | undefined;
  /** Which spec `location` is in, once the diff command has told them apart (a removal: the base). */
  readonly locatedIn?: 'base' | 'head' | undefined;
  /** Stable across runs and key orders: the rule, the subject and the values. */
  readonly fingerprint: string;
}

type Values = { before?: string | undefined; after?: string | undefined };

type Side = 'request' | 'response';
type Lookup = (name: string) => NamedSchema | undefined;

/** Finds the line of a place in one side's spec (`placeLocator` of its loaded spec). */
export type PlaceLocator = (place: SpecPlace) => SourceLocation | undefined;

/**
 * Every change from `base` to `head`, each reported once with the operations it reaches. A
 * parameter's change is located at the parameter where `places` can find it, else at its operation.
 */
export function compareModels(
  base: ApiModel,
  head: ApiModel,
  places?: { readonly base: PlaceLocator; readonly head: PlaceLocator },
): Change[] {
  const collector = new Collector();
  const baseOps = operationsOf(base);
  const headOps = operationsOf(head);
  const lookups: Lookups = {
    base: lookupOf(base),
    head: lookupOf(head),
    schemes: { base: schemesOf(base), head: schemesOf(head) },
    places,
  };

  // An operation whose path or method changed but whose operationId stayed is one that moved.
  const removed = [...baseOps].filter(([key]) => !headOps.has(key));
  const added = new Map(
    [...headOps].filter(([key]) => !baseOps.has(key)).map(([key, op]) => [op.operation.operationId, { key, op }]),
  );
  const moved = new Set<string>();
  for (const [, before] of removed) {
    const target = added.get(before.operation.operationId);
    if (target === undefined || before.operation.operationId.includes(' ')) continue;
    collector.add(
      'operation-moved',
      undefined,
      `\`${before.label}\``,
      { before: before.label, after: target.op.label },
      target.op.operation.location,
    );
    compareOperation(collector, before, target.op, lookups);
    moved.add(before.label).add(target.op.label);
  }
  const gone: PlacedOperation[] = [];
  for (const [key, before] of baseOps) {
    const after = headOps.get(key);
    if (after !== undefined) compareOperation(collector, before, after, lookups);
    else if (!moved.has(before.label)) gone.push(before);
  }
  const fresh = [...headOps]
    .filter(([key, after]) => !baseOps.has(key) && !moved.has(after.label))
    .map(([, after]) => after);
  // An operation gone and one new, alike in all but the path: likely the same one, moved.
  const signature = (placed: PlacedOperation, lookup: Lookup): string => operationSignature(placed.operation, lookup);
  for (const [before, after] of pairUnique(
    gone,
    fresh,
    (o) => signature(o, lookups.base),
    (o) => signature(o, lookups.head),
  )) {
    collector.add(
      'operation-renamed',
      undefined,
      `\`${before.label}\``,
      { before: before.label, after: after.label },
      after.operation.location,
    );
    compareOperation(collector, before, after, lookups);
    gone.splice(gone.indexOf(before), 1);
    fresh.splice(fresh.indexOf(after), 1);
  }
  for (const before of gone) {
    // A deprecated operation was announced to go: its removal is expected, if still felt.
    collector.add(
      before.operation.docs.deprecated === true ? 'deprecated-operation-removed' : 'operation-removed',
      undefined,
      `\`${before.label}\``,
      { before: before.call },
      before.operation.location,
    );
  }
  for (const after of fresh)
    collector.add('operation-added', undefined, `\`${after.label}\``, { after: after.call }, after.operation.location);

  compareResourceClasses(collector, base, head);
  compareSchemas(collector, base, head, lookups, renamedOperationTypes(collector));
  compareWebhooks(collector, base, head, lookups);
  compareClient(collector, base, head);
  return collector.changes();
}

/**
 * Named types: removed, added, renamed (the same key in components.schemas, else likely: the same
 * shape), and their docs. `operationTypes`: names an operation's own type had and has, already
 * reported as `operation-type-renamed`.
 */
function compareSchemas(
  collector: Collector,
  base: ApiModel,
  head: ApiModel,
  lookups: Lookups,
  operationTypes: ReadonlySet<string>,
): void {
  const headByName = new Map(head.schemas.map((s) => [s.name, s]));
  const baseByName = new Map(base.schemas.map((s) => [s.name, s]));
  // A type an operation hoisted (no key of its own) and renamed is that operation's finding.
  const own = (s: NamedSchema): boolean => s.componentKey === undefined && operationTypes.has(s.name);
  const removed = base.schemas.filter((s) => !headByName.has(s.name) && !own(s));
  const added = head.schemas.filter((s) => !baseByName.has(s.name) && !own(s));
  const headByKey = new Map(added.flatMap((s) => (s.componentKey === undefined ? [] : [[s.componentKey, s] as const])));
  const sameKey = removed.flatMap((s) => {
    const after = s.componentKey === undefined ? undefined : headByKey.get(s.componentKey);
    return after === undefined ? [] : [[s, after] as [NamedSchema, NamedSchema]];
  });
  const keyed = new Set(sameKey.flat());
  const renamed = [
    ...sameKey,
    ...pairUnique(
      removed.filter((s) => !keyed.has(s)),
      added.filter((s) => !keyed.has(s)),
      (s) => shape(s.type, lookups.base, 0, true),
      (s) => shape(s.type, lookups.head, 0, true),
    ),
  ];
  for (const [before, after] of renamed)
    collector.add(
      'schema-renamed',
      undefined,
      `type \`${after.name}\``,
      { before: before.name, after: after.name },
      after.location,
    );
  const paired = new Set(renamed.flat());
  for (const schema of removed)
    if (!paired.has(schema)) collector.add('schema-removed', undefined, `type \`${schema.name}\``, {}, schema.location);
  for (const schema of added)
    if (!paired.has(schema)) collector.add('schema-added', undefined, `type \`${schema.name}\``, {}, schema.location);
  for (const after of head.schemas) {
    const before = baseByName.get(after.name);
    if (before === undefined) continue;
    const subject = `type \`${after.name}\``;
    if (text(before.docs.description) !== text(after.docs.description))
      collector.add('schema-description-changed', undefined, subject, {}, after.location);
    if (json(before.docs.example?.value) !== json(after.docs.example?.value))
      collector.add('example-changed', undefined, subject, {}, after.docs.example?.location ?? after.location);
  }
}

/**
 * The webhooks the API sends: events gone or new, how they are signed, and each payload, held
 * to the rules of a response (the API sends it; receivers read it).
 */
function compareWebhooks(collector: Collector, base: ApiModel, head: ApiModel, lookups: Lookups): void {
  const before = new Map((base.webhooks?.events ?? []).map((e) => [e.name, e]));
  const after = new Map((head.webhooks?.events ?? []).map((e) => [e.name, e]));
  for (const [name, event] of before)
    if (!after.has(name)) collector.add('webhook-removed', undefined, `webhook \`${name}\``, {}, event.location);
  for (const [name, event] of after) {
    const old = before.get(name);
    if (old === undefined) {
      collector.add('webhook-added', undefined, `webhook \`${name}\``, {}, event.location);
      continue;
    }
    new TypeComparison(collector, `webhook ${name}`, lookups).compare(
      'response',
      `webhook \`${name}\` payload`,
      old.type,
      event.type,
      'response-type-changed',
      event.location,
    );
  }
  const signed = (model: ApiModel): string | undefined =>
    model.webhooks === undefined ? undefined : JSON.stringify(model.webhooks.signature);
  if (base.webhooks !== undefined && head.webhooks !== undefined && signed(base) !== signed(head))
    collector.add('webhook-signature-changed', undefined, 'webhook signature', {
      before: signed(base),
      after: signed(head),
    });
}

/** The API as a whole: its servers, its docs, and the client's own names. */
function compareClient(collector: Collector, base: ApiModel, head: ApiModel): void {
  const a = base.client;
  const b = head.client;
  if (a.baseURL !== b.baseURL)
    collector.add('server-url-changed', undefined, 'default server URL', { before: a.baseURL, after: b.baseURL });
  const servers = setChanges(a.servers ?? [], b.servers ?? []);
  for (const url of servers.removed) collector.add('server-removed', undefined, `server \`${url}\``);
  for (const url of servers.added) collector.add('server-added', undefined, `server \`${url}\``);
  if (a.className !== b.className)
    collector.add('client-class-renamed', undefined, 'client class', { before: a.className, after: b.className });
  if (a.packageName !== b.packageName)
    collector.add('package-renamed', undefined, 'package', { before: a.packageName, after: b.packageName });
  for (const after of b.auth) {
    const before = a.auth.find((auth) => auth.schemeName === after.schemeName);
    if (before === undefined) continue;
    // Every option of the scheme: HTTP Basic's password, OAuth2's client id and secret are as visible as its key.
    const name = (auth: typeof after): string =>
      credentialOptions(auth.runtime)
        .map(({ option, env }) => `${option}${env === undefined ? '' : ` (${env})`}`)
        .join(', ');
    if (name(before) !== name(after))
      collector.add('auth-option-renamed', undefined, `credential \`${after.schemeName}\``, {
        before: name(before),
        after: name(after),
      });
  }
  compareSettings(collector, a, b);
  if (text(a.title) !== text(b.title))
    collector.add('api-title-changed', undefined, 'API title', { before: a.title, after: b.title });
  if (text(a.description) !== text(b.description))
    collector.add('api-description-changed', undefined, 'API description');
}

/** The environments and extra options of `x-sdkgen-client`: one a caller names and no longer has breaks its code. */
function compareSettings(collector: Collector, a: ApiModel['client'], b: ApiModel['client']): void {
  const environments = setChanges(
    (a.environments ?? []).map((e) => e.name),
    (b.environments ?? []).map((e) => e.name),
  );
  for (const name of environments.removed)
    collector.add('client-setting-removed', undefined, `environment \`${name}\``);
  const option = (o: NonNullable<typeof a.options>[number]): string =>
    `${o.type}${o.nullable ? ' | null' : ''}${o.header === undefined ? '' : ` in header ${o.header}`}${o.query === undefined ? '' : ` in query ${o.query}`}`;
  for (const before of a.options ?? []) {
    const after = b.options?.find((o) => o.name === before.name);
    if (after === undefined) collector.add('client-setting-removed', undefined, `client option \`${before.name}\``);
    else if (option(before) !== option(after))
      collector.add('client-setting-removed', undefined, `client option \`${before.name}\``, {
        before: option(before),
        after: option(after),
      });
  }
}

/**
 * Pairs the items of `gone` and `fresh` whose keys are equal, where exactly one of each has
 * that key: a likely rename. Two removed fields of the same type are left unpaired: which
 * became which is a guess.
 */
function pairUnique<A, B>(
  gone: readonly A[],
  fresh: readonly B[],
  keyOfGone: (a: A) => string,
  keyOfFresh: (b: B) => string,
): [A, B][] {
  const group = <T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> => {
    const groups = new Map<string, T[]>();
    for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
    return groups;
  };
  const before = group(gone, keyOfGone);
  const after = group(fresh, keyOfFresh);
  const pairs: [A, B][] = [];
  for (const [key, [a, ...moreA]] of before) {
    const [b, ...moreB] = after.get(key) ?? [];
    if (a !== undefined && b !== undefined && moreA.length === 0 && moreB.length === 0) pairs.push([a, b]);
  }
  return pairs;
}

/**
 * What an operation takes and gives, and where it sits (its method and the path above its last
 * segment): how one renamed in place (`/pets/search` → `/pets/find`) is recognized.
 */
function operationSignature(operation: OperationModel, lookup: Lookup): string {
  const parent = operation.path.replace(/\{[^}]*\}/g, '{}').replace(/\/[^/]*\/?$/, '');
  const params = [
    ...operation.pathParams.map((p) => `path:${shape(p.type, lookup)}`),
    ...[...operation.queryParams, ...operation.headerParams]
      .map((p) => `${p.in}:${p.name}${p.required ? '' : '?'}:${shape(p.type, lookup)}`)
      .sort(),
  ];
  return JSON.stringify([
    operation.method,
    parent,
    params,
    operation.body === undefined ? null : shape(operation.body.type, lookup, 0, true),
    operation.response.type === undefined ? null : shape(operation.response.type, lookup, 0, true),
  ]);
}

/** What a list of names lost and gained. */
function setChanges(before: readonly string[], after: readonly string[]): { removed: string[]; added: string[] } {
  const was = new Set(before);
  const is = new Set(after);
  return { removed: [...was].filter((x) => !is.has(x)), added: [...is].filter((x) => !was.has(x)) };
}

const text = (value: string | undefined): string => (value ?? '').trim();
const json = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value));
/** A value for "before → after", cut to a line. */
const short = (value: unknown): string | undefined => {
  if (value === undefined) return undefined;
  const written = JSON.stringify(value);
  return written.length > 60 ? `${written.slice(0, 57)}...` : written;
};

/** `[role, before, after]` for each type named for the operation (not its function) whose name changed. */
function typeRenames(a: OperationModel, b: OperationModel): [string, string, string][] {
  const before = a.naming.types ?? {};
  const after = b.naming.types ?? {};
  return Object.keys(before)
    .filter((role) => role !== 'function' && after[role] !== undefined && after[role] !== before[role])
    .sort()
    .map((role) => [role.toLowerCase(), before[role] as string, after[role] as string]);
}

/** The names of operations' own types that `operation-type-renamed` reports: not a schema removed and one added. */
function renamedOperationTypes(collector: Collector): Set<string> {
  return new Set(
    collector
      .changes()
      .filter((c) => c.rule === 'operation-type-renamed')
      .flatMap((c) => [c.before ?? '', c.after ?? '']),
  );
}

/** A resource at the same place on the client whose class is named otherwise (`Tasks` → `TasksResource`). */
function compareResourceClasses(collector: Collector, base: ApiModel, head: ApiModel): void {
  const classes = (model: ApiModel): Map<string, ResourceModel> => {
    const out = new Map<string, ResourceModel>();
    const walk = (r: ResourceModel): void => {
      if (r.path.length > 0) out.set(r.path.join('.'), r);
      r.children.forEach(walk);
    };
    walk(model.root);
    return out;
  };
  const after = classes(head);
  for (const [path, before] of classes(base)) {
    const now = after.get(path);
    if (now !== undefined && now.className !== before.className)
      collector.add('resource-class-renamed', undefined, `\`client.${path}\``, {
        before: before.className,
        after: now.className,
      });
  }
}

interface PlacedOperation {
  readonly operation: OperationModel;
  /** `GET /pets/{}`: the wire identity, whatever the path parameters are called. */
  readonly label: string;
  /** `client.pets.list` */
  readonly call: string;
}

function operationsOf(model: ApiModel): Map<string, PlacedOperation> {
  const out = new Map<string, PlacedOperation>();
  const visit = (resource: ResourceModel): void => {
    for (const operation of resource.operations) {
      const label = operationRoute(operation);
      const key = label.replace(/\{[^}]*\}/g, '{}');
      out.set(key, { operation, label, call: ['client', ...resource.path, operation.name].join('.') });
    }
    resource.children.forEach(visit);
  };
  visit(model.root);
  return out;
}

interface Lookups {
  readonly base: Lookup;
  readonly head: Lookup;
  /** Each credential option's security scheme: security is compared by scheme, whatever the option is called. */
  readonly schemes: { readonly base: ReadonlyMap<string, string>; readonly head: ReadonlyMap<string, string> };
  readonly places: { readonly base: PlaceLocator; readonly head: PlaceLocator } | undefined;
}

function schemesOf(model: ApiModel): ReadonlyMap<string, string> {
  return new Map(model.client.auth.map((auth) => [auth.runtime.option, auth.schemeName]));
}

function lookupOf(model: ApiModel): Lookup {
  const byName = new Map(model.schemas.map((s) => [s.name, s]));
  return (name) => byName.get(name);
}

function compareOperation(collector: Collector, base: PlacedOperation, head: PlacedOperation, lookups: Lookups): void {
  const op = head.label;
  const a = base.operation;
  const b = head.operation;
  const at = b.location;
  const located = (side: 'base' | 'head', p: ParameterModel): SourceLocation | undefined =>
    p.place === undefined ? undefined : lookups.places?.[side](p.place);
  const add = (id: RuleId, subject: string, values: Values = {}, location: SourceLocation | undefined = at): void =>
    collector.add(id, op, subject, values, location);
  if (b.docs.deprecated === true && a.docs.deprecated !== true) add('operation-deprecated', `\`${op}\``);
  if (base.call !== head.call) add('operation-method-renamed', `\`${op}\``, { before: base.call, after: head.call });
  const order = (o: OperationModel): string[] => positionalPathParams(o).map((p) => p.identifier);
  if (order(a).join() !== order(b).join() && [...order(a)].sort().join() === [...order(b)].sort().join())
    add('operation-arguments-reordered', `\`${head.call}\``, {
      before: `(${order(a).join(', ')})`,
      after: `(${order(b).join(', ')})`,
    });
  if (a.functionName !== b.functionName)
    add('operation-function-renamed', `\`${op}\``, { before: a.functionName, after: b.functionName });
  for (const [role, before, after] of typeRenames(a, b))
    add('operation-type-renamed', `the ${role} type of \`${op}\``, { before, after });
  if (text(a.docs.summary) !== text(b.docs.summary))
    add('operation-summary-changed', `\`${op}\``, { before: a.docs.summary, after: b.docs.summary });
  if (text(a.docs.description) !== text(b.docs.description)) add('operation-description-changed', `\`${op}\``);
  if (text(a.docs.externalDocs) !== text(b.docs.externalDocs))
    add('operation-external-docs-changed', `\`${op}\``, { before: a.docs.externalDocs, after: b.docs.externalDocs });

  // `pathArguments: last` and back: the same wire, another call (`retrieve(id, { chat_id })`).
  const inParams = (o: OperationModel): string[] =>
    movedPathParams(o).map((p) => `${p.name}${o.pathInBody === true ? ' (in the body)' : ''}`);
  if (inParams(a).join() !== inParams(b).join())
    add('operation-path-arguments-changed', `\`${head.call}\``, {
      before: `(${order(a).join(', ')})${inParams(a).length === 0 ? '' : ` + params { ${inParams(a).join(', ')} }`}`,
      after: `(${order(b).join(', ')})${inParams(b).length === 0 ? '' : ` + params { ${inParams(b).join(', ')} }`}`,
    });

  // `requestParams: merged` and back: `list(body, params)` becomes `list(params)`, the same wire.
  if ((a.paramsInBody === true) !== (b.paramsInBody === true))
    add('operation-params-merged-changed', `\`${head.call}\``, {
      before: a.paramsInBody === true ? '(params)' : '(body, params)',
      after: b.paramsInBody === true ? '(params)' : '(body, params)',
    });

  // Parameters: path ones by position (their names are not on the wire), the others by place and name.
  const types = new TypeComparison(collector, op, lookups);
  const paramKey = (p: ParameterModel, index: number): string =>
    p.in === 'path' ? `path#${index}` : `${p.in}:${p.name.toLowerCase()}`;
  const params = (o: OperationModel): Map<string, ParameterModel> =>
    new Map([
      ...o.pathParams.map((p, i) => [paramKey(p, i), p] as const),
      ...[...o.queryParams, ...o.headerParams].map((p) => [paramKey(p, 0), p] as const),
    ]);
  const before = params(a);
  const after = params(b);
  const removed = [...before].filter(([key]) => !after.has(key)).map(([, p]) => p);
  const added = [...after].filter(([key]) => !before.has(key)).map(([, q]) => q);
  const paramShape = (p: ParameterModel, lookup: Lookup): string => `${p.in}:${p.required}:${shape(p.type, lookup)}`;
  const renamed = pairUnique(
    removed,
    added,
    (p) => paramShape(p, lookups.base),
    (q) => paramShape(q, lookups.head),
  );
  for (const [p, q] of renamed)
    add(
      'request-parameter-renamed',
      `${q.in} parameter \`${q.name}\``,
      { before: p.name, after: q.name },
      located('head', q) ?? at,
    );
  const paired = new Set<ParameterModel>(renamed.flat());
  for (const [key, p] of before) {
    const q = after.get(key);
    const subject = `${p.in} parameter \`${q?.name ?? p.name}\``;
    if (q === undefined) {
      if (!paired.has(p)) add('request-parameter-removed', subject, {}, located('base', p) ?? a.location);
      continue;
    }
    const where = located('head', q) ?? at;
    if (!p.required && q.required) add('request-parameter-became-required', subject, {}, where);
    if (p.required && !q.required) add('request-parameter-became-optional', subject, {}, where);
    types.compare('request', subject, p.type, q.type, 'request-parameter-type-changed', where);
    types.constraints('request', subject, p.docs.constraints, q.docs.constraints, where);
    types.fieldDocs('request', subject, p.docs, q.docs, where, 'parameter-description-changed');
  }
  for (const q of added) {
    if (!paired.has(q))
      add(
        q.required ? 'request-parameter-added-required' : 'request-parameter-added-optional',
        `${q.in} parameter \`${q.name}\``,
        {},
        located('head', q) ?? at,
      );
  }

  if (a.body === undefined && b.body !== undefined && b.body.required)
    add('request-body-added-required', 'request body');
  if (a.body !== undefined && b.body === undefined) add('request-body-removed', 'request body');
  if (a.body !== undefined && b.body !== undefined) {
    if (!a.body.required && b.body.required) add('request-body-became-required', 'request body');
    // As the method takes it: a body moved into a property (`x-sdkgen-body-param`) changes every call.
    types.compare(
      'request',
      'request body',
      bodyArgumentType(a.body),
      bodyArgumentType(b.body),
      'request-type-changed',
      at,
    );
  }

  if (a.response.type !== undefined && b.response.type === undefined) add('response-body-removed', 'response body');
  if (a.response.type !== undefined && b.response.type !== undefined)
    types.compare('response', 'response body', a.response.type, b.response.type, 'response-type-changed', at);
  if (text(a.response.description) !== text(b.response.description)) add('response-description-changed', 'response');
  if (
    a.response.format === 'json' &&
    b.response.format === 'json' &&
    json(a.response.example?.value) !== json(b.response.example?.value)
  ) {
    add('example-changed', 'response example', {}, b.response.example?.location ?? at);
  }

  // Statuses and headers the spec declares: a success status gone breaks callers who got it.
  const success = (status: string): boolean => /^2/.test(status);
  const statuses = setChanges(a.statuses ?? [], b.statuses ?? []);
  for (const status of statuses.removed)
    add(success(status) ? 'response-success-status-removed' : 'response-error-status-removed', `status \`${status}\``);
  for (const status of statuses.added)
    add(success(status) ? 'response-success-status-added' : 'response-error-status-added', `status \`${status}\``);
  const lower = (names: readonly string[] | undefined): string[] => (names ?? []).map((name) => name.toLowerCase());
  const headers = setChanges(lower(a.response.headers), lower(b.response.headers));
  for (const header of headers.removed) add('response-header-removed', `response header \`${header}\``);
  for (const header of headers.added) add('response-header-added', `response header \`${header}\``);

  const auth = (o: OperationModel, schemes: ReadonlyMap<string, string>): string =>
    o.auth
      .map((option) => schemes.get(option) ?? option)
      .sort()
      .join(', ') || 'none';
  const security = { before: auth(a, lookups.schemes.base), after: auth(b, lookups.schemes.head) };
  if (security.before !== security.after) add('security-changed', 'security', security);
  const scopes = setChanges(a.scopes ?? [], b.scopes ?? []);
  for (const scope of scopes.added) add('security-scope-added', `scope \`${scope}\``);
  for (const scope of scopes.removed) add('security-scope-removed', `scope \`${scope}\``);
  const paging = (o: OperationModel): string =>
    o.pagination === undefined
      ? 'none'
      : `${o.pagination.pageClass.name} ${JSON.stringify(o.pagination.pageClass.scheme)}`;
  if (paging(a) !== paging(b)) add('pagination-changed', 'pagination', { before: paging(a), after: paging(b) });
}

/**
 * Compares two types of one operation, field by field. Inside a named schema the subject is
 * the schema's path (`Pet.owner`), so a change reached through many operations is one change.
 */
class TypeComparison {
  readonly #collector: Collector;
  readonly #operation: string;
  readonly #lookups: { base: Lookup; head: Lookup };
  readonly #entered = new Set<string>();

  constructor(collector: Collector, operation: string, lookups: { base: Lookup; head: Lookup }) {
    this.#collector = collector;
    this.#operation = operation;
    this.#lookups = lookups;
  }

  compare(
    side: Side,
    subject: string,
    left: TypeModel,
    right: TypeModel,
    typeRule: RuleId,
    location: SourceLocation | undefined,
  ): void {
    // A body without its read-only fields (`Omit<NewPet, 'id'>`) is its schema: the fields' own flags say which side sees them.
    const a = left.kind === 'omit' ? left.type : left;
    const b = right.kind === 'omit' ? right.type : right;
    // A named schema on both sides: compare it once per side, under its own name.
    if (a.kind === 'ref' && b.kind === 'ref' && a.name === b.name) {
      const key = `${side}:${a.name}`;
      if (this.#entered.has(key)) return;
      this.#entered.add(key);
      const before = this.#lookups.base(a.name);
      const after = this.#lookups.head(b.name);
      if (before !== undefined && after !== undefined) {
        this.compare(
          side,
          `\`${a.name}\``,
          before.type,
          after.type,
          side === 'request' ? 'request-type-changed' : 'response-type-changed',
          after.location,
        );
        this.constraints(side, `\`${a.name}\``, before.docs.constraints, after.docs.constraints, after.location);
      }
      return;
    }
    const x = this.#resolve(a, 'base');
    const y = this.#resolve(b, 'head');
    if (side === 'response' && isNullable(y, this.#lookups.head) && !isNullable(x, this.#lookups.base)) {
      this.#add('response-became-nullable', subject, {}, location);
    }
    const [xs, ys] = [withoutNull(x), withoutNull(y)];
    const enumBefore = enumValues(xs, this.#lookups.base);
    const enumAfter = enumValues(ys, this.#lookups.head);
    if (enumBefore !== undefined && enumAfter !== undefined && enumBefore.open === enumAfter.open) {
      // An extensible enum promised more values may come, and its type takes any string.
      const [removed, added]: [RuleId, RuleId] = enumAfter.open
        ? ['extensible-enum-value-removed', 'extensible-enum-value-added']
        : side === 'request'
          ? ['request-enum-value-removed', 'request-enum-value-added']
          : ['response-enum-value-removed', 'response-enum-value-added'];
      for (const value of enumBefore.values)
        if (!enumAfter.values.has(value)) this.#add(removed, subject, { before: value }, location);
      for (const value of enumAfter.values)
        if (!enumBefore.values.has(value)) this.#add(added, subject, { after: value }, location);
      return;
    }
    if (xs.kind === 'object' && ys.kind === 'object') {
      this.#compareObjects(side, subject, xs, ys, location);
      return;
    }
    if (xs.kind === 'array' && ys.kind === 'array') {
      this.compare(side, `${subject}[]`, xs.items, ys.items, typeRule, location);
      return;
    }
    // Nullability was looked at above: the rest of the type is compared without null.
    const before = shape(xs, this.#lookups.base);
    const after = shape(ys, this.#lookups.head);
    if (before === after) return;
    // A request type that takes all it took (string → string | number), or a response type
    // that gives only what it gave: nothing that worked stops working.
    if (side === 'request' && accepts(ys, xs, this.#lookups.head, this.#lookups.base))
      this.#add('request-type-widened', subject, { before, after }, location);
    else if (side === 'response' && accepts(xs, ys, this.#lookups.base, this.#lookups.head))
      this.#add('response-type-narrowed', subject, { before, after }, location);
    else this.#add(typeRule, subject, { before, after }, location);
  }

  /**
   * Constraints (`maxLength`, `minimum`, `pattern`, …): tighter ones refuse requests that were
   * valid; looser ones in responses can surprise clients that relied on them.
   */
  constraints(
    side: Side,
    subject: string,
    a: Constraints | undefined,
    b: Constraints | undefined,
    location: SourceLocation | undefined,
  ): void {
    const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort() as (keyof Constraints)[];
    for (const key of keys) {
      const before = a?.[key];
      const after = b?.[key];
      if (before === after) continue;
      const tighter = tightened(key, before, after);
      const id: RuleId =
        side === 'request'
          ? tighter
            ? 'request-constraint-tightened'
            : 'request-constraint-loosened'
          : tighter
            ? 'response-constraint-tightened'
            : 'response-constraint-loosened';
      this.#add(
        id,
        subject,
        {
          before: before === undefined ? undefined : `${key}: ${String(before)}`,
          after: after === undefined ? undefined : `${key}: ${String(after)}`,
        },
        location,
      );
    }
  }

  /** What the docs of a parameter or field say: description and example; and its default and format. */
  fieldDocs(
    side: Side,
    subject: string,
    a: FieldDocs,
    b: FieldDocs,
    location: SourceLocation | undefined,
    descriptionRule: RuleId,
  ): void {
    if (text(a.description) !== text(b.description)) this.#add(descriptionRule, subject, {}, location);
    if (json(a.example?.value) !== json(b.example?.value))
      this.#add(
        'example-changed',
        subject,
        { before: short(a.example?.value), after: short(b.example?.value) },
        b.example?.location ?? location,
      );
    if (json(a.default?.value) !== json(b.default?.value)) {
      this.#add(
        side === 'request' ? 'request-default-changed' : 'response-default-changed',
        subject,
        { before: short(a.default?.value), after: short(b.default?.value) },
        location,
      );
    }
    if ((a.format ?? '') !== (b.format ?? ''))
      this.#add(
        side === 'request' ? 'request-format-changed' : 'response-format-changed',
        subject,
        { before: a.format, after: b.format },
        location,
      );
  }

  #compareObjects(
    side: Side,
    subject: string,
    a: Extract<TypeModel, { kind: 'object' }>,
    b: Extract<TypeModel, { kind: 'object' }>,
    location: SourceLocation | undefined,
  ): void {
    // Fields a side never sees do not count there: readOnly ones in requests, writeOnly in responses.
    const seen = (p: { readOnly: boolean; writeOnly: boolean }): boolean =>
      side === 'request' ? !p.readOnly : !p.writeOnly;
    const all = {
      before: new Map(a.properties.map((p) => [p.name, p])),
      after: new Map(b.properties.map((p) => [p.name, p])),
    };
    const before = new Map(a.properties.filter(seen).map((p) => [p.name, p]));
    const after = new Map(b.properties.filter(seen).map((p) => [p.name, p]));
    const field = (name: string): string =>
      subject.startsWith('`') && subject.endsWith('`')
        ? `${subject.slice(0, -1)}.${name}\``
        : `${subject} field \`${name}\``;
    const where = (p: PropertyModel | undefined): SourceLocation | undefined => p?.location ?? location;
    // A field that stays but becomes read-only (write-only) leaves the request (response) by its flag, not by a removal.
    const flipped = new Set<string>();
    for (const [name, p] of all.before) {
      const q = all.after.get(name);
      if (q === undefined) continue;
      if (side === 'request' && !p.readOnly && q.readOnly)
        this.#add('request-property-became-read-only', field(name), {}, where(q));
      else if (side === 'request' && p.readOnly && !q.readOnly)
        this.#add('request-property-became-writable', field(name), {}, where(q));
      else if (side === 'response' && !p.writeOnly && q.writeOnly)
        this.#add('response-property-became-write-only', field(name), {}, where(q));
      else if (side === 'response' && p.writeOnly && !q.writeOnly)
        this.#add('response-property-became-readable', field(name), {}, where(q));
      else continue;
      flipped.add(name);
    }
    const removed = [...before.values()].filter((p) => !after.has(p.name) && !flipped.has(p.name));
    const added = [...after.values()].filter((q) => !before.has(q.name) && !flipped.has(q.name));
    const fieldShape = (p: PropertyModel, lookup: Lookup): string => `${p.required}:${shape(p.type, lookup)}`;
    const renamed = pairUnique(
      removed,
      added,
      (p) => fieldShape(p, this.#lookups.base),
      (q) => fieldShape(q, this.#lookups.head),
    );
    for (const [p, q] of renamed)
      this.#add(
        side === 'request' ? 'request-property-renamed' : 'response-property-renamed',
        field(q.name),
        { before: p.name, after: q.name },
        where(q),
      );
    const paired = new Set<PropertyModel>(renamed.flat());
    for (const p of removed)
      if (!paired.has(p))
        this.#add(
          side === 'request' ? 'request-property-removed' : 'response-property-removed',
          field(p.name),
          {},
          where(p),
        );
    for (const [name, p] of before) {
      const q = after.get(name);
      if (q === undefined) continue;
      if (p.required !== q.required) {
        const rule: RuleId =
          side === 'request'
            ? q.required
              ? 'request-property-became-required'
              : 'request-property-became-optional'
            : q.required
              ? 'response-property-became-required'
              : 'response-property-became-optional';
        this.#add(rule, field(name), {}, where(q));
      }
      this.compare(
        side,
        field(name),
        p.type,
        q.type,
        side === 'request' ? 'request-type-changed' : 'response-type-changed',
        where(q),
      );
      this.constraints(side, field(name), p.docs.constraints, q.docs.constraints, where(q));
      this.fieldDocs(side, field(name), p.docs, q.docs, where(q), 'property-description-changed');
    }
    for (const q of added) {
      if (paired.has(q)) continue;
      this.#add(
        side === 'request'
          ? q.required
            ? 'request-property-added-required'
            : 'request-property-added-optional'
          : 'response-property-added',
        field(q.name),
        {},
        where(q),
      );
    }
  }

  #resolve(type: TypeModel, which: 'base' | 'head'): TypeModel {
    let current = type;
    for (let hops = 0; current.kind === 'ref' && hops < 16; hops++) {
      const next = this.#lookups[which](current.name)?.type;
      if (next === undefined) break;
      current = next;
    }
    return current;
  }

  #add(id: RuleId, subject: string, values: Values, location: SourceLocation | undefined): void {
    this.#collector.add(id, this.#operation, subject, values, location);
  }
}

/** Whether going from `before` to `after` lets fewer values through (a changed pattern counts as tighter). */
function tightened(
  key: keyof Constraints,
  before: number | string | boolean | undefined,
  after: number | string | boolean | undefined,
): boolean {
  if (key === 'uniqueItems') return after === true;
  if (after === undefined) return false;
  if (before === undefined) return true;
  if (typeof before !== 'number' || typeof after !== 'number') return true;
  switch (key) {
    case 'minimum':
    case 'exclusiveMinimum':
    case 'minLength':
    case 'minItems':
      return after > before;
    case 'maximum':
    case 'exclusiveMaximum':
    case 'maxLength':
    case 'maxItems':
      return after < before;
    case 'multipleOf':
      return after % before !== 0;
    case 'pattern':
      return true;
    default: {
      const never: never = key;
      throw new Error(`unknown constraint ${String(never)}`);
    }
  }
}

/** Whether every value of `narrow` is a value of `wide`, for scalar types and their unions (objects: same shape only). */
function accepts(wide: TypeModel, narrow: TypeModel, wideLookup: Lookup, narrowLookup: Lookup, depth = 0): boolean {
  if (depth > 8) return false;
  const w = wide.kind === 'ref' ? (wideLookup(wide.name)?.type ?? wide) : wide;
  const n = narrow.kind === 'ref' ? (narrowLookup(narrow.name)?.type ?? narrow) : narrow;
  if (n.kind === 'union') return n.members.every((m) => accepts(w, m, wideLookup, narrowLookup, depth + 1));
  if (w.kind === 'union') return w.members.some((m) => accepts(m, n, wideLookup, narrowLookup, depth + 1));
  if (w.kind === 'primitive' && w.name === 'unknown') return true;
  if (w.kind === 'primitive' && n.kind === 'primitive') return w.name === n.name;
  if (w.kind === 'primitive' && n.kind === 'literal')
    return n.value === null ? w.name === 'null' : typeof n.value === w.name;
  if (w.kind === 'literal' && n.kind === 'literal') return w.value === n.value;
  if (w.kind === 'array' && n.kind === 'array') return accepts(w.items, n.items, wideLookup, narrowLookup, depth + 1);
  return shape(w, wideLookup) === shape(n, narrowLookup);
}

function isNullable(type: TypeModel, lookup: Lookup): boolean {
  if (type.kind === 'primitive') return type.name === 'null';
  if (type.kind === 'literal') return type.value === null;
  if (type.kind === 'union')
    return type.members.some((m) => isNullable(m.kind === 'ref' ? (lookup(m.name)?.type ?? m) : m, lookup));
  return false;
}

function withoutNull(type: TypeModel): TypeModel {
  if (type.kind !== 'union') return type;
  const members = type.members.filter(
    (m) => !(m.kind === 'primitive' && m.name === 'null') && !(m.kind === 'literal' && m.value === null),
  );
  return members.length === 1 ? (members[0] as TypeModel) : { kind: 'union', members };
}

/**
 * The values of an enum (a literal, or a union of literals) as JSON; `open` for an extensible
 * one (its literals and `string`); `undefined` for other types.
 */
function enumValues(type: TypeModel, lookup: Lookup): { values: Set<string>; open: boolean } | undefined {
  const resolved = type.kind === 'ref' ? lookup(type.name)?.type : type;
  if (resolved === undefined) return undefined;
  if (resolved.kind === 'literal') return { values: new Set([JSON.stringify(resolved.value)]), open: false };
  if (resolved.kind !== 'union' || resolved.members.length === 0) return undefined;
  const literals = resolved.members.filter((m): m is Extract<TypeModel, { kind: 'literal' }> => m.kind === 'literal');
  const rest = resolved.members.filter((m) => m.kind !== 'literal');
  const open = rest.length === 1 && rest[0]?.kind === 'primitive' && rest[0].name === 'string' && literals.length > 0;
  if (rest.length > 0 && !open) return undefined;
  return { values: new Set(literals.map((m) => JSON.stringify(m.value))), open };
}

/** A short, canonical text of a type for "before → after": named types by name, a few levels deep. */
function shape(type: TypeModel, lookup: Lookup, depth = 0, structural = false): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'literal':
      return JSON.stringify(type.value);
    case 'ref': {
      const target = lookup(type.name)?.type;
      if (structural && depth === 0 && target !== undefined) return shape(target, lookup, depth + 1);
      return depth < 2 && target !== undefined && target.kind !== 'object'
        ? shape(target, lookup, depth + 1)
        : type.name;
    }
    case 'array':
      return `${shape(type.items, lookup, depth + 1)}[]`;
    case 'object':
      // Structural: a whole type's fields, to recognize one renamed (its fields sorted, its name not in it).
      if (structural)
        return `{ ${[...type.properties]
          .sort((x, y) => (x.name < y.name ? -1 : 1))
          .map((p) => `${p.name}${p.required ? '' : '?'}: ${shape(p.type, lookup, depth + 1)}`)
          .join('; ')} }`;
      return depth > 2
        ? 'object'
        : `{ ${type.properties.map((p) => `${p.name}${p.required ? '' : '?'}: ${shape(p.type, lookup, depth + 1)}`).join('; ')} }`;
    case 'union':
      return type.members.map((m) => shape(m, lookup, depth + 1)).join(' | ');
    case 'intersection':
      return type.members.map((m) => shape(m, lookup, depth + 1)).join(' & ');
    case 'omit':
      return `Omit<${shape(type.type, lookup, depth + 1)}, ${type.keys.join(' | ')}>`;
    default: {
      const never: never = type;
      throw new Error(`unknown type kind: ${JSON.stringify(never)}`);
    }
  }
}

/** Gathers changes; one found again (through another operation) adds that operation to it. */
export class Collector {
  readonly #byKey = new Map<string, { change: Omit<Change, 'operations'>; operations: Set<string> }>();

  add(
    id: RuleId,
    operation: string | undefined,
    subject: string,
    values: Values = {},
    location?: SourceLocation,
  ): void {
    const { wire, client, kind } = rule(id);
    // Subjects inside a named schema are the same for every operation; others name their operation.
    const local = operation !== undefined && !subject.startsWith('`');
    const key = JSON.stringify([id, local ? operation : '', subject, values.before ?? null, values.after ?? null]);
    const known = this.#byKey.get(key);
    if (known !== undefined) {
      if (operation !== undefined) known.operations.add(operation);
      return;
    }
    const fingerprint = createHash('sha256').update(key).digest('hex').slice(0, 16);
    this.#byKey.set(key, {
      change: {
        rule: id,
        subject,
        before: values.before,
        after: values.after,
        wire,
        client,
        kind,
        location,
        fingerprint,
      },
      operations: new Set(operation === undefined ? [] : [operation]),
    });
  }

  changes(): Change[] {
    return [...this.#byKey.values()].map(({ change, operations }) => ({
      ...change,
      operations: [...operations].sort(),
    }));
  }
}
