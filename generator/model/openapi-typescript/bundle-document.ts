// One self-contained document from a spec spread over files, bundled as openapi-typescript 7.13's
// bundler (Redocly's, without dereferencing) does: a `$ref` into another file that names a
// component-like node (schema, parameter, response, request body, header, example, link,
// callback, security scheme) becomes a `$ref` to a component of that name, added to the root's
// `components`; any other (a path item, an operation, a media type) is written in place. So
// the types name the same components as 7.13's and need no `$ref` outside the document.

import type { LoadedSpec } from '../../load/load-spec.js';
import type { SpecFile } from '../../load/spec-file.js';
import { isRawObject, isRef, type RawObject } from './raw.js';

type NodeType =
  | 'PathItem'
  | 'Operation'
  | 'Parameter'
  | 'RequestBody'
  | 'Response'
  | 'Header'
  | 'MediaType'
  | 'Encoding'
  | 'Schema'
  | 'Example'
  | 'Link'
  | 'Callback'
  | 'SecurityScheme'
  | 'Other';

/** The components section a node of each type is hoisted into; the others are written in place. */
const SECTION: Partial<Record<NodeType, string>> = {
  Schema: 'schemas',
  Parameter: 'parameters',
  Response: 'responses',
  Example: 'examples',
  RequestBody: 'requestBodies',
  Header: 'headers',
  SecurityScheme: 'securitySchemes',
  Link: 'links',
  Callback: 'callbacks',
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_LISTS = ['allOf', 'oneOf', 'anyOf', 'prefixItems'];
const SCHEMA_ONES = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
];
const COMPONENT_SECTIONS: Readonly<Record<string, NodeType>> = {
  schemas: 'Schema',
  responses: 'Response',
  parameters: 'Parameter',
  examples: 'Example',
  requestBodies: 'RequestBody',
  headers: 'Header',
  securitySchemes: 'SecurityScheme',
  links: 'Link',
  callbacks: 'Callback',
  pathItems: 'PathItem',
};

export function bundleDocument(loaded: LoadedSpec): RawObject {
  const root = loaded.root.value;
  if (!isRawObject(root)) return {};
  if (loaded.files.size === 1) return root;
  return new Bundler(loaded).bundle(root);
}

class Bundler {
  private readonly components: Record<string, Record<string, unknown>> = {};
  /** The raw node each component name stands for, to tell a second `$ref` to it from a clash. */
  private readonly raws = new Map<string, unknown>();
  /** `file#pointer` → the component made for it, so each is made once (and cycles end). */
  private readonly hoisted = new Map<string, string>();
  /** `file#pointer` of the nodes being visited, to tell a cycle. */
  private readonly visiting = new Set<string>();
  constructor(private readonly loaded: LoadedSpec) {}

