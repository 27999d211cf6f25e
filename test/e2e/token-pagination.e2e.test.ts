// Lists paged by what the API hands out, walked end to end: a generated client against
// `sdkgen mock` of the same spec. The spec mirrors two real APIs: Asana's lists (a string
// `offset` token, answered at `next_page.offset`, `next_page` null on the last page) and
// Lithic's card-issuing lists (`starting_after`/`ending_before`/`page_size` by the items'
// `token`, answering `{ data, has_more }`); beside them, a list a numeric offset moves through.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { type MockServer, startMockServer } from '../../generator/mock/mock-server.js';
import { modelSpec } from '../../generator/model-spec.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { specDir } from '../helpers/spec-files.js';

const SPEC = `openapi: 3.1.0
info: { title: Cards and Tasks, version: 1.0.0 }
servers: [{ url: https://api.example.com/v1 }]
paths:
  /tasks:
    get:
      operationId: getTasks
      parameters:
        - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 100 } }
        - { name: offset, in: query, schema: { type: string } }
      responses:
        "200":
          description: A page of tasks.
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: { type: array, items: { $ref: "#/components/schemas/TaskCompact" } }
                  next_page: { $ref: "#/components/schemas/NextPage" }
  /tasks/{task_gid}:
    get:
      operationId: getTask
      parameters: [{ name: task_gid, in: path, required: true, schema: { type: string } }]
      responses:
        "200":
          description: A task.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/TaskCompact" }
  /cards:
    get:
      operationId: listCards
      parameters:
        - { name: starting_after, in: query, schema: { type: string } }
        - { name: ending_before, in: query, schema: { type: string } }
        - { name: page_size, in: query, schema: { type: integer, minimum: 1, maximum: 100, default: 50 } }
      responses:
        "200":
          description: A page of cards.
          content:
            application/json:
              schema:
                type: object
                required: [data, has_more]
                properties:
                  data: { type: array, items: { $ref: "#/components/schemas/Card" } }
                  has_more: { type: boolean }
  /cards/{card_token}:
    get:
      operationId: getCard
      parameters: [{ name: card_token, in: path, required: true, schema: { type: string } }]
      responses:
        "200":
          description: A card.
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Card" }
  /projects:
    get:
      operationId: listProjects
      parameters:
        - { name: offset, in: query, schema: { type: integer, minimum: 0 } }
        - { name: limit, in: query, schema: { type: integer, minimum: 1 } }
      responses:
        "200":
          description: A page of projects.
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: { type: array, items: { $ref: "#/components/schemas/Project" } }
components:
  schemas:
    NextPage:
      type: [object, "null"]
      properties:
        offset: { type: string }
        path: { type: string }
        uri: { type: string }
    TaskCompact:
      type: object
      properties:
        gid: { type: string }
        name: { type: string }
    Card:
      type: object
      required: [token, state]
      properties:
        token: { type: string, format: uuid }
        state: { enum: [OPEN, PAUSED, CLOSED] }
    Project:
      type: object
      required: [id]
      properties:
        id: { type: string }
        name: { type: string }
`;

/** 40 items a list, 10 a page: every walk's last page is full, where a trailing empty page would follow. */
const ITEMS = 40;

interface Page<Item> extends AsyncIterable<Item> {
  data: Item[];
  hasNextPage(): boolean;
  iterPages(): AsyncIterable<Page<Item>>;
}
type List<Item, Params> = (params?: Params) => Promise<Page<Item>> & AsyncIterable<Item>;
interface Client {
  tasks: { list: List<{ gid: string }, { limit?: number; offset?: string }> };
  cards: {
    list: List<{ token: string }, { page_size?: number; starting_after?: string; ending_before?: string }>;
  };
  projects: { list: List<{ id: string }, { limit?: number; offset?: number }> };
}

