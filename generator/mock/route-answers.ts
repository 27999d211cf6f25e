import type { OperationModel } from '../model/model.js';
import type { Problem } from '../values/validate-value.js';
import {
  deletedResponse,
  fillTemplate,
  isItem,
  itemResponse,
  listEnvelope,
  listedItems,
  made,
  sameType,
} from './answers.js';
import { arrayEnvelopeOf, unwrapped } from './envelopes.js';
import type { Failure } from './error-bodies.js';
import type { SchemaLookup } from './fake-data.js';
import { filterItems } from './filter.js';
import { copyFitting, createdItem, statusAfter, uploadFacts } from './item-shapes.js';
import { sentItem } from './item-views.js';
import { pageOf } from './paginate.js';
import type { ParsedRequest } from './read-request.js';
import type { Reply } from './reply.js';
import type { Collection, Route } from './routes.js';
import type { Item, MockStore } from './store.js';

/** What answering a route needs from the server: the state, the schemas, and how it writes errors. */
export interface AnswerContext {
  readonly store: MockStore;
  readonly lookup: SchemaLookup;
  readonly fail: (failure: Omit<Failure, 'requestId'>, operation: OperationModel) => Reply;
  readonly invalid: (problems: readonly Problem[], operation: OperationModel) => Reply;
}

/** The answer of a checked request, by what its route does to the state (list, create, read, change, delete, act). */
export function answerRoute(ctx: AnswerContext, route: Route, request: ParsedRequest, url: URL): Reply {
  const { operation, role } = route;
  const { store, lookup } = ctx;
  const concrete = (collection: Collection): string => fillTemplate(collection.template, request.path);
  switch (role.kind) {
    case 'list': {
      const { collection } = role;
      const scheme = operation.pagination?.pageClass.scheme;
      const items = filterItems(
        listedItems(
          operation,
          collection,
          store.items(collection, concrete(collection), request.path),
          request,
          lookup,
        ),
        operation,
        request.query,
        scheme,
      );
      const ordered = request.query['order'] === 'desc' ? [...items].reverse() : items;
      if (scheme === undefined) {
        const field = arrayEnvelopeOf(operation.response.type, lookup)?.field;
        return ok(operation, listEnvelope(operation, ordered, {}, undefined, request, lookup, field));
      }
      const inBody = operation.pagination?.paramsIn === 'body';
      const page = pageOf(ordered, {
        operation,
        scheme,
        // `pageParamsIn: 'body'`: the cursor, page or offset (and size) are fields of the JSON body.
        query: inBody && isItem(request.body) ? { ...request.query, ...request.body } : request.query,
        paramsIn: inBody ? 'body' : 'query',
        url,
        idField: collection.idField,
        lookup,
      });
      if ('where' in page) return ctx.invalid([page], operation);
      const envelope = listEnvelope(operation, page.items, page.fields, page.facts, request, lookup, scheme.items);
      const reply = ok(operation, envelope);
      return page.headers === undefined ? reply : { ...reply, headers: { ...reply.headers, ...page.headers } };
    }
    case 'create': {
      const { collection } = role;
      const path = concrete(collection);
      const upload = [...request.files.values()][0];
      const body = sentItem(operation, request.body, lookup);
      const sent = { ...(upload === undefined ? {} : uploadFacts(upload)), ...(isItem(body) ? body : {}) };
      const item = store.create(collection, path, request.path, (fresh) =>
        createdItem(fresh, sent, collection.recordType, lookup, collection.idField),
      );
      if (upload !== undefined && collection.idField !== undefined)
        store.keepFile(`${path}/${String(item[collection.idField])}`, upload);
      return ok(operation, itemResponse(operation, collection, item, request, lookup));
    }
    case 'retrieve':
    case 'update':
    case 'delete':
    case 'member': {
      const { collection } = role;
      const path = concrete(collection);
      const id = String(request.path[role.idParam]);
      const changes = operation.method !== 'get' && operation.method !== 'head';
      // A read leaves a made-up list unkept; a change keeps it from then on.
      const items = changes
        ? store.writable(collection, path, request.path)
        : store.items(collection, path, request.path);
      const item = store.find(items, collection, id);
      if (item === undefined) {
        const message = `No item with ${collection.idField ?? role.idParam} ${JSON.stringify(id)} in ${path}.`;
        return ctx.fail({ status: 404, message, code: 'not_found', param: role.idParam }, operation);
      }
      if (role.kind === 'member') return onItem(ctx, route, role.action, collection, item, `${path}/${id}`, request);
      const sent = sentItem(operation, request.body, lookup);
      if (role.kind === 'update' && isItem(sent))
        copyFitting(item, sent, collection.recordType, lookup, [collection.idField]);
      if (role.kind === 'delete') {
        store.remove(collection, path, request.path, item);
        return ok(operation, deletedResponse(operation, collection, item, request, lookup));
      }
      return ok(operation, itemResponse(operation, collection, item, request, lookup));
    }
    case 'other':
      return ok(operation, operation.response.example?.value ?? made(operation, request, lookup, 'response'));
    default:
      return assertNever(role);
  }
}

/**
 * A call below one item: a download answers the file uploaded with it; an action that answers
 * the item applies what it was sent and moves its status as its name says (`close` → `closed`).
 */
function onItem(
  ctx: AnswerContext,
  route: Route,
  action: string,
  collection: Collection,
  item: Item,
  itemPath: string,
  request: ParsedRequest,
): Reply {
  const { operation } = route;
  const { response } = operation;
  const { lookup } = ctx;
  if (response.format === 'binary' || response.format === 'text') {
    const file = ctx.store.fileOf(itemPath);
    if (file === undefined) return ok(operation, made(operation, request, lookup, 'response'));
    return {
      status: response.status,
      body: file.bytes,
      contentType: file.type || response.contentType || 'application/octet-stream',
    };
  }
  const inner = response.type === undefined ? undefined : unwrapped(response.type, lookup);
  const answersItem =
    inner !== undefined && (sameType(inner, collection.recordType) || sameType(inner, collection.itemType));
  if (operation.method !== 'get' && answersItem) {
    const sent = sentItem(operation, request.body, lookup);
    if (isItem(sent)) copyFitting(item, sent, collection.recordType, lookup, [collection.idField]);
    const status = statusAfter(action, collection.recordType, lookup);
    if (status !== undefined) item[status.field] = status.value;
  }
  return ok(operation, itemResponse(operation, collection, item, request, lookup));
}

function ok(operation: OperationModel, body: unknown): Reply {
  const { response } = operation;
  if (response.type === undefined || body === undefined) return { status: response.status };
  return { status: response.status, body, contentType: response.contentType };
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
