/**
 * The tsconfig line openapi-react-query and swr-openapi need on sdkgen/fetch: both type their
 * argument as openapi-fetch's `Client`, and TypeScript relates a client's generic methods only
 * within one declaration, so no other client type is assignable to it (docs/migrate.md). They
 * import `openapi-fetch` for types only: mapping it in `compilerOptions.paths` to sdkgen/fetch's
 * declarations makes the libraries and the app read one `Client`. Each tsconfig that includes a
 * file importing those libraries gets the mapping, in the file that holds its effective `paths`
 * (`extends` followed), with the rest of the file (comments, formatting) kept byte for byte.
 */
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ts } from 'ts-morph';
import type { Diagnostic } from '../diagnostics.js';
import type { ProjectWrite } from './write-files.js';

/** The module both libraries import their types from. */
export const MAPPED_MODULE = 'openapi-fetch';
/** Where sdkgen's package keeps sdkgen/fetch's declarations (package.json `exports['./fetch'].types`). */
export const FETCH_TYPES = 'node_modules/sdkgen/lib/types/fetch/index.d.ts';

export interface TsconfigChange {
  /** The tsconfig written, as shown in messages. */
  readonly file: string;
  /** The tsconfigs whose files import the libraries, and take the mapping from `file`. */
  readonly for: readonly string[];
  /** The path written for `openapi-fetch`. */
  readonly path: string;
}

export interface TsconfigChanges {
  readonly changes: readonly TsconfigChange[];
  readonly writes: readonly ProjectWrite[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Components whose scripts import the libraries: listed as vue-tsc and svelte-check list them. */
const COMPONENTS: readonly ts.FileExtensionInfo[] = ['.vue', '.svelte', '.astro'].map((extension) => ({
  extension,
  isMixedContent: true,
  scriptKind: ts.ScriptKind.Deferred,
}));

/** The edits that map `openapi-fetch` to sdkgen/fetch's types in every tsconfig compiling one of `importers`. */
export function tsconfigChanges(root: string, importers: readonly string[]): TsconfigChanges {
  const wanted = new Set(importers.map((file) => resolve(root, file)));
  const target = resolve(root, FETCH_TYPES);
  const shown = (file: string): string => relative(root, file).split(sep).join('/');
  const edits = new Map<string, { path: string; for: string[]; inherited: Record<string, string[]> | undefined }>();
  const diagnostics: Diagnostic[] = [];
  for (const config of tsconfigFiles(root)) {
    const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} };
    const parsed = ts.getParsedCommandLineOfConfigFile(config, {}, host, undefined, undefined, COMPONENTS);
    if (parsed === undefined || !parsed.fileNames.some((file) => wanted.has(resolve(file)))) continue;
    const options = parsed.options;
    const existing = options.paths?.[MAPPED_MODULE];
    const defining = pathsFile(config, parsed);
    const inRoot =
      defining !== undefined &&
      !relative(root, defining).startsWith('..') &&
      !defining.includes(`${sep}node_modules${sep}`);
    const file = defining !== undefined && inRoot ? defining : config;
    const base = options.baseUrl ?? dirname(file);
    const path = dotted(relative(base, target).split(sep).join('/'));
    if (existing !== undefined) {
      if (!existing.some((entry) => resolve(options.baseUrl ?? pathsBase(options, config), entry) === target))
        diagnostics.push({
          code: 'migrate-tsconfig-paths',
          severity: 'warning',
          message: `${shown(config)} already maps "${MAPPED_MODULE}" to ${JSON.stringify(existing)}; openapi-react-query and swr-openapi accept the sdkgen/fetch client only with "${path}" there.`,
          location: { file: shown(config), line: 1, column: 1 },
          hint: `Set "paths": { "${MAPPED_MODULE}": ["${path}"] } (docs/migrate.md).`,
        });
      continue;
    }
    const edit = edits.get(file) ?? {
      path,
      for: [],
      // Paths from a base outside the project are copied into the file, re-based, since a file's own `paths` replaces them.
      inherited: defining !== undefined && !inRoot ? rebased(options, config, base) : undefined,
    };
    edit.for.push(shown(config));
    edits.set(file, edit);
  }
  const changes: TsconfigChange[] = [];
  const writes: ProjectWrite[] = [];
  for (const [file, edit] of edits) {
    const text = readFileSync(file, 'utf8');
    const entries = { ...edit.inherited, [MAPPED_MODULE]: [edit.path] };
    writes.push({ path: shown(file), contents: withPaths(text, file, entries) });
    changes.push({ file: shown(file), for: edit.for, path: edit.path });
  }
  return { changes, writes, diagnostics };
}

/** `./x` for a path relative to the same folder, as TypeScript's docs write `paths` entries. */
const dotted = (path: string): string => (path.startsWith('.') ? path : `./${path}`);

/** The folder a config's `paths` are read against when it has no `baseUrl`: the config that set them. */
function pathsBase(options: ts.CompilerOptions, config: string): string {
  return (options['pathsBasePath'] as string | undefined) ?? dirname(config);
}

/** The config (the leaf or one it extends) whose `compilerOptions.paths` is in effect, if any. */
function pathsFile(config: string, parsed: ts.ParsedCommandLine): string | undefined {
  if (parsed.options.paths === undefined) return undefined;
  const base = pathsBase(parsed.options, config);
  const chain = [
    config,
    ...((parsed.options['configFile'] as ts.TsConfigSourceFile | undefined)?.extendedSourceFiles ?? []),
  ];
  return chain.find((file) => {
    if (resolve(dirname(file)) !== resolve(base)) return false;
    const raw = ts.readConfigFile(file, ts.sys.readFile).config as
      | { compilerOptions?: { paths?: unknown } }
      | undefined;
    return raw?.compilerOptions?.paths !== undefined;
  });
}

