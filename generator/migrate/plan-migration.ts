/**
 * `sdkgen migrate openapi-typescript`, decided before anything is written: the types targets of
 * the project's openapi-typescript commands, its scripts as they will read, the imports of
 * openapi-fetch and openapi-typescript-helpers that become `sdkgen/fetch`, its dependencies, and
 * the files that result. Any error stops the plan; nothing is written until it is whole.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILES } from '../config/load-config.js';
import { entries, type ProjectFile, readProjectFile } from '../config/project-file.js';
import { type Diagnostic, type SourceLocation, type SourceText, SpecError, sortDiagnostics } from '../diagnostics.js';
import { offsetLocator } from '../load/line-index.js';
import { readText } from '../write/ownership.js';
import { collectTargets, type ScriptChange, type TypesTarget } from './collect-targets.js';
import { differingFromDefaults } from './ots-flags.js';
import { type DependencyChange, dependencyChanges, packageJsonText, queryLibrariesOf } from './package-json.js';
import { sourceFilesMentioning } from './source-files.js';
import type { TsconfigChange } from './tsconfig-paths.js';
import type { ProjectWrite } from './write-files.js';

/** Where `import … from 'openapi-fetch'` and `'openapi-typescript-helpers'` go: one module exports both. */
export const FETCH_MODULE = 'sdkgen/fetch';
const REPLACED = new Set(['openapi-fetch', 'openapi-typescript-helpers']);

export interface ImportChange {
  readonly location: SourceLocation;
  readonly before: string;
  readonly after: string;
}

export interface MigrationPlan {
  readonly targets: readonly TypesTarget[];
  readonly scripts: readonly ScriptChange[];
  readonly imports: readonly ImportChange[];
  readonly dependencies: readonly DependencyChange[];
  /** The tsconfigs that map openapi-fetch to sdkgen/fetch's types, for openapi-react-query and swr-openapi. */
  readonly tsconfigs: readonly TsconfigChange[];
  /** The file the `types` targets go into: sdkgen.config.json, or package.json's `sdkgen` key. */
  readonly configFile: string | undefined;
  readonly writes: readonly ProjectWrite[];
  readonly warnings: readonly Diagnostic[];
  readonly sourceText: SourceText;
  /** What installs the changed dependencies: the project's package manager's install. */
  readonly install: string;
}

export interface MigrateOptions {
  /** The version range of sdkgen the project will depend on. */
  readonly sdkgenVersion: string;
}

