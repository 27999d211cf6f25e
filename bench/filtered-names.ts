/**
 * Does filtering rename what it keeps? openai.yaml (../shared/specs) filtered to each of its tags
 * in turn (`include: tag:<name>`), model only: the kept methods' calls and the kept types' names,
 * against the whole client's. `npx tsx bench/filtered-names.ts`; figures in bench/README.md.
 */
import { join } from 'node:path';
import { loadSpec } from '../generator/load/load-spec.js';
import { buildModel } from '../generator/model/build-model.js';
import type { ApiModel } from '../generator/model/model.js';
import { filterOf } from '../generator/model/selectors.js';
import { planOf } from '../generator/plan/plan.js';

const SPEC = join(import.meta.dirname, '../../shared/specs/openai.yaml');
const loaded = loadSpec(SPEC, { deferRefErrors: true });
const calls = (model: ApiModel) =>
  new Map(
    planOf(model).methods.map((m) => [`${m.http} ${m.path}${m.fixedQuery === '' ? '' : `?${m.fixedQuery}`}`, m.call]),
  );
const whole = buildModel(loaded).model;
const wholeCalls = calls(whole);
const wholeTypes = new Set(whole.schemas.map((s) => s.name));

const paths = (loaded.root.value as { paths: Record<string, Record<string, { tags?: unknown }>> }).paths;
const tags = [
  ...new Set(
    Object.values(paths).flatMap((item) =>
      Object.values(item).flatMap((op) => (Array.isArray(op?.tags) ? (op.tags as string[]) : [])),
    ),
  ),
];
let methods = 0;
let types = 0;
const moved: string[] = [];
let typesMoved = 0;
for (const tag of tags) {
  const model = buildModel(loaded, undefined, filterOf([`tag:${tag}`], [])).model;
  for (const [route, call] of calls(model)) {
    methods++;
    if (wholeCalls.get(route) !== call)
      moved.push(`  ${tag}: ${route}: ${call} (whole client: ${wholeCalls.get(route)})`);
  }
  for (const schema of model.schemas) {
    types++;
    if (!wholeTypes.has(schema.name)) typesMoved++;
  }
}
console.log(`openai.yaml, ${tags.length} tags one at a time:`);
console.log(`  kept methods named otherwise than in the whole client: ${moved.length} of ${methods}`);
console.log(`  kept types not named as in the whole client: ${typesMoved} of ${types}`);
for (const line of moved) console.log(line);
