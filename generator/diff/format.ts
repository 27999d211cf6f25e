import type { Change } from './compare.js';
import { rule, severityRank, type Severity } from './rules.js';

export type DiffFormat = 'markdown' | 'json' | 'github';

/** Lets a bot find and update its own PR comment. */
export const MARKER = '<!-- sdkgen-diff -->';
/** GitHub refuses comments longer than 65,536 characters. */
const MAX_MARKDOWN = 65_000;

export function formatChanges(changes: readonly Change[], format: DiffFormat): string {
  const sorted = [...changes].sort(byImportance);
  switch (format) {
    case 'markdown':
      return markdown(sorted);
    case 'json':
      return `${JSON.stringify({ summary: summary(sorted), changes: sorted }, null, 2)}\n`;
    case 'github':
      return sorted.map(annotation).join('');
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

/** The worse of the two severities: what `--fail-on` and the ordering go by. */
export function worst(change: Change): Severity {
  return severityRank(change.wire) <= severityRank(change.client) ? change.wire : change.client;
}

function byImportance(a: Change, b: Change): number {
  return (
    severityRank(worst(a)) - severityRank(worst(b)) ||
    (a.operations[0] ?? '').localeCompare(b.operations[0] ?? '', 'en') ||
    a.rule.localeCompare(b.rule, 'en') ||
    a.subject.localeCompare(b.subject, 'en') ||
    a.fingerprint.localeCompare(b.fingerprint, 'en')
  );
}

function summary(changes: readonly Change[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { breaking: 0, 'potentially-breaking': 0, 'non-breaking': 0 };
  for (const change of changes) counts[worst(change)]++;
  return counts;
}

const ICON: Record<Severity, string> = { breaking: '🔴', 'potentially-breaking': '🟠', 'non-breaking': '🟢' };
const WORDS: Record<Severity, string> = { breaking: 'breaking', 'potentially-breaking': 'potentially breaking', 'non-breaking': 'non-breaking' };

function line(change: Change): string {
  const values = change.before !== undefined || change.after !== undefined ? `: ${code(change.before ?? '—')} → ${code(change.after ?? '—')}` : '';
  const where = change.operations.length > 1 ? ` (${change.operations.map(code).join(', ')})` : '';
  return `- ${ICON[worst(change)]} ${rule(change.rule).title}: ${change.subject}${values}${where} · wire ${WORDS[change.wire]}, client ${WORDS[change.client]} · \`${change.rule}\``;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Grouped by operation, breaking first; changes reaching several operations, and the API's own, after. */
function markdown(changes: readonly Change[]): string {
  const counts = summary(changes);
  const head = [
    MARKER,
    `### API changes: ${counts.breaking} breaking, ${counts['potentially-breaking']} potentially breaking, ${counts['non-breaking']} non-breaking`,
    '',
  ];
  if (changes.length === 0) return `${[...head, 'No changes.'].join('\n')}\n`;
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const group = change.operations.length === 1 ? `\`${change.operations[0]}\`` : change.operations.length > 1 ? 'Across operations' : 'The API';
    groups.set(group, [...(groups.get(group) ?? []), change]);
  }
  const body: string[] = [];
  for (const [group, members] of groups) body.push(`#### ${group}`, '', ...members.map(line), '');
  let text = [...head, ...body].join('\n');
  if (text.length > MAX_MARKDOWN) {
    const cut = text.lastIndexOf('\n', MAX_MARKDOWN - 200);
    text = `${text.slice(0, cut)}\n\n_Truncated: ${changes.length} changes in all; run \`sdkgen diff --format json\` for every one._\n`;
  }
  return text;
}

/** A workflow command per change: errors for breaking ones, warnings, notices. */
function annotation(change: Change): string {
  const level = { breaking: 'error', 'potentially-breaking': 'warning', 'non-breaking': 'notice' }[worst(change)];
  const escape = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const values = change.before !== undefined || change.after !== undefined ? ` (${change.before ?? '—'} → ${change.after ?? '—'})` : '';
  const where = change.operations.length > 0 ? ` in ${change.operations.join(', ')}` : '';
  const title = `${change.rule}: wire ${WORDS[change.wire]}, client ${WORDS[change.client]}`;
  return `::${level} title=${escape(title).replace(/[,:]/g, ' ')}::${escape(`${rule(change.rule).title}: ${change.subject.replace(/`/g, '')}${values}${where}`)}\n`;
}
