/**
 * The Stainless triplets bench (issue 31): public Stainless configs + their OpenAPI specs + the
 * TypeScript SDKs Stainless published from them, pinned in bench/stainless-triplets.json.
 *
 *   npx tsx bench/stainless-triplets.ts fetch [name…]    materialise them into the cache
 *   npx tsx bench/stainless-triplets.ts measure [name…]  regenerate each with --stainless, compare it
 *                                                        with the published SDK, write bench/stainless-surface.md
 *
 * Cache: `${TRIPLETS_CACHE:-node_modules/.cache/sdkgen-triplets}/<name>/{stainless.yml,openapi.(yml|json),published/}`.
 * Sources: the git mirrors under `TRIPLETS_MIRROR` (`<owner>+<name>/repo`) when set, else GitHub
 * at the pinned commits; npm versions by `npm pack`. Nothing fetched is ever committed here.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configuredMethods, specRoutes } from './triplets/config-methods.js';
import { materialise, type TripletFiles } from './triplets/materialise.js';
import { MoveError, moveCustomCode } from './triplets/move.js';
import { readPins, type Triplet } from './triplets/pins.js';
import { type MoveOutcome, renderReport, type TripletOutcome } from './triplets/report.js';
import { type AgainstReport, inferredCallPaths, scoreTriplet } from './triplets/score.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = process.env['TRIPLETS_CACHE'] ?? join(ROOT, 'node_modules/.cache/sdkgen-triplets');
const MIRROR = process.env['TRIPLETS_MIRROR'];
const PINS = join(ROOT, 'bench/stainless-triplets.json');
const REPORT = join(ROOT, 'bench/stainless-surface.md');

const [command, ...names] = process.argv.slice(2);
const all = readPins(PINS);
const unknown = names.filter((name) => !all.some((triplet) => triplet.name === name));
if (unknown.length > 0 || (command !== 'fetch' && command !== 'measure')) {
  console.error(`usage: npx tsx bench/stainless-triplets.ts fetch|measure [${all.map((t) => t.name).join('|')}…]`);
  if (unknown.length > 0) console.error(`unknown triplet: ${unknown.join(', ')}`);
  process.exit(2);
}
const chosen = names.length === 0 ? all : all.filter((triplet) => names.includes(triplet.name));

if (command === 'fetch') {
  for (const triplet of chosen) {
    const files = materialise(CACHE, triplet, MIRROR);
    console.log(`${triplet.name}: ${dirname(files.config)}`);
  }
} else {
  const outcomes: TripletOutcome[] = [];
  for (const triplet of chosen) {
    const outcome = await measure(triplet);
    outcomes.push(outcome);
    const score = outcome.score;
    console.log(
      score === undefined
        ? `${triplet.name}: not measured: ${outcome.failure}`
        : `${triplet.name}: ${score.all}/${score.methods} methods right on all four counts, ${score.callPath} with the call path`,
    );
  }
  const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'generator') !== '';
  const commit = `${sdkgenRevision()}${dirty ? ' (with uncommitted changes to generator/)' : ''}`;
  const report = renderReport(outcomes, {
    date: new Date().toISOString().slice(0, 10),
    commit,
    command: `npx tsx bench/stainless-triplets.ts measure${names.length === 0 ? '' : ` ${names.join(' ')}`}`,
  });
  writeFileSync(REPORT, report);
  console.log(`wrote ${REPORT}`);
}

function git(...args: string[]): string {
  return execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' }).trim();
}

/**
 * The commit measured. One that merges branches main does not have yet (a measurement made
 * before they land) names each with the newest of its commits it includes.
 */
