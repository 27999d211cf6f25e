import type { ApiModel, NamingConventions } from '../model/model.js';
import { routesOf } from './published-generated.js';

/**
 * The naming conventions of `x-sdkgen-client.naming` (docs/naming.md) a published package follows
 * and the spec does not declare: what a team taking over an SDK sets once, so that the generated
 * calls are the ones its users already make (stripe-node's `customers.listSources` and `del`, the
 * `get` of Honcho's SDK, jira.js's tags and operationIds).
 */
export interface NamingHints {
  /** Published methods the generated client has now. */
  readonly found: number;
  /** Published methods in all. */
  readonly published: number;
  /** Each convention that finds more published methods than it loses, tried on its own. */
  readonly conventions: readonly ConventionHint[];
  /** Those conventions declared together: what the spec would get from them, where there are several. */
  readonly together?: ConventionHint | undefined;
}

export interface ConventionHint {
  readonly naming: NamingConventions;
  /** Published methods the generated client has with it, and not without. */
  readonly gained: number;
  /** Published methods the generated client has without it, and not with. */
  readonly lost: number;
}

/** One key of `naming` at a time, each its value other than the default. */
const CANDIDATES: readonly NamingConventions[] = [
  { subResources: 'parent' },
  { reads: 'get' },
  { deletes: 'del' },
  { keywords: 'noun' },
  { resources: 'tags' },
];

/**
 * Tries each convention the model does not declare: `remodel` builds the model again with it (and
 * gives nothing where that fails), and a convention is kept where more published calls (`client.a.b.list`)
 * are found with it than lost. Nothing where every published method is found already.
 */
export function namingHints(
  publishedCalls: readonly string[],
  model: ApiModel,
  remodel: (naming: NamingConventions) => ApiModel | undefined,
): NamingHints | undefined {
  const published = new Set(publishedCalls);
  const foundIn = (candidate: ApiModel): Set<string> =>
    new Set([...routesOf(candidate).keys()].filter((call) => published.has(call)));
  const now = foundIn(model);
  if (now.size === published.size) return undefined;
  const tried = (naming: NamingConventions): ConventionHint | undefined => {
    const other = remodel(naming);
    if (other === undefined) return undefined;
    const found = foundIn(other);
    return {
      naming,
      gained: [...found].filter((call) => !now.has(call)).length,
      lost: [...now].filter((call) => !found.has(call)).length,
    };
  };
  const declared = model.client.naming ?? {};
  const conventions = CANDIDATES.filter((candidate) => Object.keys(candidate).every((key) => !(key in declared)))
    .map(tried)
    .filter((hint): hint is ConventionHint => hint !== undefined && hint.gained > hint.lost);
  const together =
    conventions.length > 1 ? tried(Object.assign({}, ...conventions.map((hint) => hint.naming))) : undefined;
  return { found: now.size, published: published.size, conventions, ...(together === undefined ? {} : { together }) };
}
