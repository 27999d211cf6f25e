/**
 * docs/naming.md, rule by rule: a few paths in, the client's names out.
 */
import { describe, expect, it } from 'vitest';
import { type Diagnostic, SpecError } from '../../generator/diagnostics.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { type BuildResult, buildModel } from '../../generator/model/build-model.js';
import type { OperationModel, ResourceModel } from '../../generator/model/model.js';
import { specDir } from '../helpers/spec-files.js';

type Returns = 'list' | 'one' | 'settings' | 'bytes' | 'text' | 'none';

interface Op {
  readonly id?: string;
  readonly summary?: string;
  readonly returns?: Returns;
  readonly resource?: string;
  readonly method?: string;
  readonly query?: readonly string[];
  /** It sends a JSON body. */
  readonly body?: boolean;
  readonly tags?: readonly string[];
}

type Paths = Record<string, Partial<Record<'get' | 'post' | 'put' | 'patch' | 'delete', Op>>>;

const CONTENT: Record<Exclude<Returns, 'none'>, object> = {
  list: {
    'application/json': {
      schema: {
        type: 'object',
        properties: { data: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } } },
      },
    },
  },
  one: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } },
  // A named schema: a single object's GET and its POST answer with the same one.
  settings: { 'application/json': { schema: { $ref: '#/components/schemas/Settings' } } },
  bytes: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  text: { 'text/csv': { schema: { type: 'string' } } },
};

