import type { SourceLocation } from '../diagnostics.js';
import { plural } from '../plural.js';
import type { Change } from './compare.js';
import { rule, type Severity, severityRank } from './rules.js';
import type { SurfaceSummary } from './surface.js';

export type DiffFormat = 'markdown' | 'json' | 'github';

/** Lets a bot find and update its own PR comment. */
export const MARKER = '<!-- sdkgen-diff -->';
/** GitHub refuses comments longer than 65,536 characters. */
export const MAX_MARKDOWN = 65_000;

export interface FormatOptions {
  /** What the change does to the generated package (Markdown and JSON). */
  readonly surface?: SurfaceSummary | undefined;
}

export function formatChanges(changes: readonly Change[], format: DiffFormat, options: FormatOptions = {}): string {
  const sorted = [...changes].sort(byImportance);
  switch (format) {
    case 'markdown':
      return markdown(sorted, options.surface);
    case 'json':
      return `${JSON.stringify({ summary: summary(sorted), ...(options.surface === undefined ? {} : { surface: options.surface }), changes: sorted }, null, 2)}\n`;
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

function summary(changes: readonly Change[]): Record<Severity | 'documentation', number> {
  const counts: Record<Severity | 'documentation', number> = {
    breaking: 0,
    'potentially-breaking': 0,
    'non-breaking': 0,
    documentation: 0,
  };
  for (const change of changes) counts[change.kind === 'docs' ? 'documentation' : worst(change)]++;
  return counts;
}

const ICON: Record<Severity, string> = { breaking: '🔴', 'potentially-breaking': '🟠', 'non-breaking': '🟢' };
const WORDS: Record<Severity, string> = {
  breaking: 'breaking',
  'potentially-breaking': 'potentially breaking',
  'non-breaking': 'non-breaking',
};

/** One finding on one line, as the Markdown and `--fail-on`'s explanation print it. */
export function describeChange(change: Change, options: { readonly icon?: boolean } = {}): string {
  const values =
    change.before !== undefined || change.after !== undefined
      ? `: ${code(change.before ?? '—')} → ${code(change.after ?? '—')}`
      : '';
  const where =
    change.operations.length > 1
      ? ` (${change.operations.map(code).join(', ')})`
      : change.operations.length === 1 && options.icon !== true
        ? ` (${code(change.operations[0] as string)})`
        : '';
  const at =
    change.location === undefined
      ? ''
      : ` · ${locationText(change.location)}${change.locatedIn === 'base' ? ' (base)' : ''}`;
  const icon = options.icon === true ? `${ICON[worst(change)]} ` : '';
  const severity =
    change.kind === 'docs' ? 'documentation' : `wire ${WORDS[change.wire]}, client ${WORDS[change.client]}`;
  return `${icon}${rule(change.rule).title}: ${change.subject}${values}${where} · ${severity} · \`${change.rule}\`${at}`;
}

function locationText(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Grouped by operation, breaking first; changes reaching several operations, and the API's own, after; documentation folded away. */
function markdown(changes: readonly Change[], surface: SurfaceSummary | undefined): string {
  const counts = summary(changes);
  const docs = changes.filter((c) => c.kind === 'docs');
  const api = changes.filter((c) => c.kind !== 'docs');
  const head = [
    MARKER,
    `### API changes: ${counts.breaking} breaking, ${counts['potentially-breaking']} potentially breaking, ${counts['non-breaking']} non-breaking${docs.length === 0 ? '' : ` · ${plural(docs.length, 'documentation change')}`}`,
    '',
  ];
  if (changes.length === 0) return `${[...head, 'No changes.'].join('\n')}\n`;
  const body: string[] = [];
  const groups = new Map<string, Change[]>();
  for (const change of api) {
    const group =
      change.operations.length === 1
        ? `\`${change.operations[0]}\``
        : change.operations.length > 1
          ? 'Across operations'
          : 'The API';
    groups.set(group, [...(groups.get(group) ?? []), change]);
  }
  for (const [group, members] of groups)
    body.push(`#### ${group}`, '', ...members.map((c) => `- ${describeChange(c, { icon: true })}`), '');
  if (surface !== undefined) body.push(...surfaceSection(surface));
  if (docs.length > 0) {
    body.push(
      '<details>',
      `<summary>Documentation changes (${docs.length}): descriptions, summaries, examples; they change the client's JSDoc and api.md, not its behaviour</summary>`,
      '',
      ...docs.map((c) => `- ${describeChange(c)}`),
      '',
      '</details>',
      '',
    );
  }
  let text = [...head, ...body].join('\n');
  if (text.length > MAX_MARKDOWN) {
    const cut = text.lastIndexOf('\n', MAX_MARKDOWN - 200);
    text = `${text.slice(0, cut)}\n\n_Truncated: ${changes.length} changes in all; run \`sdkgen diff --format json\` for every one._\n`;
  }
  return text;
}

/** The generated client's public surface, as api-report.md would change. */
function surfaceSection(surface: SurfaceSummary): string[] {
  const items: string[] = [];
  const list = (names: readonly string[]): string => names.map(code).join(', ');
  const renames = (pairs: readonly (readonly [string, string])[]): string =>
    pairs.map(([a, b]) => `${code(a)} → ${code(b)}`).join(', ');
  if (surface.methods.added.length > 0) items.push(`- Methods added: ${list(surface.methods.added)}`);
  if (surface.methods.removed.length > 0) items.push(`- Methods removed: ${list(surface.methods.removed)}`);
  if (surface.methods.renamed.length > 0) items.push(`- Methods renamed or moved: ${renames(surface.methods.renamed)}`);
  if (surface.functionsRenamed.length > 0) items.push(`- Functions renamed: ${renames(surface.functionsRenamed)}`);
  if (surface.argumentsReordered.length > 0)
    items.push(`- Positional arguments reordered (breaking): ${list(surface.argumentsReordered)}`);
  if (surface.pathOrderSince02.length > 0)
    items.push(
      `- Positional arguments in path order since sdkgen 0.2 (breaking for a client made by an earlier sdkgen): ${list(surface.pathOrderSince02)}`,
    );
  if (surface.types.added.length > 0) items.push(`- Types added: ${list(surface.types.added)}`);
  if (surface.types.removed.length > 0) items.push(`- Types removed: ${list(surface.types.removed)}`);
  if (surface.types.renamed.length > 0) items.push(`- Types renamed: ${renames(surface.types.renamed)}`);
  if (surface.types.changed.length > 0) items.push(`- Types changed: ${list(surface.types.changed)}`);
  const { lines, reportLines } = surface;
  const counts = `${plural(lines.added + lines.removed, 'line')} changed in the generated package (+${lines.added} −${lines.removed}, ${plural(lines.files, 'file')}); api-report.md +${reportLines.added} −${reportLines.removed}.`;
  return [
    '#### The generated client',
    '',
    ...(items.length === 0 ? ['- No method, function or type changed its name or shape.'] : items),
    '',
    counts,
    '',
  ];
}

/** A workflow command per change, on the spec's line: errors for breaking ones, warnings, notices. */
function annotation(change: Change): string {
  const level =
    change.kind === 'docs'
      ? 'notice'
      : { breaking: 'error', 'potentially-breaking': 'warning', 'non-breaking': 'notice' }[worst(change)];
  const values =
    change.before !== undefined || change.after !== undefined
      ? ` (${change.before ?? '—'} → ${change.after ?? '—'})`
      : '';
  const where = change.operations.length > 0 ? ` in ${change.operations.join(', ')}` : '';
  const severity =
    change.kind === 'docs' ? 'documentation' : `wire ${WORDS[change.wire]}, client ${WORDS[change.client]}`;
  // A line of the base spec is no line of the PR's files: such a finding is annotated on the run, saying where it was.
  const onLine = change.location !== undefined && change.locatedIn !== 'base';
  const properties = [
    ...(change.location === undefined || !onLine
      ? []
      : [`file=${property(change.location.file)}`, `line=${change.location.line}`, `col=${change.location.column}`]),
    `title=${property(`${change.rule}: ${severity}`)}`,
  ];
  const was = change.location !== undefined && !onLine ? ` (in the base at ${locationText(change.location)})` : '';
  return `::${level} ${properties.join(',')}::${message(`${rule(change.rule).title}: ${change.subject.replace(/`/g, '')}${values}${where}${was}`)}\n`;
}

/** GitHub's escaping of a workflow command's message. */
function message(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** And of a property's value, where `:` and `,` separate. */
function property(text: string): string {
  return message(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
