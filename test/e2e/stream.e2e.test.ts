// Event streams end to end: the client generated from test/fixtures/streaming, against a real
// server on 127.0.0.1 that writes server-sent events the way each case needs.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { startMockServer } from '../../generator/mock/mock-server.js';
import { modelSpec } from '../../generator/model-spec.js';
import { validateValue } from '../../generator/values/validate-value.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';

interface Chunk {
  id: string;
  delta: string;
}
interface Stream<T> extends AsyncIterable<T> {
  controller: AbortController;
  tee(): [Stream<T>, Stream<T>];
  toReadableStream(): ReadableStream<Uint8Array>;
}
interface ChatClient {
  completions: {
    create(
      body: { prompt: string; stream?: boolean },
      options?: { signal?: AbortSignal; timeout?: number },
    ): Promise<Stream<Chunk> | { id: string; text: string }>;
  };
  logs: { retrieve(jobId: string): Promise<Stream<string>> };
}
interface Module {
  default: new (options: { apiKey: string; baseURL: string; timeout?: number; maxRetries?: number }) => ChatClient;
  Stream: { fromReadableStream<T>(body: ReadableStream<Uint8Array>): Stream<T> };
  APIError: new (...args: never[]) => Error;
  APIUserAbortError: new (...args: never[]) => Error;
  APIConnectionTimeoutError: new (...args: never[]) => Error;
}

let lib: Module;
const dirs: string[] = [];
beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'sdkgen-stream-'));
  dirs.push(out);
  const { files } = generate({ spec: 'test/fixtures/streaming/openapi.yaml', out, cwd: ROOT });
  writeOutput(out, planOutput(out, files));
  lib = (await import(pathToFileURL(join(out, 'dist/index.js')).href)) as Module;
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A server on 127.0.0.1 answering every request with `handler`; resolves to a client of it. */
async function serve(handler: Handler, options: { timeout?: number } = {}): Promise<ChatClient> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const { port } = server.address() as AddressInfo;
  return new lib.default({ apiKey: 'sk-test', baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0, ...options });
}

const sse = (res: ServerResponse): void => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.flushHeaders();
};
const event = (data: unknown, name?: string): string =>
  `${name === undefined ? '' : `event: ${name}\n`}data: ${JSON.stringify(data)}\n\n`;
const CHUNKS: Chunk[] = [
  { id: 'c1', delta: 'Hel' },
  { id: 'c2', delta: 'lo, wörld ☃ 😀' },
  { id: 'c3', delta: '!' },
];

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

