import type { IncomingMessage } from 'node:http';
import type { ApiModel } from '../model/model.js';
import type { Reply } from './reply.js';

/**
 * The paths where the mock plays an OAuth2 token server, one per client-credentials `tokenUrl`
 * the spec declares (`https://auth.example.com/oauth/token` → `/oauth/token`; a relative one
 * below the API's path), so that a client given `tokenURL` on the mock gets its tokens there.
 */
export function tokenPaths(model: ApiModel): string[] {
  const paths = new Set<string>();
  for (const { runtime } of model.client.auth) {
    if (runtime.type !== 'oauth2' || runtime.tokenUrl === undefined) continue;
    try {
      paths.add(new URL(runtime.tokenUrl, model.client.baseURL || 'http://localhost/').pathname);
    } catch {
      // A token URL that is no URL was reported when the spec was read.
    }
  }
  return [...paths];
}

/**
 * A client-credentials token request answered as RFC 6749 §4.4 says: any non-empty client id
 * and secret (HTTP Basic, or in the form) get a new bearer token valid for an hour.
 */
export function tokenReply(req: IncomingMessage, body: Buffer, issued: number): Reply {
  const form = new URLSearchParams(body.toString('utf8'));
  const refuse = (error: string, description: string, status = 400): Reply => ({
    status,
    body: { error, error_description: description },
  });
  if (req.method !== 'POST') return refuse('invalid_request', 'A token is requested with POST.', 405);
  if (form.get('grant_type') !== 'client_credentials')
    return refuse('unsupported_grant_type', 'The mock grants client_credentials only.');
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const [id, secret] =
    basic === undefined
      ? [form.get('client_id') ?? '', form.get('client_secret') ?? '']
      : Buffer.from(basic, 'base64').toString('utf8').split(':', 2);
  if (!id || !secret) return refuse('invalid_client', 'Send a client id and secret; the mock takes any.', 401);
  return {
    status: 200,
    body: { access_token: `mock_token_${String(issued).padStart(4, '0')}`, token_type: 'Bearer', expires_in: 3600 },
    headers: { 'cache-control': 'no-store' },
  };
}
