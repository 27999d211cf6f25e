import { isIdName } from '../model/collections.js';
import type { Constraints, FieldDocs, TypeModel } from '../model/model.js';
import { singular } from '../model/names.js';
import type { SchemaLookup } from '../model/type-queries.js';
import { matchesPattern, textMatching } from '../values/pattern-text.js';
import { type Random, randomInt, seededRandom } from '../values/random.js';
import { validateValue } from '../values/validate-value.js';

export type { SchemaLookup };

export interface FakeOptions {
  readonly lookup: SchemaLookup;
  /** The same seed gives the same value. */
  readonly seed: string;
  /** The item's position in its collection: ids, names and times count from it, so they differ. */
  readonly index?: number | undefined;
  /** Values for fields of these names wherever they appear (a path parameter's, say). */
  readonly known?: Readonly<Record<string, unknown>> | undefined;
  /** Prefix of a bare `id` field's values (`user` → `user_001`), when no example shows one. */
  readonly idPrefix?: string | undefined;
  /** Make up nothing optional: fields not required and without an example are left out, lists have their minimum. */
  readonly requiredOnly?: boolean | undefined;
}

/** What is known about the value being made: the field's name and docs. */
export interface FieldHint {
  readonly name?: string | undefined;
  readonly docs?: FieldDocs | undefined;
}

/** The seed pages' timestamp, so fake times look like the examples. */
const BASE_TIME = 1711471533;
/** Below this depth optional fields are filled in; beyond it only required ones. */
const OPTIONAL_DEPTH = 3;
/** A required field that keeps recursing past this depth ends as `null`. */
const MAX_DEPTH = 12;
/** How often one schema may be open inside itself before a recursive field is left out. */
const MAX_REPEATS = 1;

/** Returned when a recursive schema cannot be made without going round again. */
const CYCLE: unique symbol = Symbol('cycle');
type Made = unknown;

/**
 * A value of `type`, deterministic for its seed: the spec's examples where it gives them,
 * else values shaped by the field's name, format and constraints (`group_id` → `group_003`,
 * `created_at` → a Unix time, `email` → an address), so that a mock's data reads like data.
 */
export function fakeValue(type: TypeModel, options: FakeOptions, hint: FieldHint = {}): unknown {
  const made = new Faker(options).value(type, hint, 0);
  return made === CYCLE ? null : made;
}

class Faker {
  readonly #options: FakeOptions;
  readonly #random: Random;
  readonly #open = new Map<string, number>();

  constructor(options: FakeOptions) {
    this.#options = options;
    this.#random = seededRandom(options.seed);
  }

