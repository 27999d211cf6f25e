/**
 * Resource and method names for the whole API, decided in one place that sees every operation
 * before it names any (docs/naming.md lists the rules). Each operation is first placed alone
 * (placement.ts); where several would take one name, or a method would take a child resource's
 * name, a fixed ranking says who keeps it, and the others are renamed from their fixed query,
 * operationId or summary, with a warning that shows how to choose otherwise.
 */
import type { SourceLocation } from '../diagnostics.js';
import type { SampleCall } from './code-samples.js';
import { dottedCalls } from './dotted-paths.js';
import { graftTrees } from './grafts.js';
import type { KeptOperation } from './kept-names.js';
import { keptPlacements } from './kept-placements.js';
import type { HttpMethod, NamingConventions, ResponseFormat } from './model.js';
import { camelCase, isIdentifier, pascalCase, singular, words } from './names.js';
import { methodName, namingText, taggedCall, withConventions } from './naming-conventions.js';
import {
  inferPlacement,
  intentVerb,
  itemListName,
  type PathShapes,
  type Placement,
  type PlacementRule,
  readsCount,
  type Said,
  segmentName,
} from './placement.js';
import { resourceSegments } from './prefix.js';
import { CLIENT_MEMBERS, RESOURCE_MEMBERS } from './reserved-names.js';
import { type FixedQuery, fixedQueryText, isTemplate } from './route.js';
import { scopedCalls } from './scoped-ids.js';
import type { SpecContext } from './spec-context.js';

export interface NamingInput {
  readonly method: HttpMethod;
  /** The request path (no query) and its segments. */
  readonly path: string;
  readonly segments: readonly string[];
  readonly fixedQuery: readonly FixedQuery[];
  /** The spec's own operationId, if it has one. */
  readonly operationId: string | undefined;
  readonly summary: string | undefined;
  readonly declared: { readonly resource?: readonly string[] | undefined; readonly method?: string | undefined };
  /** The call the operation's JavaScript code samples show: below a declared name, above every inferred one. */
  readonly codeSample?: SampleCall | undefined;
  /** Its first tag: its resource with `naming.resources: tags`. */
  readonly tag?: string | undefined;
  readonly returnsBody: boolean;
  readonly listLike: boolean;
  readonly paginated: boolean;
  /** Its page is the whole list, sent in one answer (`SinglePage`). */
  readonly wholeList?: boolean | undefined;
  /** The named type of one item of its page, if it is one. */
  readonly itemName?: string | undefined;
  /** The API is an OData service (odata-segments.ts). */
  readonly odata?: boolean | undefined;
  /** The named schema the response is, if it is one. */
  readonly responseName: string | undefined;
  readonly format: ResponseFormat;
  readonly sendsBody: boolean;
  readonly location: SourceLocation;
  /** The name the names lock keeps for it (kept-names.ts): below a declared name, above every inferred one. */
  readonly kept?: KeptOperation | undefined;
}

export interface PlannedName {
  readonly resource: readonly string[];
  readonly method: string;
  readonly rule: PlacementRule;
  /** Why the name differs from what the rule gave, for `sdkgen plan` (`renamed from …`, `in beta: …`). */
  readonly note: string | undefined;
  /** The name is the one the names lock keeps. */
  readonly kept?: true | undefined;
}

interface Candidate {
  readonly index: number;
  readonly input: NamingInput;
  readonly placement: Placement;
  readonly resource: readonly string[];
  readonly declaredMethod: boolean;
  /** Its name is the one the names lock keeps: it wins over every inferred one. */
  readonly kept: boolean;
  /** The canonical path for its CRUD verb: a collection with items below, or an item of a collection. */
  readonly canonical: boolean;
  /** Its answer fits its name: a `list` that answers a list (Honcho's `POST /apps/list` over a `GET /apps` that reads one app). */
  readonly fits: boolean;
}

