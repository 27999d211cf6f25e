// How long `sdkgen generate --watch` takes to regenerate after a one-line edit of an operation's
// description: `npx tsx bench/watch.ts [spec] [edits]` (default ../shared/specs/openai.yaml, 10).
// The spec is copied to a temporary folder; each edit appends a word to a different operation's
// description. Times come from the watcher's own events: from the file written to the line
// saying the output is written ("save → written", which includes the watcher's quiet time), from
// the watcher's line saying it regenerates to that line ("regenerating → written", without the
// quiet time), and the run's own figure printed on that line ("regeneration"). CPU time is the process's over the
// span from the file written to the output written, since on a shared machine wall time depends
// on the neighbours.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../generator/cli.js';

const spec = resolve(process.argv[2] ?? '../shared/specs/openai.yaml');
const edits = Number(process.argv[3] ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'sdkgen-watch-bench-'));
const copy = join(dir, 'openapi.yaml');
copyFileSync(spec, copy);

/** Lines that open an operation's description in `paths:` (six spaces in), as line numbers to edit. */
function descriptionLines(text: string): number[] {
  const lines = text.split('\n');
  const found: number[] = [];
  let inPaths = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\S/.test(line)) inPaths = line.startsWith('paths:');
    if (!inPaths || !line.startsWith('      description: ')) continue;
    // A block scalar (`>`, `|`) is edited on its first line of text, a plain one on its own line.
    found.push(/:\s*[>|][-+]?\s*$/.test(line) ? i + 1 : i);
  }
  return found;
}

let waiting: ((line: string) => void) | undefined;
/** When the watcher said it regenerates, after its quiet time. */
let regenerating = Number.NaN;
let stop: () => void = () => {};
let watching: (() => void) | undefined;
const seen: string[] = [];
const io = {
  cwd: dir,
  out: (line: string) => {
    seen.push(line);
    if (line.includes(' written, ')) waiting?.(line);
  },
  err: (line: string) => {
    seen.push(line);
    if (line.includes('changed; regenerating')) regenerating = performance.now();
    if (line.includes('watching')) watching?.();
  },
  stopped: new Promise<void>((resolve) => {
    stop = resolve;
  }),
};
const nextRun = (): Promise<string> => new Promise((resolve) => (waiting = resolve));

const started = new Promise<void>((resolve) => (watching = resolve));
const done = main(['generate', '--watch', '--spec', 'openapi.yaml', '--out', 'out'], io);
await started;
// The first regeneration warms the watcher (JIT, caches); it is not counted.
let text = readFileSync(copy, 'utf8');
const targets = descriptionLines(text);
/** Appends a sentence to the nth target line, by offset (the bench's own work stays small). */
const save = (n: number): void => {
  const line = targets[(n * 7) % targets.length] as number;
  let end = -1;
  for (let i = 0; i <= line; i++) end = text.indexOf('\n', end + 1);
  text = `${text.slice(0, end)} Edited ${n}.${text.slice(end)}`;
  writeFileSync(copy, text);
};
const results: { wall: number; busy: number; cpu: number; run: number }[] = [];
for (let n = 0; n <= edits; n++) {
  const written = nextRun();
  const started = performance.now();
  save(n);
  const cpu = process.cpuUsage();
  const line = await written;
  const now = performance.now();
  const wall = now - started;
  const busy = now - regenerating;
  const used = process.cpuUsage(cpu);
  const run = Number(/ in ([\d.]+)s;/.exec(line)?.[1] ?? Number.NaN) * 1000;
  if (n > 0) results.push({ wall, busy, cpu: (used.user + used.system) / 1000, run });
}
stop();
await done;
rmSync(dir, { recursive: true, force: true });

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const row = (name: string, values: number[]): string =>
  `${name.padEnd(26)} median ${median(values).toFixed(0).padStart(5)} ms   max ${Math.max(...values)
    .toFixed(0)
    .padStart(5)} ms`;
console.log(`${edits} one-line description edits of ${spec}:`);
console.log(
  row(
    'save → written (wall)',
    results.map((r) => r.wall),
  ),
);
console.log(
  row(
    'regenerating → written',
    results.map((r) => r.busy),
  ),
);
console.log(
  row(
    '  CPU over save → written',
    results.map((r) => r.cpu),
  ),
);
console.log(
  row(
    'regeneration (run)',
    results.map((r) => r.run),
  ),
);
const patched = seen.filter((l) => l.includes('patched the last run')).length;
const full = seen.filter((l) => l.includes('a full run, since'));
console.log(
  `${patched} runs patched the last one, ${full.length} were full runs${full.length > 0 ? `:\n${full.join('\n')}` : ''}`,
);
