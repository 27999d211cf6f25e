/**
 * `redocly.yaml`'s `apis`, as openapi-typescript 7.13 reads them: each API's `root` is a spec and
 * its `x-openapi-ts` block the output file and flags (kebab-case or camelCase) for that spec.
 * One reader for `sdkgen openapi-typescript` (which runs them) and `sdkgen migrate` (which moves
 * them into sdkgen.config.json), so that both read a config alike and locate its problems.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { optionKeyOf, type TypesOptionValues } from '../migrate/ots-flags.js';
import type { TypesOptionKey } from '../model/openapi-typescript/option-flags.js';
import { entries, readProjectFile, scalar } from './project-file.js';

/** Where Redocly looks for its config when none is named, in order (as `findConfig` does). */
export const REDOCLY_FILES = ['redocly.yaml', 'redocly.yml', '.redocly.yaml', '.redocly.yml'] as const;

export interface RedoclyApi {
  readonly name: string;
  /** Paths relative to the project folder. */
  readonly spec: string;
  readonly output: string;
  readonly options: TypesOptionValues;
  readonly location: SourceLocation;
}

export interface RedoclyConfig {
  readonly shown: string;
  readonly text: string;
  /** The APIs that have an `x-openapi-ts` block. */
  readonly apis: readonly RedoclyApi[];
  /** The APIs without one: for Redocly alone to `migrate`, an error to 7.13's command, which runs every API. */
  readonly unconfigured: readonly { readonly name: string; readonly location: SourceLocation }[];
  /** Whether `apis` lists any API at all: 7.13 then ignores the command's input. */
  readonly hasApis: boolean;
}

/** The Redocly config a command would read: `--redocly <path>` (a file or folder), else the default names. */
export function findRedoclyConfig(root: string, given: string | undefined): string | undefined {
  const base = given === undefined || given === '' ? root : resolve(root, given);
  if (!existsSync(base)) return undefined;
  if (!statSync(base).isDirectory()) return base;
  return REDOCLY_FILES.map((name) => join(base, name)).find((path) => existsSync(path));
}

/**
 * Reads the config's APIs, their paths relative to `root`; problems come back as located
 * diagnostics, nothing is thrown. Their codes start with the command's name (`migrate-redocly-invalid`).
 */
export function readRedoclyConfig(
  root: string,
  absolute: string,
  command: 'migrate' | 'openapi-typescript',
): { readonly config?: RedoclyConfig; readonly diagnostics: readonly Diagnostic[] } {
  const shown = relative(root, absolute).split(sep).join('/');
  const file = readProjectFile(absolute, shown, command);
  if (Array.isArray(file)) return { diagnostics: file };
  const diagnostics: Diagnostic[] = [];
  const error = (code: string, message: string, location: SourceLocation, hint?: string): void => {
    diagnostics.push({ code, severity: 'error', message, location, hint });
  };
  const fromConfig = (path: string): string =>
    posix.normalize(
      relative(root, resolve(dirname(absolute), path))
        .split(sep)
        .join('/'),
    );
  const apis: RedoclyApi[] = [];
  const unconfigured: { name: string; location: SourceLocation }[] = [];
  const apisNode = entries(file.document.contents).find(([key]) => key === 'apis')?.[1];
  const listed = entries(apisNode);
  for (const [name, api] of listed) {
    const fields = entries(api);
    const block = fields.find(([key]) => key === 'x-openapi-ts');
    if (block === undefined) {
      unconfigured.push({ name, location: file.at(api) });
      continue;
    }
    const rootPath = scalar(fields.find(([key]) => key === 'root')?.[1]);
    const settings = entries(block[1]);
    const output = scalar(settings.find(([key]) => key === 'output')?.[1]);
    if (typeof rootPath !== 'string' || rootPath === '') {
      error(`${command}-redocly-invalid`, `API "${name}" has no \`root\` spec.`, file.at(api));
      continue;
    }
    if (typeof output !== 'string' || output === '') {
      error(
        `${command}-redocly-invalid`,
        `API "${name}" is missing an \`x-openapi-ts.output\` key (openapi-typescript refuses it too).`,
        file.at(block[1]),
      );
      continue;
    }
    const options: Partial<Record<TypesOptionKey, boolean>> = {};
    for (const [key, node] of settings) {
      if (key === 'output') continue;
      const option = optionKeyOf(key);
      const value = scalar(node);
      // 7.13 reads only boolean values of the flags it knows, and ignores everything else.
      if (typeof value !== 'boolean' || option === undefined) continue;
      options[option] = value;
    }
    apis.push({ name, spec: fromConfig(rootPath), output: fromConfig(output), options, location: file.at(api) });
  }
  return { config: { shown, text: file.text, apis, unconfigured, hasApis: listed.length > 0 }, diagnostics };
}
