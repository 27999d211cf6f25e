/**
 * No input makes `sdkgen mock` stop or lose an item: hostile bodies (deep JSON, huge strings,
 * bad UTF-8, wrong content types), hostile headers (`Host: [`, broken content lengths, control
 * characters) and floods, sent as raw bytes; then every item it stored is read back as it was
 * answered, and the server still serves. Replays a fixed seed (`MOCK_FUZZ_SEED`, `MOCK_FUZZ_RUNS`
 * to explore).
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../generator/mock/mock-server.js';
import { callMock, fixtureModel } from './mock-calls.js';

const RUNS = Number(process.env['MOCK_FUZZ_RUNS'] ?? 120);
const SEED = process.env['MOCK_FUZZ_SEED'] === undefined ? 20_261_206 : Number(process.env['MOCK_FUZZ_SEED']);
const AUTH = 'Basic dXNlcjpwYXNz';

const { model } = fixtureModel('envelopes');
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer(model, { items: 5 });
});
afterAll(() => mock.close());

const call = (method: string, path: string, body?: unknown) =>
  callMock(mock.baseURL, { authorization: AUTH }, method, path, body);

interface RawAnswer {
  /** 0 when the server closed the connection without an answer. */
  readonly status: number;
  readonly body: string;
}

/** Sends bytes as they are on a connection of their own, and reads what comes back until it closes. */
function sendRaw(bytes: Buffer): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(mock.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A server that refuses a request may reset the connection while the rest is still being sent.
    socket.on('error', () => {});
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const head = text.indexOf('\r\n\r\n');
      let body = head < 0 ? '' : text.slice(head + 4);
      if (/\r\ntransfer-encoding: chunked/i.test(text.slice(0, head))) body = unchunk(body);
      resolve({ status, body: Buffer.from(body, 'latin1').toString('utf8') });
    });
    socket.end(bytes);
  });
}

function unchunk(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const line = text.indexOf('\r\n', at);
    const size = Number.parseInt(text.slice(at, line), 16);
    if (line < 0 || !(size > 0)) return out;
    out += text.slice(line + 2, line + 2 + size);
    at = line + 2 + size + 2;
  }
}

/** Where a kept item is read back, from an answer that holds it (in its envelope or not). */
interface Target {
  readonly method: string;
  readonly path: string;
  readonly contentType: string;
  readonly itemPath: (item: Record<string, unknown>) => string;
}

const asset = (item: Record<string, unknown>) => `/video/v1/assets/${String(item['id'])}`;
const project = (item: Record<string, unknown>) => `/projects/${String(item['gid'])}`;
const TARGETS: readonly Target[] = [
  { method: 'POST', path: '/video/v1/assets', contentType: 'application/json', itemPath: asset },
  { method: 'PATCH', path: '/video/v1/assets/ASSET_001', contentType: 'application/json', itemPath: asset },
  { method: 'PUT', path: '/video/v1/assets/asset_002/mp4-support', contentType: 'application/json', itemPath: asset },
  { method: 'POST', path: '/projects', contentType: 'application/json', itemPath: project },
  { method: 'PUT', path: '/projects/1331', contentType: 'application/json', itemPath: project },
  { method: 'POST', path: '/zones', contentType: 'application/json', itemPath: (i) => `/zones/${String(i['id'])}` },
  {
    method: 'POST',
    path: '/files',
    contentType: 'multipart/form-data; boundary=x',
    itemPath: (i) => `/files/${String(i['id'])}`,
  },
  { method: 'GET', path: '/video/v1/assets/%ZZ/playback-ids', contentType: 'text/plain', itemPath: asset },
  { method: 'DELETE', path: `/video/v1/assets/${'a'.repeat(5000)}`, contentType: '', itemPath: asset },
];

const deep = fc
  .record({ depth: fc.integer({ min: 900, max: 6000 }), open: fc.constantFrom('[', '{"a":'), inMeta: fc.boolean() })
  .map(({ depth, open, inMeta }) => {
    const close = open === '[' ? ']' : '}';
    const value = `${open.repeat(depth)}1${close.repeat(depth)}`;
    return Buffer.from(inMeta ? `{"meta":{"x":${value}},"name":"deep","data":{"name":"deep"}}` : value);
  });
