import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { allOperations } from '../../generator/model/collections.js';
import type { ParameterSerialization } from '../../generator/model/model.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const LIST = '{type: array, items: {type: string}}';
const OBJECT = '{type: object, properties: {kind: {type: string}}}';

/** One GET /things/{id} with the given parameters (YAML flow mappings), modelled. */
function build(parameters: readonly string[], components = '') {
  const yaml = openapi(`paths:
  /things/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
${parameters.map((p) => `        - ${p}`).join('\n')}
      responses: {"200": {description: ok}}
${components}`);
  const { model, diagnostics } = buildModel(loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': yaml }) }));
  const operation = allOperations(model.root)[0];
  const params = [
    ...(operation?.pathParams ?? []),
    ...(operation?.queryParams ?? []),
    ...(operation?.headerParams ?? []),
  ];
  const serialization = Object.fromEntries(params.map((p) => [p.name, p.serialization]));
  const warnings = diagnostics
    .filter((d) => d.severity === 'warning')
    .map((d) => `${d.code} ${d.location?.line}:${d.location?.column} ${d.message}`);
  return { serialization, warnings };
}

const s = (style: ParameterSerialization['style'], explode: boolean, more: Partial<ParameterSerialization> = {}) => ({
  style,
  explode,
  allowReserved: false,
  json: false,
  ...more,
});

describe("a parameter's serialization", () => {
  it('takes the defaults of its place: form exploded in the query and cookies, simple elsewhere, deepObject for a query object', () => {
    const { serialization, warnings } = build(
      [
        `{name: tags, in: query, schema: ${LIST}}`,
        `{name: filter, in: query, schema: {$ref: "#/components/schemas/Filter"}}`,
        `{name: X-Ids, in: header, schema: ${LIST}}`,
        '{name: session, in: cookie, schema: {type: string}}',
      ],
      `components:\n  schemas:\n    Filter: ${OBJECT}\n`,
    );
    expect(serialization).toEqual({
      id: s('simple', false),
      tags: s('form', true),
      filter: s('deepObject', true),
      'X-Ids': s('simple', false),
      session: s('form', true),
    });
    expect(warnings).toEqual([]);
  });

  it('keeps what the spec declares, with explode defaulting to true for form only', () => {
    const { serialization, warnings } = build([
      `{name: opt_fields, in: query, style: form, explode: false, schema: ${LIST}}`,
      `{name: ids, in: query, style: pipeDelimited, schema: ${LIST}}`,
      `{name: words, in: query, style: spaceDelimited, explode: false, schema: ${LIST}}`,
      `{name: where, in: query, style: form, schema: ${OBJECT}}`,
      `{name: next, in: query, allowReserved: true, schema: {type: string}}`,
      `{name: filter, in: query, content: {application/json: {schema: ${OBJECT}}}}`,
      `{name: X-Tags, in: header, explode: true, schema: ${OBJECT}}`,
    ]);
    expect(serialization).toMatchObject({
      opt_fields: s('form', false),
      ids: s('pipeDelimited', false),
      words: s('spaceDelimited', false),
      where: s('form', true),
      next: s('form', true, { allowReserved: true }),
      filter: s('form', true, { json: true }),
      'X-Tags': s('simple', true),
    });
    expect(warnings).toEqual([]);
  });

  it('warns, at the key, where OpenAPI leaves a combination undefined, and uses the default instead', () => {
    const { serialization, warnings } = build([
      `{name: tags, in: query, style: deepObject, schema: ${LIST}}`,
      `{name: sort, in: query, style: label, schema: {type: string}}`,
      `{name: ids, in: query, style: pipeDelimited, explode: true, schema: ${LIST}}`,
      `{name: filter, in: query, style: deepObject, explode: false, schema: ${OBJECT}}`,
      `{name: mode, in: query, style: tabDelimited, schema: {type: string}}`,
      `{name: X-Trace, in: header, style: form, allowReserved: true, schema: {type: string}}`,
      `{name: q, in: query, content: {application/xml: {schema: {type: string}}}}`,
    ]);
    expect(serialization).toMatchObject({
      tags: s('form', true),
      sort: s('form', true),
      ids: s('form', true),
      filter: s('deepObject', true),
      mode: s('form', true),
      'X-Trace': s('simple', false),
      q: s('form', true),
    });
    expect(warnings).toEqual([
      'parameter-style-unsupported 12:35 Parameter "tags" (query): `style: deepObject` is defined for objects only, and the schema is a list. It is sent as `form` (exploded).',
      'parameter-style-unsupported 13:35 Parameter "sort" (query): `style: label` is not a style of query parameters; query parameters take form, spaceDelimited, pipeDelimited, deepObject. It is sent as `form`.',
      'parameter-style-unsupported 14:56 Parameter "ids" (query): `style: pipeDelimited` is defined with `explode: false` only. It is sent as `form` (exploded), which repeats the name for each value.',
      'parameter-style-unsupported 15:56 Parameter "filter" (query): `style: deepObject` is defined with `explode: true` only. It is sent exploded (`name[key]=value`).',
      'parameter-style-unsupported 16:35 Parameter "mode" (query): `style: tabDelimited` is not an OpenAPI style; query parameters take form, spaceDelimited, pipeDelimited, deepObject. It is sent as `form`.',
      'parameter-style-unsupported 17:52 Parameter "X-Trace" (header): `allowReserved` applies to query parameters only; it is ignored.',
      'parameter-style-unsupported 17:39 Parameter "X-Trace" (header): `style: form` is not a style of header parameters; header parameters take simple. It is sent as `simple`.',
      'parameter-style-unsupported 18:32 Parameter "q" (query): `content: application/xml` is not JSON; the value is sent as text.',
    ]);
  });
});

describe('a style warning', () => {
  it('is given once for a parameter repeated on every operation', () => {
    const expand = `{name: expand, in: query, style: deepObject, explode: true, schema: ${LIST}}`;
    const yaml = openapi(`paths:
  /a:
    get:
      parameters: [${expand}]
      responses: {"200": {description: ok}}
  /b:
    get:
      parameters: [${expand}]
      responses: {"200": {description: ok}}
`);
    const { diagnostics } = buildModel(loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': yaml }) }));
    expect(diagnostics.map((d) => `${d.code} ${d.location?.line}`)).toEqual(['parameter-style-unsupported 10']);
  });
});
