import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type * as YAML from 'yaml';
import type { Node, Pair } from 'yaml';
import { DiagnosticBag, type SourceLocation, SpecError } from '../diagnostics.js';
import { yaml } from '../lazy-packages.js';
import { offsetLocator } from '../load/line-index.js';
import { TYPES_OPTION_KEYS } from '../model/openapi-typescript/option-flags.js';
import type { TypesFileOptions } from '../model/openapi-typescript/options.js';
import {
  parseSelector,
  type Selector,
  type SelectorKind,
  SelectorSyntaxError,
  splitSelectorList,
} from '../model/selectors.js';

/** What a config file may set; paths are read against the file's folder, and given relative to the working folder. */
export interface SdkgenConfig {
  /** The config file, as shown in messages; `undefined` when there is none. */
  readonly file: string | undefined;
  readonly spec?: string | undefined;
  readonly out?: string | undefined;
  readonly dist?: boolean | undefined;
  readonly allowRemoteRefs?: boolean | undefined;
  readonly strict?: boolean | undefined;
  /** OpenAPI Overlay files applied to the spec, in order. */
  readonly overlays?: readonly string[] | undefined;
  /** A Stainless config (stainless.yml) whose decisions are applied before the overlays. */
  readonly stainless?: string | undefined;
  /** The operations to keep (`--include`): path globs, `tag:`, `operationId:`, `method:` selectors. */
  readonly include?: readonly Selector[] | undefined;
  /** The operations to leave out (`--exclude`); an exclude wins over an include. */
  readonly exclude?: readonly Selector[] | undefined;
  readonly mock?:
    | { readonly port?: number | undefined; readonly host?: string | undefined; readonly items?: number | undefined }
    | undefined;
  /** openapi-typescript types files to write (`--format openapi-typescript`), each from `spec` or the top-level one. */
  readonly types?: readonly TypesTarget[] | undefined;
}

/** A `types` entry: where to write one openapi-typescript types file, and its options (docs/openapi-typescript.md). */
export interface TypesTarget extends TypesFileOptions {
  readonly spec?: string | undefined;
  readonly output: string;
}

/** Looked for in this order in the working folder; then the `sdkgen` key of package.json. */
export const CONFIG_FILES = ['sdkgen.config.json', 'sdkgen.config.yaml', 'sdkgen.config.yml'] as const;

/** A config file that cannot be used; carries located diagnostics like a bad spec. */
export class ConfigError extends SpecError {
  override readonly name = 'ConfigError';
}

const isMap = (node: unknown): node is YAML.YAMLMap => yaml().isMap(node);
const isScalar = (node: unknown): node is YAML.Scalar => yaml().isScalar(node);

type Kind = 'string' | 'boolean' | 'port' | 'count';
const TOP: Readonly<Record<string, Kind | 'mock' | 'paths' | 'types' | 'selectors'>> = {
  spec: 'string',
  out: 'string',
  overlays: 'paths',
  stainless: 'string',
  include: 'selectors',
  exclude: 'selectors',
  dist: 'boolean',
  allowRemoteRefs: 'boolean',
  strict: 'boolean',
  mock: 'mock',
  types: 'types',
};
const MOCK: Readonly<Record<string, Kind>> = { port: 'port', host: 'string', items: 'count' };
const TYPES: Readonly<Record<string, Kind>> = {
  spec: 'string',
  output: 'string',
  ...Object.fromEntries(TYPES_OPTION_KEYS.map((key) => [key, 'boolean' as const])),
};

/**
 * The config for a run in `cwd`: `explicit` (from `--config`) if given, else the first of
 * CONFIG_FILES, else package.json's `sdkgen` key, else none. Unknown keys and wrong types
 * are errors with their file, line and column: a typo must not be silently ignored.
 */