const huge = fc
  .record({ size: fc.integer({ min: 1_000, max: 600_000 }), field: fc.constantFrom('passthrough', 'name', 'meta') })
  .map(({ size, field }) => {
    const text = 'é'.repeat(size);
    const value = field === 'meta' ? { big: text } : text;
    return Buffer.from(JSON.stringify({ [field]: value, name: 'n', data: { [field]: value } }));
  });
const badUtf8 = fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((bytes) => Buffer.from(bytes));
const tricky = fc
  .constantFrom(
    '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"name":"proto"}',
    '{"passthrough":1e999,"name":-0}',
    '{"name":"a","name":"b"}',
    '{"data":',
    '',
    'null',
    '[]',
    '"\\ud800"',
    '{"passthrough":"\\u0000\\u001b"}',
    '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nno filename\r\n--x--\r\n',
    '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nbytes\r\n',
  )
  .map((text) => Buffer.from(text));
const json = fc.json({ maxDepth: 6 }).map((text) => Buffer.from(text));
const body = fc.oneof(deep, huge, badUtf8, tricky, json);

/** How the request's head is broken, if it is. */
type HeadMutation = (head: string[], length: number) => { head: string[]; incomplete?: boolean };
const heads: fc.Arbitrary<HeadMutation> = fc.constantFrom<HeadMutation>(
  (head) => ({ head }),
  (head) => ({ head: head.map((h) => (h.startsWith('host:') ? 'host: [' : h)) }),
  (head) => ({ head: head.map((h) => (h.startsWith('host:') ? 'host: ' : h)) }),
  (head) => ({ head: head.map((h) => (h.startsWith('host:') ? 'host: ]:%%' : h)) }),
  (head) => ({ head: [...head, 'host: second.example'] }),
  (head) => ({ head: head.map((h) => (h.startsWith('content-length:') ? 'content-length: abc' : h)) }),
  (head) => ({ head: head.map((h) => (h.startsWith('content-length:') ? 'content-length: -1' : h)) }),
  (head, length) => ({ head: [...head, `content-length: ${length + 1}`] }),
  (head, length) => ({
    head: head.map((h) => (h.startsWith('content-length:') ? `content-length: ${length + 10}` : h)),
    incomplete: true,
  }),
  (head) => ({ head: head.map((h) => (h.startsWith('content-length:') ? 'content-length: 1' : h)) }),
  (head) => ({ head: [...head, 'transfer-encoding: chunked'] }),
  (head) => ({ head: [...head, 'x-evil: a\x01b'] }),
  (head) => ({ head: [...head, 'no colon here'] }),
  (head) => ({ head: [...head, `x-long: ${'y'.repeat(20_000)}`] }),
  (head) => ({
    head: head.map((h) => (h.startsWith('content-type:') ? 'content-type: application/json; charset=utf-16' : h)),
  }),
  (head) => ({ head: head.map((h) => (h.startsWith('content-type:') ? 'content-type: text/html' : h)) }),
  (head) => ({ head: head.filter((h) => !h.startsWith('authorization:')) }),
);

/** The item an answer holds, out of its envelope: `{ data: item }`, `{ result: item }` or the item. */
function itemOf(answer: unknown): Record<string, unknown> | undefined {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return undefined;
  const record = answer as Record<string, unknown>;
  const inner = record['data'] ?? record['result'] ?? record;
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner)
    ? (inner as Record<string, unknown>)
    : undefined;
}

