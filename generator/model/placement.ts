/**
 * Where one operation goes when nothing clashes: its resource path and method name, by the
 * rules of docs/naming.md, each with the rule that decided it. Clashes between operations
 * are settled afterwards, for the whole API at once (name-plan.ts).
 */

import type { HttpMethod, PlacementRule, ResponseFormat } from './model.js';

export type { PlacementRule };

import { camelCase, memberName, singular, words } from './names.js';
import { isTemplate } from './route.js';
import { ACTION_VERBS } from './verbs.js';

/** What the placement rules read of an operation. */
export interface PlacementInput {
  readonly method: HttpMethod;
  /** The request path as the spec has it (segments are already named: `$ref` is `ref` there). */
  readonly path: string;
  /** Segments left once the shared prefix and lone versions are dropped. */
  readonly segments: readonly string[];
  readonly returnsBody: boolean;
  readonly listLike: boolean;
  /** It returns a page: a list sdkgen can follow (or a whole one in one answer). */
  readonly paginated: boolean;
  /** Its page is the whole list, sent in one answer: one document to read, not a collection to walk. */
  readonly wholeList?: boolean | undefined;
  /** The named type of one item of its page, if it is one: what a list below an item says it lists. */
  readonly itemName?: string | undefined;
  /** The API is an OData service, whose navigation paths are resources all the way down, as Kiota has them. */
  readonly odata?: boolean | undefined;
  /** The named schema the response is, if it is one. */
  readonly responseName: string | undefined;
  readonly format: ResponseFormat;
  /** The spec's own operationId and summary, and whether it sends a body: what a PUT action says of itself. */
  readonly operationId: string | undefined;
  readonly summary: string | undefined;
  readonly sendsBody: boolean;
}

export interface Placement {
  readonly resource: readonly string[];
  readonly method: string;
  readonly rule: PlacementRule;
}

/** What the rules need to know of the other paths: the shapes below which something lies, and how many operations each shape has. */
export interface PathShapes {
  hasBelow(segments: readonly string[]): boolean;
  operationsOn(segments: readonly string[]): number;
  /** The HTTP methods of the operations on this path's shape. */
  methodsOn(segments: readonly string[]): ReadonlySet<HttpMethod>;
  /** The named schema a GET on this path's shape reads, when it reads one thing (not a list): a singleton's type. */
  readsOneOn(segments: readonly string[]): string | undefined;
  /**
   * Whether the paths below this one are views of it: no operation of its own, and at least two
   * paths below, each a single GET with nothing below it (`/organization/usage/completions`,
   * `/organization/usage/images`; GitHub's `/search/repositories`, `/search/users`).
   */
  hasViewsBelow(segments: readonly string[]): boolean;
  /** What each operation on this path's shape says of itself, for the rules that read a pair (a toggle's on and off). */
  saidOn(segments: readonly string[]): readonly Said[];
  /** Whether every path below this one goes through one of its items (`/a/{id}/b/{b_id}`, not `/a/{id}/b/list`). */
  onlyItemsBelow(segments: readonly string[]): boolean;
  /** The last segments of the paths one segment below this one (`{}` for a parameter). */
  childrenOf(segments: readonly string[]): readonly string[];
}

/** An operation's method, and its operationId and summary. */
export interface Said {
  readonly method: HttpMethod;
  readonly operationId: string | undefined;
  readonly summary: string | undefined;
}

/**
 * Each segment's name so far, first segments and inner ones apart: the plan names Graph's ~10-deep
 * paths segment by segment (~0.3 s sampled, for a few thousand distinct segments). Bounded as `words` is.
 */
const segmentNames = [new Map<string, string>(), new Map<string, string>()] as const;
const SEGMENT_CACHE_SIZE = 100_000;

/** A segment as a resource or method name: `fine_tuning` → `fineTuning`; case-insensitive, as names are. */
export function segmentName(segment: string, inside = false): string {
  const known = segmentNames[inside ? 1 : 0];
  const remembered = known.get(segment);
  if (remembered !== undefined) return remembered;
  // A path's first segment is no member of anything: Slack's `/admin.apps.approve` keeps its whole name.
  const camel = camelCase(inside ? localName(segment) : segment);
  const name = camel === '' ? '' : memberName(camel, 'resource');
  if (known.size >= SEGMENT_CACHE_SIZE) known.clear();
  known.set(segment, name);
  return name;
}

/**
 * A segment without its namespace: Microsoft Graph (and OData) name actions and functions in
 * full, `microsoft.graph.archive`, `microsoft.graph.delta()`; the method is `archive`, `delta`.
 * Only for two dots at least and a last part that is an action or a function call, so that a
 * dotted name (`v1.0`, `index.html`) or a domain (`apps.k8s.io`, `microsoft.graph.user`) stays whole.
 */
export function localName(segment: string): string {
  const match = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+\.([A-Za-z][^.]*)$/.exec(segment);
  const last = match?.[1];
  if (last === undefined || segment.split('.').length < 3) return segment;
  return last.includes('(') || ACTION_VERBS.has(words(last)[0] ?? '') ? last : segment;
}

