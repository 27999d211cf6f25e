/**
 * Credentials that change: a function asked for each request, and OAuth2 client credentials
 * traded for tokens that are kept until they expire, fetched once for many requests, and
 * replaced once when the API refuses one. Against real servers on 127.0.0.1.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BaseClient } from '../../generator/runtime/client.js';
import {
  APIError,
  AuthenticationError,
  MissingCredentialsError,
  SDKError,
  TokenRequestError,
} from '../../generator/runtime/errors.js';
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

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
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
    expect(refused).toBeInstanceOf(TokenRequestError);
    expect(JSON.stringify((refused as TokenRequestError).error)).not.toContain('secret-abcdef');
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

describe('a token request that fails', () => {
  const options = (maxRetries = 2): ClientOptions => ({ tokenURL: `${tokens.url}/oauth/token`, maxRetries });
  beforeEach(() => api.reset((req, res) => json(res, 200, { auth: req.headers.authorization })));

  it('is a TokenRequestError naming the token URL and the OAuth error, not the API’s 401, and is not retried', async () => {
    tokens.reset((req, res) =>
      json(res, 401, {
        error: 'invalid_client',
        error_description: `Client authentication failed for ${req.headers.authorization}`,
      }),
    );
    const error = await get(client({ clientId: 'my-client', clientSecret: 'secret-0123456789' }, options())).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TokenRequestError);
    expect(error).toBeInstanceOf(APIError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    const refused = error as TokenRequestError;
    expect(refused.tokenURL).toBe(`${tokens.url}/oauth/token`);
    expect(refused.status).toBe(401);
    expect(refused.code).toBe('invalid_client');
    expect(refused.message).toBe(
      `The OAuth2 token request to ${tokens.url}/oauth/token was answered 401: invalid_client: Client authentication failed for Basic [redacted].`,
    );
    // The echoed `Basic base64(id:secret)` is masked wherever it was kept.
    const basic = Buffer.from('my-client:secret-0123456789').toString('base64');
    expect(JSON.stringify([refused.message, refused.error, refused.description, refused.stack])).not.toContain(basic);
    // invalid_client would be refused again: one try, and the API never asked.
    expect(tokens.seen).toHaveLength(1);
    expect(api.seen).toHaveLength(0);
  });

  it('is retried as requests are: after 5xx, 429 with Retry-After, and a dropped connection', async () => {
    const answers = [
      (res: ServerResponse) => json(res, 503, { error: 'temporarily_unavailable' }, { 'retry-after': '0' }),
      (res: ServerResponse) => json(res, 429, { error: 'slow_down' }, { 'retry-after': '0' }),
      (res: ServerResponse) => res.socket?.destroy(),
    ];
    tokens.reset((_req, res) => {
      const answer = answers.shift();
      if (answer !== undefined) answer(res);
      else json(res, 200, { access_token: 'token-after-retries', expires_in: 3600 });
    });
    const c = client({ clientId: 'id', clientSecret: 'secret' }, options(3));
    expect(await get(c)).toEqual({ auth: 'Bearer token-after-retries' });
    expect(tokens.seen).toHaveLength(4);
  });

  it('gives up after maxRetries, with the last answer', async () => {
    tokens.reset((_req, res) => json(res, 500, { error: 'server_error' }, { 'retry-after': '0' }));
    const error = await get(client({ clientId: 'id', clientSecret: 'secret' }, options(2))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRequestError);
    expect((error as TokenRequestError).status).toBe(500);
    expect((error as TokenRequestError).code).toBe('server_error');
    expect(tokens.seen).toHaveLength(3);
    expect(api.seen).toHaveLength(0);
  });
});

describe('HTTP Basic', () => {
  const BASIC: AuthScheme = {
    type: 'basic',
    option: 'username',
    env: 'SDKGEN_TEST_NEVER_SET_USERNAME',
    passwordOption: 'password',
    passwordEnv: 'SDKGEN_TEST_NEVER_SET_PASSWORD',
  };
  beforeEach(() => api.reset((req, res) => json(res, 200, { auth: req.headers.authorization })));

  it('sends `Authorization: Basic base64(username:password)` from two options, or functions', async () => {
    const basic = (user: string, password: string): string =>
      `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    expect(await get(client({ username: 'token-id', password: 'token-secret' }, {}, BASIC))).toEqual({
      auth: basic('token-id', 'token-secret'),
    });
    expect(await get(client({ username: () => 'id', password: async () => 'pässword' }, {}, BASIC))).toEqual({
      auth: basic('id', 'pässword'),
    });
  });

  it('reads the environment variables when the options are left out', async () => {
    process.env['SDKGEN_TEST_BASIC_USER'] = 'env-user';
    process.env['SDKGEN_TEST_BASIC_PASSWORD'] = 'env-password';
    try {
      const fromEnv: AuthScheme = {
        ...BASIC,
        env: 'SDKGEN_TEST_BASIC_USER',
        passwordEnv: 'SDKGEN_TEST_BASIC_PASSWORD',
      };
      expect(await get(client({}, {}, fromEnv))).toEqual({
        auth: `Basic ${Buffer.from('env-user:env-password').toString('base64')}`,
      });
    } finally {
      delete process.env['SDKGEN_TEST_BASIC_USER'];
      delete process.env['SDKGEN_TEST_BASIC_PASSWORD'];
    }
  });

  it('refuses, before sending, a missing password, a colon in the username, a control character', async () => {
    const missing = await get(client({ username: 'id' }, {}, BASIC)).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(MissingCredentialsError);
    expect((missing as MissingCredentialsError).option).toBe('password');
    expect((missing as MissingCredentialsError).envVar).toBe('SDKGEN_TEST_NEVER_SET_PASSWORD');
    await expect(get(client({}, {}, BASIC))).rejects.toThrow(/`username` client option/);
    await expect(get(client({ username: 'id:secret', password: 'x' }, {}, BASIC))).rejects.toThrow(
      /The `username` credential holds a colon/,
    );
    await expect(get(client({ username: 'id', password: 'sec\u0007ret' }, {}, BASIC))).rejects.toThrow(
      /The `password` credential has the control character U\+0007/,
    );
    expect(api.seen).toHaveLength(0);
  });

  it('masks the password, and the pair, in what the server echoes', async () => {
    api.reset((req, res) =>
      json(res, 401, { error: { message: `bad ${req.headers.authorization} / password-0123456789` } }),
    );
    const error = (await get(client({ username: 'someone', password: 'password-0123456789' }, {}, BASIC)).catch(
      (e: unknown) => e,
    )) as AuthenticationError;
    const seen = JSON.stringify([error.message, error.error]);
    expect(seen).not.toContain('password-0123456789');
    expect(seen).not.toContain(Buffer.from('someone:password-0123456789').toString('base64'));
  });
});

describe('a spec with bearer and OAuth2 schemes', () => {
  it('names the option of the credential that cannot be sent, not the other scheme’s', async () => {
    api.reset((_req, res) => json(res, 200, {}));
    const bearer: AuthScheme = { type: 'bearer', option: 'personalAccessToken' };
    const oauth: AuthScheme = { type: 'bearer', option: 'accessToken' };
    const c = new BaseClient(
      { baseURL: api.url, maxRetries: 0 },
      { baseURL: api.url, auth: [bearer, oauth], credentials: { personalAccessToken: 'bad\nkey' } },
    );
    await expect(get(c)).rejects.toThrow(/^The `personalAccessToken` credential has a line feed/);
    const other = new BaseClient(
      { baseURL: api.url, maxRetries: 0 },
      { baseURL: api.url, auth: [bearer, oauth], credentials: { accessToken: 'bad\ntoken' } },
    );
    await expect(get(other)).rejects.toThrow(/^The `accessToken` credential has a line feed/);
    expect(api.seen).toHaveLength(0);
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
