import type { SpecFile } from '../load/spec-file.js';
import { EXT, readSchemaName } from './extensions.js';
import { schemaPointer } from './kept-names.js';
import type { Constraints, FieldDocs, NamedSchema, PropertyModel, TypeModel } from './model.js';
import { isIdentifier, type NameRegistry, pascalCase, toIdentifier } from './names.js';
import { DECLARABLE_GLOBALS } from './reserved-names.js';
import {
  booleanField,
  deref,
  fileHolding,
  isRecord,
  locate,
  locateValue,
  type SpecContext,
  stringField,
} from './spec-context.js';
import { BLOB, intersectionOf, NEVER, STRING, UNKNOWN, unionOf } from './types.js';

const PRIMITIVE_BY_TYPE = {
  string: { kind: 'primitive', name: 'string' },
  integer: { kind: 'primitive', name: 'number' },
  number: { kind: 'primitive', name: 'number' },
  boolean: { kind: 'primitive', name: 'boolean' },
  null: { kind: 'primitive', name: 'null' },
} as const satisfies Record<string, TypeModel>;

const NUMBER_KEYS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
] as const satisfies readonly (keyof Constraints)[];
const STRING_KEYS = ['minLength', 'maxLength', 'pattern'] as const satisfies readonly (keyof Constraints)[];
const ARRAY_KEYS = ['minItems', 'maxItems', 'uniqueItems'] as const satisfies readonly (keyof Constraints)[];
const CONSTRAINT_KEYS = [...NUMBER_KEYS, ...STRING_KEYS, ...ARRAY_KEYS];

/** OpenAPI 3.0's boolean flags and the bounds they make exclusive (a constant: no arrays per schema). */
const EXCLUSIVE_BOUNDS = [
  ['exclusiveMinimum', 'minimum'],
  ['exclusiveMaximum', 'maximum'],
] as const;

/**
 * The constraints among `keys` that a schema sets. OpenAPI 3.0's boolean `exclusiveMinimum:
 * true` makes its `minimum` exclusive (3.1 and JSON Schema write the bound itself).
 */
function constraintsOf(raw: Record<string, unknown>, keys: readonly (keyof Constraints)[]): Constraints {
  const found: Record<string, number | string | boolean> = {};
  // Most schemas set none: a pass over their few keys is cheaper than looking up ~11 absent ones.
  if (!hasConstraintKey(raw)) return found as Constraints;
  for (const key of keys) {
    const value = raw[key];
    if (key === 'uniqueItems') {
      if (value === true) found[key] = true;
    } else if (typeof value === 'number' || (key === 'pattern' && typeof value === 'string')) found[key] = value;
  }
  for (const [flag, bound] of EXCLUSIVE_BOUNDS) {
    if (raw[flag] === true && keys.includes(flag) && typeof raw[bound] === 'number') {
      found[flag] = raw[bound];
      delete found[bound];
    }
  }
  return found as Constraints;
}

const CONSTRAINT_KEY_SET: ReadonlySet<string> = new Set(CONSTRAINT_KEYS);

function hasConstraintKey(raw: Record<string, unknown>): boolean {
  for (const key in raw) if (CONSTRAINT_KEY_SET.has(key)) return true;
  return false;
}

/** A type with the constraints the schema sets on it (none: the type itself, shared). */
function constrained<T extends TypeModel & { readonly kind: 'primitive' | 'array' }>(
  type: T,
  raw: Record<string, unknown>,
  keys: readonly (keyof Constraints)[],
): T {
  const constraints = constraintsOf(raw, keys);
  return Object.keys(constraints).length === 0 ? type : { ...type, constraints };
}

/**
 * Turns JSON Schemas into `TypeModel`s. Every `$ref` target becomes a named type, so
 * recursive schemas, within a file or across files, are plain references.
 */
/** Where a schema is written: its container (a mapping or a list) and its key there. */
export interface SchemaSite {
  readonly container: object;
  readonly key: string | number;
}

