import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which files of an output folder sdkgen wrote, so that it overwrites and deletes only those.
 * Every run leaves a manifest listing its files; `dist/` holds what was compiled from them.
 * A folder from an sdkgen that wrote no manifest is recognized by the banners of its files.
 */
export const MANIFEST = '.sdkgen-manifest.json';

/** The user's own code in the package: sdkgen never writes, merges or deletes below it (it compiles it into dist/). */
export const USER_CODE_DIR = 'src/lib/';

export function isUserCode(path: string): boolean {
  return path.startsWith(USER_CODE_DIR);
}

export type FolderKind =
  /** Missing or empty: anything may be written. */
  | 'new'
  /** Has a manifest: it lists what an earlier run wrote. */
  | 'manifest'
  /** No manifest, but its sources carry sdkgen's banner: written by an older sdkgen. */
  | 'legacy'
  /** Not empty, and nothing says sdkgen made it. */
  | 'foreign';

export interface Ownership {
  readonly kind: FolderKind;
  /** Paths (relative, with `/`) that sdkgen wrote and may overwrite or delete. */
  readonly owned: ReadonlySet<string>;
  /** Generated files the user deleted, which sdkgen keeps deleted (the manifest's `deleted`); owned too. */
  readonly deleted: ReadonlySet<string>;
  /** Every file in the folder, relative, sorted. */
  readonly present: readonly string[];
}

interface Manifest {
  readonly generator: 'sdkgen';
  readonly note: string;
  readonly files: readonly string[];
  /** Generated files the user deleted: sdkgen does not write them again while they are listed here. */
  readonly deleted?: readonly string[];
}

/**
 * The manifest of an output: its files but the compiled `dist/` ones, which follow from the
 * sources, and the generated files the user deleted (listed only when there are some).
 */
export function manifestText(paths: readonly string[], deleted: readonly string[] = []): string {
  const gone = new Set(deleted);
  const manifest: Manifest = {
    generator: 'sdkgen',
    note: 'The files sdkgen wrote here. It merges your edits to them into each new output, and overwrites and deletes only these (and what it compiled from them into dist/); any other file is yours. It does not write again a file listed in "deleted": remove its line to get it back.',
    files: [
      ...new Set(paths.filter((path) => !path.startsWith('dist/') && path !== MANIFEST && !gone.has(path))),
    ].sort(),
    ...(gone.size > 0 ? { deleted: [...gone].sort() } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Reads only. `produced`: the paths this run writes, whose compiled `dist/` files it owns too. */
export function readOwnership(outDir: string, produced: readonly string[]): Ownership {
  const present = filesBelow(outDir).filter((path) => !isBookkeeping(path));
  if (present.length === 0) return { kind: 'new', owned: new Set(), deleted: new Set(), present };
  const listed = readManifest(outDir);
  const sources = new Set(produced);
  let kind: FolderKind;
  let owned: Set<string>;
  let deleted = new Set<string>();
  if (listed !== undefined) {
    kind = 'manifest';
    deleted = new Set(listed.deleted);
    owned = new Set([...listed.files, ...deleted, MANIFEST]);
  } else {
    owned = new Set(present.filter((path) => hasBanner(outDir, path)));
    kind = [...owned].some((path) => path.startsWith('src/')) ? 'legacy' : 'foreign';
    if (kind === 'legacy') {
      // The files that cannot carry a banner are sdkgen's when its sources are: it wrote them together.
      for (const path of ['package.json', 'tsconfig.json', '.gitignore', '.gitattributes'])
        if (present.includes(path) && sources.has(path)) owned.add(path);
    }
  }
  for (const path of owned) sources.add(path);
  // dist/ is what sdkgen compiled: from its sources, and from the user's src/lib/ (generate-command.ts).
  for (const path of present)
    if (
      path.startsWith('dist/') &&
      (sources.has(sourceOf(path)) || (kind === 'manifest' && isUserCode(sourceOf(path))))
    )
      owned.add(path);
  return { kind, owned, deleted, present };
}

/** `dist/a/b.js`, `dist/a/b.d.ts` (and their maps) were compiled from `src/a/b.ts`. */
export function sourceOf(distPath: string): string {
  return `src/${distPath.slice('dist/'.length).replace(/(\.d)?\.(js|ts)(\.map)?$/, '')}.ts`;
}

function readManifest(outDir: string): { files: readonly string[]; deleted: readonly string[] } | undefined {
  let text: string;
  try {
    text = readFileSync(join(outDir, MANIFEST), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const manifest = JSON.parse(text) as Partial<Manifest>;
    const deleted = manifest.deleted ?? [];
    if (manifest.generator === 'sdkgen' && isPathList(manifest.files) && isPathList(deleted)) {
      return { files: manifest.files, deleted };
    }
  } catch {
    // A manifest that is not sdkgen's JSON does not make the folder sdkgen's.
  }
  return undefined;
}

function isPathList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((f) => typeof f === 'string' && !f.split('/').includes('..'));
}

/** sdkgen's banner on the first lines: `// Generated by \`sdkgen generate …`, or its HTML or JSON form. */
function hasBanner(outDir: string, path: string): boolean {
  let head: string;
  try {
    head = readFileSync(join(outDir, path), 'utf8').slice(0, 600);
  } catch {
    return false;
  }
  return /Generated by `sdkgen generate /.test(head);
}

/**
 * A run killed while renaming leaves this file in the output: the renames and deletions it
 * had still to make. The next run finishes them before anything else (write-output.ts).
 */
export const JOURNAL = '.sdkgen-journal.json';
/** Marks a file written beside its target, to be renamed into place. */
export const TEMP_MARK = '.sdkgen-tmp-';

// A killed run's journal and temporaries are sdkgen's own, and finished or removed before planning.
function isBookkeeping(path: string): boolean {
  return path === JOURNAL || path.includes(TEMP_MARK);
}

/**
 * Every file below `outDir/prefix`, but in `node_modules/` and `.git/`, as sorted `/`-separated
 * paths relative to `outDir`; `prefix` is empty or ends in `/`.
 */
export function filesBelow(outDir: string, prefix = ''): string[] {
  return listAll(outDir, prefix).sort();
}

function listAll(outDir: string, prefix: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(outDir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const paths: string[] = [];
  for (const entry of entries) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.git') paths.push(...listAll(outDir, `${path}/`));
    } else {
      paths.push(path);
    }
  }
  return paths;
}

/** A file's text, or undefined when it cannot be read (missing, a folder). */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
