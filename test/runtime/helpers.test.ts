import fc from 'fast-check';
import { createQuerySerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { readEnv } from '../../generator/runtime/env.js';
import { APIError, NotFoundError } from '../../generator/runtime/errors.js';
import { expandPath } from '../../generator/runtime/path.js';
import { stringifyQuery } from '../../generator/runtime/query.js';
import { redactHeaders, redactSecrets } from '../../generator/runtime/redact.js';
import { backoffOf, MAX_RETRY_AFTER_MS, retryDelayMs } from '../../generator/runtime/retry.js';
import type { QueryFormat } from '../../generator/runtime/types.js';

describe('expandPath', () => {
  it('encodes each value as exactly one segment', () => {
    expect(expandPath('/p/{id}/g', { id: 'a/../b?c#d' })).toBe('/p/a%2F..%2Fb%3Fc%23d/g');
    expect(expandPath('/p/{a}/{b-c}', { a: 'x y', 'b-c': 7 })).toBe('/p/x%20y/7');
    expect(expandPath('/p/{id}', { id: 'ünï%' })).toBe('/p/%C3%BCn%C3%AF%25');
  });

  it('writes lists and objects in the simple style, each part encoded', () => {
    expect(expandPath('/p/{ids}', { ids: ['a b', 'c/d', 3] })).toBe('/p/a%20b,c%2Fd,3');
    expect(expandPath('/p/{point}', { point: { x: 1, 'y z': 2 } })).toBe('/p/x,1,y%20z,2');
    expect(() => expandPath('/p/{ids}', { ids: [] })).toThrow('must not be empty');
  });

  it('refuses values that URL parsers would turn into other paths', () => {
    expect(() => expandPath('/p/{id}', { id: '..' })).toThrow('Path parameter `id` must not be "..".');
    expect(() => expandPath('/p/{id}', { id: '.' })).toThrow('must not be "."');
    expect(() => expandPath('/p/{id}', { id: '' })).toThrow('must not be empty');
    expect(() => expandPath('/p/{id}', {})).toThrow('is missing');
  });

  it('replaces exactly what /\\{([^{}]+)\\}/g matches, and leaves every other brace alone', () => {
    expect(expandPath('/a{b}c{}d}{e{f}', { b: 'B', f: 'F' })).toBe('/aBc{}d}{eF');
    // The definition, as a regex: the scan must agree with it on any template.
    const byRegex = (template: string, params: Record<string, string>): string =>
      template.replace(/\{([^{}]+)\}/g, (_match, name: string) => encodeURIComponent(params[name] ?? ''));
    const template = fc
      .array(fc.constantFrom('{', '}', 'a', 'b', '/', '{a}', '{b}', '%'), { maxLength: 16 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(template, (path) => {
        const params: Record<string, string> = {};
        for (const [, name] of path.matchAll(/\{([^{}]+)\}/g)) params[name as string] = `<${name}>`;
        expect(expandPath(path, params)).toBe(byRegex(path, params));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('stringifyQuery', () => {
  it('serializes like OpenAPI form/explode, matching openapi-fetch', () => {
    const query = { a: 1, s: 'x y&z', list: ['p', 'q'], yes: true, skip: undefined, none: null, deep: { k: 'v' } };
    expect(stringifyQuery(query)).toBe('a=1&s=x%20y%26z&list=p&list=q&yes=true&deep%5Bk%5D=v');
    expect(stringifyQuery(query).replace(/%5B/g, '[').replace(/%5D/g, ']')).toBe(createQuerySerializer()(query));
  });
});

describe("stringifyQuery with the API's query format (x-sdkgen-client.query, Stainless query_settings)", () => {
  const query = { ids: ['a', 'b c'], filter: { kind: 'x', tags: ['t'] }, n: 1 };
  const text = (format: QueryFormat): string => decodeURIComponent(stringifyQuery(query, undefined, format));

  it('writes lists as the format says, as Stainless clients (qs) do', () => {
    expect(text({ arrays: 'repeat', objects: 'brackets' })).toBe('ids=a&ids=b c&filter[kind]=x&filter[tags]=t&n=1');
    expect(text({ arrays: 'brackets', objects: 'brackets' })).toBe(
      'ids[]=a&ids[]=b c&filter[kind]=x&filter[tags][]=t&n=1',
    );
    expect(text({ arrays: 'indices', objects: 'brackets' })).toBe(
      'ids[0]=a&ids[1]=b c&filter[kind]=x&filter[tags][0]=t&n=1',
    );
    expect(text({ arrays: 'comma', objects: 'brackets' })).toBe('ids=a,b c&filter[kind]=x&filter[tags]=t&n=1');
  });

  it('writes objects with brackets or dots', () => {
    expect(text({ arrays: 'repeat', objects: 'dots' })).toBe('ids=a&ids=b c&filter.kind=x&filter.tags=t&n=1');
  });

  it('keeps each item encoded and the comma plain, as OpenAPI form (not exploded) writes it', () => {
    expect(stringifyQuery({ ids: ['a,b', 'c&d', null] }, undefined, { arrays: 'comma', objects: 'brackets' })).toBe(
      'ids=a%2Cb,c%26d',
    );
  });

  it('is today’s serialization without a format', () => {
    expect(stringifyQuery(query)).toBe(stringifyQuery(query, undefined, { arrays: 'repeat', objects: 'brackets' }));
  });
});

describe('backoffOf (x-sdkgen-client.retryDelay, Stainless default_retries)', () => {
  it('doubles the API’s first delay up to its longest, with up to 25% jitter', () => {
    const backoff = backoffOf({ initialDelay: 1, maxDelay: 3 });
    expect(backoff).toEqual({ initialMs: 1000, maxMs: 3000 });
    for (const [retry, full] of [
      [1, 1000],
      [2, 2000],
      [3, 3000],
      [6, 3000],
    ] as const) {
      const delay = retryDelayMs(retry, undefined, 0, backoff);
      expect(delay).toBeLessThanOrEqual(full);
      expect(delay).toBeGreaterThanOrEqual(full * 0.75);
    }
  });

  it('keeps Stainless’s defaults (0.5 s, 8 s) for what the API leaves out', () => {
    expect(backoffOf(undefined)).toEqual({ initialMs: 500, maxMs: 8000 });
    expect(backoffOf({ maxDelay: 2 })).toEqual({ initialMs: 500, maxMs: 2000 });
    expect(backoffOf({ initialDelay: 10 })).toEqual({ initialMs: 10_000, maxMs: 10_000 });
  });

  it('still lets the server say when to retry', () => {
    expect(retryDelayMs(1, new Headers({ 'retry-after-ms': '5' }), 0, backoffOf({ initialDelay: 9 }))).toBe(5);
  });
});

describe('retryDelayMs', () => {
  const headers = (h: Record<string, string>): Headers => new Headers(h);
  it('prefers retry-after-ms, then Retry-After seconds or date, under a minute', () => {
    expect(retryDelayMs(1, headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryDelayMs(1, headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryDelayMs(1, headers({ 'retry-after': new Date(10_000).toUTCString() }), 7_000)).toBe(3000);
    expect(retryDelayMs(1, headers({ 'retry-after': '59.5' }))).toBe(59_500);
  });

  it('backs off as usual when the server asks for a minute or more, or for a negative delay', () => {
    for (const asked of [
      { 'retry-after': '86400' },
      { 'retry-after': String(MAX_RETRY_AFTER_MS / 1000) },
      { 'retry-after-ms': '-5' },
      { 'retry-after': new Date(7_000 + 3_600_000).toUTCString() },
    ]) {
      const delay = retryDelayMs(1, headers(asked), 7_000);
      expect(delay).toBeLessThanOrEqual(500);
      expect(delay).toBeGreaterThanOrEqual(375);
    }
  });

  it('backs off exponentially with jitter otherwise', () => {
    for (const [retry, max] of [
      [1, 500],
      [2, 1000],
      [3, 2000],
      [9, 8000],
    ] as const) {
      const delay = retryDelayMs(retry, headers({ 'retry-after': 'soon' }));
      expect(delay).toBeLessThanOrEqual(max);
      expect(delay).toBeGreaterThanOrEqual(max * 0.75);
    }
  });
});

describe('errors', () => {
  it('picks the subclass by status and the message from the body', () => {
    const error = APIError.generate(404, { error: { message: 'gone' } }, new Headers({ 'x-request-id': 'r1' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.name).toBe('NotFoundError');
    expect([error.message, error.requestID, error.status]).toEqual(['404 gone', 'r1', 404]);
    expect(APIError.generate(502, 'Bad gateway\n', new Headers()).message).toBe('502 Bad gateway');
    expect(APIError.generate(500, undefined, new Headers()).message).toBe('500 status code (no body)');
  });
});

describe('redaction', () => {
  it('removes secrets from strings, keys, nested values and headers', () => {
    expect(redactSecrets({ a: ['Bearer sk-1'], 'sk-1': { b: 'x sk-1 y' } }, ['sk-1'])).toEqual({
      a: ['Bearer [redacted]'],
      '[redacted]': { b: 'x [redacted] y' },
    });
    expect([...redactHeaders(new Headers({ echo: 'sk-1' }), ['sk-1']).entries()]).toEqual([['echo', '[redacted]']]);
  });
});

describe('readEnv', () => {
  it('reads trimmed values and treats blank as unset', () => {
    process.env['SDKGEN_T1'] = '  v ';
    process.env['SDKGEN_T2'] = ' ';
    expect([readEnv('SDKGEN_T1'), readEnv('SDKGEN_T2'), readEnv('SDKGEN_T3')]).toEqual(['v', undefined, undefined]);
  });
});
