// Downloads and uploads of bytes through a generated client, against a real server on 127.0.0.1:
// what goes over the wire is compared byte for byte, bytes that are not valid UTF-8 included.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { startMockServer } from '../../generator/mock/mock-server.js';
import { modelSpec } from '../../generator/model-spec.js';
import type { BinaryResponse } from '../../generator/runtime/binary.js';
import type { Uploadable } from '../../generator/runtime/uploads.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';

interface Zoo {
  photos: {
    create(body: { file: Uploadable; caption?: string; tags?: string[] }): Promise<{ id: string }>;
    content: {
      retrieve(id: string): Promise<BinaryResponse<string>>;
      update(id: string, body: Uploadable): Promise<void>;
    };
  };
}
interface Module {
  default: new (options: { baseURL: string }) => Zoo;
  toFile(value: Uploadable | string, name?: string, options?: { type?: string }): Promise<File>;
  fileFromPath(path: string, nameOrOptions?: string | { type?: string }, options?: { type?: string }): Promise<File>;
}

/** Not UTF-8: a lone continuation byte, an overlong form, a surrogate, 0xFF; and a NUL. */
const BYTES = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x80, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff, 0x00, 0xfe,
]);

let Client: new (options: { baseURL: string }) => Zoo;
let lib: Module;
const dirs: string[] = [];
beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'sdkgen-binary-'));
  dirs.push(out);
  const { files } = generate({ spec: 'test/fixtures/schema-language/openapi.yaml', out, cwd: ROOT });
  writeOutput(out, planOutput(out, files));
  lib = (await import(pathToFileURL(join(out, 'dist/index.js')).href)) as Module;
  Client = lib.default;
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('bytes over the wire', () => {
  it('downloads the body untouched, asking for the declared type, and says which type came', async () => {
    const seen: { accept: string | undefined; uploaded: Buffer | undefined; type: string | undefined } = {
      accept: undefined,
      uploaded: undefined,
      type: undefined,
    };
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (req.method === 'PUT') {
          seen.uploaded = Buffer.concat(chunks);
          seen.type = req.headers['content-type'];
          res.writeHead(204).end();
          return;
        }
        seen.accept = req.headers.accept;
        res.writeHead(200, { 'content-type': 'image/png' });
        // In two writes, the second starting inside what would be a multi-byte character.
        res.write(BYTES.subarray(0, 9));
        res.end(BYTES.subarray(9));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = new Client({ baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` });
      const photo = await client.photos.content.retrieve('photo_1');
      expect(seen.accept).toBe('image/png');
      expect(photo.contentType).toBe('image/png');
      expect(Buffer.from(await photo.bytes()).equals(BYTES)).toBe(true);
      await client.photos.content.update('photo_1', new Blob([BYTES]));
      expect(seen.uploaded?.equals(BYTES)).toBe(true);
      expect(seen.type).toBe('application/octet-stream');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('uploads from every kind of source, as a multipart file part and as raw bytes, with names and types carried', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdkgen-upload-'));
    dirs.push(dir);
    const path = join(dir, 'lion.png');
    writeFileSync(path, BYTES);
    const parts: { name: string; type: string; bytes: Buffer; tags: string[] }[] = [];
    const raw: Buffer[] = [];
    const read = (req: IncomingMessage): Promise<Buffer> =>
      new Promise((resolve) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => resolve(Buffer.concat(chunks)));
      });
    const server = createServer((req, res) => {
      void read(req).then(async (body) => {
        if (req.method === 'PUT') raw.push(body);
        else {
          const form = await new Response(new Uint8Array(body), {
            headers: { 'content-type': req.headers['content-type'] ?? '' },
          }).formData();
          const file = form.get('file') as File;
          parts.push({
            name: file.name,
            type: file.type,
            bytes: Buffer.from(await file.arrayBuffer()),
            tags: form.getAll('tags') as string[],
          });
        }
        res.writeHead(req.method === 'PUT' ? 204 : 200, { 'content-type': 'application/json' });
        res.end(req.method === 'PUT' ? undefined : '{"id":"photo_1"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = new Client({ baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` });
      const stream = (): ReadableStream<Uint8Array> =>
        new ReadableStream({
          start(controller) {
            controller.enqueue(new Uint8Array(BYTES.subarray(0, 5)));
            controller.enqueue(new Uint8Array(BYTES.subarray(5)));
            controller.close();
          },
        });
      const sources: [string, () => Uploadable | Promise<Uploadable>][] = [
        ['Blob', () => new Blob([BYTES], { type: 'image/png' })],
        ['File', () => new File([BYTES], 'named.png', { type: 'image/png' })],
        ['Uint8Array', () => new Uint8Array(BYTES)],
        ['ArrayBuffer', () => new Uint8Array(BYTES).buffer],
        ['ReadableStream', stream],
        ['Response', () => new Response(BYTES, { headers: { 'content-type': 'image/png' } })],
        ['fs.ReadStream', () => createReadStream(path)],
        ['toFile(path)', () => lib.toFile(path, undefined, { type: 'image/png' })],
        // Stainless's older `node` SDKs' fileFromPath, both of its forms.
        ['fileFromPath(path, options)', () => lib.fileFromPath(path, { type: 'image/png' })],
        ['fileFromPath(path, name, options)', () => lib.fileFromPath(path, 'leo.png', { type: 'image/png' })],
      ];
      for (const [, source] of sources) await client.photos.create({ file: await source(), tags: ['a', 'b'] });
      for (const [, source] of sources) await client.photos.content.update('photo_1', await source());
      expect(parts.map((p) => [p.name, p.type])).toEqual([
        ['file', 'image/png'],
        ['named.png', 'image/png'],
        ['file', 'application/octet-stream'],
        ['file', 'application/octet-stream'],
        ['file', 'application/octet-stream'],
        ['file', 'image/png'],
        ['lion.png', 'application/octet-stream'],
        ['lion.png', 'image/png'],
        ['lion.png', 'image/png'],
        ['leo.png', 'image/png'],
      ]);
      for (const part of parts) {
        expect(part.bytes.equals(BYTES)).toBe(true);
        expect(part.tags).toEqual(['a', 'b']);
      }
      expect(raw).toHaveLength(sources.length);
      for (const bytes of raw) expect(bytes.equals(BYTES)).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('is checked by sdkgen mock: a multipart upload needs its required parts, and a file part must be a file', async () => {
    const mock = await startMockServer(modelSpec('test/fixtures/schema-language/openapi.yaml', ROOT).model, {
      items: 3,
    });
    try {
      const client = new Client({ baseURL: mock.baseURL });
      expect(await client.photos.create({ file: new Uint8Array(BYTES), caption: 'Leo' })).toMatchObject({
        id: expect.any(String),
      });
      const post = async (form: FormData): Promise<{ status: number; message: string }> => {
        const response = await fetch(`${mock.baseURL}/photos`, { method: 'POST', body: form });
        return {
          status: response.status,
          message: ((await response.json()) as { error: { message: string } }).error.message,
        };
      };
      const missing = new FormData();
      missing.append('caption', 'no file');
      expect(await post(missing)).toEqual({ status: 400, message: 'Invalid request: body.file is required.' });
      const text = new FormData();
      text.append('file', 'not a file');
      expect(await post(text)).toEqual({
        status: 400,
        message: 'Invalid request: body.file must be a file part (with a filename), got a text field.',
      });
    } finally {
      await mock.close();
    }
  });
});
