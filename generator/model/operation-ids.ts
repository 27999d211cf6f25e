/**
 * The operationIds names are made of, without the hash Microsoft's OpenAPI converter appends to
 * tell apart operations that would share one (`Get.Count.user-eace`, `…As.microsoft.graph.user-85b5`
 * in Microsoft Graph's spec): a hash says nothing of the call, and a name that ends in one churns
 * whenever the converter rehashes (docs/naming.md, "OData paths").
 */

/** `-` and 4 to 8 lower-case hexadecimal characters at the end: the converter's dedupe hash. */
const HASH = /^(.+?)-([0-9a-f]{4,8})$/;

const mixed = (hash: string): boolean => /\d/.test(hash) && /[a-f]/.test(hash);

export class OperationIds {
  /** How many operations have each id once its hash is dropped. */
  readonly #bases = new Map<string, number>();
  /** The spec's ids carry such hashes (two of digits and letters at least): then any is a hash (`-eace`, `-1234`). */
  readonly #hashing: boolean;

  constructor(ids: Iterable<string | undefined>) {
    let withDigit = 0;
    for (const id of ids) {
      if (id === undefined) continue;
      const match = HASH.exec(id);
      if (match !== null && mixed(match[2] as string)) withDigit++;
      const base = match?.[1] ?? id;
      this.#bases.set(base, (this.#bases.get(base) ?? 0) + 1);
    }
    this.#hashing = withDigit > 1;
  }

  /**
   * The id without its dedupe hash, for the words of a name: a hash of digits and letters
   * (`-85b5`), or any (`-eace`) where another operation has the same id before it or the spec's
   * ids carry hashes; `list-cafe` or `orders-2024` in a spec without them keeps its last word.
   */
  words(id: string | undefined): string | undefined {
    const match = id === undefined ? null : HASH.exec(id);
    if (match === null) return id;
    const [, base, hash] = match as unknown as [string, string, string];
    return this.#hashing || mixed(hash) || (this.#bases.get(base) ?? 0) > 1 ? base : id;
  }

  /**
   * The id an exported name (a function, a type) may be made of: none where, its hash dropped,
   * another operation has it too, since the hash was all that told them apart. Those are named by
   * their place on the client, which is theirs alone, never by who comes first.
   */
  exported(id: string | undefined): string | undefined {
    const base = this.words(id);
    if (base === undefined || base === id) return id;
    return (this.#bases.get(base) ?? 0) > 1 ? undefined : base;
  }
}
