/**
 * The type names one operation takes (its params, the response, body and list item it hoists, its
 * standalone function), each under its role, so the names lock can keep them: a kept name is
 * offered first, and what the operation took is read back for the lock to record.
 */
import type { KeptTypes } from './kept-names.js';
import { type NameRegistry, toIdentifier } from './names.js';

/** `function`, or the suffix a type is named with (`Params`, `Response`, `Body`, `Item`, `Page`). */
export type TypeRole = string;

export class OwnTypeNames {
  readonly #names: NameRegistry;
  readonly #kept: KeptTypes | undefined;
  /** Each role's offers: the first candidate that was free when offered (a claim takes the first free). */
  readonly #offers: { readonly role: TypeRole; readonly firstFree: string | undefined }[] = [];

  constructor(names: NameRegistry, kept: KeptTypes | undefined) {
    this.#names = names;
    this.#kept = kept;
  }

  /** The candidates to claim for `role`: the kept name first, no longer kept from this operation (`--rename`: free, not first). */
  offer(role: TypeRole, inferred: readonly string[]): string[] {
    const kept = this.#kept?.byRole.get(role);
    if (kept !== undefined) this.#names.release(kept);
    const candidates = kept === undefined || this.#kept?.renamed === true ? [...inferred] : [kept, ...inferred];
    // Only the first free one is read back; checking the others cost Graph's deep paths ~0.2 s.
    let firstFree: string | undefined;
    for (const candidate of candidates) {
      const identifier = toIdentifier(candidate, 'Unnamed');
      if (this.#names.isFree(identifier)) {
        firstFree = identifier;
        break;
      }
    }
    this.#offers.push({ role, firstFree });
    return candidates;
  }

  /** Role → the name the operation took: the first candidate free when offered that is now taken (a claim takes the first free). */
  get taken(): Readonly<Record<TypeRole, string>> {
    const out: Record<TypeRole, string> = {};
    for (const { role, firstFree } of this.#offers) {
      if (out[role] === undefined && firstFree !== undefined && this.#names.has(firstFree)) out[role] = firstFree;
    }
    return out;
  }
}
