import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Change } from './compare.js';

export interface Places {
  readonly root: string;
  readonly ref: string | undefined;
  readonly checkout: string | undefined;
  readonly cwd: string;
  /** The absolute paths of each spec's files. */
  readonly base: ReadonlySet<string>;
  readonly head: ReadonlySet<string>;
}

/**
 * The change with its file named from the repository's root (where a PR's files are). A finding
 * located in the base spec alone (a removal) says so: with --base its file is named as git names
 * a file at a revision (`origin/main:spec/openapi.yaml`), never as the head's file, whose line
 * it is not.
 */
export function located(change: Change, places: Places): Change {
  const { location } = change;
  if (location === undefined || /^https?:\/\//i.test(location.file)) return change;
  const absolute = resolve(places.cwd, location.file);
  const fromCheckout = places.checkout !== undefined && isInside(places.checkout, absolute);
  // A file of both (one a multi-file spec's two versions share) is the head's.
  const side = fromCheckout || (places.base.has(absolute) && !places.head.has(absolute)) ? 'base' : 'head';
  const file = fromCheckout
    ? `${places.ref}:${posix(relative(places.checkout, absolute))}`
    : posix(relative(places.root, absolute));
  return { ...change, location: { ...location, file }, locatedIn: side };
}

function posix(path: string): string {
  return path.split(sep).join('/');
}

function isInside(folder: string, path: string): boolean {
  const inner = relative(folder, path);
  return inner !== '' && !inner.startsWith('..') && !isAbsolute(inner);
}

/** A base diagnostic's `file:line:col` named as the file at the revision. */
export function atRevision(text: string, ref: string, cwd: string, checkout: string): string {
  return text.replace(/^([^\n:]+)(?=:\d+:\d+: )/, (file) =>
    isInside(checkout, resolve(cwd, file)) ? `${ref}:${posix(relative(checkout, resolve(cwd, file)))}` : file,
  );
}
