/**
 * One cold read of a YAML spec, as the CLI's model worker makes it (one read per process, so
 * the JIT's warm-up counts), by the scanner (yaml-scan.ts) and by js-yaml's events with the
 * builder (yaml-events.ts) in turns, each in a fresh process: the read's wall time and the
 * process's CPU over it (user + system, the GC's threads included), medians over the rounds.
 * `npx tsx bench/yaml-scan-cold.ts [spec] [rounds]` (default openai.yaml, 8 rounds).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const [, , first, second, third] = process.argv;

if (first === '--child') {
  const [reader, spec] = [second as string, third as string];
  const { readYamlBlock } = await import('../generator/load/yaml-scan.js');
  const { readYamlFast } = await import('../generator/load/yaml-events.js');
  const read = reader === 'scanner' ? readYamlBlock : readYamlFast;
  const text = readFileSync(spec, 'utf8');
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const result = read(text);
  const wall = performance.now() - start;
  const { user, system } = process.cpuUsage(cpuBefore);
  if (result === undefined) throw new Error(`${reader} did not read ${spec}`);
  console.log(JSON.stringify({ wall, cpu: (user + system) / 1000 }));
} else {
  const spec = resolve(first ?? '../shared/specs/openai.yaml');
  const rounds = Number(second ?? 8);
  const readers = ['events', 'scanner'] as const;
  const results = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++)
    for (const reader of round % 2 === 0 ? readers : [...readers].reverse()) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', reader, spec], {
        encoding: 'utf8',
      });
      if (child.status !== 0) throw new Error(child.stderr);
      for (const [key, value] of Object.entries(JSON.parse(child.stdout) as Record<string, number>))
        results.set(`${reader} ${key}`, [...(results.get(`${reader} ${key}`) ?? []), value]);
    }
  const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
  console.log(`${spec}, ${rounds} rounds, a fresh process per read`);
  for (const [key, values] of [...results].sort())
    console.log(
      `${key.padEnd(14)} median ${median(values).toFixed(0).padStart(4)} ms  (${values.map((v) => v.toFixed(0)).join(' ')})`,
    );
}
