import { describe, expect, it } from 'vitest';
import { type Diagnostic, SpecError } from '../../generator/diagnostics.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { ApiModel, OperationModel, ResourceModel } from '../../generator/model/model.js';
import { ROOT } from '../helpers/paths.js';
import { openapi, specDir } from '../helpers/spec-files.js';

function model(yaml: string, extra: Record<string, string> = {}): ApiModel {
  const cwd = specDir({ 'openapi.yaml': yaml, ...extra });
  return buildModel(loadSpec('openapi.yaml', { cwd })).model;
}

function errors(yaml: string): Diagnostic[] {
  try {
    model(yaml);
  } catch (error) {
    if (error instanceof SpecError) return [...error.diagnostics];
    throw error;
  }
  return [];
}

function operations(resource: ResourceModel): { path: string; op: OperationModel }[] {
  return [
    ...resource.operations.map((op) => ({ path: [...resource.path, op.name].join('.'), op })),
    ...resource.children.flatMap(operations),
  ];
}

const LIST = (path: string, extra = ''): string =>
  `  ${path}:\n    get:\n${extra}      responses:\n        "200":\n          description: ok\n`;

describe('the model of spec/openapi.yaml', () => {
  const { model: admin } = buildModel(loadSpec('spec/openapi.yaml', { cwd: ROOT }));

  it('has the client the seeds show', () => {
    expect(admin.client).toMatchObject({
      className: 'OpenAI',
      packageName: 'openai-admin',
      baseURL: 'https://api.openai.com/v1',
      auth: [
        { schemeName: 'AdminApiKeyAuth', runtime: { type: 'bearer', option: 'adminAPIKey', env: 'OPENAI_ADMIN_KEY' } },
      ],
    });
  });

  it('places both operations under admin.organization.projects with their page classes', () => {
    const found = operations(admin.root).map(({ path, op }) => ({
      path,
      http: `${op.method} ${op.path}`,
      params: op.paramsTypeName,
      page: op.pagination?.pageClass.name,
      item: op.pagination?.item,
      args: op.pathParams.map((p) => p.identifier),
      query: op.queryParams.map((p) => `${p.name}${p.required ? '' : '?'}`),
    }));
    expect(found).toEqual([
      {
        path: 'admin.organization.projects.groups.list',
        http: 'get /organization/projects/{project_id}/groups',
        params: 'GroupListParams',
        page: 'NextCursorPage',
        item: { kind: 'ref', name: 'ProjectGroup' },
        args: ['projectId'],
        query: ['after?', 'limit?', 'order?'],
      },
      {
        path: 'admin.organization.projects.users.list',
        http: 'get /organization/projects/{project_id}/users',
        params: 'UserListParams',
        page: 'ConversationCursorPage',
        item: { kind: 'ref', name: 'ProjectUser' },
        args: ['projectId'],
        query: ['after?', 'limit?'],
      },
    ]);
  });

  it('keeps the seeds’ constraints, defaults and enums on the parameters', () => {
    const [groups, users] = operations(admin.root).map((o) => o.op);
    const limit = groups?.queryParams.find((p) => p.name === 'limit');
    expect(limit?.docs).toMatchObject({ default: { value: 20 }, constraints: { minimum: 0, maximum: 100 } });
    expect(groups?.queryParams.find((p) => p.name === 'order')?.type).toEqual({
      kind: 'union',
      members: [
        { kind: 'literal', value: 'asc' },
        { kind: 'literal', value: 'desc' },
      ],
    });
    expect(users?.queryParams.find((p) => p.name === 'limit')?.docs.constraints).toEqual({ minimum: 1, maximum: 100 });
  });

  it('declares the cursor schemes of the two page classes', () => {
    expect(admin.pageClasses.map((p) => [p.name, p.scheme])).toEqual([
      [
        'NextCursorPage',
        { type: 'cursor', items: 'data', hasMore: 'has_more', cursorField: 'next', cursorParam: 'after' },
      ],
      [
        'ConversationCursorPage',
        { type: 'cursor', items: 'data', hasMore: 'has_more', cursorField: 'last_id', cursorParam: 'after' },
      ],
    ]);
  });

  it('types ProjectUser with nullable, optional name and email', () => {
    const user = admin.schemas.find((s) => s.name === 'ProjectUser');
    const props = user?.type.kind === 'object' ? user.type.properties : [];
    const nullableString = {
      kind: 'union',
      members: [
        { kind: 'primitive', name: 'string' },
        { kind: 'primitive', name: 'null' },
      ],
    };
    expect(props.find((p) => p.name === 'email')).toMatchObject({ required: false, type: nullableString });
    expect(props.find((p) => p.name === 'object')).toMatchObject({
      required: true,
      type: { kind: 'literal', value: 'organization.project.user' },
    });
  });
});

