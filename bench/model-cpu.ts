// CPU of the model worker's path to its first post (load, model, then the warnings formatted and the
// model's summary line, as model-spec.ts and model-worker.ts make them), two checkouts in turns, one
// fresh process per run: `npx tsx bench/model-cpu.ts <spec> <checkout-a> <checkout-b> [rounds]`.
// A checkout is a folder with generator/ (`git archive <rev> | tar -x -C /tmp/a`, node_modules linked).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

interface Cpu {
  readonly load: number;
  readonly model: number;
  /** The warnings formatted with their excerpts, and `describeModel`'s line (the model no longer leaves the worker). */
  readonly report: number;
}

const [spec, a, b, rounds = '5'] = process.argv.slice(2);

/** One run in this process: CPU milliseconds (user + system, so the collector's threads too) per phase. */
async function once(spec: string, checkout: string): Promise<Cpu> {
  const { loadSpec } = await import(resolve(checkout, 'generator/load/load-spec.js'));
  const { buildModel } = await import(resolve(checkout, 'generator/model/build-model.js'));
  const { formatDiagnostics } = await import(resolve(checkout, 'generator/diagnostics.js'));
  const { describeModel } = await import(resolve(checkout, 'generator/run-summary.js'));
  const cpu = (): number => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let start = cpu();
  const loaded = loadSpec(spec, { deferRefErrors: true });
  const load = cpu() - start;
  start = cpu();
  const { model, diagnostics } = buildModel(loaded);
  const model_ = cpu() - start;
  start = cpu();
  const report = formatDiagnostics(diagnostics, loaded.sourceText).length + describeModel(model).length;
  if (report === 0) throw new Error('nothing reported');
  return { load, model: model_, report: cpu() - start };
}

if (process.env['MODEL_CPU_CHILD'] !== undefined) {
  const [childSpec, checkout] = process.argv.slice(2) as [string, string];
  process.stdout.write(JSON.stringify(await once(childSpec, checkout)));
} else {
  if (spec === undefined || a === undefined || b === undefined)
    throw new Error('usage: npx tsx bench/model-cpu.ts <spec> <checkout-a> <checkout-b> [rounds]');
  const run = (checkout: string): Cpu => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, spec, resolve(checkout)], {
      env: { ...process.env, MODEL_CPU_CHILD: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(child.stderr);
    return JSON.parse(child.stdout) as Cpu;
  };
  const runs: { a: Cpu; b: Cpu }[] = [];
  for (let round = 0; round < Number(rounds); round++) {
    const pair = round % 2 === 0 ? { a: run(a), b: run(b) } : { b: run(b), a: run(a) };
    runs.push(pair);
    console.error(`round ${round + 1}: ${JSON.stringify(pair)}`);
  }
  const median = (values: number[]): number => {
    const sorted = [...values].sort((x, y) => x - y);
    const middle = sorted.length >> 1;
    return sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  };
  console.log(
    `| phase | ${a} (median ms) | ${b} (median ms) | median of per-round ratios b/a |\n| --- | --- | --- | --- |`,
  );
  for (const phase of ['load', 'model', 'report'] as const) {
    const ratio = median(runs.map((r) => r.b[phase] / r.a[phase]));
    console.log(
      `| ${phase} | ${median(runs.map((r) => r.a[phase])).toFixed(0)} | ${median(runs.map((r) => r.b[phase])).toFixed(0)} | ${ratio.toFixed(2)} |`,
    );
  }
  const total = (c: Cpu): number => c.load + c.model + c.report;
  console.log(
    `| all | ${median(runs.map((r) => total(r.a))).toFixed(0)} | ${median(runs.map((r) => total(r.b))).toFixed(0)} | ${median(runs.map((r) => total(r.b) / total(r.a))).toFixed(2)} |`,
  );
}
