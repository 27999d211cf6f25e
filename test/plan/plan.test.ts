/**
 * `sdkgen plan`: the client that would be generated, with every inference and its reason,
 * written nowhere.
 */
import { readdirSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { formatPlan } from '../../generator/plan/format-plan.js';
import { planOf } from '../../generator/plan/plan.js';
import { HAS_OPENAI_SPEC, OPENAI_SPEC } from '../helpers/shared.js';
import { specDir } from '../helpers/spec-files.js';

const SPEC = `openapi: 3.1.0
info: {title: Shop API, version: 1.0.0}
servers: [{url: https://api.shop.example/v1}]
components:
  securitySchemes:
    ShopKeyAuth: {type: apiKey, in: header, name: X-Shop-Key}
  schemas:
    Order:
      type: object
      properties: {id: {type: string}}
security: [{ShopKeyAuth: []}]
paths:
  /orders:
    get:
      parameters: [{name: cursor, in: query, schema: {type: string}}]
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {$ref: "#/components/schemas/Order"}}
                  next_cursor: {type: [string, "null"]}
  /orders/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Order"}}}}}}
  /orders/{id}/refund:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    post: {responses: {"200": {description: ok}}}
  /orders/{id}/invoice:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {responses: {"200": {description: ok, content: {application/pdf: {schema: {type: string, format: binary}}}}}}
  /orders?archived=true:
    get: {responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Order"}}}}}}}
`;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the plan', () => {
  it('lists every method with its route and return, and the reason for every inference', () => {
    const dir = specDir({ 'openapi.yaml': SPEC });
    dirs.push(dir);
    const { model } = buildModel(loadSpec('openapi.yaml', { cwd: dir }));
    expect(formatPlan(planOf(model), 'text')).toBe(`Shop (package shop)
  base URL   https://api.shop.example/v1
  log level  SHOP_LOG
  auth       apiKey (header X-Shop-Key, scheme ShopKeyAuth), from SHOP_API_KEY: inferred: the option from the scheme's name, the variable from info.title

client.orders
  list(params?)   GET /orders                → NextCursorPage<Order> & OrderListResponse
      paginated: inferred, next cursor "next_cursor" → "cursor"
  retrieve(id)    GET /orders/{id}           → Order
  refund(id)      POST /orders/{id}/refund   → void
      named: "refund" is an action verb, so a method of orders
  invoice(id)     GET /orders/{id}/invoice   → BinaryResponse<'application/pdf'>
      named: a download, named after "invoice"
  listArchived()  GET /orders?archived=true  → SinglePage<Order>
      renamed from list (fixed query): clash with the name GET /orders keeps
      sends archived=true with every call: the spec's path key has it
      paginated: inferred, one page: the whole list, no paging parameter

5 methods; 4 with an inference or rename shown under it. Nothing was written.
`);
  });

  it('is JSON for tools, with the same facts', () => {
    const dir = specDir({ 'openapi.yaml': SPEC });
    dirs.push(dir);
    const { model } = buildModel(loadSpec('openapi.yaml', { cwd: dir }));
    const json = JSON.parse(formatPlan(planOf(model), 'json')) as ReturnType<typeof planOf>;
    expect(json.auth).toEqual([
      {
        option: 'apiKey',
        env: 'SHOP_API_KEY',
        how: 'header X-Shop-Key',
        scheme: 'ShopKeyAuth',
        reason: expect.stringContaining('inferred'),
      },
    ]);
    expect(json.methods[0]).toEqual({
      call: 'client.orders.list',
      args: 'params?',
      http: 'GET',
      path: '/orders',
      fixedQuery: '',
      returns: 'NextCursorPage<Order> & OrderListResponse',
      functionName: 'ordersList',
      rule: 'crud',
      reasons: ['paginated: inferred, next cursor "next_cursor" → "cursor"'],
    });
  });

  it('says why a PUT is a method named by its verb, and why a type is qualified', () => {
    const dir = specDir({
      'openapi.yaml': `openapi: 3.1.0
info: {title: Mux, version: 1.0.0}
paths:
  /uploads/{id}/cancel:
    put:
      operationId: cancel-direct-upload
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
  /tasks:
    get:
      parameters: [{name: project, in: query, schema: {type: string}}]
      responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}}
  /projects/{id}/tasks:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}, {name: limit, in: query, schema: {type: integer}}]
      responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}}
`,
    });
    dirs.push(dir);
    const { model } = buildModel(loadSpec('openapi.yaml', { cwd: dir }));
    const reasons = Object.fromEntries(planOf(model).methods.map((m) => [m.call, m.reasons]));
    expect(reasons).toEqual({
      'client.uploads.cancel': [
        'named: a PUT action named by its verb: "cancel" is an action verb, and nothing reads or deletes the path, so a method of uploads',
      ],
      'client.tasks.list': ['paginated: inferred, one page: the whole list, no paging parameter'],
      'client.projects.tasks.list': [
        'paginated: inferred, one page: the whole list, no paging parameter',
        'type ProjectTaskListParams: named by its role, TaskListParams is the params of client.tasks.list',
      ],
    });
  });

  it("says that a part of an item is the item's method, and counts a collection below an item as sub-resource", () => {
    const dir = specDir({
      'openapi.yaml': `openapi: 3.1.0
info: {title: Video, version: 1.0.0}
paths:
  /assets/{id}/playback-ids:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    post: {responses: {"200": {description: ok}}}
  /assets/{id}/playback-ids/{playback_id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}, {name: playback_id, in: path, required: true, schema: {type: string}}]
    delete: {responses: {"200": {description: ok}}}
  /assets/{id}/tracks:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}}}
`,
    });
    dirs.push(dir);
    const { model } = buildModel(loadSpec('openapi.yaml', { cwd: dir }));
    const rules = Object.fromEntries(planOf(model).methods.map((m) => [m.call, [m.rule, ...m.reasons]]));
    expect(rules).toEqual({
      'client.assets.createPlaybackId': [
        'attached',
        'named: a part of one item of assets: nothing lists "playback-ids", so its calls are methods of assets',
      ],
      'client.assets.deletePlaybackId': [
        'attached',
        'named: a part of one item of assets: nothing lists "playback-ids", so its calls are methods of assets',
      ],
      'client.assets.tracks.list': [
        'sub-resource',
        'paginated: inferred, one page: the whole list, no paging parameter',
      ],
    });
  });

  it('says which rule named a member, a verb that opens a path, and a code sample', () => {
    const dir = specDir({
      'openapi.yaml': `openapi: 3.1.0
info: {title: Ledger, version: 1.0.0}
paths:
  /categories/{id}/accounts/{account_id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}, {name: account_id, in: path, required: true, schema: {type: string}}]
    put: {summary: Add an account to a category, responses: {"200": {description: ok}}}
    delete: {summary: Remove an account from a category, responses: {"200": {description: ok}}}
  /simulate/tokenizations:
    post: {responses: {"200": {description: ok}}}
  /jigs:
    get:
      x-codeSamples: [{lang: JavaScript, source: "await client.beta.jigs.all()"}]
      responses: {"200": {description: ok}}
`,
    });
    dirs.push(dir);
    const { model } = buildModel(loadSpec('openapi.yaml', { cwd: dir }));
    const reasons = Object.fromEntries(planOf(model).methods.map((m) => [m.call, [m.rule, ...m.reasons]]));
    expect(reasons).toEqual({
      'client.categories.addAccount': ['membership', "named: it puts a member in categories, by the member's own path"],
      'client.categories.removeAccount': [
        'membership',
        "named: it takes a member out of categories, by the member's own path",
      ],
      'client.simulateTokenizations': [
        'verb-segment',
        'named: simulateTokenizations, an action verb and what it acts on in the path, so a method of the client',
      ],
      'client.beta.jigs.all': ['code-sample', 'named: the call its JavaScript x-codeSamples show'],
    });
  });

  it('says a call is named by its tag and operationId where x-sdkgen-client.naming.resources is tags', () => {
    const dir = specDir({
      'openapi.yaml': `openapi: 3.1.0
info: {title: Jira, version: 1.0.0}
x-sdkgen-client: {naming: {resources: tags}}
paths:
  /attachment/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get: {operationId: getAttachment, tags: [Issue attachments], responses: {"200": {description: ok}}}
`,
    });
    dirs.push(dir);
    const { model } = buildModel(loadSpec('openapi.yaml', { cwd: dir }));
    expect(planOf(model).methods.map((m) => [m.call, m.rule, ...m.reasons])).toEqual([
      [
        'client.issueAttachments.getAttachment',
        'tag',
        'named: its first tag (the resource) and its operationId "getAttachment" (the method), as x-sdkgen-client.naming.resources: tags says',
      ],
    ]);
  });

  it('says which declared naming conventions named a call, and what the rules alone give', () => {
    const ok = '{"200": {description: ok, content: {application/json: {schema: {type: object}}}}}';
    const dir = specDir({
      'openapi.yaml': `openapi: 3.1.0
info: {title: Stripe, version: 1.0.0}
x-sdkgen-client: {naming: {subResources: parent, deletes: del}}
paths:
  /customers/{customer}:
    parameters: [{name: customer, in: path, required: true, schema: {type: string}}]
    delete: {operationId: deleteCustomer, responses: ${ok}}
  /customers/{customer}/tax_ids:
    parameters: [{name: customer, in: path, required: true, schema: {type: string}}]
    post: {operationId: createTaxId, responses: ${ok}}
`,
    });
    dirs.push(dir);
    const { model } = buildModel(loadSpec('openapi.yaml', { cwd: dir }));
    const notes = Object.fromEntries(planOf(model).methods.map((m) => [m.call, m.reasons.at(-1)]));
    expect(notes).toEqual({
      'client.customers.del':
        'by x-sdkgen-client.naming (subResources: parent, deletes: del): the rules alone give customers.delete',
      // A collection with no items of its own keeps its noun whole (docs/naming.md).
      'client.customers.createTaxIds':
        'by x-sdkgen-client.naming (subResources: parent, deletes: del): the rules alone give customers.taxIds.create',
    });
  });

  it.skipIf(!HAS_OPENAI_SPEC)('of openai.yaml is pinned (needs ../shared/specs/openai.yaml)', async () => {
    const { model } = buildModel(loadSpec(OPENAI_SPEC));
    await expect(
      formatPlan(planOf(model), 'text'),
      'the plan of openai.yaml changed. If meant, run `npx vitest run test/plan -u`, read `git diff test/plan/__snapshots__`, and commit it',
    ).toMatchFileSnapshot('./__snapshots__/openai-plan.txt');
  });
});

describe('sdkgen plan', () => {
  it('prints the plan, in text or JSON, and writes nothing', async () => {
    const dir = specDir({ 'openapi.yaml': SPEC });
    dirs.push(dir);
    const out: string[] = [];
    const err: string[] = [];
    const io = { cwd: dir, out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(await main(['plan', '--spec', 'openapi.yaml'], io)).toBe(0);
    expect(out.join('\n')).toContain('client.orders');
    out.length = 0;
    expect(await main(['plan', '--spec', 'openapi.yaml', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(out.join('\n')).methods).toHaveLength(5);
    expect(readdirSync(dir)).toEqual(['openapi.yaml']);
    expect(await main(['plan', '--spec', 'openapi.yaml', '--format', 'yaml'], io)).toBe(2);
    expect(await main(['plan', '--spec', 'missing.yaml'], io)).toBe(1);
  });
});