/** Names every operation; the result is in the order of `inputs`. */
export function planNames(
  ctx: SpecContext,
  inputs: readonly NamingInput[],
  conventions: NamingConventions = {},
): PlannedName[] {
  const grafts = graftTrees(
    resourceSegments(inputs.map((input) => input.segments)),
    inputs.map((input) => input.method),
  );
  const segments = grafts.map((graft) => graft.segments);
  const shapes = new ShapeIndex(segments, inputs);
  const alone = inputs.map((input, index) =>
    inferPlacement(
      {
        method: input.method,
        path: input.path,
        segments: segments[index] as readonly string[],
        returnsBody: input.returnsBody,
        listLike: input.listLike,
        paginated: input.paginated,
        wholeList: input.wholeList === true,
        itemName: input.itemName,
        odata: input.odata === true,
        responseName: input.responseName,
        format: input.format,
        operationId: input.operationId,
        summary: input.summary,
        sendsBody: input.sendsBody,
      },
      shapes,
    ),
  );
  // Every resource some operation lives in, and those with operations on one item, before any clash is settled.
  const resources = new Set(
    alone.flatMap((p, index) =>
      (inputs[index]?.declared.resource ?? p.resource).map((_, depth, all) => all.slice(0, depth + 1).join('.')),
    ),
  );
  const withItems = new Set(
    alone
      .filter((p, index) => p.rule === 'crud' && isTemplate(segments[index]?.at(-1) ?? ''))
      .map((p) => p.resource.join('.')),
  );
  // A download is never a list, whatever else its resource has.
  const joined = inputs.map((input, index) => {
    const placement = joinedResource(alone[index] as Placement, input.method, resources);
    return input.format === 'json' ? listsItems(placement, segments[index] as readonly string[], withItems) : placement;
  });
  const listed = new Set(joined.filter((p) => p.method === 'list').map((p) => p.resource.join('.')));
  const crud = joined.map((placement, index) =>
    itemLists(placement, inputs[index] as NamingInput, segments[index] as readonly string[], shapes, listed),
  );
  const flagged = flagNamespaces(inputs);
  const intended = withIntents(
    crud.map((placement, index) => {
      const flag = flagged[index];
      return flag === undefined ? placement : { ...placement, resource: [flag, ...placement.resource] };
    }),
    inputs,
  );
  const conventional = withConventions(intended, segments, shapes, conventions);
  const scoped = scopedCalls(inputs.map((input) => input.operationId));
  const dotted = dottedCalls(inputs.map((input) => input.segments));
  const tagged = conventions.resources === 'tags' ? inputs.map(taggedCall) : [];
  const chosen = inputs.map((input, index): Placement => {
    const sample = input.codeSample;
    const byId = scoped[index];
    const byPath = dotted[index];
    const byTag = tagged[index];
    const inferred: Placement =
      sample !== undefined
        ? { resource: sample.resource, method: sample.method, rule: 'code-sample' }
        : byTag !== undefined
          ? byTag
          : byId !== undefined
            ? { resource: byId.resource, method: byId.method, rule: 'scoped-id' }
            : byPath !== undefined
              ? { resource: byPath.resource, method: byPath.method, rule: 'dotted-path' }
              : (conventional[index] as Placement);
    return input.declared.resource === undefined && input.declared.method === undefined
      ? inferred
      : {
          resource: input.declared.resource ?? inferred.resource,
          method: input.declared.method ?? inferred.method,
          rule: 'declared',
        };
  });
  const withLock = keptPlacements(ctx, inputs, chosen);
  const keptMethods = new Set(
    withLock.filter((lock) => lock.kept).map((lock) => `${lock.placement.resource.join('.')}#${lock.placement.method}`),
  );
  const candidates = inputs.map((input, index): Candidate => {
    const own = segments[index] as readonly string[];
    const { placement, kept } = withLock[index] as { placement: Placement; kept: boolean };
    return {
      index,
      input,
      placement,
      resource: clearOfKeptMethods(ctx, unreservedResource(ctx, placement.resource, input), input, keptMethods),
      declaredMethod: input.declared.method !== undefined,
      kept,
      canonical: placement.rule === 'crud' && shapes.isCanonical(own, placement.method),
      fits: placement.method !== 'list' || input.listLike,
    };
  });
  const planned = new Array<PlannedName>(inputs.length);
  const byResource = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const key = candidate.resource.join('.');
    const members = byResource.get(key);
    if (members === undefined) byResource.set(key, [candidate]);
    else members.push(candidate);
  }
  const childrenOf = new Map<string, Set<string>>();
  for (const candidate of candidates) {
    candidate.resource.forEach((name, depth) => {
      const parent = candidate.resource.slice(0, depth).join('.');
      childrenOf.set(parent, (childrenOf.get(parent) ?? new Set()).add(name));
    });
  }
  for (const [key, members] of byResource) {
    for (const [candidate, named] of nameMethods(
      ctx,
      members,
      childrenOf.get(key) ?? new Set(),
      key === '',
      conventions,
    ))
      planned[candidate.index] = named;
  }
  inputs.forEach((input, index) => {
    const named = planned[index] as PlannedName;
    const flag = flagged[index];
    const under = grafts[index]?.under;
    const lock = withLock[index];
    if (lock?.kept === true && named.method === lock.placement.method) {
      planned[index] = { ...named, kept: true, note: named.note ?? lock.note };
      return;
    }
    if (named.note !== undefined || input.declared.resource !== undefined || input.codeSample !== undefined) return;
    if (flag !== undefined)
      planned[index] = {
        ...named,
        note: `in ${flag}: the ${fixedQueryText(input.fixedQuery)} variant of ${input.method.toUpperCase()} ${input.path}`,
      };
    else if (under !== undefined) {
      const tree = (segments[index] ?? []).slice(under.length, under.length + 2).join('/');
      planned[index] = {
        ...named,
        note: `in ${named.resource.slice(0, under.length + 1).join('.')}: /${tree} addresses the items of /${[...under, tree].join('/')}`,
      };
    } else if (chosen[index] === conventional[index] && conventional[index] !== intended[index]) {
      // Named by a declared convention: `sdkgen plan` says which, and what the rules alone give.
      const rules = intended[index] as Placement;
      planned[index] = {
        ...named,
        note: `by x-sdkgen-client.naming (${namingText(conventions)}): the rules alone give ${[...rules.resource, rules.method].join('.')}`,
      };
    }
  });
  return planned;
}