describe('schemas', () => {
  const schemasOf = (components: string) => model(openapi(`components:\n  schemas:\n${components}`)).schemas;

  it('turns 3.0 nullable, 3.1 type lists, const and enum into unions and literals', () => {
    const [a] = schemasOf(
      '    A:\n      type: object\n      properties:\n        n: {type: string, nullable: true}\n        t: {type: [integer, "null"]}\n        c: {const: 3}\n        e: {enum: [a, 1, true, null]}\n',
    );
    const props = a?.type.kind === 'object' ? a.type.properties.map((p) => [p.name, p.type]) : [];
    expect(Object.fromEntries(props)).toEqual({
      n: {
        kind: 'union',
        members: [
          { kind: 'primitive', name: 'string' },
          { kind: 'primitive', name: 'null' },
        ],
      },
      t: {
        kind: 'union',
        members: [
          { kind: 'primitive', name: 'number', integer: true },
          { kind: 'primitive', name: 'null' },
        ],
      },
      c: { kind: 'literal', value: 3 },
      e: {
        kind: 'union',
        members: [
          { kind: 'literal', value: 'a' },
          { kind: 'literal', value: 1 },
          { kind: 'literal', value: true },
          { kind: 'literal', value: null },
        ],
      },
    });
  });

  it('turns allOf into an intersection and oneOf/anyOf into unions, keeping references by name', () => {
    const schemas = schemasOf(
      '    A:\n      allOf:\n        - $ref: "#/components/schemas/B"\n        - oneOf: [{type: string}, {$ref: "#/components/schemas/B"}]\n    B:\n      type: object\n      properties:\n        self: {$ref: "#/components/schemas/B"}\n',
    );
    expect(schemas.map((s) => s.name)).toEqual(['A', 'B']);
    expect(schemas[0]?.type).toEqual({
      kind: 'intersection',
      members: [
        { kind: 'ref', name: 'B' },
        {
          kind: 'union',
          members: [
            { kind: 'primitive', name: 'string' },
            { kind: 'ref', name: 'B' },
          ],
        },
      ],
    });
  });

  it('gives schemas names that never clash with the runtime’s exports', () => {
    expect(schemasOf('    APIError:\n      type: string\n    Page:\n      type: string\n').map((s) => s.name)).toEqual([
      'APIErrorSchema',
      'PageSchema',
    ]);
  });

  it('gives schemas names that never hide a global the generated code or its users need', () => {
    const globals = ['Error', 'Response', 'Promise', 'Record', 'Date', 'Blob', 'File', 'Object'];
    expect(schemasOf(globals.map((name) => `    ${name}:\n      type: string\n`).join('')).map((s) => s.name)).toEqual(
      globals.map((name) => `${name}Schema`),
    );
  });
});

