import type { Conversion } from './context.js';

const TYPESCRIPT_NAMES = new Set(['node', 'typescript', 'ts']);

/**
 * Whether a `skip`/`only` list names TypeScript (`[node]`, `[typescript]`); `skip: true` skips
 * every language. `undefined` when the value is not such a list.
 */
export function readTargets(
  conversion: Conversion,
  method: Record<string, unknown>,
  key: string,
  value: unknown,
): boolean | undefined {
  if (typeof value === 'boolean') return key === 'skip' ? value : undefined;
  const names = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) {
    conversion.error('stainless-invalid', `\`${key}\` must be a list of languages, like [node, python].`, method, key);
    return undefined;
  }
  return names.some((name) => TYPESCRIPT_NAMES.has(name));
}
