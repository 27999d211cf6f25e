/**
 * Pagination found where a spec says it: other generators' extensions, OData's next links,
 * `Link` headers, envelopes of other names, unions of a page and an array; and, for a list
 * that cannot be followed, the reason `sdkgen plan` gives.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { OperationModel, ResourceModel } from '../../generator/model/model.js';
import { formatPlan } from '../../generator/plan/format-plan.js';
import { planOf } from '../../generator/plan/plan.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const operations = (r: ResourceModel): OperationModel[] => [...r.operations, ...r.children.flatMap(operations)];

interface Found {
  readonly scheme?: unknown;
  readonly declaredBy?: string | undefined;
  readonly envelope?: boolean;
  readonly unpaginated?: string | undefined;
}

/** How `GET /things` (the spec's only operation) pages, and the warnings. */
function paging(operation: string, components = ''): { found: Found; warnings: string[] } {
  const yaml = openapi(`paths:\n  /things:\n    get:\n${indent(operation, 6)}\n${components}`);
  const { model, diagnostics } = buildModel(loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': yaml }) }));
  const [op] = operations(model.root);
  const found: Found =
    op?.pagination === undefined
      ? { unpaginated: op?.unpaginated }
      : {
          scheme: op.pagination.pageClass.scheme,
          declaredBy: op.pagination.declaredBy,
          envelope: op.pagination.envelope,
        };
  return { found, warnings: diagnostics.map((d) => `${d.code}: ${d.message}`) };
}

const indent = (text: string, by: number): string =>
  text
    .trim()
    .split('\n')
    .map((line) => `${' '.repeat(by)}${line}`)
    .join('\n');

const q = (name: string, type = 'string'): string => `{name: ${name}, in: query, schema: {type: ${type}}}`;
const ok = (schema: string, headers = ''): string =>
  `responses:\n  "200":\n    description: ok${headers}\n    content: {application/json: {schema: ${schema}}}`;
const ITEM = '{type: object, properties: {id: {type: string}}}';

describe('pagination declared by other generators', () => {
  it("reads AutoRest's x-ms-pageable: a next link, or none for one page", () => {
    const page = `{type: object, properties: {value: {type: array, items: ${ITEM}}, nextLink: {type: string}}}`;
    expect(paging(`x-ms-pageable: {nextLinkName: nextLink}\n${ok(page)}`).found).toEqual({
      scheme: { type: 'next-url', items: 'value', urlField: 'nextLink' },
      declaredBy: 'x-ms-pageable',
      envelope: true,
    });
    const items = `{type: object, properties: {items: {type: array, items: ${ITEM}}}}`;
    expect(paging(`x-ms-pageable: {nextLinkName: null, itemName: items}\n${ok(items)}`).found.scheme).toEqual({
      type: 'single',
      items: 'items',
    });
  });

  it('warns where the extension names what the response lacks, and says why in the plan', () => {
    const page = `{type: object, properties: {value: {type: array, items: ${ITEM}}}}`;
    const { found, warnings } = paging(`x-ms-pageable: {nextLinkName: nextLink}\n${ok(page)}`);
    expect(found).toEqual({ unpaginated: 'x-ms-pageable the response has no field "nextLink"' });
    expect(warnings).toEqual([
      'pagination-unusable: x-ms-pageable on GET /things cannot be followed: it the response has no field "nextLink"; the method returns the first answer only.',
    ]);
  });

  it("reads Speakeasy's x-speakeasy-pagination: offsetLimit by page or offset, cursor, url", () => {
    const page = `{type: object, properties: {resultArray: {type: array, items: ${ITEM}}, next: {type: string}, pages: {type: integer}}}`;
    const speakeasy = (ext: string, params: string): Found =>
      paging(`parameters: [${params}]\nx-speakeasy-pagination: ${ext}\n${ok(page)}`).found;
    expect(
      speakeasy(
        '{type: offsetLimit, inputs: [{name: page, in: parameters, type: page}], outputs: {results: $.resultArray, numPages: $.pages}}',
        q('page', 'integer'),
      ).scheme,
    ).toEqual({ type: 'page-number', items: 'resultArray', pageParam: 'page', totalPages: 'pages' });
    expect(
      speakeasy(
        '{type: offsetLimit, inputs: [{name: skip, in: parameters, type: offset}], outputs: {results: $.resultArray}}',
        q('skip', 'integer'),
      ).scheme,
    ).toEqual({ type: 'offset', items: 'resultArray', offsetParam: 'skip' });
    expect(
      speakeasy(
        '{type: cursor, inputs: [{name: since, in: parameters, type: cursor}], outputs: {results: $.resultArray, nextCursor: $.next}}',
        q('since'),
      ).scheme,
    ).toEqual({ type: 'cursor', items: 'resultArray', cursorField: 'next', cursorParam: 'since' });
    expect(
      speakeasy(
        "{type: cursor, inputs: [{name: since, in: parameters, type: cursor}], outputs: {results: $.resultArray, nextCursor: '$.resultArray[-1].id'}}",
        q('since'),
      ).scheme,
    ).toEqual({ type: 'item-id', items: 'resultArray', idField: 'id', cursorParam: 'since' });
    expect(speakeasy('{type: url, outputs: {results: $.resultArray, nextUrl: $.next}}', q('limit')).scheme).toEqual({
      type: 'next-url',
      items: 'resultArray',
      urlField: 'next',
    });
    // What sdkgen cannot follow is said, not guessed at.
    expect(
      speakeasy('{type: url, outputs: {results: $.data.resultArray, nextUrl: $.next}}', q('limit')).unpaginated,
    ).toBe('x-speakeasy-pagination reads its results at $.data.resultArray; sdkgen reads items from a top-level field');
    expect(
      speakeasy(
        '{type: cursor, inputs: [{name: since, in: requestBody, type: cursor}], outputs: {nextCursor: $.next}}',
        q('since'),
      ).unpaginated,
    ).toBe("x-speakeasy-pagination sends its cursor in the request body; sdkgen sends the next page's in the query");
  });

  it('reads a cursor or next URL an extension names inside a nested object', () => {
    const page = `{type: object, properties: {data: {type: array, items: ${ITEM}}, next_page: {type: [object, "null"], properties: {offset: {type: string}, uri: {type: string}}}}}`;
    const declared = (ext: string): Found => paging(`parameters: [${q('offset')}]\n${ext}\n${ok(page)}`).found;
    expect(
      declared(
        'x-speakeasy-pagination: {type: cursor, inputs: [{name: offset, in: parameters, type: cursor}], outputs: {nextCursor: $.next_page.offset}}',
      ).scheme,
    ).toEqual({ type: 'cursor', items: 'data', cursorField: 'next_page.offset', cursorParam: 'offset' });
    expect(declared('x-fern-pagination: {next_uri: $response.next_page.uri, results: $response.data}').scheme).toEqual({
      type: 'next-url',
      items: 'data',
      urlField: 'next_page.uri',
    });
    expect(
      declared(
        'x-fern-pagination: {cursor: $request.offset, next_cursor: $response.next_page.missing, results: $response.data}',
      ).unpaginated,
    ).toBe('x-fern-pagination the response has no field "next_page.missing"');
  });

  it("reads Fern's x-fern-pagination: cursor, offset as pages or by a step, next_uri, and the document's own", () => {
    const page = `{type: object, properties: {data: {type: array, items: ${ITEM}}, next: {type: string}, has_more: {type: boolean}}}`;
    const fern = (ext: string, params: string, top = ''): Found =>
      paging(`parameters: [${params}]\nx-fern-pagination: ${ext}\n${ok(page)}`, top).found;
    expect(
      fern('{cursor: $request.after, next_cursor: $response.next, results: $response.data}', q('after')).scheme,
    ).toEqual({ type: 'cursor', items: 'data', cursorField: 'next', cursorParam: 'after' });
    expect(
      fern('{offset: $request.page, results: $response.data, has-next-page: $response.has_more}', q('page', 'integer'))
        .scheme,
    ).toEqual({ type: 'page-number', items: 'data', hasMore: 'has_more', pageParam: 'page' });
    expect(
      fern('{offset: $request.offset, step: $request.limit, results: $response.data}', q('offset', 'integer')).scheme,
    ).toEqual({ type: 'offset', items: 'data', offsetParam: 'offset' });
    expect(fern('{next_uri: $response.next, results: $response.data}', q('limit')).scheme).toEqual({
      type: 'next-url',
      items: 'data',
      urlField: 'next',
    });
    expect(
      fern(
        'true',
        q('after'),
        'x-fern-pagination: {cursor: $request.after, next_cursor: $response.next, results: $response.data}',
      ).declaredBy,
    ).toBe('x-fern-pagination');
  });
});

describe('pagination read from the response', () => {
  it("follows OData's @odata.nextLink over value, through an allOf (Microsoft Graph)", () => {
    const components = `components:
  schemas:
    Base: {type: object, properties: {"@odata.nextLink": {type: string, nullable: true}, "@odata.count": {type: integer}}}
    UserCollection:
      allOf:
        - $ref: '#/components/schemas/Base'
        - {type: object, properties: {value: {type: array, items: ${ITEM}}}}`;
    expect(
      paging(
        `parameters: [${q('$top', 'integer')}]\n${ok("{$ref: '#/components/schemas/UserCollection'}")}`,
        components,
      ).found.scheme,
    ).toEqual({ type: 'next-url', items: 'value', urlField: '@odata.nextLink' });
  });

  it('follows a Link header (RFC 8288) on a bare array, or counts its pages, or ends at an empty one', () => {
    const linked = `\n    headers: {Link: {schema: {type: string}}}`;
    const array = `{type: array, items: ${ITEM}}`;
    expect(
      paging(`parameters: [${q('per_page', 'integer')}, ${q('page', 'integer')}]\n${ok(array, linked)}`).found,
    ).toEqual({
      scheme: { type: 'link-header', items: 'data' },
      declaredBy: undefined,
      envelope: false,
    });
    expect(paging(`parameters: [${q('page', 'integer')}]\n${ok(array)}`).found.scheme).toEqual({
      type: 'page-number',
      items: 'data',
      pageParam: 'page',
    });
    expect(paging(`parameters: [${q('after')}]\n${ok(array)}`).found).toEqual({
      unpaginated: 'it takes "after", but its answer is a bare array, with no cursor to send back',
    });
  });

  it('finds the items beside warnings, or by the path, in an offset envelope (eBay)', () => {
    const page = `{type: object, properties: {href: {type: string}, next: {type: string}, limit: {type: integer}, offset: {type: integer}, total: {type: integer}, orders: {type: array, items: ${ITEM}}, warnings: {type: array, items: {type: object}}}}`;
    expect(
      paging(`parameters: [${q('limit', 'integer')}, ${q('offset', 'integer')}]\n${ok(page)}`).found.scheme,
    ).toEqual({ type: 'offset', items: 'orders', offsetParam: 'offset', total: 'total' });
  });

  it('pages a union of a page and an array by its page, typed as the page alone (SoundCloud)', () => {
    const components = `components:
  schemas:
    Tracks: {type: array, items: ${ITEM}}
    TracksList: {type: object, properties: {collection: {$ref: '#/components/schemas/Tracks'}, next_href: {type: string}}}`;
    const union = "{oneOf: [{$ref: '#/components/schemas/Tracks'}, {$ref: '#/components/schemas/TracksList'}]}";
    expect(paging(`parameters: [${q('limit', 'integer')}]\n${ok(union)}`, components).found).toEqual({
      scheme: { type: 'next-url', items: 'collection', urlField: 'next_href' },
      declaredBy: undefined,
      envelope: false,
    });
  });

  it('says why a list is not paginated', () => {
    const page = (fields: string): string =>
      `{type: object, properties: {data: {type: array, items: ${ITEM}}${fields}}}`;
    expect(paging(ok(page(', has_more: {type: boolean}, next_page: {type: string}'))).found.unpaginated).toBe(
      'the response has "has_more" and "next_page", but the operation takes no cursor, page or offset parameter to ask for the next page',
    );
    expect(paging(`parameters: [${q('limit', 'integer')}]\n${ok(page(''))}`).found.unpaginated).toBe(
      'it takes "limit", but neither its response nor its parameters say how to reach a next page',
    );
    const twoArrays = `{type: object, properties: {a: {type: array, items: ${ITEM}}, b: {type: array, items: ${ITEM}}, total: {type: integer}}}`;
    expect(paging(`parameters: [${q('offset', 'integer')}]\n${ok(twoArrays)}`).found.unpaginated).toBeUndefined();
    const yaml = openapi(`paths:\n  /things:\n    get:\n${indent(ok(page(', has_more: {type: boolean}')), 6)}\n`);
    const { model } = buildModel(loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': yaml }) }));
    expect(formatPlan(planOf(model), 'text')).toContain(
      'not paginated: the response has "has_more", but the operation takes no cursor, page or offset parameter to ask for the next page',
    );
  });
});
