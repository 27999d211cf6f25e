/**
 * `npx tsx bench/numbered-names.ts [filter…]`: how many exported names sdkgen had to number (the
 * `name-numbered` warnings: every name by role was taken) on the sweep corpus, per spec and in
 * all. Reads the packages `npm run sweep` keeps in node_modules/.cache/sdkgen-sweep (or
 * SWEEP_CACHE); run the sweep once first. Builds the model only: no emit, no type-check.
 */
import type { ResourceModel } from '../generator/model/model.js';
import { corpusModels } from './corpus-models.js';

const filters = process.argv.slice(2);
let specs = 0;
let types = 0;
let functions = 0;
for (const { id, built } of corpusModels(filters)) {
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
console.log(`${specs} specs: ${types} type names and ${functions} function names numbered.`);
