import type { Diagnostic } from '../diagnostics.js';
import { closest } from '../did-you-mean.js';
import { fieldsOf, type ObjectKind, type OpenAPIVersion } from './openapi-keys.js';
import type { SpecFile } from './spec-file.js';
import { HTTP_METHODS, isRecord } from './validate-document.js';

/** What the checker needs of the loaded spec: how to follow a `$ref` written in a file. */
export interface RefResolver {
  resolveRef(ref: string, from: SpecFile): { readonly file: SpecFile; readonly value: unknown } | undefined;
}

/** sdkgen's own extensions; any other `x-sdkgen-*` key is a typo of one (docs/extensions.md). */
export const SDKGEN_EXTENSIONS: readonly string[] = [
  'x-sdkgen-client',
  'x-sdkgen-pagination',
  'x-sdkgen-auth',
  'x-sdkgen-resource',
  'x-sdkgen-method',
  'x-sdkgen-stream',
  'x-sdkgen-webhooks',
  'x-sdkgen-skip',
  'x-sdkgen-body-param',
  'x-sdkgen-deprecated',
  'x-sdkgen-name',
  'x-sdkgen-aliases',
];

/** Where the extensions that mean something in one place only are read: anywhere else they would change nothing. */
const EXTENSION_PLACES: Readonly<Record<string, { readonly kind: ObjectKind; readonly where: string }>> = {
  'x-sdkgen-skip': { kind: 'Operation', where: 'an operation' },
  'x-sdkgen-body-param': { kind: 'Operation', where: 'an operation' },
  'x-sdkgen-deprecated': { kind: 'Operation', where: 'an operation' },
  'x-sdkgen-name': { kind: 'Schema', where: 'a schema' },
  'x-sdkgen-aliases': { kind: 'Operation', where: 'an operation' },
};

const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];

// The keys a schema's children stand at, and an OAuth flows object's: constants, not a list made per object visited.
const SCHEMA_CHILDREN = ['not', 'if', 'then', 'else', 'contains', 'propertyNames', 'contentSchema'];
const SCHEMA_OR_BOOLEAN_CHILDREN = ['additionalProperties', 'unevaluatedItems', 'unevaluatedProperties'];
const SCHEMA_LISTS = ['allOf', 'oneOf', 'anyOf', 'prefixItems'];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs'];
const OAUTH_FLOWS = ['implicit', 'password', 'clientCredentials', 'authorizationCode'];
const SCHEMA_LIST_KEYWORDS = ['allOf', 'oneOf', 'anyOf'];
/**
 * A schema's keys that lead further or whose value has a kind to check: most schemas are leaves
 * with none of them (`{type: string, description}`), and skip the ~25 lookups of absent keys.
 */
const SCHEMA_BRANCHES: ReadonlySet<string> = new Set([
  ...SCHEMA_CHILDREN,
  ...SCHEMA_OR_BOOLEAN_CHILDREN,
  'items',
  ...SCHEMA_LISTS,
  ...SCHEMA_MAPS,
  'discriminator',
  'xml',
  'externalDocs',
  'enum',
  'required',
]);

/**
 * The objects OpenAPI lets a Reference Object stand for (and a Path Item, by its own `$ref`), and
 * an Operation, which bundlers also follow: the model follows those, the rest are inlined.
 */
const REFERABLE: ReadonlySet<ObjectKind> = new Set([
  'Operation',
  'Schema',
  'Parameter',
  'RequestBody',
  'Response',
  'Example',
  'Link',
  'Header',
  'SecurityScheme',
  'PathItem',
]);

/**
 * How a child is read: one object (`one`), each item of a list, each entry of a mapping, a
 * schema's `items` (a list in 2020-12's tuple form, else one), or an operation under its method
 * (where `post: null` is reported).
 */
type Shape = 'one' | 'list' | 'map' | 'items' | 'operation';
type Child = readonly [key: string, kind: ObjectKind, shape: Shape];

const one = (keys: readonly string[], kind: ObjectKind): Child[] => keys.map((key) => [key, kind, 'one']);
const maps = (keys: readonly string[], kind: ObjectKind): Child[] => keys.map((key) => [key, kind, 'map']);

/** A parameter's and a header's: they have the same fields. */
const PARAMETER_CHILDREN: readonly Child[] = [
  ['schema', 'Schema', 'one'],
  ['content', 'MediaType', 'map'],
  ['examples', 'Example', 'map'],
];

