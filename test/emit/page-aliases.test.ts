/**
 * Stainless-generated SDKs export each list's page type from its resource's module, named after
 * the item's plural and the page class (Grid's `QuotesDefaultPagination = DefaultPagination<Quote>`,
 * Honcho's `AppsPage`): a client paged by declared classes (`pagination: declared`, as the
 * Stainless loader sets it) exports them too, so that a caller's `import { QuotesDefaultPagination }` compiles.
 */
import { describe, expect, it } from 'vitest';
import { emitSources } from '../../generator/emit/emit-package.js';
import { pluralName } from '../../generator/emit/page-aliases.js';
import { modelOf } from '../helpers/model-of.js';

const spec = (client: string): string => `${client}
x-sdkgen-pagination:
  DefaultPagination: { type: cursor, items: data, cursorField: next_cursor, cursorParam: cursor }
paths:
  /quotes:
    get:
      operationId: listQuotes
      x-sdkgen-pagination: DefaultPagination
      parameters: [{ name: cursor, in: query, schema: { type: string } }]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [data]
                properties:
                  data: { type: array, items: { $ref: '#/components/schemas/Quote' } }
                  next_cursor: { type: string }
components:
  schemas:
    Quote:
      type: object
      properties: { id: { type: string } }
`;

const file = (yaml: string, path: string): string =>
  emitSources(modelOf(yaml), 'sdkgen generate').find((f) => f.path === path)?.contents ?? '';

describe('page types by their Stainless names', () => {
  it('are exported from the resource’s module and the package, with pagination: declared', () => {
    const yaml = spec('x-sdkgen-client: { pagination: declared }');
    expect(file(yaml, 'src/resources/quotes.ts')).toMatch(
      /export type QuotesDefaultPagination = DefaultPagination<Quote>( & \w+)?;/,
    );
    expect(file(yaml, 'src/index.ts')).toMatch(/type QuotesDefaultPagination \} from '\.\/resources\/quotes\.js';/);
  });

  it('are not made for a client sdkgen pages its own way', () => {
    expect(file(spec(''), 'src/resources/quotes.ts')).not.toContain('QuotesDefaultPagination');
  });

  it('put the last word of the item’s name in the plural', () => {
    expect(['APIToken', 'Category', 'Address', 'Batch', 'Key', 'App'].map(pluralName)).toEqual([
      'APITokens',
      'Categories',
      'Addresses',
      'Batches',
      'Keys',
      'Apps',
    ]);
  });

  it('turn an f ending into -ves where Stainless’s inflector does, as Grid’s CustomerOneovesDefaultPagination has it', () => {
    // pluralize 8 gives the same: CustomerOneoves, BookShelves, Knives, Wolves, Roofs, Chiefs.
    expect(['CustomerOneOf', 'BookShelf', 'Knife', 'Wolf', 'Roof', 'Chief'].map(pluralName)).toEqual([
      'CustomerOneoves',
      'BookShelves',
      'Knives',
      'Wolves',
      'Roofs',
      'Chiefs',
    ]);
  });
});
