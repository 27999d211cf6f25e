import type { NamedSchema, OperationModel, ParameterModel, PropertyModel, TypeModel } from '../model/model.js';
import { camelCase } from '../model/names.js';
import { member, RawCode, valueLiteral } from './literals.js';

/** Looks up named schemas, to show fields and build example values. */
export type SchemaLookup = (name: string) => NamedSchema | undefined;

/**
 * A short, type-correct use of an operation, in the style of the reference pages:
 * iterate a list with `for await`, else await the call and print a telling field.
 */
export function exampleSnippet(operation: OperationModel, resourcePath: readonly string[], lookup: SchemaLookup): string {
  const callee = [...resourcePath, operation.name].reduce((object, name) => member(object, name), 'client');
  const call = `${callee}(${exampleArguments(operation, lookup).join(', ')})`;
  if (operation.pagination !== undefined) {
    const variable = variableName(operation.pagination.item, 'item');
    return [`for await (const ${variable} of ${call}) {`, `  console.log(${shown(variable, operation.pagination.item, operation, lookup)});`, '}'].join('\n');
  }
  if (operation.response.type === undefined) return `await ${call};`;
  const variable = variableName(operation.response.type, 'result');
  return [`const ${variable} = await ${call};`, `console.log(${shown(variable, operation.response.type, operation, lookup)});`].join('\n');
}

function exampleArguments(operation: OperationModel, lookup: SchemaLookup): string[] {
  // Without an example, a string parameter shows its own name (`'project_id'`), like the reference pages.
  const args = operation.pathParams.map((p) =>
    valueLiteral(p.docs.example?.value ?? (p.type.kind === 'primitive' && p.type.name === 'string' ? p.name : exampleValue(p.type, lookup, 0))),
  );
  const required = [...operation.queryParams, ...operation.headerParams].filter((p) => p.required);
  if (operation.body?.required === true) args.push(valueLiteral(exampleValue(operation.body.type, lookup, 0)));
  else if (operation.body !== undefined && required.length > 0) args.push('undefined');
  if (required.length > 0) args.push(valueLiteral(Object.fromEntries(required.map((p) => [p.name, parameterExample(p, lookup)]))));
  return args;
}

function parameterExample(parameter: ParameterModel, lookup: SchemaLookup): unknown {
  return parameter.docs.example?.value ?? parameter.docs.default?.value ?? exampleValue(parameter.type, lookup, 0);
}

/** A value of `type` built from examples and defaults, falling back to placeholders. */
export function exampleValue(type: TypeModel, lookup: SchemaLookup, depth: number): unknown {
  if (depth > 4) return undefined;
  switch (type.kind) {
    case 'primitive': {
      const name = type.name;
      switch (name) {
        case 'string':
          return 'string';
        case 'number':
          return 0;
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
    case 'array':
      return [exampleValue(type.items, lookup, depth + 1)];
    case 'ref': {
      const schema = lookup(type.name);
      if (schema === undefined) return undefined;
      return schema.docs.example?.value ?? exampleValue(schema.type, lookup, depth + 1);
    }
    case 'union': {
      const first = type.members.find((m) => !(m.kind === 'primitive' && m.name === 'null')) ?? type.members[0];
      return first === undefined ? null : exampleValue(first, lookup, depth + 1);
    }
    case 'intersection':
      return Object.assign({}, ...type.members.map((m) => exampleValue(m, lookup, depth + 1)).filter((v) => typeof v === 'object' && v !== null));
    case 'omit': {
      const value = exampleValue(type.type, lookup, depth);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(Object.entries(value).filter(([key]) => !type.keys.includes(key)));
    }
    case 'object':
      return Object.fromEntries(
        type.properties.filter((p) => p.required && !p.readOnly).map((p) => [p.name, p.docs.example?.value ?? p.docs.default?.value ?? exampleValue(p.type, lookup, depth + 1)]),
      );
    default: {
      const never: never = type;
      throw new Error(`unknown type kind: ${JSON.stringify(never)}`);
    }
  }
}

function variableName(type: TypeModel, fallback: string): string {
  return type.kind === 'ref' ? camelCase(type.name) || fallback : fallback;
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
