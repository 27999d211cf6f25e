/**
 * A header or query parameter that a client option sends on every request
 * (`x-sdkgen-client.options.<name>.header|query`) is the client's to fill, not the method's: the
 * method does not ask for it again, as Stainless leaves out what a `send_in_header` option sends.
 * The shape is The Prompting Company's (`@promptingcompany/sdk`): `get /api/v1/md/{id}` declares
 * the organization and product headers its client options send.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { allOperations, modelOf } from '../helpers/model-of.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const SPEC = (options: string) => `x-sdkgen-client:
  options: ${options}
paths:
  /md/{id}:
    get:
      operationId: getDocument
      x-sdkgen-resource: document
      x-sdkgen-method: get
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: x-tpc-organization-id, in: header, required: true, schema: {type: string}}
        - {name: X-Trace, in: header, schema: {type: string}}
        - {name: locale, in: query, schema: {type: string}}
        - {name: x-tpc-organization-id, in: cookie, schema: {type: string}}
      responses: {"200": {description: ok, content: {text/markdown: {schema: {type: string}}}}}
`;

const paramsOf = (options: string) =>
  allOperations(modelOf(SPEC(options)).root).flatMap((op) =>
    [...op.queryParams, ...op.headerParams].map((p) => `${p.in} ${p.name}`),
  );

describe('parameters a client option sends', () => {
  it('leaves out a header an option sends, whatever its case, and a query parameter likewise', () => {
    expect(paramsOf('{}')).toEqual([
      'query locale',
      'header x-tpc-organization-id',
      'header X-Trace',
      'cookie x-tpc-organization-id',
    ]);
    expect(
      paramsOf(
        '{organizationID: {type: string, header: X-Tpc-Organization-Id}, locale: {type: string, query: locale}}',
      ),
    ).toEqual(['header X-Trace', 'cookie x-tpc-organization-id']);
  });

  it('generates a method that takes no params when the client sends them all', () => {
    const { files } = generate({
      spec: 'openapi.yaml',
      out: 'out',
      cwd: specDir({
        'openapi.yaml': openapi(
          SPEC(
            '{organizationID: {type: string, header: x-tpc-organization-id}, trace: {type: string, header: X-Trace}, locale: {type: string, query: locale}}',
          ).replace(/ {8}- \{name: x-tpc-organization-id, in: cookie.*\n/, ''),
        ),
      }),
      dist: false,
    });
    const document = files.find((f) => f.path === 'src/resources/document.ts')?.contents ?? '';
    expect(document).toContain('get(id: string, options?: RequestOptions): APIPromise<string>');
  });
});
