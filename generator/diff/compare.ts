import { createHash } from 'node:crypto';
import type { ApiModel, Constraints, NamedSchema, OperationModel, ParameterModel, ResourceModel, TypeModel } from '../model/model.js';
import { operationRoute } from '../model/route.js';
import { rule, type RuleId, type Severity } from './rules.js';

/** One change between two specs, with what it does to the wire and to the generated client. */
export interface Change {
  readonly rule: RuleId;
  /** The operations it reaches (`GET /pets`); empty for changes to the API as a whole. */
  readonly operations: readonly string[];
  /** What changed: "query parameter `limit`", "`Pet.owner` (response)". */
  readonly subject: string;
  readonly before?: string | undefined;
  readonly after?: string | undefined;
  readonly wire: Severity;
  readonly client: Severity;
  /** Stable across runs and key orders: the rule, the subject and the values. */
  readonly fingerprint: string;
}

type Side = 'request' | 'response';
type Lookup = (name: string) => NamedSchema | undefined;

/** Every change from `base` to `head`, each reported once with the operations it reaches. */
export function compareModels(base: ApiModel, head: ApiModel): Change[] {
  const collector = new Collector();
  const baseOps = operationsOf(base);
  const headOps = operationsOf(head);
  const lookups = { base: lookupOf(base), head: lookupOf(head) };

  // An operation whose path or method changed but whose operationId stayed is one that moved.
  const removed = [...baseOps].filter(([key]) => !headOps.has(key));
  const added = new Map([...headOps].filter(([key]) => !baseOps.has(key)).map(([key, op]) => [op.operation.operationId, { key, op }]));
  const moved = new Set<string>();
  for (const [, before] of removed) {
    const target = added.get(before.operation.operationId);
    if (target === undefined || before.operation.operationId.includes(' ')) continue;
    collector.add('operation-moved', undefined, `\`${before.label}\``, { before: before.label, after: target.op.label });
    compareOperation(collector, before, target.op, lookups);
    moved.add(before.label).add(target.op.label);
  }
  for (const [key, before] of baseOps) {
    const after = headOps.get(key);
    if (after !== undefined) compareOperation(collector, before, after, lookups);
    else if (!moved.has(before.label)) {
      // A deprecated operation was announced to go: its removal is expected, if still felt.
      collector.add(before.operation.docs.deprecated === true ? 'deprecated-operation-removed' : 'operation-removed', undefined, `\`${before.label}\``, { before: before.call });
    }
  }
  for (const [key, after] of headOps) {
    if (!baseOps.has(key) && !moved.has(after.label)) collector.add('operation-added', undefined, `\`${after.label}\``, { after: after.call });
  }

  const headSchemas = new Set(head.schemas.map((s) => s.name));
  const baseSchemas = new Set(base.schemas.map((s) => s.name));
  for (const name of baseSchemas) if (!headSchemas.has(name)) collector.add('schema-removed', undefined, `type \`${name}\``);
  for (const name of headSchemas) if (!baseSchemas.has(name)) collector.add('schema-added', undefined, `type \`${name}\``);

  if (base.client.baseURL !== head.client.baseURL) {
    collector.add('server-url-changed', undefined, 'default server URL', { before: base.client.baseURL, after: head.client.baseURL });
  }
  return collector.changes();
}

interface PlacedOperation {
  readonly operation: OperationModel;
  /** `GET /pets/{}`: the wire identity, whatever the path parameters are called. */
  readonly label: string;
  /** `client.pets.list` */
  readonly call: string;
}

function operationsOf(model: ApiModel): Map<string, PlacedOperation> {
  const out = new Map<string, PlacedOperation>();
  const visit = (resource: ResourceModel): void => {
    for (const operation of resource.operations) {
      const label = operationRoute(operation);
      const key = label.replace(/\{[^}]*\}/g, '{}');
      out.set(key, { operation, label, call: ['client', ...resource.path, operation.name].join('.') });
    }
    resource.children.forEach(visit);
  };
  visit(model.root);
  return out;
}

