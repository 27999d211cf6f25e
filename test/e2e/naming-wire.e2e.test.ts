// What the naming rules change must not change the wire: a client generated from a spec with a
// query in its path keys and parameters named like Object.prototype members, run against a real
// server on 127.0.0.1 that records each request, and against `sdkgen mock` of the same spec.

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
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
info: {title: Wire API, version: 1.0.0}
servers: [{url: https://api.wire.example/v1}]
components:
  schemas:
    Reply:
      type: object
      required: [kind]
      properties: {kind: {type: string}}
paths:
  /responses:
    post:
      operationId: createResponse
      requestBody: {required: true, content: {application/json: {schema: {type: object, properties: {input: {type: string}}}}}}
      responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Reply"}, example: {kind: plain}}}}}
  /responses?beta=true:
    post:
      operationId: createBetaResponse
      requestBody: {required: true, content: {application/json: {schema: {type: object, properties: {input: {type: string}}}}}}
      responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Reply"}, example: {kind: beta}}}}}
  /search/articles?query={query}:
    get:
      operationId: searchArticles
      responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Reply"}}}}}
  /things:
    get:
      operationId: listThings
      parameters:
        - {name: constructor, in: query, schema: {type: string}}
        - {name: toString, in: query, schema: {type: integer}}
        - {name: valueOf, in: header, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Reply"}}}}}
`;

interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
}

interface WireClient {
  responses: { create(body: object): Promise<unknown>; createBeta(body: object): Promise<unknown> };
  search: { articles: { retrieve(params: { query: string }): Promise<unknown> } };
  things: { retrieve(params?: Record<string, unknown>): Promise<unknown> };
}

let Client: new (options: { apiKey?: string; baseURL: string }) => WireClient;
let spec: string;
const dirs: string[] = [];

beforeAll(async () => {
  const dir = specDir({ 'openapi.yaml': SPEC });
  spec = join(dir, 'openapi.yaml');
  dirs.push(dir);
  const out = mkdtempSync(join(tmpdir(), 'sdkgen-wire-'));
  dirs.push(out);
  const { files } = generate({ spec: 'openapi.yaml', out, cwd: dir });
  writeOutput(out, planOutput(out, files));
  Client = ((await import(pathToFileURL(join(out, 'dist/index.js')).href)) as { default: typeof Client }).default;
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function recording(): Promise<{ baseURL: string; requests: Recorded[]; close: () => Promise<void> }> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"kind":"recorded"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the wire, under the names', () => {
  it('sends the fixed query of a path key, a {param} of it as a query parameter, and escaped keys by their own names', async () => {
    const server = await recording();
    try {
      const client = new Client({ baseURL: server.baseURL });
      await client.responses.create({ input: 'a' });
      await client.responses.createBeta({ input: 'b' });
      await client.search.articles.retrieve({ query: 'red & blue' });
      await client.things.retrieve({ constructor_: 'c', toString_: 3, valueOf_: 'v', limit: 2 });
      await client.things.retrieve();
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'POST /v1/responses',
        'POST /v1/responses?beta=true',
        'GET /v1/search/articles?query=red%20%26%20blue',
        'GET /v1/things?limit=2&constructor=c&toString=3',
        'GET /v1/things',
      ]);
      expect(server.requests[3]?.headers['valueof']).toBe('v');
    } finally {
      await server.close();
    }
  });

  it('reaches the operation the fixed query names on `sdkgen mock` of the same spec', async () => {
    const mock: MockServer = await startMockServer(modelSpec(spec, '/').model, {
      port: 0,
      host: '127.0.0.1',
      items: 3,
    });
    try {
      const client = new Client({ baseURL: mock.baseURL });
      expect(await client.responses.create({ input: 'a' })).toEqual({ kind: 'plain' });
      expect(await client.responses.createBeta({ input: 'b' })).toEqual({ kind: 'beta' });
    } finally {
      await mock.close();
    }
  });
});
