/**
 * The reserved words of JavaScript (ECMAScript's ReservedWord, with the words strict mode and
 * modules reserve: `let`, `static`, `await`, …): what no binding may be named, in any JavaScript
 * or TypeScript file. A property may be (`client.items.import()`), which is why sdkgen keeps them
 * as methods unless a team declares `naming.keywords: noun` (docs/naming.md, §7).
 */
export const JS_RESERVED_WORDS: ReadonlySet<string> = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if import in instanceof new null return super switch this throw true try typeof var void while ' +
    'with yield implements interface let package private protected public static'
  ).split(' '),
);

/** Words TypeScript will not take as an identifier in every position we use one. */
const RESERVED = new Set([
  ...JS_RESERVED_WORDS,
  ...'as any boolean number string symbol type object never unknown undefined arguments eval constructor prototype'.split(
    ' ',
  ),
]);

/**
 * The words of each text split so far: naming asks for the same path segments and ids again and
 * again (Graph: ~2 s of splitting before). Bounded, so that a long `--watch` session stays small.
 */
const split = new Map<string, readonly string[]>();
const SPLIT_CACHE_SIZE = 100_000;

/** Splits `fine_tuning`, `fineTuning`, `Fine-Tuning jobs`, `HTTPServer` into lower-case words. */
export function words(text: string): readonly string[] {
  const known = split.get(text);
  if (known !== undefined) return known;
  const found = Object.freeze(
    text
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== '')
      .map((w) => w.toLowerCase()),
  );
  if (split.size >= SPLIT_CACHE_SIZE) split.clear();
  split.set(text, found);
  return found;
}

/**
 * Empties the cache of split words: the CLI's worker does once the model is made, since the emit
 * names far fewer texts than the model did (Graph's 100,000 entries are 17 MB).
 */
export function forgetWords(): void {
  split.clear();
}

const capitalize = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

export function pascalCase(text: string): string {
  return words(text).map(capitalize).join('');
}

export function camelCase(text: string): string {
  const [first = '', ...rest] = words(text);
  return first + rest.map(capitalize).join('');
}

export function kebabCase(text: string): string {
  return words(text).join('-');
}

export function constantCase(text: string): string {
  return words(text).join('_').toUpperCase();
}

/**
 * An ASCII identifier, as nearly every name is: the Unicode-property patterns below give the same
 * answer for it, and are several times slower to run (every schema, property and parameter is named).
 */
const ASCII_IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function isIdentifier(text: string): boolean {
  return ASCII_IDENTIFIER.test(text) || /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u.test(text);
}

/** A safe identifier: invalid characters dropped, no leading digit, no reserved word. */
export function toIdentifier(candidate: string, fallback: string): string {
  if (ASCII_IDENTIFIER.test(candidate)) return RESERVED.has(candidate) ? `${candidate}_` : candidate;
  let id = candidate.replace(/[^\p{ID_Continue}$]/gu, '');
  if (id === '') id = fallback;
  if (!/^[\p{ID_Start}$_]/u.test(id)) id = `_${id}`;
  return RESERVED.has(id) ? `${id}_` : id;
}

/**
 * A property or method name: identifier characters only, no leading digit. Keywords are fine
 * there (`client.items.import()`); members every object inherits are kept off by the caller.
 */
export function memberName(candidate: string, fallback: string): string {
  let id = candidate.replace(/[^\p{ID_Continue}$]/gu, '');
  if (id === '') id = fallback;
  return /^[\p{ID_Start}$_]/u.test(id) ? id : `_${id}`;
}

/** The singular of an English resource name: `groups` → `group`, `policies` → `policy`. */
export function singular(word: string): string {
  // Same in both numbers: a timeseries, not a "timesery".
  if (/(series|species)$/i.test(word)) return word;
  if (/ies$/i.test(word) && word.length > 4) return word.slice(0, -3) + (word.endsWith('IES') ? 'Y' : 'y');
  if (/(ss|us|is)$/i.test(word)) return word;
  if (/(x|ch|sh|sses)es$/i.test(word)) return word.slice(0, -2);
  if (/s$/i.test(word) && word.length > 1) return word.slice(0, -1);
  return word;
}

/**
 * Hands out exported names once each. Comparison ignores case, so two names never
 * differ only by case (file systems and readers both trip on that).
 */
export class NameRegistry {
  readonly #taken = new Set<string>();
  /** Names kept for their owners by the names lock: `claim` steps around them, `claimKept` takes one. */
  readonly #kept = new Set<string>();
  readonly #numbered: { readonly name: string; readonly wanted: readonly string[] }[] = [];

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.#taken.add(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.#taken.has(name.toLowerCase());
  }

  /**
   * The first free candidate, else the first with the smallest free numeric suffix. Each
   * candidate is made a valid identifier first (`100` → `_100`), so no caller can hand out
   * a name that does not compile.
   */
  claim(...raw: string[]): string {
    return this.#claim(raw, (name) => this.has(name) || this.#kept.has(name.toLowerCase()));
  }

  /** A declared name (`x-sdkgen-name`): it comes before a name the lock keeps for something else. */
  claimDeclared(name: string): string {
    return this.#claim([name], (candidate) => this.has(candidate));
  }

  #claim(raw: readonly string[], taken: (name: string) => boolean): string {
    const candidates = raw.map((candidate) => toIdentifier(candidate, 'Unnamed'));
    for (const candidate of candidates) {
      if (!taken(candidate)) return this.#take(candidate);
    }
    // The last resort, which no spec of the sweep corpus reaches: each caller gives names by role first.
    const base = candidates[0] ?? 'Unnamed';
    for (let n = 2; ; n++) {
      if (!taken(`${base}${n}`)) {
        this.#numbered.push({ name: `${base}${n}`, wanted: candidates });
        return this.#take(`${base}${n}`);
      }
    }
  }

  /** The names handed out with a number, each with the names it wanted: what `name-numbered` warns of. */
  get numbered(): readonly { readonly name: string; readonly wanted: readonly string[] }[] {
    return this.#numbered;
  }

  /** Names the lock keeps for their owners (kept-names.ts): nothing else is given one. */
  keep(names: Iterable<string>): void {
    for (const name of names) this.#kept.add(name.toLowerCase());
  }

  /** Whether `claim` would hand out this name: neither taken nor kept for another. */
  isFree(name: string): boolean {
    return !this.has(name) && !this.#kept.has(name.toLowerCase());
  }

  /** A kept name its owner is about to claim among its candidates. */
  release(name: string): void {
    this.#kept.delete(name.toLowerCase());
  }

  /** The name the lock keeps for this owner, unless a name that comes first (a declared one) has it. */
  claimKept(name: string | undefined): string | undefined {
    // A hand-edited lock may hold a keyword (`delete`): `claim` would escape it, so it is no name to keep.
    return name === undefined || this.has(name) || toIdentifier(name, '') !== name ? undefined : this.#take(name);
  }

  /**
   * A reserved name taken on purpose, exactly as written: a declared name that may shadow a
   * global (reserved-names.ts, `DECLARABLE_GLOBALS`), which `claim` would step around.
   */
  claimReserved(name: string): string {
    return this.#take(name);
  }

  #take(name: string): string {
    this.#taken.add(name.toLowerCase());
    return name;
  }
}
