/**
 * A page class that declares its fields (`params`, `response`: a Stainless scheme's `request` and
 * `response`, as the loader passes them on) exports `<Class>Params` and `<Class>Response<Item>`
 * from the pagination module and the package, as Stainless SDKs do (Honcho's `PageParams`,
 * `PageResponse`). A class without them exports nothing more.
 */
import { describe, expect, it } from 'vitest';
import { emitSources } from '../../generator/emit/emit-package.js';
import { modelOf } from '../helpers/model-of.js';

const spec = (fields: string, schemas = ''): string => `x-sdkgen-pagination:
  Page:
    type: page-number
    items: items
    pageParam: page
    totalPages: pages${fields}
paths:
  /apps:
    get:
      operationId: listApps
      x-sdkgen-pagination: Page
      parameters: [{ name: page, in: query, schema: { type: integer } }]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [items]
                properties:
                  items: { type: array, items: { type: string } }
                  pages: { type: integer }
${schemas}`;

const FIELDS = `
    params:
      type: object
      properties:
        page: { type: integer, description: Page number }
        size: { type: integer }
    response:
      type: object
      properties:
        items: { type: array, items: {} }
        pages: { type: integer }
        owner: { $ref: '#/components/schemas/Owner' }
        next: { type: string }
        more: { type: boolean }
      required: [items, pages]`;

const OWNER = `components:
  schemas:
    Owner: { type: object, properties: { id: { type: string } } }
`;

const file = (yaml: string, path: string): string =>
  emitSources(modelOf(yaml), 'sdkgen generate').find((f) => f.path === path)?.contents ?? '';

describe('the params and response types of a page class', () => {
  it('are interfaces of the pagination module: the request fields optional, the items typed Item[]', () => {
    const pagination = file(spec(FIELDS, OWNER), 'src/pagination.ts');
    expect(pagination).toContain(
      [
        'export interface PageParams {',
        '  /** Page number */',
        '  page?: number;',
        '  size?: number;',
        '}',
        '',
        'export interface PageResponse<Item> {',
        '  items: Item[];',
        '  pages: number;',
        '  owner?: Owner;',
        '  next: string;',
        '  more: boolean;',
        '}',
      ].join('\n'),
    );
    expect(pagination).toMatch(/import type \{ Owner \} from '\.\/models\.js';/);
  });

  it("make a string, number, boolean or array field the page fills where the body has none required on the page, as Stainless's page fills it (`body.next || ''`); an object stays optional", () => {
    expect(modelOf(spec(FIELDS, OWNER)).pageClasses[0]?.fieldDefaults?.map((f) => [f.name, f.value])).toEqual([
      ['items', []],
      ['pages', 0],
      ['next', ''],
      ['more', false],
    ]);
    const pagination = file(spec(FIELDS, OWNER), 'src/pagination.ts');
    expect(pagination).toContain(
      "static readonly fieldDefaults: PageFieldDefaults = { items: [], pages: 0, next: '', more: false };",
    );
    expect(pagination).toContain(
      "/** The response's `next`, or '' where it has none. */\n  declare readonly next: string;",
    );
    expect(pagination).toContain('declare readonly more: boolean;');
    expect(pagination).not.toContain('declare readonly owner');
  });

  it('are exported as types from the package', () => {
    expect(file(spec(FIELDS, OWNER), 'src/index.ts')).toContain(
      "export { Page, type PageParams, type PageResponse } from './pagination.js';",
    );
  });

  it('move aside for a schema of the same name, which keeps its own', () => {
    const model = modelOf(
      spec(FIELDS, `${OWNER}    PageParams: { type: object, properties: { q: { type: string } } }\n`),
    );
    expect(model.schemas.map((s) => s.name)).toContain('PageParams');
    expect(model.pageClasses[0]?.params?.name).toBe('PageParams2');
  });

  it('are not made for a class that declares no fields', () => {
    const pagination = file(spec(''), 'src/pagination.ts');
    expect(pagination).not.toContain('PageParams');
    expect(pagination).not.toContain('PageResponse');
  });

  it('must be object schemas, or the declaration is an error where it is written', () => {
    expect(() => modelOf(spec('\n    params: [page]'))).toThrow(
      /openapi\.yaml:\d+:\d+: error extension-invalid: `params` must be an object schema/,
    );
  });
});
