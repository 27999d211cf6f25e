/**
 * `$ref` wherever Redocly and swagger-cli resolve it, not only for schemas; and `$ref` chains
 * that never reach anything, refused where they are.
 */
import { describe, expect, it } from 'vitest';
import { type Diagnostic, SpecError } from '../../generator/diagnostics.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { ApiModel, OperationModel, ResourceModel } from '../../generator/model/model.js';
import { openapi, specDir } from '../helpers/spec-files.js';

function model(files: Record<string, string>): ApiModel {
  return buildModel(loadSpec('openapi.yaml', { cwd: specDir(files) })).model;
}

function errors(files: Record<string, string>): Diagnostic[] {
  try {
    model(files);
  } catch (error) {
    if (error instanceof SpecError) return [...error.diagnostics];
    throw error;
  }
  return [];
}

const operations = (resource: ResourceModel): OperationModel[] => [
  ...resource.operations,
  ...resource.children.flatMap(operations),
];

describe('$ref outside schemas', () => {
  it('reads a description kept in a Markdown file as its text, in info and in an operation', () => {
    const m = model({
      'openapi.yaml': `openapi: 3.1.0\ninfo:\n  title: Docs API\n  version: 1.0.0\n  description: {$ref: ./docs/intro.md}\npaths:\n  /a:\n    get:\n      description: {$ref: "./docs/a.md"}\n      responses: {"200": {description: ok}}\n`,
      'docs/intro.md': '# Welcome\n\nKeys: go in the `Authorization` header.\n',
      'docs/a.md': 'Lists *everything*.\n',
    });
    expect(m.client.description).toBe('# Welcome\n\nKeys: go in the `Authorization` header.\n');
    expect(operations(m.root)[0]?.docs.description).toBe('Lists *everything*.\n');
  });

  it('reads a description in a .yml file that holds Markdown, not YAML, as its text', () => {
    const m = model({
      'openapi.yaml': `openapi: 3.1.0\ninfo:\n  title: Docs API\n  version: 1.0.0\n  description: {$ref: description.yml}\npaths: {}\n`,
      'description.yml': 'Intro: read this first.\n\n- one\n- two: three\n',
    });
    expect(m.client.description).toBe('Intro: read this first.\n\n- one\n- two: three\n');
  });

  it('follows $refs to path items, operations, parameters, responses and examples', () => {
    const m = model({
      'openapi.yaml': openapi(
        'paths:\n  /pets:\n    $ref: "./paths/pets.yaml"\n  /pets/{id}:\n    get:\n      $ref: "./operations/get-pet.yaml"\ncomponents:\n  examples:\n    Rex: {value: {name: Rex}}\n  parameters:\n    Id: {name: id, in: path, required: true, schema: {type: string}}\n  responses:\n    Names:\n      description: the names\n      content:\n        text/plain: {schema: {type: string}}\n',
      ),
      'paths/pets.yaml':
        'get:\n  summary: All pets\n  responses:\n    "200":\n      $ref: "../openapi.yaml#/components/responses/Names"\n',
      'operations/get-pet.yaml':
        'operationId: getPet\nparameters:\n  - $ref: "../openapi.yaml#/components/parameters/Id"\nresponses:\n  "200":\n    description: ok\n    content:\n      application/json:\n        schema: {type: object, properties: {name: {type: string}}}\n        examples:\n          rex: {$ref: "../openapi.yaml#/components/examples/Rex"}\n',
    });
    const [list, get] = operations(m.root);
    expect([list?.path, list?.docs.summary, list?.response.format, list?.response.description]).toEqual([
      '/pets',
      'All pets',
      'text',
      'the names',
    ]);
    expect([get?.operationId, get?.pathParams.map((p) => p.name), get?.response.example?.value]).toEqual([
      'getPet',
      ['id'],
      { name: 'Rex' },
    ]);
  });
});

describe('$ref chains that name no schema', () => {
  it('are a located ref-cycle error, not `type A = B; type B = A`', () => {
    const found = errors({
      'openapi.yaml': openapi(
        'paths: {}\ncomponents:\n  schemas:\n    A: {$ref: "#/components/schemas/B"}\n    B: {$ref: "#/components/schemas/A"}\n    C: {type: string}\n',
      ),
    });
    expect(found.map((d) => `${d.location?.line}:${d.location?.column} ${d.code}`)).toEqual([
      '10:9 ref-cycle',
      '11:9 ref-cycle',
    ]);
  });

  it('leave a chain that reaches a schema alone', () => {
    const m = model({
      'openapi.yaml': openapi(
        'paths: {}\ncomponents:\n  schemas:\n    A: {$ref: "#/components/schemas/B"}\n    B: {$ref: "#/components/schemas/C"}\n    C: {type: string}\n',
      ),
    });
    expect(m.schemas.map((s) => [s.name, s.type])).toEqual([
      ['A', { kind: 'ref', name: 'B' }],
      ['B', { kind: 'ref', name: 'C' }],
      ['C', { kind: 'primitive', name: 'string' }],
    ]);
  });
});

describe('a $ref where OpenAPI allows none stands for the mapping or list it names', () => {
  it('in properties, content, responses, headers and parameters, from files in other folders', () => {
    const m = model({
      'openapi.yaml': openapi(
        'paths:\n  /pets:\n    $ref: "paths/pets.yaml"\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      properties:\n        $ref: "models/attributes.yaml#/pet"\n',
      ),
      'paths/pets.yaml':
        'get:\n  parameters:\n    $ref: "../shared/params.yaml#/list"\n  responses:\n    $ref: "../shared/responses.yaml#/pets"\n',
      'shared/params.yaml': 'list:\n  - {name: limit, in: query, schema: {type: integer}}\n',
      'shared/responses.yaml':
        'pets:\n  "200":\n    description: ok\n    headers:\n      $ref: "headers.yaml"\n    content:\n      $ref: "content.yaml#/pets"\n',
      'shared/headers.yaml': 'x-total: {schema: {type: integer}}\n',
      'shared/content.yaml':
        'pets:\n  application/json:\n    schema:\n      type: array\n      items: {$ref: "../openapi.yaml#/components/schemas/Pet"}\n',
      'models/attributes.yaml': 'pet:\n  name: {type: string}\n  owner: {$ref: "owner.yaml"}\n',
      'models/owner.yaml': 'type: object\nproperties:\n  id: {type: string}\n',
    });
    const [list] = operations(m.root);
    expect(list?.queryParams.map((p) => p.name)).toEqual(['limit']);
    expect(list?.response.type).toEqual({ kind: 'array', items: { kind: 'ref', name: 'Pet' } });
    const pet = m.schemas.find((s) => s.name === 'Pet')?.type;
    expect(pet?.kind === 'object' ? pet.properties.map((p) => [p.name, p.type.kind]) : pet).toEqual([
      ['name', 'primitive'],
      ['owner', 'ref'],
    ]);
  });
});
