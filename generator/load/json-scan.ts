/**
 * Scanning of a JSON text that `JSON.parse` has already accepted: no checks, only jumps. Strings
 * are crossed with `indexOf`, which is what makes a scan of 20 MB take tens of milliseconds.
 */

/** An entry's offsets: its key's opening quote (an array item's start for items), and its value's start. */
export interface EntryOffsets {
  readonly key: number;
  readonly value: number;
}

/** The offset of the quote that closes the string opening at `at`. */
export function stringEnd(text: string, at: number): number {
  let end = at;
  for (;;) {
    end = text.indexOf('"', end + 1);
    // A quote after an odd number of backslashes is escaped.
    let backslashes = 0;
    for (let i = end - 1; text.charCodeAt(i) === 0x5c; i--) backslashes++;
    if ((backslashes & 1) === 0) return end;
  }
}

/** The first offset from `at` that is not JSON whitespace. */
export function skipSpace(text: string, at: number): number {
  let char = text.charCodeAt(at);
  while (char === 0x20 || char === 0x0a || char === 0x0d || char === 0x09) char = text.charCodeAt(++at);
  return at;
}

/** The offset just after the value starting at `at`. */
export function skipValue(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === 0x22) return stringEnd(text, at) + 1;
  if (first !== 0x7b && first !== 0x5b) {
    // A number or a literal: up to the next delimiter.
    let char = first;
    while (!isDelimiter(char) && at < text.length) char = text.charCodeAt(++at);
    return at;
  }
  let depth = 0;
  for (;;) {
    const char = text.charCodeAt(at);
    if (char === 0x22) at = stringEnd(text, at);
    else if (char === 0x7b || char === 0x5b) depth++;
    else if ((char === 0x7d || char === 0x5d) && --depth === 0) return at + 1;
    at++;
  }
}

function isDelimiter(char: number): boolean {
  return (
    char === 0x2c || char === 0x7d || char === 0x5d || char === 0x20 || char === 0x0a || char === 0x0d || char === 0x09
  );
}

/** The entries of the object or array whose bracket is at `start`, by key (by index, as a string, for arrays). */
export function entriesAt(text: string, start: number): Map<string, EntryOffsets> {
  const entries = new Map<string, EntryOffsets>();
  const isArray = text.charCodeAt(start) === 0x5b;
  let at = skipSpace(text, start + 1);
  if (text.charCodeAt(at) === (isArray ? 0x5d : 0x7d)) return entries;
  for (let index = 0; ; index++) {
    at = skipSpace(text, at);
    let key = String(index);
    const keyOffset = at;
    if (!isArray) {
      const end = stringEnd(text, at);
      const raw = text.slice(at + 1, end);
      key = raw.includes('\\') ? (JSON.parse(text.slice(at, end + 1)) as string) : raw;
      at = skipSpace(text, skipSpace(text, end + 1) + 1);
    }
    // A duplicate key's last entry wins, as its value does in `JSON.parse`.
    entries.set(key, { key: keyOffset, value: at });
    at = skipSpace(text, skipValue(text, at));
    if (text.charCodeAt(at) !== 0x2c) return entries;
    at++;
  }
}

/**
 * How many keys the text's objects have, counting a repeated key each time: a scan of its strings,
 * a key being a string followed by `:`. Fewer keys in the parsed value means a duplicate key.
 */
export function countKeys(text: string): number {
  let keys = 0;
  for (let at = text.indexOf('"'); at !== -1; ) {
    const after = skipSpace(text, stringEnd(text, at) + 1);
    if (text.charCodeAt(after) === 0x3a) keys++;
    at = text.indexOf('"', after);
  }
  return keys;
}
