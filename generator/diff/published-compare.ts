import { type Change, Collector } from './compare.js';
import type { NamingHints } from './naming-hints.js';
import type { ArgumentSurface, MethodSurface } from './published-signature.js';
import type { PackageSurface, TypeSurface } from './published-surface.js';
import type { RuleId } from './rules.js';

/** `sdkgen diff --against`'s findings: per method, per exported name, and as `sdkgen diff` changes. */
export interface AgainstReport {
  /** `lumaai@1.19.1`, or the folder's path. */
  readonly against: string;
  readonly methods: readonly MethodFinding[];
  readonly types: readonly TypeFinding[];
  readonly changes: readonly Change[];
  /** The naming conventions the published package follows and the spec does not declare. */
  readonly naming?: NamingHints | undefined;
}

export type Status = 'same' | 'missing' | 'changed' | 'added';

export interface MethodFinding {
  readonly call: string;
  readonly status: Status;
  /** `get /generations/{id}`: the operation behind the generated method, when there is one. */
  readonly http?: string | undefined;
  readonly differences: readonly Difference[];
}

export interface Difference {
  readonly aspect: 'arguments' | 'return' | 'page-class' | 'params-type';
  readonly published: string;
  readonly generated: string;
  readonly breaking: boolean;
}

export interface TypeFinding {
  readonly name: string;
  readonly status: Status;
  readonly breaking: boolean;
}

/**
 * Compares the generated client's surface with the published package's: `missing` is what the
 * published package has and the generated client lacks (breaking for its users), `added` the
 * reverse. Each finding is also a `sdkgen diff` change, classified by the client rules.
 */
export function comparePublished(
  against: string,
  published: PackageSurface,
  generated: PackageSurface,
  routes: ReadonlyMap<string, string> = new Map(),
): AgainstReport {
  const collector = new Collector();
  if (published.clientClass !== generated.clientClass)
    collector.add('client-class-renamed', undefined, 'client class', {
      before: published.clientClass,
      after: generated.clientClass,
    });
  const paramsTypes = new Set(
    [...published.methods, ...generated.methods].flatMap((m) => (m.params === undefined ? [] : [bare(m.params.type)])),
  );
  const fields = new FieldComparison(collector, published, generated, paramsTypes);
  const methods = compareMethods(collector, published, generated, routes, fields);
  const types = compareTypes(collector, published, generated, fields);
  return { against, methods, types, changes: collector.changes() };
}

function compareMethods(
  collector: Collector,
  published: PackageSurface,
  generated: PackageSurface,
  routes: ReadonlyMap<string, string>,
  fields: FieldComparison,
): MethodFinding[] {
  const theirs = new Map(published.methods.map((m) => [m.call, m]));
  const ours = new Map(generated.methods.map((m) => [m.call, m]));
  const findings: MethodFinding[] = [];
  for (const [call, before] of theirs) {
    const http = routes.get(call);
    const after = ours.get(call);
    if (after === undefined) {
      collector.add('published-method-missing', call, `method \`${call}\``, { before: signature(before) });
      findings.push({ call, status: 'missing', differences: [] });
      continue;
    }
    const differences = methodDifferences(before, after, fields);
    for (const d of differences) collector.add(d.rule, call, d.subject, { before: d.published, after: d.generated });
    findings.push({
      call,
      status: differences.length === 0 ? 'same' : 'changed',
      http,
      differences: differences.map(({ aspect, published: p, generated: g, breaking }) => ({
        aspect,
        published: p,
        generated: g,
        breaking,
      })),
    });
  }
  for (const [call, after] of ours) {
    if (theirs.has(call)) continue;
    collector.add('published-method-added', call, `method \`${call}\``, { after: signature(after) });
    findings.push({ call, status: 'added', http: routes.get(call), differences: [] });
  }
  return findings.sort((a, b) => a.call.localeCompare(b.call, 'en'));
}

type MethodDifference = Difference & { readonly rule: RuleId; readonly subject: string };

/** What differs between one method's two signatures, aspect by aspect. */
function methodDifferences(before: MethodSurface, after: MethodSurface, fields: FieldComparison): MethodDifference[] {
  const out: MethodDifference[] = [];
  const args = argumentsDifference(before.arguments, after.arguments);
  if (args !== undefined)
    out.push({
      aspect: 'arguments',
      rule: args,
      subject: 'positional arguments',
      published: argumentsText(before.arguments),
      generated: argumentsText(after.arguments),
      breaking: args === 'published-arguments-changed',
    });
  const theirs = before.params;
  const ours = after.params;
  const paramsChanged =
    ours !== undefined &&
    (theirs === undefined
      ? !ours.optional
      : bare(theirs.type) !== bare(ours.type) || (theirs.optional && !ours.optional));
  if (paramsChanged || (theirs !== undefined && ours === undefined))
    out.push({
      aspect: 'params-type',
      rule: 'published-params-type-changed',
      subject: 'params object',
      published: paramsText(theirs),
      generated: paramsText(ours),
      breaking: true,
    });
  // The params types are compared field by field, whatever their names: a required field added breaks calls.
  const required =
    theirs === undefined || ours === undefined
      ? []
      : (fields.compare(bare(theirs.type), bare(ours.type), before.call)?.required ?? []);
  if (required.length > 0 && !paramsChanged)
    out.push({
      aspect: 'params-type',
      rule: 'published-field-required',
      subject: 'params object',
      published: paramsText(theirs),
      generated: `${paramsText(ours)}, requiring ${required.join(', ')}`,
      breaking: true,
    });
  if (before.page !== undefined && after.page !== undefined && before.page.pageClass !== after.page.pageClass)
    out.push({
      aspect: 'page-class',
      rule: 'published-page-class-changed',
      subject: 'page class',
      published: before.page.pageClass,
      generated: after.page.pageClass,
      breaking: true,
    });
  const returns = (m: MethodSurface): string => (m.page === undefined ? m.returns : `PagePromise<…, ${m.page.item}>`);
  if (returns(before) !== returns(after))
    out.push({
      aspect: 'return',
      rule: 'published-return-changed',
      subject: 'return type',
      published: before.returns,
      generated: after.returns,
      breaking: true,
    });
  return out;
}

