/**
 * The names an earlier run gave (the output folder's `.sdkgen-names.json`, read by
 * `config/names-lock.ts`), as the model builder consults them: an operation, a component schema or
 * a resource that is still there keeps its name, unless a name is declared for it or `--rename`
 * names it (docs/naming.md, "Names are kept"). The model never reads the file itself.
 */
import type { DiagnosticBag } from '../diagnostics.js';
import type { HttpMethod } from './model.js';
import { type FixedQuery, operationRoute } from './route.js';

/** The lock's entries, as read. */
export interface NamesLock {
  /** The file, as messages show it. */
  readonly file: string;
  /** `GET /threads/{thread_id}/runs` → `threads.runs.list`: the resource path, then the method. */
  readonly operations: ReadonlyMap<string, readonly string[]>;
  /** `threads.runs` → its class name, `Runs`. */
  readonly resources: ReadonlyMap<string, string>;
  /** `#/components/schemas/Run` → its exported type name. */
  readonly schemas: ReadonlyMap<string, string>;
  /** `GET /threads/{thread_id}/runs` → its type names by role (`function`, `Params`, `Response`, …). */
  readonly types: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** What the model builder is given: the lock, and the `--rename` targets whose entries it must not keep. */
export interface NamesInput {
  readonly lock: NamesLock;
  /** operationIds, `METHOD /path`s, resource paths (`admin.projects`), method paths or schema names. */
  readonly rename?: readonly string[] | undefined;
}

export interface KeptOperation {
  readonly resource: readonly string[];
  readonly method: string;
}

/** The names lock's file, in the output folder beside the manifest. */
export const NAMES_LOCK = '.sdkgen-names.json';

/** An operation's type names in the lock, by role; `renamed`: free for it to take again, not kept. */
export interface KeptTypes {
  readonly byRole: ReadonlyMap<string, string>;
  readonly renamed: boolean;
}

export const SCHEMA_POINTER = '#/components/schemas/';

/** `#/components/schemas/a~1b` for the key `a/b`: a JSON pointer (RFC 6901). */
export const schemaPointer = (key: string): string =>
  `${SCHEMA_POINTER}${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** `GET /pets/{}`: a route whatever its path parameters are called, so renaming one keeps the entry. */
const blanked = (route: string): string => route.replace(/\{[^}]*\}/g, '{}');

/** `get /pets` → `GET /pets`. */
const normalRoute = (text: string): string => text.replace(/^([a-z]+)(?= \/)/i, (m) => m.toUpperCase());

/** The lock as the model builder asks it, with the `--rename` targets taken out as they match. */
export class KeptNames {
  readonly #lock: NamesLock;
  readonly #rename: readonly string[];
  readonly #used = new Set<string>();
  /** The routes of operations `--rename` names: their types are named afresh too. */
  readonly #renamed = new Set<string>();
  /** Blanked route → the lock's keys: a route is found by its shape where its parameters were renamed. */
  readonly #byShape = new Map<string, string[]>();
  /** The resources' and schemas' entries that `--rename` leaves kept. */
  readonly #resources: ReadonlyMap<string, string>;
  readonly #schemas: ReadonlyMap<string, string>;
  /** Every route of the spec: an entry found by its shape must not be another operation's own. */
  #routes: ReadonlySet<string> = new Set();

  constructor(input: NamesInput) {
    this.#lock = input.lock;
    this.#rename = input.rename ?? [];
    for (const key of input.lock.operations.keys())
      this.#byShape.set(blanked(key), [...(this.#byShape.get(blanked(key)) ?? []), key]);
    const key = (pointer: string): string =>
      pointer.slice(SCHEMA_POINTER.length).replace(/~1/g, '/').replace(/~0/g, '~');
    this.#resources = new Map(
      [...input.lock.resources].filter(([path]) => !this.#renames((target) => within(path.split('.'), target))),
    );
    this.#schemas = new Map(
      [...input.lock.schemas].filter(
        ([pointer, name]) =>
          !this.#renames((target) => target === name || target === pointer || target === key(pointer)),
      ),
    );
  }

  /** The spec's routes (`GET /pets/{id}`), told before any operation is asked about. */
  set routes(routes: ReadonlySet<string>) {
    this.#routes = routes;
  }

  /** The lock's key for a route: its own, else the one entry of its shape that no operation of the spec has. */
  #keyOf(route: string): string | undefined {
    if (this.#lock.operations.has(route)) return route;
    const shaped = this.#byShape.get(blanked(route));
    return shaped?.length === 1 && !this.#routes.has(shaped[0] as string) ? shaped[0] : undefined;
  }

  get file(): string {
    return this.#lock.file;
  }

  /** The name the lock keeps for an operation, unless `--rename` names it. */
  operation(operation: {
    readonly method: HttpMethod;
    readonly path: string;
    readonly fixedQuery: readonly FixedQuery[];
    readonly operationId: string | undefined;
  }): KeptOperation | undefined {
    const route = operationRoute(operation);
    const key = this.#keyOf(route);
    const call = key === undefined ? undefined : this.#lock.operations.get(key);
    if (call === undefined || call.length === 0) return undefined;
    const resource = call.slice(0, -1);
    const renamed = this.#renames(
      (target) =>
        target === operation.operationId ||
        blanked(normalRoute(target)) === blanked(route) ||
        target === call.join('.') ||
        within(resource, target),
    );
    if (renamed) this.#renamed.add(route);
    return renamed ? undefined : { resource, method: call.at(-1) as string };
  }

  /**
   * The type names the lock keeps for an operation, by role (its standalone function's too); asked
   * after `operation`. Those of an operation `--rename` names are free for it to take, not kept.
   */
  types(operation: {
    readonly method: HttpMethod;
    readonly path: string;
    readonly fixedQuery: readonly FixedQuery[];
  }): KeptTypes | undefined {
    const route = operationRoute(operation);
    const key = this.#keyOf(route);
    const byRole = key === undefined ? undefined : this.#lock.types.get(key);
    return byRole === undefined ? undefined : { byRole, renamed: this.#renamed.has(route) };
  }

  /** The class name the lock keeps for a resource. */
  resource(path: readonly string[]): string | undefined {
    return this.#resources.get(path.join('.'));
  }

  /** The type name the lock keeps for `components.schemas[key]`. */
  schema(key: string): string | undefined {
    return this.#schemas.get(schemaPointer(key));
  }

  /** Every type name the lock keeps: no name inferred for something else may take one. */
  get typeNames(): readonly string[] {
    return [
      ...this.#resources.values(),
      ...this.#schemas.values(),
      ...[...this.#lock.types.values()].flatMap((byRole) => [...byRole.values()]),
    ];
  }

  /** A `--rename` target that matched no entry of the lock is most likely a typo. */
  reportUnused(diagnostics: DiagnosticBag): void {
    for (const target of this.#rename)
      if (!this.#used.has(target))
        diagnostics.warning(
          'rename-unmatched',
          `--rename ${target} matches no name in ${this.#lock.file}.`,
          undefined,
          "Give an operationId, 'METHOD /path', a resource path (admin.projects), a method path (admin.projects.list) or a schema name.",
        );
  }

  #renames(matches: (target: string) => boolean): boolean {
    const hits = this.#rename.filter(matches);
    for (const hit of hits) this.#used.add(hit);
    return hits.length > 0;
  }
}

/** `admin.projects` names `admin.projects` and what is below it. */
function within(path: readonly string[], target: string): boolean {
  const joined = path.join('.');
  return joined !== '' && (joined === target || joined.startsWith(`${target}.`));
}
