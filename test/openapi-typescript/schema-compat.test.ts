import { describe, expect, it } from 'vitest';
import type { TypesOptions } from '../../generator/model/openapi-typescript/options.js';
import { astToString, DEFAULT_CTX, type OtsContext, transformSchemaObject } from './helpers/ots-7.13.js';
import { schemaDifferences } from './helpers/schema-oracle.js';
import { componentSchemasBlock } from './helpers/schemas-block.js';

// openai.yaml's chat messages, cut down: a oneOf with a discriminator and no mapping, whose
// members each declare the one `role` they take. 7.13 infers each member's value from its schema
// name and writes it over the declared enum: `role: "ChatCompletionRequestDeveloperMessage"`, a
// value the API rejects, while `"developer"` does not compile.
const chatMessages = {
  openapi: '3.1.0',
  info: { title: 'chat', version: '1' },
  components: {
    schemas: {
      ChatCompletionRequestMessage: {
        oneOf: [
          { $ref: '#/components/schemas/ChatCompletionRequestDeveloperMessage' },
          { $ref: '#/components/schemas/ChatCompletionRequestUserMessage' },
        ],
        discriminator: { propertyName: 'role' },
      },
      ChatCompletionRequestDeveloperMessage: {
        type: 'object',
        required: ['role', 'content'],
        properties: {
          role: { type: 'string', enum: ['developer'], description: 'Always `developer`.' },
          content: { type: 'string' },
        },
      },
      ChatCompletionRequestUserMessage: {
        type: 'object',
        required: ['role', 'content'],
        properties: {
          role: { type: 'string', enum: ['user'] },
          content: { type: 'string' },
        },
      },
    },
  },
};

const roleOf = (block: string, schema: string): string | undefined =>
  new RegExp(`        ${schema}: \\{[^]*?\\n            role: ([^;]*);`).exec(block)?.[1];

describe('where 7.13 contradicts the schema, sdkgen follows the schema unless compat', () => {
  it('keeps a discriminated member’s declared role instead of its schema name', () => {
    const block = componentSchemasBlock(chatMessages, {});
    expect(roleOf(block, 'ChatCompletionRequestDeveloperMessage')).toBe('"developer"');
    expect(roleOf(block, 'ChatCompletionRequestUserMessage')).toBe('"user"');
    expect(block).not.toContain('replaced by openapi-typescript');
  });

  it('with compat: true prints 7.13’s inferred values, exactly as 7.13 does', () => {
    const block = componentSchemasBlock(chatMessages, { compat: true });
    expect(roleOf(block, 'ChatCompletionRequestDeveloperMessage')).toBe('"ChatCompletionRequestDeveloperMessage"');
    expect(schemaDifferences(chatMessages, { compat: true })).toEqual([]);
  });

  it('differs from 7.13 in those two members only', () => {
    expect(schemaDifferences(chatMessages, {}).map((d) => d.name)).toEqual([
      'ChatCompletionRequestDeveloperMessage',
      'ChatCompletionRequestUserMessage',
    ]);
  });

  it('keeps only the mapped values the member allows, when it allows some', () => {
    const document = structuredClone(chatMessages) as typeof chatMessages & {
      components: { schemas: { ChatCompletionRequestMessage: { discriminator: { mapping?: object } } } };
    };
    document.components.schemas.ChatCompletionRequestMessage.discriminator.mapping = {
      developer: '#/components/schemas/ChatCompletionRequestDeveloperMessage',
      system: '#/components/schemas/ChatCompletionRequestDeveloperMessage',
    };
    const block = componentSchemasBlock(document, {});
    expect(roleOf(block, 'ChatCompletionRequestDeveloperMessage')).toBe('"developer"');
    expect(roleOf(componentSchemasBlock(document, { compat: true }), 'ChatCompletionRequestDeveloperMessage')).toBe(
      '"developer" | "system"',
    );
  });

  it('patches a member that leaves the property open, as 7.13 does (the implicit mapping is all it says)', () => {
    const document = structuredClone(chatMessages);
    document.components.schemas.ChatCompletionRequestUserMessage.properties.role = { type: 'string' } as never;
    const options: TypesOptions = {};
    expect(roleOf(componentSchemasBlock(document, options), 'ChatCompletionRequestUserMessage')).toBe(
      '"ChatCompletionRequestUserMessage"',
    );
  });

  it('does not add an inherited discriminator value to an allOf child that declares another', () => {
    // A child naming its own `kind` while inheriting Pet's discriminator: 7.13 adds `kind: "Cat"`
    // beside the declared "cat" (the intersection is never).
    const document = {
      openapi: '3.1.0',
      info: { title: 'pets', version: '1' },
      components: {
        schemas: {
          Pet: {
            type: 'object',
            required: ['kind'],
            properties: { kind: { type: 'string' } },
            discriminator: { propertyName: 'kind' },
          },
          Cat: {
            allOf: [{ $ref: '#/components/schemas/Pet' }],
            type: 'object',
            properties: { kind: { type: 'string', enum: ['cat'] } },
          },
        },
      },
    };
    expect(componentSchemasBlock(document, {})).not.toContain('kind: "Cat"');
    expect(componentSchemasBlock(document, { compat: true })).toContain('kind: "Cat"');
    expect(schemaDifferences(document, { compat: true })).toEqual([]);
  });
});

const print = (schema: unknown, options: Partial<OtsContext>): string =>
  astToString(
    transformSchemaObject(schema, {
      path: '#/components/schemas/List',
      ctx: { ...DEFAULT_CTX, compat: false, ...options },
    }),
  ).trimEnd();

describe('arrays where 7.13 rejects what the schema allows', () => {
  it('--array-length: minItems 1, maxItems 2 allows one or two items (7.13: none or one)', () => {
    const schema = { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 };
    expect(print(schema, { arrayLength: true })).toBe('[\n    string\n] | [\n    string,\n    string\n]');
    expect(print(schema, { arrayLength: true, compat: true })).toBe('[\n] | [\n    string\n]');
  });

  it('--array-length: from 0 the lengths are the same either way', () => {
    const schema = { type: 'array', items: { type: 'string' }, maxItems: 1 };
    expect(print(schema, { arrayLength: true })).toBe(print(schema, { arrayLength: true, compat: true }));
  });

  it('prefixItems with items: the tuple is open to more such items (7.13 closes it)', () => {
    const schema = { type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'number' } };
    expect(print(schema, {})).toBe('[\n    string,\n    ...number[]\n]');
    expect(print(schema, { compat: true })).toBe('[\n    string\n]');
  });

  it('prefixItems with items: false, or without items, stays a closed tuple', () => {
    expect(print({ type: 'array', prefixItems: [{ type: 'string' }], items: false }, {})).toBe('[\n    string\n]');
    expect(print({ type: 'array', prefixItems: [{ type: 'string' }] }, {})).toBe('[\n    string\n]');
  });
});
