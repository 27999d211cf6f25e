import type { LoadOptions } from './load/load-spec.js';
import type { OperationFilter } from './model/selectors.js';

export interface ModelOptions extends Omit<LoadOptions, 'cwd'> {
  /** Warnings are errors: any one stops the run (`--strict`). */
  readonly strict?: boolean | undefined;
  /** Keep the names of the names lock in this output folder (`.sdkgen-names.json`), if it has one. */
  readonly out?: string | undefined;
  /** `--rename`: name afresh every name (`true`) or those these targets match, whatever the lock says. */
  readonly rename?: true | readonly string[] | undefined;
  /** `--include` / `--exclude`: the operations to keep; the schemas only the others reach are pruned. */
  readonly filter?: OperationFilter | undefined;
}

/**
 * The options a model is built from, picked out of a run's options (which carry callbacks, the
 * output's own settings and so on): plain data, for the worker thread and for `--watch`'s session.
 */
export function modelOptionsOf(options: ModelOptions): ModelOptions {
  return {
    allowRemoteRefs: options.allowRemoteRefs,
    strict: options.strict,
    overlays: options.overlays,
    stainless: options.stainless,
    out: options.out,
    rename: options.rename,
    filter: options.filter,
  };
}
