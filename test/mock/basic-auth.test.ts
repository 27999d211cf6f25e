/**
 * HTTP Basic end to end, on a spec shaped like Mux's (one `http`/`basic` scheme named
 * `accessToken`, a token id and secret as username and password): the model's options, the
 * client's header and the mock's check agree, and a key sent alone is refused as Mux refuses it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { type MockServer, startMockServer } from '../../generator/mock/mock-server.js';
import { buildModel } from '../../generator/model/build-model.js';
import { BaseClient } from '../../generator/runtime/client.js';
import { AuthenticationError } from '../../generator/runtime/errors.js';
import type { Credential } from '../../generator/runtime/types.js';
import { specDir } from '../helpers/spec-files.js';

const MUX = `openapi: 3.0.0
info: {title: Mux API, version: v1}
servers: [{url: 'https://api.mux.com'}]
security: [{accessToken: []}]
paths:
  /video/v1/assets:
    get:
      operationId: list-assets
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {data: {type: array, items: {type: object, properties: {id: {type: string}}}}}}
components:
  securitySchemes:
    accessToken:
      type: http
      scheme: basic
      description: A Mux access token id and secret, as username and password.
`;

const { model } = buildModel(loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': MUX }) }));
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer(model);
});
afterAll(() => mock.close());

function client(credentials: Record<string, Credential | undefined>): BaseClient {
  return new BaseClient(
    { baseURL: mock.baseURL, maxRetries: 0 },
    {
      baseURL: model.client.baseURL,
      auth: model.client.auth.map((a) => a.runtime),
      credentials,
      defaultAuth: model.client.defaultAuth,
    },
  );
}

const list = (c: BaseClient): Promise<unknown> => c.request({ method: 'get', path: '/video/v1/assets' });

describe('HTTP Basic, from the spec to the mock', () => {
  it('takes `username` and `password` options, read from MUX_USERNAME and MUX_PASSWORD', () => {
    expect(model.client.auth.map((a) => a.runtime)).toEqual([
      {
        type: 'basic',
        option: 'username',
        env: 'MUX_USERNAME',
        passwordOption: 'password',
        passwordEnv: 'MUX_PASSWORD',
      },
    ]);
  });

  it('is accepted by the mock as `Basic base64(username:password)`', async () => {
    expect(await list(client({ username: 'token-id', password: 'token-secret' }))).toMatchObject({
      data: expect.any(Array),
    });
  });

  it('is refused by the mock when a key comes alone, as the real API refuses it', async () => {
    const alone = await fetch(`${mock.baseURL}/video/v1/assets`, {
      headers: { authorization: `Basic ${Buffer.from('just-a-key').toString('base64')}` },
    });
    expect(alone.status).toBe(401);
    expect(await alone.text()).toContain('base64 of `username:password`');
    await expect(
      client({}).request({ method: 'get', path: '/video/v1/assets', headers: { authorization: 'Basic a2V5' } }),
    ).rejects.toBeInstanceOf(AuthenticationError);
  });
});
