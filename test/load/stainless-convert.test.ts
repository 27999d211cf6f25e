/**
 * A Stainless config in, `x-sdkgen-*` decisions out: the overlay `--stainless` applies and
 * `sdkgen import stainless` writes. The fixture (test/fixtures/stainless-honcho) has the shape of
 * Honcho's config and spec, with the keys of OneBusAway's, Luma AI's and Linq's that it lacks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/diagnostics.js';
import { applyOverlay } from '../../generator/load/overlay.js';
import { convertStainless } from '../../generator/load/stainless/convert.js';
import { parseSpecFile } from '../../generator/load/yaml-file.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/stainless-honcho');

function read(name: string, text?: string) {
  const path = join(FIXTURE, name);
  return parseSpecFile(path, name, text ?? readFileSync(path, 'utf8')).file;
}

function spec(text?: string): Record<string, unknown> {
  return read('openapi.yaml', text).value as Record<string, unknown>;
}

/** The declared page classes' schemes, without the params and response schemas they carry too. */
function schemesOf(pagination: unknown): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(pagination as Record<string, Record<string, unknown>>).map(
      ([name, { params: _p, response: _r, ...scheme }]) => [name, scheme],
    ),
  );
}

/** The spec with the config's decisions applied, and what converting and applying said. */
function converted(configText?: string, specText?: string) {
  const document = spec(specText);
  const result = convertStainless(read('stainless.yml', configText), document);
  const applied = structuredClone(document);
  const applying = result.diagnostics.some((d) => d.severity === 'error') ? [] : applyOverlay(applied, result.file);
  return { ...result, applied, all: [...result.diagnostics, ...applying] };
}

const operation = (document: Record<string, unknown>, path: string, verb: string) =>
  ((document['paths'] as Record<string, Record<string, unknown>>)[path] as Record<string, Record<string, unknown>>)[
    verb
  ] as Record<string, unknown>;

const where = (d: Diagnostic) => `${d.location?.line}:${d.location?.column} ${d.severity} ${d.code}`;

