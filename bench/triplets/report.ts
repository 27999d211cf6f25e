/**
 * bench/stainless-surface.md: one row per triplet, a total, and every shortfall with its cause.
 */
import type { Cause, TripletScore } from './score.js';

export interface TripletOutcome {
  readonly name: string;
  readonly published: string;
  /** Set when the triplet could not be measured (generation or comparison failed). */
  readonly failure?: string | undefined;
  readonly score?: TripletScore | undefined;
  /** Published methods whose call path sdkgen gives without the config, or why that run failed. */
  readonly inferredCallPath?: number | string | undefined;
  /** The published custom code moved onto the generated client (bench/triplets/move.ts), when the pins have a move. */
  readonly move?: MoveOutcome | undefined;
}

/** What moving the custom code gave: the methods it brought and the size of the port, or the step that failed. */
export type MoveOutcome =
  | { readonly why: string; readonly patch: string; readonly patchLines: number; readonly brought: readonly string[] }
  | { readonly why: string; readonly failure: string };

export interface ReportContext {
  readonly date: string;
  readonly commit: string;
  readonly command: string;
}

const CAUSES: Readonly<Record<Cause, string>> = {
  'sdkgen-gap': "a gap in sdkgen's Stainless support",
  'config-feature': 'a config feature sdkgen does not support',
  'not-in-time': 'config, spec and SDK do not match in time',
  'custom-code': 'published custom code the config does not declare',
};

