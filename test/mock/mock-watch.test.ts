/**
 * `sdkgen mock --watch` reloads the spec when it changes, on the same port: new routes answer,
 * removed ones are gone, and the items stored in the collections that remain are kept. A broken
 * edit keeps the last good spec serving.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import type { MockServer } from '../../generator/mock/mock-server.js';
import { specDir } from '../helpers/spec-files.js';
import { until } from '../helpers/until.js';

const THINGS = `  /things:
    get:
      operationId: listThings
      responses: {"200": {description: ok, content: {application/json: {schema: {type: object, properties: {data: {type: array, items: {$ref: "#/components/schemas/Thing"}}}}}}}}
    post:
      operationId: createThing
      requestBody: {content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}
      responses: {"201": {description: ok, content: {application/json: {schema: {type: object, properties: {data: {$ref: "#/components/schemas/Thing"}}}}}}}
  /things/{thing_id}:
    get:
      operationId: getThing
      parameters: [{name: thing_id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok, content: {application/json: {schema: {type: object, properties: {data: {$ref: "#/components/schemas/Thing"}}}}}}}
`;
const WIDGETS = THINGS.replace(/things|Things|createThing|getThing|thing_id/g, (name) =>
  name.replace('thing', 'widget').replace('Thing', 'Widget'),
);
const spec = (paths: string): string => `openapi: 3.1.0
info: {title: Watched API, version: 1.0.0}
servers: [{url: https://api.example.com/v1}]
components:
  schemas:
    Thing: {type: object, properties: {id: {type: string}, name: {type: string}}}
paths:
${paths}`;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('sdkgen mock --watch', () => {
  it('reloads on a change, keeping the stored items whose routes remain, and the last good spec on an error', async () => {
    const dir = specDir({ 'openapi.yaml': spec(THINGS) });
    dirs.push(dir);
    const lines: string[] = [];
    let stop = (): void => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    let server: MockServer | undefined;
    const io = {
      cwd: dir,
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(l),
      stopped,
      onListening: (s: MockServer) => (server = s),
    };
    const done = main(['mock', '--watch', '--port', '0', '--quiet', '--items', '2', '--spec', 'openapi.yaml'], io);
    const text = (): string => lines.join('\n');
    const reloads = (): number => lines.filter((l) => l.includes('sdkgen mock: reloaded')).length;
    await until(() => text().includes('watching 1 file for changes'), 'the watch to start', text);
    const base = (server as MockServer).baseURL;
    const post = (path: string, body: unknown) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const created = (await (await post('/things', { name: 'kept' })).json()).data;
    expect((await fetch(`${base}/widgets`)).status).toBe(404);

    writeFileSync(join(dir, 'openapi.yaml'), spec(THINGS + WIDGETS));
    await until(() => reloads() === 1, 'a reload after the spec changed', text);
    expect(text()).toContain('openapi.yaml changed; reloading.');
    expect(text()).toContain('kept 3 stored items');
    expect((await fetch(`${base}/widgets`)).status).toBe(200);
    expect((await (await fetch(`${base}/things/${created.id}`)).json()).data).toEqual(created);
    await post('/widgets', { name: 'goes' });

    writeFileSync(join(dir, 'openapi.yaml'), `${spec(THINGS)}  /oops: [\n`);
    await until(() => text().includes('still serving the last good spec'), 'the broken spec to be reported', text);
    expect((await fetch(`${base}/widgets`)).status).toBe(200);

    writeFileSync(join(dir, 'openapi.yaml'), spec(THINGS));
    await until(() => reloads() === 2, 'a reload after the fix', text);
    expect(text()).toContain('dropped 3 items whose routes are gone');
    expect((await fetch(`${base}/widgets`)).status).toBe(404);
    expect((await (await fetch(`${base}/things/${created.id}`)).json()).data).toEqual(created);

    stop();
    expect(await done).toBe(0);
  });
});
