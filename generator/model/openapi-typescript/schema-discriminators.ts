// Discriminators, as 7.13 reads them before printing anything: which schemas carry or inherit one
// (through allOf), and which mapped schemas get the discriminator property as a one-value enum.
// 7.13 writes that enum into the document; the loaded document is readonly here, so the scan
// returns the edits ("patches") and schemaType applies them where it meets the schema.
import { parseRef } from '../../load/refs.js';
import { isRecord, type RawSchema } from './schema-context.js';

export interface DiscriminatorObject {
  readonly propertyName: string;
  readonly mapping?: Readonly<Record<string, string>> | undefined;
}

/** An edit 7.13 makes to a mapped schema: an allOf member, or a property, holding the mapped values. */
export interface DiscriminatorPatch {
  readonly kind: 'allOf' | 'property';
  readonly propertyName: string;
  readonly values: readonly string[];
}

export interface Discriminators {
  /** Keyed by the pointer of the schema that declares or inherits the discriminator. */
  readonly objects: ReadonlyMap<string, DiscriminatorObject>;
  /** Pointers of mapped schemas already given their discriminator property (by a patch). */
  readonly refsHandled: ReadonlySet<string>;
  readonly patches: ReadonlyMap<string, readonly DiscriminatorPatch[]>;
}

export const NO_DISCRIMINATORS: Discriminators = { objects: new Map(), refsHandled: new Set(), patches: new Map() };

const escapeSegment = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const pointerOf = (path: readonly string[]): string => `#${path.map((s) => `/${escapeSegment(s)}`).join('')}`;

/** Calls `visit` on every object of `value` (not arrays themselves), parents first, in document order. */
function walk(value: unknown, visit: (node: RawSchema, path: readonly string[]) => void): void {
  const onPath = new Set<object>(); // a YAML alias may make a cycle: stop there
  const step = (node: unknown, path: string[]): void => {
    if (node === null || typeof node !== 'object' || onPath.has(node)) return;
    onPath.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        step(item, [...path, String(i)]);
      });
    } else {
      visit(node as RawSchema, path);
      for (const [key, child] of Object.entries(node)) step(child, [...path, key]);
    }
    onPath.delete(node);
  };
  step(value, []);
}

function asDiscriminator(value: unknown): DiscriminatorObject | undefined {
  if (!isRecord(value) || typeof value['propertyName'] !== 'string' || value['propertyName'] === '') return undefined;
  const mapping = isRecord(value['mapping']) ? (value['mapping'] as Record<string, string>) : undefined;
  return { propertyName: value['propertyName'], mapping };
}

/**
 * Finds the document's discriminators in 7.13's two passes: first those declared (a `oneOf` of
 * `$ref`s beside one gets each target patched, by mapping or by the target's name), then the
 * schemas inheriting one through `allOf` (patched when a mapping names them).
 */
export function scanDiscriminators(document: unknown, resolve: (ref: string) => unknown): Discriminators {
  const objects = new Map<string, DiscriminatorObject>();
  const refsHandled = new Set<string>();
  const patches = new Map<string, DiscriminatorPatch[]>();

  const patch = (ref: string, values: readonly string[], propertyName: string): boolean => {
    const target = resolve(ref);
    if (!isRecord(target)) return false;
    const kind = Array.isArray(target['allOf']) ? 'allOf' : target['type'] === 'object' ? 'property' : undefined;
    if (kind === undefined) return false; // 7.13 warns and leaves the schema as it is
    const list = patches.get(ref) ?? [];
    list.push({ kind, propertyName, values });
    patches.set(ref, list);
    return true;
  };

  walk(document, (node, path) => {
    const discriminator = asDiscriminator(node['discriminator']);
    if (discriminator === undefined) return;
    objects.set(pointerOf(path), discriminator);
    const oneOf = node['oneOf'];
    if (!Array.isArray(oneOf)) return;
    const mapping = new Map<string, { inferred?: string; defined?: string[] }>();
    for (const item of oneOf) {
      if (!isRecord(item) || typeof item['$ref'] !== 'string') continue;
      const name = item['$ref'].split('/').pop();
      if (name) mapping.set(item['$ref'], { ...mapping.get(item['$ref']), inferred: name });
    }
    for (const [value, ref] of Object.entries(discriminator.mapping ?? {})) {
      if (!ref) continue;
      const entry = mapping.get(ref);
      if (entry?.defined === undefined) mapping.set(ref, { defined: [value] });
      else entry.defined.push(value);
    }
    for (const [ref, { inferred, defined }] of mapping) {
      if (refsHandled.has(ref)) continue;
      const values = defined ?? (inferred === undefined ? undefined : [inferred]);
      if (values !== undefined && patch(ref, values, discriminator.propertyName)) refsHandled.add(ref);
    }
  });

  walk(document, (node, path) => {
    const allOf = node['allOf'];
    if (!Array.isArray(allOf)) return;
    const ref = pointerOf(path);
    for (const item of allOf) {
      if (isRecord(item) && typeof item['$ref'] === 'string') {
        const inherited = objects.get(item['$ref']);
        if (inherited === undefined) return; // as 7.13: the first plain parent ends the search
        const values = Object.entries(inherited.mapping ?? {})
          .filter(([, target]) => target === ref)
          .map(([value]) => value);
        if (values.length > 0 && patch(ref, values, inherited.propertyName)) refsHandled.add(ref);
        objects.set(ref, { ...inherited });
      } else if (isRecord(item)) {
        const own = asDiscriminator(item['discriminator']);
        if (own !== undefined) objects.set(ref, { ...own });
      }
    }
  });

  return { objects, refsHandled, patches };
}