describe('stainless.yml → x-sdkgen-* decisions', () => {
  it('places every configured method, in the shorthand and the object form, at any depth, in Stainless casing', () => {
    const { applied } = converted();
    const placed = (path: string, verb: string) => {
      const op = operation(applied, path, verb);
      return `${op['x-sdkgen-resource']}.${op['x-sdkgen-method']}`;
    };
    expect(placed('/v1/apps', 'get')).toBe('apps.get');
    expect(placed('/v1/apps/name/{name}', 'get')).toBe('apps.getByName');
    expect(placed('/v1/apps/{app_id}/users', 'post')).toBe('apps.users.create');
    expect(placed('/v1/apps/{app_id}/users/{user_id}/sessions', 'get')).toBe('apps.users.sessions.list');
    expect(placed('/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/batch', 'post')).toBe(
      'apps.users.sessions.messages.batch',
    );
  });

  it('skips the endpoints the config does not list, and those it leaves out of TypeScript (only: [python])', () => {
    const { applied } = converted();
    expect(operation(applied, '/v1/admin/audit', 'get')['x-sdkgen-skip']).toBe(true);
    expect(operation(applied, '/v1/keys', 'post')).toMatchObject({ 'x-sdkgen-skip': true });
    expect(operation(applied, '/v1/keys', 'post')['x-sdkgen-resource']).toBeUndefined();
    expect(operation(applied, '/v1/apps', 'get')['x-sdkgen-skip']).toBeUndefined();
  });

  it('reads a method’s paginated: false, body_param_name and deprecated message', () => {
    const { applied } = converted();
    expect(
      operation(applied, '/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/batch', 'post'),
    ).toMatchObject({
      'x-sdkgen-pagination': false,
      'x-sdkgen-body-param': 'messages',
    });
    expect(operation(applied, '/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}', 'delete')).toMatchObject({
      deprecated: true,
      'x-sdkgen-deprecated': 'Sessions are kept; use `archive` instead.',
    });
  });

  it('names the schemas of models and $shared models, bare or as a $ref, in PascalCase', () => {
    const { applied } = converted();
    const schemas = (applied['components'] as Record<string, Record<string, Record<string, unknown>>>)[
      'schemas'
    ] as Record<string, Record<string, unknown>>;
    expect(schemas['Page_App_']?.['x-sdkgen-name']).toBe('PageApp');
    expect(schemas['Page_Session_']?.['x-sdkgen-name']).toBe('PageSession');
    expect(schemas['Message']?.['x-sdkgen-name']).toBe('Message');
    // OneBusAway's `references: Reference`, published as `References`
    expect(schemas['Reference']?.['x-sdkgen-name']).toBe('References');
  });

  it('turns the client settings into x-sdkgen-client, x-sdkgen-auth and the root security', () => {
    const { applied } = converted();
    expect(applied['x-sdkgen-client']).toEqual({
      // Honcho's config is for Stainless's older `node` target: every path parameter positional,
      // and no initialisms in option names.
      pathArguments: 'all',
      optionsOverload: true,
      typeNames: 'per-method',
      pagination: 'declared',
      requestParams: 'merged',
      // organization.name through custom_casings' pascal form
      name: 'HonchoAI',
      errorClass: 'HonchoAIError',
      package: 'honcho-ai',
      options: {
        workspaceId: { type: 'string', env: 'HONCHO_WORKSPACE_ID', default: 'default', header: 'X-Workspace-ID' },
      },
      // production first, the default Stainless clients take, though the config lists demo first
      environments: { production: 'https://api.honcho.dev', demo: 'https://demo.honcho.dev' },
      maxRetries: 3,
      retryDelay: { initial: 1, max: 30 },
      query: { nestedFormat: 'brackets', arrayFormat: 'comma' },
      readme: { example: 'post /v1/apps', params: { name: 'my-app' } },
    });
    const schemes = (applied['components'] as Record<string, Record<string, Record<string, unknown>>>)[
      'securitySchemes'
    ];
    expect(schemes?.['HTTPBearer']?.['x-sdkgen-auth']).toEqual({ option: 'apiKey', env: 'HONCHO_API_KEY' });
    expect(applied['security']).toEqual([{ HTTPBearer: [] }, {}]);
    const client = applied['x-sdkgen-client'] as Record<string, Record<string, unknown>>;
    expect(Object.keys(client['environments'] ?? {})).toEqual(['production', 'demo']);
  });

  it('declares each pagination scheme as a page class named in PascalCase, fields from their purposes', () => {
    const { applied } = converted();
    expect(schemesOf(applied['x-sdkgen-pagination'])).toEqual({
      Page: { type: 'page-number', items: 'items', pageParam: 'page', totalPages: 'pages' },
    });
  });

  it('passes each scheme’s request and response fields on as the page class’s params and response schemas', () => {
    const { applied } = converted();
    const page = (applied['x-sdkgen-pagination'] as Record<string, Record<string, unknown>>)['Page'];
    // The request fields are optional, the response's all there; the purposes were read, so left out.
    expect(page?.['params']).toEqual({
      type: 'object',
      properties: { page: { type: 'integer' }, size: { type: 'integer' } },
    });
    expect(page?.['response']).toEqual({
      type: 'object',
      properties: {
        items: { type: 'array', items: {} },
        page: { type: 'integer' },
        pages: { type: 'integer' },
      },
      required: ['items', 'page', 'pages'],
    });
  });

  it('warns at each key it does not act on, and passes the keys of other languages and of Stainless’s hosting in silence', () => {
    const { all } = converted();
    expect(all.map(where)).toEqual([
      '40:21 warning stainless-key-unsupported',
      '123:5 warning stainless-key-unsupported',
      '156:1 warning stainless-key-unsupported',
    ]);
    expect(all.map((d) => d.message)).toEqual([
      '`resources.apps.subresources.users.subresources.sessions.subresources.messages.methods.batch.positional_params` is not supported by sdkgen; it is ignored.',
      "`readme.example_requests.pagination` is not supported by sdkgen; it is ignored: sdkgen's README shows the `default` example.",
      '`stainless_studio_theme` is not supported by sdkgen; it is ignored.',
    ]);
  });

  it('says where a config names an endpoint, a schema or a security scheme the spec lacks, and what it likely meant', () => {
    const { diagnostics } = converted(
      [
        'resources:',
        '  apps:',
        '    methods:',
        '      list: post /v1/app/list',
        '      remove: delete /nowhere',
        '    models:',
        '      app: Apps',
        'client_settings:',
        '  opts:',
        '    api_key: {type: string, auth: {security_scheme: HttpBearer}}',
        '',
      ].join('\n'),
    );
    expect(diagnostics.map((d) => `${where(d)}: ${d.message} ${d.hint ?? ''}`.trim())).toEqual([
      '4:7 error stainless-endpoint-unknown: The spec has no endpoint `post /v1/app/list`. Did you mean `post /v1/apps/list`?',
      '5:7 error stainless-endpoint-unknown: The spec has no endpoint `delete /nowhere`.',
      '7:7 error stainless-model-unknown: The spec has no schema `Apps` (#/components/schemas). Did you mean `App`?',
      '10:36 error stainless-security-scheme-unknown: The spec has no security scheme "HttpBearer" (#/components/securitySchemes). Did you mean `HTTPBearer`?',
    ]);
  });

  it('makes a second method on one endpoint its alias, and a schema keeps its first model name', () => {
    const { diagnostics, overlay } = converted(
      [
        'resources:',
        '  apps:',
        '    methods:',
        '      create: post /v1/apps',
        '    models:',
        '      app: App',
        '    subresources:',
        '      v2:',
        '        methods:',
        '          create: post /v1/apps',
        '  $shared:',
        '    models:',
        '      application: App',
        '',
      ].join('\n'),
    );
    expect(diagnostics.map((d) => `${where(d)}: ${d.message}`)).toEqual([
      '13:7 warning stainless-model-repeated: The schema `App` is already the model `App`; a type has one name, so `Application` is left out.',
    ]);
    expect(overlay.actions.filter((a) => a.target === "$.paths['/v1/apps'].post").map((a) => a.update)).toEqual([
      { 'x-sdkgen-resource': 'apps', 'x-sdkgen-method': 'create' },
      { 'x-sdkgen-aliases': ['apps.v2.create'] },
    ]);
  });

  it('reads the object form of a model (ImageKit’s `{ openapi_uri, only }`), leaving out a model not for TypeScript', () => {
    const { diagnostics, overlay } = converted(
      [
        'resources:',
        '  apps:',
        '    methods:',
        '      create: post /v1/apps',
        '  $shared:',
        '    models:',
        '      application: { openapi_uri: "#/components/schemas/App", only: [node] }',
        '      user_record: { openapi_uri: "#/components/schemas/User", only: [python] }',
        '      other: { openapi_uri: "#/components/schemas/User", style: flat }',
        '',
      ].join('\n'),
    );
    const names = overlay.actions.map((a) => [
      a.target,
      (a.update as Record<string, unknown> | undefined)?.['x-sdkgen-name'],
    ]);
    expect(names.filter(([, name]) => name !== undefined)).toEqual([
      ['$.components.schemas.App', 'Application'],
      ['$.components.schemas.User', 'Other'],
    ]);
    expect(diagnostics.map((d) => `${where(d)} ${d.message}`)).toEqual([
      '9:58 warning stainless-key-unsupported `resources.$shared.models.other.style` is not supported by sdkgen; it is ignored.',
    ]);
  });

  it('leaves a method out of TypeScript by skip: [node] or only: [python], and keeps it for only: [typescript]', () => {
    const { applied } = converted(
      [
        'resources:',
        '  apps:',
        '    methods:',
        '      get: {endpoint: get /v1/apps, skip: [node]}',
        '      create: {endpoint: post /v1/apps, only: [typescript, python]}',
        '      list: {endpoint: post /v1/apps/list, skip: [go]}',
        '',
      ].join('\n'),
    );
    expect(operation(applied, '/v1/apps', 'get')).toEqual(expect.objectContaining({ 'x-sdkgen-skip': true }));
    expect(operation(applied, '/v1/apps', 'post')).toMatchObject({ 'x-sdkgen-method': 'create' });
    expect(operation(applied, '/v1/apps', 'post')['x-sdkgen-skip']).toBeUndefined();
    expect(operation(applied, '/v1/apps/list', 'post')).toMatchObject({ 'x-sdkgen-method': 'list' });
  });

  it('maps each pagination scheme type and its purposes to a page class', () => {
    const property = (purpose: string) => `{x-stainless-pagination-property: {purpose: ${purpose}}}`;
    const { applied, diagnostics } = converted(
      [
        'pagination:',
        '  - name: cursor_page',
        '    type: cursor',
        `    request: {cursor: ${property('next_cursor_param')}, limit: {type: integer}}`,
        `    response: {data: {type: array, items: {}, x-stainless-pagination-property: {purpose: items}}, meta: {type: object, properties: {next: ${property('next_cursor_field')}}}}`,
        '  - name: cursor_id_page',
        '    type: cursor_id',
        `    request: {starting_after: ${property('next_cursor_id_param')}, ending_before: ${property('previous_cursor_id_param')}}`,
        `    response: {data: {type: array, items: {type: object, properties: {token: ${property('cursor_item_id')}}}}, has_more: {type: boolean}}`,
        '  - name: next_url_page',
        '    type: cursor_url',
        `    response: {results: {type: array, items: {}}, next: ${property('cursor_url_field')}}`,
        '  - name: offset_page',
        '    type: offset',
        `    request: {offset: ${property('offset_count_param')}}`,
        `    response: {rows: ${property('items')}, total: ${property('offset_total_count_field')}}`,
        '  - name: page_number_page',
        '    type: page_number',
        `    request: {page: ${property('page_number_param')}}`,
        `    response: {items: {type: array}, has_more: ${property('has_next_page')}}`,
        '  - name: oauth_cursor',
        '    type: graphql_relay',
        '',
      ].join('\n'),
    );
    expect(schemesOf(applied['x-sdkgen-pagination'])).toEqual({
      CursorPage: { type: 'cursor', items: 'data', cursorField: 'meta.next', cursorParam: 'cursor' },
      CursorIDPage: {
        type: 'item-id',
        items: 'data',
        hasMore: 'has_more',
        idField: 'token',
        cursorParam: 'starting_after',
      },
      NextURLPage: { type: 'next-url', items: 'results', urlField: 'next' },
      OffsetPage: { type: 'offset', items: 'rows', offsetParam: 'offset', total: 'total' },
      PageNumberPage: { type: 'page-number', items: 'items', hasMore: 'has_more', pageParam: 'page' },
    });
    expect(diagnostics.map((d) => `${where(d)}: ${d.message}`)).toEqual([
      '22:5 warning stainless-key-unsupported: `pagination[5].type` is not supported by sdkgen; it is ignored: sdkgen pages by cursor, cursor_id, cursor_url, offset, page_number, not "graphql_relay".',
    ]);
  });

  it('applies openapi transforms first, as overlay actions, and reads the rest against the changed spec', () => {
    // Lightspark Grid's config removes keys of schemas this way.
    const { overlay, applied, diagnostics } = converted(
      [
        'openapi:',
        '  code_samples: mintlify',
        '  transforms:',
        '    - command: remove',
        '      reason: internal',
        '      args: {target: [\'$.paths["/v1/admin/audit"]\']}',
        '    - command: remove',
        "      args: {target: ['$.components.schemas.Page_App_.properties', '$.components.schemas.Page_Session_.properties'], keys: [pages]}",
        '    - command: merge',
        "      args: {target: '$.paths[\"/v1/keys\"]', value: {get: {operationId: list_keys, responses: {'200': {description: ok}}}}}",
        '    - command: renameValue',
        '      args: {target: $.info.title}',
        'resources:',
        '  keys:',
        '    methods:',
        '      list: get /v1/keys',
        '',
      ].join('\n'),
    );
    expect(overlay.actions.slice(0, 4)).toEqual([
      { target: '$.paths["/v1/admin/audit"]', description: 'internal', remove: true },
      { target: "$.components.schemas.Page_App_.properties['pages']", remove: true },
      { target: "$.components.schemas.Page_Session_.properties['pages']", remove: true },
      {
        target: '$.paths["/v1/keys"]',
        update: { get: { operationId: 'list_keys', responses: { '200': { description: 'ok' } } } },
      },
    ]);
    expect((applied['paths'] as Record<string, unknown>)['/v1/admin/audit']).toBeUndefined();
    const schemas = (applied['components'] as Record<string, Record<string, Record<string, Record<string, unknown>>>>)[
      'schemas'
    ];
    expect(Object.keys(schemas?.['Page_App_']?.['properties'] ?? {})).toEqual(['items', 'total', 'page', 'size']);
    expect(operation(applied, '/v1/keys', 'get')).toMatchObject({
      'x-sdkgen-resource': 'keys',
      'x-sdkgen-method': 'list',
    });
    expect(diagnostics.map((d) => `${where(d)}: ${d.message}`)).toEqual([
      '11:7 warning stainless-key-unsupported: `openapi.transforms[3].command` is not supported by sdkgen; it is ignored: sdkgen applies `remove` (of `target`s, or of their `keys`) and `merge`/`update` of a mapping `value` into `target`s; apply this one to the spec, or write it as an overlay.',
    ]);
  });

  it('writes type: webhook_unwrap methods to x-sdkgen-webhooks, with ImageKit’s discriminator and webhook_key_opt', () => {
    const { applied, all } = converted(
      [
        'resources:',
        '  webhooks:',
        '    methods:',
        '      unwrap: {type: webhook_unwrap, discriminator: type, webhook_key_opt: webhook_secret}',
        '      unsafe_unwrap: {type: webhook_unwrap, discriminator: type}',
        'client_settings:',
        '  opts:',
        '    webhook_secret: {type: string, read_env: HONCHO_WEBHOOK_SECRET, nullable: true}',
        '',
      ].join('\n'),
    );
    expect(all).toEqual([]);
    expect(applied['x-sdkgen-webhooks']).toEqual({
      discriminator: 'type',
      methods: { unwrap: { keyOption: 'webhookSecret' }, unsafeUnwrap: {} },
    });
  });

  it('names each event `<Webhook>WebhookEvent` after its webhook, as Grid 0.6.0 has them, unless it is a model', () => {
    const fixture = readFileSync(join(FIXTURE, 'openapi.yaml'), 'utf8')
      .replace(
        /^components:/m,
        [
          '  test-webhook:',
          "    post: {requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/TestWebhookRequest'}}}}, responses: {'200': {description: ok}}}",
          '  kyc-status:',
          "    post: {requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/KycStatusWebhook'}}}}, responses: {'200': {description: ok}}}",
          '  user.created:',
          "    post: {requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/UserEvent'}}}}, responses: {'200': {description: ok}}}",
          'components:',
        ].join('\n'),
      )
      .replace(
        /^ {2}schemas:\n/m,
        [
          '  schemas:',
          '    TestWebhookRequest: {type: object, properties: {type: {type: string}}}',
          '    KycStatusWebhook: {type: object, properties: {type: {type: string}}}',
          // A base whose discriminator maps to an event does not use it.
          "    BaseWebhook: {type: object, properties: {type: {type: string}}, discriminator: {propertyName: type, mapping: {KYC: '#/components/schemas/KycStatusWebhook'}}}",
          '    UserEvent: {type: object, properties: {type: {type: string}}}',
          '',
        ].join('\n'),
      );
    const { applied, all } = converted(
      [
        'resources:',
        '  webhooks:',
        '    methods:',
        '      unwrap: {type: webhook_unwrap, discriminator: type}',
        '  users:',
        '    models:',
        '      user_event: UserEvent',
        '',
      ].join('\n'),
      fixture,
    );
    expect(all).toEqual([]);
    const names = Object.fromEntries(
      Object.entries((applied['components'] as { schemas: Record<string, Record<string, unknown>> }).schemas).map(
        ([name, schema]) => [name, schema['x-sdkgen-name']],
      ),
    );
    // `app.created` is the schema `App`, which the API's lists answer too: it keeps its name.
    expect(names).toMatchObject({
      TestWebhookRequest: 'TestWebhookWebhookEvent',
      KycStatusWebhook: 'KYCStatusWebhookEvent',
      UserEvent: 'UserEvent',
      App: undefined,
    });
  });

  it('says where a webhook_unwrap method is not where sdkgen makes it, or the spec has no webhooks', () => {
    const unwrap = (at: string, specText?: string) =>
      converted(
        ['resources:', `  ${at}:`, '    methods:', '      unwrap: {type: webhook_unwrap}', ''].join('\n'),
        specText,
      ).diagnostics.map((d) => `${where(d)}: ${d.message}`);
    expect(unwrap('webhooks')).toEqual([]);
    expect(unwrap('events')).toEqual([
      '4:7 warning stainless-webhook-unwrap: `resources.events.methods.unwrap` is `client.events.unwrap`; sdkgen generates the webhook methods on `client.webhooks`, so it is `client.webhooks.unwrap` instead.',
    ]);
    const withoutWebhooks = readFileSync(join(FIXTURE, 'openapi.yaml'), 'utf8').replace(
      /^webhooks:[\s\S]*?^components:/m,
      'components:',
    );
    expect(unwrap('webhooks', withoutWebhooks)).toEqual([
      '4:7 warning stainless-webhook-unwrap: `resources.webhooks.methods.unwrap` unwraps webhooks, but the spec declares no `webhooks`; sdkgen generates `client.webhooks` from them, so nothing is generated here.',
    ]);
  });

  it('writes method, resource and option names with the config’s custom casings', () => {
    const { applied } = converted(
      [
        'custom_casings: {honcho: {camel: honcho, pascal: HONCHO}}',
        'organization: {name: honcho-api}',
        'resources:',
        '  honcho_apps:',
        '    methods:',
        '      get_honcho_app: get /v1/apps',
        '',
      ].join('\n'),
    );
    expect(operation(applied, '/v1/apps', 'get')).toMatchObject({
      'x-sdkgen-resource': 'honchoApps',
      'x-sdkgen-method': 'getHONCHOApp',
    });
    expect(applied['x-sdkgen-client']).toMatchObject({ name: 'HONCHOAPI' });
  });

  it('reads Stainless’s own starting config: client methods, pagination without purposes, basic auth, idempotency', () => {
    const dir = join(FIXTURE, '../stainless-template');
    const file = (name: string) => parseSpecFile(join(dir, name), name, readFileSync(join(dir, name), 'utf8')).file;
    const document = file('openapi.yaml').value as Record<string, unknown>;
    const result = convertStainless(file('stainless.yml'), document);
    expect(applyOverlay(document, result.file)).toEqual([]);
    expect(result.diagnostics.map((d) => `${where(d)}: ${d.message}`)).toEqual([
      '15:7 warning stainless-client-method: `client.status()` is a method of the client itself, which sdkgen cannot declare yet; `get /status` keeps the place sdkgen infers for it.',
    ]);
    expect(schemesOf(document['x-sdkgen-pagination'])).toEqual({
      CursorPage: { type: 'cursor', items: 'data', cursorField: 'next_cursor', cursorParam: 'cursor' },
    });
    expect(document['x-sdkgen-client']).toEqual({
      pathArguments: 'last',
      typeNames: 'per-method',
      pagination: 'declared',
      requestParams: 'merged',
      name: 'Acme',
      errorClass: 'AcmeError',
      package: 'acme-typescript',
      idempotencyHeader: 'Idempotency-Key',
      environments: { production: 'https://api.acme.com/v1', sandbox: 'https://sandbox.acme.com/v1' },
    });
    const schemes = (document['components'] as Record<string, Record<string, Record<string, unknown>>>)[
      'securitySchemes'
    ];
    expect(schemes?.['BasicAuth']?.['x-sdkgen-auth']).toEqual({
      option: 'username',
      env: 'ACME_USERNAME',
      password: 'password',
      passwordEnv: 'ACME_PASSWORD',
    });
    // The client's own method is not skipped: it is generated where sdkgen places it.
    expect(operation(document, '/status', 'get')['x-sdkgen-skip']).toBeUndefined();
  });

  it('says why an endpoint under a $ref path item cannot be configured', () => {
    const specText = readFileSync(join(FIXTURE, 'openapi.yaml'), 'utf8').replace(
      "  /v1/keys:\n    post:\n      operationId: create_key\n      responses: {'200': {description: ok}}\n",
      "  /v1/keys: {$ref: './keys.yaml'}\n",
    );
    const { diagnostics } = converted(
      ['resources:', '  keys:', '    methods:', '      create: post /v1/keys', ''].join('\n'),
      specText,
    );
    expect(diagnostics.map((d) => `${where(d)}: ${d.message}`)).toEqual([
      "4:7 error stainless-endpoint-unknown: The spec's path `/v1/keys` is a $ref (./keys.yaml), whose operations the config cannot reach.",
    ]);
  });

  it('names as the config’s generator does: the typescript target, or the older node target (OneBusAway’s)', () => {
    const names = (targets: string) => {
      const { applied } = converted(
        [
          targets,
          'resources:',
          '  apps:',
          '    methods:',
          '      get_by_api_id: get /v1/apps',
          '    models:',
          '      app_ids: Page_App_',
          '',
        ].join('\n'),
      );
      return [
        operation(applied, '/v1/apps', 'get')['x-sdkgen-method'],
        (applied['x-sdkgen-client'] as Record<string, unknown>)['pathArguments'],
        (applied['components'] as Record<string, Record<string, Record<string, unknown>>>)['schemas']?.['Page_App_']?.[
          'x-sdkgen-name'
        ],
      ];
    };
    // onebusaway-sdk 1.10.12 (node): `routeIdsForAgency` beside the type `RouteIDsForAgency`, `retrieve(workspaceId, conclusionId)` in honcho-ai
    expect(names('targets: {node: {package_name: x}}')).toEqual(['getByApiId', 'all', 'AppIDs']);
    // @linqapp/sdk, @imagekit/nodejs (typescript): `getFromURL`, `retrieve(messageID)`
    expect(names('targets: {typescript: {package_name: x}, node: {package_name: x}}')).toEqual([
      'getByAPIID',
      'last',
      'AppIDs',
    ]);
    expect(names('targets: {python: {package_name: x}}')).toEqual(['getByAPIID', 'last', 'AppIDs']);
  });
  it('sends an option in the header `send_in_header` names (The Prompting Company’s), a credential’s header being its scheme’s', () => {
    const { applied, all } = converted(
      [
        'client_settings:',
        '  opts:',
        '    organization_id:',
        '      type: string',
        '      nullable: true',
        '      read_env: TPC_ORGANIZATION_ID',
        "      send_in_header: 'X-Tpc-Organization-Id'",
        '    api_key:',
        '      type: string',
        '      read_env: HONCHO_API_KEY',
        '      auth: { security_scheme: HTTPBearer }',
        '      send_in_header: Authorization',
        '',
      ].join('\n'),
    );
    expect(all).toEqual([]);
    expect((applied['x-sdkgen-client'] as Record<string, unknown>)['options']).toEqual({
      organizationID: { type: 'string', env: 'TPC_ORGANIZATION_ID', nullable: true, header: 'X-Tpc-Organization-Id' },
    });
  });
});