/**
 * `POST /responses?beta=true` beside `POST /responses`, and so on for several paths: the API
 * has a flagged variant, and its calls go in a namespace of their own (`client.beta.responses.create()`,
 * as openai-node has it) rather than take a suffix each (`responses.createBeta()`). A flag on
 * one path only (`GET /orders?archived=true`) filters that call: it keeps its suffix
 * (`orders.listArchived()`). For each operation, the namespace's name, or `undefined`.
 */
function flagNamespaces(inputs: readonly NamingInput[]): (string | undefined)[] {
  const plain = new Set(
    inputs.filter((input) => input.fixedQuery.length === 0).map((input) => `${input.method} ${input.path}`),
  );
  const twinned = (input: NamingInput): string | undefined => {
    const flag = flagOf(input.fixedQuery);
    return flag !== undefined && input.declared.resource === undefined && plain.has(`${input.method} ${input.path}`)
      ? flag
      : undefined;
  };
  const pathsByFlag = new Map<string, Set<string>>();
  for (const input of inputs) {
    const flag = twinned(input);
    if (flag !== undefined) pathsByFlag.set(flag, (pathsByFlag.get(flag) ?? new Set()).add(input.path));
  }
  return inputs.map((input) => {
    const flag = twinned(input);
    if (flag === undefined || (pathsByFlag.get(flag)?.size ?? 0) < 2) return undefined;
    const name = segmentName(flag);
    return name === '' ? undefined : name;
  });
}

/**
 * A CRUD name the operation itself contradicts (`POST /evals/{id}/runs/{run_id}`, operationId
 * `cancelEvalRun`: not `update` but `cancel`) takes the operation's own verb.
 */
