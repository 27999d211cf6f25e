// JSON pointers as openapi-typescript writes them for its `$ref`s and diagnostics (`#/paths/~1pets/get`).

/** `#/a/b~1c` from parts; a part that is itself a pointer (`#/paths/~1x`) is spliced in. */
export function joinPointer(...parts: readonly string[]): string {
  let pointer = '#';
  for (const part of parts) {
    if (part === '') continue;
    if (part === '#' || part.startsWith('#/')) {
      if (part.length > 1) pointer += part.slice(1);
      continue;
    }
    pointer += `/${escapeSegment(part)}`;
  }
  return pointer;
}

/** The unescaped segments of a local `$ref` (`#/components/schemas/A~1B` → `components`, `schemas`, `A/B`). */
export function pointerSegments(ref: string): string[] {
  const hash = ref.indexOf('#');
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  if (fragment === '' || fragment === '/') return [];
  let decoded = fragment;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    // a broken %-escape is read as written
  }
  return decoded
    .replace(/^\//, '')
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