/**
 * Callers pass positional arguments by place: another count, type or a required one where the
 * published was optional breaks them, as do the same names in another order; other names alone do not.
 */
function argumentsDifference(
  before: readonly ArgumentSurface[],
  after: readonly ArgumentSurface[],
): 'published-arguments-changed' | 'published-arguments-renamed' | undefined {
  const breaks =
    before.length !== after.length ||
    before.some((b, i) => {
      const a = after[i] as ArgumentSurface;
      return b.type !== a.type || (b.optional && !a.optional);
    });
  if (breaks) return 'published-arguments-changed';
  const names = (list: readonly ArgumentSurface[]): string[] => list.map((a) => a.name.toLowerCase().replace(/_/g, ''));
  const [b, a] = [names(before), names(after)];
  if (b.every((name, i) => name === a[i])) return undefined;
  return [...b].sort().join() === [...a].sort().join() ? 'published-arguments-changed' : 'published-arguments-renamed';
}

/** Exported names: missing, added, and the fields of those on both sides. */
function compareTypes(
  collector: Collector,
  published: PackageSurface,
  generated: PackageSurface,
  fields: FieldComparison,
): TypeFinding[] {
  const findings: TypeFinding[] = [];
  for (const [name] of published.types) {
    if (generated.types.has(name)) {
      const found = fields.compare(name, name, undefined);
      findings.push({ name, status: found === undefined ? 'same' : 'changed', breaking: found?.breaking === true });
    } else {
      collector.add('published-type-missing', undefined, `type \`${name}\``);
      findings.push({ name, status: 'missing', breaking: true });
    }
  }
  for (const [name] of generated.types) {
    if (published.types.has(name)) continue;
    collector.add('published-type-added', undefined, `type \`${name}\``);
    findings.push({ name, status: 'added', breaking: false });
  }
  return findings.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** Compares two object types' fields; a params type (what callers write) and a response type (what they read) differ in what breaks. */
class FieldComparison {
  constructor(
    private readonly collector: Collector,
    private readonly published: PackageSurface,
    private readonly generated: PackageSurface,
    private readonly paramsTypes: ReadonlySet<string>,
  ) {}

  /**
   * Undefined when the fields agree (or are no list to compare); else whether a difference breaks
   * callers, and the params fields callers must now give.
   */
  compare(
    theirs: string,
    ours: string,
    call: string | undefined,
  ): { readonly breaking: boolean; readonly required: readonly string[] } | undefined {
    const before = fieldsOf(this.published.types.get(theirs));
    const after = fieldsOf(this.generated.types.get(ours));
    if (before === undefined || after === undefined) return undefined;
    const params = this.paramsTypes.has(ours) || /Params$/.test(ours);
    let found: { breaking: boolean; required: string[] } | undefined;
    const add = (id: RuleId, field: string, breaking: boolean): void => {
      this.collector.add(id, call, `\`${ours}.${field}\``);
      found ??= { breaking: false, required: [] };
      found.breaking ||= breaking;
      if (id === 'published-field-required') found.required.push(field);
    };
    for (const [field, { optional }] of before) {
      if (field.startsWith('__')) continue; // a runtime's internals (Stainless's `__binaryRequest`), not for callers
      const mine = after.get(field);
      if (mine === undefined) add('published-field-missing', field, true);
      else if (params && optional && !mine.optional) add('published-field-required', field, true);
      else if (!params && !optional && mine.optional) add('published-field-optional', field, true);
    }
    for (const [field, { optional }] of after) {
      if (before.has(field)) continue;
      if (params && !optional) add('published-field-required', field, true);
      else add('published-field-added', field, false);
    }
    return found;
  }
}

function fieldsOf(type: TypeSurface | undefined): TypeSurface['fields'] {
  return type?.fields;
}

/** `Page<Item>` → `Page`: a type's name without its arguments. */
function bare(type: string): string {
  const at = type.indexOf('<');
  return at < 0 ? type : type.slice(0, at);
}

function argumentsText(args: readonly ArgumentSurface[]): string {
  return `(${args.map((a) => `${a.name}${a.optional ? '?' : ''}: ${a.type}`).join(', ')})`;
}

function paramsText(params: MethodSurface['params']): string {
  return params === undefined ? '—' : `${params.type}${params.optional ? ' (optional)' : ''}`;
}

/** `(chatID: string, params?: ChatListParams) → APIPromise<Chat>`: a method in one line. */
export function signature(method: MethodSurface): string {
  const params =
    method.params === undefined ? [] : [`params${method.params.optional ? '?' : ''}: ${method.params.type}`];
  const args = [...method.arguments.map((a) => `${a.name}${a.optional ? '?' : ''}: ${a.type}`), ...params];
  return `(${args.join(', ')}) → ${method.returns}`;
}