function withIntent(placement: Placement, input: NamingInput): Placement {
  if (placement.rule !== 'crud' && placement.rule !== 'singleton') return placement;
  const verb =
    placement.method !== 'delete' && readsCount(withoutFlagPrefix(input), placement.resource)
      ? 'count'
      : intentVerb(placement.method, input.operationId, input.summary);
  if (verb === undefined || verb === placement.method) return placement;
  // The path says it already (`GET /search/articles`, `searchArticles`): `search.articles.search` would stutter.
  if (placement.resource.some((name) => words(name).includes(verb))) return placement;
  return { ...placement, method: verb, rule: 'intent' };
}

/** `beta_Getinputtokencounts` on `POST /responses/input_tokens?beta=true`: the flag's name says nothing of the call. */
function withoutFlagPrefix(input: NamingInput): string | undefined {
  const id = input.operationId;
  const flag = flagOf(input.fixedQuery);
  if (id === undefined || flag === undefined) return id;
  const [first, ...rest] = words(id);
  return first === flag.toLowerCase() && rest.length > 0 ? rest.join(' ') : id;
}

/**
 * Each operation's own verb where it is the only one of its resource to want that name: a verb
 * two operations share (a summary's "Cancel …" on two paths) tells them apart no better than
 * their CRUD names, and would only make a clash to rename.
 */
function withIntents(placements: readonly Placement[], inputs: readonly NamingInput[]): Placement[] {
  const intended = placements.map((placement, index) => withIntent(placement, inputs[index] as NamingInput));
  const wanted = new Map<string, number>();
  const key = (p: Placement): string => `${p.resource.join('.')}#${p.method}`;
  for (const p of intended) wanted.set(key(p), (wanted.get(key(p)) ?? 0) + 1);
  return intended.map((p, index) =>
    p.rule === 'intent' && (wanted.get(key(p)) ?? 0) > 1 ? (placements[index] as Placement) : p,
  );
}

/**
 * An action on an item named like a resource of its parent (`GET /providers/{id}/employers`
 * beside `/providers/employers/{employerId}`) is that resource's collection, seen from the item:
 * `providers.employers.list(id)`, not a method that the resource's name would have to push aside.
 */
function joinedResource(placement: Placement, method: HttpMethod, resources: ReadonlySet<string>): Placement {
  if (placement.rule !== 'action' || (method !== 'get' && method !== 'post')) return placement;
  const resource = [...placement.resource, placement.method];
  if (!resources.has(resource.join('.'))) return placement;
  return { resource, method: method === 'get' ? 'list' : 'create', rule: 'crud' };
}

/**
 * A GET of one thing on a collection path (`/employers/{id}/notes`) of a resource whose items are
 * read elsewhere (`/employers/notes/{noteId}`) lists them: `retrieve` is the item's.
 */
function listsItems(placement: Placement, segments: readonly string[], withItems: ReadonlySet<string>): Placement {
  const onCollection = !isTemplate(segments.at(-1) ?? '{}');
  if (
    placement.rule !== 'crud' ||
    placement.method !== 'retrieve' ||
    !onCollection ||
    !withItems.has(placement.resource.join('.'))
  )
    return placement;
  return { ...placement, method: 'list' };
}

/**
 * A GET of an item that answers a list (OneBusAway's `/routes-for-agency/{agency_id}`) lists what
 * the item holds, where its collection path has no operation and nothing else of its resource lists.
 * Where the collection lists (Mux's `GET /dimensions` beside `GET /dimensions/{id}`,
 * `list-dimension-values`), the item's list takes the name its operationId gives (`listValues`):
 * a `retrieve` that answers a page would mislead.
 */
function itemLists(
  placement: Placement,
  input: NamingInput,
  segments: readonly string[],
  shapes: PathShapes,
  listed: ReadonlySet<string>,
): Placement {
  if (
    placement.rule !== 'crud' ||
    placement.method !== 'retrieve' ||
    input.method !== 'get' ||
    !input.listLike ||
    input.format !== 'json' ||
    !isTemplate(segments.at(-1) ?? '')
  )
    return placement;
  if (shapes.operationsOn(segments.slice(0, -1)) === 0 && !listed.has(placement.resource.join('.')))
    return { ...placement, method: 'list' };
  const named = itemListName(input.operationId, placement.resource);
  return named === undefined ? placement : { ...placement, method: named };
}

