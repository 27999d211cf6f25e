// The stainless-names fixture (Honcho's page class named `page`, ImageKit's `File` model, Linq's
// and Luma AI's per-method type names) generated and run against a real server on 127.0.0.1:
// the declared `Page` walks its pages as a subclass of the runtime base, exported as
// `AbstractPage`, and an upload still sends the global `File` beside the `File` model.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';

interface Client {
  readonly apps: { list(params?: Record<string, unknown>): AsyncIterable<{ id: string }> & PromiseLike<unknown> };
  readonly files: { upload(body: Record<string, unknown>): Promise<{ fileId: string }> };
}
interface Package {
  readonly default: new (options: Record<string, unknown>) => Client;
  readonly Page: abstract new (...args: never[]) => unknown;
  readonly AbstractPage: abstract new (...args: never[]) => unknown;
}

let pkg: Package;
const out = mkdtempSync(join(tmpdir(), 'sdkgen-stainless-names-'));

beforeAll(async () => {
  const { files } = generate({ spec: 'test/fixtures/stainless-names/openapi.yaml', out, cwd: ROOT });
  writeOutput(out, planOutput(out, files));
  pkg = (await import(pathToFileURL(join(out, 'dist/index.js')).href)) as Package;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(answer: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => answer(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const json = (res: ServerResponse, value: unknown) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};

describe('a client whose declared page class is Page and whose model is File', () => {
  it('walks the declared Page, a subclass of the runtime base exported as AbstractPage', async () => {
    const pages: (string | null)[] = [];
    const baseURL = await serve((req, _body, res) => {
      const page = new URL(req.url ?? '/', 'http://x').searchParams.get('page');
      pages.push(page);
      json(res, { items: page === '2' ? [{ id: 'b' }] : [{ id: 'a' }], page: Number(page ?? 1), pages: 2 });
    });
    const client = new pkg.default({ baseURL, apiKey: 'k' });
    const ids: string[] = [];
    for await (const app of client.apps.list()) ids.push(app.id);
    expect(ids).toEqual(['a', 'b']);
    expect(pages).toEqual([null, '2']);
    const first = await client.apps.list();
    expect(first).toBeInstanceOf(pkg.Page);
    expect(first).toBeInstanceOf(pkg.AbstractPage);
    expect(pkg.Page).not.toBe(pkg.AbstractPage);
  });

  it('uploads a global File beside the File model', async () => {
    let received = '';
    const baseURL = await serve((req, body, res) => {
      received = `${req.headers['content-type']?.split(';')[0]} ${body.toString('latin1')}`;
      json(res, { fileId: 'f_1', name: 'a.txt' });
    });
    const client = new pkg.default({ baseURL, apiKey: 'k' });
    const file = await client.files.upload({ file: new File(['hello'], 'a.txt'), fileName: 'a.txt' });
    expect(file).toEqual({ fileId: 'f_1', name: 'a.txt' });
    expect(received).toMatch(/^multipart\/form-data /);
    expect(received).toContain('filename="a.txt"');
    expect(received).toContain('hello');
  });
});
