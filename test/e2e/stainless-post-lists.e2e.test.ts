// POST lists and merged params as a Stainless config makes them, on the wire. Honcho's shape
// (`POST /v1/apps/list`: filters in an optional body, `page` and `size` in the query) and a
// search whose cursor is a field of its body page with `for await`, each page asked for where the
// spec takes the page parameter; Grid's shape (`POST /transfer-in`: an `Idempotency-Key` header
// beside the body) takes one params object whose header goes in the headers, the rest in the body.
// A client generated from a small spec and config runs against a real server on 127.0.0.1.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { specDir } from '../helpers/spec-files.js';

const SPEC = `openapi: 3.1.0
info: {title: Lists API, version: 1.0.0}
servers: [{url: https://api.lists.example}]
paths:
  /v1/apps/list:
    post:
      operationId: list_apps
      parameters:
        - {name: reverse, in: query, schema: {type: boolean}}
        - {name: page, in: query, schema: {type: integer}}
        - {name: size, in: query, schema: {type: integer}}
      requestBody:
        content:
          application/json:
            schema: {anyOf: [{$ref: '#/components/schemas/AppFilter'}, {type: 'null'}]}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/PageApp'}}}
  /v1/search:
    post:
      operationId: search
      parameters:
        - {name: region, in: query, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [text]
              properties:
                text: {type: string}
                cursor: {type: string}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [data]
                properties:
                  data: {type: array, items: {$ref: '#/components/schemas/App'}}
                  next_cursor: {type: [string, 'null']}
  /transfer-in:
    post:
      operationId: transfer_in
      parameters:
        - {name: Idempotency-Key, in: header, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [amount]
              properties:
                amount: {type: integer}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}
components:
  schemas:
    App:
      type: object
      required: [id]
      properties: {id: {type: string}}
    AppFilter:
      type: object
      properties: {filter: {type: object, additionalProperties: true}}
    PageApp:
      type: object
      required: [items, page, size]
      properties:
        items: {type: array, items: {$ref: '#/components/schemas/App'}}
        page: {type: integer}
        size: {type: integer}
        pages: {type: integer}
`;

// The config marks neither list: Stainless pages each by the scheme it fits.
const CONFIG = `organization: {name: lists}
targets: {node: {package_name: lists-sdk}}
resources:
  apps:
    methods:
      list: post /v1/apps/list
      search: post /v1/search
  transfer_in:
    methods:
      create: post /transfer-in
pagination:
  - name: page
    type: page_number
    request:
      page: {type: integer, x-stainless-pagination-property: {purpose: page_number_param}}
      size: {type: integer}
    response:
      items: {type: array, items: {}, x-stainless-pagination-property: {purpose: items}}
      page: {type: integer, x-stainless-pagination-property: {purpose: current_page_number_field}}
      pages: {type: integer, x-stainless-pagination-property: {purpose: total_page_count_field}}
  - name: cursor_page
    type: cursor
    request:
      cursor: {type: string, x-stainless-pagination-property: {purpose: next_cursor_param}}
    response:
      data: {type: array, items: {}, x-stainless-pagination-property: {purpose: items}}
      next_cursor: {type: string, x-stainless-pagination-property: {purpose: next_cursor_field}}
`;

interface App {
  id: string;
}
interface ListsClient {
  apps: {
    list(params?: {
      filter?: Record<string, unknown>;
      reverse?: boolean;
      page?: number;
      size?: number;
    }): AsyncIterable<App>;
    search(params: { text: string; region?: string }): AsyncIterable<App>;
  };
  transferIn: { create(params: { amount: number; 'Idempotency-Key'?: string }): Promise<{ id?: string }> };
}

let Client: new (options: { baseURL: string }) => ListsClient;
let sources: Record<string, string>;
const dirs: string[] = [];

