import type { BaseClient } from './client.js';
import type { RequestOptions } from './types.js';

/** Every key of `RequestOptions`: the compiler keeps this list whole. */
export const REQUEST_OPTION_KEYS: Readonly<Record<keyof RequestOptions, true>> = {
  signal: true,
  timeout: true,
  maxRetries: true,
  headers: true,
  query: true,
  idempotencyKey: true,
  maxResponseBytes: true,
  validate: true,
  onRequest: true,
  onResponse: true,
  onError: true,
  fetchOptions: true,
  httpAgent: true,
  method: true,
  path: true,
  body: true,
  defaultBaseURL: true,
  stream: true,
};

/**
 * Whether a method's optional params argument holds request options instead (`list(options)`),
 * as clients made by Stainless's older generator accept: a non-empty object of request-option
 * keys only. `paramKeys` are the method's params named like a request option (a `query`
 * parameter): an object of those alone is the params, so a call with params is never misread.
 */
export function isRequestOptions(value: unknown, paramKeys: readonly string[] = []): value is RequestOptions {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return (
    keys.length > 0 &&
    keys.every((key) => Object.hasOwn(REQUEST_OPTION_KEYS, key)) &&
    keys.some((key) => !paramKeys.includes(key))
  );
}

/** Base of the generated resource classes (`client.admin.organization…`): each holds the client. */
export abstract class APIResource {
  declare protected readonly _client: BaseClient;

  constructor(client: BaseClient) {
    // Not enumerable: the resource tree stays printable and JSON-serializable without cycles.
    Object.defineProperty(this, '_client', { value: client, enumerable: false });
  }
}
