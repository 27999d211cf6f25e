/**
 * `x-sdkgen-client.requestParams: merged`, the way Stainless-generated clients take a request:
 * the body's fields, the query and header parameters (and the path parameters `pathArguments:
 * last` moves) are one params object, `list({ filter, page })`; the method takes the
 * parameters out of it and sends the rest as the body. On the wire nothing changes.
 */
import type { NamedSchema, OperationModel, TypeModel } from './model.js';
import { objectProperties, resolveType } from './type-queries.js';

type Body = NonNullable<OperationModel['body']>;

/**
 * The type a body is, or is when it is not `null` (`AppGet | null`, an optional filter), where
 * it is a named type the params can extend or an inline object whose fields they list.
 */
export function bodyMember(body: Body): Extract<TypeModel, { kind: 'ref' | 'object' }> | undefined {
  const type = body.type;
  const members =
    type.kind === 'union' ? type.members.filter((m) => !(m.kind === 'primitive' && m.name === 'null')) : [type];
  const [only] = members;
  return members.length === 1 && (only?.kind === 'ref' || only?.kind === 'object') ? only : undefined;
}

/** `bodyMember`, where it is an object (through `$ref`s and `allOf`). */
export function bodyObjectType(body: Body, lookup: (name: string) => NamedSchema | undefined): TypeModel | undefined {
  const member = bodyMember(body);
  const resolved = member === undefined ? undefined : resolveType(member, lookup);
  return resolved?.kind === 'object' || resolved?.kind === 'intersection' ? member : undefined;
}

/**
 * Whether the params can join the body's fields: a JSON object body (not one `x-sdkgen-body-param`
 * wraps) none of whose fields has the name of one of them. Else they stay an argument of their own.
 */
export function bodyTakesParams(
  body: OperationModel['body'],
  names: readonly string[],
  lookup: (name: string) => NamedSchema | undefined,
): boolean {
  if (body === undefined || body.param !== undefined || !/json/i.test(body.contentType)) return false;
  const object = bodyObjectType(body, lookup);
  if (object === undefined) return false;
  return !objectProperties(object, lookup).some((p) => names.includes(p.name));
}

/** Whether the merged params object must be given: the body is required, or a parameter in it is. */
export function mergedParamsRequired(operation: OperationModel): boolean {
  return (
    operation.body?.required === true ||
    (operation.pathInParams?.length ?? 0) > 0 ||
    [...operation.queryParams, ...operation.headerParams].some((p) => p.required)
  );
}
