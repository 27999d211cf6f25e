// `--format openapi-typescript`: load → model → emit of the one types file, for the
// `openapi-typescript` command, `generate --format openapi-typescript` and config `types` targets.

import { printTypesFile } from './emit/openapi-typescript/types-file.js';
import { type LoadOptions, loadSpec } from './load/load-spec.js';
import { buildTypesDocument } from './model/openapi-typescript/build-types.js';
import type { TypesFileOptions } from './model/openapi-typescript/options.js';

export interface TypesGeneration {
  readonly text: string;
  /** Absolute paths of the local files read. */
  readonly inputs: readonly string[];
}

/** The types file of `spec` (read against `cwd`). Throws `SpecError` for a spec that cannot be read. */
export function generateTypes(
  spec: string,
  cwd: string,
  options: TypesFileOptions,
  load: Omit<LoadOptions, 'cwd'> = {},
): TypesGeneration {
  const loaded = loadSpec(spec, { ...load, cwd });
  const text = printTypesFile(buildTypesDocument(loaded, options));
  return { text, inputs: [...loaded.files.values()].map((file) => file.absolutePath) };
}
