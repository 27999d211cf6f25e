/** The names a mistyped one was most likely meant to be: options, commands, `$ref` targets. */

/** The known name at the smallest edit distance, when that is small for its length. */
export function closest(input: string, known: readonly string[]): string | undefined {
  // A start of one name only (`gen`, `--over`) means that name.
  const starts = known.filter((name) => input.length >= 3 && name.toLowerCase().startsWith(input.toLowerCase()));
  if (starts.length === 1) return starts[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  const wanted = input.toLowerCase();
  for (const name of known) {
    const distance = editDistance(wanted, name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  // A third of the name may be wrong: `--frob` is not `--force`, `--ovrlay` is `--overlay`.
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(Math.max(input.length, best.length) / 3))
    ? best
    : undefined;
}

/**
 * Damerau-Levenshtein (optimal string alignment): a swapped pair of letters is one edit. Three
 * rows of the table are enough (a swap looks two back); a key misspelled in a spec is compared
 * with each of its kind's ~60 fields, on the model worker's way to the first output file.
 */
export function editDistance(a: string, b: string): number {
  const cols = b.length + 1;
  let twoBack = new Int32Array(cols);
  let previous = new Int32Array(cols);
  let row = new Int32Array(cols);
  for (let j = 0; j < cols; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + (ai === bj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        value = Math.min(value, (twoBack[j - 2] as number) + 1);
      row[j] = value;
    }
    [twoBack, previous, row] = [previous, row, twoBack];
  }
  return previous[cols - 1] as number;
}