describe('resources and methods inferred from paths', () => {
  it('names methods by verb and shape, and trailing actions by their segment', () => {
    const found = operations(
      model(
        openapi(
          `paths:\n${LIST('/fine_tuning/jobs')}  /fine_tuning/jobs/{job_id}:\n    parameters: [{name: job_id, in: path, required: true, schema: {type: string}}]\n    get:\n      responses: {"200": {description: ok}}\n    delete:\n      responses: {"200": {description: ok}}\n  /fine_tuning/jobs/{job_id}/cancel:\n    post:\n      parameters: [{name: job_id, in: path, required: true, schema: {type: string}}]\n      responses: {"200": {description: ok}}\n`,
        ),
      ).root,
    ).map(({ path, op }) => [path, op.pathParams.map((p) => p.identifier).join(',')]);
    expect(found).toEqual([
      ['fineTuning.jobs.list', ''],
      ['fineTuning.jobs.retrieve', 'jobId'],
      ['fineTuning.jobs.delete', 'jobId'],
      ['fineTuning.jobs.cancel', 'jobId'],
    ]);
  });

  it('keeps inferred names off the members the client and resources already have', () => {
    const found = operations(
      model(openapi(`paths:\n${LIST('/request')}${LIST('/timeout')}${LIST('/things/constructor')}`)).root,
    ).map((o) => o.path);
    expect(found).toEqual(['requestResource.list', 'timeoutResource.list', 'things.constructorResource.list']);
  });

  it('refuses declared names that would hide a member of the client or a resource', () => {
    const yaml = openapi(
      `paths:\n${LIST('/a', '      x-sdkgen-resource: baseURL\n')}${LIST('/b', '      x-sdkgen-resource: b\n      x-sdkgen-method: _client\n')}`,
    );
    expect(errors(yaml).map((d) => [d.code, d.message])).toEqual([
      ['name-reserved', '`baseURL` is already a member of the client; choose another name.'],
      ['name-reserved', '`_client` is already a member of every resource; choose another name.'],
    ]);
  });

  it('makes every class and type name an identifier, even from segments like 2.0 or 100 (a leading version is no resource)', () => {
    const m = model(
      openapi(
        `paths:\n${LIST('/2.0/status/100', '      parameters: [{name: q, in: query, schema: {type: string}}]\n')}`,
      ),
    );
    const [[path, op] = []] = operations(m.root).map((o) => [o.path, o.op] as const);
    expect(path).toBe('status._100.list');
    expect(op?.paramsTypeName).toBe('_100ListParams');
    const classNames = (r: ResourceModel): string[] => [r.className, ...r.children.flatMap(classNames)];
    expect(classNames(m.root).slice(1)).toEqual(['Status', '_100']);
  });

  it('names a POST the only operation of its path an action, and a POST beside a DELETE a create', () => {
    const found = operations(
      model(
        openapi(
          `paths:\n  /users/{u}/tokens:\n    parameters: [{name: u, in: path, required: true, schema: {type: string}}]\n    post:\n      responses: {"201": {description: ok}}\n    delete:\n      responses: {"204": {description: ok}}\n  /users/{u}/suspend:\n    parameters: [{name: u, in: path, required: true, schema: {type: string}}]\n    post:\n      responses: {"204": {description: ok}}\n`,
        ),
      ).root,
    ).map((o) => o.path);
    expect(found).toEqual(['users.suspend', 'users.tokens.create', 'users.tokens.delete']);
  });

  it('lets x-sdkgen-resource and x-sdkgen-method override inference', () => {
    const found = operations(
      model(openapi(`paths:\n${LIST('/things', '      x-sdkgen-resource: a.b\n      x-sdkgen-method: all\n')}`)).root,
    ).map((o) => o.path);
    expect(found).toEqual(['a.b.all']);
  });

  it('derives the client name and credential from info.title and securitySchemes', () => {
    const m = model(
      `openapi: 3.0.0\ninfo: {title: Acme REST API, version: 2.0.0}\npaths: {}\ncomponents:\n  securitySchemes:\n    key: {type: apiKey, in: header, name: X-Key}\n`,
    );
    expect(m.client).toMatchObject({
      className: 'Acme',
      packageName: 'acme',
      baseURL: '',
      auth: [{ runtime: { type: 'header', option: 'apiKey', env: 'ACME_API_KEY', name: 'X-Key' } }],
    });
  });
});

