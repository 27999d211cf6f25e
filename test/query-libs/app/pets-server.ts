import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { components } from './fixtures/pets.js';

type Pet = components['schemas']['Pet'];

/** One request as the server saw it. */
export interface SeenRequest {
  readonly method: string;
  /** The raw request target: path and query exactly as sent. */
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface PetsServer {
  readonly baseUrl: string;
  readonly requests: readonly SeenRequest[];
  /** The next `count` requests to GET /pets answer 503 (with `retry-after-ms: 0`), then it serves again. */
  failListing(count: number): void;
  close(): Promise<void>;
}

/** fixtures/pets.yaml served on 127.0.0.1 (a free port): three pets to start with, in memory. */
export async function startPetsServer(): Promise<PetsServer> {
  const pets: Pet[] = [
    { id: 1, name: 'Rex' },
    { id: 2, name: 'Tom' },
    { id: 3, name: 'Kit' },
  ];
  const requests: SeenRequest[] = [];
  let failures = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const seen = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      // The apps under test run in a DOM whose fetch enforces CORS, as a browser's does.
      if (seen.method === 'OPTIONS') return preflight(response);
      requests.push(seen);
      const failing = seen.method === 'GET' && seen.url.startsWith('/pets?') && failures > 0;
      if (failing) failures--;
      answer(seen, pets, failing, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    failListing: (count) => {
      failures = count;
    },
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

const CORS = { 'access-control-allow-origin': '*' };

function preflight(response: ServerResponse): void {
  response
    .writeHead(204, { ...CORS, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': '*' })
    .end();
}

function answer(request: SeenRequest, pets: Pet[], failing: boolean, response: ServerResponse): void {
  const url = new URL(request.url, 'http://127.0.0.1');
  const json = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
    response.writeHead(status, { ...CORS, 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };
  const byId = /^\/pets\/(\d+)$/.exec(url.pathname);
  if (request.method === 'GET' && url.pathname === '/pets') {
    if (failing) return json(503, { message: 'busy' }, { 'retry-after-ms': '0' });
    const limit = Number(url.searchParams.get('limit') ?? pets.length);
    return json(200, pets.slice(0, limit));
  }
  if (request.method === 'POST' && url.pathname === '/pets') {
    const { name } = JSON.parse(request.body || '{}') as { name?: unknown };
    if (typeof name !== 'string') return json(400, { message: 'name is required' });
    const pet = { id: pets.length + 1, name };
    pets.push(pet);
    return json(201, pet);
  }
  if (request.method === 'GET' && byId) {
    const pet = pets.find((candidate) => candidate.id === Number(byId[1]));
    return pet ? json(200, pet) : json(404, { message: `no pet ${byId[1]}` });
  }
  json(404, { message: `no route ${request.method} ${url.pathname}` });
}
