import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeValue } from '../../generator/mock/fake-data.js';
import { type MockServer, startMockServer } from '../../generator/mock/mock-server.js';
import { buildRoutes, type Collection } from '../../generator/mock/routes.js';
import type { ApiModel, NamedSchema } from '../../generator/model/model.js';
import { modelSpec } from '../../generator/model-spec.js';
import { validateValue } from '../../generator/values/validate-value.js';
import { ROOT } from '../helpers/paths.js';
import { HAS_OPENAI_SPEC, OPENAI_SPEC } from '../helpers/shared.js';

// The mock of the full OpenAI description: every GET answers with a body its own schema
// accepts, and every item a list shows (or, for a collection without a list, its first) can be
// read back by its id.
describe.skipIf(!HAS_OPENAI_SPEC)('sdkgen mock on openai.yaml', () => {
  let model: ApiModel;
  let mock: MockServer;
  let lookup: (name: string) => NamedSchema | undefined;
  beforeAll(async () => {
    model = modelSpec(OPENAI_SPEC, ROOT).model;
    const schemas = new Map(model.schemas.map((s) => [s.name, s]));
    lookup = (name) => schemas.get(name);
    mock = await startMockServer(model, { items: 3 });
  });
  afterAll(() => mock.close());

  const get = async (path: string): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${mock.baseURL}${path}`, { headers: { authorization: 'Bearer sk-test' } });
    const text = await response.text();
    return {
      status: response.status,
      body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
    };
  };

  /** The id of an item the collection holds: the first its list shows, else (no list) its first made-up item's. */
  const firstId = async (collection: Collection): Promise<unknown> => {
    if (!collection.listed) return collection.exampleIds[0];
    const list = await get(collection.template.replace(/\{[^}]+\}/g, 'id_1'));
    const items = (list.body as { data?: Record<string, unknown>[] }).data ?? (list.body as Record<string, unknown>[]);
    return items[0]?.[collection.idField ?? 'id'];
  };

  it('answers every GET of a list or an action with a body that fits the response schema', async () => {
    expect(mock.baseURL).toMatch(/\/v1$/);
    const failures: string[] = [];
    let checked = 0;
    for (const route of buildRoutes(model, lookup)) {
      const { operation, role } = route;
      if (
        operation.method !== 'get' ||
        (role.kind === 'retrieve' && role.collection.listed) ||
        operation.response.format === 'text' ||
        operation.response.format === 'stream'
      )
        continue;
      // Required query parameters get a value their schema allows; path parameters any id, but
      // the item's of a call on one item (`/files/{file_id}/content`): the first its list holds.
      let path = operation.path.replace(/\{[^}]+\}/g, 'id_1');
      if (role.kind === 'member' || role.kind === 'retrieve') {
        const id = await firstId(role.collection);
        path = operation.path
          .replace(`{${role.idParam}}`, encodeURIComponent(String(id)))
          .replace(/\{[^}]+\}/g, 'id_1');
      }
      const query = operation.queryParams
        .filter((p) => p.required)
        .map(
          (p) =>
            `${p.name}=${encodeURIComponent(String(fakeValue(p.type, { lookup, seed: p.name }, { name: p.name, docs: p.docs })))}`,
        );
      const { status, body } = await get(`${path}${query.length > 0 ? `?${query.join('&')}` : ''}`);
      checked++;
      if (status !== operation.response.status) {
        failures.push(`${operation.operationId}: ${status} ${JSON.stringify(body).slice(0, 200)}`);
        continue;
      }
      if (operation.response.format === 'binary') {
        // Bytes come with a media type the spec declares for them.
        const response = await fetch(`${mock.baseURL}${path}`, { headers: { authorization: 'Bearer sk-test' } });
        const type = (response.headers.get('content-type') ?? '').split(';')[0] ?? '';
        if (!operation.response.mediaTypes.includes(type))
          failures.push(
            `${operation.operationId}: bytes as ${type}, not one of ${operation.response.mediaTypes.join(', ')}`,
          );
        continue;
      }
      if (operation.response.type === undefined) continue;
      const problems = validateValue(body, operation.response.type, undefined, lookup, 'response');
      if (problems.length > 0)
        failures.push(
          `${operation.operationId}: ${problems
            .slice(0, 2)
            .map((p) => `${p.where} ${p.message}`)
            .join('; ')}`,
        );
    }
    expect(checked).toBeGreaterThan(80);
    expect(failures).toEqual([]);
  });

  it('reads back by id every item a list shows', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of buildRoutes(model, lookup)) {
      const { operation, role } = route;
      if (role.kind !== 'retrieve' || role.collection.idField === undefined) continue;
      const first = await firstId(role.collection);
      if (first === undefined) continue;
      const id = String(first);
      const { status, body } = await get(
        operation.path.replace(/\{[^}]+\}/g, (m) => (m === `{${role.idParam}}` ? encodeURIComponent(id) : 'id_1')),
      );
      checked++;
      if (status !== 200 || String((body as Record<string, unknown>)[role.collection.idField]) !== id) {
        failures.push(`${operation.operationId}: ${status} ${JSON.stringify(body).slice(0, 160)}`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });
});