beforeAll(async () => {
  const dir = specDir({ 'openapi.yaml': SPEC, 'stainless.yml': CONFIG });
  dirs.push(dir);
  const out = mkdtempSync(join(tmpdir(), 'sdkgen-post-lists-'));
  dirs.push(out);
  const { files } = generate({ spec: 'openapi.yaml', stainless: 'stainless.yml', out, cwd: dir });
  sources = Object.fromEntries(files.map((file) => [file.path, file.contents]));
  writeOutput(out, planOutput(out, files));
  Client = ((await import(pathToFileURL(join(out, 'dist/index.js')).href)) as { default: typeof Client }).default;
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Received {
  readonly line: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
}

/** Three apps in pages of two, by page number (`/v1/apps/list`) or by a cursor in the body (`/v1/search`). */
async function server(): Promise<{ baseURL: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const apps = [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }];
  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString();
      const body = text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
      received.push({ line: `${req.method} ${req.url}`, headers: req.headers, body });
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let answer: unknown;
      if (url.pathname === '/v1/apps/list') {
        const page = Number(url.searchParams.get('page') ?? '1');
        answer = { items: apps.slice((page - 1) * 2, page * 2), page, size: 2, pages: 2 };
      } else if (url.pathname === '/v1/search') {
        const from = body?.['cursor'] === 'c2' ? 2 : 0;
        answer = { data: apps.slice(from, from + 2), next_cursor: from === 0 ? 'c2' : null };
      } else {
        answer = { id: 'tx1' };
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}

describe('POST lists and merged params from a Stainless config', () => {
  it('types each method as Stainless does: one params object, a page of the scheme the list fits', () => {
    const apps = sources['src/resources/apps.ts'] ?? '';
    expect(apps).toMatch(/list\(params: AppListParams = \{\}, options\?: RequestOptions\): PagePromise<Page</);
    expect(apps).toMatch(/search\(params: AppSearchParams, options\?: RequestOptions\): PagePromise<CursorPage</);
    expect(apps).toContain('export interface AppListParams extends AppFilter {');
    const transfers = sources['src/resources/transfer-in.ts'] ?? '';
    expect(transfers).toMatch(/create\(params: TransferInCreateParams, options\?: RequestOptions\)/);
  });

  it('walks every page of a POST list whose page number is in the query, sending the filter each time', async () => {
    const api = await server();
    try {
      const client = new Client({ baseURL: api.baseURL });
      const ids: string[] = [];
      for await (const app of client.apps.list({ filter: { team: 'x' }, reverse: true })) ids.push(app.id);
      expect(ids).toEqual(['a1', 'a2', 'a3']);
      expect(api.received.map((r) => [r.line, r.body])).toEqual([
        ['POST /v1/apps/list?reverse=true', { filter: { team: 'x' } }],
        ['POST /v1/apps/list?reverse=true&page=2', { filter: { team: 'x' } }],
      ]);
    } finally {
      await api.close();
    }
  });

  it('walks every page of a POST list whose cursor is a field of its body', async () => {
    const api = await server();
    try {
      const client = new Client({ baseURL: api.baseURL });
      const ids: string[] = [];
      for await (const app of client.apps.search({ text: 'ap', region: 'eu' })) ids.push(app.id);
      expect(ids).toEqual(['a1', 'a2', 'a3']);
      expect(api.received.map((r) => [r.line, r.body])).toEqual([
        ['POST /v1/search?region=eu', { text: 'ap' }],
        ['POST /v1/search?region=eu', { text: 'ap', cursor: 'c2' }],
      ]);
    } finally {
      await api.close();
    }
  });

  it("holds Stainless's default for a declared page field the answer leaves null, typed as always there", async () => {
    expect(sources['src/pagination.ts']).toContain('declare readonly next_cursor: string;');
    const api = await server();
    try {
      const client = new Client({ baseURL: api.baseURL });
      const first = (await client.apps.search({ text: 'ap' })) as unknown as {
        next_cursor: unknown;
        getNextPage(): Promise<{ next_cursor: unknown; hasNextPage(): boolean }>;
      };
      expect(first.next_cursor).toBe('c2');
      const last = await first.getNextPage();
      // The answer's `next_cursor: null` is '' on the page, as `body.next_cursor || ''` makes it; no page follows.
      expect([last.next_cursor, last.hasNextPage()]).toEqual(['', false]);
    } finally {
      await api.close();
    }
  });

  it('sends a header parameter of the params object as a header, and the rest as the body', async () => {
    const api = await server();
    try {
      const client = new Client({ baseURL: api.baseURL });
      expect(await client.transferIn.create({ amount: 12550, 'Idempotency-Key': 'k-1' })).toEqual({ id: 'tx1' });
      const [sent] = api.received;
      expect(sent?.line).toBe('POST /transfer-in');
      expect(sent?.headers['idempotency-key']).toBe('k-1');
      expect(sent?.body).toEqual({ amount: 12550 });
    } finally {
      await api.close();
    }
  });
});
