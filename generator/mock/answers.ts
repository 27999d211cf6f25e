import type { EventStreamModel, OperationModel, TypeModel } from '../model/model.js';
import { objectProperties, resolveType } from '../model/type-queries.js';
import { validateValue } from '../values/validate-value.js';
import { fakeValue, type SchemaLookup } from './fake-data.js';
import { copyFitting } from './item-shapes.js';
import { isItem, itemView, listedView } from './item-views.js';
import type { PageFacts } from './paginate.js';
import type { ParsedRequest } from './read-request.js';
import type { Collection } from './routes.js';
import type { Item } from './store.js';

/** Envelope fields that say where a page is, by their usual names, and what each holds. */
const PAGE_FIELDS: readonly { readonly name: RegExp; readonly value: (facts: PageFacts) => number }[] = [
  { name: /^(page|current_page|currentPage|page_number|pageNumber)$/, value: (f) => pageNumber(f) },
  { name: /^(per_page|perPage|page_size|pageSize|limit|size)$/, value: (f) => f.size },
  { name: /^(offset|skip|start)$/, value: (f) => f.start },
  {
    name: /^(total|total_count|totalCount|total_items|totalItems|total_results|totalResults|total_entries)$/,
    value: (f) => f.total,
  },
  {
    name: /^(total_pages|totalPages|page_count|pageCount|pages|last_page|lastPage)$/,
    value: (f) => Math.max(1, Math.ceil(f.total / Math.max(f.size, 1))),
  },
];

function pageNumber(facts: PageFacts): number {
  return Math.floor(facts.start / Math.max(facts.size, 1)) + 1;
}

/**
 * The list response: made from its schema, with the page's items, the scheme's fields and
 * any field that says where the page is (`page`, `per_page`, `total`) true to the request.
 */
export function listEnvelope(
  operation: OperationModel,
  items: readonly Item[],
  fields: Readonly<Record<string, unknown>>,
  facts: PageFacts | undefined,
  request: ParsedRequest,
  lookup: SchemaLookup,
  itemsField = 'data',
): unknown {
  const type = operation.response.type === undefined ? undefined : resolveType(operation.response.type, lookup);
  if (type?.kind === 'array') return items;
  const envelope = made(operation, request, lookup, 'envelope') as Record<string, unknown>;
  const out: Record<string, unknown> = { ...(isItem(envelope) ? envelope : {}), [itemsField]: items };
  if (facts !== undefined && operation.response.type !== undefined) {
    for (const property of objectProperties(operation.response.type, lookup)) {
      const rule = PAGE_FIELDS.find((r) => r.name.test(property.name));
      if (rule === undefined || !(property.name in out)) continue;
      const value = rule.value(facts);
      if (validateValue(value, property.type, property.docs, lookup, property.name).length === 0)
        out[property.name] = value;
    }
  }
  Object.assign(out, fields);
  // `first_id` / `last_id`, whatever the scheme: many list envelopes carry both.
  const idField = Object.keys(items[0] ?? {}).includes('id') ? 'id' : undefined;
  if (idField !== undefined) {
    if ('first_id' in out && !('first_id' in fields)) out['first_id'] = items[0]?.[idField] ?? null;
    if ('last_id' in out && !('last_id' in fields)) out['last_id'] = items.at(-1)?.[idField] ?? null;
  }
  return out;
}

/**
 * What a call on one item answers: the item as the response's schema shows it, in whatever
 * envelope that schema puts it (`{ data: item }`); for an answer that is no view of the item,
 * the response's example or its schema, with the item's fields where that schema takes them.
 */
export function itemResponse(
  operation: OperationModel,
  collection: Collection,
  item: Item,
  request: ParsedRequest,
  lookup: SchemaLookup,
): unknown {
  const response = operation.response.type;
  if (response === undefined) return undefined;
  const view = itemView(response, collection, item, lookup, maker(operation, request, lookup));
  if (view !== undefined) return view;
  const example = operation.response.example?.value;
  const value = example === undefined ? made(operation, request, lookup, 'item') : structuredClone(example);
  if (!isItem(value)) return value;
  copyFitting(value, item, response, lookup);
  return value;
}

/** A delete's answer: its schema, naming the deleted item (`{ id, object: 'x.deleted', deleted: true }`). */
export function deletedResponse(
  operation: OperationModel,
  collection: Collection,
  item: Item,
  request: ParsedRequest,
  lookup: SchemaLookup,
): unknown {
  const type = operation.response.type;
  const value = made(operation, request, lookup, 'deleted');
  if (!isItem(value) || type === undefined) return value;
  // The item's id (under its own name, and as `id`); never its `object`, which names the item, not its deletion.
  const { idField } = collection;
  if (idField !== undefined) copyFitting(value, { id: item[idField], [idField]: item[idField] }, type, lookup);
  if ('deleted' in value) value['deleted'] = true;
  return value;
}

/** How many events a mocked stream sends before its terminator. */
const STREAM_EVENTS = 5;

/** A handful of events whose data the stream's schema accepts, the same on every run. */
export function streamEvents(
  operation: OperationModel,
  events: EventStreamModel,
  request: ParsedRequest,
  lookup: SchemaLookup,
): { data: string[]; terminator: string } {
  const data = Array.from({ length: STREAM_EVENTS }, (_, i) => {
    const value = fakeValue(events.item, {
      lookup,
      seed: `${operation.method} ${fillTemplate(operation.path, request.path)} event ${i}`,
      known: request.path,
    });
    return events.text && typeof value === 'string' ? value : JSON.stringify(value);
  });
  return { data, terminator: events.terminator };
}

/** Makes values of the types inside an operation's answer, the same for the same call. */
export function maker(operation: OperationModel, request: ParsedRequest, lookup: SchemaLookup) {
  return (type: TypeModel): unknown =>
    fakeValue(type, {
      lookup,
      seed: `${operation.method} ${fillTemplate(operation.path, request.path)} view`,
      known: request.path,
    });
}

/** The items of a list answer as the list shows them (a compact view of fuller items). */
export function listedItems(
  operation: OperationModel,
  collection: Collection,
  items: readonly Item[],
  request: ParsedRequest,
  lookup: SchemaLookup,
): readonly Item[] {
  const make = maker(operation, request, lookup);
  return items.map((item) => listedView(item, collection, lookup, make));
}

/** The operation's response made from its schema, path parameters filled in. */
export function made(operation: OperationModel, request: ParsedRequest, lookup: SchemaLookup, salt: string): unknown {
  const { type, format } = operation.response;
  if (type === undefined) return undefined;
  if (format === 'binary') return Buffer.from(`mock file for ${operation.operationId}\n`);
  if (format === 'text') return `mock text for ${operation.operationId}\n`;
  return fakeValue(type, {
    lookup,
    seed: `${operation.method} ${fillTemplate(operation.path, request.path)} ${salt}`,
    known: request.path,
  });
}

export function fillTemplate(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([^{}]+)\}/g, (_m, name: string) => encodeURIComponent(String(values[name] ?? '')));
}

export { isItem, sameType } from './item-views.js';
