// Writing (or checking) openapi-typescript types files: the config's `types` targets,
// `generate --format openapi-typescript` and the `openapi-typescript` command all go through here.

import { relative, resolve, sep } from 'node:path';
import { generateTypes } from '../generate-types.js';
import type { TypesFileOptions } from '../model/openapi-typescript/options.js';
import { readIfExists, writeFileAtomic } from '../write/write-file.js';
import { plural } from './args.js';
import { type CliIO, EXIT } from './io.js';

export interface TypesJob {
  readonly spec: string;
  /** Absolute, or read against the working folder. */
  readonly output: string;
  readonly options: TypesFileOptions;
}

/**
 * Writes each job's file (atomically; an unchanged file is not touched), or with `check` compares
 * it and says which are out of date. Resolves to the exit code and the files read. Throws
 * `SpecError` for a spec that cannot be read.
 */
export function runTypesJobs(
  jobs: readonly TypesJob[],
  io: Pick<CliIO, 'cwd' | 'err'>,
  options: { readonly check: boolean; readonly command: string },
): { readonly code: number; readonly inputs: readonly string[] } {
  let stale = 0;
  const inputs: string[] = [];
  for (const job of jobs) {
    const generated = generateTypes(job.spec, io.cwd, job.options);
    inputs.push(...generated.inputs);
    const output = resolve(io.cwd, job.output);
    const shown = relative(io.cwd, output).split(sep).join('/');
    if (options.check) {
      if (readIfExists(output) === generated.text) continue;
      stale++;
      io.err(`${options.command}: ${shown} is not up to date with ${job.spec}.`);
      continue;
    }
    const changed = writeFileAtomic(output, generated.text);
    io.err(`${options.command}: ${job.spec} → ${shown}${changed ? '' : ' (unchanged)'}`);
  }
  if (stale === 0) return { code: EXIT.ok, inputs };
  io.err(`${options.command}: ${plural(stale, 'types file')} not up to date; run without --check to write.`);
  return { code: EXIT.failed, inputs };
}
