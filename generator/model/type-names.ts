/**
 * The names of the types a resource tree exports: its classes, each operation's params type and
 * the inline types it hoists (response, body, list item). Every name is named by its role, as
 * Stainless-made SDKs name them (`<Resource><Method>Params`), and where two want one name the
 * shallower resource keeps it and the other is qualified by its parents (`ProjectTaskListParams`),
 * then by its operationId; a number is the last resort (docs/naming.md, "Type names").
 */
import { stainlessPascal } from '../load/stainless/casing.js';
import { pascalCase, singular } from './names.js';

/** What a type is named after: where it lives on the client, what it is for, and the operation's own id. */
export interface TypeRole {
  /** The resource path: `['projects', 'tasks']`; `[]` for a method of the client itself. */
  readonly resource: readonly string[];
  /** The method's name (`list`), or `''` for a resource's class. */
  readonly method: string;
  /** `Params`, `Response`, `Body`, `ListItem`. */
  readonly suffix: string;
  /** The spec's operationId, if it has one. */
  readonly operationId: string | undefined;
  /** `get /items/{id}`, with any query its path key fixes: one operation's alone. */
  readonly route: string;
  /**
   * `typeNames: per-method`: the resource and method names in Stainless's PascalCase, its
   * initialisms upper-cased (`urlEndpoints.getFromURL` → `URLEndpointGetFromURLParams`).
   */
  readonly stainlessCasing?: boolean | undefined;
}

/**
 * Candidates from the plainest to the most qualified: `TaskListParams`, `ProjectTaskListParams`,
 * `WorkspaceProjectTaskListParams`, then `GetTasksForProjectParams` from the operationId, then
 * `GetProjectsTasksParams` from the route.
 */
export function operationTypeNames(role: TypeRole): string[] {
  const last = role.resource.at(-1) ?? '';
  const pascal = role.stainlessCasing === true ? (name: string) => stainlessPascal(name) : pascalCase;
  const base = `${singular(pascal(last))}${pascal(role.method)}${role.suffix}`;
  const names = qualifiedByParents(base, role.resource.slice(0, -1), pascal);
  // `me.calendar.events` and `me.calendars.events` are one name once singular: the whole path tells them apart.
  if (role.resource.length > 1)
    names.push(`${pascalCase(role.resource.join(' '))}${pascalCase(role.method)}${role.suffix}`);
  if (role.operationId !== undefined) names.push(`${pascalCase(role.operationId)}${role.suffix}`);
  names.push(`${pascalCase(role.route)}${role.suffix}`);
  return unique(names.filter((name) => name !== role.suffix && name !== ''));
}

/**
 * A resource's class: `Tasks`, then qualified by its parents (`ProjectTasks`), then `TasksResource`
 * (where a schema of the API has the name: a top-level resource has no parent to tell it apart).
 */
export function resourceClassNames(resource: readonly string[]): string[] {
  const own = pascalCase(resource.at(-1) ?? '');
  return unique([
    ...qualifiedByParents(own, resource.slice(0, -1)),
    pascalCase(resource.join(' ')),
    `${own}Resource`,
    `${pascalCase(resource.join(' '))}Resource`,
  ]);
}

/** `base`, then each parent's singular name put before it, nearest first. */
function qualifiedByParents(base: string, parents: readonly string[], pascal = pascalCase): string[] {
  const names = [base];
  let name = base;
  for (const parent of [...parents].reverse()) {
    const qualifier = singular(pascal(parent));
    if (qualifier === '') continue;
    name = `${qualifier}${name}`;
    names.push(name);
  }
  return names;
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

/**
 * Shallower resources first, each level in the order given: the order in which a tree's
 * resources claim their names, so that `files` is `Files` and `containers.files` is
 * `ContainerFiles` whatever order the spec lists them in.
 */
export function shallowestFirst<T>(root: T, children: (node: T) => Iterable<T>): T[] {
  const order: T[] = [];
  for (let level: T[] = [root]; level.length > 0; level = level.flatMap((node) => [...children(node)]))
    order.push(...level);
  return order;
}