let client: Client;
let mock: MockServer;
const asked: string[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  const spec = join(specDir({ 'openapi.yaml': SPEC }), 'openapi.yaml');
  const out = mkdtempSync(join(tmpdir(), 'sdkgen-tokens-'));
  dirs.push(out, join(spec, '..'));
  const { files } = generate({ spec, out, cwd: out });
  writeOutput(out, planOutput(out, files));
  const Client = (
    (await import(pathToFileURL(join(out, 'dist/index.js')).href)) as { default: new (o: object) => Client }
  ).default;
  mock = await startMockServer(modelSpec(spec, out).model, { items: ITEMS });
  // Every request's path and query, as the mock received it.
  const fetchAndRecord = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    asked.push(new URL(input instanceof Request ? input.url : String(input)).search);
    return fetch(input, init);
  };
  client = new Client({ baseURL: mock.baseURL, maxRetries: 0, fetch: fetchAndRecord });
});
afterAll(async () => {
  await mock.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The item counts of the pages iterPages() yields, the items the list iterates, and the requests of the walk. */
async function walk<Item>(list: () => Promise<Page<Item>> & AsyncIterable<Item>) {
  asked.length = 0;
  const pages: number[] = [];
  for await (const page of (await list()).iterPages()) pages.push(page.data.length);
  const requests = [...asked];
  const items: Item[] = [];
  for await (const item of list()) items.push(item);
  return { pages, items, requests };
}

describe('a string offset is a token, read where the answer puts it (Asana)', () => {
  it('walks every task once, sending back the token from next_page.offset, and ends where next_page is null', async () => {
    const { pages, items, requests } = await walk(() => client.tasks.list({ limit: 10 }));
    expect(pages).toEqual([10, 10, 10, 10]);
    expect(new Set(items.map((t) => t.gid)).size).toBe(ITEMS);
    expect(requests).toHaveLength(4);
    expect(requests[0]).toBe('?limit=10');
    // Opaque tokens, never a count of items.
    for (const search of requests.slice(1)) {
      const offset = new URLSearchParams(search).get('offset') ?? '';
      expect(offset).toMatch(/^[A-Za-z0-9_-]{8,}$/);
      expect(Number.isNaN(Number(offset))).toBe(true);
    }
  });

  it('the mock hands out tokens and takes them back, and refuses an offset counted by the client', async () => {
    const first = (await (await fetch(`${mock.baseURL}/tasks?limit=10`)).json()) as {
      next_page: { offset: string };
    };
    expect(typeof first.next_page.offset).toBe('string');
    const second = await fetch(`${mock.baseURL}/tasks?limit=10&offset=${first.next_page.offset}`);
    expect(second.status).toBe(200);
    const counted = await fetch(`${mock.baseURL}/tasks?limit=10&offset=10`);
    expect(counted.status).toBe(400);
    expect(await counted.text()).toContain('no token this list handed out');
  });
});

describe('starting_after / ending_before with has_more pages by the items’ ids (Lithic)', () => {
  it('walks forward after the last card’s token, every card once', async () => {
    const { pages, items, requests } = await walk(() => client.cards.list({ page_size: 10 }));
    expect(pages).toEqual([10, 10, 10, 10]);
    expect(new Set(items.map((c) => c.token)).size).toBe(ITEMS);
    const page = await client.cards.list({ page_size: 10 });
    expect(requests[1]).toBe(`?page_size=10&starting_after=${page.data[9]?.token}`);
  });

  it('walks backward before the first card’s token, when the first request says ending_before', async () => {
    const all = (await walk(() => client.cards.list({ page_size: 10 }))).items;
    const from = all[35]?.token as string;
    const { pages, items, requests } = await walk(() => client.cards.list({ page_size: 10, ending_before: from }));
    expect(pages).toEqual([10, 10, 10, 5]);
    expect(items.map((c) => c.token)).toEqual(
      [...all.slice(25, 35), ...all.slice(15, 25), ...all.slice(5, 15), ...all.slice(0, 5)].map((c) => c.token),
    );
    expect(requests[1]).toBe(`?page_size=10&ending_before=${all[25]?.token}`);
  });
});

describe('a numeric offset still counts', () => {
  it('moves by the items received, and iterPages() never yields the empty page the walk ends at', async () => {
    const { pages, items, requests } = await walk(() => client.projects.list({ limit: 10 }));
    expect(pages).toEqual([10, 10, 10, 10]);
    expect(new Set(items.map((p) => p.id)).size).toBe(ITEMS);
    expect(requests).toEqual([
      '?limit=10',
      '?limit=10&offset=10',
      '?limit=10&offset=20',
      '?limit=10&offset=30',
      '?limit=10&offset=40',
    ]);
  });
});
