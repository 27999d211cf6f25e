/**
 * Stainless streams a method only where its config says `streaming`: a method without it whose
 * operation answers JSON with an event stream beside it (Honcho's `sessions.chat`, whose body
 * has a `stream` flag) returns the JSON alone. The conversion writes `x-sdkgen-stream: false` there.
 */
import { describe, expect, it } from 'vitest';
import { applyOverlay } from '../../generator/load/overlay.js';
import { convertStainless } from '../../generator/load/stainless/convert.js';
import { parseSpecFile } from '../../generator/load/yaml-file.js';

const SPEC = `openapi: 3.1.0
info: {title: Chat API, version: 1.0.0}
paths:
  /chat:
    post:
      requestBody: {content: {application/json: {schema: {type: object, properties: {stream: {type: boolean}}}}}}
      responses:
        "200": {$ref: '#/components/responses/Answer'}
  /complete:
    post:
      requestBody: {content: {application/json: {schema: {type: object, properties: {stream: {type: boolean}}}}}}
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {type: object}}, text/event-stream: {}}
  /events:
    get:
      responses:
        "200": {description: ok, content: {text/event-stream: {schema: {type: string}}}}
components:
  responses:
    Answer:
      description: ok
      content: {application/json: {schema: {type: object}}, text/event-stream: {}}
`;

function streamExtensions(config: string): Record<string, unknown> {
  const spec = parseSpecFile('/x/openapi.yaml', 'openapi.yaml', SPEC).file;
  const document = structuredClone(spec.value) as Record<string, Record<string, Record<string, object>>>;
  const result = convertStainless(parseSpecFile('/x/stainless.yml', 'stainless.yml', config).file, document);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  applyOverlay(document, result.file);
  const paths = document['paths'] as Record<string, Record<string, Record<string, unknown>>>;
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [path, Object.values(item)[0]?.['x-sdkgen-stream']]),
  );
}

describe('streaming in a Stainless config', () => {
  it('writes x-sdkgen-stream: false on a method without `streaming` that answers JSON or events, a $ref answer too', () => {
    expect(
      streamExtensions(`resources:
  chat:
    methods:
      send: post /chat
      complete: {endpoint: post /complete}
      events: get /events
`),
    ).toEqual({ '/chat': false, '/complete': false, '/events': undefined });
  });

  it('leaves the stream to the spec where the method says `streaming`, and warns of what it does not read', () => {
    const config = `resources:
  chat:
    methods:
      complete: {endpoint: post /complete, streaming: {param_discriminator: stream, stream_event_model: chunk}}
`;
    const spec = parseSpecFile('/x/openapi.yaml', 'openapi.yaml', SPEC).file;
    const result = convertStainless(
      parseSpecFile('/x/stainless.yml', 'stainless.yml', config).file,
      spec.value as never,
    );
    expect(result.diagnostics.map((d) => `${d.location?.line} ${d.code}`)).toEqual(['4 stainless-key-unsupported']);
    expect(
      streamExtensions(`resources:
  chat:
    methods:
      complete: {endpoint: post /complete, streaming: {param_discriminator: stream}}
`),
    ).toMatchObject({ '/complete': undefined });
  });
});
