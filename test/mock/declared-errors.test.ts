/**
 * `sdkgen mock` answers a bad request with the status and error schema the operation declares,
 * writes its request id into the body as in the `x-request-id` header, and invents nothing else:
 * optional fields without an example are left out. The spec is test/fixtures/envelopes (Mux's
 * `{ error: { type, messages } }`, an operation declaring only 422, one only 404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodies } from '../../generator/mock/error-bodies.js';
import { type MockServer, startMockServer } from '../../generator/mock/mock-server.js';
import { allOperations } from '../../generator/model/collections.js';
import { validateValue } from '../../generator/values/validate-value.js';
import { callMock, fixtureModel } from './mock-calls.js';

const { model, lookup } = fixtureModel('envelopes');
const errorType = { kind: 'ref' as const, name: 'Error' };
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer(model, { items: 3 });
});
afterAll(() => mock.close());

const call = (method: string, path: string, body?: unknown) =>
  callMock(mock.baseURL, { authorization: 'Basic dXNlcjpwYXNz' }, method, path, body);

describe('a bad request', () => {
  it('gets 422 where the operation declares 422 and not 400, in its declared error shape', async () => {
    const { status, headers, body } = await call('PATCH', '/video/v1/assets/ASSET_001', {
      passthrough: 'x'.repeat(300),
    });
    expect(status).toBe(422);
    expect(validateValue(body, errorType, undefined, lookup, '$')).toEqual([]);
    expect(body).toEqual({
      error: {
        type: 'invalid_request_error',
        messages: ['Invalid request: body.passthrough must be at most 255 characters long, got 300.'],
      },
      request_id: headers.get('x-request-id'),
    });
  });

  it('gets 400 in the operation’s own error shape where it declares only 404', async () => {
    const { status, headers, body } = await call('PUT', '/video/v1/assets/ASSET_001/mp4-support', {
      mp4_support: 'sometimes',
    });
    expect(status).toBe(400);
    expect(validateValue(body, errorType, undefined, lookup, '$')).toEqual([]);
    expect(body.error.messages[0]).toMatch(/^Invalid request: body\.mp4_support must be one of/);
    expect(body.request_id).toBe(headers.get('x-request-id'));
    // Nothing invented: `details` is optional and has no example.
    expect(body).not.toHaveProperty('details');
  });

  it('gets 400 where the operation declares 400', async () => {
    const { status, body } = await call('POST', '/video/v1/assets', { mp4_support: 'sometimes' });
    expect(status).toBe(400);
    expect(body.error.type).toBe('invalid_request_error');
  });

  it('and every other error carries the request id of its header', async () => {
    const missing = await call('GET', '/video/v1/assets/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.request_id).toBe(missing.headers.get('x-request-id'));
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) ids.add((await call('GET', '/video/v1/assets/nope')).body.request_id);
    expect(ids.size).toBe(3);
  });
});

describe('error bodies', () => {
  it('hold the required fields, those with an example and the failure: no made-up lists or objects', () => {
    const errors = new ErrorBodies(allOperations(model.root), lookup);
    const body = errors.body(
      { status: 404, message: 'No such asset.', code: 'not_found', requestId: 'req_1' },
      allOperations(model.root).find((o) => o.operationId === 'get-asset'),
    );
    expect(body).toEqual({
      error: { type: 'invalid_request_error', messages: ['No such asset.'] },
      request_id: 'req_1',
    });
  });
});
