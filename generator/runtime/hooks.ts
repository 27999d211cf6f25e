import { SDKError } from './errors.js';
import { checkHeaders } from './headers.js';
import type { Mask } from './redact.js';
import type { HookRequest, Hooks } from './types.js';

/** A try's hook request as built before the hooks run: without `redactedURL`, which this module adds. */
export type TryRequest = Omit<HookRequest, 'redactedURL'>;

/**
 * The try as the `onRequest` hooks leave it, on a copy of its headers. Its `redactedURL` is the
 * URL as it may be logged: each credential masked, those of the query parameters a scheme names
 * (`credentialQuery`) whatever their value.
 */
export async function beforeTry(
  hooks: readonly (Hooks | undefined)[],
  request: TryRequest,
  credentialQuery: readonly string[],
  mask: Mask,
): Promise<HookRequest> {
  const open = { ...request, headers: { ...request.headers } } as HookRequest;
  Object.defineProperty(open, 'redactedURL', {
    get: () => redactURL(open.url, credentialQuery, mask),
    enumerable: false,
  });
  for (const hook of hooks) await hook?.onRequest?.(open);
  if (typeof open.url !== 'string' || !/^https?:\/\//i.test(open.url))
    throw new SDKError(`An onRequest hook set the URL to ${JSON.stringify(open.url)}, which is not an http(s) URL.`);
  checkHeaders(open.headers);
  return open;
}

/** Tells the `onResponse` hooks of a response, and the `onError` hooks of a failure. */
export async function afterTry(
  hooks: readonly (Hooks | undefined)[],
  outcome: { readonly response?: Response | undefined; readonly error?: Error | undefined },
  request: HookRequest,
): Promise<void> {
  const { response, error } = outcome;
  if (response !== undefined) for (const hook of hooks) await hook?.onResponse?.(response, request);
  if (error !== undefined) for (const hook of hooks) await hook?.onError?.(error, request);
}

/** `url` with every credential masked: known values in any spelling, and credential query parameters whatever they hold. */
export function redactURL(url: string, credentialQuery: readonly string[], mask: Mask): string {
  let out = mask.string(url);
  for (const name of credentialQuery) {
    const escaped = encodeURIComponent(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`([?&]${escaped}=)[^&#]*`, 'g'), '$1[redacted]');
  }
  return out;
}
