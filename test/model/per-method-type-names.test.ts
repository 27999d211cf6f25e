/**
 * `x-sdkgen-client.typeNames: per-method`, as Stainless names types: every method's params are
 * `<Resource><Method>Params` and its answer `<Resource><Method>Response`, whatever schema they are,
 * unless the answer is a model `x-sdkgen-name` declares (the method returns the model itself).
 * The schemas keep their own exported names beside. The default (`inferred`) changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../generator/diagnostics.js';
import { generate } from '../../generator/generate.js';
import type { ApiModel, ResourceModel, TypeModel } from '../../generator/model/model.js';
import { modelOf as model, allOperations as operations } from '../helpers/model-of.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const json = (ref: string) => `{"200": {description: ok, content: {application/json: {schema: ${ref}}}}}`;
const body = (schema: string) => `{required: true, content: {application/json: {schema: ${schema}}}}`;

/** A chat API shaped like Linq's and Luma AI's: named request bodies, named answers, one declared model. */
const CHATS = (typeNames: string) => `x-sdkgen-client: {typeNames: ${typeNames}}
paths:
  /chats:
    post:
      operationId: createChat
      requestBody: ${body('{$ref: "#/components/schemas/CreateChatRequest"}')}
      responses: ${json('{$ref: "#/components/schemas/Chat"}')}
  /chats/{chatId}:
    get:
      operationId: getChat
      parameters: [{name: chatId, in: path, required: true, schema: {type: string}}]
      responses: ${json('{$ref: "#/components/schemas/Chat"}')}
  /chats/{chatId}/read:
    post:
      operationId: markChatRead
      x-sdkgen-resource: chats
      x-sdkgen-method: markAsRead
      parameters: [{name: chatId, in: path, required: true, schema: {type: string}}]
      responses: ${json('{}')}
  /chats/{chatId}/voicememo:
    post:
      x-sdkgen-method: sendVoicememo
      x-sdkgen-resource: chats
      parameters: [{name: chatId, in: path, required: true, schema: {type: string}}]
      requestBody: ${body('{type: object, properties: {url: {type: string}}}')}
      responses: ${json('{type: object, properties: {ok: {type: boolean}}}')}
  /credits:
    get:
      operationId: getCredits
      x-sdkgen-method: get
      responses: ${json('{$ref: "#/components/schemas/Credits"}')}
  /concepts:
    get:
      operationId: listConcepts
      x-sdkgen-pagination: false
      parameters: [{name: kind, in: query, schema: {type: string}}]
      responses: ${json('{type: array, items: {type: string}}')}
  /generations:
    get:
      operationId: listGenerations
      x-sdkgen-pagination: false
      responses: ${json('{type: array, items: {$ref: "#/components/schemas/Generation"}}')}
    post:
      operationId: createGeneration
      requestBody: ${body('{$ref: "#/components/schemas/GenerationRequest"}')}
      responses: ${json('{$ref: "#/components/schemas/Generation"}')}
components:
  schemas:
    CreateChatRequest: {type: object, required: [to], properties: {to: {type: string}}}
    Chat: {type: object, properties: {id: {type: string}}}
    Credits: {type: object, properties: {credit_balance: {type: number}}}
    GenerationRequest: {type: object, properties: {prompt: {type: string}}}
    Generation: {type: object, x-sdkgen-name: Generation, properties: {id: {type: string}}}
`;

const typeText = (type: TypeModel | undefined): string =>
  type === undefined
    ? 'void'
    : type.kind === 'ref'
      ? type.name
      : type.kind === 'array'
        ? `${typeText(type.items)}[]`
        : type.kind === 'primitive'
          ? type.name
          : type.kind;

/** Each method as `call(params) -> response`, with the types its signature names. */
function signatures(built: ApiModel): string[] {
  const out: string[] = [];
  const visit = (r: ResourceModel) => {
    for (const op of r.operations) {
      const params = op.paramsTypeName ?? (op.body === undefined ? '' : typeText(op.body.type));
      out.push(`${[...r.path, op.name].join('.')}(${params}) -> ${typeText(op.response.type)}`);
    }
    r.children.forEach(visit);
  };
  visit(built.root);
  return out.sort();
}

