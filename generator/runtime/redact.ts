const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of a secret in a string, an object tree or headers.
 * Errors keep what the server sent, and a server may echo the credential back;
 * this makes sure no error message or property ever carries it.
 */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return redactValue(value, secrets) as T;
}

export function redactHeaders(headers: Headers, secrets: readonly string[]): Headers {
  if (secrets.length === 0) return headers;
  const copy = new Headers();
  headers.forEach((value, key) => {
    copy.append(key, redactString(value, secrets));
  });
  return copy;
}

function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactString(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[redactString(key, secrets)] = redactValue(inner, secrets);
    return out;
  }
  return value;
}

function redactString(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret !== '' && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}
