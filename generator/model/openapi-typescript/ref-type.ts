// How a `$ref` prints in openapi-typescript 7.13's output: an indexed access into the file's
// own roots, following the document's pointer (`#/components/schemas/Pet` →
// `components["schemas"]["Pet"]`), with the two places where the output's shape differs from
// the document's.

import { pointerSegments } from './pointer.js';
import { isRawObject, type RawObject } from './raw.js';
import type { TsType } from './ts-type.js';

/** Thrown for a `$ref` with no JSON pointer (`other.yaml` alone), which has no place in the output. */
export class RefPointerError extends Error {
  constructor(readonly ref: string) {
    super(`Cannot print $ref "${ref}": it has no JSON pointer (is it a valid $ref?).`);
    this.name = 'RefPointerError';
  }
}

/**
 * `resolvedParameter`: the parameter a `$ref` in a parameters list names. The output files
 * parameters by location, so a pointer into a list (`…/parameters/0`) ends in `[in][name]`.
 */
export function refType(ref: string, resolvedParameter?: unknown): TsType {
  const segments = pointerSegments(ref);
  const [root, ...rest] = segments;
  if (root === undefined) throw new RefPointerError(ref);
  const keys = rest.slice(0, 2);
  const deep = rest.slice(2);
  const parameter = isParameter(resolvedParameter) ? resolvedParameter : undefined;
  deep.forEach((segment, index) => {
    // Object schemas print their properties flat: `…/properties/name` indexes `["name"]`.
    if (segment === 'properties') return;
    if (parameter !== undefined && index === deep.length - 1) {
      keys.push(String(parameter['in']), String(parameter['name']));
      return;
    }
    keys.push(segment);
  });
  return { kind: 'indexed', root, keys };
}

function isParameter(value: unknown): value is RawObject {
  return isRawObject(value) && value['$ref'] === undefined && typeof value['in'] === 'string' && value['in'] !== '';
}
