// `x-sdkgen-client.optionsOverload`: a method whose params are all optional also takes request
// options alone (`stops.list(stopId, { headers })`), as clients of Stainless's older `node`
// target do (onebusaway-sdk 1.x). Run against a real server on 127.0.0.1.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackageSurface } from '../../generator/diff/published-surface.js';
import { generate } from '../../generator/generate.js';
import { isRequestOptions } from '../../generator/runtime/resource.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const SPEC = openapi(`x-sdkgen-client: {optionsOverload: true}
paths:
  /stops/{stop_id}/arrivals:
    get:
      operationId: listArrivals
      parameters:
        - {name: stop_id, in: path, required: true, schema: {type: string}}
        - {name: minutes_before, in: query, schema: {type: integer}}
      responses: {"200": {description: ok, content: {application/json: {schema: {type: object, properties: {n: {type: integer}}}}}}}
  /stops/{stop_id}/problems:
    get:
      operationId: reportProblem
      parameters:
        - {name: stop_id, in: path, required: true, schema: {type: string}}
        - {name: query, in: query, schema: {type: string}}
      responses: {"200": {description: ok, content: {application/json: {schema: {type: object}}}}}
`);

interface Client {
  readonly stops: {
    arrivals(stopId: string, a?: object, b?: object): Promise<unknown>;
    problems(stopId: string, a?: object, b?: object): Promise<unknown>;
  };
}

const dir = specDir({ 'openapi.yaml': SPEC });
const out = join(dir, 'out');
const sent: { url: string; headers: IncomingMessage['headers'] }[] = [];
const server = createServer((req, res) => {
  sent.push({ url: req.url ?? '', headers: req.headers });
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"n":1}');
});
let client: Client;

beforeAll(async () => {
  const { files } = generate({ spec: 'openapi.yaml', out, cwd: dir });
  writeOutput(out, planOutput(out, files));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const module = (await import(pathToFileURL(join(out, 'dist/index.js')).href)) as {
    default: new (options: object) => Client;
  };
  client = new module.default({ baseURL: `http://127.0.0.1:${port}`, maxRetries: 0 });
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(dir, { recursive: true, force: true });
});

describe('request options in place of optional params', () => {
  it('are declared as a second overload, beside the params one', () => {
    const declared = readFileSync(join(out, 'dist/resources/stops.d.ts'), 'utf8');
    expect(declared).toContain(
      'arrivals(stopId: string, params?: StopArrivalsParams, options?: RequestOptions): APIPromise<StopArrivalsResponse>;',
    );
    expect(declared).toContain('arrivals(stopId: string, options?: RequestOptions): APIPromise<StopArrivalsResponse>;');
  });

  it('are sent as request options, and params as the query', async () => {
    await client.stops.arrivals('s1', { headers: { 'x-trace': 'a' } });
    await client.stops.arrivals('s1', { minutes_before: 5 }, { headers: { 'x-trace': 'b' } });
    await client.stops.arrivals('s1');
    expect(sent.map((s) => [s.url, s.headers['x-trace']])).toEqual([
      ['/stops/s1/arrivals', 'a'],
      ['/stops/s1/arrivals?minutes_before=5', 'b'],
      ['/stops/s1/arrivals', undefined],
    ]);
  });

  it('are told from params named like a request option: an object of those alone is params', async () => {
    sent.length = 0;
    await client.stops.problems('s1', { query: 'bus' });
    await client.stops.problems('s1', { timeout: 5000, headers: { 'x-trace': 'c' } });
    expect(sent.map((s) => [s.url, s.headers['x-trace']])).toEqual([
      ['/stops/s1/problems?query=bus', undefined],
      ['/stops/s1/problems', 'c'],
    ]);
  });
});

/** The package's files under `folder` (and its package.json), as `sdkgen diff --against` reads a folder. */
function packageFiles(folder: string, keep: (path: string) => boolean): Map<string, string> {
  const files = new Map([['package.json', readFileSync(join(out, 'package.json'), 'utf8')]]);
  for (const path of readdirSync(join(out, folder), { recursive: true }) as string[])
    if (keep(path)) files.set(`${folder}/${path}`, readFileSync(join(out, folder, path), 'utf8'));
  return files;
}

describe('sdkgen diff --against on such a method', () => {
  it('reads the overloads callers see, not the implementation, from sources as from declarations', () => {
    const fromSources = readPackageSurface(
      packageFiles('src', (p) => p.endsWith('.ts')),
      'src',
    );
    const fromDeclarations = readPackageSurface(
      packageFiles('dist', (p) => p.endsWith('.d.ts')),
      'dist',
    );
    const arrivals = (methods: typeof fromSources.methods) => methods.find((m) => m.call.endsWith('stops.arrivals'));
    expect(arrivals(fromSources.methods)?.params).toEqual({ type: 'StopArrivalsParams', optional: true });
    expect(arrivals(fromSources.methods)).toEqual(arrivals(fromDeclarations.methods));
  });
});

describe('isRequestOptions', () => {
  it('is true only for a non-empty object of request-option keys', () => {
    expect(isRequestOptions({ timeout: 1, headers: {} })).toBe(true);
    expect(isRequestOptions({})).toBe(false);
    expect(isRequestOptions({ timeout: 1, limit: 2 })).toBe(false);
    expect(isRequestOptions(null)).toBe(false);
    expect(isRequestOptions('timeout')).toBe(false);
    expect(isRequestOptions({ query: 'bus' }, ['query'])).toBe(false);
    expect(isRequestOptions({ query: {}, timeout: 1 }, ['query'])).toBe(true);
  });
});
