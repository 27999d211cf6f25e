/**
 * `x-sdkgen-client.requestParams: merged` (what a Stainless config sets): a method whose JSON
 * object body comes with query or header parameters takes them all in one params object, as
 * Stainless-generated clients do (`apps.list({ filter, page })`, `transferIn.create({ amount,
 * 'Idempotency-Key' })`). Where they cannot be one object, body and params stay two arguments.
 */
import { describe, expect, it } from 'vitest';
import { planOf } from '../../generator/plan/plan.js';
import { modelOf, allOperations as operations } from '../helpers/model-of.js';

const OK = '{"200": {description: ok, content: {application/json: {schema: {type: object}}}}}';
const body = (schema: string, required = false): string =>
  `requestBody: {required: ${required}, content: {application/json: {schema: ${schema}}}}`;
const op = (id: string, params: string, requestBody: string): string => `    post:
      operationId: ${id}
      parameters: [${params}]
      ${requestBody}
      responses: ${OK}
`;
const query = '{name: page, in: query, schema: {type: integer}}';
const header = '{name: Idempotency-Key, in: header, schema: {type: string}}';

const PATHS = `paths:
  /apps/list:
${op('nullableBody', query, body("{anyOf: [{$ref: '#/components/schemas/AppFilter'}, {type: 'null'}]}"))}
  /transfer-in:
${op('headerAndBody', header, body('{type: object, required: [amount], properties: {amount: {type: integer}}}', true))}
  /clash:
${op('clashing', query, body('{type: object, properties: {page: {type: string}}}'))}
  /batch:
${op('arrayBody', query, body('{type: array, items: {type: string}}'))}
  /plain:
${op('bodyOnly', '', body('{type: object, properties: {name: {type: string}}}'))}
components:
  schemas:
    AppFilter: {type: object, properties: {filter: {type: object}}}
`;

function merged(yaml: string): Record<string, boolean> {
  return Object.fromEntries(operations(modelOf(yaml).root).map((o) => [o.operationId, o.paramsInBody === true]));
}

describe('requestParams: merged', () => {
  it('merges the query or header parameters into an object body, an optional one too', () => {
    expect(merged(`x-sdkgen-client: {requestParams: merged}\n${PATHS}`)).toEqual({
      nullableBody: true,
      headerAndBody: true,
      clashing: false,
      arrayBody: false,
      bodyOnly: false,
    });
  });

  it('leaves body and params two arguments by default and where told `separate`', () => {
    const none = { nullableBody: false, headerAndBody: false, clashing: false, arrayBody: false, bodyOnly: false };
    expect(merged(PATHS)).toEqual(none);
    expect(merged(`x-sdkgen-client: {requestParams: separate}\n${PATHS}`)).toEqual(none);
  });

  it('shows the one params argument in the plan, required where the body or a parameter is', () => {
    const plan = planOf(modelOf(`x-sdkgen-client: {requestParams: merged}\n${PATHS}`));
    const args = Object.fromEntries(plan.methods.map((m) => [m.path, m.args]));
    expect(args).toMatchObject({ '/apps/list': 'params?', '/transfer-in': 'params', '/clash': 'body?, params?' });
  });
});