describe('schemas: open enums', () => {
  it('types an x-extensible-enum as its values or any other string', () => {
    const m = model(
      openapi('paths: {}\ncomponents:\n  schemas:\n    Condition: {type: string, x-extensible-enum: [new, used]}\n'),
    );
    expect(m.schemas.find((s) => s.name === 'Condition')?.type).toEqual({
      kind: 'union',
      members: [
        { kind: 'literal', value: 'new' },
        { kind: 'literal', value: 'used' },
        { kind: 'primitive', name: 'string' },
      ],
    });
  });
});

describe('diagnostics', () => {
  const codes = (yaml: string): string[] =>
    errors(yaml).map((d) => `${d.location?.line}:${d.location?.column} ${d.code}`);

  it('reports path template parameters that are not declared', () => {
    expect(codes(openapi(`paths:\n${LIST('/a/{id}')}`))).toEqual(['8:3 path-param-undeclared']);
  });

  it('reports a repeated operationId where it is repeated, naming the operation that has it first', () => {
    const found = errors(
      openapi(
        `paths:\n${LIST('/a', '      operationId: listThings\n')}${LIST('/b', '      operationId: listThings\n')}`,
      ),
    );
    expect(found.map((d) => `${d.location?.line}:${d.location?.column} ${d.code}`)).toEqual([
      '16:20 operation-id-duplicate',
    ]);
    expect(found[0]?.message).toBe(
      'operationId "listThings" is already the id of GET /a; operationIds must be unique.',
    );
  });

  it('reports pagination on fields that do not exist', () => {
    const yaml = openapi(
      'x-sdkgen-pagination:\n  P: {type: cursor, items: data, cursorField: next, cursorParam: after}\npaths:\n  /a:\n    get:\n      x-sdkgen-pagination: P\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {type: object, properties: {data: {type: array}}}\n',
    );
    const [d] = errors(yaml);
    expect(d?.code).toBe('pagination-field-missing');
    expect(d?.message).toContain('no field "next"');
  });

  it('reports unknown keys and values in x-sdkgen extensions', () => {
    const yaml = openapi(
      'x-sdkgen-client: {name: Ok, colour: blue}\nx-sdkgen-pagination:\n  P: {type: sideways}\npaths:\n  /a:\n    get:\n      x-sdkgen-pagination: Q\n      responses: {"200": {description: ok}}\n',
    );
    expect(errors(yaml).map((d) => d.code)).toEqual([
      'extension-unknown-key',
      'extension-invalid',
      'pagination-unknown',
    ]);
  });

  it('reports operations that would share a declared method name', () => {
    const yaml = openapi(
      `paths:\n${LIST('/a', '      x-sdkgen-method: go\n')}${LIST('/b', '      x-sdkgen-resource: a\n      x-sdkgen-method: go\n')}`,
    );
    expect(errors(yaml).map((d) => d.code)).toEqual(['method-duplicate']);
  });
});

describe('reserved member names', () => {
  it('cover every member a generated client or resource inherits from the runtime', async () => {
    const { BaseClient } = await import('../../generator/runtime/client.js');
    const { CLIENT_MEMBERS } = await import('../../generator/model/reserved-names.js');
    const client = new BaseClient({}, { baseURL: 'http://x', auth: [], credentials: {} });
    const members = [...Object.getOwnPropertyNames(BaseClient.prototype), ...Object.keys(client)];
    expect(members.filter((m) => !CLIENT_MEMBERS.has(m))).toEqual([]);
  });
});

