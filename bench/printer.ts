// What the writer fast path (generator/emit/writer-fast-path.ts) saves, and proof that it prints the
// same text: `npx tsx bench/printer.ts [spec] [rounds]`. Emits the spec's sources with code-block-writer's
// own constructor and methods, then with the fast path, alternating in one process (the same load
// for both), and reports the emit's CPU time per arm and whether every file came out the same.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { CodeBlockWriter } from 'ts-morph';

const spec = process.argv[2] ?? '../shared/specs/openai.yaml';
const rounds = Number(process.argv[3] ?? 5);
const require = createRequire(import.meta.url);
const writerModule = createRequire(require.resolve('ts-morph'))('code-block-writer') as {
  default: typeof CodeBlockWriter;
};
const METHODS = ['_updateInternalState', '_writeIndentingNewLines', 'isLastNewLine'] as const;
type Arm = { readonly writer: typeof CodeBlockWriter; readonly methods: readonly unknown[] };
const proto = writerModule.default.prototype as unknown as Record<string, unknown>;
const armNow = (): Arm => ({ writer: writerModule.default, methods: METHODS.map((name) => proto[name]) });
const use = (arm: Arm): void => {
  writerModule.default = arm.writer;
  METHODS.forEach((name, i) => {
    proto[name] = arm.methods[i];
  });
};

const library = armNow();
// Importing the emitters puts the fast path in (print-module.ts).
const { emitSources } = await import('../generator/emit/emit-package.js');
const { loadSpec } = await import('../generator/load/load-spec.js');
const { buildModel } = await import('../generator/model/build-model.js');
const fast = armNow();
if (fast.writer === library.writer) throw new Error('the writer fast path did not install');

const { model } = buildModel(loadSpec(spec, { deferRefErrors: true }));
const emit = (arm: Arm): { cpu: number; hash: string } => {
  use(arm);
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
  for (const [name, arm] of round % 2 === 0
    ? ([
        ['library', library],
        ['fast', fast],
      ] as const)
    : ([
        ['fast', fast],
        ['library', library],
      ] as const)) {
    const { cpu, hash } = emit(arm);
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
