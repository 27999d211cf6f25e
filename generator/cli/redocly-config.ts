// The part of a Redocly config (redocly.yaml) openapi-typescript 7.13 reads: `apis`, each with a
// `root` spec and an `x-openapi-ts` block (`output` and any flag, camelCase or kebab-case).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type * as YAML from 'yaml';
import { TYPES_FLAGS } from '../model/openapi-typescript/option-flags.js';
import type { TypesFileOptions } from '../model/openapi-typescript/options.js';
import { UsageError } from './args.js';

export interface RedoclyApi {
  readonly name: string;
  /** Absolute paths, read against the config's folder. */
  readonly root: string;
  readonly output: string;
  readonly options: TypesFileOptions;
}

/** Where 7.13 (through Redocly) looks for a config when `--redocly` names none. */
const CONFIG_NAMES = ['redocly.yaml', 'redocly.yml', '.redocly.yaml', '.redocly.yml'];

/** The config `--redocly` names (a file or a folder), or the one in `cwd`; `undefined` when there is none. */
export function findRedoclyConfig(cwd: string, explicit: string | undefined): string | undefined {
  const candidates =
    explicit === undefined
      ? CONFIG_NAMES.map((name) => join(cwd, name))
      : [resolve(cwd, explicit), ...CONFIG_NAMES.map((name) => join(resolve(cwd, explicit), name))];
  for (const candidate of candidates) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** The config's `apis`; a missing `x-openapi-ts.output` is an error, as in 7.13. */
export function readRedoclyApis(path: string): RedoclyApi[] {
  const yaml = createRequire(import.meta.url)('yaml') as typeof YAML;
  const config: unknown = yaml.parse(readFileSync(path, 'utf8'));
  const apis = isObject(config) && isObject(config['apis']) ? config['apis'] : {};
  const folder = dirname(path);
  return Object.entries(apis).map(([name, api]) => {
    const block = isObject(api) && isObject(api['x-openapi-ts']) ? api['x-openapi-ts'] : undefined;
    const root = isObject(api) ? api['root'] : undefined;
    if (block === undefined || typeof block['output'] !== 'string')
      throw new UsageError(`API ${name} in ${path} is missing an \`x-openapi-ts.output\` key`);
    if (typeof root !== 'string') throw new UsageError(`API ${name} in ${path} has no \`root\` spec`);
    const options: Record<string, boolean> = {};
    for (const [flag, key] of TYPES_FLAGS) {
      const value = typeof block[key] === 'boolean' ? block[key] : block[flag];
      if (typeof value === 'boolean') options[key] = value;
    }
    return { name, root: resolve(folder, root), output: resolve(folder, block['output']), options };
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
