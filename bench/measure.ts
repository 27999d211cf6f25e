import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** One timed run of a Node program: wall time and the child's own peak resident memory. */
export interface Run {
  readonly seconds: number;
  readonly peakMB: number;
}

export interface Summary {
  readonly label: string;
  readonly seconds: number;
  readonly peakMB: number;
  readonly runs: number;
  /** Each run's seconds, in order (for paired ratios of interleaved runs). */
  readonly each?: readonly number[];
}

// Loaded into the child with --import: prints its peak RSS when it exits, whatever it is. Node
// loads it into every worker thread too, and a worker's `exit` comes first with the process's
// peak so far: only the main thread's, at the process's end, is the run's peak (the model
// worker's early exit had made Graph's peak read 545 MB where the process's was ~850 MB).
const REPORT_PEAK = `data:text/javascript,import{isMainThread}from'node:worker_threads';if(isMainThread)process.on('exit',()=>process.stderr.write('\\n@@peak '+process.resourceUsage().maxRSS+'\\n'))`;

/** Runs `node args…` once; throws with its output if it fails. */
export function runNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Run {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', REPORT_PEAK, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} failed (${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
  const peak = /@@peak (\d+)/.exec(result.stderr)?.[1];
  return { seconds, peakMB: peak === undefined ? Number.NaN : Number(peak) / 1024 };
}

/** The median of `runs` runs (after `prepare` before each), for figures that noise moves little. */
export function median(label: string, runs: number, once: () => Run, prepare: () => void = () => {}): Summary {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    prepare();
    results.push(once());
  }
  const middle = (values: number[]): number =>
    values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return { label, seconds: middle(results.map((r) => r.seconds)), peakMB: middle(results.map((r) => r.peakMB)), runs };
}

/**
 * Several programs measured in turns, one run of each per round, `runs` rounds: on a shared
 * machine whose speed drifts, every program then sees the same drift, and the ratio of
 * round i's runs compares like with like.
 */
export function interleaved(
  runs: number,
  programs: readonly { label: string; once: () => Run; prepare?: () => void }[],
): Summary[] {
  const results = programs.map(() => [] as Run[]);
  for (let round = 0; round < runs; round++) {
    programs.forEach((program, i) => {
      program.prepare?.();
      // The files the previous program wrote or deleted go to disk now, not during this one.
      spawnSync('sync');
      results[i]?.push(program.once());
    });
  }
  const middle = (values: number[]): number =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return programs.map((program, i) => {
    const own = results[i] ?? [];
    return {
      label: program.label,
      seconds: middle(own.map((r) => r.seconds)),
      peakMB: middle(own.map((r) => r.peakMB)),
      runs,
      each: own.map((r) => r.seconds),
    };
  });
}

/** The median over rounds of ours / theirs, for interleaved runs. */
export function pairedRatio(ours: Summary, theirs: Summary): number {
  const a = ours.each ?? [];
  const b = theirs.each ?? [];
  const ratios = a.map((value, i) => value / (b[i] ?? Number.NaN)).sort((x, y) => x - y);
  return ratios[Math.floor(ratios.length / 2)] ?? Number.NaN;
}

export function printTable(title: string, rows: readonly Summary[]): void {
  console.log(`\n${title}`);
  for (const row of rows) {
    const memory = Number.isNaN(row.peakMB) ? '' : `  peak ${row.peakMB.toFixed(0).padStart(4)} MB`;
    console.log(`  ${row.label.padEnd(58)} ${row.seconds.toFixed(2).padStart(6)} s${memory}  (median of ${row.runs})`);
  }
}

export function ratio(label: string, ours: Summary, theirs: Summary, target?: number): string {
  const value =
    ours.each !== undefined && theirs.each !== undefined ? pairedRatio(ours, theirs) : ours.seconds / theirs.seconds;
  const verdict =
    target === undefined ? '' : value <= target ? '  ✓ within target' : `  ✗ target ≤ ${target.toFixed(2)}×`;
  const how = ours.each !== undefined && theirs.each !== undefined ? ' (median of per-round ratios)' : '';
  return `  ${label.padEnd(58)} ${value.toFixed(2)}×${verdict}${how}`;
}

/** The tsconfig a consumer of a generated package is type-checked with, in every bench that times tsc. */
export const CONSUMER_COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  lib: ['ES2022', 'DOM'],
  types: [],
  skipLibCheck: true,
} as const;
