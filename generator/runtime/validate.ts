/**
 * Checks a value against a type of the API description. The generator's mock checks requests
 * with it, and a client built with `validate: 'warn' | 'strict'` checks responses: one validator,
 * so that the mock and the client never disagree on what the spec allows.
 *
 * Only a package's `validation` module imports this file, so a client that does not validate
 * leaves it out of its bundle.
 */

import { ResponseValidationError } from './errors.js';
import type { ResponseValidator } from './types.js';

/** A type, as plain data: the generator's model of it, which the `validation` module ships as JSON. */
export type Shape =
  | {
      readonly kind: 'primitive';
      readonly name: 'string' | 'number' | 'boolean' | 'null' | 'unknown' | 'Blob';
      /** `type: integer`: a number with no fraction. */
      readonly integer?: boolean | undefined;
      /** The schema's own bounds (an array item's, a union member's); a field's may also come as its docs. */
      readonly constraints?: ShapeConstraints | undefined;
    }
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'array'; readonly items: Shape; readonly constraints?: ShapeConstraints | undefined }
  | {
      readonly kind: 'object';
      readonly properties: readonly ShapeProperty[];
      readonly additional?: Shape | undefined;
      /** `additionalProperties: false`: a property not declared (here or in an `allOf` sibling) is a problem. */
      readonly closed?: boolean | undefined;
    }
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'union'; readonly members: readonly Shape[] }
  | { readonly kind: 'intersection'; readonly members: readonly Shape[] }
  | { readonly kind: 'omit'; readonly type: Shape; readonly keys: readonly string[] };

export interface ShapeProperty {
  readonly name: string;
  readonly required?: boolean | undefined;
  readonly type: Shape;
  readonly docs?: ShapeDocs | undefined;
  readonly readOnly?: boolean | undefined;
  readonly writeOnly?: boolean | undefined;
}

export interface ShapeDocs {
  readonly constraints?: ShapeConstraints | undefined;
}

export interface ShapeConstraints {
  readonly minimum?: number | undefined;
  readonly maximum?: number | undefined;
  readonly exclusiveMinimum?: number | undefined;
  readonly exclusiveMaximum?: number | undefined;
  readonly multipleOf?: number | undefined;
  readonly minLength?: number | undefined;
  readonly maxLength?: number | undefined;
  readonly pattern?: string | undefined;
  readonly minItems?: number | undefined;
  readonly maxItems?: number | undefined;
  readonly uniqueItems?: boolean | undefined;
}

/** A named schema: what a `ref` points to. */
export interface NamedShape {
  readonly type: Shape;
  readonly docs?: ShapeDocs | undefined;
}

export type ShapeLookup = (name: string) => NamedShape | undefined;

/** One thing wrong with a value: where (`$.data[3].status`, `body.messages[0].role`), what was expected and what came. */
export interface Problem {
  readonly where: string;
  readonly message: string;
  /** What the spec asks for there: `a string`, `one of "open", "closed"`, `a value` (for a missing field). */
  readonly expected?: string | undefined;
  /** What the value holds there; `undefined` for a missing field. */
  readonly received?: unknown;
}

export interface ValidateOptions {
  /**
   * A request leaves out read-only fields (the server fills them in); a response leaves out
   * write-only ones (the server never sends them back).
   */
  readonly direction?: 'request' | 'response' | undefined;
  /** Tests a `pattern`; by default JavaScript's engine, except for patterns that could backtrack for ever. */
  readonly matchesPattern?: ((pattern: string, text: string) => boolean) | undefined;
}

/**
 * What is wrong with `value` as a `shape`, by the JSON Schema keywords the model keeps: `type`
 * (`integer` included), `enum`/`const`, `required`, `properties`, `additionalProperties` (a
 * schema or `false`), `items`, `allOf`, `anyOf`/`oneOf` (valid when some member is: the model
 * does not keep which of the two it was), `nullable` and type lists, `minimum`, `maximum`,
 * `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`, `minLength`/`maxLength` (in code points),
 * `pattern`, `minItems`, `maxItems` and `uniqueItems`. Formats are not checked. Unknown fields
 * are allowed, as OpenAPI allows them unless a schema says `additionalProperties: false`.
 */
export function validateValue(
  value: unknown,
  shape: Shape,
  docs: ShapeDocs | undefined,
  lookup: ShapeLookup,
  where: string,
  options: ValidateOptions = {},
): Problem[] {
  const problems: Problem[] = [];
  new Validator(lookup, options).check(value, shape, docs, where, problems, 0);
  return problems;
}

