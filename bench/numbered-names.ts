/**
 * `npx tsx bench/numbered-names.ts [filter…]`: how many exported names sdkgen had to number (the
 * `name-numbered` warnings: every name by role was taken) on the sweep corpus, per spec and in
 * all. Reads the packages `npm run sweep` keeps in node_modules/.cache/sdkgen-sweep (or
 * SWEEP_CACHE); run the sweep once first. Builds the model only: no emit, no type-check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../generator/load/load-spec.js';
import { buildModel } from '../generator/model/build-model.js';
import type { ResourceModel } from '../generator/model/model.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = process.env['SWEEP_CACHE'] ?? join(ROOT, 'node_modules/.cache/sdkgen-sweep');
const corpus = JSON.parse(readFileSync(join(ROOT, 'bench/corpus.json'), 'utf8')) as {
  packages: { name: string; version: string; specs: string[] }[];
};
const filters = process.argv.slice(2);
let specs = 0;
let types = 0;
let functions = 0;
for (const pkg of corpus.packages) {
  const dir = join(CACHE, `${pkg.name.replace('/', '+')}@${pkg.version}`, 'package');
  if (!existsSync(dir)) throw new Error(`${dir} is missing: run \`npm run sweep\` once first.`);
  for (const path of pkg.specs) {
    const id = `${pkg.name}:${path}`;
    if (filters.length > 0 && !filters.some((f) => id.includes(f))) continue;
    let built: ReturnType<typeof buildModel>;
    try {
      built = buildModel(loadSpec(join(dir, path)));
    } catch {
      continue; // refused specs are the sweep's business
    }
    specs++;
    const functionNames = new Set<string>();
    const walk = (resource: ResourceModel): void => {
      for (const op of resource.operations) functionNames.add(op.functionName);
      resource.children.forEach(walk);
    };
    walk(built.model.root);
    const numbered = built.diagnostics
      .filter((d) => d.code === 'name-numbered')
      .map((d) => d.message.split(' ')[0] ?? '');
    const fns = numbered.filter((name) => functionNames.has(name));
    types += numbered.length - fns.length;
    functions += fns.length;
    if (numbered.length > 0) console.log(`${id}: ${numbered.join(' ')}`);
  }
}
console.log(`${specs} specs: ${types} type names and ${functions} function names numbered.`);