function lookupOf(model: ApiModel): Lookup {
  const byName = new Map(model.schemas.map((s) => [s.name, s]));
  return (name) => byName.get(name);
}

function compareOperation(collector: Collector, base: PlacedOperation, head: PlacedOperation, lookups: { base: Lookup; head: Lookup }): void {
  const op = head.label;
  const a = base.operation;
  const b = head.operation;
  if (b.docs.deprecated === true && a.docs.deprecated !== true) collector.add('operation-deprecated', op, `\`${op}\``);
  if (base.call !== head.call) collector.add('operation-method-renamed', op, `\`${op}\``, { before: base.call, after: head.call });
  if (a.functionName !== b.functionName) collector.add('operation-function-renamed', op, `\`${op}\``, { before: a.functionName, after: b.functionName });

  // Parameters: path ones by position (their names are not on the wire), the others by place and name.
  const types = new TypeComparison(collector, op, lookups);
  const paramKey = (p: ParameterModel, index: number): string => (p.in === 'path' ? `path#${index}` : `${p.in}:${p.name.toLowerCase()}`);
  const params = (o: OperationModel): Map<string, ParameterModel> =>
    new Map([...o.pathParams.map((p, i) => [paramKey(p, i), p] as const), ...[...o.queryParams, ...o.headerParams].map((p) => [paramKey(p, 0), p] as const)]);
  const before = params(a);
  const after = params(b);
  for (const [key, p] of before) {
    const q = after.get(key);
    const subject = `${p.in} parameter \`${q?.name ?? p.name}\``;
    if (q === undefined) collector.add('request-parameter-removed', op, subject);
    else {
      if (!p.required && q.required) collector.add('request-parameter-became-required', op, subject);
      if (p.required && !q.required) collector.add('request-parameter-became-optional', op, subject);
      types.compare('request', subject, p.type, q.type, 'request-parameter-type-changed');
      types.constraints('request', subject, p.docs.constraints, q.docs.constraints);
    }
  }
  for (const [key, q] of after) {
    if (!before.has(key)) collector.add(q.required ? 'request-parameter-added-required' : 'request-parameter-added-optional', op, `${q.in} parameter \`${q.name}\``);
  }

  if (a.body === undefined && b.body !== undefined && b.body.required) collector.add('request-body-added-required', op, 'request body');
  if (a.body !== undefined && b.body === undefined) collector.add('request-body-removed', op, 'request body');
  if (a.body !== undefined && b.body !== undefined) {
    if (!a.body.required && b.body.required) collector.add('request-body-became-required', op, 'request body');
    types.compare('request', 'request body', a.body.type, b.body.type, 'request-type-changed');
  }

  if (a.response.type !== undefined && b.response.type === undefined) collector.add('response-body-removed', op, 'response body');
  if (a.response.type !== undefined && b.response.type !== undefined) types.compare('response', 'response body', a.response.type, b.response.type, 'response-type-changed');

  const auth = (o: OperationModel): string => [...o.auth].sort().join(', ') || 'none';
  if (auth(a) !== auth(b)) collector.add('security-changed', op, 'security', { before: auth(a), after: auth(b) });
  const paging = (o: OperationModel): string => (o.pagination === undefined ? 'none' : `${o.pagination.pageClass.name} ${JSON.stringify(o.pagination.pageClass.scheme)}`);
  if (paging(a) !== paging(b)) collector.add('pagination-changed', op, 'pagination', { before: paging(a), after: paging(b) });
}

/**
 * Compares two types of one operation, field by field. Inside a named schema the subject is
 * the schema's path (`Pet.owner`), so a change reached through many operations is one change.
 */
class TypeComparison {
  readonly #collector: Collector;
  readonly #operation: string;
  readonly #lookups: { base: Lookup; head: Lookup };
  readonly #entered = new Set<string>();

  constructor(collector: Collector, operation: string, lookups: { base: Lookup; head: Lookup }) {
    this.#collector = collector;
    this.#operation = operation;
    this.#lookups = lookups;
  }