  bundle(root: RawObject): RawObject {
    const rootComponents = isRawObject(root['components']) ? root['components'] : {};
    for (const [section, items] of Object.entries(rootComponents)) {
      if (!isRawObject(items)) continue;
      this.components[section] = { ...items };
      for (const [name, item] of Object.entries(items)) this.raws.set(`${section}/${name}`, item);
    }
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(root)) {
      if (key === 'components') continue;
      result[key] =
        (key === 'paths' || key === 'webhooks') && isRawObject(value)
          ? this.visitEach(value, this.loaded.root, 'PathItem')
          : this.visit(value, this.loaded.root, 'Other');
    }
    // Root components are visited in place (a `$ref` there may turn into the component itself).
    for (const [section, items] of Object.entries(rootComponents)) {
      if (!isRawObject(items)) continue;
      const type = COMPONENT_SECTIONS[section] ?? 'Other';
      for (const [name, item] of Object.entries(items)) {
        const visited = this.visit(item, this.loaded.root, type, { section, name });
        if (visited !== HOISTED_IN_PLACE) (this.components[section] as Record<string, unknown>)[name] = visited;
      }
    }
    const components: Record<string, unknown> = isRawObject(root['components']) ? { ...root['components'] } : {};
    for (const [section, items] of Object.entries(this.components)) components[section] = items;
    if (Object.keys(components).length > 0 || root['components'] !== undefined) result['components'] = components;
    // Keep the root's key order: components where it was, or last.
    return reorder(root, result);
  }

  private visit(value: unknown, file: SpecFile, type: NodeType, at?: { section: string; name: string }): unknown {
    if (Array.isArray(value)) return value.map((item) => this.visit(item, file, type));
    if (!isRawObject(value)) return value;
    if (isRef(value)) return this.visitRef(value, file, type, at);
    return this.visitChildren(value, file, type);
  }

  private visitRef(
    node: RawObject & { readonly $ref: string },
    file: SpecFile,
    type: NodeType,
    at: { section: string; name: string } | undefined,
  ): unknown {
    const target = this.finalTarget(node.$ref, file);
    // A `$ref` of the root file into itself stays as it is.
    if (target === undefined || (target.file === this.loaded.root && file === this.loaded.root)) return node;
    if (typeof target.value === 'string') return target.value; // a Markdown description
    const section = SECTION[type];
    if (section === undefined) {
      // Written in place, the `$ref`'s siblings over what it names.
      const { $ref: _, ...siblings } = node;
      const inlined = this.visit(target.value, target.file, type);
      return isRawObject(inlined) ? { ...inlined, ...siblings } : inlined;
    }
    const key = `${target.file.absolutePath}#/${target.pointer.map(escapeSegment).join('/')}`;
    const reference = (name: string) => ({ ...node, $ref: `#/components/${section}/${escapeSegment(name)}` });
    const known = this.hoisted.get(key);
    if (known !== undefined) return reference(known);
    const group = this.components[section] ?? {};
    this.components[section] = group;
    // A `$ref` back to a node being visited (a cycle) names it now, and takes its place now, as Redocly does.
    if (this.visiting.has(key)) {
      const name = this.name(key, section, target);
      if (!(name in group)) group[name] = null;
      return reference(name);
    }
    // Named after its content, whose own components come first: Redocly saves on leaving a node.
    this.visiting.add(key);
    const content = this.visit(target.value, target.file, type);
    this.visiting.delete(key);
    const name = this.hoisted.get(key) ?? this.name(key, section, target);
    group[name] = content;
    const inPlace = at !== undefined && at.section === section && at.name === name;
    return inPlace ? HOISTED_IN_PLACE : reference(name);
  }

  /** Names the component for `key` (Redocly's rule) and remembers it. */
  private name(key: string, section: string, target: NonNullable<ReturnType<LoadedSpec['resolveRef']>>): string {
    const name = this.componentName(section, target.pointer, target.file, target.value);
    this.hoisted.set(key, name);
    this.raws.set(`${section}/${name}`, target.value);
    return name;
  }

  /** What a `$ref` finally names, through `$ref`s to `$ref`s (Redocly resolves the whole chain). */
  private finalTarget(ref: string, file: SpecFile): ReturnType<LoadedSpec['resolveRef']> {
    let target = this.loaded.resolveRef(ref, file);
    const seen = new Set<unknown>();
    while (target !== undefined && isRef(target.value) && !seen.has(target.value)) {
      seen.add(target.value);
      const next = this.loaded.resolveRef(target.value.$ref, target.file);
      if (next === undefined) break;
      target = next;
    }
    return target;
  }

  /** Redocly's name: the pointer's last segment, or more of it joined by `-`, or the file's base name. */
  private componentName(section: string, pointer: readonly string[], file: SpecFile, raw: unknown): string {
    const taken = (name: string): boolean => {
      const existing = this.raws.get(`${section}/${name}`);
      if (existing === undefined && !(name in (this.components[section] ?? {}))) return false;
      if (isRef(existing)) {
        const resolved = this.loaded.resolveRef(existing.$ref, this.loaded.root);
        if (resolved !== undefined && resolved.value === raw) return false;
      }
      return !deepEqual(existing, raw);
    };
    let name = '';
    for (let index = pointer.length - 1; index >= 0; index--) {
      name = `${escapeSegment(pointer[index] as string)}${name === '' ? '' : `-${name}`}`;
      if (!taken(name)) return name;
    }
    const base =
      file.absolutePath
        .split(/[/\\]/)
        .pop()
        ?.replace(/\.[^.]+$/, '') ?? 'component';
    name = `${base}${name === '' ? '' : `_${name}`}`;
    const first = name;
    for (let serial = 2; taken(name); serial++) name = `${first}-${serial}`;
    return name;
  }

  /**
   * The node with its children visited in Redocly's order (its type's declared keys first, then
   * the others), which decides the order components are added in and so which of two clashing
   * names gets the `-2`; the keys stay in the document's order.
   */
  private visitChildren(node: RawObject, file: SpecFile, type: NodeType): RawObject {
    const first = (VISIT_ORDER[type] ?? []).filter((key) => Object.hasOwn(node, key));
    const keys = [...first, ...Object.keys(node).filter((key) => !first.includes(key))];
    const visited = new Map(keys.map((key) => [key, this.visitChild(key, node[key], file, type)]));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node)) out[key] = visited.get(key);
    return out;
  }

  /** A map whose every value is of `type` (paths, responses, properties, …). */
  private visitEach(map: RawObject, file: SpecFile, type: NodeType): RawObject {
    return Object.fromEntries(Object.entries(map).map(([key, value]) => [key, this.visit(value, file, type)]));
  }

  private visitChild(key: string, value: unknown, file: SpecFile, type: NodeType): unknown {
    const each = (childType: NodeType): unknown =>
      isRawObject(value) && !isRef(value) ? this.visitEach(value, file, childType) : this.visit(value, file, 'Other');
    switch (type) {
      case 'PathItem':
        if (METHODS.includes(key)) return this.visit(value, file, 'Operation');
        if (key === 'parameters') return this.visit(value, file, 'Parameter');
        return this.visit(value, file, 'Other');
      case 'Operation':
        if (key === 'parameters') return this.visit(value, file, 'Parameter');
        if (key === 'requestBody') return this.visit(value, file, 'RequestBody');
        if (key === 'responses') return each('Response');
        if (key === 'callbacks') return each('Callback');
        return this.visit(value, file, 'Other');
      case 'Callback':
        return this.visit(value, file, 'PathItem');
      case 'Parameter':
      case 'Header':
        if (key === 'schema') return this.visit(value, file, 'Schema');
        if (key === 'content') return each('MediaType');
        if (key === 'examples') return each('Example');
        return this.visit(value, file, 'Other');
      case 'RequestBody':
        return key === 'content' ? each('MediaType') : this.visit(value, file, 'Other');
      case 'Response':
        if (key === 'headers') return each('Header');
        if (key === 'content') return each('MediaType');
        if (key === 'links') return each('Link');
        return this.visit(value, file, 'Other');
      case 'MediaType':
        if (key === 'schema') return this.visit(value, file, 'Schema');
        if (key === 'examples') return each('Example');
        if (key === 'encoding') return each('Encoding');
        return this.visit(value, file, 'Other');
      case 'Encoding':
        return key === 'headers' ? each('Header') : this.visit(value, file, 'Other');
      case 'Schema':
        if (SCHEMA_MAPS.includes(key)) return each('Schema');
        if (SCHEMA_LISTS.includes(key) || SCHEMA_ONES.includes(key)) return this.visit(value, file, 'Schema');
        if (key === 'discriminator' && isRawObject(value)) return this.visitDiscriminator(value, file);
        return this.visit(value, file, 'Other');
      case 'Example':
      case 'Link':
      case 'SecurityScheme':
      case 'Other':
        return this.visit(value, file, 'Other');
      default:
        return assertNever(type);
    }
  }

  /** Mapping values are `$ref`s too: one into another file names the component it becomes. */
  private visitDiscriminator(discriminator: RawObject, file: SpecFile): RawObject {
    const mapping = discriminator['mapping'];
    if (!isRawObject(mapping)) return discriminator;
    const out: Record<string, unknown> = {};
    for (const [value, ref] of Object.entries(mapping)) {
      // A bare schema name (`Dog`) is no `$ref`.
      const isPointer = typeof ref === 'string' && (ref.includes('#') || /\.(ya?ml|json)$/i.test(ref));
      const hoisted = isPointer ? this.visitRef({ $ref: ref }, file, 'Schema', undefined) : ref;
      out[value] = isRef(hoisted) ? hoisted.$ref : ref;
    }
    return { ...discriminator, mapping: out };
  }
}

