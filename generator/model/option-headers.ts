import type { ClientOptionModel } from './model.js';
import type { OperationDraft } from './operations.js';

/**
 * A header parameter that a client option sends on every request (`x-sdkgen-client.options.<x>.header`)
 * is not a parameter of the method too: the client sends it, from the option or its environment
 * variable. Stainless's SDKs leave such parameters out of their methods (The Prompting Company's
 * `get(id)`, whose spec declares `authorization` and `x-tpc-organization-id` on every operation).
 */
export function withoutOptionHeaders(
  options: readonly ClientOptionModel[] | undefined,
): (draft: OperationDraft) => OperationDraft {
  const sent = new Set(
    (options ?? []).flatMap((option) => (option.header === undefined ? [] : [option.header.toLowerCase()])),
  );
  if (sent.size === 0) return (draft) => draft;
  return (draft) => {
    const headerParams = draft.headerParams.filter((param) => !sent.has(param.name.toLowerCase()));
    return headerParams.length === draft.headerParams.length ? draft : { ...draft, headerParams };
  };
}
