// Cost of writing a whole generated package into an empty folder: `npx tsx bench/write-phase.ts [spec]`
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { generate } from '../generator/generate.js';
import { planOutput, writeOutput } from '../generator/write/write-output.js';

const { files } = generate({ spec: process.argv[2] ?? '../shared/specs/openai.yaml', out: '/tmp/sdkgen-write-bench' });
for (let i = 0; i < 3; i++) {
  rmSync('/tmp/sdkgen-write-bench', { recursive: true, force: true });
  let start = performance.now();
  const plan = planOutput('/tmp/sdkgen-write-bench', files);
  const planned = performance.now() - start;
  start = performance.now();
  writeOutput('/tmp/sdkgen-write-bench', plan);
  console.log(
    `${files.length} files: plan ${planned.toFixed(0)} ms, write ${(performance.now() - start).toFixed(0)} ms`,
  );
}
