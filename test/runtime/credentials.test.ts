import type { ServerResponse } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BaseClient } from '../../generator/runtime/client.js';
import { APIError, SDKError } from '../../generator/runtime/errors.js';
import type { Logger } from '../../generator/runtime/log.js';
import { secretSpellings } from '../../generator/runtime/redact.js';
import type { AuthScheme, ClientOptions } from '../../generator/runtime/types.js';
import { Recorder, type Seen } from '../helpers/recorder.js';

/**
 * What must be true of credentials: none reaches an origin other than the API's, and none
 * appears in an error (message, stack, cause, body, headers) or a log line, in any spelling.
 */

const api = new Recorder();
const elsewhere = new Recorder();
beforeAll(async () => {
  await Promise.all([api.start(), elsewhere.start()]);
});
afterAll(async () => {
  await Promise.all([api.stop(), elsewhere.stop()]);
});

const KEY = 'sk-live-CREDENTIAL-0123456789';

/** Every place a key can live, as a security scheme of the spec. */
const SCHEMES: Record<string, AuthScheme> = {
  bearer: { type: 'bearer', option: 'apiKey' },
  basic: { type: 'basic', option: 'apiKey', passwordOption: 'password' },
  header: { type: 'header', option: 'apiKey', name: 'X-API-Key' },
  query: { type: 'query', option: 'apiKey', name: 'api_key' },
  cookie: { type: 'cookie', option: 'apiKey', name: 'session' },
};

function clientWith(scheme: AuthScheme, key: string, options: ClientOptions = {}): BaseClient {
  return new BaseClient(
    { baseURL: api.url, maxRetries: 0, ...options },
    // The key is HTTP Basic's password as well as its username: either is a credential.
    { baseURL: api.url, auth: [scheme], credentials: { apiKey: key, password: key } },
  );
}