export function inferPlacement(op: PlacementInput, shapes: PathShapes): Placement {
  const segments = op.segments;
  const last = segments[segments.length - 1];
  const parent = segments.slice(0, -1);
  const resourceOf = (parts: readonly string[]): string[] =>
    parts.map((s, index) => (isTemplate(s) ? '' : segmentName(s, index > 0))).filter((s) => s !== '');
  const inside = segments.length > 1;
  const literalLast = last !== undefined && !isTemplate(last) && segmentName(last, inside) !== '';
  const leaf = literalLast && !shapes.hasBelow(segments);
  const actionMethods = [...shapes.methodsOn(segments)].every((m) => m === 'get' || m === 'post');
  const member = membership(op, shapes);
  if (member !== undefined) return { resource: resourceOf(segments.slice(0, -2)), method: member, rule: 'membership' };
  const setVerb = setMembership(op, shapes);
  if (setVerb !== undefined) return { resource: resourceOf(segments), method: setVerb, rule: 'membership' };
  const lookup = lookupKey(op, shapes);
  if (lookup !== undefined)
    return {
      resource: resourceOf(lookup.owner),
      method: camelCase(`${op.listLike ? 'list' : 'retrieve'} by ${lookup.key}`),
      rule: 'lookup',
    };
  const switched = toggle(op, shapes);
  // `/issues/{n}/lock` is the verb itself: `issues.lock(n)`, `issues.unlock(n)`, never `lock.lock`.
  if (switched !== undefined)
    return {
      resource: resourceOf(isToggleVerb(last) ? parent : segments),
      method: switched,
      rule: 'toggle',
    };
  // `POST /simulate/authorize`, `POST /simulate/tokenizations`: a verb that opens the path to a
  // leaf is the action, and the leaf what it acts on: `simulateAuthorize()`, never a `simulate` resource.
  const verbParent = parent.at(-1);
  if (
    leaf &&
    op.method === 'post' &&
    verbParent !== undefined &&
    !isTemplate(verbParent) &&
    isBareVerb(verbParent) &&
    // Plaid's `/transfer/create`, `/transfer/get`, `/transfer/cancel`: CRUD words below it make it a noun.
    !['create', 'get', 'list', 'update', 'delete', 'retrieve'].some(
      (verb) => shapes.operationsOn([...parent, verb]) > 0,
    ) &&
    shapes.operationsOn(parent) === 0
  )
    return {
      resource: resourceOf(parent.slice(0, -1)),
      method: camelCase(`${verbParent} ${segmentName(last, inside)}`),
      rule: 'verb-segment',
    };
  if (
    leaf &&
    isVerbSegment(inside ? localName(last) : last, op) &&
    actionMethods &&
    (op.method === 'get' || op.method === 'post')
  ) {
    // `POST /spaces/{id}/broadcasts/{broadcast_id}/start`, a part of the space: `spaces.startBroadcast(id, broadcastId)`.
    const part = isTemplate(parent.at(-1) ?? '') ? attachedCollection(parent.slice(0, -1), shapes) : undefined;
    if (part !== undefined)
      return {
        resource: resourceOf(part.owner),
        method: camelCase(`${segmentName(last, inside)} ${part.noun}`),
        rule: 'attached',
      };
    return {
      resource: resourceOf(parent),
      method: verbSegmentName(op, last, resourceOf(parent)),
      rule: 'verb-segment',
    };
  }
  // `GET /apps/get_or_create/{name}`: a compound of CRUD words whose only child is the parameter
  // it acts on is a method of its parent, taking that parameter: `apps.getOrCreate(name)`. A
  // single word (`/stop/{id}`, `/block/{id}`) is what the path reads, as a noun.
  const verbBeforeParam = segments.at(-2);
  if (
    last !== undefined &&
    isTemplate(last) &&
    verbBeforeParam !== undefined &&
    !isTemplate(verbBeforeParam) &&
    !shapes.hasBelow(segments) &&
    shapes.operationsOn(parent) === 0 &&
    opensWithCrudCompound(verbBeforeParam) &&
    (op.method === 'get' || op.method === 'post')
  )
    return {
      resource: resourceOf(segments.slice(0, -2)),
      method: segmentName(verbBeforeParam, segments.length > 2),
      rule: 'verb-segment',
    };
  // `PUT /uploads/{id}/cancel` (Mux's cancel-direct-upload), `PUT …/workflows/{id}/enable`: an
  // action sent as a PUT or PATCH, where nothing reads or deletes the path (a sub-resource would
  // be read) and the operation says that verb, or sends nothing: `uploads.cancel(id)`.
  if (
    leaf &&
    (op.method === 'put' || op.method === 'patch') &&
    isWriteAction(inside ? localName(last) : last, op, shapes.methodsOn(segments))
  )
    return { resource: resourceOf(parent), method: segmentName(last, inside), rule: 'write-action' };
  // Views of one thing side by side (`usage.completions()`, `usage.images()`): methods of
  // what they view, as Octokit's `search.repos()`, not resources that each hold one `list`.
  if (leaf && op.method === 'get' && parent.length > 0 && shapes.hasViewsBelow(parent)) {
    return { resource: resourceOf(parent), method: segmentName(last, inside), rule: 'view' };
  }
  // A GET of bytes or text is a download: a method named after what it fetches (`files.content`), never `list`.
  if (
    leaf &&
    op.method === 'get' &&
    (op.format === 'binary' || op.format === 'text') &&
    shapes.operationsOn(segments) === 1
  ) {
    return { resource: resourceOf(parent), method: segmentName(last, inside), rule: 'download' };
  }
  // An action on one item (`/jobs/{id}/cancel`): nothing below it, the only operation of its
  // path, and either a POST or a GET of something that is not a page (`/files/{id}/content`,
  // or a vector store file's parsed content: items, but no way to ask for more).
  const beforeLast = segments[segments.length - 2];
  const onItemAction =
    leaf &&
    beforeLast !== undefined &&
    isTemplate(beforeLast) &&
    shapes.operationsOn(segments) === 1 &&
    ((op.method === 'post' && !createsInCollection(last, op)) || (op.method === 'get' && !op.paginated));
  if (onItemAction)
    return {
      resource: resourceOf(parent),
      method: actionName(op, last, resourceOf(parent)) ?? segmentName(last, inside),
      rule: 'action',
    };
  // `GET /invoices/{id}/lines`, `GET /fine_tuning/jobs/{id}/events`: pages read below one item,
  // the only call of their path, list what the item has: the item's method (`jobs.listEvents(id)`),
  // as stripe-node and openai-node have it. A collection the API also writes, whose items are
  // paths, or that comes whole in one answer (nothing to page through), is a resource of its
  // own (`threads.runs.list`, `teams.members.list`); so is an OData navigation (Kiota's
  // `users.byUserId(id).memberOf`). A segment that says its own verb (`listErrors`,
  // `exportAuditTrail`) is no noun to list.
  if (
    leaf &&
    op.method === 'get' &&
    op.paginated &&
    op.wholeList !== true &&
    op.odata !== true &&
    !saysVerb(segmentName(last, inside)) &&
    itemHasList(segments, shapes)
  )
    return {
      resource: resourceOf(parent.slice(0, -1)),
      method: camelCase(
        `list ${listedNoun(words(segmentName(last, inside)), op.itemName, resourceOf(parent.slice(0, -1)))}`,
      ),
      rule: 'item-list',
    };
  const lone = loneItemAction(op, shapes, resourceOf(segments.slice(0, -2)));
  if (lone !== undefined) return { resource: resourceOf(segments.slice(0, -2)), method: lone, rule: 'intent' };
  // The client holds no settings: an item at the top (`/{bucket}/{key}/acl`) keeps its path.
  const setting = resourceOf(parent.slice(0, -1)).length === 0 ? undefined : settingOf(op, shapes);
  if (setting !== undefined) return { resource: resourceOf(parent.slice(0, -1)), method: setting, rule: 'setting' };
  const part = attachedPart(op, shapes);
  if (part !== undefined) return { resource: resourceOf(part.owner), method: part.method, rule: 'attached' };
  const onItem = last !== undefined && isTemplate(last);
  const download = op.format === 'binary' || op.format === 'text';
  const returnsOne = op.returnsBody && !op.listLike;
  // A GET of one thing on a collection path is a singleton (`/settings`), unless the path has
  // items below it: then it lists them, in a shape the list rules did not recognize.
  const item = [...segments, '{id}'];
  const hasItems = !onItem && (shapes.operationsOn(item) > 0 || shapes.hasBelow(item));
  const method =
    op.method === 'get' && !onItem && (download || (returnsOne && !hasItems))
      ? 'retrieve'
      : crudVerb(op.method, onItem);
  // Where the item's verbs are taken: a PUT beside a PATCH replaces; a write to a whole
  // collection whose items are paths acts on all of them (`DELETE /labels` → `deleteAll`).
  if (
    !onItem &&
    hasItems &&
    (op.method === 'delete' || ((op.method === 'put' || op.method === 'patch') && !writesOne(op, last)))
  ) {
    return {
      resource: resourceOf(segments),
      method: { delete: 'deleteAll', put: 'replaceAll', patch: 'updateAll' }[op.method],
      rule: 'crud',
    };
  }
  if (op.method === 'put' && shapes.methodsOn(segments).has('patch'))
    return { resource: resourceOf(segments), method: 'replace', rule: 'crud' };
  // A POST to a single object (`/organization/data_retention`: no items, and its GET reads the
  // same schema the POST answers with) changes it: `update`, not `create`.
  if (
    op.method === 'post' &&
    !onItem &&
    !hasItems &&
    op.responseName !== undefined &&
    shapes.readsOneOn(segments) === op.responseName &&
    // Beside a PUT or PATCH, which update it, a POST makes it (DocuSign's email_settings).
    !shapes.methodsOn(segments).has('put') &&
    !shapes.methodsOn(segments).has('patch')
  )
    return { resource: resourceOf(segments), method: 'update', rule: 'singleton' };
  return { resource: resourceOf(segments), method, rule: 'crud' };
}

