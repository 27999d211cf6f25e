import type { OperationModel, PageScheme } from '../model/model.js';
import { requestParamOf } from '../model/pagination.js';
import { PAGE_SIZE } from './paginate.js';
import type { Item } from './store.js';

/**
 * The items a list's query selects: a query parameter named like a field of the items
 * (`?genre=fiction`, `?status=active`) keeps those whose field equals it (or, for a list
 * field, holds it); several values (`?genre=a&genre=b`) keep any of them. Paging and
 * ordering parameters, and parameters no item has a field for, select nothing.
 */
export function filterItems(
  items: readonly Item[],
  operation: OperationModel,
  query: Readonly<Record<string, unknown>>,
  scheme: PageScheme | undefined,
): readonly Item[] {
  const paging = scheme === undefined ? undefined : requestParamOf(scheme);
  const filters = operation.queryParams
    .filter((param) => param.name !== paging && !PAGE_SIZE.test(param.name) && param.name !== 'order')
    .filter((param) => query[param.name] !== undefined)
    .filter((param) => items.some((item) => Object.hasOwn(item, param.name)));
  if (filters.length === 0) return items;
  return items.filter((item) =>
    filters.every((param) => {
      const wanted = query[param.name];
      const accepted = (Array.isArray(wanted) ? wanted : [wanted]).map(String);
      const value = item[param.name];
      return (Array.isArray(value) ? value : [value]).some(
        (v) => v !== undefined && v !== null && accepted.includes(String(v)),
      );
    }),
  );
}
