import { SDKError } from './errors.js';
import type { Credential } from './types.js';

/** A credential's value now: called if it is a function; `undefined` when empty. */
export async function resolveCredential(credential: Credential | undefined): Promise<string | undefined> {
  const value = typeof credential === 'function' ? await credential() : credential;
  if (value !== undefined && typeof value !== 'string')
    throw new SDKError(`A credential function must give a string, not ${typeof value}.`);
  return value === undefined || value === '' ? undefined : value;
}
