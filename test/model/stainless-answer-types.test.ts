/**
 * What Stainless names a method's answer and its params object under `typeNames: per-method`,
 * beyond `<Resource><Method>Params|Response` (per-method-type-names.test.ts): the shapes are
 * Lightspark Grid's (`@lightsparkdev/grid` 0.6.0, built from lightsparkdev/grid-api c1938e1c: its
 * .stats.yml hashes that commit's config and spec).
 * - an inline copy of a declared model's schema is no model: it is named for the method
 *   (`CustomerRetrieveResponse`), as a `$ref` would not be;
 * - a `$ref` to a declared model is the model, a polymorphic base (an object whose discriminator
 *   maps to its kinds) included (`Transaction`);
 * - the object holding a body that `x-sdkgen-body-param` names is `<Resource><Method>Params`.
 * And in every mode, a header or query parameter a client option sends is no method parameter.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import type { ApiModel, OperationModel, TypeModel } from '../../generator/model/model.js';
import { allOperations, modelOf } from '../helpers/model-of.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const json = (schema: string) => `{"200": {description: ok, content: {application/json: {schema: ${schema}}}}}`;
const body = (schema: string) => `{required: true, content: {application/json: {schema: ${schema}}}}`;

const CUSTOMER_ONE_OF = `{oneOf: [{$ref: "#/components/schemas/Person"}, {$ref: "#/components/schemas/Business"}],
        discriminator: {propertyName: kind, mapping: {PERSON: "#/components/schemas/Person", BUSINESS: "#/components/schemas/Business"}}}`;

/** Customers answered by inline copies of the declared `CustomerOneOf`, transactions by a polymorphic base. */
const GRID = (typeNames: string) => `x-sdkgen-client: {typeNames: ${typeNames}}
paths:
  /customers:
    post:
      operationId: createCustomer
      x-sdkgen-body-param: CreateCustomerRequest
      requestBody: ${body('{$ref: "#/components/schemas/CustomerCreateRequestOneOf"}')}
      responses: ${json('{$ref: "#/components/schemas/CustomerOneOf"}')}
  /customers/{customerId}:
    parameters: [{name: customerId, in: path, required: true, schema: {type: string}}]
    get:
      operationId: getCustomer
      responses: ${json(CUSTOMER_ONE_OF)}
    delete:
      operationId: deleteCustomer
      responses: ${json(CUSTOMER_ONE_OF)}
  /customers/{customerId}/notes:
    parameters: [{name: customerId, in: path, required: true, schema: {type: string}}]
    get:
      operationId: getCustomerNote
      x-sdkgen-resource: customers.notes
      x-sdkgen-method: retrieve
      responses: ${json('{type: object, properties: {text: {type: string}}}')}
  /transactions:
    get:
      operationId: listTransactions
      parameters: [{name: cursor, in: query, schema: {type: string}}]
      responses: ${json('{type: object, properties: {data: {type: array, items: {$ref: "#/components/schemas/Transaction"}}, next_cursor: {type: string}}}')}
  /transactions/{transactionId}:
    get:
      operationId: getTransaction
      parameters: [{name: transactionId, in: path, required: true, schema: {type: string}}]
      responses: ${json('{$ref: "#/components/schemas/Transaction"}')}
  /transactions/{transactionId}/approve:
    post:
      operationId: approveTransaction
      parameters: [{name: transactionId, in: path, required: true, schema: {type: string}}]
      responses: ${json('{$ref: "#/components/schemas/IncomingTransaction"}')}
components:
  schemas:
    Person: {type: object, required: [kind], properties: {kind: {type: string, enum: [PERSON]}, name: {type: string}}}
    Business: {type: object, required: [kind], properties: {kind: {type: string, enum: [BUSINESS]}, legalName: {type: string}}}
    CustomerOneOf:
      x-sdkgen-name: CustomerOneOf
      oneOf: [{$ref: "#/components/schemas/Person"}, {$ref: "#/components/schemas/Business"}]
      discriminator: {propertyName: kind, mapping: {PERSON: "#/components/schemas/Person", BUSINESS: "#/components/schemas/Business"}}
    Note: {type: object, x-sdkgen-name: Note, properties: {text: {type: string, description: "A note's text."}}}
    CustomerCreateRequestOneOf:
      oneOf: [{$ref: "#/components/schemas/Person"}, {$ref: "#/components/schemas/Business"}]
    Transaction:
      type: object
      x-sdkgen-name: Transaction
      required: [id, type]
      properties: {id: {type: string}, type: {type: string, enum: [INCOMING, OUTGOING]}}
      discriminator: {propertyName: type, mapping: {INCOMING: "#/components/schemas/IncomingTransaction", OUTGOING: "#/components/schemas/OutgoingTransaction"}}
    IncomingTransaction:
      allOf: [{$ref: "#/components/schemas/Transaction"}, {type: object, properties: {receivedAmount: {type: number}}}]
    OutgoingTransaction:
      allOf: [{$ref: "#/components/schemas/Transaction"}, {type: object, properties: {sentAmount: {type: number}}}]
`;

