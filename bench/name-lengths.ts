/**
 * `npx tsx bench/name-lengths.ts [filter…]`: how many public names of each sweep spec end in a
 * hash, and how many call paths are longer than 120 characters; per spec (those with any) and in
 * all. Builds the model only (no emit, no type-check) from the packages `npm run sweep` keeps in
 * node_modules/.cache/sdkgen-sweep (or `SWEEP_CACHE`). `--json <file>` also writes every counted
 * name, to compare two runs. Figures are in bench/name-lengths.md.
 *
 * The public names are the resources' properties and classes, the methods, their standalone
 * functions and the operations' and schemas' exported types. A name ends in a hash when it ends
 * in the dedupe hash its operationId ends in (`-` and 4 hexadecimal characters:
 * `Get.Count.user-eace` → `getCountUserEace`), or in 4 to 8 hexadecimal characters with a digit
 * before a letter, a hash from elsewhere (`…User85b5`). A word and a number
 * (`Feed2`, `create2`) is sdkgen's own collision suffix, counted by bench/numbered-names.ts, and
 * `2fa` or `c2c` are words. A call path is `client.<resources>.<method>(`, what a caller types
 * before the arguments.
 */
import { writeFileSync } from 'node:fs';
import type { ApiModel, ResourceModel } from '../generator/model/model.js';
import { corpusModels } from './corpus-models.js';

const LONG = 120;

/** The dedupe suffix of an operationId (`…As.microsoft.graph.user-85b5` → `85b5`). */
export function operationIdHash(operationId: string): string | undefined {
  return /-([0-9a-f]{4})$/i.exec(operationId)?.[1]?.toLowerCase();
}

/** Whether `name` ends in a hash: its operation's dedupe hash, or a hex tail with a digit before a letter. */
export function endsInHash(name: string, suffix?: string): boolean {
  // The hexadecimal characters it ends in, with the capital that opens their word: `…User85b5` → `85b5`, `…Fd80` → `fd80`.
  const tail = (/[A-F]?[0-9a-f]*$/.exec(name)?.[0] ?? '').toLowerCase();
  if (suffix !== undefined && tail.length >= suffix.length && tail.endsWith(suffix)) return true;
  return tail.length >= 4 && tail.length <= 8 && /[0-9][a-f]/.test(tail);
}

export interface NameCount {
  readonly names: number;
  readonly hashed: readonly string[];
  readonly calls: number;
  readonly long: readonly string[];
}

/** Counts one model's public names that end in a hash and its call paths over 120 characters. */
export function countNames(model: ApiModel): NameCount {
  // Each name with the dedupe suffix of the operation it is for; a resource path counts its last segment only.
  const names = new Map<string, string | undefined>();
  const calls: string[] = [];
  const walk = (resource: ResourceModel): void => {
    if (resource.path.length > 0) names.set(resource.path.join('.'), undefined).set(resource.className, undefined);
    for (const op of resource.operations) {
      const hash = operationIdHash(op.operationId);
      const call = [...resource.path, op.name].join('.');
      names.set(call, hash).set(op.functionName, hash);
      for (const type of Object.values(op.naming.types ?? {})) names.set(type, hash);
      calls.push(`client.${call}(`);
    }
    resource.children.forEach(walk);
  };
  walk(model.root);
  for (const schema of model.schemas) names.set(schema.name, undefined);
  const hashed = [...names].filter(([name, hash]) => endsInHash(name.split('.').at(-1) ?? name, hash)).map(([n]) => n);
  return { names: names.size, hashed, calls: calls.length, long: calls.filter((call) => call.length > LONG) };
}

function main(): void {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt < 0 ? undefined : args[jsonAt + 1];
  const filters = args.filter((_, i) => jsonAt < 0 || (i !== jsonAt && i !== jsonAt + 1));
  const all: Record<string, NameCount> = {};
  let specs = 0;
  let names = 0;
  let calls = 0;
  let hashed = 0;
  let long = 0;
  for (const { id, built } of corpusModels(filters)) {
    const count = countNames(built.model);
    specs++;
    names += count.names;
    calls += count.calls;
    hashed += count.hashed.length;
    long += count.long.length;
    all[id] = count;
    if (count.hashed.length > 0 || count.long.length > 0)
      console.log(
        `| ${id} | ${count.hashed.length} of ${count.names} | ${count.long.length} of ${count.calls} | ${count.hashed[0] ?? ''} |`,
      );
  }
  console.log(
    `| **${specs} specs** | ${hashed} of ${names} | ${long} of ${calls} | |\n(names ending in a hash; call paths over ${LONG} characters)`,
  );
  if (jsonFile !== undefined) writeFileSync(jsonFile, `${JSON.stringify(all, null, 1)}\n`);
}

if (process.argv[1] === import.meta.filename) main();
