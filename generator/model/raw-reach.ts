import type { SpecFile } from '../load/spec-file.js';
import { fileHolding, isRecord, type SpecContext } from './spec-context.js';

export interface RawRoot {
  readonly raw: unknown;
  readonly file: SpecFile;
}

/**
 * Every object raw values reach through their `$ref`s, across files (the values themselves
 * included). `unionMappings`: also the targets of the discriminator mapping of a `oneOf`/`anyOf`,
 * which name the union's members even where the list leaves one out. The mapping of a base that
 * others extend with `allOf` is not followed: it names subtypes no type refers to (Graph's
 * `entity` maps every one of its 1,400 entity types).
 */
export function rawReach(ctx: SpecContext, roots: readonly RawRoot[], unionMappings = false): Set<object> {
  const seen = new Set<object>();
  const stack = [...roots];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { raw, file } = next;
    if (typeof raw !== 'object' || raw === null || seen.has(raw)) continue;
    seen.add(raw);
    const holder = fileHolding(ctx, raw, file);
    if (isRecord(raw) && typeof raw['$ref'] === 'string') {
      const target = ctx.spec.resolveRef(raw['$ref'], holder);
      if (target !== undefined) stack.push({ raw: target.value, file: target.file });
    }
    if (unionMappings && isRecord(raw))
      for (const ref of unionMappingRefs(raw)) stack.push({ raw: { $ref: ref }, file: holder });
    for (const value of Object.values(raw)) stack.push({ raw: value, file: holder });
  }
  return seen;
}

function unionMappingRefs(schema: Record<string, unknown>): string[] {
  if (!Array.isArray(schema['oneOf']) && !Array.isArray(schema['anyOf'])) return [];
  const discriminator = schema['discriminator'];
  const mapping = isRecord(discriminator) ? discriminator['mapping'] : undefined;
  if (!isRecord(mapping)) return [];
  // A bare name is a component's (`Cat` → `#/components/schemas/Cat`), as OpenAPI says.
  return Object.values(mapping)
    .filter((ref): ref is string => typeof ref === 'string')
    .map((ref) => (/^[\w.-]+$/.test(ref) ? `#/components/schemas/${ref}` : ref));
}
