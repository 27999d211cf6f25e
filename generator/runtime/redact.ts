const REDACTED = '[redacted]';

/** The shortest credential matched inside other text: shorter ones would mask ordinary words. */
const MIN_SECRET_LENGTH = 4;

/**
 * Every spelling in which a credential can come back: as sent in a header (trimmed, as fetch
 * trims), in a URL (percent-encoded by `encodeURIComponent`, by the WHATWG URL serializer, or as
 * a form with `+` for spaces), inside JSON text, and as HTTP Basic's base64. A server may echo
 * any of them, and a log line shows URLs encoded; matching the raw key alone misses those.
 */
export function secretSpellings(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  const add = (value: string | undefined): void => {
    if (value !== undefined && value.length >= MIN_SECRET_LENGTH) out.add(value);
  };
  for (const secret of secrets) {
    for (const text of [secret, secret.trim()]) {
      add(text);
      add(safely(() => encodeURIComponent(text)));
      add(safely(() => new URLSearchParams({ s: text }).toString().slice(2)));
      add(safely(() => new URL(`http://h/?${text}`).search.slice(1)));
      add(safely(() => new URL(`http://h/${text}`).pathname.slice(1)));
      add(JSON.stringify(text).slice(1, -1));
      add(safely(() => base64(text)));
    }
  }
  // Longest first, so that a spelling that contains another is masked whole.
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * Replaces every spelling of a secret in a string, an object tree or headers. Errors keep what
 * the server sent, and a server may echo the credential back; this makes sure no error message
 * or property ever carries it. Object keys stay own data properties: a `__proto__` key in a
 * body stays a key, never the object's prototype.
 */
export function redactSecrets<T>(value: T, spellings: readonly string[]): T {
  if (spellings.length === 0) return value;
  return redactValue(value, spellings, 0) as T;
}

export function redactHeaders(headers: Headers, spellings: readonly string[]): Headers {
  if (spellings.length === 0) return headers;
  const copy = new Headers();
  headers.forEach((value, key) => {
    copy.append(key, redactString(value, spellings));
  });
  return copy;
}

export function redactString(text: string, spellings: readonly string[]): string {
  let out = text;
  for (const secret of spellings) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/**
 * A copy of an error that fetch (or a user's fetch) threw, safe to keep as a `cause`: message,
 * stack and nested causes redacted, and none of the other properties, which may hold the
 * request's URL or headers (Node's `TypeError: Invalid URL` keeps its `input`).
 */
export function redactError(error: unknown, spellings: readonly string[], depth = 0): unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? redactString(error, spellings) : undefined;
  const cause = depth < 4 && error.cause !== undefined ? redactError(error.cause, spellings, depth + 1) : undefined;
  const copy = new Error(redactString(error.message, spellings), cause === undefined ? undefined : { cause });
  copy.name = error.name;
  copy.stack = redactString(error.stack ?? '', spellings);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') (copy as { code?: string }).code = code;
  return copy;
}

function redactValue(value: unknown, spellings: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return redactString(value, spellings);
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, spellings, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    Object.defineProperty(out, redactString(key, spellings), {
      value: redactValue(inner, spellings, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Base64 of the UTF-8 bytes of `text`, as HTTP Basic sends `user:password` (btoa takes Latin-1 only). */
export function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function safely(make: () => string | undefined): string | undefined {
  try {
    return make();
  } catch {
    return undefined; // a lone surrogate cannot be URI-encoded, so it cannot be sent that way either
  }
}
