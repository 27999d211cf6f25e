import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { type MockServer, startMockServer } from '../../generator/mock/mock-server.js';
import type { NamedSchema } from '../../generator/model/model.js';
import { validateValue } from '../../generator/values/validate-value.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';

// The mock of test/fixtures/mock-shop (every pagination scheme, a collection with its item
// operations, an action, constraints), driven by the client sdkgen generates for the same spec.
const dir = mkdtempSync(join(tmpdir(), 'sdkgen-mock-'));
const out = join(dir, 'shop-client');
const generation = generate({ spec: 'test/fixtures/mock-shop/openapi.yaml', out, cwd: ROOT });
const { model } = generation;
const schemas = new Map<string, NamedSchema>(model.schemas.map((s) => [s.name, s]));
const lookup = (name: string): NamedSchema | undefined => schemas.get(name);

/* eslint-disable @typescript-eslint/no-explicit-any -- the client is generated in this test, its types are not known to it */
type ShopModule = {
  default: new (options: Record<string, unknown>) => any;
  APIError: new (...args: never[]) => Error & { status: number };
};
let shop: ShopModule;
let mock: MockServer;
const requests: string[] = [];

beforeAll(async () => {
  writeOutput(out, planOutput(out, generation.files));
  shop = (await import(pathToFileURL(join(out, 'dist/index.js')).href)) as ShopModule;
  mock = await startMockServer(model, { log: (line) => requests.push(line) });
});
afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

function client(options: Record<string, unknown> = {}): any {
  return new shop.default({ baseURL: mock.baseURL, apiKey: 'any-key', maxRetries: 0, ...options });
}

async function walk(
  list: AsyncIterable<Record<string, unknown>>,
): Promise<{ items: Record<string, unknown>[]; requests: number }> {
  const before = requests.length;
  const items: Record<string, unknown>[] = [];
  for await (const item of list) items.push(item);
  return { items, requests: requests.length - before };
}

describe('sdkgen mock', () => {
  it('serves under the spec server path, and nothing outside it', async () => {
    expect(mock.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
    const outside = await fetch(mock.baseURL.replace('/api/v3', '/products'), { headers: { 'x-api-key': 'k' } });
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as { error: { message: string } }).error.message).toContain('served under /api/v3');
  });

  it.each([
    ['next cursor', 'products', { limit: 10 }, 5],
    ['page number', 'orders', {}, 3],
    ['offset', 'customers', {}, 3],
    ['last item id', 'reviews', {}, 3],
    ['next URL', 'events', {}, 3],
  ])('pages a %s list so the client walks every item once (%s)', async (_scheme, resource, params, pages) => {
    const { items, requests: sent } = await walk(client()[resource].list(params));
    expect(items).toHaveLength(45);
    const ids = items.map((item) => item['id'] ?? item['order_id']);
    expect(new Set(ids).size).toBe(45);
    expect(sent).toBe(pages);
  });

  it('makes items that fit their schema, from the examples, the same on every run', async () => {
    const first = await client().products.list({ limit: 3 });
    expect(first.data[0]).toMatchObject({
      id: 'prod_001',
      name: 'Lamp',
      price: 12,
      category: 'games',
      created_at: 1711471533,
    });
    expect(first.data[1]).toMatchObject({ id: 'prod_002', name: 'Lamp 2', created_at: 1711471533 + 3600 });
    for (const item of first.data)
      expect(validateValue(item, { kind: 'ref', name: 'Product' }, undefined, lookup, 'item')).toEqual([]);
    const again = await startMockServer(model);
    try {
      const response = await fetch(`${again.baseURL}/products?limit=3`, { headers: { 'x-api-key': 'k' } });
      expect(((await response.json()) as { data: unknown }).data).toEqual(first.data);
    } finally {
      await again.close();
    }
  });

  it('keeps what is created, changed and deleted', async () => {
    const products = client().products;
    const created = await products.create({ name: 'Kettle', price: 30, category: 'odd value' });
    expect(created).toMatchObject({ id: 'prod_046', name: 'Kettle', price: 30, category: 'odd value' });
    expect(await products.retrieve('prod_046')).toEqual(created);
    expect(await products.update('prod_046', { price: 25 })).toMatchObject({
      id: 'prod_046',
      name: 'Kettle',
      price: 25,
    });
    const all = (await walk(products.list({ limit: 50 }))).items;
    expect(all).toHaveLength(46);
    expect(all.at(-1)).toMatchObject({ id: 'prod_046', price: 25 });
    expect(await products.delete('prod_046')).toEqual({ id: 'prod_046', object: 'product.deleted', deleted: true });
    const missing = await products.retrieve('prod_046').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(shop.APIError);
    expect((missing as { status: number }).status).toBe(404);
    expect((await walk(products.list({ limit: 50 }))).items).toHaveLength(45);
  });

  it('answers other operations from their example', async () => {
    expect(await client().products.archive('prod_001')).toEqual({ archived: true });
  });

  it('answers 400 with what is wrong, for the body, the query and the path', async () => {
    const error = (await client()
      .products.create({ price: -1, category: 'toys', tags: ['a', 'b', 'c', 'd'] })
      .catch((e: unknown) => e)) as { status: number; error: { error: { message: string; problems: unknown } } };
    expect(error.status).toBe(400);
    expect(error.error.error.problems).toEqual([
      { where: 'body.name', message: 'is required' },
      { where: 'body.price', message: 'must be ≥ 0, got -1' },
      { where: 'body.category', message: 'must be "books" or "games" or "odd value", got "toys"' },
      { where: 'body.tags', message: 'must have at most 3 items, got 4' },
    ]);
    const limit = await fetch(`${mock.baseURL}/products?limit=500&category=books`, { headers: { 'x-api-key': 'k' } });
    expect(limit.status).toBe(400);
    expect(((await limit.json()) as { error: { message: string; param: string } }).error).toMatchObject({
      message: 'Invalid request: query.limit must be ≤ 50, got 500.',
      param: 'limit',
    });
    const badJSON = await fetch(`${mock.baseURL}/products`, {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(badJSON.status).toBe(400);
    expect(((await badJSON.json()) as { error: { message: string } }).error.message).toMatch(
      /^Invalid request: body is not valid JSON/,
    );
    const cursor = await fetch(`${mock.baseURL}/products?cursor=nope`, { headers: { 'x-api-key': 'k' } });
    expect(((await cursor.json()) as { error: { message: string } }).error.message).toContain(
      'query.cursor is not a cursor of this list',
    );
  });

  it('refuses a request without the credential the spec asks for, and a method the path does not have', async () => {
    const anonymous = await fetch(`${mock.baseURL}/products`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { message: string } }).error.message).toBe(
      'No credential: send a `X-API-Key` header. The mock accepts any non-empty key.',
    );
    const put = await fetch(`${mock.baseURL}/products`, { method: 'PUT', headers: { 'x-api-key': 'k' } });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
  });

  it('sends a request id, and lets browsers call it', async () => {
    const response = await fetch(`${mock.baseURL}/orders`, { headers: { 'x-api-key': 'k' } });
    expect(response.headers.get('x-request-id')).toMatch(/^req_mock_\d{6}$/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${mock.baseURL}/orders`, { method: 'OPTIONS' })).status).toBe(204);
  });
});