  get #index(): number {
    return this.#options.index ?? 0;
  }

  /** `objectish`: in an intersection, a union must give an object for the parts to merge. */
  value(type: TypeModel, hint: FieldHint, depth: number, objectish = false): Made | typeof CYCLE {
    const name = hint.name ?? '';
    const known = this.#options.known;
    if (name !== '' && known !== undefined && Object.hasOwn(known, name)) return known[name];
    if (depth > MAX_DEPTH) return CYCLE;
    const example = hint.docs?.example;
    // Ids must differ from item to item, so an example id only lends its prefix.
    // An example of a whole object would make every item the same: it lends its fields instead.
    const lendsFields =
      isPlainObject(example?.value) &&
      !(type.kind === 'object' && type.properties.length === 0) &&
      type.kind !== 'union';
    // Specs' examples are not always right: one the type refuses is not used.
    if (
      example !== undefined &&
      !lendsFields &&
      !isIdName(name) &&
      validateValue(example.value, type, hint.docs, this.#options.lookup, '').length === 0
    ) {
      if (typeof example.value === 'string') return this.#vary(name, example.value);
      // Times taken from an example still move on from item to item.
      if (typeof example.value === 'number' && isTimeField(name, hint.docs)) return example.value + this.#index * 3600;
      return structuredClone(example.value);
    }
    switch (type.kind) {
      case 'primitive':
        return this.#primitive(type.name, name, withOwnConstraints(hint.docs, type.constraints));
      case 'literal':
        return type.value;
      case 'array':
        return this.#array(type.items, name, withOwnConstraints(hint.docs, type.constraints), depth);
      case 'object':
        return this.#object(type, lendsFields ? (example?.value as Record<string, unknown>) : undefined, depth);
      case 'ref':
        return this.#ref(type.name, hint, depth, objectish);
      case 'union':
        return this.#union(type.members, hint, depth, objectish);
      case 'intersection': {
        const parts = type.members.map((member) => this.value(member, hint, depth, true));
        if (parts.includes(CYCLE)) return CYCLE;
        const objects = parts.filter(isPlainObject);
        return objects.length === parts.length ? Object.assign({}, ...objects) : parts[0];
      }
      case 'omit': {
        const inner = this.value(type.type, hint, depth);
        if (!isPlainObject(inner)) return inner;
        for (const key of type.keys) delete inner[key];
        return inner;
      }
      default:
        return assertNever(type);
    }
  }

  #ref(schemaName: string, hint: FieldHint, depth: number, objectish: boolean): Made | typeof CYCLE {
    const schema = this.#options.lookup(schemaName);
    if (schema === undefined) return null;
    const open = this.#open.get(schemaName) ?? 0;
    if (open > MAX_REPEATS) return CYCLE;
    this.#open.set(schemaName, open + 1);
    try {
      // The field's own example wins; else the schema's example lends values to its fields.
      const docs: FieldDocs = { ...schema.docs, ...hint.docs, example: hint.docs?.example ?? schema.docs.example };
      if (schema.type.kind === 'object') {
        const example = docs.example?.value;
        return this.#object(schema.type, isPlainObject(example) ? example : undefined, depth);
      }
      return this.value(schema.type, { name: hint.name, docs }, depth, objectish);
    } finally {
      this.#open.set(schemaName, open);
    }
  }

  #object(
    type: Extract<TypeModel, { kind: 'object' }>,
    example: Record<string, unknown> | undefined,
    depth: number,
  ): Made | typeof CYCLE {
    const out: Record<string, unknown> = {};
    for (const property of type.properties) {
      if (!property.required && depth >= OPTIONAL_DEPTH) continue;
      const fromExample =
        example !== undefined && Object.hasOwn(example, property.name) ? { value: example[property.name] } : undefined;
      const docs: FieldDocs = { ...property.docs, example: property.docs.example ?? fromExample };
      if (!property.required && this.#options.requiredOnly === true && docs.example === undefined) continue;
      const value = this.value(property.type, { name: property.name, docs }, depth + 1);
      if (value === CYCLE) {
        if (property.required) return CYCLE;
        continue;
      }
      // defineProperty: a field named `__proto__` is data, not the object's prototype.
      Object.defineProperty(out, property.name, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  #array(items: TypeModel, name: string, docs: FieldDocs | undefined, depth: number): Made | typeof CYCLE {
    const min = docs?.constraints?.minItems ?? 0;
    const max = docs?.constraints?.maxItems ?? Number.POSITIVE_INFINITY;
    const wanted =
      depth >= OPTIONAL_DEPTH || this.#options.requiredOnly === true
        ? min
        : Math.min(max, Math.max(min, 1 + (this.#random() < 0.5 ? 1 : 0)));
    const out: unknown[] = [];
    for (let i = 0; i < wanted; i++) {
      const item = this.value(items, { name: singular(name) }, depth + 1);
      if (item === CYCLE) return min > 0 ? CYCLE : [];
      out.push(item);
    }
    return out;
  }

  #union(members: readonly TypeModel[], hint: FieldHint, depth: number, objectish: boolean): Made | typeof CYCLE {
    const nonNull = members.filter(
      (m) => !(m.kind === 'primitive' && m.name === 'null') && !(m.kind === 'literal' && m.value === null),
    );
    if (objectish) {
      for (const member of nonNull) {
        const value = this.value(member, hint, depth, true);
        if (isPlainObject(value)) return value;
      }
    }
    // An enum: any of its values, the same one for the same seed.
    if (nonNull.length > 0 && nonNull.every((m) => m.kind === 'literal')) {
      return (nonNull[randomInt(this.#random, 0, nonNull.length - 1)] as { value: unknown }).value;
    }
    // Items take the variants in turn (item 0 the first, item 1 the second, …), so that a list
    // shows each; a variant whose made-up value it does not accept itself is passed over.
    const turn = nonNull.length === 0 ? 0 : this.#index % nonNull.length;
    const made = new Map<TypeModel, Made | typeof CYCLE>();
    const make = (member: TypeModel): Made | typeof CYCLE => {
      if (!made.has(member)) made.set(member, this.value(member, hint, depth));
      return made.get(member);
    };
    for (const member of [...nonNull.slice(turn), ...nonNull.slice(0, turn)]) {
      const value = make(member);
      if (value === CYCLE) continue;
      if (turn === 0 || validateValue(value, member, hint.docs, this.#options.lookup, 'value').length === 0)
        return value;
    }
    // No variant came out valid: the first that could be made, as when not rotating.
    for (const member of nonNull) {
      const value = make(member);
      if (value !== CYCLE) return value;
    }
    return nonNull.length < members.length ? null : CYCLE;
  }

  #primitive(
    kind: Extract<TypeModel, { kind: 'primitive' }>['name'],
    name: string,
    docs: FieldDocs | undefined,
  ): unknown {
    switch (kind) {
      case 'string':
        return this.#string(name, docs);
      case 'number':
        return this.#number(name, docs);
      case 'boolean':
        return this.#random() < 0.5;
      case 'null':
        return null;
      case 'unknown':
        return {};
      case 'Blob':
        return 'file contents';
      default:
        return assertNever(kind);
    }
  }

  #string(name: string, docs: FieldDocs | undefined): string {
    const index = this.#index;
    const example = typeof docs?.example?.value === 'string' ? docs.example.value : undefined;
    if (isIdName(name)) return this.#id(name, example, docs);
    const format = docs?.format ?? '';
    const lower = name.toLowerCase();
    let text: string;
    if (format === 'date-time') text = new Date((BASE_TIME + index * 86_400) * 1000).toISOString();
    else if (format === 'date') text = new Date((BASE_TIME + index * 86_400) * 1000).toISOString().slice(0, 10);
    else if (format === 'email' || lower.includes('email')) text = `user${index + 1}@example.com`;
    else if (format === 'uri' || format === 'url' || /(^|_)(url|uri|link|href)$/.test(lower))
      text = `https://example.com/${slug(name)}/${index + 1}`;
    else if (format === 'uuid') text = this.#uuid();
    else if (format === 'byte') text = 'ZXhhbXBsZQ==';
    else if (format === 'ipv4') text = `192.0.2.${(index % 254) + 1}`;
    else if (/(^|_)(name|title)$/.test(lower) || lower === 'name')
      text = `${words(name.replace(/(^|_)(name|title)$/i, '')) || words(this.#options.idPrefix ?? 'item')} ${index + 1}`;
    else text = `${words(name) || 'text'} ${index + 1}`;
    const { minLength, maxLength, pattern } = docs?.constraints ?? {};
    if (pattern !== undefined && !matchesPattern(pattern, text)) text = textMatching(pattern, this.#random) ?? text;
    if (minLength !== undefined && text.length < minLength) text = text.padEnd(minLength, 'x');
    if (maxLength !== undefined && text.length > maxLength) text = text.slice(0, maxLength);
    return text;
  }

  /** Names and addresses taken from an example still differ from item to item. */
  #vary(name: string, example: string): string {
    const n = this.#index + 1;
    if (n === 1) return example;
    if (/email/i.test(name) && example.includes('@')) return example.replace('@', `+${n}@`);
    return /(^|_)(name|title)$/i.test(name) ? `${example} ${n}` : example;
  }

  /** `group_id` → `group_001`; `id` → the example's prefix (`user_abc` → `user_001`) or the collection's. */
  #id(name: string, example: string | undefined, docs: FieldDocs | undefined): string {
    const fromExample = example?.match(/^([A-Za-z]+)[_-]/)?.[1];
    const fromName = name.replace(/_?(id|Id|ID)$/, '');
    const prefix = fromExample ?? (fromName !== '' ? fromName : (this.#options.idPrefix ?? 'obj'));
    const id = `${prefix}_${String(this.#index + 1).padStart(3, '0')}`;
    const pattern = docs?.constraints?.pattern;
    return pattern === undefined || matchesPattern(pattern, id) ? id : (textMatching(pattern, this.#random) ?? id);
  }

  #number(name: string, docs: FieldDocs | undefined): number {
    const index = this.#index;
    const example = typeof docs?.example?.value === 'number' ? docs.example.value : undefined;
    if (isTimeField(name, docs)) return (example ?? BASE_TIME) + index * 3600;
    const c = docs?.constraints ?? {};
    // A numeric id counts up, so that it is unique in its list.
    if (isIdName(name)) return Math.max(index + 1, c.minimum ?? 0);
    const min = c.minimum ?? (c.exclusiveMinimum === undefined ? 0 : c.exclusiveMinimum + 1);
    const max = c.maximum ?? (c.exclusiveMaximum === undefined ? Math.max(min, 0) + 100 : c.exclusiveMaximum - 1);
    let value = randomInt(this.#random, Math.ceil(min), Math.max(Math.ceil(min), Math.floor(max)));
    if (c.multipleOf !== undefined && c.multipleOf > 0) value = Math.ceil(value / c.multipleOf) * c.multipleOf;
    return value;
  }

  #uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.#random() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** A Unix time: `format: unixtime`, or named like one (`created_at`, `timestamp`). */
function isTimeField(name: string, docs: FieldDocs | undefined): boolean {
  return docs?.format === 'unixtime' || /(_at|^created|^updated|timestamp)$/i.test(name);
}

/** A field's docs with the bounds its type sets itself (an item's, a union member's), the field's winning. */
function withOwnConstraints(docs: FieldDocs | undefined, own: Constraints | undefined): FieldDocs | undefined {
  if (own === undefined) return docs;
  return { ...docs, constraints: { ...own, ...docs?.constraints } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `group_name` → `Group name`. */
function words(name: string): string {
  const spaced = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return spaced === '' ? '' : spaced[0]?.toUpperCase() + spaced.slice(1);
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'item'
  );
}

function assertNever(value: never): never {
  throw new Error(`Unexpected type: ${JSON.stringify(value)}`);
}
