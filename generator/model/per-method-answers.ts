/**
 * What a method answers, as Stainless types it under `typeNames: per-method`, before the answer
 * is named: an inline copy of a declared model is that model, and a polymorphic base is the union
 * of the kinds its discriminator selects (docs/stainless.md, "Type names").
 */
import type { OperationModel, OperationPagination, ResponseModel, TypeModel } from './model.js';
import type { SchemaConverter } from './schemas.js';

type Answered = Pick<OperationModel, 'response' | 'pagination'>;

/**
 * The answer and a page's items with each inline copy of a declared model replaced by the model,
 * and each polymorphic base by its kinds; the rest as it was.
 */
export function answeredAsStainless<T extends Answered>(schemas: SchemaConverter, operation: T): T {
  // A page's envelope is the runtime's to read; its items are what the method answers.
  const response =
    operation.pagination === undefined && operation.response.format === 'json'
      ? retyped(operation.response, answerType(schemas, operation.response.type))
      : operation.response;
  const item = operation.pagination === undefined ? undefined : answerType(schemas, operation.pagination.item);
  const pagination: OperationPagination | undefined =
    operation.pagination === undefined || item === undefined || item === operation.pagination.item
      ? operation.pagination
      : { ...operation.pagination, item };
  return response === operation.response && pagination === operation.pagination
    ? operation
    : { ...operation, response, pagination };
}

function retyped(response: ResponseModel, type: TypeModel | undefined): ResponseModel {
  return type === response.type || type === undefined ? response : { ...response, type };
}

function answerType(schemas: SchemaConverter, type: TypeModel | undefined): TypeModel | undefined {
  if (type === undefined) return undefined;
  if (type.kind === 'ref') return schemas.subtypesOf(type.name) ?? type;
  const model = schemas.declaredModelShaped(type);
  return model === undefined ? type : { kind: 'ref', name: model };
}
