import type { SdkgenConfig } from '../config/load-config.js';
import { filterOf, type OperationFilter, SelectorSyntaxError } from '../model/selectors.js';
import { UsageError } from './args.js';

/** `--include` / `--exclude`, the same on every command that reads a spec. */
export const FILTER_OPTIONS = {
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
} as const;

/** The lines of every such command's help. */
export const FILTER_HELP = `  --include <sel>     keep only the operations a selector picks; repeatable, or a comma list:
                      a path glob as the spec writes it (/me/messages/**: * is within one segment,
                      ** any number of them; #GET after it for one method), tag:<name>,
                      operationId:<id> or method:<GET|POST|…>. Schemas no kept operation reaches
                      are left out (docs/filtering.md)
  --exclude <sel>     leave out the operations a selector picks; wins over --include`;

/**
 * The filter of a run: the command line's selectors, else the config's (each list on its own, as
 * `--overlay` replaces `overlays`). Throws `UsageError` for a selector that cannot be read.
 */
export function filterArgs(
  values: { readonly include?: readonly string[] | undefined; readonly exclude?: readonly string[] | undefined },
  config: SdkgenConfig,
): OperationFilter {
  let given: OperationFilter;
  try {
    given = filterOf(values.include ?? [], values.exclude ?? []);
  } catch (error) {
    if (error instanceof SelectorSyntaxError) throw new UsageError(error.message);
    throw error;
  }
  return {
    include: values.include === undefined ? (config.include ?? []) : given.include,
    exclude: values.exclude === undefined ? (config.exclude ?? []) : given.exclude,
  };
}