/** Each resource segment off the members its class inherits: a declared one that hides one is the spec's error. */
function unreservedResource(ctx: SpecContext, resource: readonly string[], input: NamingInput): string[] {
  return resource.map((name, depth) => {
    const reserved = depth === 0 ? CLIENT_MEMBERS : RESOURCE_MEMBERS;
    if (!reserved.has(name)) return name;
    if (input.declared.resource !== undefined) {
      reportReserved(ctx, name, depth === 0, input.location);
    }
    return `${name}Resource`;
  });
}

/**
 * A new resource that would take the name of a method the names lock keeps beside it is
 * `<name>Resource`: adding an endpoint never renames an existing method (docs/naming.md, "Names
 * are kept"). A resource the lock keeps, or one the spec declares, keeps its name.
 */
function clearOfKeptMethods(
  ctx: SpecContext,
  resource: readonly string[],
  input: NamingInput,
  keptMethods: ReadonlySet<string>,
): string[] {
  if (keptMethods.size === 0 || input.declared.resource !== undefined) return [...resource];
  const clear: string[] = [];
  for (const name of resource) {
    const taken = keptMethods.has(`${clear.join('.')}#${name}`) && ctx.kept?.resource([...clear, name]) === undefined;
    clear.push(taken ? `${name}Resource` : name);
  }
  return clear;
}

/** A declared name that would hide a member every client (or resource) inherits: the spec's own error. */
function reportReserved(ctx: SpecContext, name: string, onClient: boolean, location: SourceLocation): void {
  ctx.diagnostics.error(
    'name-reserved',
    `\`${name}\` is already a member of ${onClient ? 'the client' : 'every resource'}; choose another name.`,
    location,
  );
}

/** The methods of one resource: contested names go to the best-ranked operation, the others are renamed. */
function nameMethods(
  ctx: SpecContext,
  members: readonly Candidate[],
  children: ReadonlySet<string>,
  isClient: boolean,
  conventions: NamingConventions,
): Map<Candidate, PlannedName> {
  const reserved = isClient ? CLIENT_MEMBERS : RESOURCE_MEMBERS;
  const result = new Map<Candidate, PlannedName>();
  const byName = new Map<string, Candidate[]>();
  for (const candidate of members) {
    let name = candidate.placement.method;
    if (reserved.has(name)) {
      if (candidate.declaredMethod) {
        reportReserved(ctx, name, isClient, candidate.input.location);
      }
      name = `${name}Method`;
    }
    const named = byName.get(name);
    if (named === undefined) byName.set(name, [candidate]);
    else named.push(candidate);
  }
  // Every name some operation takes by its rule, and every child: a rename may take none of them.
  const taken = new Set<string>([...children, ...byName.keys(), ...reserved]);
  const renames: { candidate: Candidate; wanted: string; rival: Candidate | undefined }[] = [];
  for (const name of [...byName.keys()].sort()) {
    const ranked = [...(byName.get(name) as Candidate[])].sort(byRank);
    const [winner, ...losers] = ranked;
    if (winner === undefined) continue;
    // Two declared names that clash are the spec's own error: both keep it, and the run fails.
    const duplicates = winner.declaredMethod ? losers.filter((c) => c.declaredMethod) : [];
    for (const extra of duplicates) {
      ctx.diagnostics.error(
        'method-duplicate',
        `Two operations are named ${[...extra.resource, name].join('.')}().`,
        extra.input.location,
      );
      result.set(extra, { resource: extra.resource, method: name, rule: 'declared', note: undefined });
    }
    if (children.has(name) && winner.declaredMethod) {
      ctx.diagnostics.error(
        'resource-method-clash',
        `${[...winner.resource, name].join('.')} is both a resource and a declared method.`,
        winner.input.location,
        'Rename one with x-sdkgen-resource or x-sdkgen-method.',
      );
    }
    // Variants of one path that all fix a query each take their suffix (`listPremium`, `listBasic`).
    const allVariants = losers.length > 0 && winner.input.fixedQuery.length > 0 && !winner.declaredMethod;
    if (allVariants) renames.push({ candidate: winner, wanted: name, rival: undefined });
    else if (children.has(name) && !winner.declaredMethod)
      renames.push({ candidate: winner, wanted: name, rival: undefined });
    else result.set(winner, { resource: winner.resource, method: name, rule: shownRule(winner), note: undefined });
    for (const loser of losers)
      if (!duplicates.includes(loser)) renames.push({ candidate: loser, wanted: name, rival: winner });
  }
  for (const { candidate, wanted, rival } of renames.sort((a, b) => byRank(a.candidate, b.candidate))) {
    const { name, source } = renamed(candidate, wanted, rival, taken, conventions);
    taken.add(name);
    const where = [...candidate.resource, wanted].join('.');
    const clash = rival === undefined ? 'the name of a resource there' : `the name ${route(rival.input)} keeps`;
    if (source !== 'fixed query')
      warnClash(ctx, candidate, where, clash, [...candidate.resource, name].join('.'), source);
    result.set(candidate, {
      resource: candidate.resource,
      method: name,
      rule: shownRule(candidate),
      note: `renamed from ${wanted} (${source}): clash with ${clash}`,
    });
  }
  return result;
}