/** Where each kind of object has its children, in the order they are read (the warnings' order). */
const CHILDREN: Readonly<Record<ObjectKind, readonly Child[]>> = {
  Root: [
    ['info', 'Info', 'one'],
    ['servers', 'Server', 'list'],
    ['tags', 'Tag', 'list'],
    ['externalDocs', 'ExternalDocs', 'one'],
    ['components', 'Components', 'one'],
    ['paths', 'PathItem', 'map'],
    ['webhooks', 'PathItem', 'map'],
  ],
  Info: [
    ['contact', 'Contact', 'one'],
    ['license', 'License', 'one'],
  ],
  Server: [['variables', 'ServerVariable', 'map']],
  Components: [
    ['schemas', 'Schema', 'map'],
    ['responses', 'Response', 'map'],
    ['parameters', 'Parameter', 'map'],
    ['examples', 'Example', 'map'],
    ['requestBodies', 'RequestBody', 'map'],
    ['headers', 'Header', 'map'],
    ['securitySchemes', 'SecurityScheme', 'map'],
    ['links', 'Link', 'map'],
    ['pathItems', 'PathItem', 'map'],
  ],
  PathItem: [
    ...[...HTTP_METHODS].map((method): Child => [method, 'Operation', 'operation']),
    ['servers', 'Server', 'list'],
    ['parameters', 'Parameter', 'list'],
  ],
  Operation: [
    ['parameters', 'Parameter', 'list'],
    ['requestBody', 'RequestBody', 'one'],
    ['externalDocs', 'ExternalDocs', 'one'],
    ['servers', 'Server', 'list'],
    ['responses', 'Response', 'map'],
  ],
  Parameter: PARAMETER_CHILDREN,
  Header: PARAMETER_CHILDREN,
  RequestBody: [['content', 'MediaType', 'map']],
  MediaType: [
    ['schema', 'Schema', 'one'],
    ['examples', 'Example', 'map'],
    ['encoding', 'Encoding', 'map'],
  ],
  Encoding: [['headers', 'Header', 'map']],
  Response: [
    ['headers', 'Header', 'map'],
    ['content', 'MediaType', 'map'],
    ['links', 'Link', 'map'],
  ],
  Tag: [['externalDocs', 'ExternalDocs', 'one']],
  Schema: [
    ...one(SCHEMA_CHILDREN, 'Schema'),
    ...one(SCHEMA_OR_BOOLEAN_CHILDREN, 'Schema'),
    ['items', 'Schema', 'items'],
    ...SCHEMA_LISTS.map((key): Child => [key, 'Schema', 'list']),
    ...maps(SCHEMA_MAPS, 'Schema'),
    ['discriminator', 'Discriminator', 'one'],
    ['xml', 'XML', 'one'],
    ['externalDocs', 'ExternalDocs', 'one'],
  ],
  SecurityScheme: [['flows', 'OAuthFlows', 'one']],
  OAuthFlows: one(OAUTH_FLOWS, 'OAuthFlow'),
  Contact: [],
  License: [],
  ServerVariable: [],
  ExternalDocs: [],
  Example: [],
  Link: [],
  Discriminator: [],
  XML: [],
  OAuthFlow: [],
};

/**
 * Reads the whole document as OpenAPI defines it, following `$ref`s across files, and reports
 * what the version does not define: a key no object of its kind has (`reponses`, `paramters`,
 * `tyep`), with the key it most likely meant; 3.1 syntax in a 3.0 document; a keyword whose
 * value is of the wrong kind (`enum: open`); a path parameter that is not `required: true`. Each is a warning (`--strict` makes them errors): generation goes on, as
 * the rest of the spec is still read. An unknown `x-sdkgen-*` key is an error: it would silently
 * change nothing in the client its author meant to change.
 *
 * On the way it inlines each `$ref` that stands where OpenAPI allows no Reference Object (a whole
 * `properties`, `headers`, `content` or `responses` mapping, a `parameters` list), as bundlers
 * resolve them (DigitalOcean's spec relies on it): see `inlineContainer`.
 */
