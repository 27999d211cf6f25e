import type { FieldDocs, TypeModel } from '../model/model.js';
import type { SchemaLookup } from '../model/type-queries.js';
import { type Problem, validateValue as validate } from '../runtime/validate.js';
import { matchesPattern } from './pattern-text.js';

export type { Problem } from '../runtime/validate.js';

/**
 * What is wrong with `value` as a request's `type`, by the validator generated clients use on
 * responses, with patterns tested by RE2 (no backtracking on text a user sent the mock).
 */
export function validateValue(
  value: unknown,
  type: TypeModel,
  docs: FieldDocs | undefined,
  lookup: SchemaLookup,
  where: string,
): Problem[] {
  // Where and what: the mock's 400 answers show these two, and nothing a client sent back to it.
  return validate(value, type, docs, lookup, where, { direction: 'request', matchesPattern }).map(
    ({ where, message }) => ({ where, message }),
  );
}
