import type { DiagnosticBag, SourceLocation } from '../diagnostics.js';
import type { LoadedSpec } from '../load/load-spec.js';
import type { SpecFile } from '../load/spec-file.js';
import { isRecord } from '../load/validate-document.js';
import type { KeptNames } from './kept-names.js';

export { isRecord };

/** What every part of the model builder shares: the loaded spec and the diagnostics of the run. */
export interface SpecContext {
  readonly spec: LoadedSpec;
  readonly diagnostics: DiagnosticBag;
  /** The names an earlier run gave, which the names of what is still there keep (`.sdkgen-names.json`). */
  readonly kept?: KeptNames | undefined;
}

/** Where `container[key]` is, in whichever file `container` came from. */
export function locate(ctx: SpecContext, container: object, key?: string | number): SourceLocation {
  return ctx.spec.fileOf(container).locate(container, key);
}

/** Where the value of `container[key]` starts: the place to point at when the value is wrong. */
export function locateValue(ctx: SpecContext, container: object, key: string | number): SourceLocation {
  return ctx.spec.fileOf(container).locate(container, key, 'value');
}

/**
 * The file an object was read from: `file`, unless the loader put there a mapping or list from
 * another file (a `$ref` where OpenAPI allows none, inlined); `$ref`s inside it are relative to
 * that file.
 */
export function fileHolding(ctx: SpecContext, value: unknown, file: SpecFile): SpecFile {
  // One file holds everything, or nothing holds the value (an overlay's): `file` either way. Asking
  // a 20 MB JSON file whether it owns each value cost Graph ~0.1 s (a look-up in a map of 1M objects).
  if (ctx.spec.files.size === 1) return file;
  if (value === null || typeof value !== 'object' || file.owns(value)) return file;
  for (const other of ctx.spec.files.values()) if (other.owns(value)) return other;
  return file;
}

/** Follows `$ref`s (also chains of them) to the object they name, with the file it is in. */
export function deref(
  ctx: SpecContext,
  value: unknown,
  file: SpecFile,
): { readonly value: unknown; readonly file: SpecFile; readonly pointer: readonly string[] | undefined } {
  let current = value;
  let currentFile = fileHolding(ctx, value, file);
  let pointer: readonly string[] | undefined;
  const seen = new Set<unknown>();
  while (isRecord(current) && typeof current['$ref'] === 'string') {
    if (seen.has(current)) {
      ctx.diagnostics.error(
        'ref-cycle',
        'This $ref only refers to itself through other $refs.',
        locate(ctx, current, '$ref'),
      );
      return { value: undefined, file: currentFile, pointer };
    }
    seen.add(current);
    const resolved = ctx.spec.resolveRef(current['$ref'], currentFile);
    if (resolved === undefined) return { value: undefined, file: currentFile, pointer };
    current = resolved.value;
    currentFile = resolved.file;
    pointer = resolved.pointer;
  }
  return { value: current, file: currentFile, pointer };
}

/**
 * A string field, or `undefined`; any other kind is diagnosed. A `$ref` there (a description
 * kept in a Markdown file, say) is followed, as the common bundlers do.
 */
export function stringField(ctx: SpecContext, container: Record<string, unknown>, key: string): string | undefined {
  let value = container[key];
  if (value === undefined || value === null) return undefined;
  if (isRecord(value) && typeof value['$ref'] === 'string') value = deref(ctx, value, ctx.spec.fileOf(container)).value;
  if (typeof value === 'string') return value;
  ctx.diagnostics.error('wrong-kind', `\`${key}\` must be a string.`, locate(ctx, container, key));
  return undefined;
}

export function booleanField(ctx: SpecContext, container: Record<string, unknown>, key: string): boolean | undefined {
  const value = container[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  ctx.diagnostics.error('wrong-kind', `\`${key}\` must be true or false.`, locate(ctx, container, key));
  return undefined;
}
