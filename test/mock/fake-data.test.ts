import { describe, expect, it } from 'vitest';
import { type FakeOptions, fakeValue } from '../../generator/mock/fake-data.js';
import type { NamedSchema, TypeModel } from '../../generator/model/model.js';
import { modelSpec } from '../../generator/model-spec.js';
import { validateValue } from '../../generator/values/validate-value.js';
import { ROOT } from '../helpers/paths.js';
import { HAS_OPENAI_SPEC, OPENAI_SPEC } from '../helpers/shared.js';

const string: TypeModel = { kind: 'primitive', name: 'string' };
const number: TypeModel = { kind: 'primitive', name: 'number' };
const object = (properties: Record<string, [TypeModel, boolean, object?]>): TypeModel => ({
  kind: 'object',
  additional: undefined,
  properties: Object.entries(properties).map(([name, [type, required, docs]]) => ({
    name,
    type,
    required,
    docs: docs ?? {},
    readOnly: false,
    writeOnly: false,
  })),
});
const schemas = (list: Record<string, TypeModel>): FakeOptions['lookup'] => {
  const byName = new Map(
    Object.entries(list).map(([name, type]) => [
      name,
      { name, componentKey: name, type, docs: {}, location: { file: 'x', line: 1, column: 1 } } satisfies NamedSchema,
    ]),
  );
  return (name) => byName.get(name);
};

describe('fake data', () => {
  const user = object({
    id: [string, true],
    project_id: [string, true],
    name: [string, true],
    email: [string, false],
    created_at: [number, true, { format: 'unixtime' }],
    score: [number, true, { constraints: { minimum: 10, maximum: 12 } }],
    code: [string, true, { constraints: { minLength: 12 } }],
    role: [
      {
        kind: 'union',
        members: [
          { kind: 'literal', value: 'owner' },
          { kind: 'literal', value: 'member' },
        ],
      },
      true,
    ],
  });

  it('reads like data: ids, names, times and addresses count with the item', () => {
    const options = { lookup: schemas({}), seed: 's', idPrefix: 'user', known: { project_id: 'proj_abc' } };
    const third = fakeValue(user, { ...options, index: 2 }) as Record<string, unknown>;
    expect(third).toMatchObject({
      id: 'user_003',
      project_id: 'proj_abc',
      name: 'User 3',
      email: 'user3@example.com',
      created_at: 1711471533 + 2 * 3600,
    });
    expect(third['score']).toBeGreaterThanOrEqual(10);
    expect(third['score']).toBeLessThanOrEqual(12);
    expect(String(third['code'])).toHaveLength(12);
    expect(['owner', 'member']).toContain(third['role']);
  });

  it('is the same for the same seed and index', () => {
    const options = { lookup: schemas({}), seed: 'seed', index: 4 };
    expect(fakeValue(user, options)).toEqual(fakeValue(user, options));
  });

  it('takes values from the examples, an object example lending its fields', () => {
    const lookup = schemas({
      Group: object({ group_id: [string, true], group_name: [string, true], kind: [string, true] }),
    });
    const docs = { example: { value: { group_id: 'group_01J1', group_name: 'Support Team', kind: 'tenant' } } };
    const made = (index: number): unknown =>
      fakeValue({ kind: 'ref', name: 'Group' }, { lookup, seed: 's', index }, { docs });
    expect(made(0)).toEqual({ group_id: 'group_001', group_name: 'Support Team', kind: 'tenant' });
    expect(made(1)).toEqual({ group_id: 'group_002', group_name: 'Support Team 2', kind: 'tenant' });
  });

  it('ends recursive schemas: optional fields are left out, required lists left empty', () => {
    const lookup = schemas({
      Node: object({
        name: [string, true],
        children: [{ kind: 'array', items: { kind: 'ref', name: 'Node' } }, true],
        parent: [{ kind: 'ref', name: 'Node' }, false],
      }),
    });
    const node = fakeValue({ kind: 'ref', name: 'Node' }, { lookup, seed: 's' });
    expect(JSON.stringify(node).length).toBeLessThan(2000);
    expect(validateValue(node, { kind: 'ref', name: 'Node' }, undefined, lookup, 'node')).toEqual([]);
  });

  it('makes a valid value of every schema of the schema-language fixture', () => {
    const { model } = modelSpec('test/fixtures/schema-language/openapi.yaml', ROOT);
    expect(invalidSchemas(model.schemas)).toEqual([]);
  });

  it.skipIf(!HAS_OPENAI_SPEC)('makes a valid value of every schema of openai.yaml', () => {
    const { model } = modelSpec(OPENAI_SPEC, ROOT);
    expect(model.schemas.length).toBeGreaterThan(500);
    expect(invalidSchemas(model.schemas)).toEqual([]);
  });
});

/** Schemas whose made-up value their own validator refuses, with the first problems. */
function invalidSchemas(list: readonly NamedSchema[]): string[] {
  const byName = new Map(list.map((s) => [s.name, s]));
  const lookup = (name: string): NamedSchema | undefined => byName.get(name);
  const bad: string[] = [];
  for (const schema of list) {
    for (const index of [0, 7]) {
      const value = fakeValue({ kind: 'ref', name: schema.name }, { lookup, seed: schema.name, index });
      const problems = validateValue(value, { kind: 'ref', name: schema.name }, undefined, lookup, schema.name);
      if (problems.length > 0)
        bad.push(
          `${problems
            .slice(0, 2)
            .map((p) => `${p.where} ${p.message}`)
            .join('; ')}`,
        );
    }
  }
  return bad;
}
