import { filterLines } from './filter-text.js';
import type { Plan } from './plan.js';

export type PlanFormat = 'text' | 'json';

/** The plan as text for a reader (resources in order, reasons under each method), or as JSON for tools. */
export function formatPlan(plan: Plan, format: PlanFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(plan, null, 2)}\n`;
    case 'text':
      return planText(plan);
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

function planText(plan: Plan): string {
  const { client } = plan;
  const lines = [
    `${client.className} (package ${client.packageName})`,
    `  base URL   ${client.baseURL === '' ? '(none: the spec has no servers; pass baseURL)' : client.baseURL}`,
    `  log level  ${client.logEnv}`,
    ...(client.settings ?? []).map((line) => `  setting    ${line}`),
  ];
  if (plan.auth.length === 0) lines.push('  auth       none');
  for (const auth of plan.auth) {
    lines.push(
      `  auth       ${auth.option} (${auth.how}, scheme ${auth.scheme})${auth.env === undefined ? '' : `, from ${auth.env}`}: ${auth.reason}`,
    );
  }
  // One block per resource, its columns aligned: call, route, what it returns; reasons below.
  const blocks = new Map<string, Plan['methods'][number][]>();
  for (const method of plan.methods) {
    const owner = method.call.slice(0, method.call.lastIndexOf('.'));
    blocks.set(owner, [...(blocks.get(owner) ?? []), method]);
  }
  for (const [owner, methods] of blocks) {
    lines.push('', owner);
    const calls = methods.map((m) => `${m.call.slice(owner.length + 1)}(${m.args})`);
    const routes = methods.map((m) => `${m.http} ${m.path}${m.fixedQuery === '' ? '' : `?${m.fixedQuery}`}`);
    const callWidth = Math.min(48, Math.max(...calls.map((c) => c.length)));
    const routeWidth = Math.min(72, Math.max(...routes.map((r) => r.length)));
    methods.forEach((method, i) => {
      lines.push(
        `  ${(calls[i] as string).padEnd(callWidth)}  ${(routes[i] as string).padEnd(routeWidth)}  → ${method.returns}${method.kept === true ? '  (kept)' : ''}`,
      );
      for (const reason of method.reasons) lines.push(`      ${reason}`);
    });
  }
  if (plan.webhooks !== undefined) {
    const { call, returns, events, signature, secretEnv } = plan.webhooks;
    lines.push(
      '',
      'webhooks',
      `  ${call}(body, headers)  → Promise<${returns}>`,
      `      ${events.length} event${events.length === 1 ? '' : 's'} (${events.join(', ')}); signed by ${signature}; secret from webhookSecret or ${secretEnv}`,
    );
  }
  const leftOut = plan.leftOut ?? [];
  if (leftOut.length > 0) {
    lines.push('', 'left out');
    const routes = leftOut.map((op) => `${op.http} ${op.path}`);
    const width = Math.min(72, Math.max(...routes.map((r) => r.length)));
    leftOut.forEach((op, i) => {
      const id = op.operationId === undefined ? '' : ` (${op.operationId})`;
      lines.push(`  ${(routes[i] as string).padEnd(width)}  ${op.reason}${id}`);
    });
  }
  if (plan.filtered !== undefined) lines.push(...filterLines(plan.filtered));
  const inferred = plan.methods.filter((m) => m.reasons.length > 0).length;
  const kept = plan.methods.filter((m) => m.kept === true).length;
  lines.push(
    '',
    `${plan.methods.length} method${plan.methods.length === 1 ? '' : 's'}; ${inferred} with an inference or rename shown under it${kept === 0 ? '' : `; ${kept} (kept) by the names lock`}${leftOut.length === 0 ? '' : `; ${leftOut.length} operation${leftOut.length === 1 ? '' : 's'} left out`}${plan.filtered === undefined ? '' : `; ${plan.filtered.leftOut.length} left out by the filter`}. Nothing was written.`,
  );
  return `${lines.join('\n')}\n`;
}