/** Plans the move of the project in `root`; throws `SpecError` with every problem found. */
export async function planMigration(root: string, options: MigrateOptions): Promise<MigrationPlan> {
  const texts = new Map<string, string>();
  const sourceText: SourceText = (file) => texts.get(file);
  const fail = (diagnostics: readonly Diagnostic[]): never => {
    throw new SpecError(sortDiagnostics([...diagnostics]), sourceText);
  };
  if (!existsSync(join(root, 'package.json')))
    fail([
      {
        code: 'migrate-no-project',
        severity: 'error',
        message: `No package.json in ${root}: name the project's folder (\`sdkgen migrate openapi-typescript <folder>\`).`,
      },
    ]);
  const packageFile = readProjectFile(join(root, 'package.json'), 'package.json', 'migrate');
  if (Array.isArray(packageFile)) return fail(packageFile);
  texts.set(packageFile.shown, packageFile.text);
  const pkg = parsePackageJson(packageFile);
  if (Array.isArray(pkg)) return fail(pkg);

  const collected = collectTargets(root, packageFile);
  for (const config of collected.redocly) texts.set(config.shown, config.text);
  const diagnostics: Diagnostic[] = [...collected.diagnostics];

  const sources = sourceFilesMentioning(root, new Set(collected.targets.map((target) => target.output)));
  for (const file of sources) texts.set(file.shown, file.text);
  const { imports, rewritten, usesOtsApi, stillImported } = await importChanges(sources, diagnostics);

  if (collected.targets.length === 0 && imports.length === 0 && collected.scripts.length === 0)
    diagnostics.push({
      code: 'migrate-nothing',
      severity: 'error',
      message:
        'Nothing to migrate: no package.json script runs openapi-typescript, no redocly.yaml API has an `x-openapi-ts` block, and no file imports openapi-fetch or openapi-typescript-helpers.',
      location: { file: 'package.json', line: 1, column: 1 },
    });

  const otsDependency = dependencyNode(packageFile, 'openapi-typescript');
  if (collected.scripts.length === 0 && collected.targets.length === 0 && otsDependency !== undefined)
    diagnostics.push({
      code: 'migrate-no-script',
      severity: 'warning',
      message:
        'openapi-typescript is a dependency, but no script or redocly.yaml API runs it: no `types` target is written for the types it made by hand.',
      location: packageFile.at(otsDependency),
      hint: 'Add a `types` target to sdkgen.config.json for each file it wrote (docs/migrate.md).',
    });

  const dependencies = dependencyChanges(pkg, { sdkgenVersion: options.sdkgenVersion, usesOtsApi, stillImported });
  const tsconfigs = await queryLibraryTsconfigs(root, pkg, sources);
  diagnostics.push(...tsconfigs.diagnostics);
  // Read for quoting in messages; placeConfig parses it.
  const configText = readText(join(root, 'sdkgen.config.json'));
  if (configText !== undefined) texts.set('sdkgen.config.json', configText);
  const placed = placeTargets(root, packageFile, pkg, collected.targets, diagnostics);
  const writes: ProjectWrite[] = [...rewritten, ...tsconfigs.writes, ...placed.writes];
  if (diagnostics.some((d) => d.severity === 'error')) fail(diagnostics);
  writes.push({
    path: 'package.json',
    contents: packageJsonText(packageFile.text, placed.pkg, collected.scripts, dependencies),
  });
  return {
    targets: collected.targets,
    scripts: collected.scripts,
    imports,
    dependencies,
    tsconfigs: tsconfigs.changes,
    configFile: placed.file,
    writes: writes.filter((write) => write.contents !== texts.get(write.path)),
    warnings: sortDiagnostics(diagnostics),
    sourceText,
    install: installCommand(root, pkg),
  };
}

interface ImportChanges {
  readonly imports: readonly ImportChange[];
  /** The source files with their imports changed. */
  readonly rewritten: readonly ProjectWrite[];
  readonly usesOtsApi: boolean;
  /** Packages still imported by a subpath sdkgen/fetch does not mirror. */
  readonly stillImported: ReadonlySet<string>;
}

/** Each import of openapi-fetch and the helpers made one of sdkgen/fetch; the others warned about. */
async function importChanges(
  sources: readonly { readonly shown: string; readonly text: string }[],
  diagnostics: Diagnostic[],
): Promise<ImportChanges> {
  // ts-morph is loaded only now: the CLI starts without the compiler.
  const { findModuleReferences } = await import('./find-imports.js');
  const references = findModuleReferences(sources, (module) =>
    /^openapi-(?:fetch|typescript(?:-helpers)?)(?:\/|$)/.test(module),
  );
  const texts = new Map(sources.map((file) => [file.shown, file.text]));
  const stillImported = new Set<string>();
  let usesOtsApi = false;
  const imports: ImportChange[] = [];
  const edits = new Map<string, { start: number; end: number }[]>();
  for (const reference of references) {
    const location = offsetLocator(texts.get(reference.file) as string, reference.file)(reference.start - 1);
    const base = /^(?:@[^/]+\/)?[^/]+/.exec(reference.module)?.[0] ?? reference.module;
    if (REPLACED.has(reference.module)) {
      imports.push({ location, before: reference.module, after: FETCH_MODULE });
      edits.set(reference.file, [...(edits.get(reference.file) ?? []), reference]);
    } else if (base === 'openapi-typescript') {
      usesOtsApi = true;
      diagnostics.push({
        code: 'migrate-ots-api',
        severity: 'warning',
        message: `${reference.file} uses openapi-typescript's Node API; sdkgen has no twin for it, so openapi-typescript stays installed.`,
        location,
      });
    } else {
      stillImported.add(base);
      diagnostics.push({
        code: 'migrate-import-subpath',
        severity: 'warning',
        message: `"${reference.module}" is a file inside ${base}, which sdkgen/fetch does not mirror; the import is left as it is, and ${base} stays installed.`,
        location,
      });
    }
  }
  const rewritten = [...edits].map(([file, ranges]) => ({
    path: file,
    contents: spliced(texts.get(file) as string, ranges, FETCH_MODULE),
  }));
  return { imports, rewritten, usesOtsApi, stillImported };
}

