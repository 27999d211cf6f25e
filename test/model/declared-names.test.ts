/**
 * `x-sdkgen-name` on a component schema (what Stainless's `models:` become): the exported type's
 * name, over every inferred one. Inferred names move aside for it; two declared names that
 * clash, or one that is the package's own, are errors where they are written.
 */
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../generator/diagnostics.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { formatPlan } from '../../generator/plan/format-plan.js';
import { planOf } from '../../generator/plan/plan.js';
import { modelOf as model, allOperations as operations } from '../helpers/model-of.js';
import { specDir } from '../helpers/spec-files.js';

function errors(yaml: string): string[] {
  try {
    model(yaml);
    return [];
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return error.diagnostics.map((d) => `${d.code} ${d.location?.line ?? '?'}: ${d.message}`);
  }
}

const PETS = `paths:
  /pets:
    get:
      operationId: listPets
      parameters: [{name: species, in: query, schema: {type: string}}]
      responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/pet_list"}}}}}
`;

describe('x-sdkgen-name', () => {
  it('names the type, keeping its component key, and what refers to it follows', () => {
    const built = model(`${PETS}components:
  schemas:
    pet_list:
      x-sdkgen-name: PetCollection
      type: object
      properties: {pets: {type: array, items: {$ref: "#/components/schemas/pet"}}}
    pet: {type: object, x-sdkgen-name: Animal, properties: {id: {type: string}}}
`);
    expect(built.schemas.map((s) => [s.componentKey, s.name])).toEqual([
      ['pet_list', 'PetCollection'],
      ['pet', 'Animal'],
    ]);
    const [list] = operations(built.root);
    expect(list?.response.type).toEqual({ kind: 'ref', name: 'PetCollection' });
    // An envelope named after its path (`pets`) is a one-page list (docs/naming.md): the page and its answer.
    expect(formatPlan(planOf(built), 'text')).toContain('→ PetsSinglePage<Animal> & PetCollection');
  });

  it('wins over the names sdkgen infers: a schema, a resource class and a params type move aside', () => {
    const built = model(`${PETS}components:
  schemas:
    pet_list: {type: object, properties: {pets: {type: array, items: {type: string}}}}
    Pet: {type: object, properties: {id: {type: string}}}
    Animal: {type: object, x-sdkgen-name: Pet, properties: {name: {type: string}}}
    Filter: {type: object, x-sdkgen-name: PetListParams, properties: {name: {type: string}}}
    Group: {type: object, x-sdkgen-name: Pets, properties: {name: {type: string}}}
`);
    const byKey = Object.fromEntries(built.schemas.map((s) => [s.componentKey ?? s.name, s.name]));
    // The declared names are claimed first, whatever the spec's order.
    expect(byKey).toMatchObject({
      Animal: 'Pet',
      Pet: 'PetSchema',
      Filter: 'PetListParams',
      Group: 'Pets',
    });
    const pets = built.root.children.find((c) => c.name === 'pets');
    expect(pets?.className).toBe('PetsResource');
    expect(pets?.operations[0]?.paramsTypeName).not.toBe('PetListParams');
  });

  it('names the schemas a pointer reaches inside it after the declared name', () => {
    const built = model(`paths:
  /clusters:
    get:
      operationId: getLabel
      responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/LKECluster/properties/label"}}}}}
components:
  schemas:
    LKECluster:
      x-sdkgen-name: Cluster
      type: object
      properties: {label: {type: object, properties: {text: {type: string}}}}
    Label: {type: string}
    LabelSchema: {type: string}
`);
    // `label` and `labelSchema` are taken (names compare without case): the next candidate is named after its owner.
    expect(built.schemas.map((s) => s.name)).toEqual(['Cluster', 'Label', 'LabelSchema', 'ClusterLabel']);
  });

  it('is an error where two schemas declare one name, or differ only by case, at the second', () => {
    expect(
      errors(`components:
  schemas:
    A: {type: object, x-sdkgen-name: Chat}
    B: {type: object, x-sdkgen-name: Chat}
    C: {type: object, x-sdkgen-name: CHAT}
`),
    ).toEqual([
      'name-taken 10: `x-sdkgen-name: Chat` is declared for another schema too.',
      'name-taken 11: `x-sdkgen-name: CHAT` is declared for another schema too as Chat (exported names must differ by more than case).',
    ]);
  });

  it("is an error where it takes a name of the package's own: the client, a runtime export, a declared page class", () => {
    expect(
      errors(`x-sdkgen-pagination:
  CursorPage: {type: cursor, items: data, cursorField: next, cursorParam: after}
components:
  schemas:
    A: {type: object, x-sdkgen-name: Test}
    B: {type: object, x-sdkgen-name: APIError}
    C: {type: object, x-sdkgen-name: CursorPage}
`).map((e) => e.replace(/:.*/, '')),
    ).toEqual(['name-taken 11', 'name-taken 12', 'name-taken 13']);
  });

  it('may be File (ImageKit exports a File model): no generated module names the global, an inferred name still steps around it', () => {
    const built = model(`components:
  schemas:
    FileDetails: {type: object, x-sdkgen-name: File, properties: {fileId: {type: string}}}
    File: {type: object, properties: {name: {type: string}}}
`);
    expect(built.schemas.map((s) => [s.componentKey, s.name])).toEqual([
      ['FileDetails', 'File'],
      ['File', 'FileSchema'],
    ]);
    // Once only, and never another global.
    expect(
      errors(`components:
  schemas:
    A: {type: object, x-sdkgen-name: File}
    B: {type: object, x-sdkgen-name: file}
    C: {type: object, x-sdkgen-name: Promise}
`).map((e) => e.replace(/:.*/, '')),
    ).toEqual(['name-taken 10', 'name-taken 11']);
  });

  it("names a schema written inline, a list's items included, before any inferred name", () => {
    const built = model(`x-sdkgen-pagination:
  PetPage: {type: cursor, items: data, cursorField: next, cursorParam: after}
paths:
  /pets:
    get:
      operationId: listPets
      parameters: [{name: after, in: query, schema: {type: string}}]
      responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/pet_list"}}}}}
  /pets/{id}/owner:
    get:
      operationId: getOwner
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok, content: {application/json: {schema: {type: object, x-sdkgen-name: Owner, properties: {name: {type: string}}}}}}}
components:
  schemas:
    Animal: {type: object, properties: {legs: {type: integer}}}
    pet_list:
      type: object
      properties:
        next: {type: string}
        data: {type: array, items: {type: object, x-sdkgen-name: Animal, properties: {id: {type: string}}}}
`);
    const [list, owner] = operations(built.root);
    // Unnamed, the items would be hoisted after the resource (`Pet`), the answer after the method.
    expect(list?.pagination?.item).toEqual({ kind: 'ref', name: 'Animal' });
    expect(owner?.response.type).toEqual({ kind: 'ref', name: 'Owner' });
    expect(built.schemas.map((s) => [s.componentKey, s.name])).toEqual([
      ['Animal', 'AnimalSchema'],
      ['pet_list', 'pet_list'],
      // Named schemas come in the order they are first met: the answer as operations are read, the items as pet_list is.
      [undefined, 'Owner'],
      [undefined, 'Animal'],
    ]);
  });

  it('is an error anywhere but on a schema', () => {
    expect(
      errors(`paths:
  /pets:
    get:
      x-sdkgen-name: Pet
      responses: {"200": {description: ok}}
`),
    ).toEqual(['extension-misplaced 10: `x-sdkgen-name` is read on a schema only.']);
  });

  it('is an error where it is not a type name', () => {
    expect(errors(`components:\n  schemas:\n    A: {type: object, x-sdkgen-name: "my type"}\n`)).toEqual([
      'extension-invalid 9: `x-sdkgen-name` must be a type name (an identifier), not "my type".',
    ]);
  });

  it('claims a name declared on a schema that stands in two places once', () => {
    // A YAML alias, and a `$ref`ed mapping the key check inlines, share one object: the walk that
    // claims declared names remembers what it saw there (and only there: a tree needs no memory).
    const aliased = model(`${PETS}components:
  schemas:
    pet_list: {type: object, properties: {pets: {type: array, items: {$ref: "#/components/schemas/pet"}}}}
    pet: &pet {type: object, x-sdkgen-name: Animal, properties: {id: {type: string}}}
    other: {type: object, properties: {again: *pet}}
`);
    expect(aliased.schemas.map((s) => s.name)).toContain('Animal');
    const inlined = model(`${PETS}components:
  schemas:
    pet_list: {type: object, properties: {$ref: "#/components/schemas/holder/properties"}}
    holder: {type: object, properties: {pet: {type: object, x-sdkgen-name: Animal, properties: {id: {type: string}}}}}
`);
    expect(inlined.schemas.map((s) => s.name)).toContain('Animal');
  });

  it('claims first a name a JSON spec declares with an escaped key', () => {
    const schema = { type: 'object', properties: { id: { type: 'string' } } };
    const spec = {
      openapi: '3.1.0',
      info: { title: 'Pets', version: '1' },
      paths: {},
      components: { schemas: { Pet: schema, Animal: { ...schema, 'x-sdkgen-name': 'Pet' } } },
    };
    // JSON.parse reads "x-sdkgen\u002dname" as the key itself.
    const text = JSON.stringify(spec).replace('"x-sdkgen-name"', '"x-sdkgen\\u002dname"');
    const built = buildModel(loadSpec('openapi.json', { cwd: specDir({ 'openapi.json': text }) })).model;
    expect(built.schemas.map((s) => [s.componentKey, s.name])).toEqual([
      ['Pet', 'PetSchema'],
      ['Animal', 'Pet'],
    ]);
  });
});