export function loadConfig(cwd: string, explicit?: string): SdkgenConfig {
  const candidates = explicit !== undefined ? [resolve(cwd, explicit)] : CONFIG_FILES.map((name) => resolve(cwd, name));
  for (const path of candidates) {
    if (explicit === undefined && !existsSync(path)) continue;
    return readConfig(path, relative(cwd, path) || path, undefined, cwd);
  }
  const packageJson = resolve(cwd, 'package.json');
  if (existsSync(packageJson)) return readConfig(packageJson, relative(cwd, packageJson), 'sdkgen', cwd);
  return { file: undefined };
}

function readConfig(path: string, shown: string, key: string | undefined, cwd: string): SdkgenConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([
      {
        code: 'config-unreadable',
        severity: 'error',
        message: `Cannot read the config file ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
      },
    ]);
  }
  // package.json: only its `sdkgen` key is ours, and most have none.
  if (key !== undefined && !hasKey(text, key)) return { file: undefined };
  const locate = offsetLocator(text, shown);
  const bag = new DiagnosticBag();
  const fail = (): never => {
    throw new ConfigError(bag.all, (file) => (file === shown ? text : undefined));
  };
  // YAML reads JSON too, with positions for every node.
  const document = yaml().parseDocument(text, { uniqueKeys: true });
  for (const error of document.errors)
    bag.error('config-syntax', error.message.split('\n')[0] ?? 'Syntax error.', locate(error.pos[0]));
  if (bag.hasErrors) fail();
  let root: Node | null = document.contents;
  if (key !== undefined) {
    const pair = isMap(root) ? (root.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    if (pair === undefined) return { file: undefined };
    root = pair.value as Node | null;
  }
  const at = (node: Node | null | undefined): SourceLocation => locate(node?.range?.[0] ?? 0);
  if (!isMap(root)) {
    bag.error(
      'config-wrong-type',
      `The ${key === undefined ? 'config' : `"${key}" key`} must be a mapping of options (${Object.keys(TOP).join(', ')}).`,
      at(root),
    );
    return fail();
  }
  const config: Record<string, unknown> = { file: shown };
  const base = dirname(path);
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const kind = TOP[name];
    if (kind === undefined) {
      bag.error(
        'config-unknown-key',
        `Unknown option "${name}"; the options are ${Object.keys(TOP).join(', ')}.`,
        at(pair.key),
      );
    } else if (kind === 'paths') {
      const items = yaml().isSeq(pair.value) ? pair.value.items : undefined;
      const paths = items?.map((item) =>
        isScalar(item) && typeof item.value === 'string' && item.value !== '' ? item.value : undefined,
      );
      if (paths === undefined || paths.some((p) => p === undefined))
        bag.error('config-wrong-type', `"${name}" must be a list of file paths.`, at(pair.value ?? pair.key));
      else config[name] = paths.map((p) => relative(cwd, resolve(base, p as string)) || '.');
    } else if (kind === 'selectors') {
      config[name] = readSelectors(pair.value, pair.key, name as SelectorKind, bag, at);
    } else if (kind === 'mock') {
      if (!isMap(pair.value))
        bag.error('config-wrong-type', '"mock" must be a mapping of port, host, items.', at(pair.value ?? pair.key));
      else config['mock'] = readSection(pair.value.items as Pair<Node, Node | null>[], MOCK, 'mock', bag, at);
    } else if (kind === 'types') {
      const targets = readTypes(pair.value, pair.key, bag, at);
      // Paths are the config file's, shown as the working folder's.
      config['types'] = targets.map((target) => ({
        ...target,
        ...(typeof target['spec'] === 'string' ? { spec: relative(cwd, resolve(base, target['spec'])) || '.' } : {}),
        ...(typeof target['output'] === 'string' ? { output: relative(cwd, resolve(base, target['output'])) } : {}),
      }));
    } else {
      const value = readValue(pair.value, pair.key, kind, name, bag, at);
      // Paths are the config file's, shown as the working folder's.
      if (value !== undefined)
        config[name] =
          name === 'spec' || name === 'out' || name === 'stainless'
            ? relative(cwd, resolve(base, value as string)) || '.'
            : value;
    }
  }
  if (bag.hasErrors) fail();
  return config as unknown as SdkgenConfig;
}

/** `include` / `exclude`: one selector or a list of them (each may be a comma list), each located. */
function readSelectors(
  node: Node | null,
  key: Node,
  kind: SelectorKind,
  bag: DiagnosticBag,
  at: (node: Node | null | undefined) => SourceLocation,
): Selector[] {
  const items = yaml().isSeq(node) ? (node.items as (Node | null)[]) : [node];
  return items.flatMap((item) => {
    const value = isScalar(item) ? item.value : undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      bag.error(
        'config-wrong-type',
        `"${kind}" must be a selector or a list of them: a path glob (/pets/**), tag:<name>, operationId:<id> or method:<GET|…>.`,
        at(item ?? key),
      );
      return [];
    }
    return splitSelectorList(value).flatMap((text) => {
      try {
        return [parseSelector(text, kind, at(item))];
      } catch (error) {
        if (!(error instanceof SelectorSyntaxError)) throw error;
        bag.error('config-wrong-type', `"${kind}": ${error.message}.`, at(item));
        return [];
      }
    });
  });
}

/** `types`: one mapping or a list of them, each with an `output` and any of the types options. */
function readTypes(
  node: Node | null,
  key: Node,
  bag: DiagnosticBag,
  at: (node: Node | null | undefined) => SourceLocation,
): Record<string, unknown>[] {
  const items = yaml().isSeq(node) ? (node.items as (Node | null)[]) : [node];
  return items.map((item, index) => {
    const name = items.length === 1 && !yaml().isSeq(node) ? 'types' : `types[${index}]`;
    if (!isMap(item)) {
      bag.error(
        'config-wrong-type',
        `"${name}" must be a mapping of output, spec and the openapi-typescript options (docs/openapi-typescript.md).`,
        at(item ?? key),
      );
      return {};
    }
    const target = readSection(item.items as Pair<Node, Node | null>[], TYPES, name, bag, at);
    if (!('output' in target))
      bag.error('config-missing-key', `"${name}" needs an "output": the file to write.`, at(item));
    return target;
  });
}

function readSection(
  pairs: Pair<Node, Node | null>[],
  kinds: Readonly<Record<string, Kind>>,
  section: string,
  bag: DiagnosticBag,
  at: (node: Node | null | undefined) => SourceLocation,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const kind = kinds[name];
    if (kind === undefined)
      bag.error(
        'config-unknown-key',
        `Unknown option "${section}.${name}"; the options are ${Object.keys(kinds).join(', ')}.`,
        at(pair.key),
      );
    else out[name] = readValue(pair.value, pair.key, kind, `${section}.${name}`, bag, at);
  }
  return out;
}

function readValue(
  node: Node | null,
  key: Node,
  kind: Kind,
  name: string,
  bag: DiagnosticBag,
  at: (node: Node | null | undefined) => SourceLocation,
): unknown {
  const value = isScalar(node) ? node.value : undefined;
  const ok =
    kind === 'string'
      ? typeof value === 'string' && value !== ''
      : kind === 'boolean'
        ? typeof value === 'boolean'
        : kind === 'port'
          ? Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 65_535
          : Number.isInteger(value) && (value as number) >= 0;
  if (ok) return value;
  const wanted =
    kind === 'string'
      ? 'a non-empty string'
      : kind === 'boolean'
        ? 'true or false'
        : kind === 'port'
          ? 'a port number from 0 to 65535'
          : 'a whole number ≥ 0';
  bag.error(
    'config-wrong-type',
    `"${name}" must be ${wanted}, got ${node === null || (isScalar(node) && node.value === null) ? 'nothing' : JSON.stringify(isScalar(node) ? node.value : node.toJSON())}.`,
    at(node ?? key),
  );
  return undefined;
}

function hasKey(json: string, key: string): boolean {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && Object.hasOwn(value, key);
  } catch {
    // Not JSON: npm will say so; the config reader says nothing about a file that is not its own.
    return false;
  }
}
