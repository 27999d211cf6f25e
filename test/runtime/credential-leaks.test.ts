/**
 * No credential where it does not belong: headers a hook sets are left behind on a redirect to
 * another origin like the client's own, and a credential a server echoes back (in a body nested
 * at any depth, a header, an event of a stream, a token endpoint's answer, a body that fails
 * validation or parsing) is masked in every spelling it can take, wherever the error or a log
 * line shows it. Against real servers on 127.0.0.1.
 */
import type { ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BaseClient } from '../../generator/runtime/client.js';
import { APIError, ResponseValidationError, SDKError } from '../../generator/runtime/errors.js';
import type { Logger } from '../../generator/runtime/log.js';
import { clientCredentialsGrant } from '../../generator/runtime/oauth.js';
import { base64, secretSpellings } from '../../generator/runtime/redact.js';
import { streamOf } from '../../generator/runtime/stream.js';
import type {
  AuthScheme,
  ClientOptions,
  Credential,
  RequestOptions,
  ResponseValidator,
} from '../../generator/runtime/types.js';
import { watchBody } from '../../generator/runtime/watch-body.js';
import { Recorder } from '../helpers/recorder.js';

const api = new Recorder();
const elsewhere = new Recorder();
beforeAll(async () => {
  await Promise.all([api.start(), elsewhere.start()]);
});
afterAll(async () => {
  await Promise.all([api.stop(), elsewhere.stop()]);
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

const BEARER: AuthScheme = { type: 'bearer', option: 'adminAPIKey' };
const BASIC: AuthScheme = { type: 'basic', option: 'username', passwordOption: 'password' };
const HEADER: AuthScheme = { type: 'header', option: 'apiKey', name: 'X-Admin-Token' };
const OAUTH: AuthScheme = {
  type: 'oauth2',
  option: 'accessToken',
  tokenUrl: '/oauth/token',
  clientIdOption: 'clientId',
  clientSecretOption: 'clientSecret',
};

function client(auth: AuthScheme, credentials: Record<string, Credential>, options: ClientOptions = {}): BaseClient {
  return new BaseClient(
    { maxRetries: 0, ...options },
    { baseURL: api.url, auth: [auth], credentials, clientCredentials: clientCredentialsGrant },
  );
}

/** Every text an error shows: message, stack, fields, `util.inspect` and `JSON.stringify`, causes included. */
function shown(error: unknown): string {
  const parts: string[] = [inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    parts.push(e.message, e.stack ?? '', safeStringify(e));
    for (const value of Object.values(e)) {
      if (value instanceof Headers)
        value.forEach((v, k) => {
          parts.push(`${k}: ${v}`);
        });
      else parts.push(typeof value === 'string' ? value : safeStringify(value));
    }
  }
  return parts.join('\n');
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return inspect(value, { depth: Number.POSITIVE_INFINITY });
  }
}

/** The spellings of `secret` (raw, URL, JSON, base64 at any alignment…) that `text` holds. */
const leaks = (text: string, secret: string): string[] => secretSpellings([secret]).filter((s) => text.includes(s));

function capture(): { lines: string[]; logger: Logger } {
  const lines: string[] = [];
  const log =
    (level: string) =>
    (message: string, ...details: unknown[]): void => {
      lines.push(`${level} ${message} ${details.map((d) => safeStringify(d)).join(' ')}`);
    };
  return { lines, logger: { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') } };
}

const fail = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );

describe('a redirect to another origin', () => {
  const credentialHeaders = [
    'Authorization',
    'authorization',
    'COOKIE',
    'Proxy-Authorization',
    'X-API-Key',
    'x-Api-KEY',
    'Api-Key',
    'X-Admin-Token', // the spec's apiKey header
    'x-admin-token',
  ];

  it('leaves behind every credential header a hook sets, in any case, and keeps the others', async () => {
    api.reset((_req, res) => res.writeHead(302, { location: `${elsewhere.url}/landing` }).end());
    elsewhere.reset((_req, res) => json(res, 200, { ok: true }));
    const c = client(HEADER, { apiKey: 'sk-admin-123456' }, { maxRetries: 0 });
    await c.request(
      { method: 'get', path: '/start' },
      {
        onRequest: (request) => {
          for (const name of credentialHeaders) request.headers[name] = `secret-of-${name}`;
          request.headers['X-Copied'] = 'Bearer sk-admin-123456'; // the client's own key, under a name it does not know
          request.headers['X-Trace'] = 'trace-1';
        },
      },
    );
    expect(api.seen).toHaveLength(1);
    expect(elsewhere.seen).toHaveLength(1);
    const sent = elsewhere.seen[0]?.headers ?? {};
    expect(Object.keys(sent).filter((name) => JSON.stringify(sent[name]).includes('secret'))).toEqual([]);
    expect(sent['x-copied']).toBeUndefined();
    expect(sent['x-trace']).toBe('trace-1');
  });

  it('keeps the hook’s headers on a redirect within the origin', async () => {
    api.reset((req, res) => {
      if (req.url === '/start') return res.writeHead(307, { location: '/next' }).end();
      json(res, 200, { ok: true });
    });
    await client(BEARER, { adminAPIKey: 'sk-1234' }).request(
      { method: 'get', path: '/start' },
      {
        onRequest: (request) => {
          request.headers['X-API-Key'] = 'hook-key';
        },
      },
    );
    expect(api.seen.map((r) => r.headers['x-api-key'])).toEqual(['hook-key', 'hook-key']);
  });
});

describe('an echoed credential is masked', () => {
  const KEY = 'sk-live/AbCdEf+123=456';

  it('in an `event: error` of a stream: message, body and headers', async () => {
    api.reset((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'x-echo': req.headers.authorization ?? '' });
      res.write('data: {"n":1}\n\n');
      res.end(`event: error\ndata: ${JSON.stringify({ error: { message: `bad ${req.headers.authorization}` } })}\n\n`);
    });
    const stream = await client(BEARER, { adminAPIKey: KEY })
      .request({ method: 'get', path: '/events', format: 'stream', watch: watchBody })
      ._map(streamOf<unknown>());
    const items: unknown[] = [];
    const error = await fail(
      (async () => {
        for await (const item of stream) items.push(item);
      })(),
    );
    expect(items).toEqual([{ n: 1 }]);
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message).toBe('The stream sent an error: bad Bearer [redacted]');
    expect(leaks(shown(error), KEY)).toEqual([]);
  });

  it('in a ResponseValidationError: its body and its headers', async () => {
    api.reset((req, res) =>
      json(res, 200, { status: 7, echo: req.headers.authorization }, { 'x-echo': req.headers.authorization ?? '' }),
    );
    const validator: ResponseValidator = {
      check: (answer, redact) =>
        new ResponseValidationError(
          'GET /thing',
          answer.response,
          answer.data,
          redact([{ where: '$.status', message: 'must be a string' }]) as never,
        ),
    };
    const c = client(BEARER, { adminAPIKey: KEY }, { validate: 'strict', validator });
    const error = (await fail(c.request({ method: 'get', path: '/thing' }))) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.error).toEqual({ status: 7, echo: 'Bearer [redacted]' });
    expect(error.headers?.get('x-echo')).toBe('Bearer [redacted]');
    expect(leaks(shown(error), KEY)).toEqual([]);
  });

  it('in an APIResponseTooLargeError’s headers', async () => {
    api.reset((req, res) => {
      const body = JSON.stringify({ data: 'x'.repeat(5000) });
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(body.length),
        'x-echo': encodeURIComponent(req.headers.authorization ?? ''),
      });
      res.end(body);
    });
    const error = await fail(
      client(BEARER, { adminAPIKey: KEY }, { maxResponseBytes: 100 }).request({ method: 'get', path: '/big' }),
    );
    expect((error as APIError).headers?.get('x-echo')).toBe(encodeURIComponent('Bearer ').concat('[redacted]'));
    expect(leaks(shown(error), KEY)).toEqual([]);
  });

  it('in an error body nested deeper than 64 levels', async () => {
    api.reset((req, res) => {
      let body: unknown = { echo: req.headers.authorization };
      for (let depth = 0; depth < 500; depth++) body = depth % 2 === 0 ? [body] : { inner: body };
      json(res, 400, body);
    });
    const error = await fail(client(BEARER, { adminAPIKey: KEY }).request({ method: 'get', path: '/deep' }));
    expect(error).toBeInstanceOf(APIError);
    expect(leaks(shown(error), KEY)).toEqual([]);
  });

  it('in a token endpoint’s echo of Basic base64(id:secret), whatever the id’s length', async () => {
    const secret = 'cs-VerySecret-0123456789';
    for (const id of ['a', 'ab', 'abc', 'abcd', 'abcde', 'abcdef']) {
      api.reset((req, res) => json(res, 401, { error: 'invalid_client', received: req.headers.authorization }));
      const c = client(OAUTH, { clientId: id, clientSecret: secret });
      const error = await fail(c.request({ method: 'get', path: '/thing' }));
      expect(error).toBeInstanceOf(APIError);
      const text = shown(error);
      expect(text).not.toContain(base64(`${id}:${secret}`).slice(4, -4));
      expect(leaks(text, secret)).toEqual([]);
    }
  });

  it('in an echo of an HTTP Basic password alone', async () => {
    api.reset((req, res) => {
      const [, password] = Buffer.from((req.headers.authorization ?? '').slice(6), 'base64')
        .toString()
        .split(':');
      json(res, 401, { message: `wrong password ${password}` });
    });
    const error = await fail(
      client(BASIC, { username: 'alice', password: 'pa55-w0rd-long' }).request({ method: 'get', path: '/x' }),
    );
    expect((error as Error).message).toBe('401 wrong password [redacted]');
    expect(leaks(shown(error), 'pa55-w0rd-long')).toEqual([]);
  });

  it('in a body that is not JSON, echoing the key with `\\/` escapes', async () => {
    api.reset((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"token": "${(req.headers.authorization ?? '').replace(/\//g, '\\/')}" oops`);
    });
    const error = await fail(client(BEARER, { adminAPIKey: KEY }).request({ method: 'get', path: '/broken' }));
    expect(error).toBeInstanceOf(SDKError);
    expect(leaks(shown(error), KEY)).toEqual([]);
    expect(shown(error)).not.toContain(KEY.replace(/\//g, '\\/'));
  });

  it('in the URL a hook logs: `request.redactedURL`', async () => {
    api.reset((_req, res) => json(res, 200, {}));
    const query: AuthScheme = { type: 'query', option: 'apiKey', name: 'api_key' };
    const seen: string[] = [];
    await client(query, { apiKey: 'qk-secret-1' }).request(
      { method: 'get', path: '/x', query: { q: 'cats' } },
      {
        onRequest: (request) => {
          request.url += '&api_key=added-by-hook';
        },
        onResponse: (_response, request) => void seen.push(request.redactedURL),
      },
    );
    expect(seen).toEqual([`${api.url}/x?q=cats&api_key=[redacted]&api_key=[redacted]`]);
  });
});

describe('a random secret, echoed by the server anywhere it can be, shows nowhere (fuzz)', () => {
  type Place =
    | 'status-line'
    | 'status-body'
    | 'nested-body'
    | 'header'
    | 'sse-error'
    | 'sse-bad-item'
    | 'validation'
    | 'bad-json'
    | 'too-large'
    | 'token-endpoint'
    | 'basic-password'
    | 'retry-log';
  const PLACES: readonly Place[] = [
    'status-line',
    'status-body',
    'nested-body',
    'header',
    'sse-error',
    'sse-bad-item',
    'validation',
    'bad-json',
    'too-large',
    'token-endpoint',
    'basic-password',
    'retry-log',
  ];
  const ENCODINGS = ['raw', 'url', 'json', 'json-slash', 'base64-basic'] as const;

  /** The credential as the server echoes it back. */
  function encoded(secret: string, how: (typeof ENCODINGS)[number], id: string): string {
    switch (how) {
      case 'raw':
        return secret;
      case 'url':
        return encodeURIComponent(secret);
      case 'json':
        return JSON.stringify(secret).slice(1, -1);
      case 'json-slash':
        return JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/');
      case 'base64-basic':
        return base64(`${id}:${secret}`);
    }
  }

  it('not in messages, fields, stacks, util.inspect, JSON.stringify or logs', async () => {
    // Mostly keys as APIs issue them; some in any script (a Basic password, an OAuth2 client secret).
    const secretArb = fc
      .oneof(
        { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 12, maxLength: 40 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 12, maxLength: 40 }) },
      )
      .filter((s) => s.trim() === s && !/[\r\n\0]/.test(s) && !s.includes('redacted'));
    await fc.assert(
      fc.asyncProperty(
        secretArb,
        fc.constantFrom(...PLACES),
        fc.constantFrom(...ENCODINGS),
        fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 7 }).filter((id) => !id.includes(':')),
        fc.boolean(),
        async (secret, place, how, id, asFunction) => {
          const echo = `prefix ${encoded(secret, how, id)} suffix`;
          api.reset((req, res) => {
            if (req.url === '/oauth/token') return json(res, 401, { error: 'invalid_client', echo });
            switch (place) {
              case 'status-line':
                res.writeHead(401, echo.replace(/[^\x20-\x7e]/g, '?'), { 'content-type': 'application/json' });
                return res.end(JSON.stringify({ error: { message: 'no' } }));
              case 'status-body':
              case 'basic-password':
              case 'retry-log':
                return json(
                  res,
                  place === 'retry-log' ? 503 : 422,
                  { error: { message: echo } },
                  { 'retry-after-ms': '0' },
                );
              case 'nested-body': {
                let body: unknown = echo;
                for (let i = 0; i < 200; i++) body = { [`k${i}`]: body, also: [echo] };
                return json(res, 500, body);
              }
              case 'header':
                return json(res, 404, {}, { 'x-echo': echo.replace(/[^\x20-\x7e]/g, '?') });
              case 'sse-error':
                res.writeHead(200, { 'content-type': 'text/event-stream' });
                return res.end(`event: error\ndata: ${JSON.stringify({ error: { message: echo } })}\n\n`);
              case 'sse-bad-item':
                res.writeHead(200, { 'content-type': 'text/event-stream' });
                return res.end(`data: {"x": ${echo}\n\n`);
              case 'validation':
                return json(res, 200, { wrong: echo }, { 'x-echo': encodeURIComponent(echo) });
              case 'bad-json':
                res.writeHead(200, { 'content-type': 'application/json' });
                return res.end(`{"a": "${echo}`);
              case 'too-large':
                res.writeHead(200, { 'content-type': 'application/json', 'x-echo': encodeURIComponent(echo) });
                return res.end(JSON.stringify({ pad: 'y'.repeat(2000), echo }));
            }
          });
          const { lines, logger } = capture();
          const value = (v: string): Credential => (asFunction ? () => v : v);
          const validator: ResponseValidator = {
            check: (answer, redact) =>
              new ResponseValidationError(
                'GET /x',
                answer.response,
                answer.data,
                redact([{ where: '$.wrong', message: `got ${echo}`, received: echo }]) as never,
              ),
          };
          const options: ClientOptions = { logLevel: 'debug', logger, maxRetries: place === 'retry-log' ? 1 : 0 };
          const c =
            place === 'token-endpoint'
              ? client(OAUTH, { clientId: id, clientSecret: value(secret) }, options)
              : place === 'basic-password'
                ? client(BASIC, { username: id, password: value(secret) }, options)
                : client(BEARER, { adminAPIKey: value(secret) }, { ...options, validator });
          const call: RequestOptions = {
            ...(place === 'validation' ? { validate: 'strict' as const } : {}),
            ...(place === 'too-large' ? { maxResponseBytes: 100 } : {}),
          };
          const streaming = place === 'sse-error' || place === 'sse-bad-item';
          const error = await fail(
            (async () => {
              if (!streaming) return await c.request({ method: 'get', path: '/x' }, call);
              const stream = await c
                .request({ method: 'get', path: '/x', format: 'stream', watch: watchBody }, call)
                ._map(streamOf<unknown>());
              for await (const _ of stream) void _;
            })(),
          );
          expect(error).toBeInstanceOf(SDKError);
          expect(leaks(`${shown(error)}\n${lines.join('\n')}`, secret)).toEqual([]);
        },
      ),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 200), seed: Number(process.env['FUZZ_SEED'] ?? 30) },
    );
  });
});
