/**
 * Request hooks: called for each try (retries included) with its number, the client's before the
 * call's; `onRequest` may change the URL and headers, or stop the call by throwing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BaseClient } from '../../generator/runtime/client.js';
import { InternalServerError, SDKError } from '../../generator/runtime/errors.js';
import type { ClientOptions, HookRequest } from '../../generator/runtime/types.js';
import { Recorder } from '../helpers/recorder.js';

const api = new Recorder();
beforeAll(() => api.start());
afterAll(() => api.stop());

function client(options: ClientOptions = {}): BaseClient {
  return new BaseClient(
    { baseURL: api.url, ...options },
    { baseURL: api.url, auth: [{ type: 'bearer', option: 'apiKey' }], credentials: { apiKey: 'sk-test' } },
  );
}

describe('hooks', () => {
  let failures = 0;
  beforeEach(() => {
    failures = 0;
    api.reset((req, res) => {
      if (req.url?.startsWith('/flaky') && failures++ < 1) {
        res.writeHead(500, { 'content-type': 'application/json', 'retry-after-ms': '1' }).end('{"error":"boom"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url: req.url }));
    });
  });

  it('are called once per try, with its number, the client’s before the call’s', async () => {
    const calls: string[] = [];
    const log =
      (who: string, what: string) =>
      (...args: unknown[]): void => {
        const request = args.at(-1) as HookRequest;
        const detail = args[0] instanceof Response ? ` ${args[0].status}` : args[0] instanceof Error ? ' error' : '';
        calls.push(`${who} ${what} #${request.attempt}${detail}`);
      };
    const c = client({
      maxRetries: 2,
      onRequest: log('client', 'request'),
      onResponse: log('client', 'response'),
      onError: log('client', 'error'),
    });
    await c.request(
      { method: 'get', path: '/flaky' },
      { onRequest: log('call', 'request'), onResponse: log('call', 'response'), onError: log('call', 'error') },
    );
    expect(calls).toEqual([
      'client request #1',
      'call request #1',
      'client response #1 500',
      'call response #1 500',
      'client error #1 error',
      'call error #1 error',
      'client request #2',
      'call request #2',
      'client response #2 200',
      'call response #2 200',
    ]);
  });

  it('let onRequest change the URL and headers, and async hooks are awaited', async () => {
    const c = client({
      onRequest: async (request) => {
        await new Promise((resolve) => setImmediate(resolve));
        request.url = request.url.replace('/thing', '/other');
        request.headers['x-trace'] = 'abc';
      },
    });
    expect(await c.request({ method: 'get', path: '/thing' })).toEqual({ url: '/other' });
    expect(api.seen[0]?.headers['x-trace']).toBe('abc');
    expect(api.seen[0]?.headers.authorization).toBe('Bearer sk-test');
  });

  it('stop the call with what they throw, and refuse a URL or header that cannot be sent', async () => {
    const refusing = client({
      onRequest: () => {
        throw new Error('not on Sundays');
      },
    });
    await expect(refusing.request({ method: 'get', path: '/thing' })).rejects.toThrow('not on Sundays');
    const badURL = client({
      onRequest: (r) => {
        r.url = 'file:///etc/passwd';
      },
    });
    await expect(badURL.request({ method: 'get', path: '/thing' })).rejects.toBeInstanceOf(SDKError);
    const badHeader = client({
      onRequest: (r) => {
        r.headers['x-bad'] = 'a\nb';
      },
    });
    await expect(badHeader.request({ method: 'get', path: '/thing' })).rejects.toBeInstanceOf(SDKError);
    expect(api.seen).toHaveLength(0);
  });

  it('see the error a failed call ends with', async () => {
    const errors: unknown[] = [];
    api.reset((_req, res) => res.writeHead(500, { 'content-type': 'application/json' }).end('{}'));
    const c = client({ maxRetries: 0, onError: (error) => void errors.push(error) });
    await expect(c.request({ method: 'get', path: '/thing' })).rejects.toBeInstanceOf(InternalServerError);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(InternalServerError);
  });
});
