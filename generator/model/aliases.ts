/**
 * `x-sdkgen-aliases`: one endpoint called from more than one place, as a Stainless config may
 * list it (Luma AI's `generations.create` and `generations.video.create`, both
 * `post /generations/video`). Each alias is the same operation once more, declared at its own
 * place, so it gets a method, a function and types of its own there, like any declared name.
 */
import type { OperationDraft } from './operations.js';

/** The placed operations, each followed by a copy at every place its aliases name. */
export function withAliases<T extends { readonly draft: OperationDraft }>(placed: readonly T[]): T[] {
  return placed.flatMap((entry) => {
    const aliases = entry.draft.extensions.aliases ?? [];
    return [
      entry,
      ...aliases.map(
        (alias): T => ({
          ...entry,
          draft: {
            ...entry.draft,
            extensions: {
              ...entry.draft.extensions,
              resource: alias.resource,
              method: alias.method,
              aliases: undefined,
              aliasOf: true,
            },
          },
        }),
      ),
    ];
  });
}