/** The spec's schemas and each operation's answer, as a package's `validation` module ships them. */
export interface ValidationTables {
  /** Named schemas, by the type name a `ref` uses. */
  readonly schemas: Readonly<Record<string, NamedShape>>;
  /** The JSON answer of each operation, by `method path`: `get /organization/projects/{project_id}/groups`. */
  readonly responses: Readonly<Record<string, Shape>>;
}

/**
 * The `validator` client option of a package: checks each JSON answer against its operation's
 * schema. The error it makes lives here, not in the client, so that a client that does not
 * validate bundles neither.
 */
export function responseValidator(tables: ValidationTables): ResponseValidator {
  const lookup: ShapeLookup = (name) => (Object.hasOwn(tables.schemas, name) ? tables.schemas[name] : undefined);
  return {
    check({ method, path, response, data }, redact) {
      const key = `${method.toLowerCase()} ${path}`;
      const shape = Object.hasOwn(tables.responses, key) ? tables.responses[key] : undefined;
      if (shape === undefined) return undefined;
      const problems = validateValue(data, shape, undefined, lookup, '$', { direction: 'response' });
      if (problems.length === 0) return undefined;
      // What the message quotes of the body never shows a credential the server echoed.
      const operation = `${method.toUpperCase()} ${path}`;
      return new ResponseValidationError(operation, response, data, redact(problems) as Problem[]);
    },
  };
}

/** Deeper than this, a value is taken as it is: no unbounded recursion on data from the wire. */
const MAX_DEPTH = 64;

class Validator {
  readonly #lookup: ShapeLookup;
  readonly #response: boolean;
  readonly #matches: (pattern: string, text: string) => boolean;

  constructor(lookup: ShapeLookup, options: ValidateOptions) {
    this.#lookup = lookup;
    this.#response = options.direction === 'response';
    this.#matches = options.matchesPattern ?? matchesPattern;
  }

