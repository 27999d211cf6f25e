// The operation decisions a Stainless config becomes, on the wire: a body named by
// `x-sdkgen-body-param` is sent whole (an array, as the API takes it), a list no operation marks
// pages by the declared class it fits, and a skipped operation is neither a method nor a route
// of `sdkgen mock`. A client generated from a small spec runs against a real server on 127.0.0.1.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { startMockServer } from '../../generator/mock/mock-server.js';
import { modelSpec } from '../../generator/model-spec.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { specDir } from '../helpers/spec-files.js';

const SPEC = `openapi: 3.1.0
info: {title: Decisions API, version: 1.0.0}
servers: [{url: https://api.decisions.example/v1}]
x-sdkgen-pagination:
  ContinuationPage: {type: cursor, items: data, cursorField: continuation, cursorParam: from}
paths:
  /tags/batch:
    post:
      operationId: addTags
      x-sdkgen-body-param: tags
      requestBody: {required: true, content: {application/json: {schema: {type: array, items: {type: string}}}}}
      responses: {"200": {description: ok, content: {application/json: {schema: {type: object, properties: {count: {type: integer}}}}}}}
  /events:
    get:
      operationId: listEvents
      parameters:
        - {name: from, in: query, schema: {type: string}}
        - {name: kind, in: query, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {type: object, properties: {id: {type: string}}}}
                  continuation: {type: [string, "null"]}
  /internal/reindex:
    post:
      operationId: reindex
      x-sdkgen-skip: "not in stainless.yml"
      responses: {"204": {description: done}}
`;

interface DecisionsClient {
  tags: { batch(body: { tags: string[] }): Promise<{ count?: number }> };
  events: { list(params?: { kind?: string }): AsyncIterable<{ id: string }> };
  internal?: unknown;
}

let Client: new (options: { apiKey?: string; baseURL: string }) => DecisionsClient;
let spec: string;
const dirs: string[] = [];

beforeAll(async () => {
  const dir = specDir({ 'openapi.yaml': SPEC });
  spec = join(dir, 'openapi.yaml');
  dirs.push(dir);
  const out = mkdtempSync(join(tmpdir(), 'sdkgen-decisions-'));
  dirs.push(out);
  const { files } = generate({ spec: 'openapi.yaml', out, cwd: dir });
  writeOutput(out, planOutput(out, files));
  Client = ((await import(pathToFileURL(join(out, 'dist/index.js')).href)) as { default: typeof Client }).default;
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Received {
  readonly line: string;
  readonly body: string;
}

/** A server that records each request and answers the events two pages long, by a cursor of names inference does not know. */
async function server(): Promise<{ baseURL: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const pages: Record<string, unknown> = {
    '': { data: [{ id: 'e1' }, { id: 'e2' }], continuation: 'c2' },
    c2: { data: [{ id: 'e3' }], continuation: null },
  };
  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ line: `${req.method} ${req.url}`, body: Buffer.concat(chunks).toString() });
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const answer = url.pathname.endsWith('/events')
        ? pages[url.searchParams.get('from') ?? '']
        : { count: (JSON.parse(Buffer.concat(chunks).toString()) as unknown[]).length };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    received,
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}

describe('Stainless decisions on the wire', () => {
  it('sends the property x-sdkgen-body-param names as the whole body', async () => {
    const api = await server();
    try {
      const client = new Client({ baseURL: api.baseURL });
      expect(await client.tags.batch({ tags: ['red', 'blue'] })).toEqual({ count: 2 });
      expect(api.received).toEqual([{ line: 'POST /v1/tags/batch', body: '["red","blue"]' }]);
    } finally {
      await api.close();
    }
  });

  it('pages a list no operation marks by the declared class it fits, sending its other parameters again', async () => {
    const api = await server();
    try {
      const client = new Client({ baseURL: api.baseURL });
      const ids: string[] = [];
      for await (const event of client.events.list({ kind: 'deploy' })) ids.push(event.id);
      expect(ids).toEqual(['e1', 'e2', 'e3']);
      expect(api.received.map((r) => r.line)).toEqual([
        'GET /v1/events?kind=deploy',
        'GET /v1/events?kind=deploy&from=c2',
      ]);
    } finally {
      await api.close();
    }
  });

  it('has no method for a skipped operation, and its mock does not answer the route', async () => {
    const client = new Client({ baseURL: 'http://127.0.0.1:1/v1' });
    expect(client.internal).toBeUndefined();
    const mock = await startMockServer(modelSpec(spec, '/').model, { port: 0, host: '127.0.0.1', items: 2 });
    try {
      const skipped = await fetch(`${mock.baseURL}/internal/reindex`, { method: 'POST' });
      await skipped.body?.cancel();
      expect(skipped.status).toBe(404);
      const kept = await new Client({ baseURL: mock.baseURL }).tags.batch({ tags: ['a'] });
      expect(kept).toBeTypeOf('object');
    } finally {
      await mock.close();
    }
  });
});
