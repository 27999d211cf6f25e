/**
 * One collection, one place in the client. A spec may reach the items of one collection by two
 * roads: OpenAI's `/organization/projects/{project_id}/users` and `/projects/{project_id}/roles`
 * both address a project by `project_id`. Left alone, the second road makes a second `projects`
 * tree beside `organization.projects`; grafted, both are `organization.projects.…`.
 */
import type { HttpMethod } from './model.js';
import { segmentName } from './placement.js';
import { isTemplate } from './route.js';

export interface Graft {
  /** The segments the operation is named by: the home's prefix, then its own. */
  readonly segments: readonly string[];
  /** The prefix it was grafted under (`organization`), or `undefined` where it stays. */
  readonly under: readonly string[] | undefined;
}

/**
 * A top-level path tree `/x/{x_id}/…` is grafted under the one other place `/p…/x/{x_id}` that
 * names the same items by the same parameter, when:
 * - `/x` and `/x/{x_id}` have no operation of their own (else `x` is a collection in its own right);
 * - the prefix `p…` is all literal, so the grafted call takes no argument it does not send;
 * - exactly one such prefix exists;
 * - no grafted operation lands on a path shape and method some operation already has.
 */
export function graftTrees(paths: readonly (readonly string[])[], methods: readonly HttpMethod[]): Graft[] {
  const shape = (segments: readonly string[]): string =>
    segments.map((s, index) => (isTemplate(s) ? '{}' : segmentName(s, index > 0))).join('/');
  const shapes = new Set(paths.map(shape));
  const routes = new Set(paths.map((segments, index) => `${methods[index]} ${shape(segments)}`));
  // `projects#{project_id}` → the prefixes under which those items are also addressed.
  const homes = new Map<string, Map<string, readonly string[]>>();
  const treeKey = (name: string, param: string): string => `${segmentName(name, true)}#${param}`;
  for (const segments of paths) {
    for (let i = 1; i + 1 < segments.length; i++) {
      const [name, param] = [segments[i] as string, segments[i + 1] as string];
      const prefix = segments.slice(0, i);
      if (isTemplate(name) || !isTemplate(param) || prefix.some(isTemplate)) continue;
      const key = treeKey(name, param);
      const found = homes.get(key) ?? new Map<string, readonly string[]>();
      found.set(shape(prefix), prefix);
      homes.set(key, found);
    }
  }
  const homeOf = new Map<string, readonly string[] | undefined>();
  const graftable = (segments: readonly string[]): readonly string[] | undefined => {
    const [name, param] = segments;
    if (segments.length < 3 || name === undefined || param === undefined) return undefined;
    if (isTemplate(name) || !isTemplate(param)) return undefined;
    const key = treeKey(name, param);
    if (homeOf.has(key)) return homeOf.get(key);
    const found = [...(homes.get(key)?.values() ?? [])];
    const home =
      found.length === 1 && !shapes.has(shape([name])) && !shapes.has(shape([name, param])) ? found[0] : undefined;
    homeOf.set(key, home);
    return home;
  };
  // A tree whose graft would land on an operation already there stays where it is.
  const blocked = new Set<string>();
  paths.forEach((segments, index) => {
    const home = graftable(segments);
    if (home !== undefined && routes.has(`${methods[index]} ${shape([...home, ...segments])}`))
      blocked.add(treeKey(segments[0] as string, segments[1] as string));
  });
  return paths.map((segments) => {
    const home = graftable(segments);
    if (home === undefined || blocked.has(treeKey(segments[0] as string, segments[1] as string)))
      return { segments, under: undefined };
    return { segments: [...home, ...segments], under: home };
  });
}
