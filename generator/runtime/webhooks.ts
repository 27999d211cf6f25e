import { readEnv } from './env.js';
import { SDKError } from './errors.js';
import { hmacSha256 } from './sha256.js';

/**
 * How an API signs the webhooks it sends: Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64>`, a `whsec_` secret), the default; or an HMAC of the API's own
 * (GitHub's `x-hub-signature-256: sha256=<hex>`, Slack's `v0:{timestamp}:{body}`), declared with
 * the `x-sdkgen-webhooks` extension.
 */
export type WebhookSignature =
  | { readonly type: 'standard-webhooks' }
  | {
      readonly type: 'hmac';
      /** The header that carries the signature. */
      readonly header: string;
      /** What the header's value starts with before the signature (`sha256=`). */
      readonly prefix?: string | undefined;
      readonly encoding: 'hex' | 'base64';
      readonly algorithm: 'SHA-1' | 'SHA-256' | 'SHA-512';
      /** What is signed: `{body}`, with `{timestamp}` and `{id}` from their headers (`v0:{timestamp}:{body}`). */
      readonly payload: string;
      readonly timestampHeader?: string | undefined;
      readonly idHeader?: string | undefined;
    };

/** A webhook whose signature is missing, wrong or too old: not to be trusted. */
export class InvalidWebhookSignatureError extends SDKError {}

/** A request's headers: a `Headers`, or a plain object as Node's `req.headers` is. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface WebhooksConfig {
  readonly signature: WebhookSignature;
  /** The `webhookSecret` client option. */
  readonly secret: string | undefined;
  /** Where the secret is read when neither the call nor the client gives one. */
  readonly secretEnv: string | undefined;
}

/** How far a webhook's timestamp may be from now, in seconds, before it is refused as a replay. */
const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Verifies the webhooks an API sends and reads their events: `client.webhooks.unwrap(body,
 * headers)` in the handler of the endpoint that receives them. The body must be as received (its
 * text, or its bytes): a body parsed and serialized again does not have the signature it was sent with.
 */
export class Webhooks<Event> {
  readonly #config: WebhooksConfig;

  constructor(config: WebhooksConfig) {
    this.#config = config;
  }

  /** Checks the signature, then parses the body as the event it is; throws `InvalidWebhookSignatureError` if it may not be trusted. */
  async unwrap(
    body: string | Uint8Array,
    headers: WebhookHeaders,
    secret?: string,
    toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
  ): Promise<Event> {
    await this.verifySignature(body, headers, secret, toleranceSeconds);
    try {
      return JSON.parse(rawText(body)) as Event;
    } catch (error) {
      throw new SDKError(`The webhook's body is signed but is not JSON: ${(error as Error).message}`);
    }
  }

  /** Resolves when `body` carries a valid signature made with the secret, recently enough; else rejects with `InvalidWebhookSignatureError`. */
  async verifySignature(
    raw: string | Uint8Array,
    headers: WebhookHeaders,
    secret?: string,
    toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
  ): Promise<void> {
    const body = rawText(raw);
    const env = this.#config.secretEnv;
    const key = secret ?? this.#config.secret ?? (env === undefined ? undefined : readEnv(env));
    if (key === undefined || key === '') {
      const where = env === undefined ? '' : ` or the ${env} environment variable`;
      throw new SDKError(`No webhook secret: pass one, or set the \`webhookSecret\` client option${where}.`);
    }
    const { signature } = this.#config;
    const read = (name: string): string | undefined => headerValue(headers, name);
    switch (signature.type) {
      case 'standard-webhooks': {
        const { signed, given } = standardSignatures(headers, toleranceSeconds);
        checkSignatures(given, await hmac('SHA-256', standardKey(key), `${signed}${body}`));
        return;
      }
      case 'hmac': {
        const header = read(signature.header);
        if (header === undefined)
          throw new InvalidWebhookSignatureError(`The webhook has no ${signature.header} header.`);
        const prefix = signature.prefix ?? '';
        if (!header.startsWith(prefix))
          throw new InvalidWebhookSignatureError(`The ${signature.header} header does not start with "${prefix}".`);
        const timestamp = signature.timestampHeader === undefined ? undefined : read(signature.timestampHeader);
        if (signature.timestampHeader !== undefined) {
          if (timestamp === undefined)
            throw new InvalidWebhookSignatureError(`The webhook has no ${signature.timestampHeader} header.`);
          checkTimestamp(timestamp, toleranceSeconds);
        }
        const id = signature.idHeader === undefined ? undefined : (read(signature.idHeader) ?? '');
        const signed = signature.payload.replace(/\{(body|timestamp|id)\}/g, (_m, part: string) =>
          part === 'body' ? body : part === 'timestamp' ? (timestamp ?? '') : (id ?? ''),
        );
        const expected = await hmac(signature.algorithm, new TextEncoder().encode(key), signed);
        const text = header.slice(prefix.length).trim();
        const given = signature.encoding === 'hex' ? decodeHex(text) : decodeBase64(text);
        if (given === undefined || !equalBytes(given, expected))
          throw new InvalidWebhookSignatureError(
            'The webhook signature does not match: it was not signed with this secret.',
          );
        return;
      }
      default:
        return assertNever(signature);
    }
  }
}