/**
 * `crud` on a collection below an item (`/threads/{thread_id}/runs`) is `sub-resource`: the same
 * names, counted apart by bench/naming-agreement.ts, since SDKs disagree on nesting such calls
 * (`threads.runs.create`) or putting them on the parent (`customers.createTaxId`) where they
 * agree on top-level collections.
 */
function shownRule(candidate: Candidate): PlacementRule {
  const { rule } = candidate.placement;
  const segments = candidate.input.segments;
  const lastLiteral = segments.findLastIndex((s) => !isTemplate(s));
  return rule === 'crud' && segments.slice(0, Math.max(lastLiteral, 0)).some(isTemplate) ? 'sub-resource' : rule;
}

/** Who keeps a contested name: declared, then kept by the names lock, then no fixed query, then an answer that fits the name, then the canonical path, then the shorter path, then spec order. */
function byRank(a: Candidate, b: Candidate): number {
  return (
    Number(b.declaredMethod) - Number(a.declaredMethod) ||
    Number(b.kept) - Number(a.kept) ||
    Number(a.input.fixedQuery.length > 0) - Number(b.input.fixedQuery.length > 0) ||
    Number(b.fits) - Number(a.fits) ||
    Number(b.canonical) - Number(a.canonical) ||
    a.input.segments.length - b.input.segments.length ||
    a.index - b.index
  );
}

type RenameSource = 'fixed query' | 'response' | 'operationId' | 'summary' | 'HTTP method' | 'numbered';

/** A new name, from the first source that gives a free one: the fixed query, the operationId, the summary, else a number. */
function renamed(
  candidate: Candidate,
  wanted: string,
  rival: Candidate | undefined,
  taken: ReadonlySet<string>,
  conventions: NamingConventions,
): { name: string; source: RenameSource } {
  const free = (name: string | undefined): name is string =>
    name !== undefined && name !== '' && isIdentifier(name) && !taken.has(name);
  const { input } = candidate;
  const fromQuery = input.fixedQuery.length > 0 ? `${wanted}${querySuffix(input.fixedQuery)}` : undefined;
  if (free(fromQuery)) return { name: fromQuery, source: 'fixed query' };
  // A GET that wanted `list` but answers one thing reads it: `retrieve` (`get` with `reads: get`).
  const read = methodName('retrieve', conventions);
  if (wanted === 'list' && !candidate.fits && input.method === 'get' && free(read))
    return { name: read, source: 'response' };
  const fromId =
    input.operationId === undefined ? undefined : nameFromWords(words(input.operationId), candidate.resource);
  if (free(fromId) && fromId !== wanted) return { name: fromId, source: 'operationId' };
  const fromSummary =
    input.summary === undefined
      ? undefined
      : nameFromWords(
          words(input.summary)
            .filter((w) => !ARTICLES.has(w))
            .slice(0, 6),
          candidate.resource,
        );
  if (free(fromSummary) && fromSummary !== wanted) return { name: fromSummary, source: 'summary' };
  // `GET /animal/search` and `POST /animal/search`: the HTTP method is what tells them apart.
  const fromMethod =
    rival !== undefined && rival.input.method !== input.method ? `${wanted}${pascalCase(input.method)}` : undefined;
  if (free(fromMethod)) return { name: fromMethod, source: 'HTTP method' };
  let n = 2;
  while (taken.has(`${wanted}${n}`)) n++;
  return { name: `${wanted}${n}`, source: 'numbered' };
}

