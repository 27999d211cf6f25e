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
}

// Loaded into the child with --import: prints its peak RSS when it exits, whatever it is.
const REPORT_PEAK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\n@@peak '+process.resourceUsage().maxRSS+'\\n'))`;

/** Runs `node args…` once; throws with its output if it fails. */
export function runNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Run {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', REPORT_PEAK, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
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
  const middle = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return { label, seconds: middle(results.map((r) => r.seconds)), peakMB: middle(results.map((r) => r.peakMB)), runs };
}

export function printTable(title: string, rows: readonly Summary[]): void {
  console.log(`\n${title}`);
  for (const row of rows) {
    const memory = Number.isNaN(row.peakMB) ? '' : `  peak ${row.peakMB.toFixed(0).padStart(4)} MB`;
    console.log(`  ${row.label.padEnd(58)} ${row.seconds.toFixed(2).padStart(6)} s${memory}  (median of ${row.runs})`);
  }
}

export function ratio(label: string, ours: Summary, theirs: Summary, target?: number): string {
  const value = ours.seconds / theirs.seconds;
  const verdict = target === undefined ? '' : value <= target ? '  ✓ within target' : `  ✗ target ≤ ${target.toFixed(2)}×`;
  return `  ${label.padEnd(58)} ${value.toFixed(2)}×${verdict}`;
}
