/**
 * Reads an environment variable where the platform has them (Node, Bun, Deno),
 * and `undefined` elsewhere (browsers): the runtime imports nothing platform-specific.
 */
export function readEnv(name: string): string | undefined {
  const g = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get?: (key: string) => string | undefined } };
  };
  const value = g.process?.env?.[name] ?? readDenoEnv(g.Deno, name);
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function readDenoEnv(
  deno: { env?: { get?: (key: string) => string | undefined } } | undefined,
  name: string,
): string | undefined {
  try {
    return deno?.env?.get?.(name);
  } catch {
    return undefined; // Deno without --allow-env throws; treat as unset.
  }
}
