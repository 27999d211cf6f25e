import { describe, expect, it } from 'vitest';
import { exampleArgumentValues } from '../../generator/emit/examples.js';
import { bodyArgumentType } from '../../generator/model/body-param.js';
import type { ApiModel, NamedSchema, ResourceModel } from '../../generator/model/model.js';
import { modelSpec } from '../../generator/model-spec.js';
import { validateValue } from '../../generator/values/validate-value.js';
import { ROOT } from '../helpers/paths.js';
import { HAS_OPENAI_SPEC, OPENAI_SPEC } from '../helpers/shared.js';

const SPECS = [
  'spec/openapi.yaml',
  ...['bookstore', 'hostile', 'mock-shop', 'multi-file', 'petstore-inferred', 'schema-language', 'streaming'].map(
    (name) => `test/fixtures/${name}/openapi.yaml`,
  ),
];

/** Each generated example call whose arguments the mock's own validator refuses, with why. */
function refusedExamples(model: ApiModel): string[] {
  const byName = new Map(model.schemas.map((s) => [s.name, s]));
  const lookup = (name: string): NamedSchema | undefined => byName.get(name);
  const refused: string[] = [];
  let calls = 0;
  const visit = (resource: ResourceModel): void => {
    for (const operation of resource.operations) {
      calls++;
      const values = exampleArgumentValues(operation, lookup);
      const problems = [
        ...operation.pathParams.flatMap((param, i) =>
          validateValue(values.path[i], param.type, param.docs, lookup, `path.${param.name}`),
        ),
        ...(values.body === undefined || operation.body === undefined
          ? []
          : validateValue(values.body, bodyArgumentType(operation.body), undefined, lookup, 'body')),
        ...[...operation.queryParams, ...operation.headerParams]
          .filter((param) => param.required)
          .flatMap((param) =>
            validateValue(values.params?.[param.property], param.type, param.docs, lookup, `${param.in}.${param.name}`),
          ),
      ];
      if (problems.length > 0)
        refused.push(
          `${operation.method.toUpperCase()} ${operation.path}: ${problems.map((p) => `${p.where} ${p.message}`).join('; ')}`,
        );
    }
    for (const child of resource.children) visit(child);
  };
  visit(model.root);
  expect(calls).toBeGreaterThan(0);
  return refused;
}

describe('generated examples keep the spec’s constraints', () => {
  it.each(SPECS)('every example call of %s passes the mock’s validator', (spec) => {
    expect(refusedExamples(modelSpec(spec, ROOT).model)).toEqual([]);
  });

  it.skipIf(!HAS_OPENAI_SPEC)('every example call of openai.yaml passes the mock’s validator', () => {
    expect(refusedExamples(modelSpec(OPENAI_SPEC, ROOT).model)).toEqual([]);
  });
});