  compare(side: Side, subject: string, a: TypeModel, b: TypeModel, typeRule: RuleId): void {
    // A named schema on both sides: compare it once per side, under its own name.
    if (a.kind === 'ref' && b.kind === 'ref' && a.name === b.name) {
      const key = `${side}:${a.name}`;
      if (this.#entered.has(key)) return;
      this.#entered.add(key);
      const before = this.#lookups.base(a.name);
      const after = this.#lookups.head(b.name);
      if (before !== undefined && after !== undefined) {
        this.compare(side, `\`${a.name}\``, before.type, after.type, side === 'request' ? 'request-type-changed' : 'response-type-changed');
        this.constraints(side, `\`${a.name}\``, before.docs.constraints, after.docs.constraints);
      }
      return;
    }
    const x = this.#resolve(a, 'base');
    const y = this.#resolve(b, 'head');
    if (side === 'response' && isNullable(y, this.#lookups.head) && !isNullable(x, this.#lookups.base)) {
      this.#add('response-became-nullable', subject);
    }
    const [xs, ys] = [withoutNull(x), withoutNull(y)];
    const enumBefore = enumValues(xs, this.#lookups.base);
    const enumAfter = enumValues(ys, this.#lookups.head);
    if (enumBefore !== undefined && enumAfter !== undefined && enumBefore.open === enumAfter.open) {
      // An extensible enum promised more values may come, and its type takes any string.
      const [removed, added]: [RuleId, RuleId] = enumAfter.open
        ? ['extensible-enum-value-removed', 'extensible-enum-value-added']
        : side === 'request'
          ? ['request-enum-value-removed', 'request-enum-value-added']
          : ['response-enum-value-removed', 'response-enum-value-added'];
      for (const value of enumBefore.values) if (!enumAfter.values.has(value)) this.#add(removed, subject, { before: value });
      for (const value of enumAfter.values) if (!enumBefore.values.has(value)) this.#add(added, subject, { after: value });
      return;
    }
    if (xs.kind === 'object' && ys.kind === 'object') {
      this.#compareObjects(side, subject, xs, ys);
      return;
    }
    if (xs.kind === 'array' && ys.kind === 'array') {
      this.compare(side, `${subject}[]`, xs.items, ys.items, typeRule);
      return;
    }
    // Nullability was looked at above: the rest of the type is compared without null.
    const before = shape(xs, this.#lookups.base);
    const after = shape(ys, this.#lookups.head);
    if (before === after) return;
    // A request type that takes all it took (string → string | number), or a response type
    // that gives only what it gave: nothing that worked stops working.
    if (side === 'request' && accepts(ys, xs, this.#lookups.head, this.#lookups.base)) this.#add('request-type-widened', subject, { before, after });
    else if (side === 'response' && accepts(xs, ys, this.#lookups.base, this.#lookups.head)) this.#add('response-type-narrowed', subject, { before, after });
    else this.#add(typeRule, subject, { before, after });
  }

  /**
   * Constraints (`maxLength`, `minimum`, `pattern`, …): tighter ones refuse requests that were
   * valid; looser ones in responses can surprise clients that relied on them.
   */
  constraints(side: Side, subject: string, a: Constraints | undefined, b: Constraints | undefined): void {
    const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort() as (keyof Constraints)[];
    for (const key of keys) {
      const before = a?.[key];
      const after = b?.[key];
      if (before === after) continue;
      const tighter = tightened(key, before, after);
      const id: RuleId = side === 'request' ? (tighter ? 'request-constraint-tightened' : 'request-constraint-loosened') : tighter ? 'response-constraint-tightened' : 'response-constraint-loosened';
      this.#add(id, subject, { before: before === undefined ? undefined : `${key}: ${String(before)}`, after: after === undefined ? undefined : `${key}: ${String(after)}` });
    }
  }

  #compareObjects(side: Side, subject: string, a: Extract<TypeModel, { kind: 'object' }>, b: Extract<TypeModel, { kind: 'object' }>): void {
    // Fields a side never sees do not count there: readOnly ones in requests, writeOnly in responses.
    const seen = (p: { readOnly: boolean; writeOnly: boolean }): boolean => (side === 'request' ? !p.readOnly : !p.writeOnly);
    const before = new Map(a.properties.filter(seen).map((p) => [p.name, p]));
    const after = new Map(b.properties.filter(seen).map((p) => [p.name, p]));
    const field = (name: string): string => (subject.startsWith('`') && subject.endsWith('`') ? `${subject.slice(0, -1)}.${name}\`` : `${subject} field \`${name}\``);
    for (const [name, p] of before) {
      const q = after.get(name);
      if (q === undefined) {
        this.#add(side === 'request' ? 'request-property-removed' : 'response-property-removed', field(name));
        continue;
      }
      if (p.required !== q.required) {
        const rule: RuleId =
          side === 'request'
            ? q.required
              ? 'request-property-became-required'
              : 'request-property-became-optional'
            : q.required
              ? 'response-property-became-required'
              : 'response-property-became-optional';
        this.#add(rule, field(name));
      }
      this.compare(side, field(name), p.type, q.type, side === 'request' ? 'request-type-changed' : 'response-type-changed');
      this.constraints(side, field(name), p.docs.constraints, q.docs.constraints);
    }
    for (const [name, q] of after) {
      if (before.has(name)) continue;
      this.#add(side === 'request' ? (q.required ? 'request-property-added-required' : 'request-property-added-optional') : 'response-property-added', field(name));
    }
  }

  #resolve(type: TypeModel, which: 'base' | 'head'): TypeModel {
    let current = type;
    for (let hops = 0; current.kind === 'ref' && hops < 16; hops++) {
      const next = this.#lookups[which](current.name)?.type;
      if (next === undefined) break;
      current = next;
    }
    return current;
  }

  #add(id: RuleId, subject: string, values: { before?: string | undefined; after?: string | undefined } = {}): void {
    this.#collector.add(id, this.#operation, subject, values);
  }
}

/** Whether going from `before` to `after` lets fewer values through (a changed pattern counts as tighter). */
function tightened(key: keyof Constraints, before: number | string | undefined, after: number | string | undefined): boolean {
  if (after === undefined) return false;
  if (before === undefined) return true;
  if (typeof before !== 'number' || typeof after !== 'number') return true;
  switch (key) {
    case 'minimum':
    case 'exclusiveMinimum':
    case 'minLength':
    case 'minItems':
      return after > before;
    case 'maximum':
    case 'exclusiveMaximum':
    case 'maxLength':
    case 'maxItems':
      return after < before;
    case 'multipleOf':
      return after % before !== 0;
    case 'pattern':
      return true;
    default: {
      const never: never = key;
      throw new Error(`unknown constraint ${String(never)}`);
    }
  }
}

/** Whether every value of `narrow` is a value of `wide`, for scalar types and their unions (objects: same shape only). */
function accepts(wide: TypeModel, narrow: TypeModel, wideLookup: Lookup, narrowLookup: Lookup, depth = 0): boolean {
  if (depth > 8) return false;
  const w = wide.kind === 'ref' ? (wideLookup(wide.name)?.type ?? wide) : wide;
  const n = narrow.kind === 'ref' ? (narrowLookup(narrow.name)?.type ?? narrow) : narrow;
  if (n.kind === 'union') return n.members.every((m) => accepts(w, m, wideLookup, narrowLookup, depth + 1));
  if (w.kind === 'union') return w.members.some((m) => accepts(m, n, wideLookup, narrowLookup, depth + 1));
  if (w.kind === 'primitive' && w.name === 'unknown') return true;
  if (w.kind === 'primitive' && n.kind === 'primitive') return w.name === n.name;
  if (w.kind === 'primitive' && n.kind === 'literal') return n.value === null ? w.name === 'null' : typeof n.value === w.name;
  if (w.kind === 'literal' && n.kind === 'literal') return w.value === n.value;
  if (w.kind === 'array' && n.kind === 'array') return accepts(w.items, n.items, wideLookup, narrowLookup, depth + 1);
  return shape(w, wideLookup) === shape(n, narrowLookup);
}

function isNullable(type: TypeModel, lookup: Lookup): boolean {
  if (type.kind === 'primitive') return type.name === 'null';
  if (type.kind === 'literal') return type.value === null;
  if (type.kind === 'union') return type.members.some((m) => isNullable(m.kind === 'ref' ? (lookup(m.name)?.type ?? m) : m, lookup));
  return false;
}

function withoutNull(type: TypeModel): TypeModel {
  if (type.kind !== 'union') return type;
  const members = type.members.filter((m) => !(m.kind === 'primitive' && m.name === 'null') && !(m.kind === 'literal' && m.value === null));
  return members.length === 1 ? (members[0] as TypeModel) : { kind: 'union', members };
}

/**
 * The values of an enum (a literal, or a union of literals) as JSON; `open` for an extensible
 * one (its literals and `string`); `undefined` for other types.
 */
function enumValues(type: TypeModel, lookup: Lookup): { values: Set<string>; open: boolean } | undefined {
  const resolved = type.kind === 'ref' ? lookup(type.name)?.type : type;
  if (resolved === undefined) return undefined;
  if (resolved.kind === 'literal') return { values: new Set([JSON.stringify(resolved.value)]), open: false };
  if (resolved.kind !== 'union' || resolved.members.length === 0) return undefined;
  const literals = resolved.members.filter((m): m is Extract<TypeModel, { kind: 'literal' }> => m.kind === 'literal');
  const rest = resolved.members.filter((m) => m.kind !== 'literal');
  const open = rest.length === 1 && rest[0]?.kind === 'primitive' && rest[0].name === 'string' && literals.length > 0;
  if (rest.length > 0 && !open) return undefined;
  return { values: new Set(literals.map((m) => JSON.stringify(m.value))), open };
}

/** A short, canonical text of a type for "before → after": named types by name, a few levels deep. */
function shape(type: TypeModel, lookup: Lookup, depth = 0): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'literal':
      return JSON.stringify(type.value);
    case 'ref': {
      const target = lookup(type.name)?.type;
      return depth < 2 && target !== undefined && target.kind !== 'object' ? shape(target, lookup, depth + 1) : type.name;
    }
    case 'array':
      return `${shape(type.items, lookup, depth + 1)}[]`;
    case 'object':
      return depth > 2 ? 'object' : `{ ${type.properties.map((p) => `${p.name}${p.required ? '' : '?'}: ${shape(p.type, lookup, depth + 1)}`).join('; ')} }`;
    case 'union':
      return type.members.map((m) => shape(m, lookup, depth + 1)).join(' | ');
    case 'intersection':
      return type.members.map((m) => shape(m, lookup, depth + 1)).join(' & ');
    case 'omit':
      return `Omit<${shape(type.type, lookup, depth + 1)}, ${type.keys.join(' | ')}>`;
    default: {
      const never: never = type;
      throw new Error(`unknown type kind: ${JSON.stringify(never)}`);
    }
  }
}

/** Gathers changes; one found again (through another operation) adds that operation to it. */
class Collector {
  readonly #byKey = new Map<string, { change: Omit<Change, 'operations'>; operations: Set<string> }>();

  add(id: RuleId, operation: string | undefined, subject: string, values: { before?: string | undefined; after?: string | undefined } = {}): void {
    const { wire, client } = rule(id);
    // Subjects inside a named schema are the same for every operation; others name their operation.
    const local = operation !== undefined && !subject.startsWith('`');
    const key = JSON.stringify([id, local ? operation : '', subject, values.before ?? null, values.after ?? null]);
    const known = this.#byKey.get(key);
    if (known !== undefined) {
      if (operation !== undefined) known.operations.add(operation);
      return;
    }
    const fingerprint = createHash('sha256').update(key).digest('hex').slice(0, 16);
    this.#byKey.set(key, { change: { rule: id, subject, before: values.before, after: values.after, wire, client, fingerprint }, operations: new Set(operation === undefined ? [] : [operation]) });
  }

  changes(): Change[] {
    return [...this.#byKey.values()].map(({ change, operations }) => ({ ...change, operations: [...operations].sort() }));
  }
}