describe('event streams, end to end', () => {
  it('stream: true gives the parsed chunks up to [DONE], with Accept: text/event-stream; without it, the JSON answer', async () => {
    const accepts: (string | undefined)[] = [];
    const client = await serve((req, res, body) => {
      accepts.push(req.headers.accept);
      if ((JSON.parse(body) as { stream?: boolean }).stream !== true) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'cmpl', text: 'Hello' }));
        return;
      }
      sse(res);
      res.end(`${CHUNKS.map((c) => event(c)).join('')}data: [DONE]\n\n`);
    });
    expect(await collect((await client.completions.create({ prompt: 'hi', stream: true })) as Stream<Chunk>)).toEqual(
      CHUNKS,
    );
    expect(await client.completions.create({ prompt: 'hi' })).toEqual({ id: 'cmpl', text: 'Hello' });
    expect(accepts).toEqual(['text/event-stream', 'application/json']);
  });

  it('gives the same items however the server splits its bytes, inside a character included (fast-check)', async () => {
    let cuts: number[] = [];
    const client = await serve((_req, res) => {
      sse(res);
      const all = Buffer.from(
        `: hello\r\n${CHUNKS.map((c) => event(c).replace(/\n/g, '\r\n')).join('')}data: [DONE]\r\n\r\n`,
      );
      const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
      let start = 0;
      for (const point of [...points, all.length]) {
        res.write(all.subarray(start, point));
        start = point;
      }
      res.end();
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 40 }), async (points) => {
        cuts = points;
        expect(
          await collect((await client.completions.create({ prompt: 'hi', stream: true })) as Stream<Chunk>),
        ).toEqual(CHUNKS);
      }),
      { numRuns: 25 },
    );
  });

  it('closes the connection when the loop is left with break', async () => {
    let closed: () => void = () => {};
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const client = await serve((req, res) => {
      sse(res);
      res.write(event(CHUNKS[0]));
      res.write(event(CHUNKS[1]));
      // Never ends on its own: only the client's leaving can close it.
      req.socket.on('close', closed);
    });
    const stream = (await client.completions.create({ prompt: 'hi', stream: true })) as Stream<Chunk>;
    for await (const chunk of stream) {
      expect(chunk).toEqual(CHUNKS[0]);
      break;
    }
    await connectionClosed;
    expect(stream.controller.signal.aborted).toBe(true);
  });

  it('ends the loop with APIUserAbortError, and closes the connection, when the caller aborts mid-stream', async () => {
    let closed: () => void = () => {};
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const client = await serve((req, res) => {
      sse(res);
      res.write(event(CHUNKS[0]));
      req.socket.on('close', closed);
    });
    const caller = new AbortController();
    const stream = (await client.completions.create(
      { prompt: 'hi', stream: true },
      { signal: caller.signal },
    )) as Stream<Chunk>;
    const seen: Chunk[] = [];
    const error = await (async () => {
      try {
        for await (const chunk of stream) {
          seen.push(chunk);
          caller.abort();
        }
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(seen).toEqual([CHUNKS[0]]);
    expect(error).toBeInstanceOf(lib.APIUserAbortError);
    await connectionClosed;
  });

  it('throws an error event from the loop as an APIError with its body', async () => {
    const client = await serve((_req, res) => {
      sse(res);
      res.end(`${event(CHUNKS[0])}${event({ error: { message: 'overloaded', type: 'server_error' } }, 'error')}`);
    });
    const seen: Chunk[] = [];
    let error: unknown;
    try {
      for await (const chunk of (await client.completions.create({ prompt: 'hi', stream: true })) as Stream<Chunk>)
        seen.push(chunk);
    } catch (thrown) {
      error = thrown;
    }
    expect(seen).toEqual([CHUNKS[0]]);
    expect(error).toBeInstanceOf(lib.APIError);
    expect(error).toMatchObject({
      message: 'The stream sent an error: overloaded',
      error: { error: { message: 'overloaded' } },
    });
  });

  it('cuts a stream that stalls for the timeout, saying so, and never one that keeps sending', async () => {
    // Events come 10 ms apart for far longer than the 1,500 ms timeout: a timeout of the whole
    // request would cut it; the idle timer, restarted by each event, does not.
    const client = await serve(
      (req, res) => {
        sse(res);
        const stalls = req.url?.includes('stall') === true;
        let sent = 0;
        const next = (): void => {
          if (stalls && sent === 1) return; // one event, then nothing
          if (sent === 200) {
            res.end('data: [DONE]\n\n');
            return;
          }
          res.write(event({ id: `c${sent}`, delta: '.' }));
          sent += 1;
          setTimeout(next, 10);
        };
        next();
      },
      { timeout: 1_500 },
    );
    expect(
      await collect((await client.completions.create({ prompt: 'long', stream: true })) as Stream<Chunk>),
    ).toHaveLength(200);
    const stalled = (await client.logs.retrieve('stall')) as Stream<string>;
    const seen: string[] = [];
    let error: unknown;
    try {
      for await (const line of stalled) seen.push(line);
    } catch (thrown) {
      error = thrown;
    }
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(lib.APIConnectionTimeoutError);
    expect((error as Error).message).toBe('The stream stalled: no data after 1500 ms.');
  });

  it('tees into two streams of the same items, and round-trips through toReadableStream', async () => {
    const client = await serve((_req, res) => {
      sse(res);
      res.end(`${CHUNKS.map((c) => event(c)).join('')}data: [DONE]\n\n`);
    });
    const [left, right] = ((await client.completions.create({ prompt: 'hi', stream: true })) as Stream<Chunk>).tee();
    expect(await Promise.all([collect(left), collect(right)])).toEqual([CHUNKS, CHUNKS]);
    const piped = (
      (await client.completions.create({ prompt: 'hi', stream: true })) as Stream<Chunk>
    ).toReadableStream();
    expect(await collect(lib.Stream.fromReadableStream<Chunk>(piped))).toEqual(CHUNKS);
  });

  it('reads a text stream as strings, up to the terminator x-sdkgen-stream declares', async () => {
    const client = await serve((_req, res) => {
      sse(res);
      res.end('data: line one\n\ndata: {"not": "parsed"}\n\ndata: EOF\n\ndata: after the end\n\n');
    });
    expect(await collect(await client.logs.retrieve('job_1'))).toEqual(['line one', '{"not": "parsed"}']);
  });

  it('comes from sdkgen mock of the same spec: schema-valid events at a steady pace, then the terminator, only with stream: true', async () => {
    const { model } = modelSpec('test/fixtures/streaming/openapi.yaml', ROOT);
    const mock = await startMockServer(model, { items: 3 });
    close = () => mock.close();
    const client = new lib.default({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 });
    const chunks = await collect((await client.completions.create({ prompt: 'hi', stream: true })) as Stream<Chunk>);
    expect(chunks).toHaveLength(5);
    const lookup = (name: string) => model.schemas.find((s) => s.name === name);
    for (const chunk of chunks)
      expect(validateValue(chunk, { kind: 'ref', name: 'Chunk' }, undefined, lookup, 'event')).toEqual([]);
    expect(await client.completions.create({ prompt: 'hi' })).toMatchObject({
      id: expect.any(String),
      text: expect.any(String),
    });
    expect(await collect(await client.logs.retrieve('job_1'))).toHaveLength(5);
  });
});
