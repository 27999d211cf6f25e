/**
 * The model of a spec whose one description changed, from the model before: the model copies
 * a description as it is into each place that shows it (an operation's docs, a hoisted type's,
 * a parameter's), so replacing that text gives the model a fresh build would give, when
 * - the old text was read from no other place of the spec (it occurs once in its files), and
 * - no model text holds it inside a longer one (a webhook's docs join summary and description),
 *   which a replacement would miss.
 * Anything else is `undefined`: the caller builds the model afresh.
 *
 * Copies on write: every object on the way to a replaced text is new, everything else is the
 * object it was, which is what lets the emit memo reuse files (emit-memo.ts).
 */
export function replaceDescription(
  model: object,
  before: string,
  after: string,
  /** The raw object the text was changed in; a model that holds it (example data) is built afresh. */
  changedContainer: object,
): { model: object; replaced: number } | undefined {
  const copies = new Map<object, object>();
  let replaced = 0;
  let refused = false;
  const visit = (value: unknown): unknown => {
    if (refused) return value;
    if (typeof value === 'string') {
      if (value === before) {
        replaced++;
        return after;
      }
      if (value.includes(before)) refused = true;
      return value;
    }
    if (value === null || typeof value !== 'object') return value;
    if (value === changedContainer) {
      refused = true;
      return value;
    }
    const known = copies.get(value);
    if (known !== undefined) return known;
    // Until its parts are seen, an object stands for itself (the model has no cycles; this is a guard).
    copies.set(value, value);
    const copy = copyIfChanged(value, visit);
    if (copy === undefined) {
      refused = true;
      return value;
    }
    copies.set(value, copy);
    return copy;
  };
  const patched = visit(model) as object;
  return refused || replaced === 0 ? undefined : { model: patched, replaced };
}

/** The object with `visit` applied to each part: itself when nothing changed; `undefined` for a kind it cannot copy. */
function copyIfChanged(value: object, visit: (part: unknown) => unknown): object | undefined {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const part = visit(value[i]);
      if (part !== value[i]) {
        out ??= value.slice();
        out[i] = part;
      }
    }
    return out ?? value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return undefined;
  let out: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const part = visit(record[key]);
    if (part !== record[key]) {
      out ??= { ...record };
      out[key] = part;
    }
  }
  return out ?? value;
}

/** One reference in the model: `parent[key]`. Kept up to date as parents are copied. */
interface Edge {
  parent: object;
  readonly key: string | number;
}

/**
 * Where each text of a model is, found by one walk after a full run, so that a patch goes
 * straight to the places of the old text instead of walking the whole model. The model shares
 * objects (a type used in two places is one object): each object knows every reference to it,
 * and a copy replaces the object at all of them, so the sharing stays. A replacement keeps
 * the model's shape, so the index, updated as it copies, serves every patch after.
 */
export class ModelTexts {
  readonly #places = new Map<string, Edge[]>();
  /** The references to each object, and the references each object holds. */
  readonly #refsTo = new WeakMap<object, Edge[]>();
  readonly #held = new WeakMap<object, Edge[]>();

  private constructor() {}

  /** The index of a model of plain objects and arrays; `undefined` for anything else. */
  static of(model: object): ModelTexts | undefined {
    const index = new ModelTexts();
    const visit = (value: object): boolean => {
      if (index.#held.has(value)) return true;
      const proto = Object.getPrototypeOf(value);
      if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return false;
      const held: Edge[] = [];
      index.#held.set(value, held);
      const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
      for (const key of keys) {
        const part = (value as Record<string | number, unknown>)[key];
        if (typeof part !== 'string' && (part === null || typeof part !== 'object')) continue;
        const edge: Edge = { parent: value, key };
        held.push(edge);
        if (typeof part === 'string') push(index.#places, part, edge);
        else {
          const refs = index.#refsTo.get(part);
          if (refs === undefined) index.#refsTo.set(part, [edge]);
          else refs.push(edge);
          if (!visit(part)) return false;
        }
      }
      return true;
    };
    return visit(model) ? index : undefined;
  }

  /** `replaceDescription`'s result, from the places of `before`; this index then describes the new model. */
  replace(
    model: object,
    before: string,
    after: string,
    changedContainer: object,
  ): { model: object; replaced: number } | undefined {
    const places = this.#places.get(before);
    if (places === undefined || this.#held.has(changedContainer)) return undefined;
    for (const text of this.#places.keys()) if (text !== before && text.includes(before)) return undefined;
    const copies = new Map<object, object>();
    const made = new Set<object>();
    const copyOf = (value: object): object => {
      // An edge already moved to a copy made in this patch points at that copy.
      if (made.has(value)) return value;
      const known = copies.get(value);
      if (known !== undefined) return known;
      const out = Array.isArray(value) ? value.slice() : { ...value };
      copies.set(value, out);
      made.add(out);
      const held = this.#held.get(value) ?? [];
      for (const edge of held) edge.parent = out;
      this.#held.set(out, held);
      const refs = this.#refsTo.get(value) ?? [];
      this.#refsTo.set(out, refs);
      for (const edge of refs) (copyOf(edge.parent) as Record<string | number, unknown>)[edge.key] = out;
      return out;
    };
    for (const edge of places) (copyOf(edge.parent) as Record<string | number, unknown>)[edge.key] = after;
    this.#places.delete(before);
    for (const edge of places) push(this.#places, after, edge);
    return { model: copies.get(model) ?? model, replaced: places.length };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