export class SchemaConverter {
  readonly #ctx: SpecContext;
  readonly #names: NameRegistry;
  readonly #nameByTarget = new Map<object, string>();
  /** The key a schema has in `components.schemas`: the implicit value of a discriminator. */
  readonly #componentKey = new Map<object, string>();
  /**
   * Per discriminator and the file its mapping is read in: each schema its mapping's `$ref`s
   * name, with the values that select it. Graph's `entity` maps ~1,000 values and ~1,000 schemas
   * extend it: resolving the whole mapping for each of them was quadratic.
   */
  readonly #discriminators = new WeakMap<object, Discriminator>();
  readonly #mappedValues = new WeakMap<Discriminator, Map<SpecFile, Map<unknown, string[]>>>();
  readonly #pending: { readonly name: string; readonly raw: object; readonly file: SpecFile }[] = [];
  readonly #named = new Map<string, NamedSchema>();
  /**
   * `objectOf` a named type, once found: a name is given its type once (names are claimed), so
   * the answer stands. Graph's ~11,000 responses each merged their entity's `allOf` chain again.
   */
  readonly #objects = new Map<string, Extract<TypeModel, { kind: 'object' }>>();
  readonly #order: string[] = [];
  readonly #declared = new Set<string>();
  /** Components' declared names, claimed before any other name; the schemas take them in spec order. */
  readonly #preclaimed = new Map<object, string | undefined>();
  /** The named schema whose own type is being converted. */
  #drained: object | undefined;

  constructor(ctx: SpecContext, names: NameRegistry) {
    this.#ctx = ctx;
    this.#names = names;
  }

  /**
   * Names every schema of `components.schemas` in spec order, so they keep their names whatever
   * refers to them first. Names declared by `x-sdkgen-name` are claimed before any other, so an
   * inferred name moves aside for a declared one, never the reverse. `only`: name only these
   * (what a filtered run's operations reach); the others are named if something converted refers
   * to them, and are otherwise left out.
   */
  registerComponents(only?: ReadonlySet<object>): void {
    const root = this.#ctx.spec.root;
    const components = (root.value as Record<string, unknown>)['components'];
    const schemas = isRecord(components) ? components['schemas'] : undefined;
    this.#preclaimDeclared(root.value, only);
    if (!isRecord(schemas)) return;
    for (const [key, raw] of Object.entries(schemas)) {
      if (typeof raw === 'object' && raw !== null && (only === undefined || only.has(raw))) {
        this.#componentKey.set(raw, key);
        this.#register(raw, key, root);
      }
    }
  }

