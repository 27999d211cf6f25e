// The YAML reader's positions, before and after, in turns: `npx tsx bench/yaml-positions.ts <before-checkout> [spec] [rounds]`.
// The before checkout must sit inside this one (e.g. `git archive <commit> generator | tar -x -C .bench-before`)
// so that it finds these node_modules. Each round runs, in a fresh process for each checkout: the
// worker's path (`loadSpec` then `buildModel`, cold) and, in another, one cold `parseSpecFile`
// then its median over 15 warm runs; times are the process's CPU (user + system, GC threads included).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [, , first, second, third] = process.argv;

if (first === '--child') {
  const [root, spec, mode] = [second as string, third as string, process.argv[5] as string];
  const cpu = (): number => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const from = (path: string) => import(pathToFileURL(resolve(root, path)).href);
  if (mode === 'model') {
    const { loadSpec } = await from('generator/load/load-spec.ts');
    const { buildModel } = await from('generator/model/build-model.ts');
    const start = cpu();
    const loaded = loadSpec(spec);
    const loadedAt = cpu();
    buildModel(loaded);
    console.log(JSON.stringify({ load: loadedAt - start, model: cpu() - loadedAt }));
  } else {
    const { parseSpecFile } = await from('generator/load/yaml-file.ts');
    const text = readFileSync(spec, 'utf8');
    const start = cpu();
    parseSpecFile(spec, 'spec', text);
    const cold = cpu() - start;
    const warm: number[] = [];
    for (let i = 0; i < 15; i++) {
      const at = performance.now();
      parseSpecFile(spec, 'spec', text);
      warm.push(performance.now() - at);
    }
    warm.sort((a, b) => a - b);
    console.log(JSON.stringify({ cold, warm: warm[7] }));
  }
} else {
  const before = resolve(first ?? '.bench-before');
  const spec = resolve(second ?? '../shared/specs/openai.yaml');
  const rounds = Number(third ?? 6);
  const results = new Map<string, number[]>();
  const run = (label: string, root: string, mode: string): void => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', root, spec, mode], {
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(child.stderr);
    for (const [key, value] of Object.entries(JSON.parse(child.stdout) as Record<string, number>))
      results.set(`${label} ${key}`, [...(results.get(`${label} ${key}`) ?? []), value]);
  };
  for (let round = 0; round < rounds; round++)
    for (const mode of ['parse', 'model'])
      for (const [label, root] of [
        ['before', before],
        ['after', resolve('.')],
      ] as const)
        run(label, root, mode);
  for (const [key, values] of [...results].sort()) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(
      `${key.padEnd(14)} median ${sorted[sorted.length >> 1]?.toFixed(0)} ms  (${values.map((v) => v.toFixed(0)).join(' ')})`,
    );
  }
}
