import { boolCoreTag, floatCoreTag, intCoreTag, NOT_RESOLVED, nullCoreTag } from 'js-yaml';

/** The core schema's implicit scalar tags, in the order js-yaml tries them on a plain scalar. */
const IMPLICIT_TAGS = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag] as const;
/** First characters a plain scalar needs for a tag above to resolve it to a non-string; `undefined`: any. */
const RESOLVABLE_FIRST_CHARS: ReadonlySet<string> | undefined = IMPLICIT_TAGS.some(
  (tag) => tag.implicitFirstChars === null,
)
  ? undefined
  : new Set(IMPLICIT_TAGS.flatMap((tag) => tag.implicitFirstChars ?? []));

/**
 * A plain scalar's value under the core schema (YAML 1.2): null, a boolean, a number, else the
 * text. js-yaml's own tags decide, so both YAML readers (yaml-events.ts, yaml-scan.ts) agree.
 */
export function resolvePlain(source: string): unknown {
  if (RESOLVABLE_FIRST_CHARS !== undefined && !RESOLVABLE_FIRST_CHARS.has(source.charAt(0))) return source;
  for (const tag of IMPLICIT_TAGS) {
    const value = tag.resolve(source, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return source;
}
