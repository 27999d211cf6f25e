/**
 * Mutates the project's YAML specs at random (a seeded generator: the same run each time) and
 * checks that whatever the scanner (yaml-scan.ts) still takes, js-yaml's events (yaml-events.ts)
 * read to the same values and offsets: the scanner must never accept a text the reader behind
 * it refuses or reads otherwise. Prints the first few counterexamples; exits 1 if any.
 * `[SWEEP_CACHE=/work/sweep-cache] npx tsx bench/yaml-scan-fuzz.ts [mutants per file, 300] [seed, 42]`
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readYamlFast } from '../generator/load/yaml-events.js';
import { readYamlBlock } from '../generator/load/yaml-scan.js';
import { sameReading } from './yaml-compare.js';

const ROOT = join(import.meta.dirname, '..');
const MUTANTS = Number(process.argv[2] ?? 300);
const OPENAI_SPEC = join(ROOT, '../shared/specs/openai.yaml');
/** What a mutation inserts or puts in place of a character: YAML's syntax, mostly. */
const PIECES = [' ', '  ', '\n', ':', ': ', '-', '- ', '#', ' #', '"', "'", '|', '>', '|-', '>+', '[', ']', '{', '}'];
const MORE_PIECES = [',', '\t', '\\', 'a', '0', '~', '&a ', '*a', '!', '?', '---\n', '...', '\n  ', '\n\n', ''];
const ALL_PIECES = [...PIECES, ...MORE_PIECES];

let seed = Number(process.argv[3] ?? 42);
const random = (below: number): number => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * below;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random(items.length))] as T;

/** A few lines of `text` around a random place, with one to three edits in them. */
function mutant(text: string): string {
  const lines = text.split('\n');
  const from = Math.floor(random(Math.max(1, lines.length - 12)));
  let piece = lines.slice(from, from + 12).join('\n');
  for (let edits = 1 + Math.floor(random(3)); edits > 0; edits--) {
    const at = Math.floor(random(piece.length + 1));
    const cut = random(1) < 0.5 ? Math.floor(random(3)) : 0;
    piece = piece.slice(0, at) + pick(ALL_PIECES) + piece.slice(at + cut);
  }
  return piece;
}

const specs = [
  'spec/openapi.yaml',
  ...readdirSync(join(ROOT, 'test/fixtures'), { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.ya?ml$/.test(path))
    .map((path) => `test/fixtures/${path}`),
  ...(existsSync(OPENAI_SPEC) ? ['../shared/specs/openai.yaml'] : []),
  // The sweep corpus's YAML specs too, when SWEEP_CACHE names its folder.
  ...(process.env['SWEEP_CACHE'] === undefined
    ? []
    : readdirSync(process.env['SWEEP_CACHE'], { recursive: true, encoding: 'utf8' })
        .filter((path) => /\.ya?ml$/.test(path))
        .map((path) => join(process.env['SWEEP_CACHE'] as string, path))),
];
let tried = 0;
let taken = 0;
const wrong: string[] = [];
for (const path of specs) {
  const text = readFileSync(resolve(ROOT, path), 'utf8');
  for (let i = 0; i < MUTANTS; i++) {
    // Every other mutant with CRLF line breaks.
    const changed = i % 2 === 0 ? mutant(text) : mutant(text).replace(/\r?\n/g, '\r\n');
    tried++;
    const scan = readYamlBlock(changed);
    if (scan === undefined) continue;
    taken++;
    const events = readYamlFast(changed);
    const difference = events === undefined ? 'js-yaml refuses it' : sameReading(scan, events);
    if (difference !== undefined) wrong.push(`${difference}\n${JSON.stringify(changed)}`);
  }
}
console.log(`${tried} mutants of ${specs.length} specs: ${taken} taken by the scanner, ${wrong.length} read otherwise`);
for (const example of wrong.slice(0, 8)) console.log(`---\n${example}`);
process.exitCode = wrong.length > 0 ? 1 : 0;