describe('sdkgen mock under hostile input', () => {
  it('refuses a body nested 5,000 deep with a 400, and keeps serving what it stored', async () => {
    const before = (await call('GET', '/projects/1331')).body;
    const meta = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const prefix = new URL(mock.baseURL).pathname.replace(/\/$/, '');
    const payload = Buffer.from(`{"passthrough":"deep","meta":${meta}}`);
    const answer = await sendRaw(
      Buffer.concat([
        Buffer.from(
          `POST ${prefix}/video/v1/assets HTTP/1.1\r\nhost: x\r\nauthorization: ${AUTH}\r\ncontent-type: application/json\r\ncontent-length: ${payload.length}\r\nconnection: close\r\n\r\n`,
        ),
        payload,
      ]),
    );
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.messages).toEqual([
      'Invalid request: body is nested deeper than 1000 levels.',
    ]);
    expect((await call('GET', '/projects/1331')).body).toEqual(before);
  });

  it('answers a request whose Host is no host (`Host: [`) as any other', async () => {
    const prefix = new URL(mock.baseURL).pathname.replace(/\/$/, '');
    const answer = await sendRaw(
      Buffer.from(`GET ${prefix}/projects HTTP/1.1\r\nhost: [\r\nauthorization: ${AUTH}\r\nconnection: close\r\n\r\n`),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data[0].gid).toBe('1331');
  });

  it('answers every request without a 5xx, never stops, and keeps every item it stored', async () => {
    /** Every item the mock said it stored, by where it is read: what it must answer later. */
    const kept = new Map<string, unknown>();
    const keep = (target: Target, status: number, text: string): void => {
      if (status < 200 || status > 299 || target.method === 'GET' || target.method === 'DELETE') return;
      const item = itemOf(JSON.parse(text));
      if (item !== undefined) kept.set(target.itemPath(item), item);
    };
    for (const path of ['/video/v1/assets/ASSET_001', '/projects/1331', '/video/v1/assets/asset_002'])
      kept.set(path, itemOf((await call('GET', path)).body));
    const upload = new FormData();
    upload.append('file', new Blob(['kept bytes']), 'kept.txt');
    const file = (await call('POST', '/files', upload)).body;
    kept.set(`/files/${file.id}`, file);

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TARGETS), body, heads, async (target, payload, mutate) => {
        const head = [
          `host: 127.0.0.1:${mock.port}`,
          `authorization: ${AUTH}`,
          `content-type: ${target.contentType}`,
          `content-length: ${payload.length}`,
          'connection: close',
        ];
        const { head: sent, incomplete } = mutate(head, payload.length);
        const prefix = new URL(mock.baseURL).pathname.replace(/\/$/, '');
        const request = Buffer.concat([
          Buffer.from(`${target.method} ${prefix}${target.path} HTTP/1.1\r\n${sent.join('\r\n')}\r\n\r\n`, 'latin1'),
          payload,
        ]);
        const answer = await sendRaw(request);
        if (answer.status >= 500) throw new Error(`${answer.status}: ${answer.body.slice(0, 300)}`);
        if (answer.status === 0 && incomplete !== true) throw new Error('no answer to a whole request');
        keep(target, answer.status, answer.body);
        // Still serving, after each.
        expect((await call('GET', '/video/v1/assets/ASSET_001')).status).toBe(200);
      }),
      { numRuns: RUNS, seed: SEED },
    );

    // A flood: many writes at once, each kept.
    const flood = await Promise.all(
      Array.from({ length: 150 }, (_, i) => call('POST', '/video/v1/assets', { passthrough: `flood ${i}` })),
    );
    for (const answer of flood) {
      expect(answer.status).toBe(201);
      kept.set(asset(answer.body.data), answer.body.data);
    }
    // And many reads of parents nobody made, at once.
    const reads = await Promise.all(
      Array.from({ length: 150 }, (_, i) => call('GET', `/video/v1/assets/unseen_${i}/playback-ids`)),
    );
    for (const answer of reads) expect(answer.status).toBe(200);

    expect(kept.size).toBeGreaterThan(150);
    for (const [path, item] of kept) {
      const { status, body: answer } = await call('GET', path);
      expect(status, path).toBe(200);
      expect(itemOf(answer), path).toEqual(item);
    }
    const content = await fetch(`${mock.baseURL}/files/${file.id}/content`, { headers: { authorization: AUTH } });
    expect(await content.text()).toBe('kept bytes');
  });
});
