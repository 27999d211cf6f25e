import { bodyArgumentType } from '../model/body-param.js';
import { firstIdOf } from '../model/collections.js';
import { mergedParamsRequired } from '../model/merged-params.js';
import type {
  FieldDocs,
  NamedSchema,
  OperationModel,
  ParameterModel,
  PropertyModel,
  TypeModel,
} from '../model/model.js';
import { camelCase, toIdentifier } from '../model/names.js';
import {
  movedPathParams,
  pathParamsInBody,
  pathParamsInParams,
  positionalPathParams,
} from '../model/path-arguments.js';
import { textMatching } from '../values/pattern-text.js';
import { seededRandom } from '../values/random.js';
import { validateValue } from '../values/validate-value.js';
import { member, RawCode, valueLiteral } from './literals.js';

/** Looks up named schemas, to show fields and build example values. */
export type SchemaLookup = (name: string) => NamedSchema | undefined;

/**
 * A short, type-correct use of an operation, in the style of the reference pages:
 * iterate a list with `for await`, else await the call and print a telling field.
 */
export function exampleSnippet(
  operation: OperationModel,
  resourcePath: readonly string[],
  lookup: SchemaLookup,
  given?: Readonly<Record<string, unknown>>,
): string {
  // The README's own example (`x-sdkgen-client.readme`) passes the values it was given.
  if (given !== undefined) return makeSnippet(operation, resourcePath, lookup, given);
  // The same snippet goes into the method's JSDoc and into api.md: made once per operation.
  let snippet = snippets.get(operation);
  if (snippet === undefined) {
    snippet = makeSnippet(operation, resourcePath, lookup);
    snippets.set(operation, snippet);
  }
  return snippet;
}

/** By operation: a model is immutable, and an operation belongs to one resource path and one model. */
const snippets = new WeakMap<OperationModel, string>();

function makeSnippet(
  operation: OperationModel,
  resourcePath: readonly string[],
  lookup: SchemaLookup,
  given?: Readonly<Record<string, unknown>>,
): string {
  const call = exampleCall(operation, resourcePath, lookup, given);
  if (operation.pagination !== undefined) {
    const variable = variableName(operation.pagination.item, 'item');
    return [
      `for await (const ${variable} of ${call}) {`,
      `  console.log(${shown(variable, operation.pagination.item, operation, lookup)});`,
      '}',
    ].join('\n');
  }
  if (operation.streaming?.mode === 'always') {
    const item = operation.streaming.events.item;
    const variable = variableName(item, 'event');
    return [
      `for await (const ${variable} of await ${call}) {`,
      `  console.log(${shown(variable, item, operation, lookup)});`,
      '}',
    ].join('\n');
  }
  // Bytes are handed over unread: the example reads them, as a caller must (an unread body holds its connection).
  if (operation.response.format === 'binary' && operation.streaming === undefined)
    return [
      `const download = await ${call};`,
      'const bytes = await download.bytes();',
      'console.log(download.contentType, bytes.length);',
    ].join('\n');
  if (operation.response.type === undefined) return `await ${call};`;
  const variable = variableName(operation.response.type, 'result');
  return [
    `const ${variable} = await ${call};`,
    `console.log(${shown(variable, operation.response.type, operation, lookup)});`,
  ].join('\n');
}

/** `client.a.b.list('proj_abc')`: the call with example arguments for what it requires. */
export function exampleCall(
  operation: OperationModel,
  resourcePath: readonly string[],
  lookup: SchemaLookup,
  given?: Readonly<Record<string, unknown>>,
): string {
  const callee = [...resourcePath, operation.name].reduce((object, name) => member(object, name), 'client');
  return `${callee}(${exampleArguments(operation, lookup, given).join(', ')})`;
}

