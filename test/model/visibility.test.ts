import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { allOperations } from '../../generator/model/collections.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const SPEC = openapi(`paths:
  /users/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get: { operationId: getUser, responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/User" } } } } } }
  /me:
    get: { operationId: getMe, responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/User" } } } } } }
  /users:
    post:
      operationId: createUser
      requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/User" } } } }
      responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/User" } } } } }
  /admins/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    put:
      operationId: updateAdmin
      requestBody: { content: { application/json: { schema: { $ref: "#/components/schemas/Admin" } } } }
      responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Admin" } } } } }
components:
  schemas:
    Entity:
      type: object
      properties: { id: { type: string, readOnly: true } }
    User:
      allOf:
        - $ref: "#/components/schemas/Entity"
        - type: object
          properties: { name: { type: string }, password: { type: string, writeOnly: true } }
    Admin:
      allOf:
        - $ref: "#/components/schemas/User"
        - type: object
          properties: { level: { type: integer } }
`);

describe('request and response views', () => {
  it('leave out the read-only properties of a body and the write-only ones of a response, through allOf chains, each time a type is used', () => {
    const { model } = buildModel(loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': SPEC }) }));
    const views = Object.fromEntries(
      allOperations(model.root).map((o) => [
        `${o.method.toUpperCase()} ${o.path}`,
        { body: o.body?.type, response: o.response.type },
      ]),
    );
    const omit = (name: string, keys: string[]) => ({ kind: 'omit', type: { kind: 'ref', name }, keys });
    expect(views).toEqual({
      'GET /users/{id}': { body: undefined, response: omit('User', ['password']) },
      'GET /me': { body: undefined, response: omit('User', ['password']) },
      'POST /users': { body: omit('User', ['id']), response: omit('User', ['password']) },
      'PUT /admins/{id}': { body: omit('Admin', ['id']), response: omit('Admin', ['password']) },
    });
  });
});
