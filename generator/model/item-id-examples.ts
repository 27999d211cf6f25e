import { validateValue } from '../values/validate-value.js';
import { allOperations, type Collection, collectionsOf } from './collections.js';
import type { ApiModel, ExampleModel, NamedSchema, OperationModel, ParameterModel, ResourceModel } from './model.js';
import { isRecord } from './spec-context.js';
import { objectProperties } from './type-queries.js';

/**
 * A path parameter without an example takes the spec's example of the id it names: in
 * `/tickets/{ticket_id}`, the example of the `id` of a ticket (`tkt_001`). Docs then call
 * `retrieve('tkt_001')`, an id the API's own examples (and the mock, whose first item is the
 * example) know, instead of a placeholder that is no id at all.
 */
export function withItemIdExamples(model: ApiModel): ApiModel {
  const byName = new Map(model.schemas.map((s) => [s.name, s]));
  const lookup = (name: string): NamedSchema | undefined => byName.get(name);
  const collections = collectionsOf(allOperations(model.root), lookup);
  if (collections.size === 0) return model;
  const withExample = (operation: OperationModel): OperationModel => {
    let changed = false;
    const pathParams = operation.pathParams.map((param): ParameterModel => {
      if (param.docs.example !== undefined) return param;
      const collection = collections.get(collectionTemplate(operation.path, param.name) ?? '');
      const example = collection === undefined ? undefined : idExample(collection, lookup);
      if (example === undefined) return param;
      // Only an example the parameter's own schema takes.
      if (validateValue(example.value, param.type, param.docs, lookup, 'example').length > 0) return param;
      changed = true;
      return { ...param, docs: { ...param.docs, example } };
    });
    return changed ? { ...operation, pathParams } : operation;
  };
  const visit = (resource: ResourceModel): ResourceModel => ({
    ...resource,
    operations: resource.operations.map(withExample),
    children: resource.children.map(visit),
  });
  return { ...model, root: visit(model.root) };
}

/** `/tickets/{ticket_id}/comments` and `ticket_id` → `/tickets`: the list the parameter names an item of. */
function collectionTemplate(path: string, param: string): string | undefined {
  const at = path.indexOf(`/{${param}}`);
  return at <= 0 ? undefined : path.slice(0, at);
}

/** The example of the item's id: the id field's own, else the id in the item schema's example. */
function idExample(
  collection: Collection,
  lookup: (name: string) => NamedSchema | undefined,
): ExampleModel | undefined {
  const idField = collection.idField;
  if (idField === undefined) return undefined;
  const field = objectProperties(collection.itemType, lookup).find((p) => p.name === idField);
  if (field?.docs.example !== undefined) return field.docs.example;
  const item = collection.itemType.kind === 'ref' ? lookup(collection.itemType.name) : undefined;
  const whole = item?.docs.example;
  const value: unknown = isRecord(whole?.value) ? whole.value[idField] : undefined;
  return value === undefined || whole === undefined ? undefined : { value, location: whole.location };
}
