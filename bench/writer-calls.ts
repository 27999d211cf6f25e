// How many calls the emit makes on code-block-writer, and how many pieces its writers join, in
// one emit of a spec: `npx tsx bench/writer-calls.ts [spec]`. The writer's cost is per call (a
// split into lines, checks of its state, a piece kept until the module's text is joined) more
// than per character, so the count is a figure a shared machine cannot blur (bench/profile.md).
import CodeBlockWriter from 'code-block-writer';
import { sourcesAsMade } from '../generator/emit/emit-package.js';
import { loadSpec } from '../generator/load/load-spec.js';
import { buildModel } from '../generator/model/build-model.js';

const spec = process.argv[2] ?? '../shared/specs/openai.yaml';
const COUNTED = ['write', 'writeLine', 'newLine', '_internalWrite'] as const;
const counts = new Map<string, number>(COUNTED.map((name) => [name, 0]));
const prototype = CodeBlockWriter.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
for (const name of COUNTED) {
  const method = prototype[name];
  if (method === undefined) throw new Error(`code-block-writer has no ${name}`);
  prototype[name] = function (this: unknown, ...args: unknown[]) {
    counts.set(name, (counts.get(name) ?? 0) + 1);
    return method.apply(this, args);
  };
}
const { model } = buildModel(loadSpec(spec, { deferRefErrors: true }));
let files = 0;
for (const _file of sourcesAsMade(model, 'sdkgen generate')) files++;
const calls = (counts.get('write') ?? 0) + (counts.get('writeLine') ?? 0) + (counts.get('newLine') ?? 0);
console.log(
  `${files} files: ${calls} writer calls (write ${counts.get('write')}, writeLine ${counts.get('writeLine')}, newLine ${counts.get('newLine')}), ${counts.get('_internalWrite')} pieces`,
);