const nameOf = (type: TypeModel | undefined): string =>
  type === undefined ? 'void' : type.kind === 'ref' ? type.name : type.kind;

/** `call(params) -> answer` (a page: `-> Page<item>`), with the names the signature shows. */
function signatures(built: ApiModel): string[] {
  return allOperations(built.root).map((op: OperationModel) => {
    const params = op.paramsTypeName ?? op.body?.argumentTypeName ?? nameOf(op.body?.type);
    const answer = op.pagination === undefined ? nameOf(op.response.type) : `Page<${nameOf(op.pagination.item)}>`;
    return `${op.functionName}(${op.body === undefined && op.paramsTypeName === undefined ? '' : params}) -> ${answer}`;
  });
}

const definitionOf = (built: ApiModel, name: string): TypeModel | undefined =>
  built.schemas.find((s) => s.name === name)?.type;

describe('typeNames: per-method, what a method answers', () => {
  it('names an inline copy of a declared model for the method, and answers a declared base with itself', () => {
    // Grid 0.6.0: `retrieve(…): APIPromise<CustomerRetrieveResponse>`, `retrieve(…): APIPromise<Transaction>`.
    expect(signatures(modelOf(GRID('per-method')))).toEqual([
      'createCustomer(CustomerCreateParams) -> CustomerOneOf',
      'getCustomer() -> CustomerRetrieveResponse',
      'deleteCustomer() -> CustomerDeleteResponse',
      'getCustomerNote() -> NoteRetrieveResponse',
      'listTransactions(TransactionListParams) -> Page<Transaction>',
      'getTransaction() -> Transaction',
      'approveTransaction() -> TransactionApproveResponse',
    ]);
  });

  it('keeps a polymorphic base one object type, and aliases a kind answered for the method', () => {
    const built = modelOf(GRID('per-method'));
    expect(definitionOf(built, 'Transaction')?.kind).toBe('object');
    expect(built.schemas.map((s) => s.name)).not.toContain('TransactionRetrieveResponse');
    expect(definitionOf(built, 'TransactionApproveResponse')).toEqual({ kind: 'ref', name: 'IncomingTransaction' });
    expect(definitionOf(built, 'CustomerRetrieveResponse')?.kind).toBe('union');
  });

  it('holds a body `x-sdkgen-body-param` names in `<Resource><Method>Params`', () => {
    const built = modelOf(GRID('per-method'));
    expect(definitionOf(built, 'CustomerCreateParams')).toMatchObject({
      kind: 'object',
      properties: [
        { name: 'CreateCustomerRequest', required: true, type: { kind: 'ref', name: 'CustomerCreateRequestOneOf' } },
      ],
    });
  });

  it('changes nothing when types are inferred', () => {
    expect(signatures(modelOf(GRID('inferred')))).toEqual([
      'createCustomer(CustomerCreateRequestOneOf) -> CustomerOneOf',
      'getCustomer() -> union',
      'deleteCustomer() -> union',
      'getCustomerNote() -> NoteRetrieveResponse',
      'listTransactions(TransactionListParams) -> Page<Transaction>',
      'getTransaction() -> Transaction',
      'approveTransaction() -> IncomingTransaction',
    ]);
  });

  it('generates a client that takes and returns those names', () => {
    const { files } = generate({
      spec: 'openapi.yaml',
      out: 'out',
      cwd: specDir({ 'openapi.yaml': openapi(GRID('per-method')) }),
      dist: false,
    });
    const text = (path: string) => files.find((f) => f.path === path)?.contents ?? '';
    const customers = text('src/resources/customers.ts');
    expect(customers).toContain(
      'create(body: CustomerCreateParams, options?: RequestOptions): APIPromise<CustomerOneOf>',
    );
    expect(customers).toMatch(/import type \{[^}]*\bCustomerCreateParams\b/);
    expect(text('src/resources/transactions.ts')).toMatch(/retrieve\([^)]*\): APIPromise<Transaction>/);
  });
});

describe('a kind of a polymorphic base', () => {
  it("narrows the discriminator to its own value, though the base's enum lists every kind", () => {
    // As Stainless types it: `IncomingTransaction extends Omit<Transaction, 'type'> { type: 'INCOMING' }`.
    for (const typeNames of ['per-method', 'inferred'])
      expect(definitionOf(modelOf(GRID(typeNames)), 'IncomingTransaction')).toMatchObject({
        kind: 'intersection',
        members: [
          { kind: 'ref', name: 'Transaction' },
          { kind: 'object' },
          {
            kind: 'object',
            properties: [{ name: 'type', required: true, type: { kind: 'literal', value: 'INCOMING' } }],
          },
        ],
      });
  });
});
