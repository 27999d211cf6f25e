/**
 * Path segments that are not resources: a prefix every path shares up to an API marker
 * (`/rest/api/3`, `/controller/api/v1`), and a version segment with no other version beside
 * it (`/v2/inventory` when there is no `/v1`). Where versions live side by side, they stay.
 * A shared word right after the marker that is no resource (`/api/where/…`) goes with it.
 */
import { isTemplate } from './route.js';

const VERSION = /^v\d+([._-]?\d+)*([._-]?(alpha|beta|preview|rc)\d*)?$/i;
const NUMBER = /^\d+(\.\d+)*$/;
const MARKER = /^(api|apis|rest|restapi)$/i;

/** `v2`, `v1beta1`; a bare number (`3`, `2.0`) only first or after a marker (`/rest/api/3`), where it cannot be an id or a code. */
function isVersionAt(segments: readonly string[], index: number): boolean {
  const segment = segments[index] as string;
  if (VERSION.test(segment)) return true;
  return NUMBER.test(segment) && (index === 0 || MARKER.test(segments[index - 1] as string));
}

/** Each path's segments without the ones that are not resources. */
export function resourceSegments(paths: readonly (readonly string[])[]): (readonly string[])[] {
  const shared = sharedPrefixLength(paths);
  return dropLoneVersions(dropVersionedHeads(paths.map((segments) => segments.slice(shared))));
}

/**
 * Where not every path shares it, a head and the one version after it still address an API, not
 * a resource: Jira's `/rest/api/3/issue` beside `/rest/atlassian-connect/1/addons` is `issue`
 * and `atlassianConnect.addons`, not `api.issue` and `atlassianConnect._1.addons`. A marker head
 * (`api`) goes with its version; another head stays, its version goes. Only where every path of
 * that head has the same version there and goes on after it: versions side by side stay.
 */
function dropVersionedHeads(paths: readonly (readonly string[])[]): (readonly string[])[] {
  const versions = new Map<string, Set<string> | null>();
  for (const segments of paths) {
    const [head, version] = segments;
    if (head === undefined || isTemplate(head)) continue;
    const key = head.toLowerCase();
    const versioned = version !== undefined && segments.length > 2 && (VERSION.test(version) || NUMBER.test(version));
    const seen = versions.get(key);
    if (!versioned || seen === null) versions.set(key, null);
    else versions.set(key, (seen ?? new Set()).add(version.toLowerCase()));
  }
  return paths.map((segments) => {
    const [head] = segments;
    const found = head === undefined ? undefined : versions.get(head.toLowerCase());
    if (found === undefined || found === null || found.size !== 1) return segments;
    return MARKER.test(head as string) ? segments.slice(2) : [head as string, ...segments.slice(2)];
  });
}

/** How many leading segments to drop: the shared literal prefix, up to its last marker or version. */
function sharedPrefixLength(paths: readonly (readonly string[])[]): number {
  const [first, ...others] = paths;
  if (first === undefined) return 0;
  let common = 0;
  while (
    common < first.length &&
    !isTemplate(first[common] as string) &&
    others.every((p) => p.length > common && p[common]?.toLowerCase() === first[common]?.toLowerCase())
  ) {
    common++;
  }
  let drop = 0;
  for (let i = 0; i < common; i++) if (MARKER.test(first[i] as string) || isVersionAt(first, i)) drop = i + 1;
  // OneBusAway's `/api/where/…`: a shared word right after the marker, with no operation of its
  // own and no item below it (`/api/where/{id}`), is a namespace of the URL, not a resource.
  // `/v1/apps` with operations on `/v1/apps` stays a resource, and so does a word that groups
  // nothing (every path goes on the same way after it: `/2.0/status/100` alone).
  if (drop > 0 && drop + 1 === common && paths.every((p) => p.length > drop + 1 && !isTemplate(p[drop + 1] as string)))
    drop++;
  // A path that is all prefix keeps its last segment, so that it still names something.
  return paths.some((p) => p.length <= drop) ? Math.max(0, drop - 1) : drop;
}

/** Drops a version segment (not the last of its path) where no different version stands beside it. */
function dropLoneVersions(paths: readonly (readonly string[])[]): (readonly string[])[] {
  const versionsAt = new Map<string, Set<string>>();
  const parentKey = (segments: readonly string[], index: number): string =>
    segments
      .slice(0, index)
      .map((s) => (isTemplate(s) ? '{}' : s.toLowerCase()))
      .join('/');
  for (const segments of paths) {
    segments.forEach((segment, index) => {
      if (!isVersionAt(segments, index)) return;
      const key = parentKey(segments, index);
      const set = versionsAt.get(key) ?? new Set<string>();
      set.add(segment.toLowerCase());
      versionsAt.set(key, set);
    });
  }
  return paths.map((segments) =>
    segments.filter(
      (_, index) =>
        !(
          index < segments.length - 1 &&
          isVersionAt(segments, index) &&
          versionsAt.get(parentKey(segments, index))?.size === 1
        ),
    ),
  );
}
