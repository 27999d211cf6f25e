/**
 * Octokit's call paths are GitHub's operationIds: `issues/list-for-repo` is
 * `octokit.rest.issues.listForRepo()`. An API whose every operationId is written so, a scope and a
 * name joined by one slash, declares a two-level layout of its calls; each operation takes its
 * place there, as it would from a code sample. One id of another form, or two operations with one
 * id, and the ids are names like any other: the rules place every operation.
 */
import { camelCase } from './names.js';

export interface ScopedCall {
  readonly resource: readonly string[];
  readonly method: string;
}

const SCOPED = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\/([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$/;

/** Each operation's call by its scoped operationId, in the order given; all `undefined` unless every id is scoped. */
export function scopedCalls(operationIds: readonly (string | undefined)[]): (ScopedCall | undefined)[] {
  const calls = operationIds.map((id) => {
    const match = id === undefined ? null : SCOPED.exec(id);
    return match === null ? undefined : { resource: [camelCase(match[1] ?? '')], method: camelCase(match[2] ?? '') };
  });
  return everyOrNone(calls, operationIds);
}

/**
 * An API declares the layout of its calls only all at once: each call, where every operation has
 * one and no two share a key (an operationId, a path), else none. Also for dotted paths.
 */
export function everyOrNone(
  calls: readonly (ScopedCall | undefined)[],
  keys: readonly unknown[],
): (ScopedCall | undefined)[] {
  const declares = calls.length > 1 && calls.every((c) => c !== undefined) && new Set(keys).size === keys.length;
  return declares ? [...calls] : calls.map(() => undefined);
}
