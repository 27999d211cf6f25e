import type { SourceLocation } from '../diagnostics.js';
import type { LoadedSpec } from '../load/load-spec.js';
import { resolvePointer } from '../load/refs.js';
import type { SpecPlace } from './model.js';

// A `$ref` string's segments are parsed once per load (load-spec.ts), so they are the same array
// each time: each `$ref`ed place is one object, which a structured clone writes once.
const refPlaces = new WeakMap<readonly string[], { readonly file: string; readonly pointer: string }>();

/** The place `segments` name in `file`; the same object for the same `$ref`. */
export function placeOf(file: string, segments: readonly string[]): SpecPlace {
  const known = refPlaces.get(segments);
  if (known !== undefined && known.file === file) return known;
  const place = { file, pointer: pointerOf(segments) };
  refPlaces.set(segments, place);
  return place;
}

/** `/a~1b/0` for the segments `a/b`, `0`: a JSON pointer (RFC 6901). */
function pointerOf(segments: readonly string[]): string {
  let pointer = '';
  for (const segment of segments) pointer += `/${escapeSegment(segment)}`;
  return pointer;
}

export function escapeSegment(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replaceAll('~', '~0').replaceAll('/', '~1') : segment;
}

/**
 * Finds the line and column of places in the spec they were recorded from, as the model's
 * `locate` would have: the value the pointer reaches (through what the loader inlined, as the
 * model read it) in the file that holds it. `undefined` for a pointer that reaches nothing.
 */
export function placeLocator(loaded: LoadedSpec): (place: SpecPlace) => SourceLocation | undefined {
  const byName = new Map([...loaded.files.values()].map((file) => [file.displayPath, file]));
  return (place) => {
    const { file: name, pointer } = rooted(place);
    const file = byName.get(name);
    if (file === undefined) return undefined;
    const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapeSegment);
    const value = resolvePointer(file.value, segments);
    if (value === null || typeof value !== 'object') return undefined;
    const holder = file.owns(value) ? file : [...loaded.files.values()].find((other) => other.owns(value));
    return (holder ?? file).locate(value);
  };
}

/** A place's file, and its pointer from that file's root. */
function rooted(place: SpecPlace): { readonly file: string; readonly pointer: string } {
  if (!('in' in place)) return place;
  const outer = rooted(place.in);
  return { file: outer.file, pointer: outer.pointer + place.pointer };
}

function unescapeSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}