/** Whether a request carried the key anywhere: a header, the URL, the body, in any spelling. */
function carriesKey(request: Seen, key: string): boolean {
  const headers = Object.values(request.headers).flat();
  // HTTP Basic sends `username:password` in base64, where the key alone may fall at any alignment.
  const basic = headers.flatMap((value) => {
    const encoded = /^Basic\s+(\S+)$/i.exec(String(value))?.[1];
    return encoded === undefined ? [] : [Buffer.from(encoded, 'base64').toString('utf8')];
  });
  const text = [request.url, request.body, ...headers, ...basic].join('\n');
  return secretSpellings([key]).some((spelling) => text.includes(spelling));
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

describe('redirects', () => {
  const CODES = [301, 302, 303, 307, 308];

  for (const [place, scheme] of Object.entries(SCHEMES)) {
    for (const code of CODES) {
      it(`follows a ${code} to another origin without the ${place} credential`, async () => {
        api.reset((_req, res) => {
          res.writeHead(code, { location: `${elsewhere.url}/landing?keep=1` });
          res.end();
        });
        elsewhere.reset((_req, res) => json(res, 200, { landed: true }));
        const result = await clientWith(scheme, KEY).request({ method: 'get', path: '/start' });
        expect(result).toEqual({ landed: true });
        expect(carriesKey(api.seen[0] as Seen, KEY)).toBe(true);
        expect(elsewhere.seen).toHaveLength(1);
        expect(elsewhere.seen[0]?.url).toBe('/landing?keep=1');
        expect(carriesKey(elsewhere.seen[0] as Seen, KEY)).toBe(false);
      });

      it(`keeps the ${place} credential on a ${code} within the same origin`, async () => {
        api.reset((req, res) => {
          if (req.url?.startsWith('/start')) {
            res.writeHead(code, { location: '/moved' });
            res.end();
          } else json(res, 200, { moved: true });
        });
        await expect(clientWith(scheme, KEY).request({ method: 'get', path: '/start' })).resolves.toEqual({
          moved: true,
        });
        expect(api.seen.map((r) => r.url.split('?')[0])).toEqual(['/start', '/moved']);
        // A query credential goes where the Location says, as with fetch: it names the whole URL.
        expect(carriesKey(api.seen[1] as Seen, KEY)).toBe(place !== 'query');
      });
    }
  }

  for (const code of [307, 308]) {
    it(`refuses to re-send a POST body to another origin on ${code}, and sends nothing there`, async () => {
      api.reset((_req, res) => {
        res.writeHead(code, { location: `${elsewhere.url}/steal` });
        res.end();
      });
      elsewhere.reset((_req, res) => json(res, 200, {}));
      const error = await clientWith(SCHEMES['header'] as AuthScheme, KEY)
        .request({ method: 'post', path: '/charges', body: { amount: 100 } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SDKError);
      expect((error as Error).message).toMatch(/redirected \(\d+\) to another origin, http:\/\/127\.0\.0\.1:\d+/);
      expect(elsewhere.seen).toEqual([]);
      expect(api.seen).toHaveLength(1); // refused at once: not retried
    });

    it(`re-sends a POST body on ${code} within the same origin`, async () => {
      api.reset((req, res, body) => {
        if (req.url !== '/old') return json(res, 200, { body });
        res.writeHead(code, { location: '/new' });
        res.end();
      });
      await expect(
        clientWith(SCHEMES['bearer'] as AuthScheme, KEY).request({ method: 'post', path: '/old', body: { a: 1 } }),
      ).resolves.toEqual({ body: '{"a":1}' });
      expect(api.seen.map((r) => r.method)).toEqual(['POST', 'POST']);
    });
  }

  it('turns a POST into a GET without its body on 303, as fetch does, and drops the credential off-origin', async () => {
    api.reset((_req, res) => {
      res.writeHead(303, { location: `${elsewhere.url}/result` });
      res.end();
    });
    elsewhere.reset((_req, res) => json(res, 200, { done: true }));
    await clientWith(SCHEMES['query'] as AuthScheme, KEY).request({ method: 'post', path: '/jobs', body: { a: 1 } });
    expect(elsewhere.seen.map((r) => [r.method, r.body, r.headers['content-type']])).toEqual([['GET', '', undefined]]);
    expect(carriesKey(elsewhere.seen[0] as Seen, KEY)).toBe(false);
  });

  it('strips a query credential that the Location itself carries to another origin', async () => {
    api.reset((_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/x?api_key=${KEY}&page=2` });
      res.end();
    });
    elsewhere.reset((_req, res) => json(res, 200, {}));
    await clientWith(SCHEMES['query'] as AuthScheme, KEY).request({ method: 'get', path: '/x' });
    expect(elsewhere.seen[0]?.url).toBe('/x?page=2');
  });

  it('drops hand-set Authorization and Cookie headers too when the origin changes', async () => {
    api.reset((_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/x` });
      res.end();
    });
    elsewhere.reset((_req, res) => json(res, 200, {}));
    const client = new BaseClient(
      { maxRetries: 0, defaultHeaders: { Authorization: `Token ${KEY}`, Cookie: `sid=${KEY}`, 'X-Trace': 'kept' } },
      { baseURL: api.url, auth: [], credentials: {} },
    );
    await client.request({ method: 'get', path: '/x' });
    expect(carriesKey(elsewhere.seen[0] as Seen, KEY)).toBe(false);
    expect(elsewhere.seen[0]?.headers['x-trace']).toBe('kept');
  });

  it('stops after 20 redirects, and refuses schemes other than http and https', async () => {
    api.reset((req, res) => {
      res.writeHead(302, { location: req.url === '/file' ? 'file:///etc/passwd' : '/loop' });
      res.end();
    });
    const client = clientWith(SCHEMES['bearer'] as AuthScheme, KEY);
    await expect(client.request({ method: 'get', path: '/loop' })).rejects.toThrow(/redirected more than 20 times/);
    expect(api.seen).toHaveLength(21);
    await expect(client.request({ method: 'get', path: '/file' })).rejects.toThrow(/a file: URL; only http and https/);
  });
});