const ARTICLES = new Set(['a', 'an', 'the', 'of', 'for', 'to', 'given', 'specific', 'specified']);

/**
 * `Reports_generateForPeriod` on `reports` → `generateForPeriod`, `actions/set-selected-repos` on
 * `orgs.actions.secrets` → `setSelectedRepos`: leading words that repeat the resource path say nothing.
 */
function nameFromWords(parts: readonly string[], resource: readonly string[]): string | undefined {
  const names = new Set(resource.flatMap((name) => words(name)).flatMap((w) => [w, singular(w)]));
  let start = 0;
  while (start < parts.length - 1 && names.has(parts[start] as string)) start++;
  const name = camelCase(parts.slice(start).join(' '));
  return name === '' ? undefined : /^\d/.test(name) ? `_${name}` : name;
}

/** The one flag a path key fixes (`?beta=true`, `?beta`), if that is all it fixes. */
function flagOf(fixedQuery: readonly FixedQuery[]): string | undefined {
  const [only, ...more] = fixedQuery;
  return only !== undefined && more.length === 0 && isFlagValue(only.value) ? only.name : undefined;
}

const isFlagValue = (value: string): boolean => value === '' || /^(true|1|yes|on)$/i.test(value);

/** `beta=true` → `Beta`, `type=premium` → `Premium`, `v=2` → `V2`: never `BetaTrue`. */
function querySuffix(fixedQuery: readonly FixedQuery[]): string {
  return fixedQuery
    .map(({ name, value }) => {
      if (isFlagValue(value)) return pascalCase(name);
      if (/^\d/.test(value)) return pascalCase(`${name} ${value}`);
      return pascalCase(value) || pascalCase(name);
    })
    .join('');
}

function route(input: NamingInput): string {
  return `${input.method.toUpperCase()} ${input.path}${fixedQueryText(input.fixedQuery)}`;
}

function warnClash(
  ctx: SpecContext,
  candidate: Candidate,
  wanted: string,
  clash: string,
  chosen: string,
  source: RenameSource,
): void {
  const { input } = candidate;
  const pathKey = `${input.path}${fixedQueryText(input.fixedQuery)}`;
  ctx.diagnostics.warning(
    'name-clash',
    `${route(input)} would be ${wanted}(), ${clash}; it is ${chosen}() (from its ${source === 'numbered' ? 'place' : source}).`,
    input.location,
    `To choose its name, set \`x-sdkgen-method\` (and \`x-sdkgen-resource\`) on the operation, or in an overlay: ` +
      `{ target: "$.paths['${pathKey.replace(/'/g, "\\'")}'].${input.method}", update: { x-sdkgen-method: <name> } }.`,
  );
}

/**
 * The operations' paths by shape (`{}` for any parameter, names compared as identifiers, so
 * `/Administrators` is `/administrators`). Built once; each question is constant time.
 */
class ShapeIndex implements PathShapes {
  readonly #operations = new Map<string, number>();
  readonly #methods = new Map<string, Set<HttpMethod>>();
  readonly #prefixes = new Set<string>();
  readonly #readsOne = new Map<string, string>();
  readonly #said = new Map<string, Said[]>();
  /** Each shape's paths one segment deeper. */
  readonly #children = new Map<string, Set<string>>();

