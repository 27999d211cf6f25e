import { countOperations, formatBytes } from './command.js';
import type { ApiModel } from './model/model.js';
import { plural } from './plural.js';

/**
 * What a run says about its model and its emit (progress lines, the closing summary), apart from
 * the model itself: the CLI's model worker sends these, never the model, to the main thread.
 */
export interface ModelCounts {
  readonly operations: number;
  readonly schemas: number;
}

export function countsOf(model: ApiModel): ModelCounts {
  return { operations: countOperations(model.root), schemas: model.schemas.length };
}

export function describeModel(model: ApiModel): string {
  const { filtered } = model;
  const leftOut = filtered === undefined ? '' : ` (${filtered.leftOut.length} left out by the filter)`;
  const pruned = filtered === undefined ? '' : ` (${filtered.prunedSchemas} pruned)`;
  return `${plural(countOperations(model.root), 'operation')}${leftOut}, ${plural(model.schemas.length, 'schema')}${pruned}, ${plural(model.pageClasses.length, 'page class', 'page classes')}`;
}

/** The progress line of the load and model stages; `model` is `describeModel`'s. */
export function modeledLine(files: number, bytes: number, model: string): string {
  return `read ${plural(files, 'file')}, ${formatBytes(bytes)}, and modeled ${model}`;
}

/** The progress line of the emit stage. */
export function emittedLine(files: readonly { readonly path: string }[], dist: boolean | undefined): string {
  return `emitted ${plural(files.filter((f) => f.path.startsWith('src/')).length, 'module')}${dist === false ? '' : ' and compiled dist/'}`;
}
