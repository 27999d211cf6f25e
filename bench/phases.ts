// Where generation time goes, phase by phase: `npx tsx bench/phases.ts [spec]`.
import { performance } from 'node:perf_hooks';

const spec = process.argv[2] ?? '../shared/specs/openai.yaml';
const times: [string, number][] = [];
let last = performance.now();
const mark = (phase: string): void => {
  const now = performance.now();
  times.push([phase, now - last]);
  last = now;
};

const { loadSpec } = await import('../generator/load/load-spec.js');
const { buildModel } = await import('../generator/model/build-model.js');
const { emitPackage } = await import('../generator/emit/emit-package.js');
const { compileDist } = await import('../generator/emit/compile-dist.js');
mark('import generator (ts-morph, yaml)');
const loaded = loadSpec(spec);
mark('load (YAML, $refs, checks)');
const { model } = buildModel(loaded);
mark('model');
const files = emitPackage(model, { command: 'bench', dist: false });
mark('emit (ts-morph)');
const dist = compileDist(files);
mark('compile dist/');
for (const [phase, ms] of times) console.log(`${phase.padEnd(36)} ${ms.toFixed(0).padStart(6)} ms`);
console.log(`${files.length} source files, ${dist.length} dist files`);
