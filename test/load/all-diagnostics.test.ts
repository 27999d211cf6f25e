import { describe, expect, it } from 'vitest';
import { SpecError } from '../../generator/diagnostics.js';
import { modelSpec } from '../../generator/model-spec.js';
import { openapi, specDir } from '../helpers/spec-files.js';

/** The whole error of `sdkgen generate` on these files: load and model together. */
function failure(files: Record<string, string>, root = 'openapi.yaml'): SpecError {
  try {
    modelSpec(root, specDir(files));
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('expected the spec to be refused');
}

const BOOKSTORE = openapi(`paths:
  /books:
    get:
      parameters:
        - name: genre
          in: querystring
          schema: { type: string }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/BookLst' }
  /books/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Boook' }
components:
  schemas:
    Book: { type: object, properties: { id: { type: string } } }
    BookList: { type: object, properties: { data: { type: array, items: { $ref: '#/components/schemas/Book' } } } }
`);

describe('every problem of a spec in one run', () => {
  it('reports broken $refs and the model’s own errors together, in file order', () => {
    const error = failure({ 'openapi.yaml': BOOKSTORE });
    expect(error.diagnostics.map((d) => `${d.location?.line}:${d.location?.column} ${d.code}`)).toEqual([
      '12:11 parameter-invalid',
      '19:31 ref-unresolved',
      '29:31 ref-unresolved',
    ]);
  });

  it('suggests the nearest existing name for an unresolved $ref, and none when nothing is near', () => {
    const error = failure({
      'openapi.yaml': BOOKSTORE.replace("'#/components/schemas/Boook'", "'#/components/schemas/Zebra'"),
    });
    expect(error.diagnostics.filter((d) => d.code === 'ref-unresolved').map((d) => d.hint)).toEqual([
      'Did you mean #/components/schemas/BookList?',
      undefined,
    ]);
  });

  it('names the other file in a suggestion across files', () => {
    const error = failure({
      'openapi.yaml': openapi("paths: {}\ncomponents:\n  schemas:\n    A: { $ref: 'models.yaml#/Pett' }\n"),
      'models.yaml': 'Pet: { type: string }\n',
    });
    expect(error.diagnostics.map((d) => d.hint)).toEqual(['Did you mean models.yaml#/Pet?']);
  });

  it('shows a window of a minified one-line spec around the column, with the caret under it', () => {
    const doc = JSON.parse(
      JSON.stringify({ openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: {}, components: { schemas: {} } }),
    ) as { components: { schemas: Record<string, unknown> } };
    for (let i = 0; i < 40; i++)
      doc.components.schemas[`Padding${i}`] = { type: 'object', properties: { name: { type: 'string' } } };
    doc.components.schemas['Broken'] = { $ref: '#/components/schemas/Nothing' };
    const text = JSON.stringify(doc);
    const error = failure({ 'openapi.json': text }, 'openapi.json');
    const [, excerpt = '', caret = ''] = error.message.split('\n');
    const column = error.diagnostics[0]?.location?.column ?? 0;
    expect(column).toBeGreaterThan(1000);
    expect(excerpt.length).toBeLessThan(140);
    expect(excerpt).toMatch(/^1 \| …/);
    // The caret stands under the very character the location names.
    const at = caret.indexOf('^');
    const window = excerpt.slice('1 | …'.length);
    expect(window.slice(at - '1 | …'.length, at - '1 | …'.length + 8)).toBe(text.slice(column - 1, column + 7));
  });
});
