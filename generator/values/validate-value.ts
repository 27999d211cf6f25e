import type { FieldDocs, TypeModel } from '../model/model.js';
import { resolveType, type SchemaLookup, unionTag } from '../model/type-queries.js';
import { plural } from '../plural.js';
import { matchesPattern } from './pattern-text.js';

/** One thing wrong with a request: where (`query.limit`, `body.messages[0].role`) and what. */
export interface Problem {
  readonly where: string;
  readonly message: string;
}

/**
 * What is wrong with `value` as a `type`: types, required fields, enum values and the
 * constraints the spec declares. Unknown fields are allowed, as OpenAPI allows them unless
 * a schema says `additionalProperties: false`.
 */
export function validateValue(
  value: unknown,
  type: TypeModel,
  docs: FieldDocs | undefined,
  lookup: SchemaLookup,
  where: string,
): Problem[] {
  const problems: Problem[] = [];
  new Validator(lookup).check(value, type, docs, where, problems, 0);
  return problems;
}

/** Deeper than this, a value is taken as it is: a request is not a place for unbounded recursion. */
const MAX_DEPTH = 64;

class Validator {
  readonly #lookup: SchemaLookup;

  constructor(lookup: SchemaLookup) {
    this.#lookup = lookup;
  }

  check(
    value: unknown,
    type: TypeModel,
    docs: FieldDocs | undefined,
    where: string,
    problems: Problem[],
    depth: number,
  ): void {
    if (depth > MAX_DEPTH) return;
    const fail = (message: string): void => void problems.push({ where, message });
    switch (type.kind) {
      case 'primitive':
        if (!fitsPrimitive(value, type.name)) return fail(`must be ${describe(type)}, got ${describeValue(value)}`);
        return checkConstraints(value, docs, fail);
      case 'literal':
        if (value !== type.value) fail(`must be ${JSON.stringify(type.value)}, got ${describeValue(value)}`);
        return;
      case 'array':
        if (!Array.isArray(value)) return fail(`must be an array, got ${describeValue(value)}`);
        checkConstraints(value, docs, fail);
        for (const [i, item] of value.entries())
          this.check(item, type.items, undefined, `${where}[${i}]`, problems, depth + 1);
        return;
      case 'object':
        return this.#object(value, type, new Set(), where, problems, depth);
      case 'ref': {
        const schema = this.#lookup(type.name);
        if (schema === undefined) return;
        // The field's constraints first, then the schema's own.
        return this.check(
          value,
          schema.type,
          { ...schema.docs, ...docs, constraints: { ...schema.docs.constraints, ...docs?.constraints } },
          where,
          problems,
          depth + 1,
        );
      }
      case 'union':
        return this.#union(value, type.members, docs, where, problems, depth);
      case 'intersection':
        for (const member of type.members) this.check(value, member, docs, where, problems, depth + 1);
        return;
      case 'omit': {
        const inner = this.#resolve(type.type);
        if (inner?.kind === 'object') return this.#object(value, inner, new Set(type.keys), where, problems, depth);
        return this.check(value, type.type, docs, where, problems, depth + 1);
      }
      default:
        return assertNever(type);
    }
  }