describe('errors and logs never show a credential', () => {
  function capture(): { lines: string[]; logger: Logger } {
    const lines: string[] = [];
    const push =
      (level: string) =>
      (message: string, ...details: unknown[]): void => {
        lines.push(`${level} ${message} ${JSON.stringify(details)}`);
      };
    return { lines, logger: { error: push('error'), warn: push('warn'), info: push('info'), debug: push('debug') } };
  }

  /** Everything an error exposes, as text: message, stack, causes, body, headers. */
  function errorText(error: unknown, depth = 0): string {
    if (!(error instanceof Error) || depth > 5) return typeof error === 'string' ? error : '';
    const api = error instanceof APIError ? error : undefined;
    const headers: string[] = [];
    api?.headers?.forEach((value, name) => {
      headers.push(`${name}: ${value}`);
    });
    return [
      error.message,
      error.stack ?? '',
      JSON.stringify(api?.error ?? null),
      ...headers,
      ...Object.entries(error).map(([k, v]) => `${k}=${typeof v === 'string' ? v : ''}`),
      errorText(error.cause, depth + 1),
    ].join('\n');
  }

  const leaks = (text: string, key: string): string[] => secretSpellings([key]).filter((s) => text.includes(s));

  it('keeps a key with line breaks and NUL out of the error, and fails before sending anything', async () => {
    // Basic sends base64, which carries any byte: only the other header places can be broken.
    for (const place of ['bearer', 'header', 'cookie']) {
      api.reset((_req, res) => json(res, 200, {}));
      const key = `sk-abc\r\nInjected: yes\0-${place}-tail`;
      const error = await clientWith(SCHEMES[place] as AuthScheme, key, { maxRetries: 3 })
        .request({ method: 'get', path: '/x' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SDKError);
      expect((error as Error).message).toMatch(
        /^The `apiKey` credential has a carriage return at position 7 of \d+, which HTTP headers cannot carry: check that option\./,
      );
      expect(leaks(errorText(error), key)).toEqual([]);
      expect(api.seen).toEqual([]);
    }
  });

  it('masks URL-encoded query keys in debug logs, the raw key in echoed bodies and headers', async () => {
    const key = 'k/ey+with=odd&chars%20and spaces';
    api.reset((req, res) =>
      json(
        res,
        401,
        { error: { message: `bad key ${decodeURIComponent(req.url ?? '')}` }, url: req.url },
        {
          'x-echo': encodeURIComponent(key),
        },
      ),
    );
    const { lines, logger } = capture();
    const error = await clientWith(SCHEMES['query'] as AuthScheme, key, { logLevel: 'debug', logger })
      .request({ method: 'get', path: '/x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(lines.length).toBeGreaterThan(1);
    expect(leaks(lines.join('\n'), key)).toEqual([]);
    expect(leaks(errorText(error), key)).toEqual([]);
    expect(lines[0]).toContain('api_key=[redacted]');
  });

  it('holds for any key, in any place, whatever the server does (fuzz)', async () => {
    const outcomes = ['echo-401', 'echo-bad-json', 'drop', 'redirect-away'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', minLength: 10, maxLength: 40 }).filter((k) => k.trim().length >= 10),
        fc.constantFrom(...Object.keys(SCHEMES)),
        fc.constantFrom(...outcomes),
        async (key, place, outcome) => {
          api.reset((req, res, body) => {
            const echo = `${req.url} ${JSON.stringify(req.headers)} ${body}`;
            switch (outcome) {
              case 'echo-401':
                return json(
                  res,
                  401,
                  { message: echo, decoded: safeDecode(echo) },
                  { 'x-echo': encodeURIComponent(echo) },
                );
              case 'echo-bad-json':
                res.writeHead(200, { 'content-type': 'application/json' });
                return res.end(`{"oops": ${echo}`);
              case 'drop':
                return req.socket.destroy();
              case 'redirect-away':
                res.writeHead(302, { location: `${elsewhere.url}/x` });
                return res.end();
            }
          });
          elsewhere.reset((req, res) => json(res, 500, { saw: `${req.url} ${JSON.stringify(req.headers)}` }));
          const { lines, logger } = capture();
          const error = await clientWith(SCHEMES[place] as AuthScheme, key, { logLevel: 'debug', logger })
            .request({ method: 'post', path: '/x', body: { note: 'hello' } })
            .catch((e: unknown) => e);
          expect(error).toBeInstanceOf(SDKError);
          expect(leaks(`${errorText(error)}\n${lines.join('\n')}`, key)).toEqual([]);
          for (const request of elsewhere.seen) expect(carriesKey(request, key)).toBe(false);
        },
      ),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 150), seed: Number(process.env['FUZZ_SEED'] ?? 23) },
    );
  });
});

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
