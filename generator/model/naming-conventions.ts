/**
 * The naming conventions a team declares once for its whole API (`x-sdkgen-client.naming`,
 * docs/naming.md): what SDKs built from specs of the same shape choose differently, so that no
 * rule can read it from the spec. openai-node nests `threads/{thread_id}/messages`
 * (`threads.messages.create`), stripe-node puts `customers/{customer}/tax_ids` on the customer
 * (`customers.createTaxId`), says `del`, and `voidInvoice` where a keyword would name the method;
 * Honcho's and Luma's SDKs read with `get`. The rules give openai-node's shape; a convention turns
 * their names into the team's before the plan settles clashes (name-plan.ts), so a clash it makes
 * is settled like any other.
 */
import type { NamingConventions } from './model.js';
import { camelCase, isIdentifier, JS_RESERVED_WORDS, pascalCase, singular, words } from './names.js';
import type { PathShapes, Placement } from './placement.js';
import { isTemplate } from './route.js';

/** The rules whose calls below an item `subResources: parent` moves to the parent. */
const MOVED_RULES: ReadonlySet<string> = new Set(['crud', 'singleton', 'intent']);
/** The rules of an action on a moved sub-collection, which moves with it (`customers.verifySource`). */
const ACTION_RULES: ReadonlySet<string> = new Set(['action', 'verb-segment']);

/** Each placement as the conventions name it; the rules' own where none is declared. */
export function withConventions(
  placements: readonly Placement[],
  segments: readonly (readonly string[])[],
  shapes: PathShapes,
  conventions: NamingConventions,
): Placement[] {
  const parented = conventions.subResources === 'parent' ? onParents(placements, segments, shapes) : [...placements];
  return parented.map((placement) => {
    const method = keywordNamed(methodName(placement.method, conventions), placement.resource, conventions);
    return method === placement.method ? placement : { ...placement, method };
  });
}

/** `retrieve…` → `get…` (`reads: get`), `delete` → `del` (`deletes: del`). */
export function methodName(method: string, conventions: NamingConventions): string {
  if (conventions.reads === 'get' && words(method)[0] === 'retrieve') return `get${method.slice('retrieve'.length)}`;
  if (conventions.deletes === 'del' && method === 'delete') return 'del';
  return method;
}

/**
 * `keywords: noun`: a method the rules name by a reserved word of JavaScript takes its resource's
 * singular noun (`inboundTransfers.return` → `returnInboundTransfer`, `invoices.void` →
 * `voidInvoice`), as stripe-node names them. `delete` is left to `deletes` (stripe-node's `del`),
 * and a method of the client itself has no noun to take, so it stays.
 */
function keywordNamed(method: string, resource: readonly string[], conventions: NamingConventions): string {
  if (conventions.keywords !== 'noun' || method === 'delete' || !JS_RESERVED_WORDS.has(method)) return method;
  const noun = resource.at(-1);
  return noun === undefined ? method : `${method}${pascalCase(singular(noun))}`;
}

/**
 * `subResources: parent`: a CRUD call on a collection or a single object below an item is the
 * parent's method, a verb and a noun, as stripe-node names them: `customers.listSources`,
 * `customers.createSource`, `customers.retrieveSource(customer, id)`, `customers.retrieveCashBalance`.
 * An action on an item of a moved collection moves with it (`customers.verifySource`).
 */
function onParents(
  placements: readonly Placement[],
  segments: readonly (readonly string[])[],
  shapes: PathShapes,
): Placement[] {
  const moved = new Set<string>();
  const crud = placements.map((placement, index) => {
    const own = segments[index] as readonly string[];
    if (!MOVED_RULES.has(placement.rule) || !belowItem(own) || placement.resource.length < 2) return placement;
    moved.add(placement.resource.join('.'));
    const onItem = isTemplate(own.at(-1) ?? '');
    const collection = onItem ? own.slice(0, -1) : own;
    const hasItems = shapes.operationsOn([...collection, '{id}']) > 0 || shapes.hasBelow([...collection, '{id}']);
    return onParent(placement, onItem || (placement.method === 'create' && hasItems));
  });
  return crud.map((placement, index) => {
    const own = segments[index] as readonly string[];
    if (!ACTION_RULES.has(placement.rule) || !moved.has(placement.resource.join('.'))) return placement;
    return onParent(placement, isTemplate(own.at(-2) ?? ''));
  });
}

/** The placement one resource up, its method the verb and the noun it leaves (one of them where `one`). */
function onParent(placement: Placement, one: boolean): Placement {
  const noun = placement.resource.at(-1) as string;
  return {
    ...placement,
    resource: placement.resource.slice(0, -1),
    method: `${placement.method}${pascalCase(one ? singular(noun) : noun)}`,
  };
}

/** A path that goes on below an item: a literal after a `{param}` (`/customers/{customer}/sources`). */
function belowItem(segments: readonly string[]): boolean {
  const lastLiteral = segments.findLastIndex((s) => !isTemplate(s));
  return segments.slice(0, Math.max(lastLiteral, 0)).some(isTemplate);
}

/**
 * `resources: tags`: the operation's first tag, camelCased, is its resource and its operationId,
 * camelCased, its method (`Issue attachments` and `getAttachment`: `issueAttachments.getAttachment`),
 * as jira.js, openapi-generator and hey-api's class SDKs name. One without a tag or an operationId
 * is named by the rules.
 */
export function taggedCall(input: {
  readonly tag?: string | undefined;
  readonly operationId: string | undefined;
}): Placement | undefined {
  if (input.tag === undefined || input.operationId === undefined) return undefined;
  const resource = camelCase(input.tag);
  const method = camelCase(input.operationId);
  if (!isIdentifier(resource) || !isIdentifier(method)) return undefined;
  return { resource: [resource], method, rule: 'tag' };
}

/** `subResources: parent, deletes: del`: the keys as they are written in `x-sdkgen-client.naming`. */
export function namingText(naming: NamingConventions): string {
  return Object.entries(naming)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
}