/**
 * When openapi-react-query or swr-openapi is a dependency, the tsconfigs compiling a file that
 * imports one of them map openapi-fetch to sdkgen/fetch's types (tsconfig-paths.ts says why).
 */
async function queryLibraryTsconfigs(
  root: string,
  pkg: Record<string, unknown>,
  sources: readonly { readonly shown: string; readonly text: string }[],
): Promise<import('./tsconfig-paths.js').TsconfigChanges> {
  const libraries = new Set(queryLibrariesOf(pkg));
  if (libraries.size === 0) return { changes: [], writes: [], diagnostics: [] };
  // ts-morph (and with it the compiler) is loaded only now, as in importChanges.
  const [{ findModuleReferences }, { tsconfigChanges }] = await Promise.all([
    import('./find-imports.js'),
    import('./tsconfig-paths.js'),
  ]);
  const importers = new Set(
    findModuleReferences(sources, (module) => libraries.has(/^[^/]+/.exec(module)?.[0] ?? module)).map(
      (reference) => reference.file,
    ),
  );
  return tsconfigChanges(root, [...importers]);
}

/** A `types` entry of the config: the flags that differ from 7.13's defaults, and `compat`. */
function typesEntry(target: TypesTarget): Record<string, unknown> {
  // compat: the project's types stay exactly what openapi-typescript 7.13 made (docs/migrate.md).
  return { spec: target.spec, output: target.output, ...differingFromDefaults(target.options), compat: true };
}

interface PlacedTargets {
  /** The file the targets go into, when there are targets and a place for them. */
  readonly file: string | undefined;
  readonly writes: readonly ProjectWrite[];
  /** package.json's value with the targets in its `sdkgen` key, when they go there. */
  readonly pkg: Record<string, unknown>;
}

/** The `types` targets written where the project's sdkgen config is (placeConfig). */
function placeTargets(
  root: string,
  packageFile: ProjectFile,
  pkg: Record<string, unknown>,
  targets: readonly TypesTarget[],
  diagnostics: Diagnostic[],
): PlacedTargets {
  const types = targets.map(typesEntry);
  if (types.length === 0) return { file: undefined, writes: [], pkg };
  const value = types.length === 1 ? types[0] : types;
  const placed = placeConfig(root, packageFile, diagnostics);
  if (placed === undefined) return { file: undefined, writes: [], pkg };
  if (placed.file === 'package.json')
    return {
      file: placed.file,
      writes: [],
      pkg: { ...pkg, sdkgen: { ...(pkg['sdkgen'] as Record<string, unknown>), types: value } },
    };
  const contents = `${JSON.stringify({ ...placed.existing, types: value }, null, 2)}\n`;
  return { file: placed.file, writes: [{ path: placed.file, contents }], pkg };
}

/**
 * Where the targets go: a new or existing sdkgen.config.json, or package.json's `sdkgen` key when
 * that is the project's config; a YAML config or a config that already has targets is an error.
 */
