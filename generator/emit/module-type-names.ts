import type { OperationModel, TypeModel } from '../model/model.js';
import type { SchemaLookup } from './examples.js';

/**
 * `typeNames: per-method`: the plain names (`ExternalAccountCreateParams`) a resource's module
 * gives its methods' types whose flat name is qualified (`PlatformExternalAccountCreateParams`),
 * flat name → plain name; a plain name the module imports for another type is left out.
 */
export function moduleTypeNames(
  operations: readonly OperationModel[],
  imported: ReadonlySet<string>,
): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const operation of operations)
    for (const [flat, plain] of Object.entries(operation.moduleTypeNames ?? {}))
      if (!imported.has(plain)) out.set(flat, plain);
  return out;
}

/** The operation as its module's method and function name its types: their plain names where `names` gives one. */
export function withModuleTypeNames(operation: OperationModel, names: ReadonlyMap<string, string>): OperationModel {
  if (names.size === 0) return operation;
  const rename = (type: TypeModel): TypeModel =>
    type.kind === 'ref' && names.has(type.name) ? { ...type, name: names.get(type.name) as string } : type;
  const renamed = (name: string | undefined): string | undefined =>
    name === undefined ? undefined : (names.get(name) ?? name);
  const { body, response, pagination } = operation;
  return {
    ...operation,
    paramsTypeName: renamed(operation.paramsTypeName),
    body:
      body === undefined
        ? undefined
        : {
            ...body,
            type: rename(body.type),
            ...(body.argumentTypeName === undefined ? {} : { argumentTypeName: renamed(body.argumentTypeName) }),
          },
    response: response.type === undefined ? response : { ...response, type: rename(response.type) },
    pagination: pagination === undefined ? undefined : { ...pagination, item: rename(pagination.item) },
  };
}

/** A lookup that finds a schema by its plain name too: examples and styles of the renamed operation read it. */
export function lookupByModuleNames(lookup: SchemaLookup, names: ReadonlyMap<string, string>): SchemaLookup {
  if (names.size === 0) return lookup;
  const flat = new Map([...names].map(([from, to]) => [to, from]));
  return (name) => lookup(flat.get(name) ?? name);
}
