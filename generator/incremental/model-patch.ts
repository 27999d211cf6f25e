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