/** The example arguments, in order: path parameters, the body, then `params`. */
export function exampleArguments(
  operation: OperationModel,
  lookup: SchemaLookup,
  given?: Readonly<Record<string, unknown>>,
): string[] {
  const values = exampleArgumentValues(operation, lookup, given);
  const args = values.path.map((value) => valueLiteral(value));
  if (operation.paramsInBody === true) {
    // `requestParams: merged`: the body's fields and the parameters are one object.
    const merged = { ...(isPlainObject(values.body) ? values.body : {}), ...values.params };
    if (Object.keys(merged).length > 0 || mergedParamsRequired(operation)) args.push(valueLiteral(merged));
    return args;
  }
  if (values.body !== undefined) args.push(valueLiteral(values.body));
  else if (operation.body !== undefined && values.params !== undefined) args.push('undefined');
  if (values.params !== undefined) args.push(valueLiteral(values.params));
  return args;
}

/** The values an example call passes: each path parameter, the body when required, the required query and header parameters. */
export function exampleArgumentValues(
  operation: OperationModel,
  lookup: SchemaLookup,
  given: Readonly<Record<string, unknown>> = {},
): { path: unknown[]; body: unknown; params: Record<string, unknown> | undefined } {
  const has = (name: string): boolean => Object.hasOwn(given, name);
  // Its example, else an id made from its name (`book_id` → `'book_001'`): the id the mock's first item has.
  const pathValue = (p: ParameterModel): unknown =>
    has(p.name) ? given[p.name] : (firstIdOf(p, lookup) ?? exampleValue(p.type, lookup, 0, new Set(), p.docs));
  const path = positionalPathParams(operation).map(pathValue);
  const inParams = operation.paramsInBody === true ? movedPathParams(operation) : pathParamsInParams(operation);
  const others = [...operation.queryParams, ...operation.headerParams];
  const required = others.filter((p) => p.required || has(p.name));
  // Given values of no parameter are the body's fields.
  const parameterNames = new Set([...operation.pathParams, ...others].map((p) => p.name));
  const fields = Object.entries(given).filter(([name]) => !parameterNames.has(name));
  // Path parameters among the body's fields (`pathArguments: last`) come first in it, as in the path.
  const inBody = operation.paramsInBody === true ? [] : pathParamsInBody(operation);
  // The body as the method takes it: `{ ids: [...] }` where x-sdkgen-body-param names its property.
  const example =
    operation.body !== undefined && (operation.body.required || inBody.length > 0)
      ? exampleValue(bodyArgumentType(operation.body), lookup, 0)
      : undefined;
  const body =
    (fields.length === 0 && inBody.length === 0) || operation.body === undefined
      ? example
      : {
          ...Object.fromEntries(inBody.map((p) => [p.name, pathValue(p)])),
          ...(isPlainObject(example) ? example : {}),
          ...Object.fromEntries(fields),
        };
  const params =
    required.length > 0 || inParams.length > 0
      ? Object.fromEntries([
          ...inParams.map((p) => [p.property, pathValue(p)]),
          ...required.map((p) => [p.property, has(p.name) ? given[p.name] : parameterExample(p, lookup)]),
        ])
      : undefined;
  return { path, body, params };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof RawCode);
}

function parameterExample(parameter: ParameterModel, lookup: SchemaLookup): unknown {
  const { docs } = parameter;
  return (
    usable(docs.example?.value, parameter.type, lookup, docs) ??
    usable(docs.default?.value, parameter.type, lookup, docs) ??
    exampleValue(parameter.type, lookup, 0, new Set(), docs)
  );
}

/** How deep an example nests objects and lists at most: enough for real request bodies, bounded for recursive ones. */
const MAX_NESTING = 8;

/**
 * A value of `type` built from examples and defaults, falling back to placeholders;
 * `undefined` where none can be made (a schema that only recurses, or nests too deep).
 * Only objects and lists count as nesting; a schema already being expanded is not entered again.
 */