function placeConfig(
  root: string,
  packageFile: ProjectFile,
  diagnostics: Diagnostic[],
): { readonly file: string; readonly existing?: Record<string, unknown> } | undefined {
  const present = CONFIG_FILES.find((name) => existsSync(join(root, name)));
  if (present !== undefined && present !== 'sdkgen.config.json') {
    diagnostics.push({
      code: 'migrate-config-yaml',
      severity: 'error',
      message: `The project's sdkgen config is ${present}, which migrate does not rewrite (it would lose its comments).`,
      location: { file: present, line: 1, column: 1 },
      hint: 'Rename it sdkgen.config.json, or add the `types` targets to it by hand (docs/migrate.md).',
    });
    return undefined;
  }
  let where: ProjectFile;
  let container: unknown;
  if (present !== undefined) {
    const file = readProjectFile(join(root, present), present, 'migrate');
    if (Array.isArray(file)) {
      diagnostics.push(...file);
      return undefined;
    }
    where = file;
    container = file.document.contents;
  } else {
    const key = entries(packageFile.document.contents).find(([name]) => name === 'sdkgen');
    if (key === undefined) return { file: 'sdkgen.config.json' };
    where = packageFile;
    container = key[1];
  }
  const typesNode = entries(container).find(([name]) => name === 'types');
  if (typesNode !== undefined) {
    diagnostics.push({
      code: 'migrate-config-has-types',
      severity: 'error',
      message: `${where.shown} already has \`types\` targets; migrate does not replace them.`,
      location: where.at(typesNode[1]),
      hint: 'Remove them to migrate afresh, or keep them and move the scripts by hand.',
    });
    return undefined;
  }
  return where === packageFile
    ? { file: 'package.json' }
    : { file: where.shown, existing: where.document.toJS() as Record<string, unknown> };
}

/** `text` with each range replaced by `by`. */
function spliced(text: string, ranges: readonly { start: number; end: number }[], by: string): string {
  let result = text;
  for (const { start, end } of [...ranges].sort((a, b) => b.start - a.start))
    result = result.slice(0, start) + by + result.slice(end);
  return result;
}

/** package.json as JSON (YAML read it, and YAML forgives what JSON does not); or where it breaks. */
function parsePackageJson(file: ProjectFile): Record<string, unknown> | Diagnostic[] {
  try {
    const value: unknown = JSON.parse(file.text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    return [
      {
        code: 'migrate-file-syntax',
        severity: 'error',
        message: 'package.json must hold an object.',
        location: file.locate(0),
      },
    ];
  } catch (error) {
    const at = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? 0);
    return [
      {
        code: 'migrate-file-syntax',
        severity: 'error',
        message: `package.json cannot be parsed: ${(error as Error).message.replace(/ in JSON at position \d+.*$/s, '')}.`,
        location: file.locate(at),
      },
    ];
  }
}

/** The version node of a dependency (or dev dependency) in package.json, if it has one. */
function dependencyNode(file: ProjectFile, name: string): Parameters<ProjectFile['at']>[0] | undefined {
  for (const [section, node] of entries(file.document.contents)) {
    if (section !== 'dependencies' && section !== 'devDependencies') continue;
    const found = entries(node).find(([key]) => key === name);
    if (found !== undefined) return found[1];
  }
  return undefined;
}

/** The install command of the project's package manager: from `packageManager`, else its lockfile. */
function installCommand(root: string, pkg: Record<string, unknown>): string {
  const declared = typeof pkg['packageManager'] === 'string' ? /^[a-z]+/.exec(pkg['packageManager'])?.[0] : undefined;
  const locked = LOCKFILES.find(([file]) => existsSync(join(root, file)))?.[1];
  const manager = declared ?? locked ?? 'npm';
  return manager === 'yarn' ? 'yarn' : `${manager} install`;
}

const LOCKFILES: readonly (readonly [string, string])[] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
];
