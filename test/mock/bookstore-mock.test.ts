import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../generator/mock/mock-server.js';
import { modelSpec } from '../../generator/model-spec.js';
import { ROOT } from '../helpers/paths.js';

// The mock of a spec written as a newcomer would (test/fixtures/bookstore: no extensions),
// asked over HTTP what a user's first calls ask.
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer(modelSpec('test/fixtures/bookstore/openapi.yaml', ROOT).model);
});
afterAll(() => mock.close());

interface Book {
  id: string;
  genre: string;
  format: { kind: string };
}

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${mock.baseURL}${path}`, {
    ...init,
    headers: { 'x-api-key': 'k', 'content-type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: await response.json() };
}

async function every(query: string): Promise<Book[]> {
  const books: Book[] = [];
  let after: string | undefined;
  for (;;) {
    const { body } = await call(`/books?limit=100${query}${after === undefined ? '' : `&after=${after}`}`);
    books.push(...(body.data as Book[]));
    if (body.has_more !== true) return books;
    after = books.at(-1)?.id;
  }
}

describe('sdkgen mock of a newcomer’s bookstore', () => {
  it('filters a list by a query parameter named like an item field', async () => {
    const all = await every('');
    const fiction = await every('&genre=fiction');
    expect(all).toHaveLength(45);
    expect(fiction.length).toBeGreaterThan(0);
    expect(fiction.length).toBeLessThan(all.length);
    expect(fiction.every((book) => book.genre === 'fiction')).toBe(true);
    expect(fiction).toEqual(all.filter((book) => book.genre === 'fiction'));
  });

  it('takes oneOf variants in turn across made-up items', async () => {
    const kinds = (await every('')).map((book) => book.format.kind);
    expect(new Set(kinds)).toEqual(new Set(['print', 'ebook']));
    expect(kinds.filter((kind) => kind === 'ebook').length).toBeGreaterThan(10);
  });

  it('answers limit=0 with an empty page that still says more exist', async () => {
    const { status, body } = await call('/books?limit=0');
    expect(status).toBe(200);
    expect(body.data).toEqual([]);
    expect(body.has_more).toBe(true);
  });

  it('refuses a fraction where the spec says integer, in a body and in the query', async () => {
    const { status, body } = await call('/books', {
      method: 'POST',
      body: JSON.stringify({ title: 'T', genre: 'poetry', format: { kind: 'print', pages: 1.5 } }),
    });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('body.format.pages must be an integer, got 1.5');
    const query = await call('/books?limit=2.5');
    expect(query.status).toBe(400);
    expect(JSON.stringify(query.body)).toContain('must be an integer, got 2.5');
    expect((await call('/books?limit=2')).status).toBe(200);
  });

  it('lists the allowed tags when a discriminator value is unknown', async () => {
    const { status, body } = await call('/books', {
      method: 'POST',
      body: JSON.stringify({ title: 'T', genre: 'poetry', format: { kind: 'audiobook', minutes: 60 } }),
    });
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain(
      'body.format.kind must be one of \\"print\\", \\"ebook\\", got \\"audiobook\\"',
    );
  });
});
