// Which operations of a spec are paginated, and how: `npx tsx bench/pagination-report.ts [spec]`
import { loadSpec } from '../generator/load/load-spec.js';
import { buildModel } from '../generator/model/build-model.js';
import type { OperationModel, ResourceModel } from '../generator/model/model.js';

const { model } = buildModel(loadSpec(process.argv[2] ?? '../shared/specs/openai.yaml'));
const lookup = new Map(model.schemas.map((s) => [s.name, s]));
const walk = (r: ResourceModel): [string, OperationModel][] => [
  ...r.operations.map((o): [string, OperationModel] => [[...r.path, o.name].join('.'), o]),
  ...r.children.flatMap(walk),
];
const fieldsOf = (o: OperationModel): string[] => {
  let t = o.response.type;
  for (let i = 0; t?.kind === 'ref' && i < 5; i++) t = lookup.get(t.name)?.type;
  return t?.kind === 'object' ? t.properties.map((p) => p.name) : [];
};
const byClass = new Map<string, string[]>();
const missed: string[] = [];
for (const [path, o] of walk(model.root)) {
  if (o.pagination !== undefined)
    byClass.set(o.pagination.pageClass.name, [...(byClass.get(o.pagination.pageClass.name) ?? []), path]);
  else if (o.method === 'get' && fieldsOf(o).includes('data') && fieldsOf(o).includes('has_more'))
    missed.push(`${path} (${o.queryParams.map((p) => p.name).join(',')})`);
}
for (const pageClass of model.pageClasses)
  console.log(
    pageClass.name,
    JSON.stringify(pageClass.scheme),
    '\n  ',
    (byClass.get(pageClass.name) ?? []).length,
    'operations, e.g.',
    (byClass.get(pageClass.name) ?? []).slice(0, 3).join(', '),
  );
console.log(`data + has_more but not paginated: ${missed.length}`, missed);
