import { describe, expect, it } from 'vitest';
import { SpecError } from '../../generator/diagnostics.js';
import type { ModelOptions } from '../../generator/model-options.js';
import { modelSpec } from '../../generator/model-spec.js';
import { openapi, specDir } from '../helpers/spec-files.js';

// What the CLI's model worker replies, in one message: the model with every warning, of the keys
// and of the model, formatted in order; or the error that stops the run. The key checks run
// before the model: they correct what it reads.

/** A spec with a key warning (`optional`), a model warning (an example that does not fit) and room for more. */
const spec = (extra = '', parameter = 'query'): string =>
  openapi(`paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - { name: kind, in: ${parameter}, schema: { type: string } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
components:
  schemas:
    Pet:
      type: object
      ${extra}
      properties:
        name: { type: string, optional: true }
      example: { name: 3 }
`);

type Outcome = { warnings: string[] } | { error: string[] };

function modeled(dir: string, options: ModelOptions): Outcome {
  try {
    return { warnings: modelSpec('openapi.yaml', dir, options).warnings.map((w) => w.formatted) };
  } catch (error) {
    if (error instanceof SpecError) return { error: [...error.formatted] };
    throw error;
  }
}

describe('modelSpec: the model and its warnings, or what stops it', () => {
  it('gives the warnings of the keys, then those of the model', () => {
    const dir = specDir({ 'openapi.yaml': spec() });
    const outcome = modeled(dir, {});
    const warnings = 'warnings' in outcome ? outcome.warnings : [];
    expect(warnings.map((w) => /warning ([\w-]+)/.exec(w)?.[1])).toEqual(['key-unknown', 'example-invalid']);
  });

  it('refuses a spec whose only error is a key', () => {
    const dir = specDir({ 'openapi.yaml': spec('x-sdkgen-nam: Animal') });
    const outcome = modeled(dir, {});
    expect('error' in outcome && outcome.error.some((e) => e.includes('error extension-unknown'))).toBe(true);
  });

  it('reports a key error, not the model error, when both are there', () => {
    const dir = specDir({ 'openapi.yaml': spec('x-sdkgen-nam: Animal', 'querystring') });
    const outcome = modeled(dir, {});
    expect('error' in outcome && outcome.error.some((e) => e.includes('extension-unknown'))).toBe(true);
  });

  it('gives a model error with the keys’ warnings beside it', () => {
    const dir = specDir({ 'openapi.yaml': spec('', 'querystring') });
    const outcome = modeled(dir, {});
    expect('error' in outcome && outcome.error.some((e) => e.includes('warning key-unknown'))).toBe(true);
  });

  it('stops at a names lock that cannot be read, quoting it', () => {
    const dir = specDir({ 'openapi.yaml': spec(), 'out/.sdkgen-names.json': '{\n  "operations": {,}\n}\n' });
    const outcome = modeled(dir, { out: 'out' });
    expect('error' in outcome && outcome.error.join('\n')).toContain('"operations": {,}');
  });

  it('reports a key error before a names lock that cannot be read, as loading comes first', () => {
    const dir = specDir({
      'openapi.yaml': spec('x-sdkgen-nam: Animal'),
      'out/.sdkgen-names.json': '{\n  "operations": {,}\n}\n',
    });
    const outcome = modeled(dir, { out: 'out' });
    expect('error' in outcome && outcome.error.join('\n')).toContain('extension-unknown');
  });

  it('under --strict, refuses the key warnings with the model’s', () => {
    const dir = specDir({ 'openapi.yaml': spec() });
    const outcome = modeled(dir, { strict: true });
    expect('error' in outcome && outcome.error.length).toBe(2);
  });

  it('models what the key checks corrected: YAML’s unquoted null in a type list is the type "null"', () => {
    const dir = specDir({ 'openapi.yaml': spec('', 'query').replace('type: object', 'type: [object, null]') });
    const outcome = modeled(dir, {});
    const warnings = 'warnings' in outcome ? outcome.warnings : [];
    expect(warnings.some((w) => w.includes('warning schema-type-null-unquoted'))).toBe(true);
  });
});
