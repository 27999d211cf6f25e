// What the printer costs, and whether the writer fast path (generator/emit/writer-fast-path.ts) still
// pays on it: `npx tsx bench/printer.ts [spec] [rounds]`. Emits the spec's sources with our printer
// (generator/emit/print/) on code-block-writer's own methods, then with the fast path's, alternating
// in one process (the same load for both), and reports the emit's CPU time per arm and whether
// every file came out the same.
import { createHash } from 'node:crypto';
import CodeBlockWriter from 'code-block-writer';
import { emitSources } from '../generator/emit/emit-package.js';
import { installWriterFastPath } from '../generator/emit/writer-fast-path.js';
import { loadSpec } from '../generator/load/load-spec.js';
import { buildModel } from '../generator/model/build-model.js';

const spec = process.argv[2] ?? '../shared/specs/openai.yaml';
const rounds = Number(process.argv[3] ?? 5);
const METHODS = ['_updateInternalState', '_writeIndentingNewLines', 'isLastNewLine'] as const;
const proto = CodeBlockWriter.prototype as unknown as Record<string, unknown>;
const methodsNow = (): unknown[] => METHODS.map((name) => proto[name]);
const use = (methods: readonly unknown[]): void => {
  METHODS.forEach((name, i) => {
    proto[name] = methods[i];
  });
};
const library = methodsNow();
if (!installWriterFastPath()) throw new Error('the writer fast path did not install');
const fast = methodsNow();

const { model } = buildModel(loadSpec(spec, { deferRefErrors: true }));
const emit = (methods: readonly unknown[]): { cpu: number; hash: string } => {
  use(methods);
  const start = process.cpuUsage();
  const files = emitSources(model, 'bench');
  const used = process.cpuUsage(start);
  const hash = createHash('sha1');
  for (const file of files) hash.update(`${file.path}\0${file.contents}\0`);
  return { cpu: (used.user + used.system) / 1e3, hash: hash.digest('hex') };
};
const times = { library: [] as number[], fast: [] as number[] };
const hashes = new Set<string>();
for (let round = 0; round < rounds; round++) {
  const arms = [
    ['library', library],
    ['fast', fast],
  ] as const;
  for (const [name, methods] of round % 2 === 0 ? arms : [...arms].reverse()) {
    const { cpu, hash } = emit(methods);
    times[name].push(cpu);
    hashes.add(hash);
  }
}
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log(`${spec}, ${rounds} rounds, emit CPU per run (ms):`);
console.log(
  `library writer: ${times.library.map((t) => t.toFixed(0)).join(' ')}, median ${median(times.library).toFixed(0)}`,
);
console.log(
  `fast path:      ${times.fast.map((t) => t.toFixed(0)).join(' ')}, median ${median(times.fast).toFixed(0)}`,
);
console.log(
  `ratio ${(median(times.fast) / median(times.library)).toFixed(2)}; output ${hashes.size === 1 ? 'identical' : 'DIFFERS'}`,
);
if (hashes.size !== 1) process.exitCode = 1;
