/**
 * The model of every spec of bench/corpus.json that builds, from the packages `npm run sweep`
 * keeps in node_modules/.cache/sdkgen-sweep (or `SWEEP_CACHE`): what the benches that read the
 * corpus's names (numbered-names.ts, name-lengths.ts) walk. Refused specs are the sweep's business.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpec } from '../generator/load/load-spec.js';
import { type BuildResult, buildModel } from '../generator/model/build-model.js';

const ROOT = join(import.meta.dirname, '..');
const CACHE = process.env['SWEEP_CACHE'] ?? join(ROOT, 'node_modules/.cache/sdkgen-sweep');

/** Each spec whose `package:path` id holds one of `filters` (all without), built, in the corpus's order. */
export function* corpusModels(
  filters: readonly string[],
): Generator<{ readonly id: string; readonly built: BuildResult }> {
  const corpus = JSON.parse(readFileSync(join(ROOT, 'bench/corpus.json'), 'utf8')) as {
    readonly packages: readonly {
      readonly name: string;
      readonly version: string;
      readonly specs: readonly string[];
    }[];
  };
  for (const pkg of corpus.packages) {
    const dir = join(CACHE, `${pkg.name.replace('/', '+')}@${pkg.version}`, 'package');
    if (!existsSync(dir)) throw new Error(`${dir} is missing: run \`npm run sweep\` once first.`);
    for (const path of pkg.specs) {
      const id = `${pkg.name}:${path}`;
      if (filters.length > 0 && !filters.some((f) => id.includes(f))) continue;
      let built: BuildResult;
      try {
        built = buildModel(loadSpec(join(dir, path)));
      } catch {
        continue;
      }
      yield { id, built };
    }
  }
}