function discriminatorEnum(values: readonly string[], previous: unknown): RawSchema {
  const description =
    isRecord(previous) && typeof previous['description'] === 'string' && previous['description'] !== ''
      ? `${previous['description']} (enum property replaced by openapi-typescript)`
      : 'discriminator enum property added by openapi-typescript';
  return { type: 'string', enum: values, description };
}

/**
 * The values `schema` itself allows for `propertyName` (`enum`/`const` on the property, here or in
 * an allOf member), or undefined when it does not constrain them.
 */
export function declaredValues(
  schema: RawSchema,
  propertyName: string,
  resolve: (ref: string) => unknown,
  seen = new Set<unknown>(),
): readonly unknown[] | undefined {
  if (seen.has(schema)) return undefined;
  seen.add(schema);
  const properties = schema['properties'];
  let property = isRecord(properties) ? properties[propertyName] : undefined;
  if (isRecord(property) && typeof property['$ref'] === 'string') property = resolve(property['$ref']);
  if (isRecord(property)) {
    if ('const' in property) return [property['const']];
    if (Array.isArray(property['enum'])) return property['enum'];
  }
  for (const member of Array.isArray(schema['allOf']) ? schema['allOf'] : []) {
    const target = isRecord(member) && typeof member['$ref'] === 'string' ? resolve(member['$ref']) : member;
    const values = isRecord(target) ? declaredValues(target, propertyName, resolve, seen) : undefined;
    if (values !== undefined) return values;
  }
  return undefined;
}

/**
 * The values a patch may really give: 7.13 writes the mapped (or inferred: the schema's name)
 * values over whatever the schema declares, so `role: "ChatCompletionRequestDeveloperMessage"`
 * where the schema says `developer`. Unless `compat`, only values the schema allows are written,
 * and none (the schema's own type is kept) when it allows none of them.
 */
function allowedValues(
  schema: RawSchema,
  patch: DiscriminatorPatch,
  compat: boolean,
  resolve: (ref: string) => unknown,
): readonly string[] {
  if (compat) return patch.values;
  const declared = declaredValues(schema, patch.propertyName, resolve);
  return declared === undefined ? patch.values : patch.values.filter((value) => declared.includes(value));
}

/** `schema` with the discriminator patches for `pointer` applied (itself when there are none). */
export function applyPatches(
  schema: RawSchema,
  pointer: string,
  discriminators: Discriminators | undefined,
  { compat, resolve }: { readonly compat: boolean; readonly resolve: (ref: string) => unknown },
): RawSchema {
  const list = discriminators?.patches.get(pointer);
  if (list === undefined) return schema;
  let patched: RawSchema = schema;
  for (const patch of list) {
    const { kind, propertyName } = patch;
    const values = allowedValues(schema, patch, compat, resolve);
    if (values.length === 0) continue;
    const required = Array.isArray(patched['required']) ? (patched['required'] as string[]) : [];
    if (kind === 'allOf') {
      const property = discriminatorEnum(values, undefined);
      const member = { type: 'object', required: [propertyName], properties: { [propertyName]: property } };
      patched = { ...patched, allOf: [...(patched['allOf'] as unknown[]), member] };
    } else {
      const properties = isRecord(patched['properties']) ? patched['properties'] : {};
      patched = {
        ...patched,
        required: required.includes(propertyName) ? required : [...required, propertyName],
        properties: { ...properties, [propertyName]: discriminatorEnum(values, properties[propertyName]) },
      };
    }
  }
  return patched;
}

/**
 * The value a schema at `pointer` gives its inherited discriminator property: its own name (the
 * pointer's last segment), or the mapping's key that names it.
 */
export function discriminatorValue(discriminator: DiscriminatorObject, pointer: string): string {
  const parsed = parseRef(pointer);
  const name = parsed.kind === 'local' ? (parsed.pointer.at(-1) ?? '') : '';
  for (const [value, target] of Object.entries(discriminator.mapping ?? {})) {
    if (target.startsWith('#')) {
      const targetRef = parseRef(target);
      if (targetRef.kind === 'local' && targetRef.pointer.at(-1) === name) return value;
    } else if (target === name) {
      return value;
    }
  }
  return name;
}
