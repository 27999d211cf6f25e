/**
 * `sdkgen mock` keeps what it is sent, as a real server would: uploads are stored and
 * downloaded byte for byte, an action answers the item it names and moves its status, error
 * bodies take the spec's error schema, page fields say which page was asked for, and a created
 * item holds what was sent and the spec's defaults, nothing invented.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { ErrorBodies } from '../../generator/mock/error-bodies.js';
import { type MockServer, startMockServer } from '../../generator/mock/mock-server.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { ApiModel } from '../../generator/model/model.js';
import { validateValue } from '../../generator/values/validate-value.js';
import { ROOT } from '../helpers/paths.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const model: ApiModel = buildModel(loadSpec('test/fixtures/helpdesk/openapi.yaml', { cwd: ROOT })).model;
const schemas = new Map(model.schemas.map((s) => [s.name, s]));
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer(model, { items: 30 });
});
afterAll(() => mock.close());

// biome-ignore lint/suspicious/noExplicitAny: answers are JSON, checked by the assertions.
async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'x-api-key': 'any' };
  let payload: BodyInit | null = null;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(`${mock.baseURL}${path}`, { method, headers, body: payload });
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, body: type.includes('json') ? await response.json() : await response.text() };
}

/** Each answer is also held against the schema the spec gives it. */
function fits(body: unknown, schema: string): void {
  expect(schemas.has(schema), schema).toBe(true);
  const type = { kind: 'ref' as const, name: schema };
  expect(validateValue(body, type, undefined, (name) => schemas.get(name), '$')).toEqual([]);
}

