import { namingText } from '../model/naming-conventions.js';
import { plural } from '../plural.js';
import type { Change } from './compare.js';
import { type DiffFormat, describeChange, formatChanges, MARKER, MAX_MARKDOWN, worst } from './format.js';
import type { NamingHints } from './naming-hints.js';
import type { AgainstReport, MethodFinding, TypeFinding } from './published-compare.js';

/** `sdkgen diff --against`'s report: Markdown for a PR, the JSON the triplets bench reads, or workflow annotations. */
export function formatAgainst(report: AgainstReport, format: DiffFormat): string {
  switch (format) {
    case 'markdown':
      return markdown(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'github':
      return formatChanges(report.changes, 'github');
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

function markdown(report: AgainstReport): string {
  const breaking = report.changes.filter((c) => worst(c) === 'breaking').length;
  const head = [
    MARKER,
    `### The generated client against \`${report.against}\`: ${breaking} breaking, ${report.changes.length - breaking} not breaking`,
    '',
  ];
  const compared = `${plural(report.methods.filter((m) => m.status !== 'added').length, 'published method')} and ${plural(report.types.filter((t) => t.status !== 'added').length, 'exported name')} compared.`;
  if (report.changes.length === 0)
    return `${[...head, `No difference: the generated client has the published package's surface. ${compared}`].join('\n')}\n`;
  const byStatus = <T extends { readonly status: string }>(list: readonly T[], status: string): T[] =>
    list.filter((item) => item.status === status);
  const body = [
    compared,
    '',
    ...namingSection(report.naming),
    ...section('Methods missing from the generated client (breaking)', byStatus(report.methods, 'missing').map(method)),
    ...section('Methods changed', byStatus(report.methods, 'changed').map(method)),
    ...section('Methods only in the generated client', byStatus(report.methods, 'added').map(method)),
    ...section('Exported names missing from the generated client (breaking)', [
      names(byStatus(report.types, 'missing')),
    ]),
    ...section('Exported types changed', fieldLines(report.changes)),
    ...section('Exported names only in the generated client', [names(byStatus(report.types, 'added'))]),
    ...section(
      'The client',
      report.changes
        .filter((c) => c.rule === 'client-class-renamed')
        .map((c) => `- ${describeChange(c, { icon: true })}`),
    ),
  ];
  const text = `${[...head, ...body].join('\n')}\n`;
  if (text.length <= MAX_MARKDOWN) return text;
  // A PR comment has a size limit; the JSON has every finding.
  const cut = text.lastIndexOf('\n', MAX_MARKDOWN - 200);
  return `${text.slice(0, cut)}\n\n_Truncated: ${report.changes.length} changes in all; run \`sdkgen diff --against … --format json\` for every one._\n`;
}

/** Breaking field changes one by one; fields only added, one line per type. */
function fieldLines(changes: readonly Change[]): string[] {
  const fields = changes.filter((c) => c.rule.startsWith('published-field-'));
  const added = new Map<string, string[]>();
  for (const change of fields.filter((c) => c.rule === 'published-field-added')) {
    const [type = '', field = ''] = change.subject.replace(/`/g, '').split('.');
    added.set(type, [...(added.get(type) ?? []), field]);
  }
  return [
    ...fields.filter((c) => c.rule !== 'published-field-added').map((c) => `- ${describeChange(c, { icon: true })}`),
    ...[...added].map(
      ([type, names]) =>
        `- 🟢 \`${type}\`: ${plural(names.length, 'field')} only in the generated client: ${names.map((n) => `\`${n}\``).join(', ')}`,
    ),
  ];
}

/** The conventions to declare, each with what it finds, and the overlay that declares them all. */
function namingSection(naming: NamingHints | undefined): string[] {
  if (naming === undefined || naming.conventions.length === 0) return [];
  const all = naming.together ?? (naming.conventions[0] as NonNullable<NamingHints['together']>);
  const after = naming.found + all.gained - all.lost;
  // Blank lines kept (section() drops them): the list, the sentence and the block are three paragraphs.
  return [
    '#### Naming conventions the published package follows',
    '',
    'The spec does not declare them (`x-sdkgen-client.naming`, docs/naming.md). Each, declared on its own, gives these published calls:',
    '',
    ...naming.conventions.map(
      (hint) => `- \`${namingText(hint.naming)}\`: ${hint.gained} more found, ${hint.lost} lost`,
    ),
    '',
    `Declared ${naming.together === undefined ? '' : 'together '}in an overlay, ${after} of ${naming.published} published methods are found (${naming.found} now):`,
    '',
    '```yaml',
    'overlay: 1.0.0',
    'info: { title: Naming of the published package, version: 1.0.0 }',
    'actions:',
    '  - target: $',
    `    update: { x-sdkgen-client: { naming: { ${namingText(all.naming)} } } }`,
    '```',
    '',
  ];
}

function section(title: string, lines: readonly string[]): string[] {
  const shown = lines.filter((line) => line !== '');
  return shown.length === 0 ? [] : [`#### ${title}`, '', ...shown, ''];
}

function method(finding: MethodFinding): string {
  const http = finding.http === undefined ? '' : ` (\`${finding.http}\`)`;
  const differences = finding.differences.map(
    (d) =>
      `\n  - ${d.breaking ? '🔴' : '🟢'} ${d.aspect}: \`${d.published}\` → \`${d.generated}\`${d.breaking ? ' (breaking)' : ''}`,
  );
  return `- \`${finding.call}\`${http}${differences.join('')}`;
}

function names(findings: readonly TypeFinding[]): string {
  return findings.map((t) => `\`${t.name}\``).join(', ');
}