/** What a named type is: the type it aliases (`ChatRetrieveResponse = Chat`), or its kind. */
const definitions = (built: ApiModel): Record<string, string> =>
  Object.fromEntries(built.schemas.map((s) => [s.name, typeText(s.type)]));

describe('typeNames: per-method', () => {
  it('names each params and response type by its method, a declared model aside', () => {
    expect(signatures(model(CHATS('per-method')))).toEqual([
      'chats.create(ChatCreateParams) -> ChatCreateResponse',
      // An answer of no declared shape stays `unknown`; its name is exported all the same, as Stainless does.
      'chats.markAsRead() -> unknown',
      'chats.retrieve() -> ChatRetrieveResponse',
      'chats.sendVoicememo(ChatSendVoicememoParams) -> ChatSendVoicememoResponse',
      'concepts.list(ConceptListParams) -> ConceptListResponse',
      'credits.get() -> CreditGetResponse',
      'generations.create(GenerationCreateParams) -> Generation',
      'generations.list() -> GenerationListResponse',
    ]);
  });

  it('makes a named schema an alias under the method name, and the schema keeps its own name', () => {
    const defs = definitions(model(CHATS('per-method')));
    expect(defs).toMatchObject({
      ChatCreateParams: 'CreateChatRequest',
      ChatCreateResponse: 'Chat',
      ChatRetrieveResponse: 'Chat',
      CreditGetResponse: 'Credits',
      // An array of a declared model is not the model: Stainless names it too (`Array<Generation>`).
      GenerationListResponse: 'Generation[]',
      GenerationCreateParams: 'GenerationRequest',
      ConceptListResponse: 'string[]',
      ChatMarkAsReadResponse: 'unknown',
      // Inline types are named for the method directly, not aliased.
      ChatSendVoicememoParams: 'object',
      ChatSendVoicememoResponse: 'object',
    });
    expect(Object.keys(defs)).toEqual(
      expect.arrayContaining(['CreateChatRequest', 'Chat', 'Credits', 'GenerationRequest', 'Generation']),
    );
  });

  it("writes the resource and method in Stainless's PascalCase, initialisms upper-cased", () => {
    const spec = (typeNames: string) => `x-sdkgen-client: {typeNames: ${typeNames}}
paths:
  /url-endpoints/metadata:
    get:
      x-sdkgen-resource: urlEndpoints
      x-sdkgen-method: getFromURL
      parameters: [{name: url, in: query, required: true, schema: {type: string}}]
      responses: ${json('{type: object, properties: {size: {type: number}}}')}
`;
    expect(signatures(model(spec('per-method')))).toEqual([
      'urlEndpoints.getFromURL(URLEndpointGetFromURLParams) -> URLEndpointGetFromURLResponse',
    ]);
    expect(signatures(model(spec('inferred')))).toEqual([
      'urlEndpoints.getFromURL(UrlEndpointGetFromUrlParams) -> UrlEndpointGetFromUrlResponse',
    ]);
  });

  it('leaves the default inferred names as they were', () => {
    expect(signatures(model(CHATS('inferred')))).toEqual([
      'chats.create(CreateChatRequest) -> Chat',
      'chats.markAsRead() -> unknown',
      'chats.retrieve() -> Chat',
      'chats.sendVoicememo(ChatSendVoicememoBody) -> ChatSendVoicememoResponse',
      'concepts.list(ConceptListParams) -> string[]',
      'credits.get() -> Credits',
      'generations.create(GenerationRequest) -> Generation',
      'generations.list() -> Generation[]',
    ]);
    expect(signatures(model(CHATS('inferred')))).toEqual(
      signatures(model(CHATS('inferred').replace('x-sdkgen-client: {typeNames: inferred}\n', ''))),
    );
  });

  it('names the items of a page like an answer, unless they are a declared model', () => {
    const spec = (item: string) => `x-sdkgen-client: {typeNames: per-method}
paths:
  /items:
    get:
      operationId: listItems
      parameters: [{name: cursor, in: query, schema: {type: string}}]
      responses: ${json('{type: object, properties: {data: {type: array, items: {$ref: "#/components/schemas/Item"}}, next_cursor: {type: string}}}')}
components:
  schemas:
    Item: {type: object, ${item} properties: {id: {type: string}}}
`;
    const plain = model(spec(''));
    expect(operations(plain.root)[0]?.pagination?.item).toEqual({ kind: 'ref', name: 'ItemListResponse' });
    expect(definitions(plain)).toMatchObject({ ItemListResponse: 'Item', ItemListPage: 'object' });
    const declared = model(spec('x-sdkgen-name: Item,'));
    expect(operations(declared.root)[0]?.pagination?.item).toEqual({ kind: 'ref', name: 'Item' });
    expect(declared.schemas.map((s) => s.name)).not.toContain('ItemListResponse');
  });

  it('is a located error when it is neither inferred nor per-method', () => {
    expect(() => model(CHATS('stainless'))).toThrow(SpecError);
    try {
      model(CHATS('stainless'));
    } catch (error) {
      expect((error as SpecError).diagnostics.map((d) => [d.code, d.location?.line])).toEqual([
        ['extension-invalid', 7],
      ]);
    }
  });

  it('generates code that returns the aliases and takes the params by their method names', () => {
    const { files } = generate({
      spec: 'openapi.yaml',
      out: 'out',
      cwd: specDir({ 'openapi.yaml': openapi(CHATS('per-method')) }),
      dist: false,
    });
    const text = (path: string) => files.find((f) => f.path === path)?.contents ?? '';
    const chats = text('src/resources/chats.ts');
    expect(chats).toContain('create(body: ChatCreateParams, options?: RequestOptions): APIPromise<ChatCreateResponse>');
    expect(chats).toContain('retrieve(chatId: string, options?: RequestOptions): APIPromise<ChatRetrieveResponse>');
    expect(text('src/models.ts')).toContain('export type ChatRetrieveResponse = Chat;');
    expect(text('src/models.ts')).toContain('export type GenerationCreateParams = GenerationRequest;');
  });
});