export function checkKeys(root: SpecFile, refs: RefResolver): KeyCheck {
  const diagnostics: Diagnostic[] = [];
  let inlined = false;
  const version: OpenAPIVersion = String((root.value as Record<string, unknown>)['openapi']).startsWith('3.1')
    ? '3.1'
    : '3.0';
  const known = version === '3.1' ? JSON_TYPES : JSON_TYPES.filter((t) => t !== 'null');
  // Each object once per kind: shared components and cycles are read once.
  // One kind (nearly every object) without a Set of its own: Graph has 265,000 objects.
  const seen = new Map<object, ObjectKind | Set<ObjectKind>>();
  const otherSyntax = new Map<string, { count: number; file: SpecFile; container: object; line: number }>();
  const report = (
    severity: 'error' | 'warning',
    code: string,
    message: string,
    file: SpecFile,
    container: object,
    key: string,
    hint?: string,
  ): void => {
    diagnostics.push({ code, severity, message, location: file.locate(container, key), hint });
  };

  /** The child of `value` at `key`, read as its kind, in the way `shape` says (`CHILDREN`). */
  const descend = (value: Record<string, unknown>, file: SpecFile, depth: number, child: Child): void => {
    // Read by index: destructuring a tuple runs the iterator protocol in cold (interpreted) code,
    // and this runs for each child of each object.
    const key = child[0];
    const childKind = child[1];
    const shape = child[2];
    if (value[key] === undefined) return;
    switch (shape) {
      case 'operation':
        // `post: null` (Privy's spec): other generators skip the entry, and so does the model.
        if (value[key] === null)
          report(
            'warning',
            'operation-null',
            `\`${key}: null\` declares no operation; it is ignored.`,
            file,
            value,
            key,
            `Remove the \`${key}\` line, or describe the operation under it.`,
          );
        return descend(value, file, depth, [key, childKind, 'one']);
      case 'items':
        return descend(value, file, depth, [key, childKind, Array.isArray(value[key]) ? 'list' : 'one']);
      case 'one': {
        // Where OpenAPI allows no Reference Object (an Operation, a MediaType, …), a `$ref` is inlined.
        if (REFERABLE.has(childKind)) return visit(value[key], childKind, file, depth + 1);
        const inlined = inlineContainer(value, key, file);
        return visit(inlined.value, childKind, inlined.file, depth + 1);
      }
      case 'list': {
        const { value: list, file: listFile } = inlineContainer(value, key, file);
        if (Array.isArray(list)) for (const item of list) visit(item, childKind, listFile, depth + 1);
        return;
      }
      case 'map': {
        const { value: entries, file: entriesFile } = inlineContainer(value, key, file);
        if (!isRecord(entries)) return;
        for (const name in entries)
          if (!name.startsWith('x-') || childKind === 'Schema') visit(entries[name], childKind, entriesFile, depth + 1);
        return;
      }
      default:
        return assertNever(shape);
    }
  };

  const visit = (value: unknown, kind: ObjectKind, file: SpecFile, depth = 0): void => {
    if (!isRecord(value) || depth > 200) return;
    const ref = value['$ref'];
    if (typeof ref === 'string' && !(kind === 'Schema' && version === '3.1')) {
      const target = refs.resolveRef(ref, file);
      if (target !== undefined) visit(target.value, kind, target.file, depth + 1);
      return;
    }
    if (typeof ref === 'string') {
      // A 3.1 schema's $ref is a keyword beside the others: follow it, and read its siblings too.
      const target = refs.resolveRef(ref, file);
      if (target !== undefined) visit(target.value, kind, target.file, depth + 1);
    }
    const kinds = seen.get(value);
    if (kinds === kind || (typeof kinds === 'object' && kinds.has(kind))) return;
    seen.set(value, kinds === undefined ? kind : typeof kinds === 'object' ? kinds.add(kind) : new Set([kinds, kind]));
    const branches = checkFields(value, kind, file);
    if (kind === 'Schema') {
      checkSchemaValues(value, file, branches);
      if (!branches) return;
    }
    // Most children are absent (a leaf schema has none of its kind's ~20): no call for those.
    for (const child of CHILDREN[kind]) if (value[child[0]] !== undefined) descend(value, file, depth, child);
    if (kind === 'Parameter') checkParameter(value, file);
    if (kind === 'Operation') {
      const callbacks = value['callbacks'];
      if (isRecord(callbacks))
        for (const callback of Object.values(callbacks))
          if (isRecord(callback))
            for (const [expression, item] of Object.entries(callback))
              if (!expression.startsWith('x-')) visit(item, 'PathItem', file, depth + 1);
    }
  };

  /**
   * A `$ref` standing for a whole mapping or list where OpenAPI allows none (`properties: {$ref}`,
   * `headers: {$ref}`, `get: {$ref}`), replaced in place by what it names, as the common bundlers
   * (Redocly, swagger-cli) read it: the model then sees the mapping itself. The target keeps its
   * identity, so it is still located in its own file, and `$ref`s inside it resolve from there.
   */
  const inlineContainer = (
    owner: Record<string, unknown>,
    key: string,
    file: SpecFile,
  ): { readonly value: unknown; readonly file: SpecFile } => {
    let value = owner[key];
    let at = file;
    for (let hops = 0; hops < 32 && isRecord(value) && typeof value['$ref'] === 'string'; hops++) {
      const target = refs.resolveRef(value['$ref'], at);
      if (target === undefined) break;
      value = target.value;
      at = target.file;
    }
    if (value !== owner[key]) {
      Object.defineProperty(owner, key, { value, enumerable: true, writable: true, configurable: true });
      inlined = true;
    }
    return { value, file: at };
  };

  /**
   * Every key of the object: one of its kind's fields, an extension, or a warning that says which
   * field it may be. Returns whether a schema has one of `SCHEMA_BRANCHES` (read on the same pass).
   */
  const checkFields = (value: Record<string, unknown>, kind: ObjectKind, file: SpecFile): boolean => {
    const fields = fieldsOf(kind, version);
    let branches = false;
    // for…in, not Object.keys: no array per object (the parsed values are plain objects).
    for (const key in value) {
      if (!branches && kind === 'Schema' && SCHEMA_BRANCHES.has(key)) branches = true;
      if (key.startsWith('x-sdkgen-')) {
        if (!SDKGEN_EXTENSIONS.includes(key)) {
          const near = closest(key, SDKGEN_EXTENSIONS);
          report(
            'error',
            'extension-unknown',
            `\`${key}\` is not an sdkgen extension.`,
            file,
            value,
            key,
            near === undefined
              ? `sdkgen's extensions are ${SDKGEN_EXTENSIONS.join(', ')} (docs/extensions.md).`
              : `Did you mean \`${near}\`?`,
          );
        }
        const place = EXTENSION_PLACES[key];
        if (place !== undefined && place.kind !== kind)
          report('error', 'extension-misplaced', `\`${key}\` is read on ${place.where} only.`, file, value, key);
        continue;
      }
      if (key.startsWith('x-') || fields.has(key)) continue;
      // A 3.1 keyword in a 3.0 document, or a 3.0 one that 3.1 dropped: one warning per key, at
      // its first use, counting the others (a spec that does it does it everywhere).
      const other: OpenAPIVersion = version === '3.0' ? '3.1' : '3.0';
      if (fieldsOf(kind, other).has(key)) {
        const seenKey = otherSyntax.get(key);
        const line = file.locate(value, key).line;
        if (seenKey === undefined) otherSyntax.set(key, { count: 1, file, container: value, line });
        else {
          seenKey.count++;
          // Shown at its first place in the root file's order (then by line), whatever order the walk took.
          const earlier = (file === root) > (seenKey.file === root) || (file === seenKey.file && line < seenKey.line);
          if (earlier) Object.assign(seenKey, { file, container: value, line });
        }
        continue;
      }
      const near = closest(key, [...fields]);
      report(
        'warning',
        'key-unknown',
        `\`${key}\` is not a field of ${article(kind)} ${kindName(kind)} in OpenAPI ${version}; it is ignored.`,
        file,
        value,
        key,
        near === undefined ? undefined : `Did you mean \`${near}\`?`,
      );
    }
    return branches;
  };

  const checkParameter = (value: Record<string, unknown>, file: SpecFile): void => {
    const place = value['in'];
    if (place === 'path' && value['required'] !== true) {
      report(
        'warning',
        'path-parameter-optional',
        `Path parameter \`${String(value['name'])}\` must be \`required: true\` (OpenAPI says so of every path parameter); it is treated as required.`,
        file,
        value,
        'required' in value ? 'required' : 'name',
      );
    }
  };

  /** Keywords whose value must be of one kind: a mistake there is silently ignored otherwise. */
  const checkSchemaValues = (value: Record<string, unknown>, file: SpecFile, branches: boolean): void => {
    const expect = (key: string, ok: (v: unknown) => boolean, what: string): void => {
      if (key in value && !ok(value[key]))
        report('warning', 'schema-keyword-invalid', `\`${key}\` must be ${what}; it is ignored.`, file, value, key);
    };
    // Each of these keys is one of `SCHEMA_BRANCHES`: a schema without any has none to check.
    if (branches) {
      expect('enum', Array.isArray, 'a list of values (`enum: [a, b]`)');
      expect('required', (v) => Array.isArray(v) || typeof v === 'boolean', 'a list of property names');
      expect('properties', isRecord, 'a mapping of property names to schemas');
      for (const key of SCHEMA_LIST_KEYWORDS) expect(key, Array.isArray, 'a list of schemas');
    }
    if (value['type'] === null) readUnquotedNull(value, file);
    const type = value['type'];
    if (type === undefined) return;
    if (!Array.isArray(type)) {
      // One name, as nearly every schema has it: no list made for it.
      if (typeof type !== 'string' || !known.includes(type)) checkTypeName(type, value, file);
      return;
    }
    readUnquotedNullIn(type, value, file);
    if (version === '3.0') {
      report(
        'warning',
        'openapi-31-syntax',
        '`type` as a list is OpenAPI 3.1 syntax; in 3.0 `type` is one name (and `nullable: true` allows null).',
        file,
        value,
        'type',
      );
    }
    for (const name of type) if (typeof name !== 'string' || !known.includes(name)) checkTypeName(name, value, file);
  };

  /** A `type` that names no JSON type: a warning, with the type it most likely meant. */
  const checkTypeName = (name: unknown, value: Record<string, unknown>, file: SpecFile): void => {
    const near = typeof name === 'string' ? closest(name, known) : undefined;
    const hint =
      name === 'null'
        ? 'In 3.0, a value that may be null has `nullable: true` beside its type.'
        : near === undefined
          ? undefined
          : `Did you mean \`${near}\`?`;
    report(
      'warning',
      'schema-type-unknown',
      `\`type: ${JSON.stringify(name)}\` is not a type; it is one of ${known.join(', ')}.`,
      file,
      value,
      'type',
      hint,
    );
  };

  /**
   * `type: null` and `type: [array, null]` (ImageKit's spec): YAML reads an unquoted `null` as no
   * value, where the author meant the type "null", as other generators read it. The value is
   * corrected in place, so the model reads the type "null", and the author is told how to write it.
   */
  const readUnquotedNull = (value: Record<string, unknown>, file: SpecFile): void => {
    value['type'] = 'null';
    report(
      'warning',
      'schema-type-null-unquoted',
      '`type: null` is YAML\'s null, not the type name "null"; it is read as the type "null".',
      file,
      value,
      'type',
      'Quote it: `type: "null"`.',
    );
  };
  const readUnquotedNullIn = (types: unknown[], value: Record<string, unknown>, file: SpecFile): void => {
    if (!types.includes(null)) return;
    const written = types.map(String);
    for (let i = 0; i < types.length; i++) if (types[i] === null) types[i] = 'null';
    report(
      'warning',
      'schema-type-null-unquoted',
      `\`type: [${written.join(', ')}]\` holds YAML's null, not the type name "null"; it is read as the type "null".`,
      file,
      value,
      'type',
      `Quote it: \`type: [${written.map((t, i) => (types[i] === 'null' ? '"null"' : t)).join(', ')}]\`.`,
    );
  };

  visit(root.value, 'Root', root);
  for (const [key, { count, file, container }] of otherSyntax) {
    const more = count === 1 ? '' : ` (here and in ${count - 1} more ${count === 2 ? 'place' : 'places'})`;
    report(
      'warning',
      version === '3.0' ? 'openapi-31-syntax' : 'openapi-30-syntax',
      version === '3.0'
        ? `\`${key}\` is OpenAPI 3.1 syntax, in a document that says it is ${String((root.value as Record<string, unknown>)['openapi'])}${more}; sdkgen reads it as 3.1 does.`
        : `\`${key}\` is OpenAPI 3.0 syntax, which 3.1 dropped${more}; sdkgen reads it as 3.0 does.`,
      file,
      container,
      key,
      key === 'nullable'
        ? 'In 3.1, write a type that may be null as a list: `type: [string, "null"]`.'
        : 'Set `openapi: 3.1.0` at the top of the document, or write it the 3.0 way.',
    );
  }
  return { diagnostics, inlined };
}

/** What the key check found, and whether it changed the document's shape. */
export interface KeyCheck {
  readonly diagnostics: Diagnostic[];
  /** A `$ref`ed container was put in place of its `$ref`: what it names now stands in two places. */
  readonly inlined: boolean;
}

function kindName(kind: ObjectKind): string {
  return kind === 'Root' ? 'OpenAPI document' : `${kind} Object`.replace('Schema Object', 'schema');
}

function article(kind: ObjectKind): string {
  return kind === 'Root' ? 'the' : /^[AEIOU]/.test(kind) ? 'an' : 'a';
}

function assertNever(value: never): never {
  throw new Error(`unknown object kind ${String(value)}`);
}
