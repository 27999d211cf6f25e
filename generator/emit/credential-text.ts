import { credentialOptions } from '../model/client.js';
import type { AuthScheme } from '../runtime/types.js';

/**
 * The options a client needs to send a scheme's credential, as example code writes them:
 * `apiKey: 'my key'`, or `username: 'my username', password: 'my password'`.
 */
export function credentialExample(scheme: AuthScheme, key = 'my key'): string {
  if (scheme.type === 'basic') return `${scheme.option}: 'my username', ${scheme.passwordOption}: 'my password'`;
  return `${scheme.option}: '${key}'`;
}

/**
 * A comment for `new Client()` that says where the credential comes from instead:
 * ` // apiKey defaults to process.env['X_API_KEY']`; empty without environment variables.
 */
export function envComment(scheme: AuthScheme | undefined): string {
  if (scheme === undefined) return '';
  // HTTP Basic needs both its options; a token's client id and secret are the alternative, not the rule.
  const needed = scheme.type === 'basic' ? credentialOptions(scheme) : credentialOptions(scheme).slice(0, 1);
  const read = needed.filter((o) => o.env !== undefined);
  if (read.length === 0 || read.length < needed.length) return '';
  const options = read.map((o) => o.option).join(' and ');
  const variables = read.map((o) => `process.env['${o.env}']`).join(' and ');
  return ` // ${options} ${read.length === 1 ? 'defaults' : 'default'} to ${variables}`;
}
