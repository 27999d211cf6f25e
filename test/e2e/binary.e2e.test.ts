// Downloads and uploads of bytes through a generated client, against a real server on 127.0.0.1:
// what goes over the wire is compared byte for byte, bytes that are not valid UTF-8 included.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';

interface BinaryResponse {
  readonly contentType: string;
  readonly body: ReadableStream<Uint8Array> | null;
  bytes(): Promise<Uint8Array>;
  blob(): Promise<Blob>;
}
interface Zoo {
  photos: { content: { retrieve(id: string): Promise<BinaryResponse>; update(id: string, body: Blob | Uint8Array): Promise<void> } };
}

/** Not UTF-8: a lone continuation byte, an overlong form, a surrogate, 0xFF; and a NUL. */
const BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x80, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff, 0x00, 0xfe]);

let Client: new (options: { baseURL: string }) => Zoo;
const dirs: string[] = [];
beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'sdkgen-binary-'));
  dirs.push(out);
  const { files } = generate({ spec: 'test/fixtures/schema-language/openapi.yaml', out, cwd: ROOT });
  writeOutput(out, planOutput(out, files));
  Client = ((await import(pathToFileURL(join(out, 'dist/index.js')).href)) as { default: typeof Client }).default;
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('bytes over the wire', () => {
  it('downloads the body untouched, asking for the declared type, and says which type came', async () => {
    const seen: { accept: string | undefined; uploaded: Buffer | undefined; type: string | undefined } = { accept: undefined, uploaded: undefined, type: undefined };
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
});