/** The keys Redocly's walker visits first, in its order, for each node type (@redocly/openapi-core's OAS 3.1 types). */
const VISIT_ORDER: Partial<Record<NodeType, readonly string[]>> = {
  PathItem: ['servers', 'parameters', ...METHODS],
  Operation: ['parameters', 'requestBody', 'responses', 'callbacks'],
  Parameter: ['schema', 'examples', 'content'],
  Header: ['schema', 'examples', 'content'],
  RequestBody: ['content'],
  Response: ['headers', 'content', 'links'],
  MediaType: ['schema', 'examples', 'encoding'],
  Encoding: ['headers'],
  Schema: [
    'definitions',
    '$defs',
    'discriminator',
    'allOf',
    'anyOf',
    'oneOf',
    'not',
    'if',
    'then',
    'else',
    'dependentSchemas',
    'prefixItems',
    'contains',
    'patternProperties',
    'propertyNames',
    'unevaluatedItems',
    'unevaluatedProperties',
    'properties',
    'items',
    'additionalProperties',
  ],
};

/** What `visitRef` returns when a root component that was a `$ref` became the component itself. */
const HOISTED_IN_PLACE = Symbol('hoisted in place');

function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function reorder(root: RawObject, result: Record<string, unknown>): RawObject {
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(root)) if (key in result) ordered[key] = result[key];
  for (const key of Object.keys(result)) if (!(key in ordered)) ordered[key] = result[key];
  return ordered;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (!isRawObject(a) || !isRawObject(b) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
}

function assertNever(value: never): never {
  throw new Error(`unexpected node type ${String(value)}`);
}
