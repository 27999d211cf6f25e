/**
 * `x-sdkgen-client.pathArguments: last`, the convention of Stainless-generated TypeScript SDKs
 * since 2025: only an operation's last path parameter is an argument of its own, named in
 * Stainless casing (`chat_id` → `chatID`); the others are required properties of `params`
 * under their wire names (`retrieve(messageID, { chat_id })`). On the wire nothing changes.
 */

import { stainlessCamel } from '../load/stainless/casing.js';
import type { NamedSchema, OperationModel, ParameterModel } from './model.js';
import { isIdentifier } from './names.js';
import { objectProperties, resolveType } from './type-queries.js';

/** The path parameters that are arguments of their own: all of them, or the last (`pathArguments: last`). */
export function positionalPathParams(operation: OperationModel): readonly ParameterModel[] {
  const inParams = operation.pathInParams;
  return inParams === undefined ? operation.pathParams : operation.pathParams.filter((p) => !inParams.includes(p.name));
}

/** The path parameters that are no argument of their own (`pathArguments: last`), in path order. */
export function movedPathParams(operation: OperationModel): readonly ParameterModel[] {
  const inParams = operation.pathInParams;
  return inParams === undefined ? [] : operation.pathParams.filter((p) => inParams.includes(p.name));
}

/** The path parameters given as properties of `params` (`pathArguments: last`, no JSON object body). */
export function pathParamsInParams(operation: OperationModel): readonly ParameterModel[] {
  return operation.pathInBody === true ? [] : movedPathParams(operation);
}

/** The path parameters given among the body's fields (`pathArguments: last` with a JSON object body). */
export function pathParamsInBody(operation: OperationModel): readonly ParameterModel[] {
  return operation.pathInBody === true ? movedPathParams(operation) : [];
}

/**
 * Whether the path parameters of `params` go in the body instead: a JSON object body none of
 * whose fields has their names, as Stainless merges path parameters and body fields.
 */
export function bodyTakesPath(
  body: OperationModel['body'],
  names: readonly string[],
  lookup: (name: string) => NamedSchema | undefined,
): boolean {
  if (body === undefined || !/json/i.test(body.contentType)) return false;
  if (resolveType(body.type, lookup)?.kind !== 'object') return false;
  return !objectProperties(body.type, lookup).some((p) => names.includes(p.name));
}

/**
 * The split of `pathArguments: last`: the last path parameter stays an argument, renamed in
 * Stainless casing; the others move to `params`, unless a query or header parameter has
 * their name there (then they stay arguments, as a clash in `params` cannot be).
 */
export function lastPathArgument(
  pathParams: readonly ParameterModel[],
  otherParams: readonly ParameterModel[],
  reserved: readonly string[],
): { readonly pathParams: ParameterModel[]; readonly pathInParams: string[] } {
  const taken = new Set(otherParams.map((p) => p.property));
  const inParams = pathParams.slice(0, -1).filter((p) => !taken.has(p.name));
  const positional = pathParams.filter((p) => !inParams.includes(p));
  const used = new Set([...reserved, ...positional.map((p) => p.identifier)]);
  const last = pathParams.at(-1);
  return {
    pathParams: pathParams.map((p) => {
      if (p !== last) return p;
      const wanted = stainlessArgumentName(p.name) || p.identifier;
      if (wanted === p.identifier || !used.has(wanted)) return { ...p, identifier: wanted };
      return p;
    }),
    pathInParams: inParams.map((p) => p.name),
  };
}

// Kept small on purpose: generator/load/stainless/casing.ts has the full rule; the two are to be one.
/** Stainless's camelCase of an argument: `chat_id` → `chatID`, `fileId` → `fileID`; an initialism leading stays lower. */
export function stainlessArgumentName(name: string): string {
  const out = stainlessCamel(name);
  return isIdentifier(out) ? out : '';
}