/**
 * `PUT /assets/{id}/master-access`, `DELETE /customers/{id}/discount`: something of one item that
 * the API sets (PUT, PATCH) or clears (DELETE) and never reads or adds to (no GET, no POST, nothing
 * below it) is a setting of that item, not a resource: the item's method, a verb and the setting
 * (`assets.updateMasterAccess(id)`, `customers.deleteDiscount(id)`), as Mux's and Stripe's SDKs
 * have them. One the API reads (OpenAI's `projects/{id}/spend_limit`) is a resource.
 */
function settingOf(op: PlacementInput, shapes: PathShapes): string | undefined {
  const [owner, name] = op.segments.slice(-2);
  if (owner === undefined || name === undefined || !isTemplate(owner) || isTemplate(name)) return undefined;
  // OData's system segments (`$ref`, `$value`) are resources of their own, `ref` and `content`, as Kiota has them.
  if (op.path.split('/').at(-1)?.startsWith('$') === true) return undefined;
  const methods = shapes.methodsOn(op.segments);
  if (shapes.hasBelow(op.segments) || [...methods].some((m) => m !== 'put' && m !== 'patch' && m !== 'delete'))
    return undefined;
  // A verb (`/reset-password`, `/approve`) is no setting, nor is a call whose operationId says its own verb (`lockPost`).
  const said = words(segmentName(name, true));
  if (ACTION_VERBS.has(said[0] ?? '')) return undefined;
  const put = methods.has('patch') ? 'replace' : 'update';
  const verb = ({ put, patch: 'update', delete: 'delete' } as Partial<Record<HttpMethod, string>>)[op.method];
  if (verb === undefined || intentVerb(verb, op.operationId, op.summary) !== undefined) return undefined;
  return camelCase(`${verb} ${said.join(' ')}`);
}

/**
 * What a list below an item lists: its segment (`events`), or its item type where that says the
 * segment more precisely (`/invoices/{id}/lines` of `InvoiceLineItem`: `lineItems`; Mux's
 * `/metrics/{id}/breakdown` of `BreakdownValue`: `breakdownValues`, as their SDKs name them).
 * The owner's name before the item's (`CreditNote` of `CreditNoteLineItem`) says nothing more.
 */
function listedNoun(segment: readonly string[], itemName: string | undefined, owner: readonly string[]): string {
  const said = segment.join(' ');
  if (itemName === undefined || segment.length === 0) return said;
  const ownerWords = words(owner.at(-1) ?? '');
  const item = words(itemName);
  const own = startsWith(
    item,
    ownerWords.map((w, i) => (i === ownerWords.length - 1 ? singular(w) : w)),
  )
    ? item.slice(ownerWords.length)
    : item;
  const one = [...segment.slice(0, -1), singular(segment.at(-1) ?? '')];
  if (own.length <= one.length || !startsWith(own, one) || own.slice(one.length).every((w) => TYPE_SUFFIXES.has(w)))
    return said;
  const last = own.at(-1) ?? '';
  return [...own.slice(0, -1), pluralWord(last)].join(' ');
}

/** Words a type name ends with that say what kind of type it is, not what it holds (`EventResponse`, `UserDto`). */
const TYPE_SUFFIXES: ReadonlySet<string> = new Set(
  'response responses request object dto model resource schema data entity type info details payload body json result results record view'.split(
    ' ',
  ),
);

