import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { allOperations } from '../../generator/model/collections.js';
import { placeLocator } from '../../generator/model/places.js';
import { specDir } from '../helpers/spec-files.js';

/**
 * Each parameter's `place` (a pointer, cheap to record) leads back to where the spec declares
 * it: wherever it is written (inline, on the path item, as a `$ref`, in another file, in a list
 * the loader inlined), in YAML and in JSON, at the place the model used to record eagerly.
 */
function placesOf(files: Record<string, string>, root: string): string[] {
  const cwd = specDir(files);
  const loaded = loadSpec(root, { cwd });
  const { model } = buildModel(loaded);
  const locate = placeLocator(loaded);
  return allOperations(model.root)
    .flatMap((operation) => [...operation.pathParams, ...operation.queryParams, ...operation.headerParams])
    .map((p) => {
      const at = p.place === undefined ? undefined : locate(p.place);
      const line = at === undefined ? '' : (loaded.sourceText(at.file)?.split('\n')[at.line - 1] ?? '');
      return `${p.name} ${at?.file}:${at?.line}:${at?.column} ${line.slice((at?.column ?? 1) - 1).trim()}`;
    });
}

const YAML_SPEC = `openapi: 3.1.0
info: { title: Places, version: "1" }
paths:
  /teams/{team_id}:
    parameters:
      - name: team_id
        in: path
        required: true
        schema: { type: string }
    get:
      operationId: getTeam
      parameters:
        - $ref: "#/components/parameters/a~1b"
        - name: expand
          in: query
          schema: { type: string }
      responses: { "200": { description: ok } }
  /users:
    $ref: "./users.yaml#/~1users"
components:
  parameters:
    a/b:
      name: X-Trace
      in: header
      schema: { type: string }
`;

// A list \`$ref\`ed where OpenAPI allows none, which the loader inlines as bundlers do.
const USERS = `/users:
  get:
    operationId: listUsers
    parameters:
      $ref: "#/x-paging"
    responses: { "200": { description: ok } }
x-paging:
  - name: cursor
    in: query
    schema: { type: string }
`;

describe('parameter places', () => {
  it('lead to each parameter where it is written, in YAML', () => {
    expect(placesOf({ 'openapi.yaml': YAML_SPEC, 'users.yaml': USERS }, 'openapi.yaml')).toEqual([
      'team_id openapi.yaml:6:9 name: team_id',
      'expand openapi.yaml:14:11 name: expand',
      'X-Trace openapi.yaml:23:7 name: X-Trace',
      'cursor users.yaml:8:5 name: cursor',
    ]);
  });

  it('lead to each parameter where it is written, in JSON', () => {
    const json = [
      '{"openapi": "3.0.3", "info": {"title": "J", "version": "1"}, "paths": {',
      ' "/a/{id}": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],',
      '  "get": {"operationId": "getA", "parameters": [',
      '   {"$ref": "#/components/parameters/q~0r"},',
      '   {"name": "page", "in": "query", "schema": {"type": "integer"}}],',
      '   "responses": {"200": {"description": "ok"}}}}},',
      ' "components": {"parameters": {"q~r": {"name": "q", "in": "query", "schema": {"type": "string"}}}}}',
    ].join('\n');
    expect(placesOf({ 'openapi.json': json }, 'openapi.json')).toEqual([
      'id openapi.json:2:29 {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],',
      'q openapi.json:7:39 {"name": "q", "in": "query", "schema": {"type": "string"}}}}}',
      'page openapi.json:5:4 {"name": "page", "in": "query", "schema": {"type": "integer"}}],',
    ]);
  });
});