/** The inherited `paths`, each entry made relative to `base` (the folder the written file's paths are read against). */
function rebased(options: ts.CompilerOptions, config: string, base: string): Record<string, string[]> {
  const from = options.baseUrl ?? pathsBase(options, config);
  return Object.fromEntries(
    Object.entries(options.paths ?? {}).map(([key, values]) => [
      key,
      values.map((value) => dotted(relative(base, resolve(from, value)).split(sep).join('/'))),
    ]),
  );
}

/** `tsconfig*.json` below `root`, but in `node_modules` and dot-folders. */
function tsconfigFiles(root: string): string[] {
  const found: string[] = [];
  const visit = (folder: string): void => {
    let names: Dirent[];
    try {
      names = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of names.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) visit(join(folder, entry.name));
      } else if (entry.isFile() && /^tsconfig(?:\..+)?\.json$/.test(entry.name)) found.push(join(folder, entry.name));
    }
  };
  visit(root);
  return found;
}

/**
 * `text` (a tsconfig, JSON with comments) with `entries` added to `compilerOptions.paths`, making
 * the objects that are missing. Only insertions: comments, trailing commas and layout stay.
 */
export function withPaths(text: string, file: string, entries: Record<string, string[]>): string {
  const json = ts.parseJsonText(file, text);
  const statement = json.statements[0];
  const rootObject =
    statement !== undefined && ts.isObjectLiteralExpression(statement.expression) ? statement.expression : undefined;
  if (rootObject === undefined) return text;
  const member = (object: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralExpression | undefined => {
    const property = object.properties.find(
      (p): p is ts.PropertyAssignment =>
        ts.isPropertyAssignment(p) && ts.isStringLiteral(p.name) && p.name.text === name,
    );
    return property !== undefined && ts.isObjectLiteralExpression(property.initializer)
      ? property.initializer
      : undefined;
  };
  const value = (pairs: Record<string, string[]>): string =>
    `{ ${Object.entries(pairs)
      .map(([key, paths]) => `${JSON.stringify(key)}: [${paths.map((p) => JSON.stringify(p)).join(', ')}]`)
      .join(', ')} }`;
  const compilerOptions = member(rootObject, 'compilerOptions');
  const paths = compilerOptions === undefined ? undefined : member(compilerOptions, 'paths');
  if (paths !== undefined)
    return Object.entries(entries).reduce(
      (result, [key, list]) =>
        insertProperty(
          result,
          file,
          ['compilerOptions', 'paths'],
          JSON.stringify(key),
          `[${list.map((p) => JSON.stringify(p)).join(', ')}]`,
        ),
      text,
    );
  if (compilerOptions !== undefined) return insertProperty(text, file, ['compilerOptions'], '"paths"', value(entries));
  return insertProperty(text, file, [], '"compilerOptions"', `{ "paths": ${value(entries)} }`);
}

/** `text` with `"key": value` added as the last property of the object at `at` (keys from the root). */
function insertProperty(text: string, file: string, at: readonly string[], key: string, value: string): string {
  const json = ts.parseJsonText(file, text);
  let object = (json.statements[0] as ts.ExpressionStatement).expression as ts.ObjectLiteralExpression;
  for (const name of at)
    object = (
      object.properties.find(
        (p) => ts.isPropertyAssignment(p) && ts.isStringLiteral(p.name) && p.name.text === name,
      ) as ts.PropertyAssignment
    ).initializer as ts.ObjectLiteralExpression;
  const open = object.getStart(json);
  const last = object.properties[object.properties.length - 1];
  const lineStart = (offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
  const indentOf = (offset: number): string => /^[ \t]*/.exec(text.slice(lineStart(offset)))?.[0] ?? '';
  const property = `${key}: ${value}`;
  if (last === undefined) {
    const close = object.getEnd() - 1;
    const inner = text.slice(open + 1, close);
    // `{}` stays on one line; a `{ }` spread over lines gets the property on a line of its own.
    if (!inner.includes('\n')) return `${text.slice(0, open + 1)} ${property} ${text.slice(close)}`;
    const indent = `${indentOf(open)}${detectStep(text)}`;
    return `${text.slice(0, open + 1)}\n${indent}${property}${text.slice(open + 1)}`;
  }
  const lastStart = last.getStart(json);
  const end = last.getEnd();
  if (!text.slice(open + 1, lastStart).includes('\n')) return `${text.slice(0, end)}, ${property}${text.slice(end)}`;
  // The last property's trailing comma and line comment stay with it; the new one goes on the next line.
  const rest = /^([ \t]*)(,?)([ \t]*(?:\/\/[^\n]*|\/\*[^\n]*?\*\/[ \t]*)?)(?=\n|$)/.exec(text.slice(end));
  const indent = indentOf(lastStart);
  if (rest === null) return `${text.slice(0, end)},\n${indent}${property}${text.slice(end)}`;
  const [whole, , comma] = rest;
  const lineEnd = end + whole.length;
  const head = comma === '' ? `${text.slice(0, end)},${text.slice(end, lineEnd)}` : text.slice(0, lineEnd);
  return `${head}\n${indent}${property}${comma}${text.slice(lineEnd)}`;
}

/** The file's indentation step: the first indented line's, else two spaces. */
function detectStep(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}