  /** `known`: the properties an `allOf` sibling declares, which a closed object allows too. */
  check(
    value: unknown,
    type: Shape,
    docs: ShapeDocs | undefined,
    where: string,
    problems: Problem[],
    depth: number,
    known?: ReadonlySet<string>,
  ): void {
    if (depth > MAX_DEPTH) return;
    const fail = (expected: string, message = `must be ${expected}, got ${describeValue(value)}`): void =>
      void problems.push({ where, message, expected, received: value });
    switch (type.kind) {
      case 'primitive':
        if (!fitsPrimitive(value, type.name)) return fail(describe(type));
        if (type.integer === true && !Number.isInteger(value)) return fail('an integer');
        return this.#constraints(value, merged(type.constraints, docs), fail);
      case 'literal':
        if (value !== type.value) fail(JSON.stringify(type.value));
        return;
      case 'array':
        if (!Array.isArray(value)) return fail('an array');
        this.#constraints(value, merged(type.constraints, docs), fail);
        for (let i = 0; i < value.length; i++)
          this.check(value[i], type.items, undefined, `${where}[${i}]`, problems, depth + 1);
        return;
      case 'object':
        return this.#object(value, type, undefined, where, problems, depth, known);
      case 'ref': {
        const schema = this.#lookup(type.name);
        if (schema === undefined) return;
        // The field's constraints first, then the schema's own.
        const combined =
          docs?.constraints === undefined
            ? schema.docs
            : { constraints: { ...schema.docs?.constraints, ...docs.constraints } };
        return this.check(value, schema.type, combined, where, problems, depth + 1, known);
      }
      case 'union':
        return this.#union(value, type.members, docs, where, problems, depth);
      case 'intersection': {
        // A closed member allows what its siblings declare, as authors of `allOf` mean it (JSON Schema
        // would say `unevaluatedProperties: false`); without a closed member nothing is worked out.
        const siblings = this.#closedWithin(type.members)
          ? new Set([...(known ?? []), ...shapeProperties(type, this.#lookup).map((p) => p.name)])
          : known;
        for (const member of type.members) this.check(value, member, docs, where, problems, depth + 1, siblings);
        return;
      }
      case 'omit': {
        const inner = resolveShape(type.type, this.#lookup);
        if (inner?.kind === 'object') return this.#object(value, inner, type.keys, where, problems, depth, known);
        return this.check(value, type.type, docs, where, problems, depth + 1, known);
      }
      default:
        return assertNever(type);
    }
  }

  #object(
    value: unknown,
    type: Extract<Shape, { kind: 'object' }>,
    without: readonly string[] | undefined,
    where: string,
    problems: Problem[],
    depth: number,
    known: ReadonlySet<string> | undefined,
  ): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({
        where,
        message: `must be an object, got ${describeValue(value)}`,
        expected: 'an object',
        received: value,
      });
      return;
    }
    const record = value as Record<string, unknown>;
    for (const property of type.properties) {
      if (without?.includes(property.name)) continue;
      const at = memberPath(where, property.name);
      const field = Object.hasOwn(record, property.name) ? record[property.name] : undefined;
      if (field === undefined) {
        // A read-only field is the server's to fill in, a write-only one never comes back.
        const exempt = this.#response ? property.writeOnly === true : property.readOnly === true;
        if (property.required === true && !exempt)
          problems.push({ where: at, message: 'is required', expected: 'a value', received: undefined });
        continue;
      }
      this.check(field, property.type, property.docs, at, problems, depth + 1);
    }
    if (type.closed === true) {
      const declared = new Set(type.properties.map((p) => p.name));
      for (const key of Object.keys(record)) {
        if (!declared.has(key) && known?.has(key) !== true)
          problems.push({
            where: memberPath(where, key),
            message: 'is not a property of this object (additionalProperties: false)',
            expected: 'no such property',
            received: record[key],
          });
      }
    } else if (type.additional !== undefined) {
      const declared = new Set(type.properties.map((p) => p.name));
      for (const key of Object.keys(record)) {
        if (!declared.has(key))
          this.check(record[key], type.additional, undefined, memberPath(where, key), problems, depth + 1);
      }
    }
  }

  /** Whether a member of an `allOf` is a closed object, through refs. */
  #closedWithin(members: readonly Shape[]): boolean {
    return members.some((member) => {
      const resolved = resolveShape(member, this.#lookup);
      return resolved?.kind === 'object' && resolved.closed === true;
    });
  }

  /** Valid when some member accepts the value; else the closest member's problems. */
  #union(
    value: unknown,
    members: readonly Shape[],
    docs: ShapeDocs | undefined,
    where: string,
    problems: Problem[],
    depth: number,
  ): void {
    const tagged =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? unionTag(members, this.#lookup)
        : undefined;
    if (tagged !== undefined) {
      // A tagged union: the tag says which variant to check against, and a wrong tag lists the right ones.
      const tag = (value as Record<string, unknown>)[tagged.property];
      const chosen = members.filter((_, i) => tagged.values[i] === tag);
      if (chosen.length === 0) {
        const allowed = [...new Set(tagged.values)].map((t) => JSON.stringify(t)).join(', ');
        problems.push({
          where: memberPath(where, tagged.property),
          message:
            tag === undefined
              ? `is required: one of ${allowed}`
              : `must be one of ${allowed}, got ${describeValue(tag)}`,
          expected: `one of ${allowed}`,
          received: tag,
        });
        return;
      }
      members = chosen;
    }
    if (members.every((m) => m.kind === 'literal')) {
      // An enum: one problem that lists the values, not one per value.
      if (members.some((m) => m.kind === 'literal' && m.value === value)) return;
      const allowed = members.map((m) => JSON.stringify(m.kind === 'literal' ? m.value : null)).join(', ');
      const expected = members.length === 1 ? allowed : `one of ${allowed}`;
      problems.push({ where, message: `must be ${expected}, got ${describeValue(value)}`, expected, received: value });
      return;
    }
    let closest: Problem[] | undefined;
    for (const member of members) {
      const found: Problem[] = [];
      this.check(value, member, docs, where, found, depth + 1);
      if (found.length === 0) return;
      // A member of the right kind (an object for an object) explains the problem best.
      if (this.#sameKind(value, member) && (closest === undefined || found.length < closest.length)) closest = found;
    }
    if (closest !== undefined) problems.push(...closest);
    else {
      const expected = [...new Set(members.map((m) => (m.kind === 'ref' ? `a ${m.name}` : describe(m))))].join(' or ');
      problems.push({ where, message: `must be ${expected}, got ${describeValue(value)}`, expected, received: value });
    }
  }

  #sameKind(value: unknown, type: Shape): boolean {
    const resolved = resolveShape(type, this.#lookup);
    if (resolved === undefined) return false;
    switch (resolved.kind) {
      case 'object':
      case 'intersection':
      case 'omit':
        return typeof value === 'object' && value !== null && !Array.isArray(value);
      case 'array':
        return Array.isArray(value);
      case 'union':
        return resolved.members.some((m) => this.#sameKind(value, m));
      case 'primitive':
        // A string that breaks a string's bounds is explained by them, not by "a string or a number".
        return resolved.name !== 'unknown' && fitsPrimitive(value, resolved.name);
      case 'literal':
      case 'ref':
        return false;
      default:
        return assertNever(resolved);
    }
  }

  #constraints(
    value: unknown,
    c: ShapeConstraints | undefined,
    fail: (expected: string, message?: string) => void,
  ): void {
    if (c === undefined) return;
    if (typeof value === 'number') {
      if (c.minimum !== undefined && value < c.minimum) fail(`≥ ${c.minimum}`);
      if (c.maximum !== undefined && value > c.maximum) fail(`≤ ${c.maximum}`);
      if (c.exclusiveMinimum !== undefined && value <= c.exclusiveMinimum) fail(`> ${c.exclusiveMinimum}`);
      if (c.exclusiveMaximum !== undefined && value >= c.exclusiveMaximum) fail(`< ${c.exclusiveMaximum}`);
      if (c.multipleOf !== undefined && c.multipleOf > 0 && !isMultipleOf(value, c.multipleOf))
        fail(`a multiple of ${c.multipleOf}`);
    } else if (typeof value === 'string') {
      const length = c.minLength === undefined && c.maxLength === undefined ? 0 : [...value].length;
      const long = (expected: string): void => fail(expected, `must be ${expected}, got ${length}`);
      if (c.minLength !== undefined && length < c.minLength) long(`at least ${count(c.minLength, 'character')} long`);
      if (c.maxLength !== undefined && length > c.maxLength) long(`at most ${count(c.maxLength, 'character')} long`);
      if (c.pattern !== undefined && !this.#matches(c.pattern, value))
        fail(`a match of ${c.pattern}`, `must match the pattern ${c.pattern}`);
    } else if (Array.isArray(value)) {
      const items = (expected: string): void => fail(expected, `must have ${expected}, got ${value.length}`);
      if (c.minItems !== undefined && value.length < c.minItems) items(`at least ${count(c.minItems, 'item')}`);
      if (c.maxItems !== undefined && value.length > c.maxItems) items(`at most ${count(c.maxItems, 'item')}`);
      if (c.uniqueItems === true && new Set(value.map(canonicalJSON)).size < value.length)
        fail('no item twice', 'must not hold the same item twice');
    }
  }
}

/** A shape's own constraints, then a field's (which win where both set one). */
function merged(own: ShapeConstraints | undefined, docs: ShapeDocs | undefined): ShapeConstraints | undefined {
  const field = docs?.constraints;
  if (own === undefined || field === undefined) return own ?? field;
  return { ...own, ...field };
}

/**
 * Whether `value` is `multipleOf` times a whole number. Binary fractions cannot hold 0.1 or 0.01,
 * so `19.99 / 0.01` is 1998.9999999999998: a quotient that far from a whole number, relative to
 * its size, is one. A quotient too large for a double is no multiple.
 */
function isMultipleOf(value: number, multipleOf: number): boolean {
  if (Number.isInteger(value) && Number.isInteger(multipleOf)) return value % multipleOf === 0;
  const quotient = value / multipleOf;
  if (!Number.isFinite(quotient)) return false;
  return Math.abs(quotient - Math.round(quotient)) <= Math.max(1e-9, Math.abs(quotient) * 8 * Number.EPSILON);
}

/** JSON with object keys sorted: two values JSON Schema calls equal (`{a, b}`, `{b, a}`) print alike. */
function canonicalJSON(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : inner,
  );
}

/** A shape with its `$ref`s followed; `undefined` for a ref to nothing or a loop of refs. */
export function resolveShape(shape: Shape, lookup: ShapeLookup): Shape | undefined {
  let current: Shape | undefined = shape;
  for (let i = 0; current?.kind === 'ref' && i < 32; i++) current = lookup(current.name)?.type;
  return current?.kind === 'ref' ? undefined : current;
}

export interface UnionTag {
  readonly property: string;
  /** Each member's value of the property, in the members' order. */
  readonly values: readonly string[];
}

const tags = new WeakMap<readonly Shape[], UnionTag | null>();

/**
 * How a tagged union tells its members apart: the required property every member fixes to a
 * string of its own (`kind: 'print'` | `kind: 'ebook'`), and each member's value of it, in order.
 * `undefined` when no property is such a string in every member, or all share one value.
 * Made once per union: a validator asks it for every value it checks.
 */
export function unionTag(members: readonly Shape[], lookup: ShapeLookup): UnionTag | undefined {
  if (tags.has(members)) return tags.get(members) ?? undefined;
  const fixed = members.map((member) => {
    const found = new Map<string, string>();
    for (const property of shapeProperties(member, lookup, 0)) {
      const value = resolveShape(property.type, lookup);
      if (property.required === true && value?.kind === 'literal' && typeof value.value === 'string')
        found.set(property.name, value.value);
    }
    return found;
  });
  let tag: UnionTag | null = null;
  for (const property of members.length < 2 ? [] : (fixed[0]?.keys() ?? [])) {
    const values = fixed.map((map) => map.get(property));
    if (values.every((value): value is string => value !== undefined) && new Set(values).size > 1) {
      tag = { property, values };
      break;
    }
  }
  tags.set(members, tag);
  return tag ?? undefined;
}

/** The properties an object shape has, through `$ref`s, `allOf` and `Omit`; the last of a name wins. */
export function shapeProperties(shape: Shape, lookup: ShapeLookup, depth = 0): ShapeProperty[] {
  if (depth > 16) return [];
  switch (shape.kind) {
    case 'object':
      return [...shape.properties];
    case 'ref': {
      const schema = lookup(shape.name);
      return schema === undefined ? [] : shapeProperties(schema.type, lookup, depth + 1);
    }
    case 'intersection': {
      const byName = new Map<string, ShapeProperty>();
      for (const member of shape.members)
        for (const p of shapeProperties(member, lookup, depth + 1)) byName.set(p.name, p);
      return [...byName.values()];
    }
    case 'omit':
      return shapeProperties(shape.type, lookup, depth + 1).filter((p) => !shape.keys.includes(p.name));
    case 'primitive':
    case 'literal':
    case 'array':
    case 'union':
      return [];
    default:
      return assertNever(shape);
  }
}

/** `a string`, `an array`, `"open"`: a shape in words, for a problem's message. */
export function describe(shape: Shape): string {
  switch (shape.kind) {
    case 'primitive':
      if (shape.integer === true) return 'an integer';
      return shape.name === 'null'
        ? 'null'
        : shape.name === 'unknown'
          ? 'any value'
          : shape.name === 'Blob'
            ? 'a file'
            : `a ${shape.name}`;
    case 'literal':
      return JSON.stringify(shape.value);
    case 'array':
      return 'an array';
    case 'object':
    case 'intersection':
    case 'omit':
      return 'an object';
    case 'ref':
      return `a ${shape.name}`;
    case 'union':
      return shape.members.map(describe).join(' or ');
    default:
      return assertNever(shape);
  }
}

function fitsPrimitive(value: unknown, name: Extract<Shape, { kind: 'primitive' }>['name']): boolean {
  switch (name) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'unknown':
    case 'Blob':
      return true;
    default:
      return assertNever(name);
  }
}

/** `$.data[3]`, then `.status`, or `["x-rate"]` for a key that is no identifier. */
function memberPath(where: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${where}.${key}` : `${where}[${JSON.stringify(key)}]`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A quantified group with a quantifier inside (`(a+)*`, `(\w*)+`): what makes backtracking blow up. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)[*+{]/;
const patterns = new Map<string, RegExp | null>();

/** A pattern JavaScript cannot compile, or could backtrack on for ever, is not held against the text. */
function matchesPattern(pattern: string, text: string): boolean {
  let re = patterns.get(pattern);
  if (re === undefined) {
    try {
      re = NESTED_QUANTIFIER.test(pattern) ? null : compilePattern(pattern);
    } catch {
      re = null;
    }
    patterns.set(pattern, re);
  }
  return re === null || re.test(text);
}

/**
 * A pattern as a Unicode-aware RegExp; a pattern only legacy syntax accepts (`\-` outside a
 * class, common in specs) as a plain one.
 */
function compilePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return new RegExp(pattern);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected shape: ${JSON.stringify(value)}`);
}
