/**
 * `x-sdkgen-aliases` on an operation: the same endpoint called from more places, as a Stainless
 * config may list it (Luma AI: `generations.create` and `generations.video.create` are both
 * `post /generations/video`). Each place gets a method, a function and types of its own.
 */
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../generator/diagnostics.js';
import { generate } from '../../generator/generate.js';
import type { ResourceModel } from '../../generator/model/model.js';
import { modelOf as model } from '../helpers/model-of.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const spec = (aliases: string) => `x-sdkgen-client: {typeNames: per-method}
paths:
  /generations/video:
    post:
      operationId: createGeneration
      x-sdkgen-resource: generations
      x-sdkgen-method: create
      x-sdkgen-aliases: ${aliases}
      requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/GenerationRequest"}}}}
      responses: {"201": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Generation"}}}}}
components:
  schemas:
    GenerationRequest: {type: object, properties: {prompt: {type: string}}}
    Generation: {type: object, x-sdkgen-name: Generation, properties: {id: {type: string}}}
`;

/** `call -> route (function, params type)` for every method. */
function calls(r: ResourceModel): string[] {
  return [
    ...r.operations.map(
      (op) =>
        `${[...r.path, op.name].join('.')} -> ${op.method} ${op.path} (${op.functionName}, ${op.body?.type.kind === 'ref' ? op.body.type.name : '?'})`,
    ),
    ...r.children.flatMap(calls),
  ];
}

function errors(yaml: string): string[] {
  try {
    model(yaml);
    return [];
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return error.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.location?.line}`);
  }
}

describe('x-sdkgen-aliases', () => {
  it('makes the same call at every place it names, each with its own function and types', () => {
    expect(calls(model(spec('[generations.video.create, make]')).root)).toEqual([
      'make -> post /generations/video (make, MakeParams)',
      'generations.create -> post /generations/video (createGeneration, GenerationCreateParams)',
      'generations.video.create -> post /generations/video (generationsVideoCreate, VideoCreateParams)',
    ]);
  });

  it('emits each method calling the one endpoint', () => {
    const { files } = generate({
      spec: 'openapi.yaml',
      out: 'out',
      cwd: specDir({ 'openapi.yaml': openapi(spec('[generations.video.create]')) }),
      dist: false,
    });
    const video = files.find((f) => f.path === 'src/resources/generations/video.ts')?.contents ?? '';
    expect(video).toContain('create(body: VideoCreateParams, options?: RequestOptions): APIPromise<Generation>');
    expect(video).toContain("path: '/generations/video'");
  });

  it('is a located error unless a list of dotted call paths, and is read on an operation only', () => {
    expect(errors(spec('generations.video.create'))).toEqual(['extension-invalid 14']);
    expect(errors(spec('["generations.video-x.create"]'))).toEqual(['extension-invalid 14']);
    expect(
      errors(`${spec('[a.b]')}    Other: {type: object, x-sdkgen-aliases: [x.y]}\n`).map((e) => e.split(' ')[0]),
    ).toEqual(['extension-misplaced']);
  });

  it('clashes like any declared name', () => {
    expect(errors(spec('[generations.create]'))).toEqual(['method-duplicate 11']);
  });
});
