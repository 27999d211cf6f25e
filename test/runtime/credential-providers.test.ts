/**
 * Credentials that change: a function asked for each request, and OAuth2 client credentials
 * traded for tokens that are kept until they expire, fetched once for many requests, and
 * replaced once when the API refuses one. Against real servers on 127.0.0.1.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BaseClient } from '../../generator/runtime/client.js';
import { AuthenticationError, BadRequestError, SDKError } from '../../generator/runtime/errors.js';
import type { Logger } from '../../generator/runtime/log.js';
import { ClientCredentialsToken, clientCredentialsGrant } from '../../generator/runtime/oauth.js';
import type { AuthScheme, ClientOptions, Credential, Fetch } from '../../generator/runtime/types.js';
import { Recorder } from '../helpers/recorder.js';

const api = new Recorder();
const tokens = new Recorder();
beforeAll(async () => {
  await Promise.all([api.start(), tokens.start()]);
});
afterAll(async () => {
  await Promise.all([api.stop(), tokens.stop()]);
});

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

const OAUTH: AuthScheme = {
  type: 'oauth2',
  option: 'accessToken',
  env: 'SDKGEN_TEST_NEVER_SET_TOKEN',
  tokenUrl: '/oauth/token',
  clientIdOption: 'clientId',
  clientIdEnv: 'SDKGEN_TEST_NEVER_SET_ID',
  clientSecretOption: 'clientSecret',
  clientSecretEnv: 'SDKGEN_TEST_NEVER_SET_SECRET',
};

function client(
  credentials: Record<string, Credential | undefined>,
  options: ClientOptions = {},
  auth: AuthScheme = OAUTH,
): BaseClient {
  return new BaseClient(
    { baseURL: api.url, maxRetries: 0, ...options },
    { baseURL: api.url, auth: [auth], credentials, clientCredentials: clientCredentialsGrant },
  );
}

const get = (c: BaseClient, path = '/thing'): Promise<unknown> => c.request<unknown>({ method: 'get', path });

describe('a credential given as a function', () => {
  beforeEach(() => api.reset((_req, res) => json(res, 200, { ok: true })));

  it('is asked for each request, sync or async, and its value sent', async () => {
    let calls = 0;
    const bearer: AuthScheme = { type: 'bearer', option: 'apiKey' };
    const sync = client({ apiKey: () => `key-${++calls}` }, {}, bearer);
    await get(sync);
    await get(sync);
    const async = client({ apiKey: async () => `async-key-${++calls}` }, {}, bearer);
    await get(async);
    expect(api.seen.map((s) => s.headers.authorization)).toEqual([
      'Bearer key-1',
      'Bearer key-2',
      'Bearer async-key-3',
    ]);
  });

  it('is masked in errors and logs, whatever value it gave', async () => {
    api.reset((req, res) => json(res, 401, { error: { message: `bad key ${req.headers.authorization}` } }));
    const lines: string[] = [];
    const logger: Logger = {
      debug: (...a) => lines.push(a.map(String).join(' ')),
      info: (...a) => lines.push(a.map(String).join(' ')),
      warn: (...a) => lines.push(a.map(String).join(' ')),
      error: (...a) => lines.push(a.map(String).join(' ')),
    };
    const c = client(
      { apiKey: async () => 'rotating-secret-1234' },
      { logLevel: 'debug', logger },
      {
        type: 'bearer',
        option: 'apiKey',
      },
    );
    const error = await get(c).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    const seen = `${(error as Error).message} ${JSON.stringify((error as AuthenticationError).error)} ${lines.join('\n')}`;
    expect(seen).toContain('[redacted]');
    expect(seen).not.toContain('rotating-secret-1234');
  });

  it('that throws, or gives no string, stops the call before anything is sent', async () => {
    const bearer: AuthScheme = { type: 'bearer', option: 'apiKey' };
    await expect(
      get(
        client(
          {
            apiKey: () => {
              throw new Error('vault sealed');
            },
          },
          {},
          bearer,
        ),
      ),
    ).rejects.toThrow(/The `apiKey` function failed: vault sealed\. No request was sent\./);
    await expect(get(client({ apiKey: (() => 42) as unknown as Credential }, {}, bearer))).rejects.toThrow(SDKError);
    expect(api.seen).toHaveLength(0);
  });
});

describe('OAuth2 client credentials', () => {
  let issued = 0;
  beforeEach(() => {
    issued = 0;
    tokens.reset((_req, res) =>
      json(res, 200, { access_token: `token-${++issued}`, token_type: 'bearer', expires_in: 3600 }),
    );
    api.reset((req, res) => json(res, 200, { auth: req.headers.authorization }));
  });
  const options = (): ClientOptions => ({ tokenURL: `${tokens.url}/oauth/token` });

  it('fetches one token for many requests at once, authenticating with HTTP Basic (RFC 6749)', async () => {
    const c = client({ clientId: 'my id', clientSecret: 's3cr3t:&' }, options());
    const answers = await Promise.all(Array.from({ length: 5 }, () => get(c)));
    await get(c);
    expect(answers).toEqual(Array.from({ length: 5 }, () => ({ auth: 'Bearer token-1' })));
    expect(tokens.seen).toHaveLength(1);
    const [request] = tokens.seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/oauth/token');
    expect(request?.body).toBe('grant_type=client_credentials');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    // Id and secret form-encoded, then joined: `my+id:s3cr3t%3A%26`.
    expect(Buffer.from(request?.headers.authorization?.slice(6) ?? '', 'base64').toString()).toBe('my+id:s3cr3t%3A%26');
  });

  it('uses a token given as an option instead, and fetches none', async () => {
    expect(await get(client({ accessToken: 'given', clientId: 'id', clientSecret: 'secret' }, options()))).toEqual({
      auth: 'Bearer given',
    });
    expect(tokens.seen).toHaveLength(0);
  });

  it('fetches a new token once when the API refuses one (401), and gives up on a second refusal', async () => {
    let refusals = 1;
    api.reset((req, res) =>
      refusals-- > 0 ? json(res, 401, { error: 'expired' }) : json(res, 200, { auth: req.headers.authorization }),
    );
    const c = client({ clientId: 'id', clientSecret: 'secret' }, options());
    expect(await get(c)).toEqual({ auth: 'Bearer token-2' });
    expect(tokens.seen).toHaveLength(2);
    api.reset((_req, res) => json(res, 401, { error: 'no' }));
    await expect(get(c)).rejects.toBeInstanceOf(AuthenticationError);
    expect(api.seen).toHaveLength(2);
    expect(tokens.seen).toHaveLength(3);
  });

  it('reports a token endpoint that refuses, or answers without a token, naming no secret', async () => {
    tokens.reset((_req, res) =>
      json(res, 400, { error: 'invalid_client', error_description: 'secret-abcdef is wrong' }),
    );
    const refused = await get(client({ clientId: 'id', clientSecret: 'secret-abcdef' }, options())).catch((e) => e);
    expect(refused).toBeInstanceOf(BadRequestError);
    expect(JSON.stringify((refused as BadRequestError).error)).not.toContain('secret-abcdef');
    tokens.reset((_req, res) => json(res, 200, { token_type: 'bearer' }));
    await expect(get(client({ clientId: 'id', clientSecret: 'secret' }, options()))).rejects.toThrow(
      /answered without an access_token/,
    );
    expect(api.seen).toHaveLength(0);
  });

  it('takes the client id and secret as functions too', async () => {
    const c = client({ clientId: async () => 'id', clientSecret: () => 'from-vault' }, options());
    expect(await get(c)).toEqual({ auth: 'Bearer token-1' });
    expect(Buffer.from(tokens.seen[0]?.headers.authorization?.slice(6) ?? '', 'base64').toString()).toBe(
      'id:from-vault',
    );
  });
});

describe('a client generated without a token grant', () => {
  it('refuses client credentials it cannot trade, rather than sending none', () => {
    expect(
      () =>
        new BaseClient(
          { baseURL: api.url },
          { baseURL: api.url, auth: [OAUTH], credentials: { clientId: 'id', clientSecret: 'secret' } },
        ),
    ).toThrow(/generated without OAuth2 client credentials/);
  });
});

describe('ClientCredentialsToken', () => {
  it('keeps a token until shortly before it expires, and forgets one only the API refused', async () => {
    let now = 0;
    let issued = 0;
    const fetch: Fetch = async () =>
      new Response(JSON.stringify({ access_token: `t${++issued}`, expires_in: 120 }), { status: 200 });
    const token = new ClientCredentialsToken({
      tokenURL: 'https://auth.example/token',
      clientId: 'id',
      clientSecret: 'secret',
      fetch,
      timeout: 1000,
      learn: () => undefined,
      statusError: () => {
        throw new Error('not refused here');
      },
      now: () => now,
    });
    expect(await token.get()).toBe('t1');
    now = 89_000; // 120 s less a 30 s margin
    expect(await token.get()).toBe('t1');
    now = 90_000;
    expect(await token.get()).toBe('t2');
    token.invalidate('t1'); // an older token: t2 stays
    expect(await token.get()).toBe('t2');
    token.invalidate('t2');
    expect(await token.get()).toBe('t3');
  });
});
