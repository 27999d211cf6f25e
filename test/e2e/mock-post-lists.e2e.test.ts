// `sdkgen mock` pages POST lists as a Stainless config makes them, walked through the generated
// client: a search whose cursor and page size are fields of its JSON body (`pageParamsIn: 'body'`,
// as the Stainless loader declares a scheme whose request params the list takes in its body), and
// Honcho's `POST /v1/apps/list`, its filter in the body and `page`/`size` in the query. The mock
// reads each page's parameters where the client sends them and answers every page, then none.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { type MockServer, startMockServer } from '../../generator/mock/mock-server.js';
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
                limit: {type: integer}
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
components:
  schemas:
    App:
      type: object
      required: [id, name]
      properties: {id: {type: string}, name: {type: string}}
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

const CONFIG = `organization: {name: lists}
targets: {node: {package_name: lists-sdk}}
resources:
  apps:
    methods:
      list: post /v1/apps/list
      search: post /v1/search
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
    list(params?: { filter?: Record<string, unknown>; page?: number; size?: number }): AsyncIterable<App>;
    search(params: {
      text: string;
      limit?: number;
      cursor?: string;
    }): AsyncIterable<App> & PromiseLike<{ iterPages(): AsyncIterable<{ data: App[]; next_cursor?: string | null }> }>;
  };
}

const dirs: string[] = [];
let Client: new (options: { baseURL: string; maxRetries: number }) => ListsClient;
let mock: MockServer;
let search: { readonly paramsIn?: 'body' | undefined } | undefined;
const lines: string[] = [];

beforeAll(async () => {
  const dir = specDir({ 'openapi.yaml': SPEC, 'stainless.yml': CONFIG });
  const out = mkdtempSync(join(tmpdir(), 'sdkgen-mock-post-lists-'));
  dirs.push(dir, out);
  const { files, model } = generate({ spec: 'openapi.yaml', stainless: 'stainless.yml', out, cwd: dir });
  writeOutput(out, planOutput(out, files));
  Client = ((await import(pathToFileURL(join(out, 'dist/index.js')).href)) as { default: typeof Client }).default;
  search = model.root.children.flatMap((r) => r.operations).find((o) => o.operationId === 'search')?.pagination;
  mock = await startMockServer(model, { items: 7, log: (line) => lines.push(line) });
});
afterAll(async () => {
  await mock.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every item of a walk, and the requests it took. */
async function walk(list: AsyncIterable<App>): Promise<{ ids: string[]; requests: number }> {
  const before = lines.length;
  const ids: string[] = [];
  for await (const app of list) ids.push(app.id);
  return { ids, requests: lines.length - before };
}

describe('sdkgen mock: POST lists, page by page', () => {
  it('pages a list whose cursor and size are fields of its body, reading them from the body', async () => {
    expect(search?.paramsIn).toBe('body');
    const client = new Client({ baseURL: mock.baseURL, maxRetries: 0 });
    const { ids, requests } = await walk(client.apps.search({ text: 'ap', limit: 3 }));
    // 7 items in pages of 3: three requests, each item once.
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect(requests).toBe(3);
    const pages: number[] = [];
    const first = await client.apps.search({ text: 'ap', limit: 3 });
    for await (const page of first.iterPages()) pages.push(page.data.length);
    expect(pages).toEqual([3, 3, 1]);
  });

  it('answers a cursor the list never handed out with a 400 naming the body field', async () => {
    const response = await fetch(`${mock.baseURL}/v1/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'ap', cursor: 'no-such-cursor' }),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('body.cursor');
  });

  it('pages a POST list whose page number and size are in the query, its filter in the body', async () => {
    const client = new Client({ baseURL: mock.baseURL, maxRetries: 0 });
    const { ids, requests } = await walk(client.apps.list({ filter: { team: 'x' }, size: 2 }));
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect(requests).toBe(4);
    // The same list every time: a second walk sees the same items in the same order.
    expect((await walk(client.apps.list({ size: 5 }))).ids).toEqual(ids);
  });
});