/**
 * Stainless's `client.webhooks.unwrap(body, { headers, key })` checks a Standard Webhooks
 * signature and returns the event itself, not a promise: so HMAC-SHA256 is computed here, in
 * plain code, without the asynchronous Web Crypto API. `secretOption` names the client option
 * the secret comes from, for the message when there is none.
 * The key is the secret's text as given, `whsec_` and all: Stainless's SDKs hand the
 * `standardwebhooks` package `toBase64(key)`, which it decodes back to those bytes (ImageKit 7.x),
 * so the APIs they serve sign with them, and a caller's webhooks keep verifying after the move.
 */
export function verifyStandardWebhook(
  body: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string | null | undefined,
  secretOption: string,
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
): void {
  if (secret === undefined || secret === null || secret === '')
    throw new SDKError(`No webhook secret: pass \`key\`, or set the \`${secretOption}\` client option.`);
  const { signed, given } = standardSignatures(headers, toleranceSeconds);
  const encoder = new TextEncoder();
  checkSignatures(given, hmacSha256(encoder.encode(secret), encoder.encode(`${signed}${rawText(body)}`)));
}

/**
 * A webhook's body as the event it is: JSON, and an object whose `discriminator` property (the
 * one that tells the events apart, `type`) is a string, so that a caller's `switch` on it holds.
 */
export function parseWebhookEvent<Event>(body: string | Uint8Array, discriminator?: string): Event {
  let event: unknown;
  try {
    event = JSON.parse(rawText(body));
  } catch (error) {
    throw new SDKError(`The webhook's body is not JSON: ${(error as Error).message}`);
  }
  if (discriminator !== undefined) {
    const kind =
      typeof event === 'object' && event !== null ? (event as Record<string, unknown>)[discriminator] : undefined;
    if (typeof kind !== 'string')
      throw new SDKError(`The webhook's body is not an event: it has no \`${discriminator}\` string.`);
  }
  return event as Event;
}

/** Standard Webhooks' headers: what is signed before the body (`{id}.{timestamp}.`), and the `v1` signatures given. */
function standardSignatures(
  headers: WebhookHeaders,
  toleranceSeconds: number,
): { readonly signed: string; readonly given: readonly (Uint8Array | undefined)[] } {
  const read = (name: string): string | undefined => headerValue(headers, name);
  const id = read('webhook-id') ?? read('svix-id');
  const timestamp = read('webhook-timestamp') ?? read('svix-timestamp');
  const signatures = read('webhook-signature') ?? read('svix-signature');
  if (id === undefined || timestamp === undefined || signatures === undefined)
    throw new InvalidWebhookSignatureError(
      'The webhook has no webhook-id, webhook-timestamp or webhook-signature header.',
    );
  checkTimestamp(timestamp, toleranceSeconds);
  const given = signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => decodeBase64(entry.slice(3)));
  return { signed: `${id}.${timestamp}.`, given };
}

function checkSignatures(given: readonly (Uint8Array | undefined)[], expected: Uint8Array): void {
  if (!given.some((sig) => sig !== undefined && equalBytes(sig, expected)))
    throw new InvalidWebhookSignatureError('The webhook signature does not match: it was not signed with this secret.');
}

/** The body as received: text, or its bytes (`express.raw()`'s Buffer), which must be UTF-8. */
function rawText(body: string | Uint8Array): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      throw new InvalidWebhookSignatureError('The webhook body is not UTF-8 text.');
    }
  }
  throw new SDKError(
    'Pass the webhook body as received (its text or bytes), not parsed: a parsed body cannot be verified.',
  );
}

function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}

/** A replay of an old webhook, or one from a clock far off, is refused. */
function checkTimestamp(text: string, toleranceSeconds: number): void {
  const seconds = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isFinite(seconds))
    throw new InvalidWebhookSignatureError(`The webhook timestamp "${text}" is not a number of seconds.`);
  const now = Math.floor(Date.now() / 1000);
  if (now - seconds > toleranceSeconds)
    throw new InvalidWebhookSignatureError(
      `The webhook timestamp is too old (${now - seconds} s, more than ${toleranceSeconds} s).`,
    );
  if (seconds - now > toleranceSeconds)
    throw new InvalidWebhookSignatureError(`The webhook timestamp is in the future (${seconds - now} s ahead).`);
}

/** A Standard Webhooks secret is base64 after a `whsec_` prefix; its bytes are the key. */
function standardKey(secret: string): Uint8Array {
  const bytes = decodeBase64(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
  if (bytes === undefined || bytes.length === 0)
    throw new SDKError('The webhook secret is not a Standard Webhooks secret (`whsec_` and base64).');
  return bytes;
}

async function hmac(algorithm: string, key: Uint8Array, text: string): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) throw new SDKError('Verifying webhooks needs the Web Crypto API (crypto.subtle).');
  const cryptoKey = await subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: algorithm }, false, [
    'sign',
  ]);
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, new TextEncoder().encode(text)));
}

/** Compares in time that does not depend on where the bytes differ. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

function decodeBase64(text: string): Uint8Array | undefined {
  try {
    const binary = atob(text.trim());
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function decodeHex(text: string): Uint8Array | undefined {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) return undefined;
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

function assertNever(value: never): never {
  throw new Error(`Unknown webhook signature: ${JSON.stringify(value)}`);
}
