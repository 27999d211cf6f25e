import type { TypeModel } from '../model/model.js';
import { objectProperties, resolveType, type SchemaLookup } from '../model/type-queries.js';

/** The one field an answer wraps its value in (`{ data: item }`, `{ result: item }`), and the type inside. */
export interface Envelope {
  readonly field: string;
  readonly inner: TypeModel;
}

/**
 * The envelope of a type that is an object of exactly one field holding an object: Mux's and
 * Asana's `{ data: { … } }`, Cloudflare's `{ result: { … } }`, or any other name.
 */
export function envelopeOf(type: TypeModel | undefined, lookup: SchemaLookup): Envelope | undefined {
  const single = onlyField(type, lookup);
  if (single === undefined) return undefined;
  const kind = resolveType(single.type, lookup)?.kind;
  return kind === 'object' || kind === 'intersection' || kind === 'union'
    ? { field: single.name, inner: single.type }
    : undefined;
}

/** The field of a one-field object that holds the list's array: `{ result: [...] }`. */
export function arrayEnvelopeOf(type: TypeModel | undefined, lookup: SchemaLookup): Envelope | undefined {
  const single = onlyField(type, lookup);
  if (single === undefined) return undefined;
  const resolved = resolveType(single.type, lookup);
  return resolved?.kind === 'array' ? { field: single.name, inner: resolved.items } : undefined;
}

/** `type` with its envelopes taken off: `{ data: Asset }` → `Asset`. */
export function unwrapped(type: TypeModel, lookup: SchemaLookup): TypeModel {
  let inner = type;
  // Two levels at most: an envelope in an envelope is rare, a deeper one is data.
  for (let depth = 0; depth < 2; depth++) {
    const envelope = envelopeOf(inner, lookup);
    if (envelope === undefined) break;
    inner = envelope.inner;
  }
  return inner;
}

function onlyField(type: TypeModel | undefined, lookup: SchemaLookup) {
  if (type === undefined) return undefined;
  const resolved = resolveType(type, lookup);
  if (resolved?.kind !== 'object' || resolved.additional !== undefined) return undefined;
  const properties = objectProperties(type, lookup);
  return properties.length === 1 ? properties[0] : undefined;
}
