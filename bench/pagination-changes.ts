/**
 * Which lists page differently between two runs of bench/pagination-census.ts:
 * `npx tsx bench/pagination-changes.ts before.jsonl after.jsonl > bench/pagination-changes.md`.
 * Prints, as Markdown, how many lists moved from each scheme to each other, then every list that
 * changed, spec by spec, before → after.
 */
import { readFileSync } from 'node:fs';
import type { PageScheme } from '../generator/model/model.js';
import { schemeText } from '../generator/plan/plan.js';

interface Line {
  readonly id?: string;
  readonly schemes?: Record<string, string>;
  readonly error?: string;
}

const [beforeFile, afterFile] = process.argv.slice(2);
if (beforeFile === undefined || afterFile === undefined) {
  console.error('usage: npx tsx bench/pagination-changes.ts before.jsonl after.jsonl');
  process.exit(2);
}

/** Each spec's lists and how they page, from a census's JSON lines (its totals line has no id). */
function read(file: string): Map<string, Record<string, string>> {
  const specs = new Map<string, Record<string, string>>();
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (!text.startsWith('{"id"')) continue;
    const line = JSON.parse(text) as Line;
    if (line.id !== undefined && line.error === undefined) specs.set(line.id, line.schemes ?? {});
  }
  return specs;
}

/** `cursor: next cursor "next_page.offset" → "offset"`, or `not paginated: why`. */
function describe(how: string | undefined): string {
  if (how === undefined) return 'no list';
  if (how.startsWith('not paginated')) return how;
  const scheme = JSON.parse(how) as PageScheme;
  return `${scheme.type}: ${schemeText(scheme)}`;
}

/** The kind a line is counted under: the scheme's type, or "not paginated". */
const kind = (how: string | undefined): string =>
  how === undefined
    ? 'no list'
    : how.startsWith('not paginated')
      ? 'not paginated'
      : (JSON.parse(how) as PageScheme).type;

const before = read(beforeFile);
const after = read(afterFile);
const moves = new Map<string, number>();
const changes: string[] = [];
let compared = 0;
for (const [id, then] of before) {
  const now = after.get(id);
  if (now === undefined) continue;
  compared++;
  const lines: string[] = [];
  for (const list of [...new Set([...Object.keys(then), ...Object.keys(now)])].sort()) {
    if (then[list] === now[list]) continue;
    const move = `${kind(then[list])} → ${kind(now[list])}`;
    moves.set(move, (moves.get(move) ?? 0) + 1);
    lines.push(`- \`${list}\`: ${describe(then[list])} → **${describe(now[list])}**`);
  }
  if (lines.length > 0) changes.push(`### ${id} (${lines.length})`, '', ...lines, '');
}

/** Lists, and how many page, over the specs compared. */
function totals(specs: Map<string, Record<string, string>>): { lists: number; paginated: number } {
  let lists = 0;
  let paginated = 0;
  for (const [id, schemes] of specs) {
    if (!after.has(id) || !before.has(id)) continue;
    for (const how of Object.values(schemes)) {
      lists++;
      if (!how.startsWith('not paginated')) paginated++;
    }
  }
  return { lists, paginated };
}

const total = [...moves.values()].reduce((a, b) => a + b, 0);
console.log(`# Lists whose pagination changed\n`);
console.log(
  `Made by \`npx tsx bench/pagination-changes.ts ${beforeFile} ${afterFile}\` from two runs of bench/pagination-census.ts over the ${compared} specs both modelled. ${total} lists changed.\n`,
);
console.log('| | lists | paginated |\n| --- | --- | --- |');
for (const [name, specs] of [
  ['before', before],
  ['after', after],
] as const) {
  const { lists, paginated } = totals(specs);
  console.log(`| ${name} | ${lists.toLocaleString('en')} | ${paginated.toLocaleString('en')} |`);
}
console.log('\n| before → after | lists |\n| --- | --- |');
for (const [move, count] of [...moves].sort((a, b) => b[1] - a[1])) console.log(`| ${move} | ${count} |`);
console.log(`\n## Every list that changed, spec by spec\n`);
console.log(changes.join('\n'));