  /**
   * Claims every name `x-sdkgen-name` declares in the document, in its order, before any other
   * schema is named: on a component, or on a schema inside one or inside an operation (a list's
   * items: Stainless's `models` may point there). Schemas in other files claim theirs when reached.
   */
  #preclaimDeclared(document: unknown, only: ReadonlySet<object> | undefined): void {
    // A filtered run claims the names of what it keeps: walking all of Graph's 20 MB takes longer than the rest of the model.
    if (only !== undefined) {
      for (const value of only)
        if (isRecord(value) && value[EXT.name] !== undefined && value !== document)
          this.#preclaimed.set(value, this.#declaredName(value));
      return;
    }
    // Nothing to claim where no mapping of the document has the key (and none was put in two places since).
    const { tree, root } = this.#ctx.spec;
    if (tree && root.mayHaveKey?.(EXT.name) === false) return;
    // A tree's walk need not remember what it saw: the Set of every object was most of the walk's
    // time (openai.yaml: ~45 → ~10 ms cold). Children are read with for…in: no array per object.
    const seen = tree ? undefined : new Set<object>();
    const visit = (value: object): void => {
      if (seen !== undefined) {
        if (seen.has(value)) return;
        seen.add(value);
      }
      if (Array.isArray(value)) {
        for (const item of value) if (typeof item === 'object' && item !== null) visit(item);
        return;
      }
      const record = value as Record<string, unknown>;
      if (record[EXT.name] !== undefined && value !== document) this.#preclaimed.set(value, this.#declaredName(record));
      for (const key in record) {
        const child = record[key];
        if (typeof child === 'object' && child !== null) visit(child);
      }
    };
    if (typeof document === 'object' && document !== null) visit(document);
  }

  /** Converts every named schema still waiting; call before reading `schemas` or `lookup`. */
  drain(): void {
    for (let next = this.#pending.shift(); next !== undefined; next = this.#pending.shift()) {
      const { name, raw, file } = next;
      // `A: {$ref: B}`, `B: {$ref: A}` names no schema at all: `type A = B; type B = A` would not compile.
      const loops =
        isRecord(raw) &&
        typeof raw['$ref'] === 'string' &&
        deref(this.#ctx, raw, file).value === undefined &&
        this.#ctx.spec.resolveRef(raw['$ref'], file) !== undefined;
      const location = locate(this.#ctx, raw);
      this.#named.set(name, {
        name,
        componentKey: this.#componentKey.get(raw),
        type: loops ? UNKNOWN : this.#ctx.diagnostics.within(location, () => this.#convertNamed(raw, file)),
        docs: this.fieldDocs(raw, file),
        location,
      });
    }
  }

  /** Named schemas in the order they were first met. */
  get schemas(): readonly NamedSchema[] {
    this.drain();
    return this.#order.map((name) => this.#named.get(name)).filter((s): s is NamedSchema => s !== undefined);
  }

  lookup(name: string): NamedSchema | undefined {
    this.drain();
    return this.#named.get(name);
  }

  /** The object type behind `type`, following named references. */
  objectOf(type: TypeModel): Extract<TypeModel, { kind: 'object' }> | undefined {
    if (type.kind === 'omit') {
      const inner = this.objectOf(type.type);
      return inner === undefined
        ? undefined
        : { ...inner, properties: inner.properties.filter((p) => !type.keys.includes(p.name)) };
    }
    if (type.kind === 'ref') {
      const known = this.#objects.get(type.name);
      if (known !== undefined) return known;
    }
    const seen = new Set<string>();
    let current: TypeModel | undefined = type;
    while (current?.kind === 'ref' && !seen.has(current.name)) {
      seen.add(current.name);
      current = this.lookup(current.name)?.type;
    }
    const object =
      current?.kind === 'intersection'
        ? this.#mergedObject(current.members, seen)
        : current?.kind === 'object'
          ? current
          : undefined;
    // Not an object (yet: a name still unconverted) is asked again.
    if (type.kind === 'ref' && object !== undefined) this.#objects.set(type.name, object);
    return object;
  }

  /**
   * `allOf` of objects, as one: Microsoft Graph's collections are `allOf` a base with
   * `@odata.nextLink` and an object with `value`. A later member's property wins; `undefined`
   * when a member is not an object.
   */
  #mergedObject(members: readonly TypeModel[], seen: Set<string>): Extract<TypeModel, { kind: 'object' }> | undefined {
    const byName = new Map<string, PropertyModel>();
    let additional: TypeModel | undefined;
    for (const member of members) {
      if (member.kind === 'ref' && seen.has(member.name)) return undefined;
      const object = this.objectOf(member);
      if (object === undefined) return undefined;
      for (const property of object.properties) {
        const before = byName.get(property.name);
        byName.set(property.name, before?.required === true ? { ...property, required: true } : property);
      }
      additional ??= object.additional;
    }
    return { kind: 'object', properties: [...byName.values()], additional };
  }

  /** `at`: where `raw` is written, to point at a schema that is not a mapping (a string, say). */
  convert(raw: unknown, within: SpecFile, at?: SchemaSite): TypeModel {
    const file = fileHolding(this.#ctx, raw, within);
    if (raw === true || raw === undefined) return UNKNOWN;
    if (raw === false) return NEVER;
    if (!isRecord(raw)) {
      const where =
        typeof raw === 'object' && raw !== null
          ? locate(this.#ctx, raw)
          : at === undefined
            ? undefined
            : locateValue(this.#ctx, at.container, at.key);
      this.#ctx.diagnostics.error('schema-invalid', 'A schema must be a mapping or a boolean.', where);
      return UNKNOWN;
    }
    if (typeof raw['$ref'] === 'string') return this.#refType(raw, file);
    // A schema written inline with a declared name is a named type all the same (its first use names it).
    if (raw[EXT.name] !== undefined && this.#drained !== raw)
      return { kind: 'ref', name: this.#nameByTarget.get(raw) ?? this.#register(raw, 'Schema', file) };

    const parts: TypeModel[] = [];
    const core = this.#coreType(raw, file);
    if (core !== undefined) parts.push(core);
    const allOf = this.#list(raw, 'allOf');
    if (allOf !== undefined)
      parts.push(
        intersectionOf([
          ...allOf.map((s, i) => this.convert(s, file, { container: allOf, key: i })),
          ...this.#inheritedDiscriminator(raw, allOf, file),
        ]),
      );
    const discriminator = readDiscriminator(raw, this.#discriminators);
    for (const key of ['oneOf', 'anyOf'] as const) {
      const members = this.#list(raw, key);
      if (members !== undefined)
        parts.push(
          unionOf(members.map((s, i) => this.#variant(s, file, discriminator, { container: members, key: i }))),
        );
    }
    let type = parts.length === 0 ? UNKNOWN : intersectionOf(parts);
    if (raw['nullable'] === true) type = unionOf([type, PRIMITIVE_BY_TYPE.null]);
    return type;
  }

  /** The type of a named schema itself (not a reference to it, which `convert` gives for a declared one). */
  #convertNamed(raw: object, file: SpecFile): TypeModel {
    const outer = this.#drained;
    this.#drained = raw;
    try {
      return this.convert(raw, file);
    } finally {
      this.#drained = outer;
    }
  }

  /** Description, default, example, format and constraints of a schema (or of what its `$ref` names). */
  fieldDocs(raw: unknown, within: SpecFile): FieldDocs {
    const file = fileHolding(this.#ctx, raw, within);
    if (!isRecord(raw)) return {};
    const target = typeof raw['$ref'] === 'string' ? this.#ctx.spec.resolveRef(raw['$ref'], file)?.value : undefined;
    const description =
      stringField(this.#ctx, raw, 'description') ?? (isRecord(target) ? asString(target['description']) : undefined);
    const constraints = constraintsOf(raw, CONSTRAINT_KEYS);
    const examples = raw['examples'];
    const example =
      'example' in raw
        ? { value: raw['example'], location: file.locate(raw, 'example', 'value') }
        : Array.isArray(examples) && examples.length > 0
          ? { value: examples[0], location: file.locate(examples, 0, 'value') }
          : undefined;
    return {
      description,
      deprecated: booleanField(this.#ctx, raw, 'deprecated'),
      format: stringField(this.#ctx, raw, 'format'),
      default: 'default' in raw ? { value: raw['default'] } : undefined,
      example,
      constraints: Object.keys(constraints).length === 0 ? undefined : (constraints as Constraints),
    };
  }

  /**
   * A variant of a discriminated union, with its discriminator property narrowed to the
   * values that select it: the mapping's keys that point at it, else (no mapping entry) its
   * schema name, as OpenAPI says. A variant that already fixes the property (enum, const)
   * keeps its own values: spec authors who write `role: {enum: [user]}` mean `'user'`, not
   * the schema's name (the mistake openapi-typescript and hey-api make).
   */
  #variant(member: unknown, file: SpecFile, discriminator: Discriminator | undefined, at: SchemaSite): TypeModel {
    const type = this.convert(member, file, at);
    if (discriminator === undefined || !isRecord(member) || typeof member['$ref'] !== 'string') return type;
    const target = this.#ctx.spec.resolveRef(member['$ref'], file);
    if (target === undefined || !isRecord(target.value)) return type;
    if (this.#fixesProperty(target.value, discriminator.propertyName, target.file, 0)) return type;
    const values = this.#selectingValues(target.value, target.pointer, discriminator, file);
    return values.length === 0 ? type : intersectionOf([type, discriminatorObject(discriminator.propertyName, values)]);
  }

  /** `Snake: allOf: [Reptile, …]` where Reptile has a discriminator: Snake's property is `'Snake'` (or its mapping keys). */
  #inheritedDiscriminator(raw: Record<string, unknown>, allOf: readonly unknown[], file: SpecFile): TypeModel[] {
    const name = this.#componentKey.get(raw);
    if (name === undefined) return [];
    const narrowed: TypeModel[] = [];
    for (const part of allOf) {
      if (!isRecord(part) || typeof part['$ref'] !== 'string') continue;
      const base = this.#ctx.spec.resolveRef(part['$ref'], file);
      if (base === undefined || !isRecord(base.value) || 'oneOf' in base.value || 'anyOf' in base.value) continue;
      const discriminator = readDiscriminator(base.value, this.#discriminators);
      // The base's own enum of every kind does not fix the property for this one kind.
      const own = { ...raw, allOf: allOf.filter((other) => other !== part) };
      if (discriminator === undefined || this.#fixesProperty(own, discriminator.propertyName, file, 0)) continue;
      const values = this.#selectingValues(raw, undefined, discriminator, base.file);
      // A value the base's own enum cannot hold (Grid's `AccountStatusWebhook`, its mapping silent,
      // against `WebhookType`'s `ACCOUNT_STATUS`) is a mapping that is not possible, as OpenAPI puts
      // it: the kind keeps the base's values rather than becoming `never`.
      const allowed = this.#enumOf(base.value, discriminator.propertyName, base.file);
      if (allowed !== undefined && !values.some((value) => allowed.includes(value))) continue;
      if (values.length > 0) narrowed.push(discriminatorObject(discriminator.propertyName, values));
    }
    return narrowed;
  }

  /** The discriminator values that select `target`: mapping keys that point at it, else its component name. */
  #selectingValues(
    target: object,
    pointer: readonly string[] | undefined,
    discriminator: Discriminator,
    mappingFile: SpecFile,
  ): string[] {
    const mapped = this.#valuesByTarget(discriminator, mappingFile).get(target);
    if (mapped !== undefined) return [...mapped];
    const key =
      this.#componentKey.get(target) ??
      (pointer?.[0] === 'components' && pointer[1] === 'schemas' ? pointer[2] : undefined);
    return key === undefined ? [] : [key];
  }

  #valuesByTarget(discriminator: Discriminator, mappingFile: SpecFile): Map<unknown, string[]> {
    let byFile = this.#mappedValues.get(discriminator);
    if (byFile === undefined) {
      byFile = new Map();
      this.#mappedValues.set(discriminator, byFile);
    }
    let byTarget = byFile.get(mappingFile);
    if (byTarget !== undefined) return byTarget;
    byTarget = new Map();
    for (const [value, ref] of Object.entries(discriminator.mapping)) {
      const target = this.#ctx.spec.resolveRef(mappingRef(ref), mappingFile)?.value;
      if (target === undefined) continue;
      const values = byTarget.get(target);
      if (values === undefined) byTarget.set(target, [value]);
      else values.push(value);
    }
    byFile.set(mappingFile, byTarget);
    return byTarget;
  }

  /** The enum a schema's own property declares (directly or by `$ref`); `undefined` where it declares none. */
  #enumOf(raw: Record<string, unknown>, property: string, file: SpecFile): readonly unknown[] | undefined {
    const properties = raw['properties'];
    const own = isRecord(properties) ? properties[property] : undefined;
    const resolved =
      isRecord(own) && typeof own['$ref'] === 'string' ? this.#ctx.spec.resolveRef(own['$ref'], file)?.value : own;
    return isRecord(resolved) && Array.isArray(resolved['enum']) ? resolved['enum'] : undefined;
  }

  /** Whether the schema itself (or what it extends) pins the property to enum or const values. */
  #fixesProperty(raw: Record<string, unknown>, property: string, file: SpecFile, depth: number): boolean {
    if (depth > 8) return false;
    const properties = raw['properties'];
    const own = isRecord(properties) ? properties[property] : undefined;
    const resolved =
      isRecord(own) && typeof own['$ref'] === 'string' ? this.#ctx.spec.resolveRef(own['$ref'], file)?.value : own;
    if (isRecord(resolved) && ('const' in resolved || Array.isArray(resolved['enum']))) return true;
    const allOf = raw['allOf'];
    return (
      Array.isArray(allOf) &&
      allOf.some((part) => {
        if (!isRecord(part)) return false;
        if (typeof part['$ref'] !== 'string') return this.#fixesProperty(part, property, file, depth + 1);
        const target = this.#ctx.spec.resolveRef(part['$ref'], file);
        return (
          target !== undefined &&
          isRecord(target.value) &&
          this.#fixesProperty(target.value, property, target.file, depth + 1)
        );
      })
    );
  }

  #refType(raw: Record<string, unknown>, file: SpecFile): TypeModel {
    const resolved = this.#ctx.spec.resolveRef(raw['$ref'] as string, file);
    if (resolved === undefined) return UNKNOWN; // diagnosed when the spec was loaded
    if (typeof resolved.value !== 'object' || resolved.value === null)
      return this.convert(resolved.value, resolved.file, { container: raw, key: '$ref' });
    const known = this.#nameByTarget.get(resolved.value);
    if (known !== undefined) return { kind: 'ref', name: known };
    const key = resolved.pointer[resolved.pointer.length - 1];
    if (
      key !== undefined &&
      resolved.pointer.length === 3 &&
      resolved.pointer[0] === 'components' &&
      resolved.pointer[1] === 'schemas'
    ) {
      this.#componentKey.set(resolved.value, key);
    }
    // A key keeps its spelling, like a component's; a whole file is named after the file, as a type.
    const hint = key ?? pascalCase(resolved.file.displayPath.replace(/^.*\/|\.[^.]*$/g, ''));
    const owner = this.#declaredOwner(resolved.pointer, resolved.file);
    const pointer = owner === undefined ? resolved.pointer : resolved.pointer.with(2, owner);
    return { kind: 'ref', name: this.#register(resolved.value, hint, resolved.file, pointerNames(pointer)) };
  }

  /** The declared name of the component a pointer leads into (`Cluster` for `…/LKECluster/properties/label`): what its parts are named after. */
  #declaredOwner(pointer: readonly string[], file: SpecFile): string | undefined {
    if (pointer.length <= 3 || pointer[0] !== 'components' || pointer[1] !== 'schemas') return undefined;
    const components = isRecord(file.value) ? file.value['components'] : undefined;
    const schemas = isRecord(components) ? components['schemas'] : undefined;
    const owner = isRecord(schemas) ? schemas[pointer[2] as string] : undefined;
    const name = isRecord(owner) ? owner[EXT.name] : undefined;
    return typeof name === 'string' && this.#declared.has(name) ? name : undefined;
  }

  /**
   * Names a type that the spec left inline (a response envelope, a list item, a body), so
   * signatures stay short and users can import it. Returns the reference to use instead.
   */
  hoist(
    candidates: readonly string[],
    type: TypeModel,
    docs: FieldDocs,
    location: NamedSchema['location'],
  ): Extract<TypeModel, { kind: 'ref' }> {
    const name = this.#names.claim(...candidates);
    this.#order.push(name);
    this.#named.set(name, { name, componentKey: undefined, type, docs, location });
    return { kind: 'ref', name };
  }

  /** The name of the type a raw schema became, if it was named. */
  nameOf(raw: object): string | undefined {
    return this.#nameByTarget.get(raw);
  }

  /** The names `x-sdkgen-name` declared. */
  get declaredNames(): ReadonlySet<string> {
    return this.#declared;
  }

  /** `qualified`: names by where the schema is, for one that is not a component (`LKEClusterLabel`). */
  #register(raw: object, hint: string, file: SpecFile, qualified: readonly string[] = []): string {
    const known = this.#nameByTarget.get(raw);
    if (known !== undefined) return known;
    const declared = this.#preclaimed.has(raw)
      ? this.#preclaimed.get(raw)
      : isRecord(raw)
        ? this.#declaredName(raw)
        : undefined;
    const base = isIdentifier(hint) ? toIdentifier(hint, 'Schema') : toIdentifier(pascalCase(hint), 'Schema');
    const name = declared ?? this.#keptName(raw) ?? this.#names.claim(base, `${base}Schema`, ...qualified);
    this.#nameByTarget.set(raw, name);
    this.#order.push(name);
    this.#pending.push({ name, raw, file });
    return name;
  }

  /** The name the names lock keeps for a component, claimed; a declared name that took it since is warned of. */
  #keptName(raw: object): string | undefined {
    const key = this.#componentKey.get(raw);
    const kept = key === undefined ? undefined : this.#ctx.kept?.schema(key);
    const name = this.#names.claimKept(kept);
    if (kept !== undefined && name === undefined)
      this.#ctx.diagnostics.warning(
        'name-kept-taken',
        `${schemaPointer(key as string)} was ${kept} (${this.#ctx.kept?.file}), but ${kept} is now taken by a name that comes first (declared, the client's, a page class's) or is no type name; it is named afresh.`,
        locate(this.#ctx, raw),
      );
    return name;
  }

  /**
   * The name `x-sdkgen-name` declares, claimed; `undefined` (after a located error) where it is
   * not a type name, or another declared name or a name of the package's own (the client, a page
   * class, a runtime export) has it.
   */
  #declaredName(raw: Record<string, unknown>): string | undefined {
    if (raw[EXT.name] === undefined) return undefined;
    const name = readSchemaName(this.#ctx, raw);
    if (name === undefined) return undefined;
    const clash = [...this.#declared].find((other) => other.toLowerCase() === name.toLowerCase());
    // `File` may be declared (once): the generated modules never name the global.
    if (clash === undefined && DECLARABLE_GLOBALS.has(name)) {
      this.#declared.add(name);
      return this.#names.claimReserved(name);
    }
    if (this.#names.has(name)) {
      this.#ctx.diagnostics.error(
        'name-taken',
        clash === undefined
          ? `\`${EXT.name}: ${name}\` is a name the package already exports (the client, a page class or a runtime export).`
          : `\`${EXT.name}: ${name}\` is declared for another schema too${clash === name ? '' : ` as ${clash} (exported names must differ by more than case)`}.`,
        locateValue(this.#ctx, raw, EXT.name),
      );
      return undefined;
    }
    this.#declared.add(name);
    return this.#names.claimDeclared(name);
  }

  /** The type from `const`, `enum`, or `type` (a list of types in 3.1), or `undefined` when none is given. */
  #coreType(raw: Record<string, unknown>, file: SpecFile): TypeModel | undefined {
    if ('const' in raw) return literalOf(raw['const']);
    const values = raw['enum'];
    if (Array.isArray(values)) return unionOf(values.map(literalOf));
    // Zalando's open enum: these values today, maybe others tomorrow; any string is typed valid.
    const extensible = raw['x-extensible-enum'];
    if (Array.isArray(extensible))
      return unionOf([...extensible.filter((v) => typeof v === 'string').map(literalOf), STRING]);
    const declared = raw['type'];
    const types: unknown[] = Array.isArray(declared) ? declared : declared === undefined ? inferTypes(raw) : [declared];
    if (types.length === 0) return undefined;
    return unionOf(types.map((t) => this.#typeOf(t, raw, file)));
  }

  #typeOf(type: unknown, raw: Record<string, unknown>, file: SpecFile): TypeModel {
    switch (type) {
      case 'string':
        return isBinaryString(raw) ? BLOB : constrained(PRIMITIVE_BY_TYPE.string, raw, STRING_KEYS);
      case 'integer':
        return constrained({ ...PRIMITIVE_BY_TYPE.integer, integer: true }, raw, NUMBER_KEYS);
      case 'number':
        return constrained(PRIMITIVE_BY_TYPE.number, raw, NUMBER_KEYS);
      case 'boolean':
      case 'null':
        return PRIMITIVE_BY_TYPE[type];
      case 'array':
        return constrained(
          { kind: 'array', items: this.convert(raw['items'], file, { container: raw, key: 'items' }) },
          raw,
          ARRAY_KEYS,
        );
      case 'object':
        return this.#objectType(raw, file);
      default:
        this.#ctx.diagnostics.error(
          'schema-type-unknown',
          `Unknown schema type ${JSON.stringify(type)}.`,
          locate(this.#ctx, raw, 'type'),
        );
        return UNKNOWN;
    }
  }

  #objectType(raw: Record<string, unknown>, file: SpecFile): TypeModel {
    const required = new Set(
      Array.isArray(raw['required']) ? raw['required'].filter((r) => typeof r === 'string') : [],
    );
    const properties: PropertyModel[] = [];
    const rawProperties = raw['properties'];
    if (rawProperties !== undefined && !isRecord(rawProperties)) {
      this.#ctx.diagnostics.error(
        'wrong-kind',
        '`properties` must be a mapping.',
        locate(this.#ctx, raw, 'properties'),
      );
    }
    if (isRecord(rawProperties)) {
      for (const [name, schema] of Object.entries(rawProperties)) {
        const flags = isRecord(schema) ? schema : {};
        properties.push({
          name,
          required: required.has(name),
          type: this.convert(schema, file, { container: rawProperties, key: name }),
          docs: this.fieldDocs(schema, file),
          readOnly: flags['readOnly'] === true,
          writeOnly: flags['writeOnly'] === true,
          location: file.locate(rawProperties, name),
        });
      }
    }
    const extra = raw['additionalProperties'];
    const additional =
      extra === undefined || extra === false
        ? undefined
        : this.convert(extra, file, { container: raw, key: 'additionalProperties' });
    return {
      kind: 'object',
      properties,
      additional: properties.length === 0 && additional === undefined ? UNKNOWN : additional,
      ...(extra === false ? { closed: true } : {}),
    };
  }

  #list(raw: Record<string, unknown>, key: string): unknown[] | undefined {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value;
    this.#ctx.diagnostics.error('wrong-kind', `\`${key}\` must be a list of schemas.`, locate(this.#ctx, raw, key));
    return undefined;
  }
}

/** Keys of a JSON pointer that say what holds a schema, not whose it is. */
const STRUCTURAL_KEYS: ReadonlySet<string> = new Set(
  'components schemas definitions $defs properties items additionalProperties allOf anyOf oneOf not paths content schema requestBody responses parameters headers'.split(
    ' ',
  ),
);

/**
 * A schema `$ref`'d by a pointer into another (`#/components/schemas/LKECluster/properties/label`)
 * named by where it is, nearest owner first: `LKEClusterLabel`, then with each owner further up.
 * Structural keys (`properties`, `items`, a media type) name nothing.
 */
function pointerNames(pointer: readonly string[]): string[] {
  const last = pointer.at(-1);
  if (last === undefined || pointer.length <= 3) return [];
  // A member of a list (`allOf/1`) is named by the list too: `ConfigAllOf1`.
  const key = /^\d+$/.test(last) ? `${pointer.at(-2) ?? ''} ${last}` : last;
  const owners = pointer
    .slice(0, /^\d+$/.test(last) ? -2 : -1)
    .filter(
      (part) => !STRUCTURAL_KEYS.has(part) && (part.startsWith('/') || !part.includes('/')) && !/^\d+$/.test(part),
    );
  const names: string[] = [];
  for (let start = owners.length - 1; start >= 0; start--)
    names.push([...owners.slice(start), key].map(asTypeWord).join(''));
  // Every key but the media type, where owners alone repeat (a request's and a response's `allOf/0`).
  names.push(pascalCase(pointer.filter((part) => part.startsWith('/') || !part.includes('/')).join(' ')));
  return names.filter((name) => name !== '');
}

/** A key as part of a type name, keeping the spelling of one that is an identifier: `LKECluster`, `label` → `Label`. */
function asTypeWord(key: string): string {
  return isIdentifier(key) ? key.charAt(0).toUpperCase() + key.slice(1) : pascalCase(key);
}

/** Without `type`, the keywords present tell what the schema describes. */
function inferTypes(raw: Record<string, unknown>): string[] {
  if ('properties' in raw || 'additionalProperties' in raw) return ['object'];
  if ('items' in raw) return ['array'];
  return [];
}

function literalOf(value: unknown): TypeModel {
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  ) {
    return { kind: 'literal', value };
  }
  return UNKNOWN;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

interface Discriminator {
  readonly propertyName: string;
  /** Discriminator value → `$ref` (or bare schema name) of the variant it selects. */
  readonly mapping: Readonly<Record<string, string>>;
}

/** A mapping's value as a `$ref`: a bare name is a component's (`Cat` → `#/components/schemas/Cat`). */
function mappingRef(ref: string): string {
  return ref.includes('#') || ref.includes('/') || ref.includes('.') ? ref : `#/components/schemas/${ref}`;
}

/** `discriminators`: each raw discriminator read before, as a base's is for every schema that extends it. */
function readDiscriminator(
  raw: Record<string, unknown>,
  discriminators: WeakMap<object, Discriminator>,
): Discriminator | undefined {
  const discriminator = raw['discriminator'];
  if (!isRecord(discriminator) || typeof discriminator['propertyName'] !== 'string') return undefined;
  const known = discriminators.get(discriminator);
  if (known !== undefined) return known;
  const mapping = isRecord(discriminator['mapping']) ? discriminator['mapping'] : {};
  const read = {
    propertyName: discriminator['propertyName'],
    mapping: Object.fromEntries(Object.entries(mapping).filter((e): e is [string, string] => typeof e[1] === 'string')),
  };
  discriminators.set(discriminator, read);
  return read;
}

/** `{ kind: 'cat' | 'kitten' }`: what narrows a variant to the values that select it. */
function discriminatorObject(property: string, values: readonly string[]): TypeModel {
  return {
    kind: 'object',
    properties: [
      {
        name: property,
        required: true,
        type: unionOf(values.map((value) => ({ kind: 'literal', value }))),
        docs: {},
        readOnly: false,
        writeOnly: false,
      },
    ],
    additional: undefined,
  };
}

/** A file or raw bytes: `format: binary`, or (3.1) a `contentMediaType` that is not text and not encoded. */
function isBinaryString(raw: Record<string, unknown>): boolean {
  if (raw['format'] === 'binary') return true;
  const media = raw['contentMediaType'];
  return typeof media === 'string' && raw['contentEncoding'] === undefined && !/^text\/|json|xml/i.test(media);
}
