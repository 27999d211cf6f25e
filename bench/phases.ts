// Where generation time and memory go, phase by phase: `npx tsx bench/phases.ts [spec]`.
// CPU time is the figure to compare on a shared machine (wall time counts the other tenants too);
// memory is the resident set and the live heap after each phase.
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const spec = process.argv[2] ?? '../shared/specs/openai.yaml';
const out = '/tmp/sdkgen-phases';
const rows: string[] = [];
let lastWall = performance.now();
let lastCpu = process.cpuUsage();
let peakRss = 0;
const mark = (phase: string): void => {
  const wall = performance.now() - lastWall;
  const cpu = process.cpuUsage(lastCpu);
  const { rss, heapUsed } = process.memoryUsage();
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0).padStart(5)} MB`;
  rows.push(
    `| ${phase} | ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s | ${(wall / 1000).toFixed(2)} s | ${mb(rss)} | ${mb(heapUsed)} |`,
  );
  lastWall = performance.now();
  lastCpu = process.cpuUsage();
};

const { loadSpec } = await import('../generator/load/load-spec.js');
const { buildModel } = await import('../generator/model/build-model.js');
const { formatDiagnostic } = await import('../generator/diagnostics.js');
const { emitSources } = await import('../generator/emit/emit-package.js');
const { sortByPath } = await import('../generator/emit/finish-package.js');
const { apiReportFile } = await import('../generator/emit/files/api-report-file.js');
const { compileDist } = await import('../generator/emit/compile-dist.js');
const { planOutput, writeOutput } = await import('../generator/write/write-output.js');
mark('import generator (yaml, oxc)');
const loaded = loadSpec(spec, { deferRefErrors: true });
mark('load (parse, $refs, key checks)');
const { model, diagnostics } = buildModel(loaded);
mark('model');
const warnings = diagnostics.map((d) => formatDiagnostic(d, loaded.sourceText));
mark(`format ${warnings.length} warnings`);
const sources = emitSources(model, 'bench');
mark(`emit ${sources.length} source files (printer, docs)`);
const dist = compileDist(sources);
mark(`compile ${dist.length} dist/ files (oxc)`);
// The rest of what emitPackage does, as the CLI runs it.
const files = sortByPath([...sources, apiReportFile(model.client.packageName, 'bench', dist), ...dist]);
mark('API report (api-report.md)');
rmSync(out, { recursive: true, force: true });
writeOutput(out, planOutput(out, files));
mark(`write ${files.length} files`);
console.log(
  `${spec}: ${files.length} files, ${(files.reduce((n, f) => n + f.contents.length, 0) / 1e6).toFixed(1)} M characters`,
);
console.log('| phase | CPU | wall | RSS after | heap after |\n| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log(`peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`);
rmSync(out, { recursive: true, force: true });