  #object(
    value: unknown,
    type: Extract<TypeModel, { kind: 'object' }>,
    without: ReadonlySet<string>,
    where: string,
    problems: Problem[],
    depth: number,
  ): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ where, message: `must be an object, got ${describeValue(value)}` });
      return;
    }
    const record = value as Record<string, unknown>;
    for (const property of type.properties) {
      if (without.has(property.name)) continue;
      const at = `${where}.${property.name}`;
      if (!Object.hasOwn(record, property.name) || record[property.name] === undefined) {
        // A read-only field is the server's to fill in, even when required.
        if (property.required && !property.readOnly) problems.push({ where: at, message: 'is required' });
        continue;
      }
      this.check(record[property.name], property.type, property.docs, at, problems, depth + 1);
    }
    if (type.additional !== undefined) {
      const declared = new Set(type.properties.map((p) => p.name));
      for (const [key, item] of Object.entries(record)) {
        if (!declared.has(key)) this.check(item, type.additional, undefined, `${where}.${key}`, problems, depth + 1);
      }
    }
  }

  /** Valid when some member accepts the value; else the closest member's problems. */
  #union(
    value: unknown,
    members: readonly TypeModel[],
    docs: FieldDocs | undefined,
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
          where: `${where}.${tagged.property}`,
          message:
            tag === undefined
              ? `is required: one of ${allowed}`
              : `must be one of ${allowed}, got ${describeValue(tag)}`,
        });
        return;
      }
      members = chosen;
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
    else
      problems.push({
        where,
        message: `must be ${[...new Set(members.map((m) => this.#describe(m)))].join(' or ')}, got ${describeValue(value)}`,
      });
  }

  #sameKind(value: unknown, type: TypeModel): boolean {
    const resolved = this.#resolve(type);
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
      case 'literal':
        return false;
      case 'ref':
        return false;
      default:
        return assertNever(resolved);
    }
  }

  #resolve(type: TypeModel): TypeModel | undefined {
    return resolveType(type, this.#lookup);
  }

  #describe(type: TypeModel): string {
    return type.kind === 'ref' ? `a ${type.name}` : describe(type);
  }
}

function fitsPrimitive(value: unknown, name: Extract<TypeModel, { kind: 'primitive' }>['name']): boolean {
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

function checkConstraints(value: unknown, docs: FieldDocs | undefined, fail: (message: string) => void): void {
  const c = docs?.constraints;
  if (c === undefined) return;
  if (typeof value === 'number') {
    if (c.minimum !== undefined && value < c.minimum) fail(`must be ≥ ${c.minimum}, got ${value}`);
    if (c.maximum !== undefined && value > c.maximum) fail(`must be ≤ ${c.maximum}, got ${value}`);
    if (c.exclusiveMinimum !== undefined && value <= c.exclusiveMinimum)
      fail(`must be > ${c.exclusiveMinimum}, got ${value}`);
    if (c.exclusiveMaximum !== undefined && value >= c.exclusiveMaximum)
      fail(`must be < ${c.exclusiveMaximum}, got ${value}`);
    if (c.multipleOf !== undefined && c.multipleOf > 0 && !Number.isInteger(value / c.multipleOf))
      fail(`must be a multiple of ${c.multipleOf}, got ${value}`);
  } else if (typeof value === 'string') {
    const length = [...value].length;
    if (c.minLength !== undefined && length < c.minLength)
      fail(`must be at least ${plural(c.minLength, 'character')} long, got ${length}`);
    if (c.maxLength !== undefined && length > c.maxLength)
      fail(`must be at most ${plural(c.maxLength, 'character')} long, got ${length}`);
    if (c.pattern !== undefined && !matchesPattern(c.pattern, value)) fail(`must match the pattern ${c.pattern}`);
  } else if (Array.isArray(value)) {
    if (c.minItems !== undefined && value.length < c.minItems)
      fail(`must have at least ${plural(c.minItems, 'item')}, got ${value.length}`);
    if (c.maxItems !== undefined && value.length > c.maxItems)
      fail(`must have at most ${plural(c.maxItems, 'item')}, got ${value.length}`);
    if (c.uniqueItems === true && new Set(value.map((item) => JSON.stringify(item))).size < value.length)
      fail('must not hold the same item twice');
  }
}

export function describe(type: TypeModel): string {
  switch (type.kind) {
    case 'primitive':
      return type.name === 'null'
        ? 'null'
        : type.name === 'unknown'
          ? 'any value'
          : type.name === 'Blob'
            ? 'a file'
            : `a ${type.name}`;
    case 'literal':
      return JSON.stringify(type.value);
    case 'array':
      return 'an array';
    case 'object':
    case 'intersection':
    case 'omit':
      return 'an object';
    case 'ref':
      return `a ${type.name}`;
    case 'union':
      return type.members.map(describe).join(' or ');
    default:
      return assertNever(type);
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

function assertNever(value: never): never {
  throw new Error(`Unexpected type: ${JSON.stringify(value)}`);
}
