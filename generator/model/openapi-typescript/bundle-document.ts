// One self-contained document from a spec spread over files: every `$ref` into another file is
// replaced by what it names (its own `$ref`s followed the same way), as a bundler would, so the
// rest of the model reads a single document whose `$ref`s are all local.

import type { LoadedSpec } from '../../load/load-spec.js';
import type { SpecFile } from '../../load/spec-file.js';
import { isRawObject } from './raw.js';

/** Thrown for a cycle of `$ref`s through other files, which cannot be written out in place. */
export class CircularExternalRefError extends Error {
  constructor(
    readonly ref: string,
    readonly file: string,
  ) {
    super(
      `$ref "${ref}" in ${file} leads back to itself through other files; move the schema into the root file's components.`,
    );
    this.name = 'CircularExternalRefError';
  }
}

export function bundleDocument(loaded: LoadedSpec): Readonly<Record<string, unknown>> {
  const root = loaded.root.value;
  if (!isRawObject(root)) return {};
  if (loaded.files.size === 1) return root;
  const active = new Set<string>();
  const visit = (value: unknown, file: SpecFile): unknown => {
    if (Array.isArray(value)) return value.map((item) => visit(item, file));
    if (!isRawObject(value)) return value;
    const ref = value['$ref'];
    if (typeof ref === 'string') {
      const target = loaded.resolveRef(ref, file);
      if (target !== undefined) {
        const local = `#${target.pointer.map((s) => `/${s.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')}`;
        // A `$ref` into the root file stays a `$ref`, written from the root.
        if (target.file === loaded.root) return file === loaded.root ? value : { ...value, $ref: local };
        const key = `${target.file.absolutePath}${local}`;
        if (active.has(key)) throw new CircularExternalRefError(ref, file.displayPath);
        active.add(key);
        const inlined = visit(target.value, target.file);
        active.delete(key);
        return inlined;
      }
    }
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = visit(inner, file);
    return copy;
  };
  return visit(root, loaded.root) as Readonly<Record<string, unknown>>;
}
