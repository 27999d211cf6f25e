import { describe, expect, it } from 'vitest';
import { exampleSnippet } from '../../generator/emit/examples.js';
import type { NamedSchema, ResourceModel } from '../../generator/model/model.js';
import { modelSpec } from '../../generator/model-spec.js';
import { openapi, specDir } from '../helpers/spec-files.js';

function snippets(components: string, paths: string): Record<string, string> {
  const { model } = modelSpec(
    'openapi.yaml',
    specDir({ 'openapi.yaml': openapi(`paths:\n${paths}components:\n  schemas:\n${components}`) }),
  );
  const schemas = new Map<string, NamedSchema>(model.schemas.map((s) => [s.name, s]));
  const out: Record<string, string> = {};
  const visit = (resource: ResourceModel): void => {
    for (const operation of resource.operations)
      out[operation.functionName] = exampleSnippet(operation, resource.path, (name) => schemas.get(name));
    resource.children.forEach(visit);
  };
  visit(model.root);
  return out;
}

const post = (path: string, id: string, body: string, response: string): string =>
  `  ${path}:\n    post:\n      operationId: ${id}\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/${body}'}\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/${response}'}\n`;

describe('exampleSnippet', () => {
  it('builds required members deep inside unions and lists, past the first union member that cannot be built', () => {
    const found = snippets(
      [
        '    Request:',
        '      type: object',
        '      required: [messages]',
        '      properties:',
        '        messages: {type: array, items: {$ref: "#/components/schemas/Message"}}',
        '    Message:',
        '      oneOf:',
        '        - $ref: "#/components/schemas/Loop"',
        '        - $ref: "#/components/schemas/UserMessage"',
        '    Loop:',
        '      type: object',
        '      required: [next]',
        '      properties:',
        '        next: {$ref: "#/components/schemas/Loop"}',
        '    UserMessage:',
        '      type: object',
        '      required: [role, content]',
        '      properties:',
        '        role: {type: string, enum: [user]}',
        '        content:',
        '          type: object',
        '          required: [parts]',
        '          properties:',
        '            parts: {type: array, items: {type: object, required: [text], properties: {text: {type: string}}}}',
        '    Eval:',
        '      type: object',
        '      required: [id]',
        '      properties: {id: {type: string}}',
        '',
      ].join('\n'),
      post('/evals', 'createEval', 'Request', 'Eval'),
    );
    expect(found['createEval']).toBe(
      [
        "const eval_ = await client.evals.create({ messages: [{ role: 'user', content: { parts: [{ text: 'string' }] } }] });",
        'console.log(eval_.id);',
      ].join('\n'),
    );
  });

  it("uses the spec's examples only where they have the schema's shape", () => {
    const found = snippets(
      [
        '    Config:',
        '      type: object',
        '      required: [schema, name]',
        '      properties:',
        '        schema: {type: object, additionalProperties: true, example: "{\\"a\\": 1}"}',
        '        name: {type: string, example: my-config}',
        '    Saved:',
        '      type: object',
        '      required: [name]',
        '      properties: {name: {type: string}}',
        '',
      ].join('\n'),
      post('/configs', 'createConfig', 'Config', 'Saved'),
    );
    expect(found['createConfig']).toContain("client.configs.create({ schema: {}, name: 'my-config' })");
  });
});
