/**
 * `--include` / `--exclude` applied to a spec: which operations of `paths` the client keeps, and
 * the objects the kept ones reach, whose schemas are the only ones named (the others are pruned).
 * Decided before anything is named, so names are planned on what is kept.
 */
import { closest } from '../did-you-mean.js';
import { HTTP_METHODS } from '../load/validate-document.js';
import { plural } from '../plural.js';
import { EXT } from './extensions.js';
import type { FilterModel, HttpMethod } from './model.js';
import { type RawRoot, rawReach } from './raw-reach.js';
import { leftOutBy, type OperationFilter, type SelectableOperation, type Selector, selects } from './selectors.js';
import { deref, isRecord, type SpecContext } from './spec-context.js';

interface Judged extends SelectableOperation {
  readonly by: Selector | 'not-included' | undefined;
}

/** The filter's verdict on every operation of a spec, read once before the model is built. */
export class FilteredOperations {
  readonly #ctx: SpecContext;
  readonly #filter: OperationFilter;
  readonly #verdicts = new Map<object, Judged>();
  readonly #kept: RawRoot[] = [];

  constructor(ctx: SpecContext, filter: OperationFilter) {
    this.#ctx = ctx;
    this.#filter = filter;
    const root = ctx.spec.root;
    const paths = (root.value as Record<string, unknown>)['paths'];
    if (!isRecord(paths)) return;
    for (const [path, rawItem] of Object.entries(paths)) {
      if (path.startsWith('x-')) continue;
      const { value: item, file } = deref(ctx, rawItem, root);
      if (!isRecord(item)) continue;
      let keptOne = false;
      for (const [method, rawOperation] of Object.entries(item)) {
        if (!HTTP_METHODS.has(method)) continue;
        const { value: operation, file: operationFile } = deref(ctx, rawOperation, file);
        if (!isRecord(operation)) continue;
        const tags = Array.isArray(operation['tags']) ? operation['tags'].filter((t) => typeof t === 'string') : [];
        const id = operation['operationId'];
        const selectable = {
          path,
          method: method as HttpMethod,
          tags,
          operationId: typeof id === 'string' ? id : undefined,
        };
        const by = leftOutBy(filter, selectable);
        this.#verdicts.set(operation, { ...selectable, by });
        if (by === undefined) {
          keptOne = true;
          this.#kept.push({ raw: operation, file: operationFile });
        }
      }
      // A path's own parameters (and servers) belong to its kept operations.
      if (keptOne) for (const key of ['parameters', 'servers']) this.#kept.push({ raw: item[key], file });
    }
  }

  /** Whether the client leaves this operation (a raw Operation Object) out. */
  leavesOut(operation: object): boolean {
    return this.#verdicts.get(operation)?.by !== undefined;
  }

  /**
   * Every raw object the kept operations, the webhooks and the declared page classes reach
   * through `$ref`s and the discriminator mappings of unions: the component schemas to name.
   */
  reach(): Set<object> {
    const root = this.#ctx.spec.root;
    const doc = root.value as Record<string, unknown>;
    const extra = ['webhooks', 'x-webhooks', EXT.pagination].map((key) => ({ raw: doc[key], file: root }));
    return rawReach(this.#ctx, [...this.#kept, ...extra], true);
  }

  /**
   * What was left out, for `sdkgen plan` and the mock; a selector that picks no operation is
   * warned about, with the nearest tag, operationId or path.
   */
  report(componentCount: number, namedComponents: number): FilterModel {
    const judged = [...this.#verdicts.values()];
    const selectors = [...this.#filter.include, ...this.#filter.exclude].map((selector) => {
      const matched = judged.filter((op) => selects(selector, op)).length;
      if (matched === 0) this.#warnUnmatched(selector, judged);
      return {
        kind: selector.kind,
        text: selector.text,
        matched,
        leftOut: judged.filter((op) => op.by === selector).length,
      };
    });
    return {
      selectors,
      kept: judged.filter((op) => op.by === undefined).length,
      notIncluded: judged.filter((op) => op.by === 'not-included').length,
      leftOut: judged.flatMap(({ by, path, method, operationId }) =>
        by === undefined
          ? []
          : [
              {
                path,
                method,
                operationId,
                by: by === 'not-included' ? 'matched by no --include' : `--exclude ${by.text}`,
              },
            ],
      ),
      prunedSchemas: componentCount - namedComponents,
    };
  }

  #warnUnmatched(selector: Selector, judged: readonly Judged[]): void {
    const { target } = selector;
    const known =
      target.type === 'tag'
        ? judged.flatMap((op) => op.tags)
        : target.type === 'operationId'
          ? judged.flatMap((op) => (op.operationId === undefined ? [] : [op.operationId]))
          : target.type === 'path'
            ? judged.map((op) => op.path)
            : [];
    const input = target.type === 'tag' ? target.tag : target.type === 'operationId' ? target.id : selector.text;
    // A glob's literal start is what to compare a path with: `/me/mesages/**` → `/me/mesages`.
    const literal = target.type === 'path' ? (target.glob.split('*')[0] ?? '').replace(/\/$/, '') : input;
    const best = known.length === 0 ? undefined : closest(literal, [...new Set(known)]);
    const prefix = target.type === 'tag' ? 'tag:' : target.type === 'operationId' ? 'operationId:' : '';
    const suffix = target.type === 'path' ? selector.text.slice(literal.length) : '';
    this.#ctx.diagnostics.warning(
      'filter-unmatched',
      `--${selector.kind} ${selector.text} matches none of the spec's ${plural(judged.length, 'operation')}.`,
      selector.location,
      best === undefined ? undefined : `Did you mean ${prefix}${best}${suffix}?`,
    );
  }
}