const startsWith = (all: readonly string[], head: readonly string[]): boolean =>
  head.length > 0 && head.every((word, index) => all[index] === word);

/** `item` → `items`, `entry` → `entries`, `match` → `matches`. */
function pluralWord(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** A name that opens with a verb, an action's or a CRUD word (`getXpnResources`, `listErrors`). */
function saysVerb(name: string): boolean {
  const first = words(name)[0] ?? '';
  return ACTION_VERBS.has(first) || CRUD_WORDS.has(first);
}

/**
 * Whether a leaf list is one of an item's (`/invoices/{id}/lines`): below an item, the only
 * operation of its path, and no resource of that name beside the item (`/providers/employers`
 * beside `/providers/{id}/employers` takes the list, as joinedResource has it).
 */
function itemHasList(segments: readonly string[], shapes: PathShapes): boolean {
  const [owner, name] = segments.slice(-2);
  if (owner === undefined || name === undefined || !isTemplate(owner) || segments.length < 3) return false;
  const beside = [...segments.slice(0, -2), name];
  return shapes.operationsOn(segments) === 1 && shapes.operationsOn(beside) === 0 && !shapes.hasBelow(beside);
}

/**
 * `POST /assets/{id}/playback-ids`, `GET`/`DELETE /assets/{id}/playback-ids/{playback_id}`: a
 * sub-collection of an item that nothing lists (no GET of it, nothing beside its items) holds
 * parts of that item, whose ids the item itself gives: its calls are the item's methods, a verb
 * and the part (`assets.createPlaybackId(id)`, `assets.retrievePlaybackId(id, playbackId)`), as
 * Mux's SDK has them. One with a list of its own (`threads.runs`), with paths below its items
 * (OpenAI's `vector_stores/{id}/file_batches/{batch_id}/files`) or of a name that is a resource
 * beside the item (`/threads/runs`), is a resource in its own right.
 */
function attachedPart(
  op: PlacementInput,
  shapes: PathShapes,
): { readonly owner: readonly string[]; readonly method: string } | undefined {
  const onItem = isTemplate(op.segments.at(-1) ?? '');
  const collection = onItem ? op.segments.slice(0, -1) : op.segments;
  const item = [...collection, '{id}'];
  // A PUT beside a PATCH replaces, as on any item.
  const put = shapes.methodsOn(item).has('patch') ? 'replace' : 'update';
  const verb = onItem
    ? ({ get: 'retrieve', put, patch: 'update', delete: 'delete' } as Partial<Record<HttpMethod, string>>)[op.method]
    : op.method === 'post'
      ? 'create'
      : undefined;
  const part = verb === undefined ? undefined : attachedCollection(collection, shapes);
  return part === undefined ? undefined : { owner: part.owner, method: camelCase(`${verb} ${part.noun}`) };
}

/**
 * The item a collection of parts belongs to, and the part's name (`/assets/{id}/playback-ids` →
 * `/assets/{id}`, `playback id`), where the collection holds parts (attachedPart). Below its items
 * there may be actions on a part, and nothing else (Mux's `/spaces/{id}/broadcasts/{broadcast_id}/start`):
 * they are the item's methods too (`spaces.startBroadcast`).
 */
function attachedCollection(
  collection: readonly string[],
  shapes: PathShapes,
): { readonly owner: readonly string[]; readonly noun: string } | undefined {
  const [owner, part] = collection.slice(-2);
  if (owner === undefined || part === undefined || !isTemplate(owner) || isTemplate(part)) return undefined;
  const item = [...collection, '{id}'];
  const onCollection = shapes.methodsOn(collection);
  // A POST to an item is an action on it (Rudder's `fetchData/{id}` reload), which would leave the part in two places.
  const written = onCollection.size === 1 && onCollection.has('post') && !shapes.methodsOn(item).has('post');
  if (
    !written ||
    shapes.operationsOn(item) === 0 ||
    !onlyActionsBelow(item, shapes) ||
    !shapes.onlyItemsBelow(collection)
  )
    return undefined;
  // A resource of that name beside the item (`/threads/runs` beside `/threads/{id}/runs`) is where its calls go.
  const beside = [...collection.slice(0, -2), part];
  if (shapes.operationsOn(beside) > 0 || shapes.hasBelow(beside)) return undefined;
  return { owner: collection.slice(0, -1), noun: singular(words(segmentName(part, true)).join(' ')) };
}

/** Nothing below an item but actions on it: leaves that are one action verb (`start`, `stop`), each read or written by GET or POST alone. */
function onlyActionsBelow(item: readonly string[], shapes: PathShapes): boolean {
  return shapes.childrenOf(item).every((child) => {
    const path = [...item, child];
    const methods = [...shapes.methodsOn(path)];
    return (
      isBareVerb(child) &&
      !shapes.hasBelow(path) &&
      methods.length > 0 &&
      methods.every((m) => m === 'get' || m === 'post')
    );
  });
}

/** The CRUD verbs: an operationId or summary opening with one of these agrees with any CRUD name. */
const CRUD_WORDS: ReadonlySet<string> = new Set(
  'list get create update delete remove retrieve fetch find add set put patch replace upsert read new post modify edit save'.split(
    ' ',
  ),
);

/** Verbs that say that something is done, not what: `invoke`, `run`, `execute` name no action of their own. */
const VAGUE_VERBS: ReadonlySet<string> = new Set(['invoke', 'run', 'execute', 'trigger', 'apply', 'batch', 'bulk']);

/**
 * Verbs that say a POST to a collection makes nothing: a query (`search`, `count`, `estimate`)
 * or a change of state. Others (`assign`, `invite`, `upload`, `add`) create what they name, so
 * `create` says it well, as Stainless-made SDKs have it.
 */
const NOT_CREATING: ReadonlySet<string> = new Set(
  (
    'search count query lookup estimate calculate compute evaluate analyze preview render parse convert ' +
    'translate transcribe summarize resolve cancel abort archive unarchive follow unfollow like unlike ' +
    'approve reject accept decline pause resume restore'
  ).split(' '),
);

/**
 * What the operation says it does, where that contradicts the CRUD verb its path gives: the
 * opening verb of its operationId (`cancelEvalRun` → `cancel`), else of its summary ("Archives
 * a message" → `archive`), when it is an action verb and not a CRUD word. A `create` gives way
 * only to a verb that makes nothing (`search`, `cancel`); a `delete` to none (`unassign`,
 * `revoke`, `remove` all delete). `undefined` when they agree, or neither opens with a verb.
 */
export function intentVerb(
  crud: string,
  operationId: string | undefined,
  summary: string | undefined,
): string | undefined {
  if (crud === 'delete' || crud === 'deleteAll') return undefined;
  // An operationId sdkgen made up (`get /pets`, for a spec without one) says nothing; a dotted one
  // (`compute.instances.insert`, `users.messages.archive`) speaks by its last part. The summary
  // speaks only for an operation without an id: summaries open with all kinds of words.
  const id = operationId === undefined || operationId.includes(' ') ? undefined : (operationId.split('.').at(-1) ?? '');
  // A read's summary tells how it reads ("Search for trips", "Returns the stops"), not another call.
  const reads = crud === 'list' || crud === 'retrieve';
  const sources = id !== undefined ? [id] : reads ? [] : [summary];
  for (const text of sources) {
    // An operationId is imperative (`cancelRun`): `stops-for-location` opens with a noun, not "stop".
    const [opening, next] = words(text ?? '');
    const first = text === id ? opening : summaryVerb(opening, next);
    if (first === undefined) continue;
    if (CRUD_WORDS.has(first) || !ACTION_VERBS.has(first) || VAGUE_VERBS.has(first)) {
      // A CRUD word agrees; anything else (a noun, `returns`) says nothing: try the summary.
      if (CRUD_WORDS.has(first)) return undefined;
      continue;
    }
    return crud === 'create' && !NOT_CREATING.has(first) ? undefined : first;
  }
  return undefined;
}

/**
 * `getItemCount`, `Getinputtokencounts` on `responses.inputTokens`: reading the count of what
 * the resource holds is counting, whatever CRUD verb the path gives. Read on the operationId with
 * its case and separators dropped, since such ids are often one run-on word: the reading verb,
 * then (optionally) the resource's name, then `count` or `counts` and nothing else, so that
 * `getDiscounts` or `getAccountCounts` count nothing.
 */
export function readsCount(operationId: string | undefined, resource: readonly string[]): boolean {
  const compact = (operationId?.split('.').at(-1) ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  const rest = /^(?:get|fetch|retrieve|read)(.*)$/.exec(compact)?.[1];
  // Each remainder below ends `rest`: without this ending none is a count (Graph's ~10-deep
  // resources made the names of every `get…` operation's resources, ~0.15 s, for nothing).
  if (rest === undefined || !(rest.endsWith('count') || rest.endsWith('counts'))) return false;
  const names = resource.flatMap((name) => {
    const joined = words(name).join('');
    return [joined, singular(joined)];
  });
  const remainders = [rest, ...names.filter((n) => n !== '' && rest.startsWith(n)).map((n) => rest.slice(n.length))];
  return remainders.some((r) => r === 'count' || r === 'counts');
}

/**
 * A summary's opening verb: `Cancel a run`, or its third person before a determiner (`Cancels a
 * run`, `Archives the message` → `cancel`, `archive`), so that `Stops for a location` is no `stop`.
 */
function summaryVerb(word: string | undefined, next: string | undefined): string | undefined {
  const verb = verbForm(word);
  return verb === word || (next !== undefined && DETERMINERS.has(next)) ? verb : word;
}

const DETERMINERS: ReadonlySet<string> = new Set(
  'a an the all one this that these those every each any my your its their our some multiple'.split(' '),
);

/** `cancels` → `cancel`, `searches` → `search`: a summary's third person, as the verb. */
function verbForm(word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  const known = (w: string): boolean => ACTION_VERBS.has(w) || CRUD_WORDS.has(w);
  if (known(word)) return word;
  if (word.endsWith('es') && known(word.slice(0, -2))) return word.slice(0, -2);
  if (word.endsWith('s') && known(word.slice(0, -1))) return word.slice(0, -1);
  return word;
}
/**
 * A POST to a plural noun below an item (`POST /books/{id}/reviews`, `/orders/{id}/refunds`)
 * adds to that sub-collection, even when the spec has no other operation on it: `create`.
 * A compound (`check_runs`) counts only when its last word is the plural.
 */
function createsInCollection(segment: string, op: PlacementInput): boolean {
  const last = words(segment).at(-1);
  return (
    last !== undefined &&
    op.returnsBody &&
    singular(last) !== last &&
    !ACTION_VERBS.has(last) &&
    !UNCOUNTABLE_ACTIONS.has(last)
  );
}

/** Words that end in `s` but name an action, not a collection. */
const UNCOUNTABLE_ACTIONS: ReadonlySet<string> = new Set([
  'status',
  'settings',
  'analytics',
  'metrics',
  'stats',
  'access',
  'permissions',
  'results',
  'details',
]);

/**
 * `activate`, `search`, `submit_tool_outputs`: a segment that opens with an action verb. A
 * compound (`check_runs`, `sync_jobs`) may be a noun, so it counts only where it returns no list.
 * Only a GET or a POST on a path that has nothing else is an action: a PUT or a DELETE there
 * (`PUT /feeding/schedule`) treats the segment as a noun.
 */
function isVerbSegment(segment: string, op: PlacementInput): boolean {
  const [first, ...rest] = words(segment);
  if (first === undefined || !ACTION_VERBS.has(first)) return false;
  return rest.length === 0 || (!op.listLike && !madeByName(segment, op));
}

/** Verbs that make a thing: `createTransferIn` makes a transfer-in. */
const MAKING_WORDS: ReadonlySet<string> = new Set(['create', 'new']);

/**
 * `POST /transfer-in` (`createTransferIn`), `POST /plaid/link-tokens` (`createPlaidLinkToken`):
 * an operationId that creates the compound by its name, less words of the path before it, says
 * it is a thing, not an action. A `get` says less: ids spelled from the route read so
 * (Mailchimp's `getSearchMembers` for `GET /search-members`), as do Stripe's `Post…` ones.
 */
function madeByName(segment: string, op: PlacementInput): boolean {
  const id = op.operationId?.split('.').at(-1);
  if (id === undefined || id.includes(' ')) return false;
  const [verb, ...said] = words(id);
  if (verb === undefined || !MAKING_WORDS.has(verb)) return false;
  const path = new Set(
    op.segments
      .slice(0, -1)
      .flatMap((s) => words(s))
      .flatMap((w) => [w, singular(w)]),
  );
  const rest = said.filter((w) => !path.has(w)).map(singular);
  return rest.join(' ') === words(segment).map(singular).join(' ');
}

/**
 * A verb segment's method: the segment (`/runs/{id}/cancel` → `cancel`), unless the operationId
 * opens with another action verb and goes on with the segment, which then says what is done with
 * it: `POST /webhooks/test` (`sendTestWebhook`) sends a test, `webhooks.sendTest()`. Words that
 * repeat the resource, and the small words they leave at the end, are left out.
 */
function verbSegmentName(op: PlacementInput, segment: string, resource: readonly string[]): string {
  const inside = op.segments.length > 1;
  const name = segmentName(segment, inside);
  const id = op.operationId?.split('.').at(-1);
  if (id === undefined || id.includes(' ')) return name;
  const own = words(inside ? localName(segment) : segment);
  const [verb, ...rest] = words(id);
  if (
    verb === undefined ||
    verb === own[0] ||
    // Plaid's `transferCancel` on `/transfer/cancel` names the resource first, no verb.
    resource.some((name) => words(name).includes(verb)) ||
    !ACTION_VERBS.has(verb) ||
    CRUD_WORDS.has(verb) ||
    VAGUE_VERBS.has(verb) ||
    own.some((w, i) => rest[i] !== w)
  )
    return name;
  return camelCase([verb, ...own, ...unrepeated(rest.slice(own.length), resource)].join(' '));
}

/**
 * A PUT or PATCH to a verb segment is an action, not a write to a thing of that name
 * (`PUT /feeding/schedule` with a schedule in its body is `schedule.update`): the path has only
 * writes (no GET to read a sub-resource, no DELETE to remove one), and the operation either sends
 * no body or says the verb itself, first of the verbs in its operationId (`cancel-direct-upload`,
 * `pulls/merge`), else in its summary. A vague verb (`bulk`, `batch`, `run`) is no action here.
 */
function isWriteAction(segment: string, op: PlacementInput, methods: ReadonlySet<HttpMethod>): boolean {
  if (!isVerbSegment(segment, op) || ![...methods].every((m) => m === 'put' || m === 'patch' || m === 'post'))
    return false;
  const verb = words(segment)[0] ?? '';
  // `PATCH /oracle/db/bulk` updates in bulk: a vague verb says how, not what (`bulk.update`).
  if (VAGUE_VERBS.has(verb)) return false;
  if (!op.sendsBody) return true;
  const id = op.operationId === undefined || op.operationId.includes(' ') ? undefined : op.operationId;
  const said = words(id ?? op.summary ?? '')
    .map(verbForm)
    .find((w) => w !== undefined && (ACTION_VERBS.has(w) || CRUD_WORDS.has(w)));
  return said === verb;
}

/** The canonical verbs: what a method on a collection (`/a`) or an item (`/a/{id}`) is called. */
export function crudVerb(method: HttpMethod, onItem: boolean): string {
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

/** A segment that is one action verb and nothing else (`simulate`, `report`), no CRUD word. */
function isBareVerb(segment: string): boolean {
  const all = words(segment);
  const [only] = all;
  return all.length === 1 && only !== undefined && ACTION_VERBS.has(only) && !CRUD_WORDS.has(only);
}

/** Verbs that put a member in a set or take it out, by the member's own path. */
const MEMBERSHIP_VERBS: ReadonlySet<string> = new Set(['add', 'remove', 'attach', 'detach', 'link', 'unlink']);

/**
 * `PUT /categories/{id}/accounts/{account_id}` ("Add an account to a category") and its DELETE
 * ("Remove …"): the account is put in the category or taken out, not written or deleted, and
 * nothing reads it there (no GET of that path, no operation on `/categories/{id}/accounts`). Both
 * must be there: a DELETE alone that says "remove" deletes.
 * Named by the verb and the member, on the set: `categories.addAccount(id, accountId)`, as
 * Modern Treasury's `ledgerAccountCategories.addLedgerAccount` is. `undefined` otherwise.
 */
function membership(op: PlacementInput, shapes: PathShapes): string | undefined {
  const [owner, collection, member] = op.segments.slice(-3);
  if (owner === undefined || collection === undefined || member === undefined) return undefined;
  if (!isTemplate(owner) || isTemplate(collection) || !isTemplate(member)) return undefined;
  if (op.method !== 'post' && op.method !== 'put' && op.method !== 'delete') return undefined;
  const methods = shapes.methodsOn(op.segments);
  if (methods.has('get') || shapes.operationsOn(op.segments.slice(0, -1)) > 0) return undefined;
  // A pair: the member is put in and taken out by its path (a DELETE alone, "Remove a session", deletes).
  if (!methods.has('delete') || !(methods.has('post') || methods.has('put'))) return undefined;
  const id = op.operationId === undefined || op.operationId.includes(' ') ? undefined : op.operationId;
  const said = [id, op.summary]
    .map((text) => verbForm(words(text ?? '')[0]))
    .find((verb) => verb !== undefined && MEMBERSHIP_VERBS.has(verb));
  if (said === undefined) return undefined;
  const removes = said === 'remove' || said === 'detach' || said === 'unlink';
  if (removes !== (op.method === 'delete')) return undefined;
  return camelCase(`${said} ${singular(words(segmentName(collection, true)).join(' '))}`);
}

/**
 * A PUT or PATCH to a collection whose items are paths writes all of them (`replaceAll`) only
 * where it says so: an operationId or summary that speaks of many (`all`,
 * `bulk`, the collection's plural). One that speaks of one item (`Update a volume`) updates it.
 */
function writesOne(op: PlacementInput, segment: string | undefined): boolean {
  const said = words(`${op.operationId?.includes(' ') === true ? '' : (op.operationId ?? '')} ${op.summary ?? ''}`);
  const plural = words(segment ?? '').at(-1);
  if (plural === undefined || said.length === 0) return false;
  const one = singular(plural);
  if (said.some((w) => MANY.has(w) || (w === plural && one !== plural))) return false;
  return said.includes(one);
}

const MANY: ReadonlySet<string> = new Set(['all', 'bulk', 'batch', 'many', 'multiple']);

/** `get_or_create`, `find_or_create`: a compound that opens with a CRUD word. */
function opensWithCrudCompound(segment: string): boolean {
  const all = words(segment);
  return all.length > 1 && CRUD_WORDS.has(all[0] ?? '');
}

/**
 * An action named after a noun (`POST /chats/{id}/read`, `POST /chats/{id}/voicememo`) takes the
 * name its operationId gives, where that opens with an action verb and holds the segment:
 * `markChatAsRead` → `markAsRead`, `sendVoiceMemoToChat` → `sendVoiceMemo`. Words that repeat
 * the resource, and the small words they leave at the end, are left out. A CRUD word says no more
 * than the segment does (`retrieveContainerFileContent`, `addAudioToGeneration`: `content`,
 * `audio`), nor does an operationId spelled from the route (`PostChatsIdRead`).
 */
function actionName(op: PlacementInput, segment: string, resource: readonly string[]): string | undefined {
  const id = op.operationId?.split('.').at(-1);
  if (id === undefined || id.includes(' ') || ACTION_VERBS.has(words(segment)[0] ?? '')) return undefined;
  const said = words(id);
  const [verb] = said;
  if (verb === undefined || !ACTION_VERBS.has(verb) || CRUD_WORDS.has(verb) || HTTP_WORDS.has(verb)) return undefined;
  const compact = (parts: readonly string[]): string => parts.join('');
  if (!compact(said).includes(compact(words(segment))) || said.includes('id')) return undefined;
  const rest = unrepeated(said.slice(1), resource);
  return rest.length > 0 ? camelCase([verb, ...rest].join(' ')) : undefined;
}

/**
 * `GET /receiver/uma/{address}` (`lookupUma`), `POST /plaid/callback/{token}` (`submitPlaidPublicToken`):
 * the only operation of an item whose collection has none and holds nothing else, and whose
 * operationId opens with an action verb, is that action on what is above the collection, named by
 * its operationId less the words that repeat the resource: `receiver.lookupUma(address)`, as Grid's SDK
 * has it, not a resource of one item (`receiver.uma.lookup`). The name, or `undefined`.
 */
function loneItemAction(op: PlacementInput, shapes: PathShapes, resource: readonly string[]): string | undefined {
  const [collection, item] = op.segments.slice(-2);
  if (collection === undefined || item === undefined || isTemplate(collection) || !isTemplate(item)) return undefined;
  // A DELETE deletes, whatever it says (as on any item).
  if (op.method === 'delete') return undefined;
  // A top-level collection (OneBusAway's `/report-problem-with-stop/{id}`) is a resource: the client holds no actions.
  if (resource.length === 0) return undefined;
  const path = op.segments.slice(0, -1);
  if (shapes.operationsOn(path) > 0 || shapes.operationsOn(op.segments) !== 1 || shapes.hasBelow(op.segments))
    return undefined;
  if (shapes.childrenOf(path).length !== 1) return undefined;
  const id = op.operationId?.split('.').at(-1);
  if (id === undefined || id.includes(' ')) return undefined;
  const [verb, ...said] = words(id);
  if (verb === undefined || !ACTION_VERBS.has(verb) || CRUD_WORDS.has(verb) || VAGUE_VERBS.has(verb)) return undefined;
  const rest = unrepeated(said, resource);
  return rest.length > 0 ? camelCase([verb, ...rest].join(' ')) : undefined;
}

/**
 * `list-dimension-values` on `dimensions` → `listValues`: an operationId that opens with `list`
 * and says what it lists beyond the resource's own name. `undefined` where it says no more.
 */
export function itemListName(operationId: string | undefined, resource: readonly string[]): string | undefined {
  const id = operationId?.split('.').at(-1);
  if (id === undefined || id.includes(' ')) return undefined;
  const [verb, ...said] = words(id);
  if (verb !== 'list') return undefined;
  const rest = unrepeated(said, resource);
  return rest.length > 0 ? camelCase(['list', ...rest].join(' ')) : undefined;
}

/** An operationId's words less those that repeat the resource (`vectorStores` → `vector`, `store`, `stores`) and the small words they leave at the end. */
function unrepeated(said: readonly string[], resource: readonly string[]): string[] {
  const repeats = new Set(resource.flatMap((name) => words(name)).flatMap((w) => [w, singular(w)]));
  const rest = said.filter((w) => !repeats.has(w));
  while (rest.length > 0 && SMALL_WORDS.has(rest.at(-1) ?? '')) rest.pop();
  return rest;
}

const SMALL_WORDS: ReadonlySet<string> = new Set('a an the to for of from in on by with into at'.split(' '));

/** An operationId that opens with an HTTP method is spelled from its route (Stripe's `PostChargesChargeRefund`). */
const HTTP_WORDS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'head', 'options']);

/**
 * `POST /chats/{id}/participants` ("Add a participant") beside `DELETE /chats/{id}/participants`
 * ("Remove a participant"), with the member in the body and nothing that reads the set: the
 * set's own `add` and `remove` (Linq's `chats.participants.add`), not a create and a delete of it.
 */
function setMembership(op: PlacementInput, shapes: PathShapes): string | undefined {
  const last = op.segments.at(-1);
  if (last === undefined || isTemplate(last) || (op.method !== 'post' && op.method !== 'delete')) return undefined;
  const methods = shapes.methodsOn(op.segments);
  if (methods.has('get') || !methods.has('post') || !methods.has('delete') || shapes.hasBelow(op.segments))
    return undefined;
  const id = op.operationId === undefined || op.operationId.includes(' ') ? undefined : op.operationId;
  const said = [id, op.summary]
    .map((text) => verbForm(words(text ?? '')[0]))
    .find((v) => v === 'add' || v === 'remove');
  if (said === undefined || (said === 'remove') !== (op.method === 'delete')) return undefined;
  return said;
}

/** Verbs that turn something on, each with the verb that turns it off again. */
const TOGGLES: ReadonlyMap<string, string> = new Map([
  ['start', 'stop'],
  ['enable', 'disable'],
  ['activate', 'deactivate'],
  ['lock', 'unlock'],
  ['block', 'unblock'],
  ['mute', 'unmute'],
  ['pin', 'unpin'],
  ['star', 'unstar'],
  ['like', 'unlike'],
  ['follow', 'unfollow'],
  ['subscribe', 'unsubscribe'],
  ['publish', 'unpublish'],
  ['share', 'unshare'],
  ['suspend', 'unsuspend'],
]);
const TOGGLED_OFF: ReadonlySet<string> = new Set(TOGGLES.values());

/**
 * A segment that is a toggle's verb or its participle (`/lock`, `/subscribe`, GitHub's
 * `/suspended`): the toggle is a method of its parent. Of the pair `on` where it is given.
 */
function isToggleVerb(segment: string | undefined, on?: string): boolean {
  const all = words(segment ?? '');
  const [word] = all;
  if (all.length !== 1 || word === undefined) return false;
  const pairs = on === undefined ? [...TOGGLES] : [[on, TOGGLES.get(on) ?? on] as const];
  const forms = (verb: string): string[] => [verb, `${verb}d`, `${verb}ed`, `${verb}${verb.at(-1) ?? ''}ed`];
  return pairs.some(([verbOn, verbOff]) => forms(verbOn).includes(word) || forms(verbOff).includes(word));
}

/**
 * `POST /chats/{id}/typing` ("startTyping") beside `DELETE /chats/{id}/typing` ("stopTyping"),
 * GitHub's `PUT`/`DELETE /issues/{n}/lock` ("Lock an issue", "Unlock …"): a state the API turns on
 * with a write and off with a DELETE, and never reads (no GET of the path, nothing below it).
 * Each is named by the verb it says, first in its operationId, else its summary (`typing.start`,
 * `typing.stop`, as Linq's SDK has them): a `create` and a `delete` of a "typing" would mislead.
 */
function toggle(op: PlacementInput, shapes: PathShapes): string | undefined {
  const last = op.segments.at(-1);
  if (last === undefined || isTemplate(last) || (op.method !== 'post' && op.method !== 'put' && op.method !== 'delete'))
    return undefined;
  const said = shapes.saidOn(op.segments);
  if (said.some((s) => s.method !== 'post' && s.method !== 'put' && s.method !== 'delete')) return undefined;
  if (shapes.hasBelow(op.segments)) return undefined;
  const on = said.filter((s) => s.method !== 'delete').map(toggleVerb);
  const off = said.filter((s) => s.method === 'delete').map(toggleVerb);
  // One write and one DELETE, each saying its half of one pair: `archive` and "Unmute" are no toggle.
  const [verb] = on;
  if (on.length !== 1 || off.length !== 1 || verb === undefined || TOGGLES.get(verb) !== off[0]) return undefined;
  // A segment that is a verb itself (`/lock`, `/suspended`) must be the one the pair says.
  const segment = words(localName(last));
  if (segment.length === 1 && isToggleVerb(last) && !isToggleVerb(last, verb)) return undefined;
  return op.method === 'delete' ? off[0] : verb;
}

/** The toggle verb an operation says, first in its operationId, else its summary: `startTyping` → `start`. */
function toggleVerb(said: Said): string | undefined {
  const id = said.operationId === undefined || said.operationId.includes(' ') ? undefined : said.operationId;
  return [id, said.summary]
    .map((text) => verbForm(words(text ?? '')[0]))
    .find((v) => v !== undefined && (TOGGLES.has(v) || TOGGLED_OFF.has(v)));
}

const PAGING_WORDS: ReadonlySet<string> = new Set(['page', 'offset', 'limit', 'cursor', 'size', 'after', 'before']);

/**
 * `GET /apps/name/{name}` beside `/apps/{app_id}` (Honcho), `GET /users/email/{email}`: the field
 * a thing is looked up by, then its value, named the same (`by_name/{name}` too). It reads the
 * resource by another key: `apps.retrieveByName(name)`, never a resource named after the field
 * (`apps.name.retrieve`). The field's name, or `undefined`.
 */
function lookupKey(
  op: PlacementInput,
  shapes: PathShapes,
): { readonly key: string; readonly owner: readonly string[] } | undefined {
  const [field, value] = op.segments.slice(-2);
  if (op.method !== 'get' || field === undefined || value === undefined || op.segments.length < 3) return undefined;
  if (isTemplate(field) || !isTemplate(value) || shapes.hasBelow(op.segments)) return undefined;
  const fieldWords = words(field);
  const key = fieldWords[0] === 'by' ? fieldWords.slice(1) : fieldWords;
  // `/snapshots/page/{page}` pages through the snapshots: no key to look one up by.
  if (key.some((w) => PAGING_WORDS.has(w))) return undefined;
  const valueWords = words(value);
  const named =
    key.length > 0 &&
    key.length <= valueWords.length &&
    key.every((w, i) => valueWords[valueWords.length - key.length + i] === w);
  // The field is no collection of its own: nothing on `/apps/name`, and the resource has items by id beside it.
  // X's `/users/by/username/{username}` says `by` in a segment of its own: the owner is above it.
  const above = op.segments.slice(0, -2);
  const owner = fieldWords[0] !== 'by' && above.at(-1)?.toLowerCase() === 'by' ? above.slice(0, -1) : above;
  if (owner.length === 0 || isTemplate(owner.at(-1) ?? '{}')) return undefined;
  const byId = shapes.operationsOn([...owner, '{id}']) > 0 || shapes.hasBelow([...owner, '{id}']);
  return named && shapes.operationsOn(op.segments.slice(0, -1)) === 0 && byId
    ? { key: key.join(' '), owner }
    : undefined;
}
