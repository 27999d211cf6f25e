import type { ClientOptionModel } from './model.js';
import type { OperationDraft } from './operations.js';

/**
 * Operations without the header and query parameters a client option sends on every request
 * (`x-sdkgen-client.options.<name>.header` / `.query`): the client fills them, so a method does
 * not ask for them again, as Stainless leaves out what its `send_in_header` options send (The
 * Prompting Company's `get /api/v1/md/{id}` declares the `x-tpc-organization-id` header its
 * `organizationID` option sends). Header names are compared without case, as HTTP does.
 */
export function withoutClientSentParams(
  drafts: readonly OperationDraft[],
  options: readonly ClientOptionModel[] | undefined,
): OperationDraft[] {
  const headers = new Set((options ?? []).flatMap((o) => (o.header === undefined ? [] : [o.header.toLowerCase()])));
  const queries = new Set((options ?? []).flatMap((o) => (o.query === undefined ? [] : [o.query])));
  if (headers.size === 0 && queries.size === 0) return [...drafts];
  return drafts.map((draft) => {
    const headerParams = draft.headerParams.filter((p) => p.in !== 'header' || !headers.has(p.name.toLowerCase()));
    const queryParams = draft.queryParams.filter((p) => !queries.has(p.name));
    return headerParams.length === draft.headerParams.length && queryParams.length === draft.queryParams.length
      ? draft
      : { ...draft, headerParams, queryParams };
  });
}
