/** The names a mistyped one was most likely meant to be: options, commands, `$ref` targets. */

/** The known name at the smallest edit distance, when that is small for its length. */
export function closest(input: string, known: readonly string[]): string | undefined {
  // A start of one name only (`gen`, `--over`) means that name.
  const starts = known.filter((name) => input.length >= 3 && name.toLowerCase().startsWith(input.toLowerCase()));
  if (starts.length === 1) return starts[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const distance = editDistance(input.toLowerCase(), name.toLowerCase());
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

/** Damerau-Levenshtein (optimal string alignment): a swapped pair of letters is one edit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = Array.from({ length: rows * cols }, (_, i) => (i < cols ? i : i % cols === 0 ? i / cols : 0));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (d[(i - 1) * cols + j] as number) + 1,
        (d[i * cols + j - 1] as number) + 1,
        (d[(i - 1) * cols + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (d[(i - 2) * cols + j - 2] as number) + 1);
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1] as number;
}
