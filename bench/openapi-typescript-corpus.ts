/**
 * `--corpus` of bench/openapi-typescript-parity.ts: every spec of bench/corpus.json through
 * openapi-typescript 7.13's Node API and sdkgen's generateTypes, both with `compat: true`
 * (text first, tsc only on the members whose text differs), and sdkgen without `compat`
 * against the same 7.13 text (members whose text differs, counted). Two worker processes take
 * the specs largest first; the results go into the corpus section of
 * bench/openapi-typescript-parity.md after each spec.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { generateTypes } from '../generator/generate-types.js';
import { corpusPackage } from './corpus-package.js';
import { compareFiles, differingMembers } from './openapi-typescript-members.js';

const ROOT = join(import.meta.dirname, '..');
const REPORT = join(ROOT, 'bench/openapi-typescript-parity.md');
export const CORPUS_START = '<!-- corpus: written by --corpus -->';
const WORKERS = 2;

type Outcome = 'ots-fails' | 'sdkgen-fails' | 'same-text' | 'type-equal' | 'differs';

interface CorpusResult {
  readonly id: string;
  readonly outcome: Outcome;
  readonly detail?: string;
  /** With compat: members whose text differs (the first of them), and the first differences tsc found. */
  readonly differing?: number;
  readonly differingFirst?: readonly string[];
  readonly differences?: readonly string[];
  /** Without compat: members whose text differs from 7.13's, the first of them. */
  readonly defaultDiffering?: number;
  readonly defaultFirst?: readonly string[];
}

interface Job {
  readonly id: string;
  readonly path: string;
}

/** The corpus's specs, largest file first so that the long ones do not come last. */
function jobs(): Job[] {
  const corpus = JSON.parse(readFileSync(join(ROOT, 'bench/corpus.json'), 'utf8')) as {
    readonly packages: readonly { readonly name: string; readonly specs: readonly string[] }[];
  };
  return corpus.packages
    .flatMap((pkg) =>
      pkg.specs.map((spec) => ({ id: `${pkg.name}:${spec}`, path: join(corpusPackage(pkg.name), spec) })),
    )
    .sort((a, b) => statSync(b.path).size - statSync(a.path).size);
}

/** One spec, in a worker. */
async function paritySpec(job: Job, dir: string): Promise<CorpusResult> {
  let theirs: string;
  try {
    theirs = `${COMMENT_HEADER}${astToString(await openapiTS(pathToFileURL(job.path), { silent: true }))}`;
  } catch (error) {
    return { id: job.id, outcome: 'ots-fails', detail: firstLine(error) };
  }
  let ours: string;
  try {
    ours = generateTypes(job.path, ROOT, { compat: true }).text;
  } catch (error) {
    return { id: job.id, outcome: 'sdkgen-fails', detail: firstLine(error) };
  }
  const compat = compareFiles(dir, ours, theirs);
  const byDefault = differingMembers(generateTypes(job.path, ROOT, {}).text, theirs).differing;
  return {
    id: job.id,
    outcome: compat.sameText ? 'same-text' : compat.differences.length === 0 ? 'type-equal' : 'differs',
    differing: compat.differing.length,
    differingFirst: compat.differing.slice(0, 3),
    differences: compat.differences.slice(0, 5),
    defaultDiffering: byDefault.length,
    defaultFirst: byDefault.slice(0, 3),
  };
}

/** An error's first line, for a table cell: paths relative to the worktree, `|` escaped. */
export function firstLine(error: unknown): string {
  return (
    (error instanceof Error ? error.message : String(error))
      .split('\n')[0]
      ?.replaceAll(ROOT, '.')
      .replaceAll('|', '\\|')
      .slice(0, 160) ?? ''
  );
}

/** Runs the corpus in two worker processes, writing the report after each spec. */
export async function runCorpus(): Promise<void> {
  const queue = jobs();
  const total = queue.length;
  const results: CorpusResult[] = [];
  const worker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const child = fork(fileURLToPath(import.meta.url), ['--worker'], {
        execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
      });
      const next = (): void => {
        const job = queue.shift();
        if (job === undefined) child.disconnect();
        else child.send(job);
      };
      child.on('message', (result: CorpusResult) => {
        results.push(result);
        process.stderr.write(`${results.length}/${total} ${result.id}: ${result.outcome}\n`);
        writeCorpusReport(results);
        next();
      });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
      next();
    });
  await Promise.all(Array.from({ length: WORKERS }, worker));
}

