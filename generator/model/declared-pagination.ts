/**
 * The page classes declared at the root (`x-sdkgen-pagination: { CursorPage: … }`) also page
 * the lists that name none, where they fit: as Stainless pages the lists its config never
 * marks. A GET or a POST fits a class when it takes the parameter the class sends
 * (`cursorParam`, `offsetParam`, `pageParam`; a POST's in the query or among its body's
 * fields) and its response has the fields the class reads (the items array, and the cursor,
 * has-more, URL or total fields). Classes are tried in declaration
 * order, after the operation's own declarations and before inference.
 */
import type { OperationPagination, PageClassModel, PageScheme } from './model.js';
import type { OperationDraft } from './operations.js';
import { checkScheme, type PaginationFound, paramsInOf } from './pagination.js';
import type { SchemaConverter } from './schemas.js';

export function fittingPageClass(
  schemas: SchemaConverter,
  draft: OperationDraft,
  declared: Iterable<PageClassModel>,
): PaginationFound | undefined {
  // The operation's own word comes first: a class it names, `false`, or another generator's extension.
  if (draft.extensions.pagination !== undefined || draft.vendorPagination !== undefined) return undefined;
  // A POST fits as well: Stainless pages the POST lists whose filters go in the body (Honcho's `POST /apps/list`).
  if (draft.method !== 'get' && draft.method !== 'post') return undefined;
  for (const pageClass of declared) {
    const scheme = pageClass.scheme;
    // Schemes that send nothing (a next URL aside) say nothing about the request: only one that reads a field can fit.
    if (scheme.type === 'single' || scheme.type === 'link-header') continue;
    const checked = checkScheme(schemas, draft, withoutBackward(scheme));
    if ('item' in checked) {
      const pagination: OperationPagination = {
        pageClass,
        item: checked.item,
        inferred: false,
        fitted: true,
        envelope: true,
        ...paramsInOf(checked),
      };
      return { pagination, unpaginated: undefined };
    }
  }
  return undefined;
}

/** An item-id scheme's `beforeParam` is optional to fit: a list that only walks forward fits it too. */
function withoutBackward(scheme: PageScheme): PageScheme {
  if (scheme.type !== 'item-id' || scheme.beforeParam === undefined) return scheme;
  const { beforeParam: _before, ...forward } = scheme;
  return forward;
}
