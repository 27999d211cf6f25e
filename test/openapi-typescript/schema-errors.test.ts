import { describe, expect, it } from 'vitest';
import { SchemaShapeError } from '../../generator/model/openapi-typescript/schema-context.js';
import { DEFAULT_CTX, transformSchemaObject } from './helpers/ots-7.13.js';

const at = (given: unknown) => () =>
  transformSchemaObject(given, { path: '#/components/schemas/Broken', ctx: DEFAULT_CTX });

describe('a Schema Object that is not one', () => {
  it('is a SchemaShapeError located at its pointer (7.13 throws too)', () => {
    expect(at('string')).toThrow(SchemaShapeError);
    expect(at(['a'])).toThrow('#/components/schemas/Broken: Expected SchemaObject, received Array');
  });

  it('names the property whose schema is not an object or a boolean', () => {
    expect(at({ type: 'object', properties: { name: 'string' } })).toThrow(
      '#/components/schemas/Broken: invalid property name. Expected Schema Object or boolean, got string',
    );
  });

  it('reads boolean schemas as 7.13 does: true is unknown, false never', () => {
    const print = (given: unknown) => JSON.stringify(at(given)());
    expect(print(true)).toBe('{"kind":"keyword","name":"unknown"}');
    expect(print(false)).toBe('{"kind":"keyword","name":"never"}');
  });
});
