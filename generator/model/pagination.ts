import type { OperationPagination, TypeModel } from './model.js';
import type { OperationDraft } from './operations.js';
import type { SchemaConverter } from './schemas.js';
import type { SpecContext } from './spec-context.js';

/**
 * Checks a declared page class against the operation: the response must have the items
 * array and the fields the scheme reads, and the cursor must be one of its query
 * parameters. Returns the pagination with the item type, or `undefined` after diagnosing.
 */
export function resolvePagination(ctx: SpecContext, schemas: SchemaConverter, draft: OperationDraft): OperationPagination | undefined {
  const pageClass = draft.pageClass;
  if (pageClass === undefined) return undefined;
  const where = draft.location;
  const fail = (message: string): undefined => {
    ctx.diagnostics.error('pagination-field-missing', `${pageClass.name} on ${draft.method.toUpperCase()} ${draft.path}: ${message}`, where);
    return undefined;
  };
  const envelope = draft.response.type === undefined ? undefined : schemas.objectOf(draft.response.type);
  if (envelope === undefined) return fail('the response is not a JSON object.');
  const field = (name: string): TypeModel | undefined => envelope.properties.find((p) => p.name === name)?.type;
  const { scheme } = pageClass;
  const items = field(scheme.items);
  if (items === undefined) return fail(`the response has no field "${scheme.items}" for the items.`);
  const itemsArray = items.kind === 'array' ? items : undefined;
  if (itemsArray === undefined) return fail(`the response field "${scheme.items}" is not an array.`);
  if (scheme.hasMore !== undefined && field(scheme.hasMore) === undefined) return fail(`the response has no field "${scheme.hasMore}".`);
  if (scheme.type === 'cursor' && field(scheme.cursorField) === undefined) return fail(`the response has no field "${scheme.cursorField}" for the cursor.`);
  if (scheme.type === 'item-id') {
    const item = schemas.objectOf(itemsArray.items);
    if (item !== undefined && !item.properties.some((p) => p.name === scheme.idField)) return fail(`the items have no field "${scheme.idField}".`);
  }
  if (!draft.queryParams.some((p) => p.name === scheme.cursorParam)) return fail(`the operation has no query parameter "${scheme.cursorParam}" for the cursor.`);
  return { pageClass, item: itemsArray.items };
}


