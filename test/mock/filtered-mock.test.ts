// `sdkgen mock --exclude`: a route the filter left out answers a 404 naming the selector, even
// where a kept route with a parameter would match its path (`/items/count` beside `/items/{id}`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../generator/mock/mock-server.js';
import { filterOf } from '../../generator/model/selectors.js';
import { modelSpec } from '../../generator/model-spec.js';
import { openapi, specDir } from '../helpers/spec-files.js';
import { callMock } from './mock-calls.js';

const SPEC = openapi(`paths:
  /items:
    get:
      operationId: listItems
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Item' } } } } }
  /items/count:
    get:
      operationId: countItems
      tags: [stats]
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: integer } } } }
  /items/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      operationId: getItem
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
components:
  schemas:
    Item: { type: object, required: [id], properties: { id: { type: string } } }
`);

let mock: MockServer;
beforeAll(async () => {
  const cwd = specDir({ 'openapi.yaml': SPEC });
  mock = await startMockServer(modelSpec('openapi.yaml', cwd, { filter: filterOf([], ['tag:stats']) }).model, {
    items: 3,
  });
});
afterAll(() => mock.close());

describe('a filtered mock', () => {
  it('answers a left-out route with a 404 naming the selector, not as the kept route its path also matches', async () => {
    const count = await callMock(mock.baseURL, {}, 'GET', '/items/count');
    expect(count.status).toBe(404);
    expect(count.body).toMatchObject({
      error: {
        message:
          'GET /items/count is in the spec but left out of this mock (--exclude tag:stats); serve it with another --include, or without the --exclude.',
      },
    });
  });

  it('serves the kept routes as always', async () => {
    const list = await callMock(mock.baseURL, {}, 'GET', '/items');
    expect(list.status).toBe(200);
    const id = (list.body as { id: string }[])[0]?.id as string;
    expect((await callMock(mock.baseURL, {}, 'GET', `/items/${id}`)).body).toMatchObject({ id });
  });
});
