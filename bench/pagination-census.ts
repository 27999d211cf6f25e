/**
 * How many list operations of the sweep corpus sdkgen paginates: `npx tsx bench/pagination-census.ts [filter…]`
 * models every spec of bench/corpus.json (fetched by `npm run sweep` into its cache) and prints,
 * as JSON lines and a total, the GETs whose answer is a list (an array, or an object around an
 * array), how many are paginated, how, and why the others are not. Run at two commits
 * (a `git worktree`) to compare; bench/pagination-census.md keeps the last comparison.
 *
 * "A list" is judged here, by the same simple test at every commit: the response (after `$ref`s
 * and `allOf`s) is an array, or an object with an array property, not counting `warnings` or
 * `errors`. Each spec is modelled in a child process, so that a spec that fails costs only itself.
 *
 * Each spec's line also names every list and how it pages (`schemes`: `GET /tasks` → the scheme
 * as JSON, or `not paginated: why`); `npx tsx bench/pagination-changes.ts before.jsonl after.jsonl`
 * lists those that changed between two runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const CACHE = process.env['SWEEP_CACHE'] ?? join(ROOT, 'node_modules/.cache/sdkgen-sweep');

interface Counts {
  readonly id: string;
  readonly lists: number;
  readonly paginated: number;
  readonly byHow: Record<string, number>;
  readonly reasons: Record<string, number>;
  /** Every list, `GET /path` → how it pages: its scheme as JSON, or `not paginated: <why>`. */
  readonly schemes?: Record<string, string>;
  readonly error?: string;
}

if (process.argv[2] === '--one') {
  process.stdout.write(JSON.stringify(await censusOf(process.argv[3] as string, process.argv[4] as string)));
} else {
  main();
}

function main(): void {
  const filters = process.argv.slice(2);
  const corpus = JSON.parse(readFileSync(join(ROOT, 'bench/corpus.json'), 'utf8')) as {
    packages: { name: string; version: string; specs: string[] }[];
  };
  const totals = { specs: 0, lists: 0, paginated: 0, failed: 0 };
  const byHow: Record<string, number> = {};
  const reasons: Record<string, number> = {};
  for (const pkg of corpus.packages) {
    const dir = join(CACHE, `${pkg.name.replace('/', '+')}@${pkg.version}`, 'package');
    if (!existsSync(dir)) throw new Error(`${dir} is missing: run \`npm run sweep\` once to fetch the corpus`);
    for (const path of pkg.specs) {
      const id = `${pkg.name}:${path}`;
      if (filters.length > 0 && !filters.some((f) => id.includes(f))) continue;
      let counts: Counts;
      try {
        const out = execFileSync(
          process.execPath,
          ['--max-old-space-size=8192', '--import', 'tsx', import.meta.filename, '--one', id, join(dir, path)],
          { cwd: process.cwd(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
        );
        counts = JSON.parse(out) as Counts;
      } catch (error) {
        counts = { id, lists: 0, paginated: 0, byHow: {}, reasons: {}, error: String(error).slice(0, 120) };
      }
      console.log(JSON.stringify(counts));
      totals.specs++;
      if (counts.error !== undefined) totals.failed++;
      totals.lists += counts.lists;
      totals.paginated += counts.paginated;
      for (const [k, v] of Object.entries(counts.byHow)) byHow[k] = (byHow[k] ?? 0) + v;
      for (const [k, v] of Object.entries(counts.reasons)) reasons[k] = (reasons[k] ?? 0) + v;
    }
  }
  console.log(JSON.stringify({ totals, byHow, reasons }, null, 1));
}

async function censusOf(id: string, spec: string): Promise<Counts> {
  // Imported from the working tree this runs in, so that two commits compare.
  const { loadSpec } = await import(join(process.cwd(), 'generator/load/load-spec.ts'));
  const { buildModel } = await import(join(process.cwd(), 'generator/model/build-model.ts'));
  type Type = {
    kind: string;
    name?: string;
    items?: Type;
    members?: Type[];
    properties?: { name: string; type: Type }[];
  };
  type Op = {
    method: string;
    path: string;
    response: { type?: Type; format: string };
    pagination?: {
      inferred: boolean;
      declaredBy?: string;
      pageClass: { scheme: { type: string; [key: string]: unknown } };
    };
    unpaginated?: string;
  };
  type Resource = { operations: Op[]; children: Resource[] };
  const { model } = buildModel(loadSpec(spec)) as {
    model: { root: Resource; schemas: { name: string; type: Type }[] };
  };
  const named = new Map(model.schemas.map((s) => [s.name, s.type]));
  const resolve = (type: Type | undefined, depth = 0): Type | undefined =>
    type?.kind === 'ref' && depth < 32 ? resolve(named.get(type.name ?? ''), depth + 1) : type;
  const propertiesOf = (type: Type | undefined, depth = 0): { name: string; type: Type }[] | undefined => {
    const t = resolve(type);
    if (t?.kind === 'object') return t.properties ?? [];
    if (t?.kind === 'intersection' && depth < 8) {
      const parts = (t.members ?? []).map((m) => propertiesOf(m, depth + 1));
      return parts.every((p) => p !== undefined) ? parts.flat() : undefined;
    }
    return undefined;
  };
  const ITEMS = new Set(['data', 'items', 'results', 'records', 'entries', 'values', 'value', 'collection']);
  const PAGING =
    /^(has_?more|has_?next(_?page)?|next(_?(cursor|page(_?token)?|token|url|link|href))?|cursor|last_?id|total(_?count)?|offset|total_?pages|page_?count|@?odata\.nextLink)$/i;
  // A list: an array, or an object around one under a list's name, or beside paging fields.
  const isList = (type: Type | undefined, depth = 0): boolean => {
    const t = resolve(type);
    if (t === undefined || depth > 4) return false;
    if (t.kind === 'array') return true;
    if (t.kind === 'union') return (t.members ?? []).some((m) => isList(m, depth + 1));
    const properties = propertiesOf(t);
    if (properties === undefined) return false;
    const arrays = properties.filter(
      (p) => !['warnings', 'errors'].includes(p.name) && resolve(p.type)?.kind === 'array',
    );
    return (
      arrays.some((p) => ITEMS.has(p.name)) || (arrays.length === 1 && properties.some((p) => PAGING.test(p.name)))
    );
  };
  const all = (r: Resource): Op[] => [...r.operations, ...r.children.flatMap(all)];
  const lists = all(model.root).filter(
    (op) => op.method === 'get' && op.response.format === 'json' && isList(op.response.type),
  );
  const byHow: Record<string, number> = {};
  const reasons: Record<string, number> = {};
  const schemes: Record<string, string> = {};
  for (const op of lists) {
    schemes[`${op.method.toUpperCase()} ${op.path}`] =
      op.pagination === undefined
        ? `not paginated: ${op.unpaginated ?? 'no reason given'}`
        : JSON.stringify(op.pagination.pageClass.scheme);
    if (op.pagination !== undefined) {
      const how = `${op.pagination.pageClass.scheme.type} (${op.pagination.inferred ? 'inferred' : (op.pagination.declaredBy ?? 'x-sdkgen-pagination')})`;
      byHow[how] = (byHow[how] ?? 0) + 1;
    } else {
      const reason = (op.unpaginated ?? 'no reason given').replace(/"[^"]*"/g, '"…"');
      reasons[reason] = (reasons[reason] ?? 0) + 1;
    }
  }
  return {
    id,
    lists: lists.length,
    paginated: lists.filter((op) => op.pagination !== undefined).length,
    byHow,
    reasons,
    schemes,
  };
}
