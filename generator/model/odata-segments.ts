/**
 * The words of an OData path's segments, as Microsoft's Kiota (msgraph-sdk-typescript) names
 * them, for the name plan (docs/naming.md, "OData paths"). Microsoft Graph's spec writes a type
 * cast as the type's full name (`/users/{id}/memberOf/microsoft.graph.group`), an action or
 * a function with its namespace (`…/functions/microsoft.graph.gammaLn`,
 * `…/microsoft.graph.range(address='{address}')`), and system segments with a dollar (`$count`,
 * `$ref`, `$value`). A segment is qualified only where the spec's own schemas are named in its
 * namespace (`microsoft.graph.user`), so that Slack's `/chat.postMessage` or a domain stays whole.
 */
import { isTemplate } from './route.js';

/** `ns.ns.name`, optionally called: `microsoft.graph.range(address='{address}')`. */
const QUALIFIED = /^((?:[A-Za-z_][\w]*\.)+)([A-Za-z_]\w*)(\((.*)\))?$/;
/** `name(…)` without a namespace: msgraph-metadata's own form, `range(address='{address}')`. */
const CALLED = /^([A-Za-z_]\w*)\((.*)\)$/;

export class ODataSegments {
  /** Every namespace the spec's schemas are named in, and each one's last part (`graph`, Microsoft's alias). */
  readonly #namespaces = new Set<string>();
  readonly #types = new Set<string>();
  /** `<parent path>/<function>` → the parameter lists its overloads take. */
  readonly #overloads = new Map<string, Set<string>>();

  constructor(schemaNames: Iterable<string>, paths: Iterable<string>) {
    for (const name of schemaNames) {
      const dot = name.lastIndexOf('.');
      if (dot <= 0) continue;
      const namespace = name.slice(0, dot);
      this.#types.add(name);
      this.#namespaces.add(namespace);
      const parts = namespace.split('.');
      // Microsoft's converter writes a cast with the namespace's alias (`graph.user` for `microsoft.graph.user`).
      const alias = parts.at(-1) as string;
      this.#namespaces.add(alias);
      this.#types.add(`${alias}.${name.slice(dot + 1)}`);
    }
    if (this.#namespaces.size === 0) return;
    for (const path of paths) {
      const segments = path.split('/').filter((segment) => segment !== '');
      segments.forEach((segment, index) => {
        const call = this.#call(segment);
        if (call === undefined) return;
        const key = [...segments.slice(0, index), call.name].join('/');
        this.#overloads.set(key, (this.#overloads.get(key) ?? new Set()).add(call.parameters));
      });
    }
  }

  /**
   * The segments the plan names an operation by: a cast is its namespace's alias and its type
   * (`graph.user` → `graphUser`), an action or a function its own name (`gammaLn`, `range`) with
   * its parameters only where an overload with other parameters is its sibling
   * (`rangeWithAddress`), `$value` is `content`, and every other `$` segment its word (`count`, `ref`).
   */
  /** Whether the API is an OData service: its paths call functions of its schemas' namespace. */
  get active(): boolean {
    return this.#overloads.size > 0;
  }

  segments(segments: readonly string[]): readonly string[] {
    return segments.map((segment, index) => this.#word(segment, segments.slice(0, index)));
  }

  #word(segment: string, parents: readonly string[]): string {
    if (segment === '$value') return 'content';
    if (/^\$[A-Za-z]+$/.test(segment)) return segment.slice(1);
    if (isTemplate(segment) || this.#namespaces.size === 0) return segment;
    if (this.#types.has(segment)) {
      const parts = segment.split('.');
      return `${parts.at(-2)}.${parts.at(-1)}`;
    }
    const call = this.#call(segment);
    if (call === undefined) return segment;
    const overloads = this.#overloads.get([...parents, call.name].join('/'));
    // Only overloads need their parameters in their names: Kiota's `rangeWithAddress` beside `range`.
    if (call.parameters === '' || overloads === undefined || overloads.size < 2) return call.name;
    return [call.name, ...parameterNames(call.parameters).flatMap((name) => ['with', name])].join(' ');
  }

  /** An action or function of a namespace the schemas use, or called with named parameters: its own name and its parameter list. */
  #call(segment: string): { readonly name: string; readonly parameters: string } | undefined {
    const qualified = QUALIFIED.exec(segment);
    if (qualified !== null) {
      const namespace = (qualified[1] as string).slice(0, -1);
      if (!this.#namespaces.has(namespace) || this.#types.has(segment)) return undefined;
      return { name: qualified[2] as string, parameters: qualified[4] ?? '' };
    }
    const called = CALLED.exec(segment);
    // A key in parentheses (`accounts({accountid})`, SAP's `A_BusinessPartner('{id}')`) addresses an item: no call.
    if (called === null || ((called[2] as string) !== '' && !(called[2] as string).includes('='))) return undefined;
    return { name: called[1] as string, parameters: called[2] as string };
  }
}

/** `startDateTime='{startDateTime}',interval={interval}` → `startDateTime`, `interval`; an alias `ids=@ids` too. */
function parameterNames(parameters: string): string[] {
  return parameters
    .split(',')
    .map((part) => part.split('=')[0]?.trim() ?? '')
    .filter((name) => name !== '');
}