export function exampleValue(
  type: TypeModel,
  lookup: SchemaLookup,
  depth: number,
  expanding: ReadonlySet<string> = new Set(),
  docs?: FieldDocs,
): unknown {
  if (depth > MAX_NESTING) return undefined;
  switch (type.kind) {
    case 'primitive': {
      const name = type.name;
      switch (name) {
        case 'string':
          return exampleString(docs);
        case 'number':
          return exampleNumber(docs);
        case 'boolean':
          return true;
        case 'Blob':
          return new RawCode(`new File(['…'], 'file.bin')`);
        case 'null':
        case 'unknown':
          return null;
        default: {
          const never: never = name;
          throw new Error(`unknown primitive ${String(never)}`);
        }
      }
    }
    case 'literal':
      return type.value;
    case 'array': {
      const item = exampleValue(type.items, lookup, depth + 1, expanding);
      if (item === undefined || docs?.constraints?.maxItems === 0) return [];
      return Array.from({ length: Math.max(1, docs?.constraints?.minItems ?? 1) }, () => item);
    }
    case 'ref': {
      const schema = lookup(type.name);
      if (schema === undefined || expanding.has(type.name)) return undefined;
      // The field's own constraints, where it has any, bind the named type's example too: checked again then.
      const own =
        docs?.constraints === undefined
          ? schema.docs
          : { ...schema.docs, example: undefined, constraints: docs.constraints };
      return (
        usable(schema.docs.example?.value, schema.type, lookup, own) ??
        exampleValue(schema.type, lookup, depth, new Set([...expanding, type.name]), own)
      );
    }
    case 'union': {
      // The first member that makes a value, null last: `T | null` shows a T.
      const members = [...type.members].sort((a, b) => Number(isNull(a)) - Number(isNull(b)));
      for (const member of members) {
        const value = exampleValue(member, lookup, depth, expanding, docs);
        if (value !== undefined) return value;
      }
      return undefined;
    }
    case 'intersection': {
      const parts = type.members.map((m) => exampleValue(m, lookup, depth, expanding));
      if (parts.some((part) => part === undefined)) return undefined;
      return Object.assign({}, ...parts.filter((v) => typeof v === 'object' && v !== null));
    }
    case 'omit': {
      const value = exampleValue(type.type, lookup, depth, expanding);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(Object.entries(value).filter(([key]) => !type.keys.includes(key)));
    }
    case 'object': {
      const entries: [string, unknown][] = [];
      for (const property of type.properties.filter((p) => p.required && !p.readOnly)) {
        const value =
          usable(property.docs.example?.value, property.type, lookup, property.docs) ??
          usable(property.docs.default?.value, property.type, lookup, property.docs) ??
          exampleValue(property.type, lookup, depth + 1, expanding, property.docs);
        if (value === undefined) return undefined;
        entries.push([property.name, value]);
      }
      return Object.fromEntries(entries);
    }
    default: {
      const never: never = type;
      throw new Error(`unknown type kind: ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The spec's own example or default, if it has the type's shape: specs get these wrong
 * (a JSON text where an object is due), and a snippet must still type-check.
 */
function usable(value: unknown, type: TypeModel, lookup: SchemaLookup, docs?: FieldDocs): unknown {
  if (value === undefined || !fits(value, type, lookup, 0)) return undefined;
  // The model kept only the examples that fit their own schema and docs (model/example-check.ts).
  if (docs !== undefined && value === docs.example?.value) return value;
  // Anything else must also keep the spec's constraints (minimum, lengths, pattern, …), or the mock would refuse the call.
  return validateValue(value, type, docs, lookup, '').length === 0 ? value : undefined;
}

/** Examples of well-known string formats, as the reference pages show them. */
const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2024-03-26T16:45:33Z',
  date: '2024-03-26',
  time: '16:45:33',
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  hostname: 'example.com',
  byte: 'ZXhhbXBsZQ==',
};

/** `'string'`, or what the format, pattern and lengths ask for instead. */
function exampleString(docs: FieldDocs | undefined): string {
  const c = docs?.constraints;
  const patterned = c?.pattern === undefined ? undefined : textMatching(c.pattern, seededRandom(c.pattern));
  let text = patterned ?? FORMAT_EXAMPLES[docs?.format ?? ''] ?? 'string';
  if (patterned === undefined) {
    if (c?.minLength !== undefined && text.length < c.minLength) text = text.padEnd(c.minLength, 'x');
    if (c?.maxLength !== undefined && text.length > c.maxLength) text = text.slice(0, c.maxLength);
  }
  return text;
}

/** 0, or the nearest whole number the bounds and `multipleOf` allow. */
function exampleNumber(docs: FieldDocs | undefined): number {
  const c = docs?.constraints;
  if (c === undefined) return 0;
  const low = Math.max(
    c.minimum ?? -Infinity,
    c.exclusiveMinimum === undefined ? -Infinity : Math.floor(c.exclusiveMinimum) + 1,
  );
  const high = Math.min(
    c.maximum ?? Infinity,
    c.exclusiveMaximum === undefined ? Infinity : Math.ceil(c.exclusiveMaximum) - 1,
  );
  let value = Math.min(Math.max(0, low), high);
  if (!Number.isFinite(value)) value = 0;
  if (c.multipleOf !== undefined && c.multipleOf > 0) {
    const up = Math.ceil(value / c.multipleOf) * c.multipleOf;
    value = up <= high ? up : Math.floor(value / c.multipleOf) * c.multipleOf;
  }
  return value;
}

function fits(value: unknown, type: TypeModel, lookup: SchemaLookup, hops: number): boolean {
  if (hops > 16) return true;
  switch (type.kind) {
    case 'primitive': {
      const name = type.name;
      switch (name) {
        case 'string':
        case 'number':
        case 'boolean':
          return typeof value === name;
        case 'null':
          return value === null;
        case 'Blob':
          return false;
        case 'unknown':
          return true;
        default: {
          const never: never = name;
          throw new Error(`unknown primitive ${String(never)}`);
        }
      }
    }
    case 'literal':
      return value === type.value;
    case 'array':
      return Array.isArray(value) && value.every((item) => fits(item, type.items, lookup, hops + 1));
    case 'ref': {
      const schema = lookup(type.name);
      return schema === undefined || fits(value, schema.type, lookup, hops + 1);
    }
    case 'union':
      return type.members.some((member) => fits(value, member, lookup, hops + 1));
    case 'intersection':
      return type.members.every((member) => fits(value, member, lookup, hops + 1));
    case 'omit':
      return fits(value, type.type, lookup, hops + 1);
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const record = value as Record<string, unknown>;
      return type.properties.every((p) =>
        record[p.name] === undefined ? !p.required : fits(record[p.name], p.type, lookup, hops + 1),
      );
    }
    default: {
      const never: never = type;
      throw new Error(`unknown type kind: ${JSON.stringify(never)}`);
    }
  }
}

function isNull(type: TypeModel): boolean {
  return type.kind === 'primitive' && type.name === 'null';
}

/** The response's variable, named for its schema: an identifier strict mode takes, not one the example uses. */
function variableName(type: TypeModel, fallback: string): string {
  if (type.kind !== 'ref' || camelCase(type.name) === '') return fallback;
  const name = toIdentifier(camelCase(type.name), fallback);
  return name === 'client' || name === 'console' ? `${name}Result` : name;
}

/** `item.id`, else the first `*_id` that is not an argument of the call, else the first required field. */
function shown(variable: string, type: TypeModel, operation: OperationModel, lookup: SchemaLookup): string {
  const properties = propertiesOf(type, lookup);
  const argumentNames = new Set(operation.pathParams.map((p) => p.name));
  const pick =
    properties.find((p) => p.name === 'id') ??
    properties.find((p) => p.required && p.name.endsWith('_id') && !argumentNames.has(p.name)) ??
    properties.find((p) => p.required);
  return pick === undefined ? variable : member(variable, pick.name);
}

function propertiesOf(type: TypeModel, lookup: SchemaLookup): readonly PropertyModel[] {
  let current: TypeModel | undefined = type;
  for (let hops = 0; current?.kind === 'ref' && hops < 10; hops++) current = lookup(current.name)?.type;
  return current?.kind === 'object' ? current.properties : [];
}
