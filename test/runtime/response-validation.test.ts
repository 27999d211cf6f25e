/**
 * `validate: 'off' | 'warn' | 'strict'`: each JSON answer is held against the spec's schema of
 * its operation, by the validator the mock checks requests with. `strict` throws a located
 * `ResponseValidationError`; `warn` logs it; `off` (the default) never runs the validator.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BaseClient } from '../../generator/runtime/client.js';
import { ResponseValidationError, SDKError } from '../../generator/runtime/errors.js';
import { nextURLWalk, Page, type PageScheme } from '../../generator/runtime/pagination.js';
import type { ClientOptions, ResponseValidator } from '../../generator/runtime/types.js';
import { responseValidator, type ValidationTables } from '../../generator/runtime/validate.js';
import { Recorder } from '../helpers/recorder.js';

const tables: ValidationTables = {
  schemas: {
    Ticket: {
      type: {
        kind: 'object',
        properties: [
          { name: 'id', required: true, type: { kind: 'primitive', name: 'string' } },
          {
            name: 'status',
            required: true,
            type: {
              kind: 'union',
              members: [
                { kind: 'literal', value: 'open' },
                { kind: 'literal', value: 'closed' },
              ],
            },
          },
          { name: 'created_at', required: true, readOnly: true, type: { kind: 'primitive', name: 'number' } },
          { name: 'password', required: true, writeOnly: true, type: { kind: 'primitive', name: 'string' } },
          {
            name: 'title',
            type: { kind: 'primitive', name: 'string' },
            docs: { constraints: { maxLength: 5 } },
          },
        ],
      },
    },
    TicketList: {
      type: {
        kind: 'object',
        properties: [
          { name: 'data', required: true, type: { kind: 'array', items: { kind: 'ref', name: 'Ticket' } } },
          {
            name: 'next',
            type: {
              kind: 'union',
              members: [
                { kind: 'primitive', name: 'string' },
                { kind: 'primitive', name: 'null' },
              ],
            },
          },
        ],
      },
    },
  },
  responses: {
    // As the validation module writes `{count: {type: integer, multipleOf: 5}, tags: {items: {maxLength: 3}}}`.
    'get /stats': {
      kind: 'object',
      properties: [
        { name: 'count', type: { kind: 'primitive', name: 'number', integer: true, constraints: { multipleOf: 5 } } },
        {
          name: 'tags',
          type: { kind: 'array', items: { kind: 'primitive', name: 'string', constraints: { maxLength: 3 } } },
        },
      ],
    },
    'get /tickets/{id}': { kind: 'ref', name: 'Ticket' },
    'get /tickets': { kind: 'ref', name: 'TicketList' },
  },
};

const good = { id: 't1', status: 'open', created_at: 1 };
const api = new Recorder();
const bodies = new Map<string, unknown>();
beforeAll(() => api.start());
afterAll(() => api.stop());
beforeEach(() => {
  bodies.clear();
  api.reset((req, res) => {
    const path = new URL(req.url ?? '/', api.url).pathname + new URL(req.url ?? '/', api.url).search;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(bodies.get(path) ?? good));
  });
});

function client(options: ClientOptions = {}): BaseClient {
  return new BaseClient(
    { baseURL: api.url, maxRetries: 0, ...options },
    { baseURL: api.url, auth: [], credentials: {}, packageName: 'tickets-sdk' },
  );
}

const getTicket = { method: 'get', path: '/tickets/{id}', pathParams: { id: 't1' } } as const;

describe("validate: 'strict'", () => {
  it('throws a ResponseValidationError naming the JSON path, the expected and the received value', async () => {
    bodies.set('/tickets/t1', { id: 't1', status: 'reopened', created_at: 1 });
    const error = await client({ validate: 'strict', validator: responseValidator(tables) })
      .request(getTicket)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ResponseValidationError);
    const e = error as ResponseValidationError;
    expect(e.message).toBe(
      'The response to GET /tickets/{id} does not match the API description: $.status must be one of "open", "closed", got "reopened".',
    );
    expect([e.path, e.expected, e.received, e.status]).toEqual([
      '$.status',
      'one of "open", "closed"',
      'reopened',
      200,
    ]);
    // The whole body stays at hand, as for an error status.
    expect(e.error).toEqual({ id: 't1', status: 'reopened', created_at: 1 });
    expect(api.seen).toHaveLength(1); // not retried: the server would answer the same
  });

  it('refuses a fraction where the spec says integer, a non-multiple, and an item over its bounds', async () => {
    const c = client({ validate: 'strict', validator: responseValidator(tables) });
    const stats = { method: 'get', path: '/stats' } as const;
    bodies.set('/stats', { count: 10, tags: ['a', 'abc'] });
    await expect(c.request(stats)).resolves.toEqual({ count: 10, tags: ['a', 'abc'] });
    bodies.set('/stats', { count: 1.5, tags: [] });
    await expect(c.request(stats)).rejects.toMatchObject({ path: '$.count', expected: 'an integer', received: 1.5 });
    bodies.set('/stats', { count: 12, tags: ['abcd'] });
    const e = (await c.request(stats).catch((error: unknown) => error)) as ResponseValidationError;
    expect(e.problems.map((p) => `${p.where} ${p.message}`)).toEqual([
      '$.count must be a multiple of 5, got 12',
      '$.tags[0] must be at most 3 characters long, got 4',
    ]);
  });

  it('requires read-only fields in an answer, and not write-only ones', async () => {
    bodies.set('/tickets/t1', { id: 't1', status: 'open' });
    const c = client({ validate: 'strict', validator: responseValidator(tables) });
    await expect(c.request(getTicket)).rejects.toMatchObject({
      path: '$.created_at',
      expected: 'a value',
      received: undefined,
      message: expect.stringContaining('$.created_at is required'),
    });
    bodies.set('/tickets/t1', good);
    await expect(c.request(getTicket)).resolves.toEqual(good);
  });

  it('checks the constraints the spec declares, and lists every problem', async () => {
    bodies.set('/tickets/t1', { id: 7, status: 'open', created_at: 'yesterday', title: 'far too long' });
    const e = (await client({ validate: 'strict', validator: responseValidator(tables) })
      .request(getTicket)
      .catch((error: unknown) => error)) as ResponseValidationError;
    expect(e.problems).toEqual([
      { where: '$.id', message: 'must be a string, got 7' },
      { where: '$.created_at', message: 'must be a number, got "yesterday"' },
      { where: '$.title', message: 'must be at most 5 characters long, got 12' },
    ]);
    expect(e.message).toMatch(/\$\.id must be a string, got 7 \(and 2 more\)\.$/);
  });

  it('checks every page of a walk, the ones after the first by the operation they belong to', async () => {
    class LinkPage<Item> extends Page<Item> {
      static readonly scheme: PageScheme = { type: 'next-url', items: 'data', urlField: 'next' };
      static readonly walk = nextURLWalk;
    }
    bodies.set('/tickets', { data: [good], next: `${api.url}/tickets?cursor=2` });
    bodies.set('/tickets?cursor=2', { data: [good, { ...good, status: 'lost' }], next: null });
    const c = client({ validate: 'strict', validator: responseValidator(tables) });
    const seen: unknown[] = [];
    const walk = async (): Promise<void> => {
      for await (const ticket of c.requestPage<LinkPage<unknown>, unknown>(LinkPage, {
        method: 'get',
        path: '/tickets',
      }))
        seen.push(ticket);
    };
    await expect(walk()).rejects.toMatchObject({
      path: '$.data[1].status',
      message: expect.stringContaining('The response to GET /tickets does not match'),
    });
    expect(seen).toHaveLength(1);
  });

  it('masks a credential the server echoes where the error quotes the body', async () => {
    bodies.set('/tickets/t1', { id: 't1', status: 'sk-live-secret', created_at: 1 });
    const c = new BaseClient(
      { baseURL: api.url, maxRetries: 0, validate: 'strict', validator: responseValidator(tables) },
      { baseURL: api.url, auth: [{ type: 'bearer', option: 'apiKey' }], credentials: { apiKey: 'sk-live-secret' } },
    );
    const e = (await c.request(getTicket).catch((error: unknown) => error)) as ResponseValidationError;
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect(`${e.message} ${JSON.stringify(e.problems)} ${String(e.received)}`).not.toContain('sk-live-secret');
    expect(e.message).toContain('$.status must be one of "open", "closed", got "[redacted]"');
  });

  it('leaves alone answers the spec has no schema for', async () => {
    bodies.set('/other', { anything: true });
    const c = client({ validate: 'strict', validator: responseValidator(tables) });
    await expect(c.request({ method: 'get', path: '/other' })).resolves.toEqual({ anything: true });
  });
});

describe("validate: 'warn'", () => {
  it('logs the mismatch and returns the answer', async () => {
    bodies.set('/tickets/t1', { id: 't1', status: 'lost', created_at: 1 });
    const warnings: string[] = [];
    const logger = { error() {}, warn: (m: string) => warnings.push(m), info() {}, debug() {} };
    const c = client({ validate: 'warn', validator: responseValidator(tables), logger });
    await expect(c.request(getTicket)).resolves.toEqual({ id: 't1', status: 'lost', created_at: 1 });
    expect(warnings).toEqual([
      'The response to GET /tickets/{id} does not match the API description: $.status must be one of "open", "closed", got "lost".',
    ]);
  });
});

describe("validate: 'off'", () => {
  const counting = (): ResponseValidator & { calls: number } => {
    const inner = responseValidator(tables);
    return {
      calls: 0,
      check(answer, redact) {
        this.calls++;
        return inner.check(answer, redact);
      },
    };
  };

  it('is the default, and never runs the validator', async () => {
    bodies.set('/tickets/t1', { status: 42 });
    const validator = counting();
    await expect(client({ validator }).request(getTicket)).resolves.toEqual({ status: 42 });
    await expect(client({ validator, validate: 'off' }).request(getTicket)).resolves.toEqual({ status: 42 });
    expect(validator.calls).toBe(0);
  });

  it('may be switched per call, both ways', async () => {
    bodies.set('/tickets/t1', { status: 42 });
    const validator = counting();
    const strict = client({ validator, validate: 'strict' });
    await expect(strict.request(getTicket, { validate: 'off' })).resolves.toEqual({ status: 42 });
    expect(validator.calls).toBe(0);
    await expect(client({ validator }).request(getTicket, { validate: 'strict' })).rejects.toThrow(
      ResponseValidationError,
    );
    expect(validator.calls).toBe(1);
  });
});

describe('setup', () => {
  it('names the module to import when validating without a validator', async () => {
    expect(() => client({ validate: 'strict' })).toThrow(
      new SDKError(
        "`validate: 'strict'` needs the spec's schemas: pass `validator` (import { validator } from 'tickets-sdk/validation') as a client option.",
      ),
    );
    await expect(client().request(getTicket, { validate: 'warn' })).rejects.toThrow(/tickets-sdk\/validation/);
    expect(api.seen).toHaveLength(0); // refused before anything is sent
    expect(() => client({ validate: 'loud' as never })).toThrow(/must be 'off', 'warn' or 'strict', got "loud"/);
  });
});
