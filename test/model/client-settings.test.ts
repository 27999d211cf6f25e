// The client settings of `x-sdkgen-client` (docs/extensions.md) a Stainless config carries:
// what each gives the model, and the located error a wrong one is.
import { describe, expect, it } from 'vitest';
import { type Diagnostic, SpecError } from '../../generator/diagnostics.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { ApiModel, OperationModel, ResourceModel } from '../../generator/model/model.js';
import {
  pathParamsInParams,
  positionalPathParams,
  stainlessArgumentName,
} from '../../generator/model/path-arguments.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const PATHS = `paths:
  /chats/{chat_id}/messages/{message_id}:
    get:
      operationId: getMessage
      parameters:
        - { name: chat_id, in: path, required: true, schema: { type: string } }
        - { name: message_id, in: path, required: true, schema: { type: string } }
        - { name: include, in: query, schema: { type: string } }
      responses: { '200': { description: ok } }
  /chats/{chat_id}:
    get:
      operationId: getChat
      parameters:
        - { name: chat_id, in: path, required: true, schema: { type: string } }
      responses: { '200': { description: ok } }
`;

const spec = (client: string): string => openapi(`x-sdkgen-client:\n${client}\n${PATHS}`);

function model(yaml: string): ApiModel {
  const cwd = specDir({ 'openapi.yaml': yaml });
  return buildModel(loadSpec('openapi.yaml', { cwd })).model;
}

function errors(yaml: string): Diagnostic[] {
  try {
    model(yaml);
  } catch (error) {
    if (error instanceof SpecError) return [...error.diagnostics].filter((d) => d.severity === 'error');
    throw error;
  }
  return [];
}

const every = (resource: ResourceModel): OperationModel[] => [
  ...resource.operations,
  ...resource.children.flatMap(every),
];

function operation(resource: ResourceModel, id: string): OperationModel {
  const found = every(resource).find((o) => o.operationId === id);
  if (found === undefined) throw new Error(`no operation ${id}`);
  return found;
}

describe('x-sdkgen-client settings', () => {
  it('gives the model the environments, retry defaults, options, query format and README example', () => {
    const { client } = model(
      spec(`  environments: { production: 'https://api.example.com', sandbox: 'https://sandbox.example.com/v1' }
  maxRetries: 4
  retryDelay: { initial: 1, max: 30 }
  options:
    organization: { type: string, env: EX_ORG, nullable: true, header: Ex-Organization, description: The org. }
    verbose: { type: boolean, default: false, query: verbose }
  query: { arrayFormat: comma }
  readme: { example: 'GET /chats/{chat_id}', params: { chat_id: chat_1 } }`),
    );
    expect(client.environments).toEqual([
      { name: 'production', url: 'https://api.example.com' },
      { name: 'sandbox', url: 'https://sandbox.example.com/v1' },
    ]);
    expect(client.retries).toEqual({ maxRetries: 4, initialDelay: 1, maxDelay: 30 });
    expect(client.options).toEqual([
      {
        name: 'organization',
        type: 'string',
        env: 'EX_ORG',
        nullable: true,
        header: 'Ex-Organization',
        description: 'The org.',
      },
      { name: 'verbose', type: 'boolean', default: false, nullable: false, query: 'verbose' },
    ]);
    // The key left out keeps its default.
    expect(client.queryFormat).toEqual({ arrays: 'comma', objects: 'brackets' });
    expect(client.readme).toEqual({ method: 'get', path: '/chats/{chat_id}', params: { chat_id: 'chat_1' } });
    expect(client.pathArguments).toBeUndefined();
  });

  it('names the base error class as errorClass says (Stainless’s `<Client>Error`), and refuses a name that is no identifier', () => {
    expect(model(spec('  errorClass: LinqError')).client.errorClass).toBe('LinqError');
    expect(errors(spec("  errorClass: 'Linq Error'")).map((d) => d.message)).toEqual([
      '`errorClass` must be a class name (an identifier).',
    ]);
  });

  it('leaves out of a method the header parameter a client option sends, as Stainless does (The Prompting Company’s)', () => {
    const yaml = openapi(`x-sdkgen-client:
  options:
    organizationID: { type: string, env: TPC_ORGANIZATION_ID, nullable: true, header: X-Tpc-Organization-Id }
paths:
  /md/{id}:
    get:
      operationId: getDocument
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
        - { name: x-tpc-organization-id, in: header, required: true, schema: { type: string } }
        - { name: x-trace, in: header, schema: { type: string } }
      responses: { '200': { description: ok } }
