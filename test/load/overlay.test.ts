/**
 * OpenAPI Overlay 1.0: a user's changes to a spec they do not own, applied before loading.
 */
import { describe, expect, it } from 'vitest';
import { type Diagnostic, SpecError } from '../../generator/diagnostics.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { OperationModel, ResourceModel } from '../../generator/model/model.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const SPEC = openapi(
  [
    'tags: [{name: a}]',
    'paths:',
    '  /threads/runs:',
    '    post: {operationId: createThreadAndRun, responses: {"200": {description: ok}}}',
    '  /threads/{thread_id}/runs:',
    '    parameters: [{name: thread_id, in: path, required: true, schema: {type: string}}]',
    '    post: {operationId: createRun, responses: {"200": {description: ok}}}',
    '    get: {operationId: listRuns, responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}}}',
    '  /items:',
    '    get:',
    '      operationId: listItems',
    '      parameters: [{name: page_token, in: query, schema: {type: string}}]',
    '      responses:',
    '        "200":',
    '          description: ok',
    '          content:',
    '            application/json:',
    '              schema:',
    '                type: object',
    '                properties:',
    '                  entries: {type: array, items: {type: object, properties: {id: {type: string}}}}',
    '                  following: {type: string}',
    '  /internal/debug:',
    '    get: {operationId: debug, responses: {"200": {description: ok}}}',
    '',
  ].join('\n'),
);

const OVERLAY = `overlay: 1.0.0
info: {title: Our names, version: 1.0.0}
actions:
  - target: "$.paths['/threads/runs'].post"
    description: As the hand-made SDK calls it
    update: {x-sdkgen-resource: threads, x-sdkgen-method: createAndRun}
  - target: "$"
    update:
      x-sdkgen-pagination:
        TokenPage: {type: cursor, items: entries, cursorField: following, cursorParam: page_token}
  - target: "$.paths[*][?@.operationId == 'listItems']"
    update: {x-sdkgen-pagination: TokenPage}
  - target: "$.paths['/internal/debug']"
    remove: true
  - target: "$.tags"
    update: {name: b}
`;

function load(files: Record<string, string>, overlays: string[]) {
  return loadSpec('openapi.yaml', { cwd: specDir(files), overlays });
}

function diagnostics(files: Record<string, string>, overlays: string[]): Diagnostic[] {
  try {
    const loaded = load(files, overlays);
    return [...buildModel(loaded).diagnostics];
  } catch (error) {
    if (error instanceof SpecError) return [...error.diagnostics];
    throw error;
  }
}

const flatten = (r: ResourceModel): { call: string; op: OperationModel }[] => [
  ...r.operations.map((op) => ({ call: [...r.path, op.name].join('.'), op })),
  ...r.children.flatMap(flatten),
];

describe('overlays', () => {
  it('rename, declare pagination by a filter target, remove and append, in order, before anything reads the spec', () => {
    const loaded = load({ 'openapi.yaml': SPEC, 'names.overlay.yaml': OVERLAY }, ['names.overlay.yaml']);
    const { model, diagnostics: warnings } = buildModel(loaded);
    const found = flatten(model.root);
    expect(found.map((f) => `${f.call} ${f.op.method} ${f.op.path}`)).toEqual([
      'threads.createAndRun post /threads/runs',
      'threads.runs.create post /threads/{thread_id}/runs',
      'threads.runs.list get /threads/{thread_id}/runs',
      'items.list get /items',
    ]);
    expect(found.find((f) => f.op.path === '/items')?.op.pagination?.pageClass).toMatchObject({
      name: 'TokenPage',
      scheme: { type: 'cursor', cursorField: 'following' },
    });
    expect((loaded.root.value as { tags: unknown[] }).tags).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(warnings).toEqual([]);
    // The overlay is one of the spec's files, so --watch sees it and diagnostics can point into it.
    expect([...loaded.files.values()].map((f) => f.displayPath)).toEqual(['openapi.yaml', 'names.overlay.yaml']);
  });

  it('apply several overlays in the order given', () => {
    const second =
      'overlay: 1.0.0\ninfo: {title: t, version: "1"}\nactions:\n  - target: "$.paths[\'/threads/runs\'].post"\n    update: {x-sdkgen-method: startRun}\n';
    const loaded = load({ 'openapi.yaml': SPEC, 'a.yaml': OVERLAY, 'b.yaml': second }, ['a.yaml', 'b.yaml']);
    expect(flatten(buildModel(loaded).model.root)[0]?.call).toBe('threads.startRun');
  });

  it('warn, with the overlay’s line, about a target that matches nothing', () => {
    const overlay =
      'overlay: 1.0.0\ninfo: {title: t, version: "1"}\nactions:\n  - target: "$.paths[\'/nope\'].get"\n    update: {x-sdkgen-method: x}\n';
    const found = diagnostics({ 'openapi.yaml': SPEC, 'o.yaml': overlay }, ['o.yaml']);
    expect(
      found.map((d) => `${d.severity} ${d.code} ${d.location?.file}:${d.location?.line}:${d.location?.column}`),
    ).toEqual(['warning overlay-target-unmatched o.yaml:4:13', 'warning name-clash openapi.yaml:13:11']);
  });

  it('refuse a malformed overlay with errors located in it, and leave the spec alone', () => {
    const cases: [string, string][] = [
      [
        'overlay: 2.0.0\ninfo: {title: t, version: "1"}\nactions: [{target: $, update: {}}]\n',
        'overlay-invalid o.yaml:1:10',
      ],
      ['overlay: 1.0.0\ninfo: {title: t, version: "1"}\nactions: []\n', 'overlay-invalid o.yaml:3:10'],
      [
        'overlay: 1.0.0\ninfo: {title: t, version: "1"}\nactions:\n  - target: "$.paths[?"\n    update: {}\n',
        'overlay-target-invalid o.yaml:4:13',
      ],
      [
        'overlay: 1.0.0\ninfo: {title: t, version: "1"}\nactions:\n  - target: "$.info.title"\n    update: {x: 1}\n',
        'overlay-invalid o.yaml:5:13',
      ],
      [
        'overlay: 1.0.0\ninfo: {title: t, version: "1"}\nactions:\n  - target: "$.info"\n    updates: {x: 1}\n',
        'overlay-invalid o.yaml:5:5',
      ],
      [
        'overlay: 1.0.0\ninfo: {title: t, version: "1"}\nactions:\n  - target: "$.info"\n',
        'overlay-invalid o.yaml:4:5',
      ],
    ];
    for (const [overlay, expected] of cases) {
      const found = diagnostics({ 'openapi.yaml': SPEC, 'o.yaml': overlay }, ['o.yaml']);
      expect(
        found.map((d) => `${d.code} ${d.location?.file}:${d.location?.line}:${d.location?.column}`),
        overlay,
      ).toEqual([expected]);
    }
  });

  it('report an overlay file that does not exist', () => {
    expect(diagnostics({ 'openapi.yaml': SPEC }, ['missing.yaml']).map((d) => d.code)).toEqual(['file-unreadable']);
  });

  it('merge a key named __proto__ as a field, never as the prototype', () => {
    const overlay =
      'overlay: 1.0.0\ninfo: {title: t, version: "1"}\nactions:\n  - target: "$.info"\n    update: {__proto__: {polluted: true}}\n';
    const loaded = load({ 'openapi.yaml': SPEC, 'o.yaml': overlay }, ['o.yaml']);
    const info = (loaded.root.value as { info: object }).info;
    expect(Object.getPrototypeOf(info)).toBe(Object.prototype);
    expect(Object.keys(info)).toContain('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
