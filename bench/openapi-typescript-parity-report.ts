/**
 * The text of bench/openapi-typescript-parity.md: all of it, prose included, from the rows of a
 * run and the previous report. A run limited by `--only` replaces only its specs' rows (and
 * their differences), keeps every other row and the full run's header, and says in a note
 * which rows it wrote; the corpus section (`--corpus`) is kept as it is.
 */
import { CORPUS_START } from './openapi-typescript-corpus.js';

export const PARITY_HEADING = '## Type equality, member by member (`compat: true`)';
export const TIMING_HEADING = '## Generation time (item 4 of issue 33)';
const DIFFERENCES_HEADING = '## Differences';
const TITLE = '# --format openapi-typescript against openapi-typescript 7.13';

export interface ParityRun {
  /** The spec ids, in the order the tables list them. */
  readonly specs: readonly string[];
  /** The specs `--only` named; undefined for a run of every spec. */
  readonly only: readonly string[] | undefined;
  /** Whether this run timed (`--no-timing` did not). */
  readonly timing: boolean;
  readonly date: string;
  readonly node: string;
  readonly parityRows: readonly string[];
  readonly timingRows: readonly string[];
  /** Per spec, the members found not mutually assignable (none: the spec has no entry). */
  readonly differences: ReadonlyMap<string, readonly string[]>;
}

export function parityReport(previous: string, run: ParityRun): string {
  const idOf = (row: string): string => row.slice(2).split(' | ')[0] ?? '';
  const inOrder = (rows: readonly string[]): string[] =>
    [...rows].sort((a, b) => run.specs.indexOf(idOf(a)) - run.specs.indexOf(idOf(b)));
  // A row or difference of a spec this run did not reach is the last report's.
  const ran = new Set([...run.parityRows, ...run.timingRows].map(idOf));
  const kept = (heading: string, rows: readonly string[]): string[] =>
    inOrder([
      ...rows,
      ...tableRows(previous, heading).filter((row) => run.specs.includes(idOf(row)) && !ran.has(idOf(row))),
    ]);
  const differences = new Map<string, readonly string[]>(
    [...previousDifferences(previous)].filter(([id]) => !ran.has(id)),
  );
  for (const [id, lines] of run.differences) differences.set(id, lines);
  const differencesText = [...differences]
    .sort(([a], [b]) => run.specs.indexOf(a) - run.specs.indexOf(b))
    .map(([id, lines]) => `### ${id}\n\n${lines.map((line) => `- \`${line}\``).join('\n')}\n`);
  const corpus = previous.includes(CORPUS_START) ? previous.slice(previous.indexOf(CORPUS_START)) : '';
  return `${TITLE}

${header(previous, run)}

${PARITY_HEADING}

Byte-identical files are type-equal without tsc. Otherwise each path, method, parameters
section, request body, response status and content type, component, webhook, \`$defs\` entry
and operation whose own text differs (bench/openapi-typescript-members.ts) is checked by tsc to
be mutually assignable (test/helpers/types-equality.ts), with its parent below the roots. A file
whose text differs with no member's text differing differs only in comments or in the order of
its members: DigitalOcean's multi-file description, whose bundler hoists components in another
order. Microsoft Graph, whose member-by-member tsc comparison did not finish in 13 minutes and
12 GB, needs no tsc: its 24 MB of types are byte-identical.

| Spec | Same text | Members whose text differs | Checked by tsc | Not mutually assignable |
| --- | --- | ---: | ---: | ---: |
${kept(PARITY_HEADING, run.parityRows).join('\n')}

${differencesText.length === 0 ? 'No differences.' : `${DIFFERENCES_HEADING}\n\n${differencesText.join('\n')}`}

${TIMING_HEADING}

\`sdkgen openapi-typescript <spec> -o file\` (the bundled CLI) against \`openapi-typescript <spec> -o file\`
(7.13's CLI), each a fresh Node process, wall clock, in paired runs taking turns; medians.

| Spec | Runs | sdkgen | openapi-typescript 7.13 | Speed-up |
| --- | ---: | ---: | ---: | ---: |
${kept(TIMING_HEADING, run.timingRows).join('\n')}
${corpus === '' ? '' : `\n${corpus}`}`;
}

/**
 * Who wrote the report: a run of every spec writes the paragraph afresh; a run with `--only`
 * keeps the last one and adds a note of the rows it wrote (in place of an earlier note for the
 * same specs). A run without timing says its timing rows are an earlier run's.
 */
function header(previous: string, run: ParityRun): string {
  const noTiming = run.timing ? '' : ' --no-timing';
  if (run.only === undefined) {
    const written = `Written by \`npx tsx bench/openapi-typescript-parity.ts${noTiming}\` (${run.date}, Node ${run.node},
openapi-typescript 7.13.0 as pinned in package-lock.json; specs pinned in bench/corpus.json; the
DigitalOcean multi-file description and the octokit GHES diff from openapi-typescript's own examples).`;
    return run.timing ? written : `${written}\n\n- The timing rows are kept from the last run that timed.`;
  }
  const [written = '', ...notes] =
    (previous.split(`${TITLE}\n\n`)[1] ?? '').split(/\n\n(?=## )/)[0]?.split('\n\n') ?? [];
  const only = run.only.join(',');
  const note = `- The rows of ${run.only.map((id) => `\`${id}\``).join(', ')} are from \`--only ${only}${noTiming}\` (${run.date}, Node ${run.node}).`;
  const lines = notes
    .join('\n')
    .split('\n')
    .filter(
      (line) => line.startsWith('- ') && !line.includes(`\`--only ${only}\``) && !line.includes(`\`--only ${only} `),
    );
  return [written.trimEnd(), [...lines, note].join('\n')].join('\n\n');
}

/** The rows of the table under `heading` in a report. */
function tableRows(report: string, heading: string): string[] {
  const at = report.indexOf(heading);
  if (at < 0) return [];
  const table = report
    .slice(at)
    .split('\n\n')
    .find((block) => block.startsWith('| Spec |'));
  return (table ?? '').split('\n').slice(2);
}

/** The `### <spec>` blocks of a report's differences, as the lines listed under each. */
function previousDifferences(report: string): Map<string, string[]> {
  const at = report.indexOf(`${DIFFERENCES_HEADING}\n`);
  const found = new Map<string, string[]>();
  if (at < 0) return found;
  const section = report.slice(at).split(`\n${TIMING_HEADING}`)[0] ?? '';
  for (const block of section.split('\n### ').slice(1)) {
    const [id = '', ...lines] = block.split('\n');
    found.set(
      id.trim(),
      lines.filter((line) => line.startsWith('- `')).map((line) => line.slice(3, -1)),
    );
  }
  return found;
}
