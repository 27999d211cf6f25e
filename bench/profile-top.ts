// The functions a CPU profile spent most time in, as a Markdown table:
// `npx tsx bench/profile-top.ts <file.cpuprofile> [count]` (bench/profile.ts writes one; see bench/profile.md).
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [file, count = '25'] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: npx tsx bench/profile-top.ts <file.cpuprofile> [count]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
// A function by its name and where it is: `words generator/model/names.ts`.
const where = ({ callFrame: { functionName, url } }: ProfileNode): string =>
  `${functionName || '(anonymous)'} ${url.replace(/^.*\/(generator|node_modules)\//, '$1/').replace(/^file:\/\//, '')}`.trim();
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  const node = nodes.get(id);
  if (node === undefined) return;
  total += delta;
  self.set(where(node), (self.get(where(node)) ?? 0) + delta);
});
console.log(`Total ${(total / 1e6).toFixed(1)} s sampled.\n\n| self time | share | function |\n| --- | --- | --- |`);
for (const [name, micros] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(count)))
  console.log(`| ${(micros / 1e3).toFixed(0)} ms | ${((100 * micros) / total).toFixed(1)}% | \`${name}\` |`);
