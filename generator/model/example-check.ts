import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { validateValue } from '../values/validate-value.js';
import type { ApiModel, ExampleModel, FieldDocs, NamedSchema, ResourceModel, TypeModel } from './model.js';

/**
 * The spec's examples that contradict their own schema (a `rating: 0` where the minimum is 1, a
 * response example without a required field): each is a warning at the example, and is left
 * out of the model, so that no document, snippet or mock answer repeats it.
 */
export function checkExamples(model: ApiModel): {
  readonly model: ApiModel;
  readonly diagnostics: readonly Diagnostic[];
} {
  const byName = new Map(model.schemas.map((s) => [s.name, s]));
  const lookup = (name: string): NamedSchema | undefined => byName.get(name);
  // The objects (field docs, responses) whose `example` is invalid.
  const holders = new Set<{ readonly example?: ExampleModel | undefined }>();
  const checked = new Set<ExampleModel>();
  const diagnostics: Diagnostic[] = [];
  const invalid = new Set<ExampleModel>();
  const check = (
    holder: { readonly example?: ExampleModel | undefined },
    type: TypeModel | undefined,
    docs: FieldDocs | undefined,
    what: string,
    fallback: SourceLocation | undefined,
  ): void => {
    const example = holder.example;
    if (example === undefined || type === undefined) return;
    if (invalid.has(example)) holders.add(holder);
    if (checked.has(example)) return;
    checked.add(example);
    const [problem] = validateValue(example.value, type, docs, lookup, 'example');
    if (problem === undefined) return;
    invalid.add(example);
    holders.add(holder);
    diagnostics.push({
      code: 'example-invalid',
      severity: 'warning',
      message: `The example of ${what} does not fit its schema: ${problem.where} ${problem.message}. It is left out of the docs and the mock.`,
      location: example.location ?? fallback,
      hint: 'Correct the example, or the schema if the example shows what the API really sends.',
    });
  };

  const seenTypes = new Set<TypeModel>();
  const walk = (type: TypeModel, what: string, location: SourceLocation | undefined): void => {
    if (seenTypes.has(type)) return;
    seenTypes.add(type);
    switch (type.kind) {
      case 'object':
        for (const property of type.properties) {
          check(property.docs, property.type, property.docs, `${what}.${property.name}`, location);
          walk(property.type, `${what}.${property.name}`, location);
        }
        if (type.additional !== undefined) walk(type.additional, what, location);
        return;
      case 'array':
        return walk(type.items, `${what}[]`, location);
      case 'union':
      case 'intersection':
        for (const member of type.members) walk(member, what, location);
        return;
      case 'omit':
        return walk(type.type, what, location);
      case 'primitive':
      case 'literal':
      case 'ref':
        return;
      default:
        return assertNever(type);
    }
  };

  for (const schema of model.schemas) {
    check(schema.docs, schema.type, schema.docs, `schema ${schema.componentKey ?? schema.name}`, schema.location);
    walk(schema.type, schema.componentKey ?? schema.name, schema.location);
  }
  const visit = (resource: ResourceModel): void => {
    for (const operation of resource.operations) {
      const what = `${operation.method.toUpperCase()} ${operation.path}`;
      for (const param of [...operation.pathParams, ...operation.queryParams, ...operation.headerParams]) {
        check(param.docs, param.type, param.docs, `parameter ${param.name} of ${what}`, operation.location);
      }
      if (operation.body !== undefined) walk(operation.body.type, `the body of ${what}`, operation.location);
      if (operation.response.format === 'json')
        check(operation.response, operation.response.type, undefined, `the response of ${what}`, operation.location);
      if (operation.response.type !== undefined)
        walk(operation.response.type, `the response of ${what}`, operation.location);
    }
    for (const child of resource.children) visit(child);
  };
  visit(model.root);
  for (const holder of holders) (holder as { example?: ExampleModel | undefined }).example = undefined;
  return { model, diagnostics };
}

function assertNever(value: never): never {
  throw new Error(`Unknown type: ${JSON.stringify(value)}`);
}
