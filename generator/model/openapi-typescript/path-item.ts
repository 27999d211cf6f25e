// Path items and operations (`paths`, `webhooks`, `components.pathItems`): every method present,
// `?: never` for the others, an operation with an `operationId` moved to `operations`.

import { requestBodyType, responsesType } from './bodies.js';
import type { DocumentContext } from './document-context.js';
import { listOf, mergeParameters, parametersMember } from './parameters.js';
import { joinPointer } from './pointer.js';
import { isRawObject, isRef } from './raw.js';
import { refType } from './ref-type.js';
import { docsOf } from './schema-docs-of.js';
import { NEVER } from './ts-build.js';
import type { TsMember, TsType } from './ts-type.js';

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Thrown when two operations share an `operationId`: `operations` cannot hold both (7.13 refuses too). */
export class DuplicateOperationIdError extends Error {
  constructor(
    readonly operationId: string,
    readonly pointer: string,
  ) {
    super(`operationId "${operationId}" at ${pointer} is already used by another operation.`);
    this.name = 'DuplicateOperationIdError';
  }
}

export function pathItemType(pathItem: unknown, pointer: string, context: DocumentContext): TsType {
  const item = isRawObject(pathItem) ? pathItem : {};
  const readonly = context.options.immutable === true;
  const itemParameters = listOf(item['parameters']);
  const members: TsMember[] = [parametersMember(itemParameters, joinPointer(pointer, 'parameters'), context)];
  for (const method of METHODS) {
    const operation = item[method];
    if (!isRawObject(operation) || (context.options.excludeDeprecated === true && isDeprecated(operation, context))) {
      members.push({ name: method, optional: true, readonly, type: NEVER });
      continue;
    }
    members.push({
      name: method,
      optional: false,
      readonly,
      type: operationReference(operation, itemParameters, joinPointer(pointer, method), context),
      docs: docsOf(operation),
    });
  }
  return { kind: 'object', members };
}

/** `parameters`, `requestBody` and `responses` of an operation whose parameters are already merged. */
export function operationMembers(
  operation: unknown,
  parameters: readonly unknown[],
  pointer: string,
  context: DocumentContext,
): TsMember[] {
  const record = isRawObject(operation) ? operation : {};
  const readonly = context.options.immutable === true;
  const body = record['requestBody'];
  const requestBody: TsMember = isRawObject(body)
    ? {
        name: 'requestBody',
        optional: !(isRef(body) ? requiredOf(context.resolve(body.$ref)) : requiredOf(body)),
        readonly,
        type: isRef(body) ? refType(body.$ref) : requestBodyType(body, joinPointer(pointer, 'requestBody'), context),
        docs: docsOf(body),
      }
    : { name: 'requestBody', optional: true, readonly, type: NEVER };
  return [
    parametersMember(parameters, pointer, context),
    requestBody,
    { name: 'responses', optional: false, readonly, type: responsesType(record['responses'] ?? {}, pointer, context) },
  ];
}

function operationReference(
  operation: Readonly<Record<string, unknown>>,
  itemParameters: readonly unknown[],
  pointer: string,
  context: DocumentContext,
): TsType {
  if (isRef(operation)) return refType(operation.$ref);
  const parameters = mergeParameters(itemParameters, listOf(operation['parameters']), context);
  const operationId = operation['operationId'];
  if (typeof operationId !== 'string' || operationId === '')
    return { kind: 'object', members: operationMembers(operation, parameters, pointer, context) };
  // 7.13 turns `#` into `/` (a work-around for its bundler reading `#` as a pointer).
  const id = operationId.replaceAll('#', '/');
  if (context.operations.some((member) => member.name === id)) throw new DuplicateOperationIdError(id, pointer);
  // The interface takes its place among the declarations before the operation's own enums.
  context.operationsAt ??= context.declarations.length;
  const members = operationMembers(operation, parameters, pointer, context);
  context.operations.push({
    name: id,
    optional: false,
    readonly: context.options.immutable === true,
    type: { kind: 'object', members },
  });
  return { kind: 'indexed', root: 'operations', keys: [id] };
}

function requiredOf(body: unknown): boolean {
  return isRawObject(body) && Boolean(body['required']);
}

function isDeprecated(operation: Readonly<Record<string, unknown>>, context: DocumentContext): boolean {
  const resolved = isRef(operation) ? context.resolve(operation.$ref) : operation;
  return isRawObject(resolved) && Boolean(resolved['deprecated']);
}