describe('security requirements', () => {
  it('warn, not fail, on schemes that are undeclared or unsupported', () => {
    const cwd = specDir({
      'openapi.yaml': openapi(
        `paths:\n${LIST('/a', '      security: [{digest: []}, {ghost: []}, {key: []}]\n')}components:\n  securitySchemes:\n    digest: {type: http, scheme: digest}\n    key: {type: apiKey, in: header, name: X-Key}\n`,
      ),
    });
    const { model: m, diagnostics } = buildModel(loadSpec('openapi.yaml', { cwd }));
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['warning', 'security-unsupported'],
      ['warning', 'security-unknown'],
    ]);
    expect(operations(m.root)[0]?.op.auth).toEqual(['key']);
  });
});

describe('credentials without x-sdkgen-auth', () => {
  it('name one option per scheme after the scheme, without an Auth suffix', () => {
    const m = model(
      `openapi: 3.1.0\ninfo: {title: OpenAI API, version: 1.0.0}\npaths: {}\ncomponents:\n  securitySchemes:\n    ApiKeyAuth: {type: http, scheme: bearer}\n    AdminApiKeyAuth: {type: http, scheme: bearer}\n    basic: {type: http, scheme: basic}\n    session: {type: apiKey, in: cookie, name: sid}\n`,
    );
    expect([m.client.className, m.client.packageName]).toEqual(['OpenAI', 'openai']);
    expect(m.client.auth.map((a) => a.runtime)).toEqual([
      { type: 'bearer', option: 'apiKey', env: 'OPENAI_API_KEY' },
      { type: 'bearer', option: 'adminApiKey', env: 'OPENAI_ADMIN_API_KEY' },
      // HTTP Basic takes two options, named for what they hold.
      {
        type: 'basic',
        option: 'username',
        env: 'OPENAI_USERNAME',
        passwordOption: 'password',
        passwordEnv: 'OPENAI_PASSWORD',
      },
      { type: 'cookie', option: 'session', env: 'OPENAI_SESSION', name: 'sid' },
    ]);
  });

  it('take a client id and secret besides the token for an OAuth2 client-credentials flow', () => {
    const m = model(
      `openapi: 3.1.0\ninfo: {title: Acme API, version: 1.0.0}\npaths: {}\ncomponents:\n  securitySchemes:\n    oauth:\n      type: oauth2\n      flows:\n        clientCredentials: {tokenUrl: 'https://auth.acme.example/token', scopes: {read: Read}}\n    code:\n      type: oauth2\n      flows: {authorizationCode: {authorizationUrl: 'https://a.example', tokenUrl: 'https://t.example', scopes: {}}}\n`,
    );
    expect(m.client.auth.map((a) => a.runtime)).toEqual([
      {
        type: 'oauth2',
        option: 'oauth',
        env: 'ACME_OAUTH',
        tokenUrl: 'https://auth.acme.example/token',
        clientIdOption: 'oauthClientId',
        clientIdEnv: 'ACME_OAUTH_CLIENT_ID',
        clientSecretOption: 'oauthClientSecret',
        clientSecretEnv: 'ACME_OAUTH_CLIENT_SECRET',
      },
      // A flow that needs a user (authorization code) takes a token the caller obtained.
      { type: 'bearer', option: 'code', env: 'ACME_CODE' },
    ]);
    const single = model(
      `openapi: 3.1.0\ninfo: {title: Acme API, version: 1.0.0}\npaths: {}\ncomponents:\n  securitySchemes:\n    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: /oauth/token, scopes: {}}}}\n`,
    );
    expect(single.client.auth[0]?.runtime).toMatchObject({
      option: 'accessToken',
      env: 'ACME_ACCESS_TOKEN',
      clientIdOption: 'clientId',
      clientIdEnv: 'ACME_CLIENT_ID',
      clientSecretOption: 'clientSecret',
    });
  });
});

