// What printing costs: `npx tsx bench/printer.ts [spec] [rounds]`. Emits the spec's sources with our
// printer (generator/emit/print/) round after round in one process, and reports the emit's CPU
// per round, how many code-block-writers made text (one per printed module, but for writer
// functions that could not be replayed), and whether every round printed the same files. Run it in
// two trees alternately to compare printers; bench/profile.md, "Printer of our own".
import { createHash } from 'node:crypto';
import CodeBlockWriter from 'code-block-writer';
import { emitSources } from '../generator/emit/emit-package.js';
import { loadSpec } from '../generator/load/load-spec.js';
import { buildModel } from '../generator/model/build-model.js';

const spec = process.argv[2] ?? '../shared/specs/openai.yaml';
const rounds = Number(process.argv[3] ?? 5);

// Counted by their `toString`: each writer is read once, when its text is taken.
let writers = 0;
const proto = CodeBlockWriter.prototype as unknown as { toString(this: CodeBlockWriter): string };
const toText = proto.toString;
proto.toString = function (this: CodeBlockWriter): string {
  writers++;
  return toText.call(this);
};

const { model } = buildModel(loadSpec(spec, { deferRefErrors: true }));
const times: number[] = [];
const hashes = new Set<string>();
let files = 0;
for (let round = 0; round < rounds; round++) {
  writers = 0;
  const start = process.cpuUsage();
  const sources = emitSources(model, 'bench');
  const used = process.cpuUsage(start);
  times.push((used.user + used.system) / 1e3);
  const hash = createHash('sha1');
  for (const file of sources) hash.update(`${file.path}\0${file.contents}\0`);
  hashes.add(hash.digest('hex'));
  files = sources.length;
}
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log(`${spec}: ${files} files, ${writers} writers read per emit`);
console.log(`emit CPU per round (ms): ${times.map((t) => t.toFixed(0)).join(' ')}; median ${median(times).toFixed(0)}`);
console.log(`output ${hashes.size === 1 ? 'the same every round' : 'DIFFERS between rounds'}`);
if (hashes.size !== 1) process.exitCode = 1;
