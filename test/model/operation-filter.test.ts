import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { filterOf } from '../../generator/model/selectors.js';
import { formatPlan } from '../../generator/plan/format-plan.js';
import { planOf } from '../../generator/plan/plan.js';
import { allOperations } from '../helpers/model-of.js';
import { openapi, specDir } from '../helpers/spec-files.js';

// Mail with attachments (a union told apart by a discriminator, a folder tree that refers to
// itself), and an admin area that shares nothing with it but a base schema.
const SPEC = openapi(`paths:
  /me/messages:
    get:
      operationId: listMessages
      tags: [mail]
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Message' } } } } }
  /me/messages/{message-id}:
    parameters:
      - { name: message-id, in: path, required: true, schema: { type: string } }
    get:
      operationId: getMessage
      tags: [mail]
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Message' } } } }
    delete:
      operationId: deleteMessage
      tags: [mail]
      responses:
        '204': { description: gone }
  /me/folders:
    get:
      operationId: listFolders
      tags: [mail]
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Folder' } } } }
  /admin/audits:
    get:
      operationId: listAudits
      tags: [admin]
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Audit' } } } }
components:
  schemas:
    Entity:
      type: object
      properties: { id: { type: string } }
    Message:
      allOf:
        - $ref: '#/components/schemas/Entity'
        - type: object
          properties:
            subject: { type: string }
            attachments: { type: array, items: { $ref: '#/components/schemas/Attachment' } }
            extra: { type: object, additionalProperties: { $ref: '#/components/schemas/Header' } }
    Attachment:
      oneOf:
        - $ref: '#/components/schemas/FileAttachment'
        - $ref: '#/components/schemas/ItemAttachment'
      discriminator:
        propertyName: kind
        mapping:
          file: '#/components/schemas/FileAttachment'
          item: '#/components/schemas/ItemAttachment'
          reference: ReferenceAttachment
    FileAttachment:
      type: object
      required: [kind]
      properties: { kind: { type: string }, bytes: { type: string } }
    ItemAttachment:
      type: object
      required: [kind]
      properties: { kind: { type: string }, item: { $ref: '#/components/schemas/Message' } }
    ReferenceAttachment:
      type: object
      required: [kind]
      properties: { kind: { type: string }, url: { type: string } }
    Header:
      type: object
      properties: { value: { type: string } }
    Folder:
      type: object
      properties:
        name: { type: string }
        children: { type: array, items: { $ref: '#/components/schemas/Folder' } }
    Audit:
      allOf:
        - $ref: '#/components/schemas/Entity'
        - type: object
          properties: { actor: { $ref: '#/components/schemas/Actor' } }
    Actor:
      type: object
      properties: { name: { type: string } }
    Unused:
      type: object
      properties: { name: { type: string } }
`);

function build(include: string[], exclude: string[] = []) {
  return buildModel(
    loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': SPEC }) }),
    undefined,
    filterOf(include, exclude),
  );
}

const ids = (model: ReturnType<typeof build>['model']) => allOperations(model.root).map((o) => o.operationId);
const schemaNames = (model: ReturnType<typeof build>['model']) => model.schemas.map((s) => s.name).sort();

describe('--include / --exclude in the model', () => {
  it('keeps only the operations the filter keeps', () => {
    const { model } = build(['/me/messages/**'], ['method:DELETE']);
    expect(ids(model)).toEqual(['listMessages', 'getMessage']);
  });

  it('prunes the schemas no kept operation reaches, following $ref through allOf, items, additionalProperties, oneOf and a union’s discriminator mapping, cycles included', () => {
    const { model } = build(['/me/messages/**']);
    expect(schemaNames(model)).toEqual([
      'Attachment',
      'Entity',
      'FileAttachment',
      'Header',
      'ItemAttachment',
      'Message',
      'ReferenceAttachment',
    ]);
    expect(model.filtered?.prunedSchemas).toBe(4); // Folder, Audit, Actor, Unused
  });

  it('keeps a schema that refers to itself once, and prunes it with the operation that reaches it', () => {
    expect(schemaNames(build(['operationId:listFolders']).model)).toEqual(['Folder']);
    expect(schemaNames(build([], ['/me/folders']).model)).not.toContain('Folder');
  });

  it('gives every kept operation and schema the name the unfiltered build gives it', () => {
    const whole = buildModel(loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': SPEC }) })).model;
    const calls = (model: typeof whole) => new Map(planOf(model).methods.map((m) => [`${m.http} ${m.path}`, m.call]));
    const filtered = calls(build(['tag:mail'], ['operationId:listFolders']).model);
    const all = calls(whole);
    expect(filtered.size).toBe(3);
    for (const [route, call] of filtered) expect(call).toBe(all.get(route));
    expect(schemaNames(build(['tag:mail']).model).every((name) => whole.schemas.some((s) => s.name === name))).toBe(
      true,
    );
    expect(whole.filtered).toBeUndefined();
  });

  it('says what each selector did, and warns about one that matches nothing, with the closest match', () => {
    const { model, diagnostics } = build(['tag:mial', '/me/mesages/**', 'operationId:listAudits'], ['method:DELETE']);
    expect(model.filtered?.selectors).toEqual([
      { kind: 'include', text: 'tag:mial', matched: 0, leftOut: 0 },
      { kind: 'include', text: '/me/mesages/**', matched: 0, leftOut: 0 },
      { kind: 'include', text: 'operationId:listAudits', matched: 1, leftOut: 0 },
      { kind: 'exclude', text: 'method:DELETE', matched: 1, leftOut: 1 },
    ]);
    expect(diagnostics.filter((d) => d.code === 'filter-unmatched').map((d) => [d.message, d.hint])).toEqual([
      ["--include tag:mial matches none of the spec's 5 operations.", 'Did you mean tag:mail?'],
      ["--include /me/mesages/** matches none of the spec's 5 operations.", 'Did you mean /me/messages/**?'],
    ]);
  });
});

describe('sdkgen plan of a filtered spec', () => {
  it('lists each selector’s effect, the operations left out and why, and the schemas pruned', () => {
    const text = formatPlan(planOf(build(['/me/**'], ['method:DELETE', 'tag:nothing']).model), 'text');
    expect(text).toContain(
      [
        'filtered',
        '  --include /me/**         picks 4 operations',
        '  --exclude method:DELETE  leaves out 1 operation',
        '  --exclude tag:nothing    leaves out 0 operations',
        '  1 operation matched by no --include, left out',
        '  3 schemas of components.schemas pruned: no kept operation reaches them',
        '    DELETE /me/messages/{message-id}  --exclude method:DELETE (deleteMessage)',
        '    GET /admin/audits                 matched by no --include (listAudits)',
      ].join('\n'),
    );
    expect(text).toContain('3 methods; ');
    expect(text).toContain('; 2 left out by the filter. Nothing was written.');
  });
});
