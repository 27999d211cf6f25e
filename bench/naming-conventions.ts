/**
 * Conventions of one SDK's own that no rule of docs/naming.md can read from a spec, since SDKs
 * built from specs of the same shape disagree on them: stripe-node's `del`, the `get` Honcho's and
 * Luma's configs chose over Stainless's default `retrieve`, stripe-node's `voidInvoice` where Stainless
 * keeps the keyword (`achTransfers.return`), and the sub-resources Mux's config and
 * stripe-node put on their parent as a verb and a noun (`video.assets.createPlaybackId`,
 * `customers.createTaxId`) where openai-node, Honcho, Linq and Increase nest them
 * (`threads.runs.create`). bench/naming-agreement.ts counts, per SDK, how often it follows each
 * where it could, and sets a difference aside only where the SDK follows that convention in most
 * of its methods the convention could name: an SDK that nests most sub-resources keeps its odd
 * flat one as a difference.
 */
import { JS_RESERVED_WORDS, singular } from '../generator/model/names.js';

export type Convention = 'del' | 'get' | 'verb-noun' | 'keyword-noun';

export const CONVENTIONS: readonly { readonly name: Convention; readonly says: string }[] = [
  { name: 'del', says: 'a DELETE is `del`, not `delete` (stripe-node)' },
  {
    name: 'get',
    says: 'a read of one thing is `get`, not `retrieve` (`getByName`, not `retrieveByName`; the config of Honcho, Luma AI)',
  },
  {
    name: 'verb-noun',
    says: "a sub-resource's calls are methods of its parent, a verb and a noun (`assets.createPlaybackId`, not `assets.playbackIds.create`), and an action on an item is a verb and a noun too (`invoices.finalizeInvoice`, `metrics.getOverallValues`, not `invoices.finalize`, `metrics.overall`) (Mux's config, stripe-node)",
  },
  {
    name: 'keyword-noun',
    says: "a method a reserved word of JavaScript would name takes its resource's noun (`invoices.voidInvoice`, `inboundTransfers.returnInboundTransfer`, not `invoices.void`; `delete` is `del`'s) (stripe-node)",
  },
];

const parts = (call: string): string[] => call.toLowerCase().split('.');

/** `taxIds` → `taxid`, `capabilities` → `capabilit`: enough of a noun to find it in `createTaxId`, `listCapabilities`. */
const stem = (noun: string): string => singular(noun.toLowerCase()).replace(/(ies|es|s|y)$/, '');

/** `GET /assets/{id}/playback-ids`: a path that goes on below an item. */
const belowItem = (route: string): boolean => /\{[^}]*\}\/[^{/]/.test(route.split('?')[0] ?? '');

/** Whether `ours` could take the convention at all: a DELETE, a read of one thing, a call on a path below an item. */
export function applies(convention: Convention, ours: string, route: string): boolean {
  const method = parts(ours).at(-1);
  switch (convention) {
    case 'del':
      return method === 'delete';
    case 'get':
      return method?.startsWith('retrieve') === true;
    case 'verb-noun':
      return belowItem(route);
    case 'keyword-noun':
      return method !== undefined && method !== 'delete' && JS_RESERVED_WORDS.has(method);
    default: {
      const never: never = convention;
      throw new Error(`unknown convention ${String(never)}`);
    }
  }
}

/** Whether the published call is `ours` in the convention's words. */
export function follows(convention: Convention, ours: string, published: string): boolean {
  const mine = parts(ours);
  const theirs = parts(published);
  const method = theirs.at(-1) ?? '';
  switch (convention) {
    case 'del':
      return mine.at(-1) === 'delete' && [...mine.slice(0, -1), 'del'].join('.') === theirs.join('.');
    case 'get': {
      // `retrieve` and `retrieveByName` are `get` and `getByName`.
      const own = mine.at(-1) ?? '';
      return own.startsWith('retrieve') && [...mine.slice(0, -1), `get${own.slice(8)}`].join('.') === theirs.join('.');
    }
    case 'verb-noun': {
      // The published parent is a prefix of ours, and a noun of what ours puts below it is in the method's name.
      const parent = theirs.slice(0, -1);
      if (parent.length > mine.length - 1 || parent.some((p, i) => mine[i] !== p)) return false;
      // On the same resource, the action with a noun, or the noun with a verb: `invoices.finalize` →
      // `finalizeInvoice`, `metrics.overall` → `getOverallValues`.
      if (parent.length === mine.length - 1) {
        const ownName = mine.at(-1) ?? '';
        return method !== ownName && method.includes(ownName);
      }
      return mine.slice(parent.length).some((noun) => stem(noun).length > 2 && method.includes(stem(noun)));
    }
    case 'keyword-noun': {
      // `invoices.void` is `invoices.voidInvoice`.
      const own = mine.at(-1) ?? '';
      const noun = mine.at(-2);
      return (
        applies('keyword-noun', ours, '') &&
        noun !== undefined &&
        [...mine.slice(0, -1), `${own}${singular(noun)}`].join('.') === theirs.join('.')
      );
    }
    default: {
      const never: never = convention;
      throw new Error(`unknown convention ${String(never)}`);
    }
  }
}

export interface Census {
  readonly convention: Convention;
  /** Methods the convention could name, and how many the SDK names its way, and the rule's way. */
  readonly could: number;
  readonly followed: number;
  readonly agreed: number;
}

/** Per convention: how an SDK names the methods it could apply to. */
export function census(
  compared: readonly { ours: string; route: string; published: readonly string[]; sameCall: boolean }[],
): Census[] {
  return CONVENTIONS.map(({ name }) => {
    const could = compared.filter((c) => applies(name, c.ours, c.route));
    return {
      convention: name,
      could: could.length,
      followed: could.filter((c) => !c.sameCall && c.published.some((p) => follows(name, c.ours, p))).length,
      agreed: could.filter((c) => c.sameCall).length,
    };
  });
}

/** The SDK's own: it follows the convention more often than it names those methods as the rules do. */
export const own = (c: Census): boolean => c.followed > c.agreed;
