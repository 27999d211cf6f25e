import { SDKError } from './errors.js';

const REDACTED = '[redacted]';

/** The shortest credential matched inside other text: shorter ones would mask ordinary words. */
const MIN_SECRET_LENGTH = 4;

/**
 * How many credentials learnt as the client runs (a credential function's, each OAuth2 token)
 * are remembered for masking log lines and errors outside their own request. A request always
 * masks its own credentials, remembered or not: this only bounds memory and the cost of masking
 * for a function that hands out a new key per request.
 */
const RECENT_SECRETS = 64;

/**
 * Every spelling in which a credential can come back: as sent in a header (trimmed, as fetch
 * trims), in a URL (percent-encoded by `encodeURIComponent`, by the WHATWG URL serializer, or as
 * a form with `+` for spaces), inside JSON text (as JSON.stringify escapes it, with `\/` as PHP
 * does, and with every non-ASCII character as `\uXXXX`), and in base64 at each of the three
 * alignments it can have inside longer base64 (HTTP Basic's `base64(id:secret)`, whatever the
 * id's length). A server may echo any of them, and a log line shows URLs encoded.
 */
export function secretSpellings(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const secret of secrets) for (const spelling of spellingsOf(secret)) out.add(spelling);
  return longestFirst(out);
}

function spellingsOf(secret: string): string[] {
  const out = new Set<string>();
  const add = (value: string | undefined): void => {
    if (value !== undefined && value.length >= MIN_SECRET_LENGTH) out.add(value);
  };
  for (const text of new Set([secret, secret.trim()])) {
    const encodings = [
      text,
      safely(() => encodeURIComponent(text)),
      safely(() => new URLSearchParams({ s: text }).toString().slice(2)),
      safely(() => new URL(`http://h/?${text}`).search.slice(1)),
      safely(() => new URL(`http://h/${text}`).pathname.slice(1)),
    ];
    for (const encoded of encodings) add(encoded);
    const json = JSON.stringify(text).slice(1, -1);
    add(json);
    add(json.replace(/\//g, '\\/'));
    add(json.replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
    // Base64 of the text as sent (raw, or form-encoded as an OAuth2 client secret is).
    for (const encoded of new Set(encodings.slice(0, 3))) {
      if (encoded === undefined) continue;
      add(safely(() => base64(encoded)));
      for (const core of base64Cores(encoded)) add(core);
    }
  }
  return [...out];
}

/**
 * The base64 characters that encode `text` alone, whatever bytes come before and after it:
 * one run for each of the three offsets (mod 3) at which it can start. Base64 of `id:secret`
 * holds the secret's run for the offset `id:`'s length gives.
 */
function base64Cores(text: string): string[] {
  const bytes = new TextEncoder().encode(text);
  const cores: string[] = [];
  for (const offset of [0, 1, 2]) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    // Each character carries 6 bits: keep those whose bits all belong to `text`.
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    cores.push(base64Bytes(padded).slice(start, end));
  }
  return cores;
}

function longestFirst(spellings: Iterable<string>): string[] {
  // Longest first, so that a spelling that contains another is masked whole.
  return [...spellings].sort((a, b) => b.length - a.length);
}

/**
 * The credentials a client masks: those it was given (kept for its life) and those it learns as
 * it runs (a credential function's values, OAuth2 tokens), the latest RECENT_SECRETS of them.
 * Learning costs a set insertion; spellings are worked out only when something is masked.
 */
export class Secrets {
  readonly #kept = new Set<string>();
  // Insertion order is age: the first is the one to forget.
  readonly #recent = new Set<string>();
  readonly #spelled = new Map<string, readonly string[]>();
  #all: readonly string[] | undefined = [];

  /** Masks `secret` for the client's life: a credential it was given. */
  keep(secret: string): void {
    if (secret.length === 0 || this.#kept.has(secret)) return;
    this.#kept.add(secret);
    this.#recent.delete(secret);
    this.#all = undefined;
  }

  /** Masks `secret` while it is among the latest learnt. */
  learn(secret: string): void {
    if (secret.length === 0 || this.#kept.has(secret)) return;
    if (this.#recent.has(secret)) {
      this.#recent.delete(secret);
      this.#recent.add(secret);
      return;
    }
    this.#recent.add(secret);
    if (this.#recent.size > RECENT_SECRETS) {
      const oldest = this.#recent.values().next().value as string;
      this.#recent.delete(oldest);
      this.#spelled.delete(oldest);
    }
    this.#all = undefined;
  }

  /** The credentials the client was given. */
  get kept(): readonly string[] {
    return [...this.#kept];
  }

  /** Every spelling of every secret, longest first. */
  get spellings(): readonly string[] {
    if (this.#all === undefined) {
      const all = new Set<string>();
      for (const secret of [...this.#kept, ...this.#recent]) for (const s of this.spellingsOf(secret)) all.add(s);
      this.#all = longestFirst(all);
    }
    return this.#all;
  }

  /** The masking of one request: the client's secrets and the request's own (pushed to `own` as it goes). */
  mask(own: readonly string[] = []): Mask {
    return new Mask(this, own);
  }

  /** The spellings of one secret; remembered while the secret is. */
  spellingsOf(secret: string): readonly string[] {
    let spellings = this.#spelled.get(secret);
    if (spellings === undefined) {
      spellings = spellingsOf(secret);
      if (this.#kept.has(secret) || this.#recent.has(secret)) this.#spelled.set(secret, spellings);
    }
    return spellings;
  }
}

/**
 * Masks what leaves the client: strings, parsed bodies, headers and errors. The spellings are
 * worked out on first use, and again only when the secrets change: a request that fails nowhere
 * pays nothing for its masking.
 */
export class Mask {
  readonly #secrets: Secrets;
  readonly #own: readonly string[];
  #base: readonly string[] | undefined;
  #ownCount = 0;
  #all: readonly string[] = [];

  constructor(secrets: Secrets, own: readonly string[]) {
    this.#secrets = secrets;
    this.#own = own;
  }

  get spellings(): readonly string[] {
    const base = this.#secrets.spellings;
    if (this.#own.length === 0) return base;
    if (base !== this.#base || this.#own.length !== this.#ownCount) {
      const all = new Set(base);
      for (const secret of this.#own) for (const s of this.#secrets.spellingsOf(secret)) all.add(s);
      this.#all = longestFirst(all);
      this.#base = base;
      this.#ownCount = this.#own.length;
    }
    return this.#all;
  }

  string(text: string): string {
    return redactString(text, this.spellings);
  }

  value<T>(value: T): T {
    return redactSecrets(value, this.spellings);
  }

  headers(headers: Headers): Headers {
    return redactHeaders(headers, this.spellings);
  }

  /** The client's own error masked in place (every field, at any depth); anything else as a masked copy. */
  error<E>(error: E): E {
    return maskThrown(error, this.spellings) as E;
  }
}

/**
 * Replaces every spelling of a secret in a string, an object tree or headers, at any depth.
 * Errors keep what the server sent, and a server may echo the credential back; this makes sure
 * no error message or property ever carries it. Object keys stay own data properties: a
 * `__proto__` key in a body stays a key, never the object's prototype.
 */
export function redactSecrets<T>(value: T, spellings: readonly string[]): T {
  if (spellings.length === 0) return value;
  return redactValue(value, spellings) as T;
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

/**
 * An error on its way out, masked: the client's own (an `SDKError`) in place, every own
 * property (message, stack, body, headers, problems, cause) at any depth, so that it keeps its
 * class; any other as redactError's copy.
 */
export function maskThrown(error: unknown, spellings: readonly string[], depth = 0): unknown {
  if (spellings.length === 0) return error;
  if (!(error instanceof SDKError)) return redactError(error, spellings);
  // An error passes several masks on its way out (its try's, its request's): each set of spellings once.
  if (maskedWith.get(error) === spellings) return error;
  maskedWith.set(error, spellings);
  for (const key of Reflect.ownKeys(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (descriptor === undefined || !descriptor.configurable) continue;
    // Some engines keep `stack` as an own accessor: its text is read, and kept masked as data.
    const value: unknown = 'value' in descriptor ? descriptor.value : Reflect.get(error, key);
    let masked: unknown;
    if (key === 'cause') masked = depth < 8 ? maskThrown(value, spellings, depth + 1) : undefined;
    else if (typeof Headers !== 'undefined' && value instanceof Headers) masked = redactHeaders(value, spellings);
    else masked = redactValue(value, spellings);
    if (masked === value) continue;
    Object.defineProperty(error, key, {
      value: masked,
      enumerable: descriptor.enumerable ?? false,
      writable: true,
      configurable: true,
    });
  }
  return error;
}

const maskedWith = new WeakMap<Error, readonly string[]>();

/** A masked copy of a value, walked with a stack of its own: a body nested 100,000 deep is masked whole. */
function redactValue(root: unknown, spellings: readonly string[]): unknown {
  const copies = new Map<object, unknown>();
  const work: [source: object, target: Record<string | number, unknown>][] = [];
  const place = (value: unknown): unknown => {
    if (typeof value === 'string') return redactString(value, spellings);
    if (value === null || typeof value !== 'object') return value;
    const seen = copies.get(value);
    if (seen !== undefined) return seen;
    if (typeof Headers !== 'undefined' && value instanceof Headers) return redactHeaders(value, spellings);
    if (value instanceof Error) return maskThrown(value, spellings);
    const target = (Array.isArray(value) ? new Array(value.length) : {}) as Record<string | number, unknown>;
    copies.set(value, target);
    work.push([value, target]);
    return target;
  };
  const out = place(root);
  for (let next = work.pop(); next !== undefined; next = work.pop()) {
    const [source, target] = next;
    if (Array.isArray(source)) {
      for (let i = 0; i < source.length; i++) target[i] = place(source[i]);
      continue;
    }
    for (const [key, inner] of Object.entries(source)) {
      Object.defineProperty(target, redactString(key, spellings), {
        value: place(inner),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out;
}

/** Base64 of the UTF-8 bytes of `text`, as HTTP Basic sends `user:password` (btoa takes Latin-1 only). */
export function base64(text: string): string {
  return base64Bytes(new TextEncoder().encode(text));
}

function base64Bytes(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function safely(make: () => string | undefined): string | undefined {
  try {
    return make();
  } catch {
    return undefined; // a lone surrogate cannot be URI-encoded, so it cannot be sent that way either
  }
}