if (process.argv.includes('--worker')) {
  const dir = mkdtempSync(join(tmpdir(), 'ots-corpus-'));
  process.on('message', async (job: Job) => {
    let result: CorpusResult;
    try {
      result = await paritySpec(job, join(dir, String(Math.random()).slice(2)));
    } catch (error) {
      result = { id: job.id, outcome: 'differs', detail: `comparison failed: ${firstLine(error)}` };
    }
    process.send?.(result);
  });
  process.on('disconnect', () => rmSync(dir, { recursive: true, force: true }));
}

const OUTCOMES: readonly { readonly outcome: Outcome; readonly meaning: string }[] = [
  { outcome: 'same-text', meaning: 'byte-identical text (type-equal without tsc)' },
  { outcome: 'type-equal', meaning: 'text differs, tsc finds every differing member mutually assignable' },
  { outcome: 'differs', meaning: 'members not mutually assignable' },
  { outcome: 'sdkgen-fails', meaning: 'sdkgen cannot generate (7.13 can)' },
  { outcome: 'ots-fails', meaning: '7.13 cannot generate (nothing to compare)' },
];

/** The members behind a `type-equal` or `differs` outcome. */
function describe(r: CorpusResult): string {
  const names = (list: readonly string[] | undefined): string => (list ?? []).map((d) => `\`${d}\``).join(', ');
  const differing = `${r.differing} members whose text differs (${names(r.differingFirst)}${(r.differing ?? 0) > 3 ? ', …' : ''})`;
  if (r.differing === 0) return 'no member’s text differs: only comments (or the order of members) do';
  return r.outcome === 'differs' ? `${differing}; tsc: ${names(r.differences)}` : differing;
}

/** Replaces the corpus section (from CORPUS_START to the end) of the report. */
function writeCorpusReport(results: readonly CorpusResult[]): void {
  const sorted = [...results].sort((a, b) => a.id.localeCompare(b.id));
  const count = (o: Outcome): number => sorted.filter((r) => r.outcome === o).length;
  const listed = (o: Outcome): string[] =>
    sorted.filter((r) => r.outcome === o).map((r) => `- \`${r.id}\`: ${r.detail ?? describe(r)}`);
  const byDefault = sorted.filter((r) => (r.defaultDiffering ?? 0) > 0);
  const section = `${CORPUS_START}
## The sweep corpus (\`--corpus\`, \`compat: true\`)

Every spec of bench/corpus.json (${sorted.length} run), 7.13's Node API against sdkgen's
\`generateTypes\`, both with \`compat: true\`: the texts first; where they differ, tsc checks only
the members whose own text differs (bench/openapi-typescript-members.ts); a file whose text
differs with no member's text differing differs only in comments (JSDoc) or in the order of members. Why each spec below
differs: docs/openapi-typescript.md ("Differences from openapi-typescript 7.13"). Written by
\`npx tsx bench/openapi-typescript-parity.ts --corpus\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, 2 workers).

| Outcome | Specs | Meaning |
| --- | ---: | --- |
${OUTCOMES.map(({ outcome, meaning }) => `| ${outcome} | ${count(outcome)} | ${meaning} |`).join('\n')}

${(['differs', 'sdkgen-fails', 'type-equal', 'ots-fails'] as const)
  .filter((o) => count(o) > 0)
  .map((o) => `### ${o}\n\n${listed(o).join('\n')}\n`)
  .join('\n')}
### Without \`compat\`

sdkgen's default output against the same 7.13 text: ${byDefault.length} specs have members whose
text differs (${byDefault.reduce((n, r) => n + (r.defaultDiffering ?? 0), 0)} members in all; docs/openapi-typescript.md lists why).

${byDefault.map((r) => `- \`${r.id}\`: ${r.defaultDiffering} (${(r.defaultFirst ?? []).map((d) => `\`${d}\``).join(', ')}${(r.defaultDiffering ?? 0) > 3 ? ', …' : ''})`).join('\n')}
`;
  const report = readFileSync(REPORT, 'utf8');
  const at = report.indexOf(CORPUS_START);
  writeFileSync(REPORT, `${at < 0 ? `${report.trimEnd()}\n\n` : report.slice(0, at)}${section}`);
}
