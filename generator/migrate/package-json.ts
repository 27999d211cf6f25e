/**
 * The project's package.json after the move: scripts that run `sdkgen generate`, `sdkgen` added,
 * and the packages it replaces removed. Written back with the file's own indentation.
 */
import type { ScriptChange } from './collect-targets.js';

const SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
type Section = (typeof SECTIONS)[number];

/** These declare openapi-fetch as a peer dependency for their types: it stays while they do. */
export const QUERY_LIBRARIES = ['openapi-react-query', 'swr-openapi'] as const;

export type DependencyChange =
  | { readonly kind: 'add'; readonly name: string; readonly section: Section; readonly version: string }
  | { readonly kind: 'remove'; readonly name: string; readonly section: Section }
  | { readonly kind: 'keep'; readonly name: string; readonly section: Section; readonly why: string };

export interface DependencyInputs {
  /** The version range of sdkgen to depend on. */
  readonly sdkgenVersion: string;
  /** The project calls openapi-typescript's Node API, which sdkgen does not replace. */
  readonly usesOtsApi: boolean;
  /** Modules still imported somewhere after the rewrite (a subpath sdkgen has no twin for). */
  readonly stillImported: ReadonlySet<string>;
}

type Json = Record<string, unknown>;

function section(pkg: Json, name: Section): Record<string, string> | undefined {
  const value = pkg[name];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, string>)
    : undefined;
}

/** The query libraries (openapi-react-query, swr-openapi) the project depends on, in any section. */
export function queryLibrariesOf(pkg: Json): string[] {
  return QUERY_LIBRARIES.filter((name) => SECTIONS.some((s) => section(pkg, s)?.[name] !== undefined));
}

/** What happens to each dependency, in a stable order. */
export function dependencyChanges(pkg: Json, inputs: DependencyInputs): DependencyChange[] {
  const changes: DependencyChange[] = [];
  const where = (name: string): Section[] => SECTIONS.filter((s) => section(pkg, s)?.[name] !== undefined);
  const [queryLibrary] = queryLibrariesOf(pkg);
  const runtime =
    where('openapi-fetch').includes('dependencies') || where('openapi-typescript-helpers').includes('dependencies');
  if (where('sdkgen').length === 0)
    changes.push({
      kind: 'add',
      name: 'sdkgen',
      // The app imports sdkgen/fetch at run time where it imported openapi-fetch.
      section: runtime ? 'dependencies' : 'devDependencies',
      version: inputs.sdkgenVersion,
    });
  const removable = (name: string, why: string | undefined): void => {
    for (const s of where(name)) {
      if (s === 'peerDependencies') continue;
      changes.push(why === undefined ? { kind: 'remove', name, section: s } : { kind: 'keep', name, section: s, why });
    }
  };
  removable(
    'openapi-typescript',
    inputs.usesOtsApi ? "the project calls openapi-typescript's Node API, which sdkgen does not replace" : undefined,
  );
  removable(
    'openapi-fetch',
    queryLibrary !== undefined
      ? `${queryLibrary} declares it as a peer dependency for its types`
      : inputs.stillImported.has('openapi-fetch')
        ? 'a file still imports from it'
        : undefined,
  );
  removable(
    'openapi-typescript-helpers',
    inputs.stillImported.has('openapi-typescript-helpers') ? 'a file still imports from it' : undefined,
  );
  return changes;
}

/** package.json's new text: scripts replaced, dependency changes made, formatting kept. */
export function packageJsonText(
  text: string,
  pkg: Json,
  scripts: readonly ScriptChange[],
  changes: readonly DependencyChange[],
): string {
  const next: Json = structuredClone(pkg);
  const nextScripts = next['scripts'] as Record<string, string> | undefined;
  for (const change of scripts) if (nextScripts !== undefined) nextScripts[change.name] = change.after;
  for (const change of changes) {
    if (change.kind === 'keep') continue;
    if (change.kind === 'remove') {
      delete (next[change.section] as Record<string, string>)[change.name];
      continue;
    }
    const deps = section(next, change.section) ?? {};
    const wasSorted = Object.keys(deps).every((name, i, all) => i === 0 || (all[i - 1] as string) <= name);
    deps[change.name] = change.version;
    next[change.section] = wasSorted
      ? Object.fromEntries(Object.entries(deps).sort(([a], [b]) => (a < b ? -1 : 1)))
      : deps;
  }
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
  return JSON.stringify(next, null, indent) + (text.endsWith('\n') ? '\n' : '');
}
