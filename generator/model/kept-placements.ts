/**
 * The names lock's hook in the name plan (name-plan.ts): an operation that declares no name takes
 * the place the lock keeps for it, which then outranks every inferred name (docs/naming.md, "Names
 * are kept").
 */
import type { SourceLocation } from '../diagnostics.js';
import type { KeptOperation } from './kept-names.js';
import type { Placement } from './placement.js';
import type { SpecContext } from './spec-context.js';

/** What of an operation's naming input the lock's hook reads (name-plan.ts's `NamingInput`). */
interface KeptInput {
  readonly declared: { readonly resource?: readonly string[] | undefined; readonly method?: string | undefined };
  readonly kept?: KeptOperation | undefined;
  readonly location: SourceLocation;
}

/**
 * The place the names lock keeps for each operation that declares none (docs/naming.md, "Names are
 * kept"), with what the rules alone would now give where that differs. A kept name that a declared
 * one has taken since is named afresh, with a warning.
 */
export function keptPlacements(
  ctx: SpecContext,
  inputs: readonly KeptInput[],
  placements: readonly Placement[],
): { placement: Placement; kept: boolean; note?: string }[] {
  const at = (resource: readonly string[], method: string): string => [...resource, method].join('.');
  const declared = new Set(
    placements.filter((_, index) => inputs[index]?.declared.method !== undefined).map((p) => at(p.resource, p.method)),
  );
  return placements.map((placement, index) => {
    const { kept, declared: own, location } = inputs[index] as KeptInput;
    if (kept === undefined || own.resource !== undefined || own.method !== undefined) return { placement, kept: false };
    const name = at(kept.resource, kept.method);
    if (declared.has(name)) {
      ctx.diagnostics.warning(
        'name-kept-taken',
        `This operation was ${name}() (${ctx.kept?.file}), but a declared name has ${name}() now; it is named afresh.`,
        location,
      );
      return { placement, kept: false };
    }
    const inferred = at(placement.resource, placement.method);
    return {
      placement: { ...placement, resource: kept.resource, method: kept.method },
      kept: true,
      ...(inferred === name ? {} : { note: `kept by ${ctx.kept?.file}: the rules alone now give ${inferred}` }),
    };
  });
}
