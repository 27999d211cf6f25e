import type { Plan } from './plan.js';

/** Above this many, the text plan counts the operations a filter left out; `--format json` lists them all. */
const LISTED = 40;

/**
 * The lines of `sdkgen plan` that say what `--include` / `--exclude` did: what each selector
 * picked or left out, how many operations no include picked, how many schemas were pruned.
 */
export function filterLines(filtered: NonNullable<Plan['filtered']>): string[] {
  const lines = ['', 'filtered'];
  const texts = filtered.selectors.map((s) => `--${s.kind} ${s.text}`);
  const width = Math.min(60, Math.max(...texts.map((t) => t.length)));
  filtered.selectors.forEach((s, i) => {
    const what =
      s.kind === 'include'
        ? `picks ${count(s.matched, 'operation')}`
        : `leaves out ${count(s.leftOut, 'operation')}${s.matched > s.leftOut ? ` (of ${s.matched} it picks)` : ''}`;
    lines.push(`  ${(texts[i] as string).padEnd(width)}  ${what}`);
  });
  if (filtered.notIncluded > 0)
    lines.push(`  ${count(filtered.notIncluded, 'operation')} matched by no --include, left out`);
  lines.push(
    `  ${count(filtered.prunedSchemas, 'schema')} of components.schemas pruned: no kept operation reaches ${filtered.prunedSchemas === 1 ? 'it' : 'them'}`,
  );
  const { leftOut } = filtered;
  if (leftOut.length > LISTED) {
    lines.push(`  (${count(leftOut.length, 'operation')} left out in all; --format json lists each)`);
    return lines;
  }
  const routes = leftOut.map((op) => `${op.http} ${op.path}`);
  const routeWidth = Math.min(72, Math.max(0, ...routes.map((r) => r.length)));
  leftOut.forEach((op, i) => {
    const id = op.operationId === undefined ? '' : ` (${op.operationId})`;
    lines.push(`    ${(routes[i] as string).padEnd(routeWidth)}  ${op.by}${id}`);
  });
  return lines;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
