// A client of part of an API (`--include '/products/**' --exclude method:DELETE` on the shop
// fixture) against `sdkgen mock` with the same filter: the kept calls work end to end, the
// schemas only the rest reach are not in the package, and a left-out route answers a 404 that
// names the selector that left it out.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { type MockServer, startMockServer } from '../../generator/mock/mock-server.js';
import { filterOf } from '../../generator/model/selectors.js';
import { modelSpec } from '../../generator/model-spec.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';
import { callMock } from '../mock/mock-calls.js';

const SPEC = 'test/fixtures/mock-shop/openapi.yaml';
const filter = filterOf(['/products/**'], ['method:DELETE']);

interface Product {
  id: string;
  name: string;
}
interface Shop {
  products: {
    list(params?: { limit?: number }): AsyncIterable<Product>;
    retrieve(id: string): Promise<Product>;
    delete?: unknown;
  };
  orders?: unknown;
}

let Client: new (options: { apiKey: string; baseURL: string }) => Shop;
let mock: MockServer;
let out: string;
const progress: string[] = [];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'sdkgen-filtered-'));
  const { files } = generate({ spec: SPEC, out, cwd: ROOT, filter, onProgress: (line) => progress.push(line) });
  writeOutput(out, planOutput(out, files));
  Client = ((await import(pathToFileURL(join(out, 'dist/index.js')).href)) as { default: typeof Client }).default;
  mock = await startMockServer(modelSpec(SPEC, ROOT, { filter }).model, { items: 5 });
});
afterAll(async () => {
  await mock.close();
  rmSync(out, { recursive: true, force: true });
});

describe('a filtered client against a filtered mock', () => {
  it('lists and retrieves what the filter kept', async () => {
    const client = new Client({ apiKey: 'k', baseURL: mock.baseURL });
    const products: Product[] = [];
    for await (const product of client.products.list({ limit: 2 })) products.push(product);
    expect(products).toHaveLength(5);
    const first = products[0] as Product;
    expect((await client.products.retrieve(first.id)).id).toBe(first.id);
  });

  it('says in its progress what the filter left out and pruned', () => {
    expect(progress[0]).toMatch(/modeled 5 operations \(6 left out by the filter\), \d+ schemas \(4 pruned\)/);
  });

  it('has no method nor resource for what was left out, nor the schemas only that reached', () => {
    const client = new Client({ apiKey: 'k', baseURL: mock.baseURL });
    expect(client.orders).toBeUndefined();
    expect(client.products.delete).toBeUndefined();
    const types = readdirSync(join(out, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(join(out, 'src', file), 'utf8'))
      .join('\n');
    expect(types).toContain('Product');
    expect(types).not.toMatch(/\bOrder\b|\bCustomer\b|\bReview\b/);
    expect(existsSync(join(out, 'src/resources/orders.ts'))).toBe(false);
  });

  it('names the filter in its banner, so that regenerating keeps it, and in the README’s mock command', () => {
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain(
      "--include '/products/**' --exclude method:DELETE --port 4010",
    );
    expect(readFileSync(join(out, 'src/index.ts'), 'utf8').split('\n')[0]).toContain(
      "--include '/products/**' --exclude method:DELETE",
    );
  });

  it('answers a route the filter left out with a 404 that says which selector left it out', async () => {
    const headers = { 'x-api-key': 'k' };
    const deleted = await callMock(mock.baseURL, headers, 'DELETE', '/products/p1');
    expect(deleted.status).toBe(404);
    expect(JSON.stringify(deleted.body)).toContain(
      'DELETE /products/{product_id} is in the spec but left out of this mock (--exclude method:DELETE)',
    );
    const orders = await callMock(mock.baseURL, headers, 'GET', '/orders');
    expect(orders.status).toBe(404);
    expect(JSON.stringify(orders.body)).toContain(
      'GET /orders is in the spec but left out of this mock (matched by no --include)',
    );
    const nowhere = await callMock(mock.baseURL, headers, 'GET', '/nowhere');
    expect(JSON.stringify(nowhere.body)).toContain('No operation at /nowhere.');
  });
});
