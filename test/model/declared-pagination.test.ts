/**
 * Page classes declared at the root page the lists that name none, where they fit (as Stainless
 * pages the lists its config never marks): the GET or POST takes the parameter the class sends and its
 * response has the fields the class reads. Classes are tried in declaration order, after the
 * operation's own word and before inference.
 */
import { describe, expect, it } from 'vitest';
import { formatPlan } from '../../generator/plan/format-plan.js';
import { planOf } from '../../generator/plan/plan.js';
import { modelOf as model, allOperations as operations } from '../helpers/model-of.js';

/** The page class of each operation, by operationId (`-` for none). */
function pageClasses(yaml: string): Record<string, string> {
  return Object.fromEntries(
    operations(model(yaml).root).map((op) => [op.operationId, op.pagination?.pageClass.name ?? '-']),
  );
}

const CLASSES = `x-sdkgen-pagination:
  OffsetPagination: {type: offset, items: data, offsetParam: offset, total: total}
  CursorPagination: {type: cursor, items: data, cursorField: next_cursor, cursorParam: cursor}
  IDPage: {type: item-id, items: data, idField: id, cursorParam: after, beforeParam: before}
  CursorPaginationWithHasMore: {type: cursor, items: data, cursorField: next_cursor, cursorParam: cursor, hasMore: has_more}
`;

const ITEMS = '{type: array, items: {type: object, properties: {id: {type: string}}}}';
const list = (id: string, params: string, fields: string, method = 'get'): string => `    ${method}:
      operationId: ${id}
      parameters: [${params}]
      responses: {"200": {description: ok, content: {application/json: {schema: {type: object, properties: {data: ${ITEMS}, ${fields}}}}}}}
`;
const q = (name: string, type = 'string'): string => `{name: ${name}, in: query, schema: {type: ${type}}}`;

describe('declared page classes on lists that name none', () => {
  it('page every GET list that takes the parameter and has the fields, before inference', () => {
    const spec = `${CLASSES}paths:
  /a:
${list('offsetList', q('offset', 'integer'), 'total: {type: integer}')}
  /b:
${list('cursorList', q('cursor'), 'next_cursor: {type: string}')}
  /c:
${list('idList', q('after'), 'has_more: {type: boolean}')}
`;
    // Inference would page /a by an offset without `total` (another class) and /b by `next_cursor` too.
    expect(pageClasses(spec)).toEqual({
      offsetList: 'OffsetPagination',
      cursorList: 'CursorPagination',
      idList: 'IDPage',
    });
    expect(formatPlan(planOf(model(spec)), 'text')).toContain(
      'paginated: fits the declared page class OffsetPagination, offset "offset" up to "total"',
    );
  });

  it('leave the list to inference where it lacks the parameter or a field the class reads', () => {
    const spec = `${CLASSES}paths:
  /a:
${list('noTotal', q('offset', 'integer'), 'count: {type: integer}')}
  /b:
${list('noParam', q('page_token'), 'next_cursor: {type: string}')}
`;
    const found = pageClasses(spec);
    expect(found['noTotal']).not.toBe('OffsetPagination');
    expect(found['noParam']).not.toBe('CursorPagination');
    expect(operations(model(spec).root).every((op) => op.pagination?.fitted !== true)).toBe(true);
  });

  it('page nothing by inference where x-sdkgen-client.pagination is declared, as a Stainless SDK does', () => {
    const lists = `paths:
  /a:
${list('fits', q('cursor'), 'next_cursor: {type: string}')}
  /b:
${list('inferable', q('page_token'), 'next_page_token: {type: string}')}
`;
    expect(pageClasses(`${CLASSES}${lists}`)).toMatchObject({ fits: 'CursorPagination' });
    expect(pageClasses(`${CLASSES}${lists}`)['inferable']).not.toBe('-');
    const declared = `x-sdkgen-client: {pagination: declared}\n${CLASSES}${lists}`;
    expect(pageClasses(declared)).toEqual({ fits: 'CursorPagination', inferable: '-' });
    expect(formatPlan(planOf(model(declared)), 'text')).toContain(
      'no declared page class fits it (x-sdkgen-client.pagination: declared)',
    );
  });

  it('are tried in declaration order: the first that fits wins', () => {
    const spec = `${CLASSES}paths:
  /b:
${list('both', q('cursor'), 'next_cursor: {type: string}, has_more: {type: boolean}')}
`;
    expect(pageClasses(spec)).toEqual({ both: 'CursorPagination' });
    const reordered = CLASSES.replace(/\n {2}CursorPagination: .*\n/, '\n').replace(
      /\n$/,
      '\n  CursorPagination: {type: cursor, items: data, cursorField: next_cursor, cursorParam: cursor}\n',
    );
    expect(
      pageClasses(
        `${reordered}paths:\n  /b:\n${list('both', q('cursor'), 'next_cursor: {type: string}, has_more: {type: boolean}')}`,
      ),
    ).toEqual({
      both: 'CursorPaginationWithHasMore',
    });
  });

  it('fit an item-id list that walks forward only, though the class also walks back', () => {
    const spec = `${CLASSES}paths:\n  /c:\n${list('forward', q('after'), 'has_more: {type: boolean}')}`;
    const [op] = operations(model(spec).root);
    expect(op?.pagination?.pageClass.name).toBe('IDPage');
    expect(op?.pagination?.fitted).toBe(true);
  });

  it("yield to the operation's own word", () => {
    const spec = `${CLASSES}paths:
  /b:
${list('unpaged', q('cursor'), 'next_cursor: {type: string}').replace('operationId: unpaged', 'operationId: unpaged\n      x-sdkgen-pagination: false')}
`;
    expect(pageClasses(spec)).toEqual({ unpaged: '-' });
  });
});

// Honcho's shape: `POST /v1/apps/list` filters in its body (an object or null), pages in its query.
const withBody = (yaml: string, fields: string): string =>
  yaml.replace(
    '      responses:',
    `      requestBody: {content: {application/json: {schema: {anyOf: [{type: object, properties: {${fields}}}, {type: 'null'}]}}}}\n      responses:`,
  );

describe('declared page classes on POST lists, as Stainless pages them', () => {
  it('page a POST list whose page parameter is in the query, its filters in the body', () => {
    const spec = `${CLASSES}paths:
  /apps/list:
${withBody(list('search', q('cursor'), 'next_cursor: {type: string}', 'post'), 'filter: {type: object}')}
`;
    const [op] = operations(model(spec).root);
    expect(op?.pagination?.pageClass.name).toBe('CursorPagination');
    expect(op?.pagination?.paramsIn).toBeUndefined();
  });

  it('page a POST list whose page parameter is a field of its body, and say so', () => {
    const spec = `${CLASSES}paths:
  /search:
${withBody(list('search', '', 'next_cursor: {type: string}', 'post'), 'cursor: {type: string}, filter: {type: object}')}
`;
    const [op] = operations(model(spec).root);
    expect(op?.pagination?.pageClass.name).toBe('CursorPagination');
    expect(op?.pagination?.paramsIn).toBe('body');
  });

  it('page no POST that takes the parameter nowhere, nor a PUT', () => {
    const spec = `${CLASSES}paths:
  /search:
${withBody(list('search', '', 'next_cursor: {type: string}', 'post'), 'filter: {type: object}')}
  /replace:
${list('replace', q('cursor'), 'next_cursor: {type: string}', 'put')}
`;
    expect(pageClasses(spec)).toEqual({ search: '-', replace: '-' });
  });
});
