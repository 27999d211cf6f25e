/**
 * `sdkgen mock` keeps state however the API wraps its items: Mux's and Asana's `{ data: item }`,
 * Cloudflare's `{ result: item }`, in answers and in requests; and for a collection without a
 * list (`POST /files`, `GET /files/{id}`). A parent made a moment ago has no children yet.
 * The spec is test/fixtures/envelopes, which mirrors those APIs' shapes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { type MockServer, startMockServer } from '../../generator/mock/mock-server.js';
import { buildModel } from '../../generator/model/build-model.js';
import { allOperations } from '../../generator/model/collections.js';
import type { TypeModel } from '../../generator/model/model.js';
import { validateValue } from '../../generator/values/validate-value.js';
import { openapi, specDir } from '../helpers/spec-files.js';
import { callMock, fixtureModel } from './mock-calls.js';

const { model, lookup } = fixtureModel('envelopes');
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer(model, { items: 12 });
});
afterAll(() => mock.close());

const call = (method: string, path: string, body?: unknown) =>
  callMock(mock.baseURL, { authorization: 'Basic dXNlcjpwYXNz' }, method, path, body);

/** Each answer is also held against the schema the operation declares for it. */
function fits(operationId: string, body: unknown): void {
  const operation = allOperations(model.root).find((o) => o.operationId === operationId);
  expect(operation?.response.type, operationId).toBeDefined();
  expect(validateValue(body, operation?.response.type as TypeModel, undefined, lookup, '$')).toEqual([]);
}