`);
    const op = operation(model(yaml).root, 'getDocument');
    expect(op.headerParams.map((p) => p.name)).toEqual(['x-trace']);
  });

  it('leaves the model as it was without them', () => {
    const { client, root } = model(openapi(PATHS));
    for (const key of [
      'environments',
      'retries',
      'options',
      'queryFormat',
      'readme',
      'pathArguments',
      'typeNames',
      'errorClass',
    ])
      expect(client).not.toHaveProperty(key);
    const op = operation(root, 'getMessage');
    expect(op.pathInParams).toBeUndefined();
    expect(positionalPathParams(op).map((p) => p.identifier)).toEqual(['chatId', 'messageId']);
  });

  it('with pathArguments: last, makes the last path parameter the argument and the others params', () => {
    const { root } = model(spec('  pathArguments: last'));
    const message = operation(root, 'getMessage');
    expect(positionalPathParams(message).map((p) => p.identifier)).toEqual(['messageID']);
    expect(pathParamsInParams(message).map((p) => p.name)).toEqual(['chat_id']);
    // The wire still has both, in path order.
    expect(message.pathParams.map((p) => p.name)).toEqual(['chat_id', 'message_id']);
    expect(message.paramsTypeName).toBeDefined();
    const chat = operation(root, 'getChat');
    expect(positionalPathParams(chat).map((p) => p.identifier)).toEqual(['chatID']);
    expect(chat.pathInParams).toBeUndefined();
  });

  it('with pathArguments: last, puts the earlier path parameters among the fields of a JSON object body', () => {
    const body = (schema: string): string =>
      spec(`  pathArguments: last`)
        .replace(
          "      responses: { '200': { description: ok } }\n  /chats/{chat_id}:",
          `      requestBody: { required: true, content: { application/json: { schema: ${schema} } } }\n      responses: { '200': { description: ok } }\n  /chats/{chat_id}:`,
        )
        .replace('    get:\n      operationId: getMessage', '    post:\n      operationId: getMessage');
    const merged = operation(
      model(body('{ type: object, properties: { text: { type: string } } }')).root,
      'getMessage',
    );
    expect(merged.pathInBody).toBe(true);
    // A body that is no object, or has a field of that name, leaves them in `params`.
    for (const schema of [
      '{ type: array, items: { type: string } }',
      '{ type: object, properties: { chat_id: { type: integer } } }',
    ]) {
      const kept = operation(model(body(schema)).root, 'getMessage');
      expect(kept.pathInBody).toBeUndefined();
      expect(pathParamsInParams(kept).map((p) => p.name)).toEqual(['chat_id']);
    }
  });

  it('names the argument in Stainless casing', () => {
    expect(stainlessArgumentName('chat_id')).toBe('chatID');
    expect(stainlessArgumentName('fileId')).toBe('fileID');
    expect(stainlessArgumentName('api_key_id')).toBe('apiKeyID');
    expect(stainlessArgumentName('id')).toBe('id');
    expect(stainlessArgumentName('project_ids')).toBe('projectIDs');
    expect(stainlessArgumentName('handle')).toBe('handle');
  });

  it.each([
    ['  environments: { production: ftp://example.com }', 'Environment "production" must be an http or https URL'],
    ['  environments: https://api.example.com', '`environments` must be a mapping'],
    ['  maxRetries: -1', '`maxRetries` must be a whole number of 0 or more'],
    ['  maxRetries: 1.5', '`maxRetries` must be a whole number of 0 or more'],
    ['  retryDelay: { initial: 0 }', '`initial` must be a number of seconds above 0'],
    ['  retryDelay: { initial: 10, max: 2 }', '`initial` (10 s) is longer than `max` (2 s)'],
    ['  retryDelay: { first: 1 }', 'Unknown key "first"'],
    ['  options: { org: { env: X } }', 'Option org needs a `type`'],
    ['  options: { org: { type: date } }', '`type` must be one of string, number, boolean'],
    ['  options: { org: { type: number, default: "1" } }', 'The default of option org must be a number'],
    ['  options: { org: { type: string, header: A, query: b } }', 'not both'],
    ['  options: { org: { type: string, header: "Bad Header" } }', '`header` must be a header name'],
    ['  options: { maxRetries: { type: number } }', 'Option "maxRetries" is already a client option'],
    ['  query: { arrayFormat: pipes }', '`arrayFormat` must be one of repeat, comma, brackets, indices'],
    ['  query: { nestedFormat: colons }', '`nestedFormat` must be one of brackets, dots'],
    ['  readme: { example: list chats }', '`example` must be an operation as `<verb> <path>`'],
    ['  readme: { params: {} }', '`readme` needs `example`'],
    ["  readme: { example: 'get /nowhere' }", 'names no operation get /nowhere'],
    ['  pathArguments: first', '`pathArguments` must be one of all, last'],
    ['  typeNames: stainless', '`typeNames` must be one of inferred, per-method'],
  ])('refuses %s', (yaml, message) => {
    const found = errors(spec(yaml));
    expect(found.map((d) => d.message).join('\n')).toContain(message);
    // Located at the key that is wrong, in the spec's file.
    expect(found.every((d) => d.location?.line !== undefined && d.location.line > 5)).toBe(true);
  });
});