describe('credentials named for what they are', () => {
  const runtimes = (schemes: string, title = 'Asana'): unknown[] =>
    model(
      `openapi: 3.1.0\ninfo: {title: ${title}, version: 1.0.0}\npaths: {}\ncomponents:\n  securitySchemes:\n${schemes}`,
    ).client.auth.map((a) => a.runtime);

  it('call an OAuth2 token `accessToken`, beside a bearer key named after its scheme (Asana)', () => {
    expect(
      runtimes(
        `    oauth2:\n      type: oauth2\n      flows: {authorizationCode: {authorizationUrl: 'https://app.asana.com/-/oauth_authorize', tokenUrl: 'https://app.asana.com/-/oauth_token', scopes: {}}}\n    personalAccessToken: {type: http, scheme: bearer}\n`,
      ),
    ).toEqual([
      { type: 'bearer', option: 'accessToken', env: 'ASANA_ACCESS_TOKEN' },
      { type: 'bearer', option: 'personalAccessToken', env: 'ASANA_PERSONAL_ACCESS_TOKEN' },
    ]);
  });

  it('call an OpenID Connect token `accessToken` too, and a lone bearer key still `apiKey`', () => {
    expect(runtimes(`    oidc: {type: openIdConnect, openIdConnectUrl: 'https://id.example/.well-known'}\n`)).toEqual([
      { type: 'bearer', option: 'accessToken', env: 'ASANA_ACCESS_TOKEN' },
    ]);
    expect(runtimes(`    bearerAuth: {type: http, scheme: bearer}\n`)).toEqual([
      { type: 'bearer', option: 'apiKey', env: 'ASANA_API_KEY' },
    ]);
  });

  it('give HTTP Basic `username` and `password` options and variables, whatever the scheme is called (Mux)', () => {
    expect(runtimes(`    accessToken: {type: http, scheme: basic}\n`, 'Mux API')).toEqual([
      {
        type: 'basic',
        option: 'username',
        env: 'MUX_USERNAME',
        passwordOption: 'password',
        passwordEnv: 'MUX_PASSWORD',
      },
    ]);
  });

  it('name HTTP Basic’s options by x-sdkgen-auth: option and env for the username, password and passwordEnv', () => {
    expect(
      runtimes(
        `    accessToken:\n      type: http\n      scheme: basic\n      x-sdkgen-auth: {option: tokenId, env: MUX_TOKEN_ID, password: tokenSecret, passwordEnv: MUX_TOKEN_SECRET}\n`,
        'Mux API',
      ),
    ).toEqual([
      {
        type: 'basic',
        option: 'tokenId',
        env: 'MUX_TOKEN_ID',
        passwordOption: 'tokenSecret',
        passwordEnv: 'MUX_TOKEN_SECRET',
      },
    ]);
  });

  it('name each of two Basic schemes after its scheme', () => {
    expect(runtimes(`    admin: {type: http, scheme: basic}\n    reader: {type: http, scheme: basic}\n`)).toEqual([
      {
        type: 'basic',
        option: 'adminUsername',
        env: 'ASANA_ADMIN_USERNAME',
        passwordOption: 'adminPassword',
        passwordEnv: 'ASANA_ADMIN_PASSWORD',
      },
      {
        type: 'basic',
        option: 'readerUsername',
        env: 'ASANA_READER_USERNAME',
        passwordOption: 'readerPassword',
        passwordEnv: 'ASANA_READER_PASSWORD',
      },
    ]);
  });

  it('refuse password keys of x-sdkgen-auth on a scheme that is not HTTP Basic', () => {
    const found = errors(
      openapi(
        `paths: {}\ncomponents:\n  securitySchemes:\n    key: {type: http, scheme: bearer, x-sdkgen-auth: {password: secret}}\n`,
      ),
    );
    expect(found.map((d) => [d.code, d.message])).toEqual([
      [
        'extension-invalid',
        '`password` is for an HTTP Basic scheme only: this scheme takes one credential, named by `option`.',
      ],
    ]);
  });
});

