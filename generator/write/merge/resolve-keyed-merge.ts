/** An entry of a list whose order does not matter: found by its key, compared by its text. */
export interface KeyedEntry {
  readonly key: string;
  readonly text: string;
}

/**
 * Settles an entry that both sides changed, each differently from the base (`base` undefined:
 * both added it): the merged entry, or undefined when the two changes really conflict.
 */
export type Combine<E extends KeyedEntry> = (base: E | undefined, ours: E, theirs: E) => E | undefined;

/**
 * The three-way merge of a list whose order does not matter: the new output's entries in its
 * order (with the user's changes to them), then the entries only the user added, in the user's
 * order. Undefined when one entry was changed both ways (and `combine` cannot settle it), or
 * deleted by one side and changed by the other: a real conflict, for a person to resolve.
 * Keys must be unique within each list.
 */
export function mergeKeyed<E extends KeyedEntry>(
  base: readonly E[],
  ours: readonly E[],
  theirs: readonly E[],
  combine: Combine<E> = () => undefined,
): E[] | undefined {
  const baseByKey = byKey(base);
  const oursByKey = byKey(ours);
  const theirsByKey = byKey(theirs);
  if (baseByKey === undefined || oursByKey === undefined || theirsByKey === undefined) return undefined;
  const merged: E[] = [];
  for (const theirsEntry of theirs) {
    const chosen = settle(baseByKey.get(theirsEntry.key), oursByKey.get(theirsEntry.key), theirsEntry, combine);
    if (chosen === false) return undefined;
    if (chosen !== undefined) merged.push(chosen);
  }
  for (const oursEntry of ours) {
    if (theirsByKey.has(oursEntry.key)) continue;
    const baseEntry = baseByKey.get(oursEntry.key);
    if (baseEntry === undefined) merged.push(oursEntry);
    // The new output dropped an entry the user changed: their change would be lost.
    else if (baseEntry.text !== oursEntry.text) return undefined;
  }
  return merged;
}

/** The entry to keep for a key the new output has; undefined to drop it; false for a conflict. */
function settle<E extends KeyedEntry>(
  base: E | undefined,
  ours: E | undefined,
  theirs: E,
  combine: Combine<E>,
): E | undefined | false {
  if (ours === undefined) {
    if (base === undefined) return theirs;
    // The user deleted it: fine if the generator did not change it meanwhile.
    return theirs.text === base.text ? undefined : false;
  }
  if (ours.text === theirs.text || ours.text === base?.text) return theirs;
  if (theirs.text === base?.text) return ours;
  return combine(base, ours, theirs) ?? false;
}

function byKey<E extends KeyedEntry>(entries: readonly E[]): Map<string, E> | undefined {
  const map = new Map<string, E>();
  for (const entry of entries) {
    if (map.has(entry.key)) return undefined;
    map.set(entry.key, entry);
  }
  return map;
}