function sdkgenRevision(): string {
  const head = git('rev-parse', '--short', 'HEAD');
  try {
    const merged: string[] = [];
    const main = git('rev-parse', '--short', 'main');
    for (const branch of git('branch', '--format=%(refname:short)', '--no-merged', 'main').split('\n')) {
      if (branch === '' || branch.startsWith('(')) continue;
      const included = git('merge-base', 'HEAD', branch);
      if (git('merge-base', 'main', branch) !== included)
        merged.push(`${branch}@${git('rev-parse', '--short', included)}`);
    }
    return merged.length === 0 ? head : `${head} (main@${main} with ${merged.join(', ')})`;
  } catch {
    // No branch called main: the commit alone says it.
    return head;
  }
}

function published(triplet: Triplet): string {
  const sdk = triplet.published;
  return sdk.kind === 'npm' ? `${sdk.spec} (npm)` : `${sdk.version} (${sdk.repo}@${sdk.commit.slice(0, 7)})`;
}

async function measure(triplet: Triplet): Promise<TripletOutcome> {
  const files = materialise(CACHE, triplet, MIRROR);
  const base = { name: triplet.name, published: published(triplet) };
  const generated = await against(files, true);
  if (typeof generated === 'string') return { ...base, failure: generated };
  // With the published custom code moved onto the generated client, that client is the one compared.
  const moved = triplet.move === undefined ? undefined : await moveAndCompare(files, triplet.move, generated);
  const withConfig = moved?.report ?? generated;
  const score = scoreTriplet({
    name: triplet.name,
    report: withConfig,
    configured: configuredMethods(readFileSync(files.config, 'utf8')),
    specRoutes: specRoutes(readFileSync(files.spec, 'utf8')),
    known: triplet.known,
  });
  // The same spec without the config: what sdkgen's inferred names alone give.
  const inferred = await against(files, false);
  return {
    ...base,
    score,
    inferredCallPath: typeof inferred === 'string' ? inferred : inferredCallPaths(inferred),
    move: moved?.outcome,
  };
}

/** The move of the custom code (bench/triplets/move.ts), and the published methods it brings that the generated client alone lacks. */
async function moveAndCompare(
  files: TripletFiles,
  move: NonNullable<Triplet['move']>,
  generated: AgainstReport,
): Promise<{ report?: AgainstReport; outcome: MoveOutcome }> {
  let client: ReturnType<typeof moveCustomCode>;
  try {
    client = moveCustomCode(ROOT, files, move);
  } catch (error) {
    if (!(error instanceof MoveError)) throw error;
    return { outcome: { why: move.why, failure: error.message } };
  }
  try {
    const report = await against(files, true, client.folder);
    if (typeof report === 'string') return { outcome: { why: move.why, failure: report } };
    const right = (r: AgainstReport): Set<string> =>
      new Set(r.methods.filter((m) => m.status === 'same' && (m.differences ?? []).length === 0).map((m) => m.call));
    const before = right(generated);
    const brought = [...right(report)].filter((call) => !before.has(call));
    return { report, outcome: { why: move.why, patch: move.patch, patchLines: client.patchLines, brought } };
  } finally {
    client.dispose();
  }
}

/**
 * `sdkgen diff --against` as JSON, generating with the config or without it, or comparing the
 * client folder `client` as it is on disk; a string says why it failed.
 */
async function against(files: TripletFiles, withConfig: boolean, client?: string): Promise<AgainstReport | string> {
  const diff = await run(process.execPath, [
    join(ROOT, 'bin/sdkgen.js'),
    'diff',
    '--against',
    files.published,
    ...(withConfig ? ['--stainless', files.config] : []),
    ...(client === undefined ? [] : ['--client', client]),
    '--format',
    'json',
    files.spec,
  ]);
  try {
    return JSON.parse(diff.stdout) as AgainstReport;
  } catch {
    const first = diff.stderr.split('\n').find((line) => line.includes(' error ')) ?? diff.stderr.split('\n')[0] ?? '';
    // Paths into the cache say nothing to a reader of the report: keep the file's name.
    return `sdkgen diff exited ${diff.code}: ${first.replace(/[^\s:]*\/(?=(stainless\.yml|openapi\.(yml|json)))/g, '').slice(0, 200)}`;
  }
}

function run(command: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}