export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`;
}

function cell(part: number, whole: number): string {
  return `${part} (${percent(part, whole)})`;
}

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

interface Measured {
  readonly score: TripletScore;
  readonly inferredCallPath?: number | string | undefined;
}

/** The table's figures over one or more triplets: methods, then each count with its share. */
function figures(measured: readonly Measured[]): (string | number)[] {
  const sum = (pick: (score: TripletScore) => number): number =>
    measured.reduce((total, { score }) => total + pick(score), 0);
  const methods = sum((score) => score.methods);
  const share = (pick: (score: TripletScore) => number, whole = methods): string => cell(sum(pick), whole);
  // Without the config: a failed run says so for its triplet and leaves the total out.
  const inferred = measured.map((one) => one.inferredCallPath);
  const withoutConfig = inferred.every((value) => typeof value === 'number')
    ? cell(
        inferred.reduce((total, value) => total + value, 0),
        methods,
      )
    : measured.length === 1
      ? `not measured: ${inferred[0] ?? 'no result'}`
      : '–';
  return [
    methods,
    share((score) => score.callPath),
    withoutConfig,
    share((score) => score.argumentOrder),
    share((score) => score.pageClass),
    share((score) => score.typeNames),
    share((score) => score.all),
    share(
      (score) => score.all,
      sum((score) => score.declared),
    ),
    share(
      (score) => score.types.kept,
      sum((score) => score.types.published),
    ),
    sum((score) => score.breaking.length),
  ];
}

/**
 * The triplets whose published custom code was moved onto the generated client: those are
 * compared with that client (`sdkgen diff --against --client`), the custom code in it.
 */
function movesSection(outcomes: readonly TripletOutcome[]): string[] {
  const moved = outcomes.filter((outcome) => outcome.move !== undefined);
  if (moved.length === 0) return [];
  const lines = [
    '',
    '## Custom code moved',
    '',
    'Where the published SDK has hand-written code, the bench moves it as its team would, for real:',
    "it generates a client folder, copies the custom files in, applies the team's edits (a committed",
    'patch), regenerates (the merge must keep every edit), type-checks the folder with `tsc`, and',
    'compares that folder with `sdkgen diff --against <published> --client <folder>`. A step that',
    'fails leaves the custom code out, and its methods stay shortfalls.',
    '',
  ];
  for (const { name, move } of moved) {
    if (move === undefined) continue;
    lines.push(
      'failure' in move
        ? `- **${name}**: the move failed (${move.failure}); the generated client alone is compared. ${move.why}`
        : `- **${name}**: ${move.why} The port is ${move.patchLines} changed lines (\`${move.patch}\`); it brings ${move.brought.length === 0 ? 'no method' : move.brought.map((call) => `\`${call}\``).join(', ')}.`,
    );
  }
  return lines;
}

/** The breaking changes left, by rule and the type or method they are in, each with the triplets that have it. */
function breakingSection(scored: readonly TripletScore[]): string[] {
  const byChange = new Map<string, string[]>();
  for (const score of scored)
    for (const change of score.breaking) byChange.set(change, [...(byChange.get(change) ?? []), score.name]);
  if (byChange.size === 0) return ['', '## Breaking changes left', '', 'None.'];
  const lines = ['', '## Breaking changes left', ''];
  for (const [change, triplets] of [...byChange].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])))
    lines.push(`- ${change} (${triplets.length === scored.length ? 'every triplet' : triplets.join(', ')})`);
  return lines;
}

export function renderReport(outcomes: readonly TripletOutcome[], context: ReportContext): string {
  const measured = outcomes.flatMap(({ score, inferredCallPath }) =>
    score === undefined ? [] : [{ score, inferredCallPath }],
  );
  const scored = measured.map(({ score }) => score);
  const lines = [
    '# Stainless triplets: the published surface, regenerated',
    '',
    `Measured ${context.date} on sdkgen ${context.commit} with \`${context.command}\` (bench/README.md).`,
    'Each triplet is a public Stainless config, its OpenAPI spec and the TypeScript SDK Stainless generated',
    'from them, pinned in bench/stainless-triplets.json. sdkgen generates with `--stainless <config> --spec',
    '<spec>`, and `sdkgen diff --against` compares the result with the published SDK. A method counts when',
    'the published one has it right: call path (`client.a.b.method`), argument order, page class, and the',
    'names of its params and return types. "Without the config" generates from the spec alone: what',
    "sdkgen's inferred names give.",
    '',
    '"Breaking changes left" counts what `sdkgen diff --against` classifies breaking for the client',
    '(issue 31, item 3), listed under "Breaking changes left" below.',
    '',
    '| triplet | published SDK | methods | call path | call path without the config | argument order | page class | type names | all four | all four, of those the config declares | exported types kept | breaking changes left |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const outcome of outcomes) {
    const score = outcome.score;
    if (score === undefined) {
      lines.push(
        `| ${outcome.name} | ${outcome.published} | not measured: ${outcome.failure ?? 'no result'} | | | | | | | | | |`,
      );
      continue;
    }
    lines.push(
      row([score.name, outcome.published, ...figures([{ score, inferredCallPath: outcome.inferredCallPath }])]),
    );
  }
  lines.push(row([`**all ${scored.length} measured**`, '', ...figures(measured)]));
  lines.push(...movesSection(outcomes), '', '## Shortfalls by cause', '');
  const all = scored.flatMap((score) => score.shortfalls.map((shortfall) => ({ triplet: score.name, ...shortfall })));
  for (const cause of Object.keys(CAUSES) as Cause[]) {
    const here = all.filter((shortfall) => shortfall.cause === cause);
    lines.push(`- ${CAUSES[cause]}: ${here.length}`);
  }
  lines.push('', '## Shortfalls by rule', '', 'A method falling short for several reasons counts under each.', '');
  const rules = new Map<string, number>();
  for (const shortfall of all)
    for (const rule of shortfall.cause === 'sdkgen-gap' ? shortfall.reason.split('; ') : [shortfall.reason]) {
      // One line per rule: the method's own names and routes (quoted) are left out, a rule's patterns (`<Resource>…`) kept.
      const key = `**${shortfall.cause}**: ${rule.replace(/`[^`<]*`/g, '…').replace(/ \([^)]*\)/g, '')}`;
      rules.set(key, (rules.get(key) ?? 0) + 1);
    }
  for (const [rule, count] of [...rules].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
    lines.push(`- ${count} × ${rule}`);
  lines.push(...breakingSection(scored));
  for (const score of scored) {
    if (score.shortfalls.length === 0 && score.types.missing.length === 0) continue;
    lines.push('', `## ${score.name}`, '');
    for (const shortfall of score.shortfalls)
      lines.push(
        `- \`${shortfall.call}\`${shortfall.http === undefined ? '' : ` (${shortfall.http})`}: ${shortfall.what}. **${shortfall.cause}**: ${shortfall.reason}`,
      );
    if (score.types.missing.length > 0)
      lines.push(
        `- exported types not generated (${score.types.missing.length}): ${score.types.missing.map((name) => `\`${name}\``).join(', ')}`,
      );
  }
  return `${lines.join('\n')}\n`;
}