describe('uploads', () => {
  it('stores each file: its name, size and bytes come back, different for each upload', async () => {
    const files = ['a', 'hello', 'x'.repeat(1000), '\u00e9t\u00e9 \u{1F600}'];
    const made: { id: string; filename: string; bytes: number }[] = [];
    for (const [i, text] of files.entries()) {
      const form = new FormData();
      form.append('file', new Blob([text], { type: 'text/plain' }), `note-${i}.txt`);
      form.append('purpose', 'evidence');
      const { status, body } = await call('POST', '/attachments', form);
      expect(status).toBe(200);
      fits(body, 'Attachment');
      expect(body).toMatchObject({
        filename: `note-${i}.txt`,
        bytes: new TextEncoder().encode(text).length,
        content_type: 'text/plain',
        purpose: 'evidence',
      });
      made.push(body);
    }
    expect(new Set(made.map((m) => m.id)).size).toBe(files.length);
    for (const [i, attachment] of made.entries()) {
      const response = await fetch(`${mock.baseURL}/attachments/${attachment.id}/content`, {
        headers: { 'x-api-key': 'any' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain');
      expect(await response.text()).toBe(files[i]);
    }
  });

  it('answers 404 in the spec’s error shape for a file it never received', async () => {
    const { status, body } = await call('GET', '/attachments/att_none/content');
    expect(status).toBe(404);
    expect(body).toEqual({ code: 'not_found', message: 'No item with id "att_none" in /attachments.' });
  });
});

describe('actions', () => {
  it('answer the item they name, its status moved as the action says, and the change stays', async () => {
    const { body: created } = await call('POST', '/tickets', { subject: 'Printer on fire' });
    const closed = await call('POST', `/tickets/${created.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toEqual({ ...created, status: 'closed' });
    expect((await call('GET', `/tickets/${created.id}`)).body.status).toBe('closed');
    expect((await call('POST', `/tickets/${created.id}/reopen`)).body).toEqual({ ...created, status: 'reopened' });
    // Another ticket is left as it was.
    const { body: other } = await call('GET', '/tickets/tkt_001');
    expect(other.id).toBe('tkt_001');
    expect(other.status).not.toBe('reopened');
  });

  it('answer 404 in the spec’s error shape for an item that does not exist', async () => {
    const { status, body } = await call('POST', '/tickets/tkt_nope/close');
    expect(status).toBe(404);
    expect(body).toEqual({ code: 'not_found', message: 'No item with id "tkt_nope" in /tickets.' });
  });
});

describe('error bodies', () => {
  it('follow the spec’s error schema for a bad request, flat `{ code, message }` here', async () => {
    const { status, body } = await call('POST', '/tickets', { subject: '' });
    expect(status).toBe(400);
    fits(body, 'ErrorSchema');
    expect(body).toEqual({
      code: 'invalid_request',
      message: 'Invalid request: body.subject must be at least 1 character long, got 0.',
    });
  });

  it('take the shape most operations declare for a call no operation takes', async () => {
    const { status, body } = await call('GET', '/nowhere');
    expect(status).toBe(404);
    expect(body).toEqual({ code: 'not_found', message: 'No operation at /nowhere.' });
  });
});

describe('pages', () => {
  it('say which page was asked for, its size and the total, consistently', async () => {
    const first = await call('GET', '/tickets?per_page=10');
    const second = await call('GET', '/tickets?page=2&per_page=10');
    fits(second.body, 'TicketPage');
    expect(first.body).toMatchObject({ page: 1, per_page: 10 });
    expect(second.body).toMatchObject({ page: 2, per_page: 10, total: first.body.total });
    expect(second.body.total_pages).toBe(Math.ceil(first.body.total / 10));
    expect(second.body.data).toHaveLength(10);
    expect(second.body.data[0]).not.toEqual(first.body.data[0]);
  });
});

describe('created items', () => {
  it('hold what was sent and the spec’s defaults, and no optional field nobody sent', async () => {
    const { status, body } = await call('POST', '/tickets', { subject: 'Login fails', tags: ['auth'] });
    expect(status).toBe(201);
    fits(body, 'Ticket');
    expect(Object.keys(body).sort()).toEqual(['created_at', 'id', 'priority', 'status', 'subject', 'tags']);
    expect(body).toMatchObject({ subject: 'Login fails', tags: ['auth'], status: 'open', priority: 'normal' });
    // Sent values win over defaults; the id stays the server's.
    const high = await call('POST', '/tickets', { subject: 'Down', priority: 'high', id: 'mine' } as object);
    expect(high.body).toMatchObject({ subject: 'Down', priority: 'high' });
    expect(high.body.id).not.toBe('mine');
    expect((await call('GET', `/tickets/${high.body.id}`)).body).toEqual(high.body);
  });
});

describe('error bodies with a category beside the code', () => {
  it('take the message, the code, the category and the status where the spec’s fields name them, declared as `default`', async () => {
    const yaml = openapi(
      `paths:\n  /things/{thing_id}:\n    get:\n      parameters:\n        - {name: thing_id, in: path, required: true, schema: {type: string}}\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {type: object, properties: {id: {type: string}}}\n        default:\n          description: broken\n          content:\n            application/json:\n              schema:\n                type: object\n                required: [message, type, code, status]\n                properties:\n                  message: {type: string}\n                  type: {type: string}\n                  code: {type: string}\n                  status: {type: integer}\n`,
    );
    const shaped = buildModel(loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': yaml }) })).model;
    const operations = shaped.root.children.flatMap((r) => r.operations);
    const errors = new ErrorBodies(operations, () => undefined);
    expect(errors.body({ status: 500, message: 'The mock failed: boom', code: 'server_error' }, operations[0])).toEqual(
      {
        message: 'The mock failed: boom',
        type: 'server_error',
        code: 'server_error',
        status: 500,
      },
    );
    // A call no operation takes: the shape most operations declare for its status (here their default).
    expect(errors.body({ status: 404, message: 'No operation at /x.', code: 'not_found' }, undefined)).toEqual({
      message: 'No operation at /x.',
      type: 'invalid_request_error',
      code: 'not_found',
      status: 404,
    });
  });
});