describe('responses that may be bytes', () => {
  const formats = (content: string): string => {
    const m = model(
      openapi(
        `paths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n${content}`,
      ),
    );
    const [op] = operations(m.root).map((o) => o.op);
    return `${op?.response.format} ${op?.response.mediaTypes.join(',')}`;
  };

  it('are bytes where a media type is neither JSON, a form nor text, unless the JSON is an object or a list', () => {
    expect(
      formats(
        '            video/mp4: {schema: {type: string, format: binary}}\n            application/json: {schema: {type: string}}\n',
      ),
    ).toBe('binary video/mp4,application/json');
    expect(
      formats(
        '            application/json: {schema: {type: object, properties: {id: {type: string}}}}\n            application/xml: {schema: {type: object}}\n',
      ),
    ).toBe('json application/json,application/xml');
    expect(
      formats(
        '            application/json: {schema: {type: array, items: {type: string}}}\n            application/vnd.kubernetes.protobuf: {schema: {type: string}}\n',
      ),
    ).toBe('json application/json,application/vnd.kubernetes.protobuf');
    expect(formats('            application/json: {schema: {type: string, format: binary}}\n')).toBe(
      'binary application/json',
    );
  });
});

describe('path parameters', () => {
  it('come in the order of the path, and the model keeps the order the spec listed them in', () => {
    const m = model(
      `openapi: 3.1.0\ninfo: {title: Shop, version: 1.0.0}\npaths:\n  /order/{orderId}/shipping_fulfillment/{fulfillmentId}:\n    get:\n      parameters:\n        - {name: fulfillmentId, in: path, required: true, schema: {type: string}}\n        - {name: orderId, in: path, required: true, schema: {type: string}}\n      responses:\n        "204": {description: ok}\n  /order/{orderId}:\n    get:\n      parameters:\n        - {name: orderId, in: path, required: true, schema: {type: string}}\n      responses:\n        "204": {description: ok}\n`,
    );
    const found = operations(m.root).map(({ op }) => [
      op.path,
      op.pathParams.map((p) => p.identifier),
      op.pathParamsDeclared,
    ]);
    expect(found).toContainEqual([
      '/order/{orderId}/shipping_fulfillment/{fulfillmentId}',
      ['orderId', 'fulfillmentId'],
      ['fulfillmentId', 'orderId'],
    ]);
    expect(found).toContainEqual(['/order/{orderId}', ['orderId'], undefined]);
  });
});

describe('the idempotency header', () => {
  const spec = (ext: string, header = ''): string =>
    `openapi: 3.1.0\ninfo: {title: Pay, version: 1.0.0}\n${ext}paths:\n  /charges:\n    post:\n      parameters:\n${header || '        - {name: X-Trace, in: header, schema: {type: string}}\n'}      responses:\n        "204": {description: ok}\n`;

  it('is the header parameter the spec declares by that name', () => {
    const declared = '        - {name: Idempotency-Key, in: header, schema: {type: string}}\n';
    expect(model(spec('', declared)).client.idempotencyHeader).toBe('Idempotency-Key');
    expect(model(spec('')).client.idempotencyHeader).toBeUndefined();
  });

  it('is what x-sdkgen-client says, false for none, and a bad name is an error', () => {
    const declared = '        - {name: X-Idempotency-Key, in: header, schema: {type: string}}\n';
    expect(model(spec('x-sdkgen-client: {idempotencyHeader: Request-Key}\n')).client.idempotencyHeader).toBe(
      'Request-Key',
    );
    expect(model(spec('x-sdkgen-client: {idempotencyHeader: false}\n', declared)).client.idempotencyHeader).toBe(
      undefined,
    );
    expect(errors(spec('x-sdkgen-client: {idempotencyHeader: "two words"}\n')).map((d) => d.message)).toEqual([
      '`idempotencyHeader` must be a header name or false, not "two words".',
    ]);
  });
});