/** A JSON spec of these paths, with `x-sdkgen-client` where given; every `{param}` of a path (not of its query) is declared. */
function spec(paths: Paths, client?: object): string {
  const out: Record<string, unknown> = {};
  for (const [key, methods] of Object.entries(paths)) {
    const pathPart = key.split('?')[0] as string;
    const params = [...pathPart.matchAll(/\{([^{}]+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    out[key] = Object.fromEntries(
      Object.entries(methods).map(([method, op]) => {
        const returns = op.returns ?? (method === 'get' ? 'one' : 'none');
        const query = (op.query ?? []).map((name) => ({ name, in: 'query', schema: { type: 'string' } }));
        return [
          method,
          {
            ...(op.id === undefined ? {} : { operationId: op.id }),
            ...(op.summary === undefined ? {} : { summary: op.summary }),
            ...(op.tags === undefined ? {} : { tags: op.tags }),
            ...(op.resource === undefined ? {} : { 'x-sdkgen-resource': op.resource }),
            ...(op.method === undefined ? {} : { 'x-sdkgen-method': op.method }),
            parameters: [...params, ...query],
            ...(op.body === true
              ? {
                  requestBody: {
                    content: {
                      'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } },
                    },
                  },
                }
              : {}),
            responses: {
              '200': returns === 'none' ? { description: 'ok' } : { description: 'ok', content: CONTENT[returns] },
            },
          },
        ];
      }),
    );
  }
  const components = { schemas: { Settings: { type: 'object', properties: { days: { type: 'integer' } } } } };
  return JSON.stringify(
    {
      openapi: '3.1.0',
      info: { title: 'Test', version: '1.0.0' },
      ...(client === undefined ? {} : { 'x-sdkgen-client': client }),
      paths: out,
      components,
    },
    null,
    2,
  );
}

function build(paths: Paths, client?: object): BuildResult {
  return buildModel(loadSpec('openapi.json', { cwd: specDir({ 'openapi.json': spec(paths, client) }) }));
}

function flatten(resource: ResourceModel): { call: string; op: OperationModel }[] {
  return [
    ...resource.operations.map((op) => ({ call: [...resource.path, op.name].join('.'), op })),
    ...resource.children.flatMap(flatten),
  ];
}

/** `METHOD /path` → `resource.method`, for every operation. */
function names(paths: Paths, client?: object): Record<string, string> {
  return Object.fromEntries(
    flatten(build(paths, client).model.root).map(({ call, op }) => [
      `${op.method.toUpperCase()} ${op.path}${op.fixedQuery.map((q, i) => `${i === 0 ? '?' : '&'}${q.name}=${q.value}`).join('')}`,
      call,
    ]),
  );
}

function errors(paths: Paths, client?: object): Diagnostic[] {
  try {
    build(paths, client);
  } catch (error) {
    if (error instanceof SpecError) return [...error.diagnostics];
    throw error;
  }
  return [];
}

describe('1. declared names', () => {
  it('win over every inferred name, which steps aside', () => {
    expect(
      names({ '/a': { get: { returns: 'list' } }, '/b': { get: { returns: 'list', resource: 'a', method: 'list' } } }),
    ).toEqual({
      'GET /a': 'a.list2',
      'GET /b': 'a.list',
    });
  });

  it('fail the run when two of them clash, or one hides an inherited member', () => {
    const found = errors({
      '/a': { get: { resource: 'x', method: 'go' } },
      '/b': { get: { resource: 'x', method: 'go' } },
      '/c': { get: { resource: 'x', method: 'toString' } },
    });
    expect(found.map((d) => d.code)).toEqual(['method-duplicate', 'name-reserved']);
  });

  it("take an API whose every operationId is a scope and a name (GitHub's, as Octokit calls them) at its word", () => {
    const github: Paths = {
      '/repos/{owner}/{repo}/issues': { get: { id: 'issues/list-for-repo', returns: 'list' } },
      '/repos/{owner}/{repo}/issues/{issue_number}/lock': {
        put: { id: 'issues/lock' },
        delete: { id: 'issues/unlock' },
      },
      '/search/repositories': { get: { id: 'search/repos' } },
      '/codes_of_conduct': { get: { id: 'codes-of-conduct/get-all-codes-of-conduct', returns: 'list' } },
    };
    expect(names(github)).toEqual({
      'GET /repos/{owner}/{repo}/issues': 'issues.listForRepo',
      'PUT /repos/{owner}/{repo}/issues/{issue_number}/lock': 'issues.lock',
      'DELETE /repos/{owner}/{repo}/issues/{issue_number}/lock': 'issues.unlock',
      'GET /search/repositories': 'search.repos',
      'GET /codes_of_conduct': 'codesOfConduct.getAllCodesOfConduct',
    });
    // One id of another form, and the ids are names like any other.
    expect(names({ ...github, '/emojis': { get: { id: 'getEmojis' } } })).toMatchObject({
      'GET /repos/{owner}/{repo}/issues': 'repos.issues.list',
      'GET /emojis': 'emojis.retrieve',
    });
  });

  it("take an API whose every path is one dotted name (Slack's Web API, as @slack/web-api calls it) at its word", () => {
    const slack: Paths = {
      '/chat.postMessage': { post: { body: true } },
      '/admin.apps.approve': { post: {} },
      '/admin.apps.approved.list': { get: { returns: 'list' } },
      '/users.profile.get': { get: {} },
      '/api.test': { get: {} },
    };
    expect(names(slack)).toEqual({
      'POST /chat.postMessage': 'chat.postMessage',
      'POST /admin.apps.approve': 'admin.apps.approve',
      'GET /admin.apps.approved.list': 'admin.apps.approved.list',
      'GET /users.profile.get': 'users.profile.get',
      'GET /api.test': 'api.test',
    });
    // A path of another form, or a file name (`/stops.json`), and the paths are read like any other.
    expect(names({ ...slack, '/emoji': { get: {} } })).toMatchObject({
      'POST /chat.postMessage': 'chatPostMessage.create',
    });
    expect(
      names({ '/stops.json': { get: { returns: 'list' } }, '/routes.json': { get: { returns: 'list' } } }),
    ).toEqual({
      'GET /stops.json': 'stops.list',
      'GET /routes.json': 'routes.list',
    });
  });
});

describe('2. what is not a resource', () => {
  it('drops a prefix every path shares, up to its last api, rest or version segment', () => {
    expect(
      names({
        '/rest/api/3/issue/{key}/changelog': { get: { returns: 'list' } },
        '/rest/api/3/issue/{key}': { get: {} },
      }),
    ).toEqual({
      'GET /rest/api/3/issue/{key}/changelog': 'issue.changelog.list',
      'GET /rest/api/3/issue/{key}': 'issue.retrieve',
    });
    expect(
      names({
        '/controller/api/v1/devices': { get: { returns: 'list' } },
        '/controller/api/v1/sites': { get: { returns: 'list' } },
      }),
    ).toEqual({
      'GET /controller/api/v1/devices': 'devices.list',
      'GET /controller/api/v1/sites': 'sites.list',
    });
  });

  it('drops an API marker and its version, and a lone version after a head, where not every path shares them (Jira)', () => {
    expect(
      names({
        '/rest/api/3/issue/{key}': { get: {} },
        '/rest/api/3/project': { get: { returns: 'list' } },
        '/rest/atlassian-connect/1/addons/{addonKey}/properties': { get: { returns: 'list' } },
      }),
    ).toEqual({
      'GET /rest/api/3/issue/{key}': 'issue.retrieve',
      'GET /rest/api/3/project': 'project.list',
      'GET /rest/atlassian-connect/1/addons/{addonKey}/properties': 'atlassianConnect.addons.properties.list',
    });
    // Versions side by side below one head stay; so does a number a path ends with.
    expect(
      names({
        '/api/v1/users': { get: { returns: 'list' } },
        '/api/v2/users': { get: { returns: 'list' } },
        '/health': { get: {} },
      }),
    ).toMatchObject({ 'GET /api/v1/users': 'api.v1.users.list', 'GET /api/v2/users': 'api.v2.users.list' });
  });

  it('keeps a shared prefix without such a marker: it is a resource', () => {
    expect(names({ '/pets': { get: { returns: 'list' } }, '/pets/{id}': { get: {} } })).toEqual({
      'GET /pets': 'pets.list',
      'GET /pets/{id}': 'pets.retrieve',
    });
  });

  it('drops a lone version segment, and keeps versions that stand side by side', () => {
    expect(
      names({ '/v2/inventory/changes': { get: { returns: 'list' } }, '/users': { get: { returns: 'list' } } }),
    ).toEqual({
      'GET /v2/inventory/changes': 'inventory.changes.list',
      'GET /users': 'users.list',
    });
    expect(names({ '/v1/users': { get: { returns: 'list' } }, '/v2/users': { get: { returns: 'list' } } })).toEqual({
      'GET /v1/users': 'v1.users.list',
      'GET /v2/users': 'v2.users.list',
    });
  });

  it('ignores trailing slashes in names, and keeps them on the wire', () => {
    const found = names({
      '/characters/{id}/wallet/': { get: { returns: 'list' } },
      '/characters/{id}/wallet/journal/': { get: { returns: 'list' } },
    });
    expect(found).toEqual({
      'GET /characters/{id}/wallet/': 'characters.wallet.list',
      'GET /characters/{id}/wallet/journal/': 'characters.wallet.journal.list',
    });
  });

  it('makes segments that differ only in case one resource', () => {
    expect(
      names({
        '/servers/{id}/administrators': { get: { returns: 'list' } },
        '/servers/{id}/Administrators/activeDirectory': { put: {} },
      }),
    ).toEqual({
      'GET /servers/{id}/administrators': 'servers.administrators.list',
      'PUT /servers/{id}/Administrators/activeDirectory': 'servers.administrators.activeDirectory.update',
    });
  });

  it('sends a query written in the path key, leaves it out of names, and makes its {param} a required query parameter', () => {
    const { model } = build({
      '/search/articles?query={query}': { get: { returns: 'list' } },
      '/responses?beta=true': { post: {} },
    });
    const found = flatten(model.root);
    expect(
      found.map((f) => [
        f.call,
        f.op.path,
        f.op.fixedQuery,
        f.op.queryParams.map((p) => `${p.name}${p.required ? '' : '?'}`),
      ]),
    ).toEqual([
      ['search.articles.list', '/search/articles', [], ['query']],
      ['responses.create', '/responses', [{ name: 'beta', value: 'true' }], []],
    ]);
  });

  it('takes a {param} the key puts in the query even where the spec declares it in the path', () => {
    const yaml = JSON.parse(spec({ '/numbers/{country}?{search}=1': { get: { returns: 'list' } } })) as {
      paths: Record<string, { get: { parameters: object[] } }>;
    };
    yaml.paths['/numbers/{country}?{search}=1']?.get.parameters.push({
      name: 'search',
      in: 'path',
      required: true,
      schema: { type: 'string' },
    });
    const { model } = buildModel(loadSpec('openapi.json', { cwd: specDir({ 'openapi.json': JSON.stringify(yaml) }) }));
    const [only] = flatten(model.root);
    expect([only?.call, only?.op.pathParams.map((p) => p.name), only?.op.queryParams.map((p) => p.name)]).toEqual([
      // A GET of an item that answers a list lists what it holds (rule 3).
      'numbers.list',
      ['country'],
      ['search'],
    ]);
  });
});

describe('3. methods of one operation', () => {
  it('makes a last segment that is an action verb a method of its parent', () => {
    expect(
      names({
        '/organization/certificates': { get: { returns: 'list' }, post: {} },
        '/organization/certificates/activate': { post: {} },
        '/fine_tuning/alpha/graders/run': { post: {} },
        '/vector_stores/{id}/search': { post: { returns: 'list' } },
        '/threads/{thread_id}/runs/{run_id}/submit_tool_outputs': { post: {} },
      }),
    ).toEqual({
      'GET /organization/certificates': 'organization.certificates.list',
      'POST /organization/certificates': 'organization.certificates.create',
      'POST /organization/certificates/activate': 'organization.certificates.activate',
      'POST /fine_tuning/alpha/graders/run': 'fineTuning.alpha.graders.run',
      'POST /vector_stores/{id}/search': 'vectorStores.search',
      'POST /threads/{thread_id}/runs/{run_id}/submit_tool_outputs': 'threads.runs.submitToolOutputs',
    });
  });

  it('makes a PUT or PATCH to a verb segment that nothing reads a method named by its verb, where it sends nothing or says that verb', () => {
    expect(
      names({
        // Mux's cancel-direct-upload; GitHub's enable/disable of a workflow, and its pulls/merge.
        '/uploads/{id}/cancel': { put: { id: 'cancel-direct-upload', returns: 'one' } },
        '/workflows/{id}/enable': { put: {} },
        '/workflows/{id}/disable': { patch: { summary: 'Disables a workflow' } },
        '/pulls/{n}/merge': { put: { id: 'pulls/merge', body: true } },
        // Nouns: a body the operation does not call by that verb, a GET or a DELETE beside it.
        '/users/{id}/settings': { put: { body: true } },
        '/feeding/schedule': { put: { body: true } },
        '/jobs/{id}/schedule': { put: { id: 'updateJobSchedule', body: true } },
        '/issues/{id}/lock': { put: {}, delete: {} },
        '/docs/{id}/publish': { get: {}, put: {} },
        '/oracle/db/bulk': { patch: { id: 'bulkUpdateOracleDb', body: true } },
      }),
    ).toEqual({
      'PUT /uploads/{id}/cancel': 'uploads.cancel',
      'PUT /workflows/{id}/enable': 'workflows.enable',
      'PATCH /workflows/{id}/disable': 'workflows.disable',
      'PUT /pulls/{n}/merge': 'pulls.merge',
      // A setting of an item (set, never read): the item's method, a verb and the noun.
      'PUT /users/{id}/settings': 'users.updateSettings',
      'PUT /feeding/schedule': 'feeding.schedule.update',
      'PUT /jobs/{id}/schedule': 'jobs.schedule.update',
      'PUT /issues/{id}/lock': 'issues.lock.update',
      'DELETE /issues/{id}/lock': 'issues.lock.delete',
      'GET /docs/{id}/publish': 'docs.publish.retrieve',
      'PUT /docs/{id}/publish': 'docs.publish.update',
      'PATCH /oracle/db/bulk': 'oracle.db.bulk.update',
    });
  });

  it('keeps a verb-led compound that returns a list, or has paths below it, a resource', () => {
    expect(
      names({
        '/repos/{r}/check_runs': { get: { returns: 'list' } },
        '/jobs/run': { get: { returns: 'list' } },
        '/jobs/run/{id}': { get: {} },
      }),
    ).toEqual({
      'GET /repos/{r}/check_runs': 'repos.checkRuns.list',
      'GET /jobs/run': 'jobs.run.list',
      'GET /jobs/run/{id}': 'jobs.run.retrieve',
    });
  });

  it('keeps a verb-led compound a resource where its operationId creates, reads or lists it by name', () => {
    expect(
      names({
        // Grid's transfer-in and Plaid link tokens; an id spelled from the route (Stripe's) says nothing.
        '/transfer-in': { post: { id: 'createTransferIn', body: true } },
        '/plaid/link-tokens': { post: { id: 'createPlaidLinkToken', body: true } },
        '/payment_intents/{intent}/apply_customer_balance': {
          post: { id: 'PostPaymentIntentsIntentApplyCustomerBalance', body: true },
        },
        '/accounts/{id}/transfer_funds': { post: { id: 'transferAccountFunds', body: true } },
        '/search-members': { get: { id: 'getSearchMembers' } },
      }),
    ).toEqual({
      'POST /transfer-in': 'transferIn.create',
      'POST /plaid/link-tokens': 'plaid.linkTokens.create',
      'POST /payment_intents/{intent}/apply_customer_balance': 'paymentIntents.applyCustomerBalance',
      'POST /accounts/{id}/transfer_funds': 'accounts.transferFunds',
      'GET /search-members': 'searchMembers',
    });
  });

  it('never calls a download list: it is named after what it fetches', () => {
    expect(
      names({
        '/containers/{id}/files/{file_id}/content': { get: { returns: 'bytes' } },
        '/containers/{id}/files/{file_id}': { get: {} },
        '/reports': { get: { returns: 'text' } },
      }),
    ).toEqual({
      'GET /containers/{id}/files/{file_id}/content': 'containers.files.content',
      'GET /containers/{id}/files/{file_id}': 'containers.files.retrieve',
      'GET /reports': 'reports',
    });
  });

  it('names an action on one item after its segment', () => {
    expect(names({ '/fine_tuning/jobs/{id}/pause': { post: {} }, '/users/{id}/profile': { get: {} } })).toEqual({
      'POST /fine_tuning/jobs/{id}/pause': 'fineTuning.jobs.pause',
      'GET /users/{id}/profile': 'users.profile',
    });
  });

  it('makes a POST to a plural noun below an item a create on that sub-collection, the only operation there or not', () => {
    expect(
      names({
        '/books/{id}/reviews': { post: { returns: 'one' } },
        '/uploads/{upload_id}/parts': { post: { returns: 'one' } },
        '/projects/{id}/service_accounts/{sa}/api_keys': { post: { returns: 'one' } },
        '/jobs/{id}/status': { post: { returns: 'one' } },
        '/orders/{id}/refunds': { post: {} },
      }),
    ).toEqual({
      'POST /books/{id}/reviews': 'books.reviews.create',
      'POST /uploads/{upload_id}/parts': 'uploads.parts.create',
      'POST /projects/{id}/service_accounts/{sa}/api_keys': 'projects.serviceAccounts.apiKeys.create',
      // Not a collection: an action named after its segment.
      'POST /jobs/{id}/status': 'jobs.status',
      // Nothing comes back: nothing was created to read, so it stays an action.
      'POST /orders/{id}/refunds': 'orders.refunds',
    });
  });

  it('gives the canonical verbs by method and shape', () => {
    expect(
      names({
        '/things': { get: { returns: 'list' }, post: {} },
        '/things/{id}': { get: {}, post: {}, put: {}, delete: {} },
        '/settings': { get: { returns: 'one' } },
      }),
    ).toMatchObject({
      'GET /things': 'things.list',
      'POST /things': 'things.create',
      'GET /things/{id}': 'things.retrieve',
      'DELETE /things/{id}': 'things.delete',
      'GET /settings': 'settings.retrieve',
    });
  });

  it('takes the verb the operationId or summary says where it contradicts the CRUD verb', () => {
    expect(
      names({
        '/evals/{id}/runs/{run_id}': { post: { id: 'cancelEvalRun' }, get: {}, delete: {} },
        '/pets': { get: { id: 'searchPets', returns: 'list' }, post: { id: 'assignPet' } },
        '/tracks/{id}': { put: { summary: 'Likes a track' } },
        '/orders/{id}': { delete: { id: 'cancelOrder' }, get: { id: 'fetchOrder' } },
        '/tokens': { post: { id: 'countTokens', returns: 'one' } },
        '/search/articles': { get: { id: 'searchArticles', returns: 'one' } },
      }),
    ).toEqual({
      // A POST on an item would be an update; it cancels.
      'POST /evals/{id}/runs/{run_id}': 'evals.runs.cancel',
      'GET /evals/{id}/runs/{run_id}': 'evals.runs.retrieve',
      'DELETE /evals/{id}/runs/{run_id}': 'evals.runs.delete',
      'GET /pets': 'pets.search',
      // Assigning makes an assignment: `create` says it, as Stainless-made SDKs have it.
      'POST /pets': 'pets.create',
      'PUT /tracks/{id}': 'tracks.like',
      // Every un-verb deletes: `delete` stays. A CRUD word agrees with any CRUD name.
      'DELETE /orders/{id}': 'orders.delete',
      'GET /orders/{id}': 'orders.retrieve',
      // Counting makes nothing.
      'POST /tokens': 'tokens.count',
      // The path says it already: no `search.articles.search`.
      'GET /search/articles': 'search.articles.retrieve',
    });
  });

  it('makes a POST to a single object (no items, its GET reads the schema the POST answers with) an update', () => {
    expect(
      names({
        '/organization/data_retention': { get: { returns: 'settings' }, post: { returns: 'settings' } },
        '/projects/{id}/spend_limit': { get: { returns: 'settings' }, post: { returns: 'settings' } },
        // A GET and a POST of different things (Kubernetes' `exec`): two operations, not a single object.
        '/pods/{name}/exec': { get: { returns: 'one' }, post: { returns: 'settings' } },
        '/threads': { post: { returns: 'settings' }, get: { returns: 'settings' } },
        '/threads/{id}': { get: {} },
        '/embeddings': { post: { returns: 'one' } },
      }),
    ).toEqual({
      'GET /organization/data_retention': 'organization.dataRetention.retrieve',
      'POST /organization/data_retention': 'organization.dataRetention.update',
      'GET /projects/{id}/spend_limit': 'projects.spendLimit.retrieve',
      'POST /projects/{id}/spend_limit': 'projects.spendLimit.update',
      'GET /pods/{name}/exec': 'pods.exec.retrieve',
      'POST /pods/{name}/exec': 'pods.exec.create',
      // Items below: a collection, whatever its GET returns.
      'POST /threads': 'threads.create',
      'GET /threads': 'threads.list',
      'GET /threads/{id}': 'threads.retrieve',
      // Nothing to read: a POST that makes something.
      'POST /embeddings': 'embeddings.create',
    });
  });

  it('counts where the operationId reads a count, whatever the path says', () => {
    expect(
      names({
        '/responses/input_tokens': { post: { id: 'Getinputtokencounts', returns: 'one' } },
        '/items/stats': { get: { id: 'getItemCount', returns: 'one' } },
        // A word that ends in "count" is no count.
        '/discounts': { get: { id: 'getDiscounts', returns: 'list' } },
        '/accounts/{id}': { get: { id: 'getAccount' } },
      }),
    ).toEqual({
      'POST /responses/input_tokens': 'responses.inputTokens.count',
      'GET /items/stats': 'items.stats.count',
      'GET /discounts': 'discounts.list',
      'GET /accounts/{id}': 'accounts.retrieve',
    });
  });

  it('makes GET views side by side below a path with no operation of its own methods of that path', () => {
    expect(
      names({
        '/organization/usage/completions': { get: { returns: 'list' } },
        '/organization/usage/images': { get: { returns: 'list' } },
        '/search/repositories': { get: { returns: 'list' } },
        '/search/users': { get: { returns: 'list' } },
        // One of them has something below it, or a POST: a collection among collections.
        '/reports/daily': { get: { returns: 'list' } },
        '/reports/monthly': { get: { returns: 'list' }, post: {} },
        '/stats/weekly': { get: { returns: 'list' } },
        '/stats/weekly/{day}': { get: {} },
        '/stats/yearly': { get: { returns: 'list' } },
        // Alone, or below a path that has an operation of its own: no views.
        '/audit/logs': { get: { returns: 'list' } },
        '/teams': { get: { returns: 'list' } },
        '/teams/members': { get: { returns: 'list' } },
        '/teams/owners': { get: { returns: 'list' } },
      }),
    ).toEqual({
      'GET /organization/usage/completions': 'organization.usage.completions',
      'GET /organization/usage/images': 'organization.usage.images',
      'GET /search/repositories': 'search.repositories',
      'GET /search/users': 'search.users',
      'GET /reports/daily': 'reports.daily.list',
      'GET /reports/monthly': 'reports.monthly.list',
      'POST /reports/monthly': 'reports.monthly.create',
      'GET /stats/weekly': 'stats.weekly.list',
      'GET /stats/weekly/{day}': 'stats.weekly.retrieve',
      'GET /stats/yearly': 'stats.yearly.list',
      'GET /audit/logs': 'audit.logs.list',
      'GET /teams': 'teams.list',
      'GET /teams/members': 'teams.members.list',
      'GET /teams/owners': 'teams.owners.list',
    });
  });

  it('names a read of an item that is no page after what it reads, even when it holds items', () => {
    const paths: Paths = {
      '/stores/{id}/files/{file_id}/content': { get: { returns: 'list' } },
      '/stores/{id}/files/{file_id}': { get: {} },
    };
    const built = spec(paths).replace(
      /"data": \{/,
      '"has_more": {"type": "boolean"}, "next_page": {"type": "string"}, "data": {',
    );
    const { model } = buildModel(loadSpec('openapi.json', { cwd: specDir({ 'openapi.json': built }) }));
    // Items and a next page, but no parameter to ask for it: one answer, not a page.
    expect(flatten(model.root).map((f) => [f.call, f.op.pagination === undefined])).toEqual([
      ['stores.files.content', true],
      ['stores.files.retrieve', true],
    ]);
  });

  it('drops the namespace of a namespaced action or function (OData, Microsoft Graph)', () => {
    expect(
      names({
        '/me/messages/{id}/microsoft.graph.archive': { post: { returns: 'one' } },
        '/me/messages/microsoft.graph.delta()': { get: { returns: 'list' } },
        '/v1.0/files/{id}': { get: {} },
      }),
    ).toMatchObject({
      'POST /me/messages/{id}/microsoft.graph.archive': 'me.messages.archive',
      // A function that lists is a list of its own, as Kiota's `me.messages.delta.get()`.
      'GET /me/messages/microsoft.graph.delta()': 'me.messages.delta.list',
    });
  });

  it('replaces with a PUT beside a PATCH, and writes to a whole collection with deleteAll, replaceAll, updateAll', () => {
    expect(
      names({
        '/namespaces/{name}': { get: {}, put: {}, patch: {}, delete: {} },
        '/namespaces': { get: { returns: 'list' }, delete: {}, put: {}, patch: {} },
        '/settings': { get: {}, put: {}, delete: {} },
      }),
    ).toEqual({
      'GET /namespaces/{name}': 'namespaces.retrieve',
      'PUT /namespaces/{name}': 'namespaces.replace',
      'PATCH /namespaces/{name}': 'namespaces.update',
      'DELETE /namespaces/{name}': 'namespaces.delete',
      'GET /namespaces': 'namespaces.list',
      'DELETE /namespaces': 'namespaces.deleteAll',
      'PUT /namespaces': 'namespaces.replaceAll',
      'PATCH /namespaces': 'namespaces.updateAll',
      'GET /settings': 'settings.retrieve',
      'PUT /settings': 'settings.update',
      'DELETE /settings': 'settings.delete',
    });
  });

  it('makes a verb segment with a GET and a POST two actions, told apart by their HTTP method', () => {
    expect(
      names({ '/animal/search': { get: { returns: 'list' }, post: { returns: 'list' } }, '/animal': { get: {} } }),
    ).toEqual({
      'GET /animal/search': 'animal.search',
      'POST /animal/search': 'animal.searchPost',
      'GET /animal': 'animal.retrieve',
    });
  });

  it('joins an action on an item named like a resource of its parent to that resource, and lists its items there', () => {
    expect(
      names({
        '/providers/{providerId}/employers': { get: {} },
        '/providers/employers/{employerId}': { get: {} },
        '/providers/employers/{employerId}/notes': { get: {} },
        '/providers/employers/notes/{noteId}': { get: {}, put: {} },
      }),
    ).toEqual({
      'GET /providers/{providerId}/employers': 'providers.employers.list',
      'GET /providers/employers/{employerId}': 'providers.employers.retrieve',
      'GET /providers/employers/{employerId}/notes': 'providers.employers.notes.list',
      'GET /providers/employers/notes/{noteId}': 'providers.employers.notes.retrieve',
      'PUT /providers/employers/notes/{noteId}': 'providers.employers.notes.update',
    });
  });

  it('lists with a GET on a collection whose items are paths, even when its response is no list it recognizes', () => {
    expect(
      names({
        '/spaces': { get: { returns: 'one' } },
        '/spaces/{n}/resources/{id}': { get: {} },
        '/spaces/{n}/resources': { get: { returns: 'one' } },
      }),
    ).toEqual({
      'GET /spaces': 'spaces.list',
      'GET /spaces/{n}/resources/{id}': 'spaces.resources.retrieve',
      'GET /spaces/{n}/resources': 'spaces.resources.list',
    });
  });
});

describe('4 and 5. who keeps a contested name, and how the others are renamed', () => {
  it('gives the canonical verb to the canonical path, and renames the other from its operationId', () => {
    const { model, diagnostics } = build({
      '/threads/runs': { post: { id: 'createThreadAndRun' } },
      '/threads/{thread_id}/runs': { get: { returns: 'list' }, post: { id: 'createRun' } },
      '/threads/{thread_id}/runs/{run_id}': { get: {} },
    });
    const found = flatten(model.root);
    expect(Object.fromEntries(found.map((f) => [`${f.op.method} ${f.op.path}`, f.call]))).toMatchObject({
      'post /threads/runs': 'threads.runs.createThreadAndRun',
      'post /threads/{thread_id}/runs': 'threads.runs.create',
    });
    expect(found.find((f) => f.op.path === '/threads/runs')?.op.naming.note).toBe(
      'renamed from create (operationId): clash with the name POST /threads/{thread_id}/runs keeps',
    );
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'name-clash',
        'POST /threads/runs would be threads.runs.create(), the name POST /threads/{thread_id}/runs keeps; it is threads.runs.createThreadAndRun() (from its operationId).',
      ],
    ]);
    expect(diagnostics[0]?.hint).toContain(
      `{ target: "$.paths['/threads/runs'].post", update: { x-sdkgen-method: <name> } }`,
    );
  });

  it('settles an action after an id named like a literal sibling, dropping a leading word that repeats the resource', () => {
    expect(
      names({
        '/reports/generate': { post: { id: 'generateReports' } },
        '/reports/{report_id}/generate': { post: { id: 'Reports_GenerateOne' } },
      }),
    ).toEqual({
      'POST /reports/generate': 'reports.generate',
      'POST /reports/{report_id}/generate': 'reports.generateOne',
    });
    expect(
      names({
        '/orgs/{org}/secrets/{name}/repositories/{id}': { get: {} },
        '/orgs/{org}/secrets/{name}/repositories/{id}/sync': {
          post: { id: 'secrets/sync-selected-repos-for-org-secret' },
        },
        '/orgs/{org}/secrets/{name}/repositories/sync': { post: {} },
      }),
    ).toMatchObject({
      'POST /orgs/{org}/secrets/{name}/repositories/{id}/sync':
        'orgs.secrets.repositories.syncSelectedReposForOrgSecret',
    });
  });

  it('settles an inferred verb that equals a literal segment', () => {
    expect(
      names({
        '/issue/{key}/changelog': { get: { returns: 'list', id: 'getChangeLogs' } },
        '/issue/{key}/changelog/list': { post: { id: 'getChangeLogsByIds' } },
        '/keys': { post: {} },
        '/keys/create': { post: { summary: 'Create a key pair' } },
        '/tokens': { post: {} },
        '/tokens/create': { post: {} },
      }),
    ).toEqual({
      'GET /issue/{key}/changelog': 'issue.changelog.list',
      'POST /issue/{key}/changelog/list': 'issue.changelog.getChangeLogsByIds',
      'POST /keys': 'keys.create',
      'POST /keys/create': 'keys.createKeyPair',
      'POST /tokens': 'tokens.create',
      'POST /tokens/create': 'tokens.create2',
    });
  });

  it('gives a child resource its name over a method (an action after an id here), and renames the method', () => {
    const { model, diagnostics } = build({
      '/files/upload_sessions': { post: { id: 'createUploadSession' } },
      '/files/upload_sessions/{id}': { get: {} },
      '/files/{file_id}/upload_sessions': { post: { id: 'createUploadSessionForFile' } },
    });
    const found = flatten(model.root).map((f) => f.call);
    expect(found).toEqual([
      'files.createUploadSessionForFile',
      'files.uploadSessions.create',
      'files.uploadSessions.retrieve',
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['name-clash']);
  });

  it('puts the calls of a flagged variant of the API in a namespace named after the flag, without a warning', () => {
    const { model, diagnostics } = build({
      '/responses': { post: {} },
      '/responses?beta=true': { post: {} },
      '/responses/{id}': { get: {} },
      '/responses/{id}?beta=true': { get: {} },
      '/responses/input_tokens': { post: { id: 'Getinputtokencounts', returns: 'one' } },
      '/responses/input_tokens?beta=true': { post: { id: 'beta_Getinputtokencounts', returns: 'one' } },
      // A flag with nothing unflagged beside it is sent, and changes no name.
      '/drafts?preview=true': { get: { returns: 'list' } },
      // A flag on one path only filters that call: a suffix.
      '/orders': { get: { returns: 'list' } },
      '/orders?archived=true': { get: { returns: 'list' } },
    });
    expect(flatten(model.root).map((f) => f.call)).toEqual([
      'responses.create',
      'responses.retrieve',
      'responses.inputTokens.count',
      'beta.responses.create',
      'beta.responses.retrieve',
      'beta.responses.inputTokens.count',
      'drafts.list',
      'orders.list',
      'orders.listArchived',
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('suffixes the variants of a fixed query that is no flag readably, without a warning', () => {
    const { model, diagnostics } = build({
      '/items?type=premium': { get: { returns: 'list' } },
      '/items?type=basic': { get: { returns: 'list' } },
      '/orders': { get: { returns: 'list' } },
      '/orders?v=2': { get: { returns: 'list' } },
    });
    expect(flatten(model.root).map((f) => f.call)).toEqual([
      'items.listPremium',
      'items.listBasic',
      'orders.list',
      'orders.listV2',
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('gives one collection one home: a top-level tree that addresses items kept elsewhere is grafted there', () => {
    expect(
      names({
        '/organization/projects': { get: { returns: 'list' } },
        '/organization/projects/{project_id}': { get: {} },
        '/organization/projects/{project_id}/users': { get: { returns: 'list' } },
        '/projects/{project_id}/roles': { get: { returns: 'list' }, post: {} },
        '/projects/{project_id}/roles/{role_id}': { get: {}, delete: {} },
        // Another parameter name: other items, which stay where they are.
        '/users/{login}/repos': { get: { returns: 'list' } },
        '/orgs/{org}/users/{user_id}': { get: {} },
        // Two homes for one parameter: no graft.
        '/a/teams/{team_id}': { get: {} },
        '/b/teams/{team_id}': { get: {} },
        '/teams/{team_id}/members': { get: { returns: 'list' } },
      }),
    ).toEqual({
      'GET /organization/projects': 'organization.projects.list',
      'GET /organization/projects/{project_id}': 'organization.projects.retrieve',
      'GET /organization/projects/{project_id}/users': 'organization.projects.users.list',
      'GET /projects/{project_id}/roles': 'organization.projects.roles.list',
      'POST /projects/{project_id}/roles': 'organization.projects.roles.create',
      'GET /projects/{project_id}/roles/{role_id}': 'organization.projects.roles.retrieve',
      'DELETE /projects/{project_id}/roles/{role_id}': 'organization.projects.roles.delete',
      'GET /users/{login}/repos': 'users.repos.list',
      'GET /orgs/{org}/users/{user_id}': 'orgs.users.retrieve',
      'GET /a/teams/{team_id}': 'a.teams.retrieve',
      'GET /b/teams/{team_id}': 'b.teams.retrieve',
      'GET /teams/{team_id}/members': 'teams.members.list',
    });
  });

  it('grafts no tree that has operations of its own at the top, or whose graft would land on an operation', () => {
    expect(
      names({
        '/organization/projects/{project_id}': { get: {} },
        '/organization/projects/{project_id}/roles': { get: { returns: 'list' } },
        '/projects/{project_id}/roles': { get: { returns: 'list' } },
        '/org/teams/{team_id}': { get: {} },
        '/teams/{team_id}': { delete: {} },
        '/teams/{team_id}/members': { get: { returns: 'list' } },
      }),
    ).toEqual({
      'GET /organization/projects/{project_id}': 'organization.projects.retrieve',
      'GET /organization/projects/{project_id}/roles': 'organization.projects.roles.list',
      'GET /projects/{project_id}/roles': 'projects.roles.list',
      'GET /org/teams/{team_id}': 'org.teams.retrieve',
      'DELETE /teams/{team_id}': 'teams.delete',
      'GET /teams/{team_id}/members': 'teams.members.list',
    });
  });

  it('is the same whatever order the paths come in', () => {
    const paths: Paths = {
      '/reports/generate': { post: { id: 'a1' } },
      '/reports/{id}/generate': { post: { id: 'a2' } },
      '/reports/{id}': { get: {} },
      '/keys': { post: {} },
      '/keys/create': { post: {} },
    };
    const reversed = Object.fromEntries(Object.entries(paths).reverse());
    expect(names(reversed)).toEqual(names(paths));
  });
});

describe('6. reserved names', () => {
  it('escapes Object.prototype members as resources and methods', () => {
    expect(
      names({
        '/things/constructor': { get: { returns: 'list' } },
        '/things/{id}/toString': { post: {} },
        '/valueOf': { get: { returns: 'list' } },
      }),
    ).toEqual({
      'GET /things/constructor': 'things.constructorResource.list',
      'POST /things/{id}/toString': 'things.toStringMethod',
      'GET /valueOf': 'valueOfResource.list',
    });
  });
});

/** A whole spec in (for responses and keys the `spec()` helper does not write), every call out. */
function callsOf(paths: Record<string, unknown>, schemas: Record<string, unknown> = {}): Record<string, string> {
  const doc = { openapi: '3.1.0', info: { title: 'Test', version: '1.0.0' }, paths, components: { schemas } };
  const { model } = buildModel(loadSpec('openapi.json', { cwd: specDir({ 'openapi.json': JSON.stringify(doc) }) }));
  return Object.fromEntries(flatten(model.root).map(({ call, op }) => [`${op.method.toUpperCase()} ${op.path}`, call]));
}

const json = (schema: object): object => ({
  '200': { description: 'ok', content: { 'application/json': { schema } } },
});
const pathParam = (name: string): object => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const item = { type: 'object', properties: { id: { type: 'string' } } };

describe('names that do not mislead on APIs nobody here tuned on (bench/naming-agreement.md)', () => {
  it('names adding and removing a member by its own path addX and removeX on the set, never an update or delete of the member', () => {
    // Modern Treasury's ledger account categories.
    const member = [pathParam('id'), pathParam('ledger_account_id')];
    expect(
      callsOf({
        '/ledger_account_categories/{id}': { get: { parameters: [pathParam('id')], responses: json(item) } },
        '/ledger_account_categories/{id}/ledger_accounts/{ledger_account_id}': {
          put: { summary: 'Add ledger account to category', parameters: member, responses: json(item) },
          delete: { summary: 'Remove ledger account from category', parameters: member, responses: json(item) },
        },
        '/teams/{id}/members/{user_id}': {
          post: {
            operationId: 'addTeamMember',
            parameters: [pathParam('id'), pathParam('user_id')],
            responses: json(item),
          },
          delete: {
            operationId: 'removeTeamMember',
            parameters: [pathParam('id'), pathParam('user_id')],
            responses: json(item),
          },
        },
        // A DELETE alone that says "remove" deletes (Keycloak's sessions).
        '/realms/{realm}/sessions/{session}': {
          delete: {
            summary: 'Remove a specific user session',
            parameters: [pathParam('realm'), pathParam('session')],
            responses: json(item),
          },
        },
      }),
    ).toEqual({
      'GET /ledger_account_categories/{id}': 'ledgerAccountCategories.retrieve',
      'PUT /ledger_account_categories/{id}/ledger_accounts/{ledger_account_id}':
        'ledgerAccountCategories.addLedgerAccount',
      'DELETE /ledger_account_categories/{id}/ledger_accounts/{ledger_account_id}':
        'ledgerAccountCategories.removeLedgerAccount',
      'POST /teams/{id}/members/{user_id}': 'teams.addMember',
      'DELETE /teams/{id}/members/{user_id}': 'teams.removeMember',
      'DELETE /realms/{realm}/sessions/{session}': 'realms.sessions.delete',
    });
  });

  it('names adding to and removing from a set the API does not read add and remove on the set', () => {
    // Linq: the participant is in the body; nothing lists the participants.
    const chat = [pathParam('chat_id')];
    expect(
      callsOf({
        '/chats/{chat_id}/participants': {
          post: { summary: 'Add a participant', parameters: chat, responses: json(item) },
          delete: { summary: 'Remove a participant', parameters: chat, responses: json(item) },
        },
      }),
    ).toEqual({
      'POST /chats/{chat_id}/participants': 'chats.participants.add',
      'DELETE /chats/{chat_id}/participants': 'chats.participants.remove',
    });
  });

  it('names the list an item answers beside its collection list by its operationId, never retrieve', () => {
    // Mux: `GET /dimensions` lists the dimensions; `GET /dimensions/{id}` lists one dimension's values.
    const list = json({ type: 'object', properties: { data: { type: 'array', items: item } } });
    expect(
      callsOf({
        '/dimensions': { get: { operationId: 'list-dimensions', responses: list } },
        '/dimensions/{dimension_id}': {
          get: { operationId: 'list-dimension-values', parameters: [pathParam('dimension_id')], responses: list },
        },
        // An operationId that says no more than the resource keeps the CRUD name.
        '/filters': { get: { operationId: 'list-filters', responses: list } },
        '/filters/{filter_id}': {
          get: { operationId: 'list-filter', parameters: [pathParam('filter_id')], responses: list },
        },
      }),
    ).toEqual({
      'GET /dimensions': 'dimensions.list',
      'GET /dimensions/{dimension_id}': 'dimensions.listValues',
      'GET /filters': 'filters.list',
      'GET /filters/{filter_id}': 'filters.retrieve',
    });
  });

  it('names a read by another key, the field the path names before its value, a method of the resource', () => {
    // Honcho: `/apps/name/{name}` beside `/apps/{app_id}`.
    expect(
      callsOf({
        '/apps/{app_id}': { get: { parameters: [pathParam('app_id')], responses: json(item) } },
        '/apps/name/{name}': { get: { parameters: [pathParam('name')], responses: json(item) } },
        '/users/{user_id}': { get: { parameters: [pathParam('user_id')], responses: json(item) } },
        '/users/by_email/{email}': { get: { parameters: [pathParam('email')], responses: json(item) } },
        // X's: `by` a segment of its own.
        '/tweets/{id}': { get: { parameters: [pathParam('id')], responses: json(item) } },
        '/tweets/by/author_id/{author_id}': { get: { parameters: [pathParam('author_id')], responses: json(item) } },
        // A page is no key to look a snapshot up by.
        '/snapshots/{snapshot_id}': { get: { parameters: [pathParam('snapshot_id')], responses: json(item) } },
        '/snapshots/page/{page}': { get: { parameters: [pathParam('page')], responses: json(item) } },
        // A sub-collection whose item parameter is named otherwise stays one.
        '/teams/{team_id}': { get: { parameters: [pathParam('team_id')], responses: json(item) } },
        '/teams/members/{member_id}': { get: { parameters: [pathParam('member_id')], responses: json(item) } },
      }),
    ).toEqual({
      'GET /apps/{app_id}': 'apps.retrieve',
      'GET /apps/name/{name}': 'apps.retrieveByName',
      'GET /users/{user_id}': 'users.retrieve',
      'GET /users/by_email/{email}': 'users.retrieveByEmail',
      'GET /tweets/{id}': 'tweets.retrieve',
      'GET /tweets/by/author_id/{author_id}': 'tweets.retrieveByAuthorId',
      'GET /snapshots/{snapshot_id}': 'snapshots.retrieve',
      'GET /snapshots/page/{page}': 'snapshots.page.retrieve',
      'GET /teams/{team_id}': 'teams.retrieve',
      'GET /teams/members/{member_id}': 'teams.members.retrieve',
    });
  });

  it('names a state turned on by a write and off by a DELETE by the verbs the operations say', () => {
    const chat = [pathParam('chat_id')];
    const issue = [pathParam('issue_number')];
    expect(
      callsOf({
        // Linq: the typing indicator, which nothing reads.
        '/chats/{chat_id}/typing': {
          post: { operationId: 'startTyping', parameters: chat, responses: { '204': { description: 'ok' } } },
          delete: { operationId: 'stopTyping', parameters: chat, responses: { '204': { description: 'ok' } } },
        },
        // GitHub: the verbs in the summary, sent as a PUT.
        '/issues/{issue_number}/lock': {
          put: { operationId: 'issues/lock', summary: 'Lock an issue', parameters: issue, responses: json(item) },
          delete: {
            operationId: 'issues/unlock',
            summary: 'Unlock an issue',
            parameters: issue,
            responses: json(item),
          },
        },
        // GitHub: the segment is the verb's participle.
        '/installations/{installation_id}/suspended': {
          put: {
            operationId: 'apps/suspend-installation',
            summary: 'Suspend an app installation',
            parameters: [pathParam('installation_id')],
          },
          delete: {
            operationId: 'apps/unsuspend-installation',
            summary: 'Unsuspend an app installation',
            parameters: [pathParam('installation_id')],
          },
        },
        // Circuit: the two say no pair ("Archives", "Unmute"), so they are no toggle.
        '/conversations/{conv_id}/archive': {
          post: { summary: 'Archives conversation', parameters: [pathParam('conv_id')], responses: json(item) },
          delete: { summary: 'Unmute conversation', parameters: [pathParam('conv_id')], responses: json(item) },
        },
        // A path the API reads is a thing that is written and deleted, whatever the verbs.
        '/users/{user_id}/schedule': {
          get: { parameters: [pathParam('user_id')], responses: json(item) },
          post: { operationId: 'startSchedule', parameters: [pathParam('user_id')], responses: json(item) },
          delete: { operationId: 'stopSchedule', parameters: [pathParam('user_id')], responses: json(item) },
        },
      }),
    ).toEqual({
      'POST /chats/{chat_id}/typing': 'chats.typing.start',
      'DELETE /chats/{chat_id}/typing': 'chats.typing.stop',
      'PUT /issues/{issue_number}/lock': 'issues.lock',
      'PUT /installations/{installation_id}/suspended': 'installations.suspend',
      'DELETE /installations/{installation_id}/suspended': 'installations.unsuspend',
      'POST /conversations/{conv_id}/archive': 'conversations.archive.create',
      'DELETE /conversations/{conv_id}/archive': 'conversations.archive.delete',
      'DELETE /issues/{issue_number}/lock': 'issues.unlock',
      'GET /users/{user_id}/schedule': 'users.schedule.retrieve',
      'POST /users/{user_id}/schedule': 'users.schedule.create',
      'DELETE /users/{user_id}/schedule': 'users.schedule.delete',
    });
  });

  it('keeps a member a sub-collection item where the API reads or lists that sub-collection, as openai-node does', () => {
    const member = [pathParam('group_id'), pathParam('user_id')];
    expect(
      callsOf({
        '/groups/{group_id}/users': {
          get: { parameters: [pathParam('group_id')], responses: json({ type: 'array', items: item }) },
          post: { summary: 'Add a user to a group', parameters: [pathParam('group_id')], responses: json(item) },
        },
        '/groups/{group_id}/users/{user_id}': {
          delete: { summary: 'Remove a user from a group', parameters: member, responses: json(item) },
        },
      }),
    ).toEqual({
      'GET /groups/{group_id}/users': 'groups.users.list',
      'POST /groups/{group_id}/users': 'groups.users.create',
      'DELETE /groups/{group_id}/users/{user_id}': 'groups.users.delete',
    });
  });

  it('makes what an item has that the API sets or clears but never reads a method of the item, a verb and the setting', () => {
    expect(
      names({
        // Mux's master access and MP4 support, Stripe's discounts: set or cleared, never read.
        '/assets/{asset_id}': { get: {} },
        '/assets/{asset_id}/master-access': { put: { id: 'update-asset-master-access', body: true } },
        '/assets/{asset_id}/mp4-support': { put: { id: 'update-asset-mp4-support', body: true } },
        '/live-streams/{id}/embedded-subtitles': { put: { body: true } },
        '/customers/{customer}/discount': { delete: {} },
        '/notes/{id}/body': { put: { body: true }, patch: { body: true } },
        // Read too (OpenAI's project spend limit), added to (openai-node's uploads.parts), or with paths below: resources.
        '/projects/{id}/spend_limit': { get: {}, post: { body: true }, delete: {} },
        '/uploads/{upload_id}/parts': { put: { body: true }, post: { body: true, returns: 'one' } },
        '/orgs/{org}/hooks': { delete: {} },
        '/orgs/{org}/hooks/{hook_id}': { get: {} },
        // A verb (GitLab's approve), an operationId's own verb (Discourse's lockPost), an item at the top (S3's object ACL).
        '/requests/{id}/approve': { put: { body: true } },
        '/posts/{id}/locked': { put: { id: 'lockPost', body: true } },
        '/{bucket}/{key}/acl': { put: { body: true } },
      }),
    ).toEqual({
      'GET /assets/{asset_id}': 'assets.retrieve',
      'PUT /assets/{asset_id}/master-access': 'assets.updateMasterAccess',
      'PUT /assets/{asset_id}/mp4-support': 'assets.updateMp4Support',
      'PUT /live-streams/{id}/embedded-subtitles': 'liveStreams.updateEmbeddedSubtitles',
      'DELETE /customers/{customer}/discount': 'customers.deleteDiscount',
      'PUT /notes/{id}/body': 'notes.replaceBody',
      'PATCH /notes/{id}/body': 'notes.updateBody',
      'GET /projects/{id}/spend_limit': 'projects.spendLimit.retrieve',
      'POST /projects/{id}/spend_limit': 'projects.spendLimit.create',
      'DELETE /projects/{id}/spend_limit': 'projects.spendLimit.delete',
      'PUT /uploads/{upload_id}/parts': 'uploads.parts.update',
      'POST /uploads/{upload_id}/parts': 'uploads.parts.create',
      'DELETE /orgs/{org}/hooks': 'orgs.hooks.deleteAll',
      'GET /orgs/{org}/hooks/{hook_id}': 'orgs.hooks.retrieve',
      'PUT /requests/{id}/approve': 'requests.approve.update',
      'PUT /posts/{id}/locked': 'posts.locked.lock',
      'PUT /{bucket}/{key}/acl': 'acl.update',
    });
  });

  it('makes an action on a part of an item a method of that item, an action verb and the part', () => {
    expect(
      names({
        // Mux's space broadcasts: created, read, deleted, started and stopped by id, never listed.
        '/spaces/{space_id}/broadcasts': { post: { id: 'create-space-broadcast', body: true } },
        '/spaces/{space_id}/broadcasts/{broadcast_id}': { get: {}, delete: {} },
        '/spaces/{space_id}/broadcasts/{broadcast_id}/start': { post: { id: 'start-space-broadcast' } },
        '/spaces/{space_id}/broadcasts/{broadcast_id}/stop': { post: { id: 'stop-space-broadcast' } },
        // Below the items, a list as well as an action (OpenAI's file batches): a resource.
        '/stores/{store_id}/file_batches': { post: { body: true } },
        '/stores/{store_id}/file_batches/{batch_id}': { get: {} },
        '/stores/{store_id}/file_batches/{batch_id}/cancel': { post: {} },
        '/stores/{store_id}/file_batches/{batch_id}/files': { get: { returns: 'list' } },
      }),
    ).toEqual({
      'POST /spaces/{space_id}/broadcasts': 'spaces.createBroadcast',
      'GET /spaces/{space_id}/broadcasts/{broadcast_id}': 'spaces.retrieveBroadcast',
      'DELETE /spaces/{space_id}/broadcasts/{broadcast_id}': 'spaces.deleteBroadcast',
      'POST /spaces/{space_id}/broadcasts/{broadcast_id}/start': 'spaces.startBroadcast',
      'POST /spaces/{space_id}/broadcasts/{broadcast_id}/stop': 'spaces.stopBroadcast',
      'POST /stores/{store_id}/file_batches': 'stores.fileBatches.create',
      'GET /stores/{store_id}/file_batches/{batch_id}': 'stores.fileBatches.retrieve',
      'POST /stores/{store_id}/file_batches/{batch_id}/cancel': 'stores.fileBatches.cancel',
      'GET /stores/{store_id}/file_batches/{batch_id}/files': 'stores.fileBatches.files.list',
    });
  });

  it('makes the only call of a lone item, which its operationId names an action, that action on what is above it', () => {
    expect(
      names({
        // Grid's lookups and Plaid callback: no operation on /receiver/uma, one item below it.
        '/receiver/uma/{receiverUmaAddress}': { get: { id: 'lookupUma' } },
        '/receiver/external-account/{accountId}': { get: { id: 'lookupExternalAccount' } },
        '/plaid/callback/{plaid_link_token}': { post: { id: 'submitPlaidPublicToken', body: true } },
        // A CRUD word, a collection with an operation of its own, or one at the top (OneBusAway's reports): resources.
        '/receiver/quotes/{quoteId}': { get: { id: 'getQuote' } },
        '/stores/items/{item_id}': { get: { id: 'searchStoreItem' } },
        '/stores/items': { get: { returns: 'list' } },
        '/report-problem-with-stop/{stopID}': { get: { id: 'reportProblemWithStop' } },
        // A DELETE deletes, whatever it says (Jellyfin's cancelPackageInstallation).
        '/packages/installing/{packageId}': { delete: { id: 'cancelPackageInstallation' } },
      }),
    ).toEqual({
      'GET /receiver/uma/{receiverUmaAddress}': 'receiver.lookupUma',
      'GET /receiver/external-account/{accountId}': 'receiver.lookupExternalAccount',
      'POST /plaid/callback/{plaid_link_token}': 'plaid.submitPublicToken',
      'GET /receiver/quotes/{quoteId}': 'receiver.quotes.retrieve',
      'GET /stores/items/{item_id}': 'stores.items.search',
      'GET /stores/items': 'stores.items.list',
      'GET /report-problem-with-stop/{stopID}': 'reportProblemWithStop.retrieve',
      'DELETE /packages/installing/{packageId}': 'packages.installing.delete',
    });
  });

  it('names a verb segment by the verb its operationId does it with, where that opens with another action verb', () => {
    expect(
      names({
        // Grid's sendTestWebhook; OpenAI's cancelRun and submitToolOuputsToRun say the segment's own verb.
        '/webhooks/test': { post: { id: 'sendTestWebhook' } },
        '/runs/{run_id}/cancel': { post: { id: 'cancelRun' } },
        '/runs/{run_id}/submit_tool_outputs': { post: { id: 'submitToolOuputsToRun' } },
        // A CRUD word, or an id spelled from the route, says nothing more.
        '/invoices/{invoice}/finalize': { post: { id: 'PostInvoicesInvoiceFinalize' } },
        '/files/search': { post: { id: 'createFileSearch' } },
        // Plaid's transferCancel names the resource first.
        '/transfer/cancel': { post: { id: 'transferCancel' } },
        '/transfer/get': { post: { id: 'transferGet' } },
      }),
    ).toEqual({
      'POST /webhooks/test': 'webhooks.sendTest',
      'POST /runs/{run_id}/cancel': 'runs.cancel',
      'POST /runs/{run_id}/submit_tool_outputs': 'runs.submitToolOutputs',
      'POST /invoices/{invoice}/finalize': 'invoices.finalize',
      'POST /files/search': 'files.search',
      'POST /transfer/cancel': 'transfer.cancel',
      'POST /transfer/get': 'transfer.get',
    });
  });

  it('makes the calls of a sub-collection of an item that nothing lists methods of that item, a verb and the part', () => {
    expect(
      names({
        // Mux's playback IDs and tracks: created, read and deleted by id, never listed (the asset lists them).
        '/assets/{asset_id}/playback-ids': { post: { id: 'create-asset-playback-id', body: true } },
        '/assets/{asset_id}/playback-ids/{playback_id}': { get: {}, delete: {} },
        '/assets/{asset_id}/tracks': { post: { body: true } },
        '/assets/{asset_id}/tracks/{track_id}': { delete: {}, patch: { body: true }, put: { body: true } },
        // Listed: a resource of its own (openai-node's threads.runs).
        '/threads/{thread_id}/runs': { get: { returns: 'list' }, post: { body: true } },
        '/threads/{thread_id}/runs/{run_id}': { get: {} },
        // Listed another way (Honcho's POST …/messages/list), or with paths below its items (OpenAI's file batches).
        '/sessions/{session_id}/messages': { post: { body: true } },
        '/sessions/{session_id}/messages/list': { post: { returns: 'list' } },
        '/sessions/{session_id}/messages/{message_id}': { get: {} },
        '/stores/{store_id}/file_batches': { post: { body: true } },
        '/stores/{store_id}/file_batches/{batch_id}': { get: {} },
        '/stores/{store_id}/file_batches/{batch_id}/files': { get: { returns: 'list' } },
        // No items: what the POST adds to (openai-node's uploads.parts.create).
        '/uploads/{upload_id}/parts': { post: { body: true, returns: 'one' } },
        // A POST to an item: an action on the part, which stays a resource (Rudder's fetchData).
        '/nodes/{node_id}/fetch_data': { post: {} },
        '/nodes/{node_id}/fetch_data/{source_id}': { post: { id: 'reloadDataSource' } },
        // A resource of that name beside the item.
        '/jobs/{job_id}/events': { post: { body: true } },
        '/jobs/{job_id}/events/{event_id}': { get: {} },
        '/jobs/events': { post: { id: 'createJobEvents', body: true } },
      }),
    ).toEqual({
      'POST /assets/{asset_id}/playback-ids': 'assets.createPlaybackId',
      'GET /assets/{asset_id}/playback-ids/{playback_id}': 'assets.retrievePlaybackId',
      'DELETE /assets/{asset_id}/playback-ids/{playback_id}': 'assets.deletePlaybackId',
      'POST /assets/{asset_id}/tracks': 'assets.createTrack',
      'DELETE /assets/{asset_id}/tracks/{track_id}': 'assets.deleteTrack',
      'PATCH /assets/{asset_id}/tracks/{track_id}': 'assets.updateTrack',
      'PUT /assets/{asset_id}/tracks/{track_id}': 'assets.replaceTrack',
      'GET /threads/{thread_id}/runs': 'threads.runs.list',
      'POST /threads/{thread_id}/runs': 'threads.runs.create',
      'GET /threads/{thread_id}/runs/{run_id}': 'threads.runs.retrieve',
      'POST /sessions/{session_id}/messages': 'sessions.messages.create',
      'POST /sessions/{session_id}/messages/list': 'sessions.messages.list',
      'GET /sessions/{session_id}/messages/{message_id}': 'sessions.messages.retrieve',
      'POST /stores/{store_id}/file_batches': 'stores.fileBatches.create',
      'GET /stores/{store_id}/file_batches/{batch_id}': 'stores.fileBatches.retrieve',
      'GET /stores/{store_id}/file_batches/{batch_id}/files': 'stores.fileBatches.files.list',
      'POST /uploads/{upload_id}/parts': 'uploads.parts.create',
      'POST /nodes/{node_id}/fetch_data': 'nodes.fetchData.create',
      'POST /nodes/{node_id}/fetch_data/{source_id}': 'nodes.fetchData.reload',
      'POST /jobs/{job_id}/events': 'jobs.events.create',
      'GET /jobs/{job_id}/events/{event_id}': 'jobs.events.retrieve',
      'POST /jobs/events': 'jobs.events.createJobEvents',
    });
  });

  it('makes a PUT that writes one item an update, and keeps replaceAll for one that says it writes them all', () => {
    const one = [pathParam('volume_id')];
    expect(
      callsOf({
        '/volumes': {
          get: { responses: json({ type: 'array', items: item }) },
          put: { summary: 'Update a volume', responses: json(item) },
        },
        '/volumes/{volume_id}': {
          get: { parameters: one, responses: json(item) },
          delete: { parameters: one, responses: json(item) },
        },
        '/labels': {
          get: { responses: json({ type: 'array', items: item }) },
          put: { operationId: 'setAllLabels', responses: json(item) },
        },
        '/labels/{name}': { delete: { parameters: [pathParam('name')], responses: json(item) } },
      }),
    ).toEqual({
      'GET /volumes': 'volumes.list',
      'PUT /volumes': 'volumes.update',
      'GET /volumes/{volume_id}': 'volumes.retrieve',
      'DELETE /volumes/{volume_id}': 'volumes.delete',
      'GET /labels': 'labels.list',
      'PUT /labels': 'labels.replaceAll',
      'DELETE /labels/{name}': 'labels.delete',
    });
  });

  it('lists with a GET whose answer wraps its items, and pages it where the answer says how', () => {
    const doc = {
      // Linq's: the API sends messages to the chat too, so they are a resource of their own.
      '/chats/{chat_id}/messages': {
        post: { parameters: [pathParam('chat_id')], responses: json(item) },
        get: {
          parameters: [pathParam('chat_id'), { name: 'cursor', in: 'query', schema: { type: 'string' } }],
          responses: json({
            type: 'object',
            properties: { messages: { type: 'array', items: item }, next_cursor: { type: ['string', 'null'] } },
          }),
        },
      },
      '/webhook-events': {
        get: {
          responses: json({
            type: 'object',
            properties: { events: { type: 'array', items: item }, doc_url: { type: 'string' } },
          }),
        },
      },
      '/routes-for-agency/{agency_id}.json': {
        get: {
          parameters: [pathParam('agency_id')],
          responses: json({
            type: 'object',
            properties: {
              code: { type: 'integer' },
              data: {
                type: 'object',
                properties: { list: { type: 'array', items: item }, references: { type: 'object' } },
              },
            },
          }),
        },
      },
    };
    expect(callsOf(doc)).toEqual({
      'GET /chats/{chat_id}/messages': 'chats.messages.list',
      'POST /chats/{chat_id}/messages': 'chats.messages.create',
      'GET /webhook-events': 'webhookEvents.list',
      'GET /routes-for-agency/{agency_id}.json': 'routesForAgency.list',
    });
    const { model } = buildModel(
      loadSpec('openapi.json', {
        cwd: specDir({
          'openapi.json': JSON.stringify({ openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: doc }),
        }),
      }),
    );
    const pages = Object.fromEntries(
      flatten(model.root).map(({ call, op }) => [call, op.pagination?.pageClass.scheme.type]),
    );
    expect(pages['chats.messages.list']).toBe('cursor');
    expect(pages['webhookEvents.list']).toBe('single');
  });

  it('makes pages read below an item, the only call of their path, methods of the item: listX', () => {
    // A page: the cursor it sends, the cursor its answer gives.
    const paged = (owner: string, of: object = item) => ({
      get: {
        parameters: [pathParam(owner), { name: 'cursor', in: 'query', schema: { type: 'string' } }],
        responses: json({
          type: 'object',
          properties: { data: { type: 'array', items: of }, next_cursor: { type: ['string', 'null'] } },
        }),
      },
    });
    const ref = (name: string): object => ({ $ref: `#/components/schemas/${name}` });
    const whole = (owner: string) => ({
      get: { parameters: [pathParam(owner)], responses: json({ type: 'array', items: item }) },
    });
    expect(
      callsOf(
        {
          // openai-node's `fineTuning.jobs.listEvents`.
          '/jobs/{job_id}/events': paged('job_id', ref('EventResponse')),
          // The item type says what the segment lists, past its owner's name: stripe-node's
          // `invoices.listLineItems`, `creditNotes.listLineItems`, Mux's `metrics.listBreakdownValues`.
          '/invoices/{invoice}/lines': paged('invoice', ref('LineItem')),
          '/credit_notes/{credit_note}/lines': paged('credit_note', ref('CreditNoteLineItem')),
          '/metrics/{metric_id}/breakdown': paged('metric_id', ref('BreakdownValue')),
          // Written to as well: a resource (openai-node's `threads.runs`).
          '/threads/{thread_id}/runs': { ...paged('thread_id'), post: { parameters: [pathParam('thread_id')] } },
          // Items that are paths: a resource.
          '/stores/{store_id}/files': paged('store_id'),
          '/stores/{store_id}/files/{file_id}': { get: { parameters: [pathParam('store_id'), pathParam('file_id')] } },
          // Sent whole, nothing to page through: a resource, as before.
          '/teams/{team_id}/members': whole('team_id'),
        },
        Object.fromEntries(
          ['EventResponse', 'LineItem', 'CreditNoteLineItem', 'BreakdownValue'].map((name) => [name, item]),
        ),
      ),
    ).toEqual({
      'GET /jobs/{job_id}/events': 'jobs.listEvents',
      'GET /invoices/{invoice}/lines': 'invoices.listLineItems',
      'GET /credit_notes/{credit_note}/lines': 'creditNotes.listLineItems',
      'GET /metrics/{metric_id}/breakdown': 'metrics.listBreakdownValues',
      'GET /threads/{thread_id}/runs': 'threads.runs.list',
      'POST /threads/{thread_id}/runs': 'threads.runs.create',
      'GET /stores/{store_id}/files': 'stores.files.list',
      'GET /stores/{store_id}/files/{file_id}': 'stores.files.retrieve',
      'GET /teams/{team_id}/members': 'teams.members.list',
    });
  });

  it('makes action verbs methods, never resources', () => {
    const post = { post: { responses: json(item) } };
    const onItem = { post: { parameters: [pathParam('id')], responses: json(item) } };
    expect(
      callsOf({
        // Lithic's sandbox: a verb that opens the path is the action, the leaf what it acts on.
        '/simulate/authorize': post,
        '/simulate/tokenizations': post,
        '/transactions/{id}/report': onItem,
        '/workflows/{id}/enable': onItem,
        '/workflows/{id}/disable': onItem,
        '/tasks/{id}/complete': onItem,
        '/chats/{id}/mark_as_read': onItem,
        '/cards/{id}/shipping/deliver': onItem,
        '/generations/video/reframe': post,
        // Plaid: CRUD words below it make the first segment a noun.
        '/transfer/cancel': post,
        '/transfer/get': post,
      }),
    ).toEqual({
      'POST /simulate/authorize': 'simulateAuthorize',
      'POST /simulate/tokenizations': 'simulateTokenizations',
      'POST /transactions/{id}/report': 'transactions.report',
      'POST /workflows/{id}/enable': 'workflows.enable',
      'POST /workflows/{id}/disable': 'workflows.disable',
      'POST /tasks/{id}/complete': 'tasks.complete',
      'POST /chats/{id}/mark_as_read': 'chats.markAsRead',
      'POST /cards/{id}/shipping/deliver': 'cards.shipping.deliver',
      'POST /generations/video/reframe': 'generations.video.reframe',
      'POST /transfer/cancel': 'transfer.cancel',
      'POST /transfer/get': 'transfer.get',
    });
  });

  it('takes the call a JavaScript code sample shows, below a declared name', () => {
    const sample = (lang: string, source: string): object => ({ 'x-codeSamples': [{ lang, source }] });
    expect(
      callsOf({
        '/jigs': {
          get: {
            ...sample('JavaScript', 'const client = new Acme();\nfor await (const jig of client.beta.jig.list()) {}'),
            responses: json({ type: 'array', items: item }),
          },
          post: {
            'x-code-samples': [
              { lang: 'Python', source: 'client.jigs.make()' },
              { lang: 'TypeScript', label: 'Node', source: 'const acme = new Acme();\nawait acme.jigs.build({});' },
            ],
            responses: json(item),
          },
        },
        '/jigs/{id}': {
          get: {
            'x-sdkgen-method': 'fetch',
            ...sample('javascript', 'await client.jigs.get("id")'),
            parameters: [pathParam('id')],
            responses: json(item),
          },
          delete: {
            ...sample('python', 'client.jigs.destroy("id")'),
            parameters: [pathParam('id')],
            responses: json(item),
          },
        },
      }),
    ).toEqual({
      'GET /jigs': 'beta.jig.list',
      'POST /jigs': 'jigs.build',
      'GET /jigs/{id}': 'jigs.fetch',
      'DELETE /jigs/{id}': 'jigs.delete',
    });
  });

  it('reads a path after its format suffix, and drops a shared word after the API marker that names nothing', () => {
    // OneBusAway: every path is /api/where/…, and ends in .json.
    const one = { get: { parameters: [pathParam('id')], responses: json(item) } };
    expect(
      callsOf({
        '/api/where/agency/{id}.json': one,
        '/api/where/stop/{id}.json': one,
        '/api/where/config.json': { get: { responses: json(item) } },
        // Where the API has the path without the format too, the format tells them apart.
        '/api/where/manager': { get: { responses: json(item) } },
        '/api/where/manager.xml': { get: { responses: json(item) } },
      }),
    ).toEqual({
      'GET /api/where/agency/{id}.json': 'agency.retrieve',
      'GET /api/where/stop/{id}.json': 'stop.retrieve',
      'GET /api/where/config.json': 'config.retrieve',
      'GET /api/where/manager': 'manager.retrieve',
      'GET /api/where/manager.xml': 'managerXml.retrieve',
    });
  });

  it('reads a GET’s summary as how it reads, not as another verb; an operationId opening with a noun says no verb', () => {
    const list = json({ type: 'array', items: item });
    expect(
      callsOf({
        '/trips': { get: { summary: 'Search for active trips', responses: list } },
        '/stops': { get: { operationId: 'stops-for-location', responses: list } },
        '/pets': { get: { operationId: 'searchPets', responses: list } },
      }),
    ).toEqual({ 'GET /trips': 'trips.list', 'GET /stops': 'stops.list', 'GET /pets': 'pets.search' });
  });

  it('gives list to the call that answers a list, and names a verb compound before its parameter after itself', () => {
    // Honcho: `POST /apps/list` pages the apps; `GET /apps` reads the caller's own.
    const app = { parameters: [pathParam('app_id')], responses: json(item) };
    expect(
      callsOf({
        '/apps': { get: { responses: json(item) } },
        '/apps/list': {
          post: { responses: json({ type: 'object', properties: { items: { type: 'array', items: item } } }) },
        },
        '/apps/{app_id}': { put: app },
        '/apps/get_or_create/{name}': { get: { parameters: [pathParam('name')], responses: json(item) } },
      }),
    ).toEqual({
      'GET /apps': 'apps.retrieve',
      'POST /apps/list': 'apps.list',
      'PUT /apps/{app_id}': 'apps.update',
      'GET /apps/get_or_create/{name}': 'apps.getOrCreate',
    });
  });
});

describe('actions named after a noun', () => {
  it('take the name their operationId gives where it opens with an action verb and holds the segment', () => {
    const on = (operationId: string, method: 'get' | 'post' = 'post'): object => ({
      [method]: { operationId, parameters: [pathParam('id')], responses: json(item) },
    });
    expect(
      callsOf({
        '/chats/{id}/read': on('markChatAsRead'),
        '/chats/{id}/voicememo': on('sendVoiceMemoToChat'),
        '/generations/{id}/audio': on('addAudioToGeneration'),
        '/containers/{id}/content': on('RetrieveContainerContent', 'get'),
        '/charges/{id}/capture_later': on('PostChargesIdCaptureLater'),
      }),
    ).toEqual({
      'POST /chats/{id}/read': 'chats.markAsRead',
      'POST /chats/{id}/voicememo': 'chats.sendVoiceMemo',
      // A CRUD word, or an id spelled from the route, says no more than the segment.
      'POST /generations/{id}/audio': 'generations.audio',
      'GET /containers/{id}/content': 'containers.content',
      'POST /charges/{id}/capture_later': 'charges.captureLater',
    });
  });
});

describe('a GET of an item that answers a list', () => {
  it('lists, unless its collection has operations or another call of its resource lists', () => {
    const list = json({ type: 'array', items: item });
    expect(
      callsOf({
        '/routes-for-agency/{agency_id}': { get: { parameters: [pathParam('agency_id')], responses: list } },
        // Loket: the types are listed from the employer; this reads one type (whatever its answer holds).
        '/employers/{employer_id}/benefit_types': { get: { parameters: [pathParam('employer_id')], responses: list } },
        '/employers/benefit_types/{type_id}': { get: { parameters: [pathParam('type_id')], responses: list } },
      }),
    ).toEqual({
      'GET /routes-for-agency/{agency_id}': 'routesForAgency.list',
      'GET /employers/{employer_id}/benefit_types': 'employers.benefitTypes.list',
      'GET /employers/benefit_types/{type_id}': 'employers.benefitTypes.retrieve',
    });
  });
});

describe('conventions a team declares once (x-sdkgen-client.naming)', () => {
  // stripe-node's customers: sub-collections, a single object and a setting below the customer.
  const customers: Paths = {
    '/customers': { get: { returns: 'list' }, post: {} },
    '/customers/{customer}': { get: {}, post: {}, delete: {} },
    '/customers/{customer}/tax_ids': { get: { returns: 'list' }, post: {} },
    '/customers/{customer}/tax_ids/{id}': { get: {}, delete: {} },
    '/customers/{customer}/sources': { get: { returns: 'list' }, post: {} },
    '/customers/{customer}/sources/{id}': { get: {}, post: {}, delete: {} },
    '/customers/{customer}/sources/{id}/verify': { post: {} },
    '/customers/{customer}/cash_balance': { get: { returns: 'settings' }, post: { returns: 'settings' } },
    '/customers/{customer}/funding_instructions': { post: { returns: 'one', body: true } },
    '/customers/{customer}/discount': { delete: {} },
  };

  it('nests sub-resources by default, as openai-node does', () => {
    expect(names(customers)).toMatchObject({
      'GET /customers/{customer}/tax_ids': 'customers.taxIds.list',
      'GET /customers/{customer}/sources/{id}': 'customers.sources.retrieve',
      'POST /customers/{customer}/sources/{id}/verify': 'customers.sources.verify',
      'GET /customers/{customer}/cash_balance': 'customers.cashBalance.retrieve',
      'POST /customers/{customer}/cash_balance': 'customers.cashBalance.update',
      'DELETE /customers/{customer}/discount': 'customers.deleteDiscount',
    });
    expect(names(customers, { naming: { subResources: 'nest', reads: 'retrieve', deletes: 'delete' } })).toEqual(
      names(customers),
    );
  });

  it('puts sub-resources on their parent as a verb and a noun with subResources: parent, as stripe-node does', () => {
    expect(names(customers, { naming: { subResources: 'parent' } })).toEqual({
      'GET /customers': 'customers.list',
      'POST /customers': 'customers.create',
      'GET /customers/{customer}': 'customers.retrieve',
      'POST /customers/{customer}': 'customers.update',
      'DELETE /customers/{customer}': 'customers.delete',
      // A list takes the collection's name; one item, or a create on a collection of items, its singular.
      'GET /customers/{customer}/tax_ids': 'customers.listTaxIds',
      'POST /customers/{customer}/tax_ids': 'customers.createTaxId',
      'GET /customers/{customer}/tax_ids/{id}': 'customers.retrieveTaxId',
      'DELETE /customers/{customer}/tax_ids/{id}': 'customers.deleteTaxId',
      'GET /customers/{customer}/sources': 'customers.listSources',
      'POST /customers/{customer}/sources': 'customers.createSource',
      'GET /customers/{customer}/sources/{id}': 'customers.retrieveSource',
      'POST /customers/{customer}/sources/{id}': 'customers.updateSource',
      'DELETE /customers/{customer}/sources/{id}': 'customers.deleteSource',
      // An action on an item of a collection that moved, moves with it.
      'POST /customers/{customer}/sources/{id}/verify': 'customers.verifySource',
      // A single object, and a collection with no items, keep their noun as it is.
      'GET /customers/{customer}/cash_balance': 'customers.retrieveCashBalance',
      'POST /customers/{customer}/cash_balance': 'customers.updateCashBalance',
      'POST /customers/{customer}/funding_instructions': 'customers.createFundingInstructions',
      'DELETE /customers/{customer}/discount': 'customers.deleteDiscount',
    });
  });

  it('settles a clash the convention makes in the one plan, with a warning', () => {
    const paths: Paths = {
      '/customers/{customer}': { get: {} },
      '/customers/{customer}/sources': { get: { returns: 'list' } },
      // Already the name `subResources: parent` gives the sub-collection's list.
      '/customers/{customer}/list_sources': { get: { returns: 'list', method: 'listSources', resource: 'customers' } },
    };
    const result = build(paths, { naming: { subResources: 'parent' } });
    const calls = Object.fromEntries(flatten(result.model.root).map(({ call, op }) => [op.path, call]));
    expect(calls).toEqual({
      '/customers/{customer}': 'customers.retrieve',
      '/customers/{customer}/list_sources': 'customers.listSources',
      '/customers/{customer}/sources': 'customers.listSources2',
    });
    expect(result.diagnostics.map((d) => d.code)).toContain('name-clash');
  });

  it('reads with get and deletes with del where declared, in every rule that names a read or a delete', () => {
    const paths: Paths = {
      '/apps': { get: { returns: 'list' } },
      '/apps/{app_id}': { get: {}, delete: {} },
      '/apps/name/{name}': { get: {} },
      '/apps/{app_id}/users/{user_id}': { get: {}, delete: {} },
    };
    expect(names(paths, { naming: { reads: 'get', deletes: 'del' } })).toEqual({
      'GET /apps': 'apps.list',
      'GET /apps/{app_id}': 'apps.get',
      'DELETE /apps/{app_id}': 'apps.del',
      'GET /apps/name/{name}': 'apps.getByName',
      'GET /apps/{app_id}/users/{user_id}': 'apps.users.get',
      'DELETE /apps/{app_id}/users/{user_id}': 'apps.users.del',
    });
    // stripe-node: `del` is the bare verb; a verb and a noun keep `delete`.
    expect(names(customers, { naming: { subResources: 'parent', reads: 'get', deletes: 'del' } })).toMatchObject({
      'DELETE /customers/{customer}': 'customers.del',
      'DELETE /customers/{customer}/sources/{id}': 'customers.deleteSource',
      'GET /customers/{customer}/cash_balance': 'customers.getCashBalance',
    });
  });

  it('names by the first tag and the operationId with resources: tags, as jira.js does, and by the rules where one is missing', () => {
    const tag = (id: string, returns?: Returns): Op => ({
      id,
      tags: ['Issue attachments', 'Issues'],
      ...(returns === undefined ? {} : { returns }),
    });
    const paths: Paths = {
      '/rest/api/3/issue/{issueIdOrKey}/attachments': {
        get: tag('getAttachments', 'list'),
        post: tag('addAttachment'),
      },
      '/rest/api/3/attachment/{id}': { get: tag('getAttachment'), delete: tag('removeAttachment') },
      '/rest/api/3/myself': { get: { id: 'getCurrentUser', tags: ['Myself'] } },
      // No tag: the rules name it.
      '/rest/api/3/serverInfo': { get: { id: 'getServerInfo' } },
    };
    expect(names(paths, { naming: { resources: 'tags' } })).toEqual({
      'GET /rest/api/3/issue/{issueIdOrKey}/attachments': 'issueAttachments.getAttachments',
      'POST /rest/api/3/issue/{issueIdOrKey}/attachments': 'issueAttachments.addAttachment',
      'GET /rest/api/3/attachment/{id}': 'issueAttachments.getAttachment',
      'DELETE /rest/api/3/attachment/{id}': 'issueAttachments.removeAttachment',
      'GET /rest/api/3/myself': 'myself.getCurrentUser',
      'GET /rest/api/3/serverInfo': 'serverInfo.retrieve',
    });
    expect(names(paths, { naming: { resources: 'paths' } })).toEqual(names(paths));
    // Two operationIds that camelCase alike clash in the one plan: the second is renamed, with a warning.
    const alike = build(
      {
        '/items/{id}': { get: { id: 'get_item', tags: ['Items'] } },
        '/items/{id}/x': { get: { id: 'getItem', tags: ['Items'] } },
      },
      { naming: { resources: 'tags' } },
    );
    expect(flatten(alike.model.root).map(({ call }) => call)).toEqual(['items.getItem', 'items.getItem2']);
    expect(alike.diagnostics.map((d) => d.code)).toContain('name-clash');
  });

  it('keeps a reserved word as a method by default, and adds the noun with keywords: noun, as stripe-node does', () => {
    const paths: Paths = {
      '/test_helpers/treasury/inbound_transfers/{id}/return': { post: {} },
      '/invoices': { get: { returns: 'list' }, post: {} },
      '/invoices/{invoice}': { get: {}, delete: {} },
      '/invoices/{invoice}/void': { post: {} },
      '/invoices/{invoice}/finalize': { post: {} },
      '/items/import': { post: {} },
    };
    // Increase's `simulations.achTransfers.return`, openai-node's `files.delete`: JavaScript allows both.
    expect(names(paths)).toMatchObject({
      'POST /test_helpers/treasury/inbound_transfers/{id}/return': 'testHelpers.treasury.inboundTransfers.return',
      'POST /invoices/{invoice}/void': 'invoices.void',
      'POST /items/import': 'items.import',
    });
    expect(names(paths, { naming: { keywords: 'keep' } })).toEqual(names(paths));
    expect(names(paths, { naming: { keywords: 'noun' } })).toEqual({
      'POST /test_helpers/treasury/inbound_transfers/{id}/return':
        'testHelpers.treasury.inboundTransfers.returnInboundTransfer',
      'GET /invoices': 'invoices.list',
      'POST /invoices': 'invoices.create',
      'GET /invoices/{invoice}': 'invoices.retrieve',
      // `delete` is the convention `deletes`'s, not this one's.
      'DELETE /invoices/{invoice}': 'invoices.delete',
      'POST /invoices/{invoice}/void': 'invoices.voidInvoice',
      'POST /invoices/{invoice}/finalize': 'invoices.finalize',
      'POST /items/import': 'items.importItem',
    });
    // stripe-node declares both: `invoices.del`, `invoices.voidInvoice`.
    expect(names(paths, { naming: { keywords: 'noun', deletes: 'del' } })).toMatchObject({
      'DELETE /invoices/{invoice}': 'invoices.del',
      'POST /invoices/{invoice}/void': 'invoices.voidInvoice',
    });
  });

  it('keeps a reserved word on the client itself with keywords: noun: it has no noun to take', () => {
    const paths: Paths = { '/items': { get: { returns: 'list' } }, '/import': { post: {} } };
    expect(names(paths, { naming: { keywords: 'noun' } })).toEqual({
      'GET /items': 'items.list',
      'POST /import': 'import',
    });
  });

  it('refuses a value it does not know, or a key, where it is written', () => {
    const paths: Paths = { '/apps': { get: { returns: 'list' } } };
    const wrong = errors(paths, { naming: { subResources: 'flat' } });
    expect(wrong.map((d) => [d.code, d.message])).toEqual([
      ['extension-invalid', '`subResources` must be one of nest, parent, not "flat".'],
    ]);
    expect(wrong[0]?.location?.line).toBeGreaterThan(0);
    expect(errors(paths, { naming: { reads: 'fetch', nested: true } }).map((d) => d.code)).toEqual([
      'extension-unknown-key',
    ]);
    expect(errors(paths, { naming: 'parent' }).map((d) => d.message)).toEqual([
      '`naming` must be a mapping with `subResources`, `reads`, `deletes`, `resources` and `keywords`.',
    ]);
    expect(errors(paths, { naming: { keywords: 'escape' } }).map((d) => d.message)).toEqual([
      '`keywords` must be one of keep, noun, not "escape".',
    ]);
  });
});