  constructor(paths: readonly (readonly string[])[], inputs: readonly NamingInput[]) {
    paths.forEach((segments, index) => {
      // Each segment named once: a shape per prefix made from scratch was quadratic in the depth (Graph's ~10).
      const named = ShapeIndex.segmentShapes(segments);
      const shape = named.join('/');
      const input = inputs[index] as NamingInput;
      this.#operations.set(shape, (this.#operations.get(shape) ?? 0) + 1);
      const onShape = this.#methods.get(shape) ?? new Set<HttpMethod>();
      onShape.add(input.method);
      this.#methods.set(shape, onShape);
      const said = this.#said.get(shape) ?? [];
      said.push({ method: input.method, operationId: input.operationId, summary: input.summary });
      this.#said.set(shape, said);
      if (input.method === 'get' && input.format === 'json' && !input.listLike && input.responseName !== undefined)
        this.#readsOne.set(shape, input.responseName);
      let prefix = '';
      for (let i = 0; i < named.length; i++) {
        this.#prefixes.add(prefix);
        const child = i === 0 ? (named[0] as string) : `${prefix}/${named[i] as string}`;
        const children = this.#children.get(prefix) ?? new Set<string>();
        children.add(child);
        this.#children.set(prefix, children);
        prefix = child;
      }
    });
  }

  hasViewsBelow(segments: readonly string[]): boolean {
    const last = segments.at(-1);
    if (last === undefined || isTemplate(last)) return false;
    const shape = ShapeIndex.shape(segments);
    const children = [...(this.#children.get(shape) ?? [])];
    if (this.#operations.has(shape) || children.length < 2) return false;
    return children.every(
      (child) =>
        !child.endsWith('/{}') &&
        !this.#prefixes.has(child) &&
        this.#operations.get(child) === 1 &&
        this.#methods.get(child)?.has('get') === true,
    );
  }

  readsOneOn(segments: readonly string[]): string | undefined {
    return this.#readsOne.get(ShapeIndex.shape(segments));
  }

  saidOn(segments: readonly string[]): readonly Said[] {
    return this.#said.get(ShapeIndex.shape(segments)) ?? [];
  }

  methodsOn(segments: readonly string[]): ReadonlySet<HttpMethod> {
    return this.#methods.get(ShapeIndex.shape(segments)) ?? new Set();
  }

  static shape(segments: readonly string[]): string {
    return ShapeIndex.segmentShapes(segments).join('/');
  }

  static segmentShapes(segments: readonly string[]): string[] {
    return segments.map((s, index) => (isTemplate(s) ? '{}' : segmentName(s, index > 0)));
  }

  hasBelow(segments: readonly string[]): boolean {
    return this.#prefixes.has(ShapeIndex.shape(segments));
  }

  onlyItemsBelow(segments: readonly string[]): boolean {
    return this.childrenOf(segments).every((child) => child === '{}');
  }

  childrenOf(segments: readonly string[]): readonly string[] {
    return [...(this.#children.get(ShapeIndex.shape(segments)) ?? [])].map((child) => child.split('/').at(-1) ?? '');
  }

  operationsOn(segments: readonly string[]): number {
    return this.#operations.get(ShapeIndex.shape(segments)) ?? 0;
  }

  /** `create`/`list` on a collection whose items are paths too; `retrieve`/`update`/`delete` on an item of a collection that is one. */
  isCanonical(segments: readonly string[], verb: string): boolean {
    const last = segments[segments.length - 1];
    if (last === undefined) return false;
    if (isTemplate(last)) return this.operationsOn(segments.slice(0, -1)) > 0;
    if (verb === 'list' || verb === 'create' || verb === 'retrieve')
      return this.#operations.has(ShapeIndex.shape([...segments, '{id}'])) || this.hasBelow([...segments, '{id}']);
    return false;
  }
}