describe('answers in a `{ data: item }` envelope (Mux)', () => {
  it('keep the created asset: its id finds it, the list shows it, a change and a delete stick', async () => {
    const created = await call('POST', '/video/v1/assets', {
      input: [{ url: 'https://example.com/a.mp4' }],
      passthrough: 'first upload',
    });
    expect(created.status).toBe(201);
    fits('create-asset', created.body);
    const asset = created.body.data;
    // The spec's example answer has a fixed id; a created asset has its own.
    expect(asset.id).not.toBe('SqQnqz6s5MBuXGvJaUWdXuXM93J9Q2yv');
    expect(asset.passthrough).toBe('first upload');

    const read = await call('GET', `/video/v1/assets/${asset.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ data: asset });

    const listed = await call('GET', '/video/v1/assets');
    fits('list-assets', listed.body);
    expect(listed.body.data).toContainEqual(asset);

    const patched = await call('PATCH', `/video/v1/assets/${asset.id}`, { passthrough: 'renamed' });
    expect(patched.body).toEqual({ data: { ...asset, passthrough: 'renamed' } });
    const mp4 = await call('PUT', `/video/v1/assets/${asset.id}/mp4-support`, { mp4_support: 'standard' });
    expect(mp4.body.data).toMatchObject({ id: asset.id, passthrough: 'renamed', mp4_support: 'standard' });
    expect((await call('GET', `/video/v1/assets/${asset.id}`)).body.data.mp4_support).toBe('standard');

    expect((await call('DELETE', `/video/v1/assets/${asset.id}`)).status).toBe(204);
    expect((await call('GET', `/video/v1/assets/${asset.id}`)).status).toBe(404);
  });

  it('list items with ids of their own, each found by it', async () => {
    const { body } = await call('GET', '/video/v1/assets');
    const ids = body.data.map((a: { id: string }) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 3)) expect((await call('GET', `/video/v1/assets/${id}`)).body.data.id).toBe(id);
  });
});

describe('items named by `gid`, sent and answered in `{ data: ... }` (Asana)', () => {
  it('keep what the request’s envelope holds, answer it whole by gid, and list its compact view', async () => {
    const created = await call('POST', '/projects', { data: { name: 'Groceries', notes: 'Milk, eggs' } });
    expect(created.status).toBe(201);
    fits('createProject', created.body);
    const project = created.body.data;
    expect(project).toMatchObject({ name: 'Groceries', notes: 'Milk, eggs' });
    expect(project.gid).not.toBe('12345');

    expect((await call('GET', `/projects/${project.gid}`)).body).toEqual({ data: project });
    const listed = await call('GET', '/projects');
    fits('getProjects', listed.body);
    // The list shows the compact view: no notes.
    expect(listed.body.data).toContainEqual({
      gid: project.gid,
      resource_type: project.resource_type,
      name: 'Groceries',
    });

    const updated = await call('PUT', `/projects/${project.gid}`, { data: { notes: 'Bread' } });
    expect(updated.body.data).toEqual({ ...project, notes: 'Bread' });
  });

  it('give every listed item its own gid, the first the one the docs call it by', async () => {
    const { body } = await call('GET', '/projects');
    const gids = body.data.map((p: { gid: string }) => p.gid);
    expect(gids[0]).toBe('1331');
    expect(new Set(gids).size).toBe(gids.length);
    expect((await call('GET', `/projects/${gids[1]}`)).body.data.gid).toBe(gids[1]);
  });
});

describe('answers in a `{ result: item }` envelope (Cloudflare)', () => {
  it('keep the created zone under its id and in the list', async () => {
    const created = await call('POST', '/zones', { name: 'example.org' });
    fits('createZone', created.body);
    const zone = created.body.result;
    expect(zone.name).toBe('example.org');
    expect((await call('GET', `/zones/${zone.id}`)).body).toEqual({ result: zone });
    const listed = await call('GET', '/zones');
    expect(Object.keys(listed.body)).toEqual(['result']);
    expect(listed.body.result).toContainEqual(zone);
  });
});

describe('a collection without a list (POST /files, GET /files/{id})', () => {
  it('stores the uploaded file: read back by id, downloaded byte for byte', async () => {
    const form = new FormData();
    form.append('file', new Blob(['hello, mock'], { type: 'text/plain' }), 'hello.txt');
    form.append('purpose', 'assistants');
    const uploaded = await call('POST', '/files', form);
    expect(uploaded.status).toBe(200);
    fits('uploadFile', uploaded.body);
    expect(uploaded.body).toMatchObject({ filename: 'hello.txt', bytes: 11, purpose: 'assistants' });
    expect((await call('GET', `/files/${uploaded.body.id}`)).body).toEqual(uploaded.body);
    const content = await fetch(`${mock.baseURL}/files/${uploaded.body.id}/content`, {
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(await content.text()).toBe('hello, mock');
  });

  it('answers 404 for an id it never made, and finds the one the docs call', async () => {
    expect((await call('GET', '/files/file_nope')).status).toBe(404);
    expect((await call('GET', '/files/file_nope/content')).status).toBe(404);
    expect((await call('GET', '/files/file_001')).status).toBe(200);
  });
});

describe('children', () => {
  it('of a parent created a moment ago start empty; a made-up parent has made-up children', async () => {
    const { body } = await call('POST', '/video/v1/assets', { passthrough: 'new parent' });
    const fresh = body.data.id;
    expect((await call('GET', `/video/v1/assets/${fresh}/playback-ids`)).body).toEqual({ data: [] });
    const made = await call('POST', `/video/v1/assets/${fresh}/playback-ids`, { policy: 'signed' });
    expect(made.status).toBe(201);
    expect((await call('GET', `/video/v1/assets/${fresh}/playback-ids`)).body).toEqual({ data: [made.body.data] });
    expect((await call('GET', '/video/v1/assets/ASSET_001/playback-ids')).body.data).toHaveLength(12);
  });
});

describe('a one-field answer that holds no items', () => {
  it('is answered as its schema says, not as a collection: `{ values: [numbers] }` stays numbers', async () => {
    const yaml = openapi(
      'paths:\n  /stats:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {type: object, properties: {values: {type: array, items: {type: integer}}}}\n',
    );
    const stats = buildModel(loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': yaml }) })).model;
    const server = await startMockServer(stats, { items: 3 });
    try {
      const { body } = await callMock(server.baseURL, {}, 'GET', '/stats');
      expect(body.values.every((v: unknown) => Number.isInteger(v))).toBe(true);
    } finally {
      await server.close();
    }
  });
});