/** Lightspark Grid's shape: `externalAccounts` and `platform.externalAccounts`, each with `create(body)` and `list(query)`. */
const ACCOUNTS = (typeNames: string) => {
  const methods = (resource: string, id: string) => `
    post:
      operationId: create${id}
      x-sdkgen-resource: ${resource}
      x-sdkgen-method: create
      requestBody: ${body('{type: object, properties: {currency: {type: string}}}')}
      responses: ${json('{type: object, properties: {id: {type: string}}}')}
    get:
      operationId: list${id}s
      x-sdkgen-resource: ${resource}
      x-sdkgen-method: list
      x-sdkgen-pagination: false
      parameters: [{name: currency, in: query, schema: {type: string}}]
      responses: ${json('{type: object, properties: {data: {type: array, items: {type: string}}}}')}`;
  return `x-sdkgen-client: {typeNames: ${typeNames}}
paths:
  /external-accounts:${methods('externalAccounts', 'ExternalAccount')}
  /platform/external-accounts:${methods('platform.externalAccounts', 'PlatformExternalAccount')}
`;
};

describe('typeNames: per-method, two resources wanting one plain type name', () => {
  const generated = (typeNames: string) =>
    generate({
      spec: 'openapi.yaml',
      out: 'out',
      cwd: specDir({ 'openapi.yaml': openapi(ACCOUNTS(typeNames)) }),
      dist: false,
    }).files;

  it('records, on the deeper resource’s methods, the plain name each qualified type has in its module', () => {
    const byCall = Object.fromEntries(
      operations(model(ACCOUNTS('per-method')).root).map((op) => [op.functionName, op.moduleTypeNames]),
    );
    // The shallower resource keeps the plain names in the index: it has nothing to add.
    expect(byCall.createExternalAccount).toBeUndefined();
    expect(byCall.listExternalAccounts).toBeUndefined();
    expect(byCall.createPlatformExternalAccount).toEqual({
      PlatformExternalAccountCreateParams: 'ExternalAccountCreateParams',
      PlatformExternalAccountCreateResponse: 'ExternalAccountCreateResponse',
    });
    expect(byCall.listPlatformExternalAccounts).toEqual({
      PlatformExternalAccountListParams: 'ExternalAccountListParams',
      PlatformExternalAccountListResponse: 'ExternalAccountListResponse',
    });
    expect(operations(model(ACCOUNTS('inferred')).root).every((op) => op.moduleTypeNames === undefined)).toBe(true);
  });

  it('exports them from the resource module by the plain name its signatures use, the flat names kept', () => {
    const files = generated('per-method');
    const text = (path: string) => files.find((f) => f.path === path)?.contents ?? '';
    const platform = text('src/resources/platform/external-accounts.ts');
    expect(platform).toContain(
      'create(body: ExternalAccountCreateParams, options?: RequestOptions): APIPromise<ExternalAccountCreateResponse>',
    );
    expect(platform).toContain(
      'list(params: ExternalAccountListParams = {}, options?: RequestOptions): APIPromise<ExternalAccountListResponse>',
    );
    expect(platform).toContain('export interface PlatformExternalAccountListParams {');
    expect(platform).toContain('export type ExternalAccountListParams = PlatformExternalAccountListParams;');
    expect(platform).toContain('export type ExternalAccountCreateParams = PlatformExternalAccountCreateParams;');
    expect(platform).toContain('export type ExternalAccountCreateResponse = PlatformExternalAccountCreateResponse;');
    // The aliased types come from models.ts by their flat names; the plain ones are never imported.
    expect(platform).toMatch(
      /import type \{[^}]*PlatformExternalAccountCreateParams[^}]*\} from '\.\.\/\.\.\/models\.js'/,
    );
    expect(platform).not.toMatch(/import type \{[^}]*\bExternalAccountCreateParams\b[^}]*\} from/);
    // The index keeps exporting every flat name, and no plain one twice.
    const index = text('src/index.ts');
    expect(index).toContain('PlatformExternalAccountCreateParams');
    expect(index).toContain('type PlatformExternalAccountListParams');
    expect(index.match(/\bExternalAccountListParams\b/g)).toHaveLength(1);
    // Callers import a resource's module by the path Stainless gives it.
    const exports = JSON.parse(text('package.json')).exports as Record<string, unknown>;
    expect(exports['./resources/*']).toEqual({
      types: './dist/resources/*.d.ts',
      import: './dist/resources/*.js',
      default: './dist/resources/*.js',
    });
  });

  it('leaves a plain name out of a module that imports a type of that name for another use', () => {
    // The deeper list filters by the shallower create's params, a declared schema of that name.
    const spec = ACCOUNTS('per-method')
      .replace(
        'requestBody: {required: true, content: {application/json: {schema: {type: object, properties: {currency: {type: string}}}}}}',
        'requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/ExternalAccountCreateParams"}}}}',
      )
      .replace(
        /(platform\.externalAccounts[\s\S]*parameters: \[)\{name: currency, in: query, schema: \{type: string\}\}/,
        '$1{name: like, in: query, schema: {$ref: "#/components/schemas/ExternalAccountCreateParams"}}',
      )
      .concat(
        'components:\n  schemas:\n    ExternalAccountCreateParams: {type: object, properties: {currency: {type: string}}}\n',
      );
    const { files } = generate({
      spec: 'openapi.yaml',
      out: 'out',
      cwd: specDir({ 'openapi.yaml': openapi(spec) }),
      dist: false,
    });
    const platform = files.find((f) => f.path === 'src/resources/platform/external-accounts.ts')?.contents ?? '';
    expect(platform).toContain('like?: ExternalAccountCreateParams;');
    expect(platform).toContain('create(body: PlatformExternalAccountCreateParams, options?: RequestOptions)');
    expect(platform).not.toContain('export type ExternalAccountCreateParams =');
    // The others keep their plain names.
    expect(platform).toContain('export type ExternalAccountListParams = PlatformExternalAccountListParams;');
  });

  it('changes nothing without typeNames: per-method', () => {
    const files = generated('inferred');
    const text = (path: string) => files.find((f) => f.path === path)?.contents ?? '';
    expect(text('src/resources/platform/external-accounts.ts')).not.toMatch(/^export type/m);
    // Every package exports its resource modules (to import one resource alone), per-method names or not.
    expect(JSON.parse(text('package.json')).exports['./resources/*']).toEqual({
      types: './dist/resources/*.d.ts',
      import: './dist/resources/*.js',
      default: './dist/resources/*.js',
    });
  });
});
