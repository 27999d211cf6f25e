/**
 * `sdkgen mock` as the OAuth2 token server of a spec that declares client credentials: a client
 * given `tokenURL` on the mock trades any id and secret for a token, and calls the API with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { type MockServer, startMockServer } from '../../generator/mock/mock-server.js';
import { buildModel } from '../../generator/model/build-model.js';
import { ROOT } from '../helpers/paths.js';

const { model } = buildModel(loadSpec('test/fixtures/multi-file/openapi.yaml', { cwd: ROOT }));
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer(model);
});
afterAll(() => mock.close());

const token = (body: string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(mock.tokenURL ?? '', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });

describe('the mock token endpoint', () => {
  it('is at the path of the spec’s tokenUrl, on the mock', () => {
    expect(mock.tokenURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/token$/);
  });

  it('grants a new bearer token for any client id and secret, by Basic auth or in the form', async () => {
    const basic = `Basic ${Buffer.from('my-id:my-secret').toString('base64')}`;
    const first = await token('grant_type=client_credentials', { authorization: basic });
    expect(first.status).toBe(200);
    const granted = (await first.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(granted).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const second = (await (
      await token('grant_type=client_credentials&client_id=a&client_secret=b')
    ).json()) as typeof granted;
    expect(second.access_token).not.toBe(granted.access_token);
  });

  it('refuses a request without client credentials, or for another grant, as RFC 6749 says', async () => {
    const missing = await token('grant_type=client_credentials');
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: 'invalid_client' });
    const password = await token('grant_type=password&client_id=a&client_secret=b');
    expect(password.status).toBe(400);
    expect(await password.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });
});
