/**
 * docs/naming.md, "Type names": the exported types are named by their role, the shallower
 * resource keeps the plain name, and no spec of the sweep corpus gets a number.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { ResourceModel } from '../../generator/model/model.js';
import { NameRegistry } from '../../generator/model/names.js';
import { specDir } from '../helpers/spec-files.js';

const item = { type: 'object', properties: { gid: { type: 'string' } } };
const list = { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: item } } } };
const one = { description: 'ok', content: { 'application/json': { schema: item } } };
const query = (name: string): object => ({ name, in: 'query', schema: { type: 'string' } });
const path = (name: string): object => ({ name, in: 'path', required: true, schema: { type: 'string' } });

/** Asana's shape: `GET /tasks`, and tasks again below projects, sections and workspaces. */
function asanaLike(order: 'nested first' | 'top first'): object {
  const nested = {
    '/projects/{project_gid}/tasks': {
      get: {
        operationId: 'getTasksForProject',
        parameters: [path('project_gid'), query('opt_fields')],
        responses: { '200': list },
      },
    },
    '/sections/{section_gid}/tasks': {
      get: {
        operationId: 'getTasksForSection',
        parameters: [path('section_gid'), query('opt_fields')],
        responses: { '200': list },
      },
    },
    '/workspaces/{w}/projects/{p}/tasks': {
      get: { parameters: [path('w'), path('p'), query('opt_fields')], responses: { '200': list } },
    },
  };
  const top = {
    '/tasks': { get: { operationId: 'getTasks', parameters: [query('project')], responses: { '200': list } } },
  };
  const paths = order === 'nested first' ? { ...nested, ...top } : { ...top, ...nested };
  return { openapi: '3.1.0', info: { title: 'Asana', version: '1' }, paths };
}

function build(doc: object) {
  return buildModel(loadSpec('openapi.json', { cwd: specDir({ 'openapi.json': JSON.stringify(doc) }) }));
}

/** `resource.path` → its class and its methods' params types. */
function typeNames(root: ResourceModel): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (r: ResourceModel): void => {
    if (r.path.length > 0) out[r.path.join('.')] = r.className;
    for (const op of r.operations)
      if (op.paramsTypeName !== undefined) out[`${[...r.path, op.name].join('.')}()`] = op.paramsTypeName;
    r.children.forEach(walk);
  };
  walk(root);
  return out;
}

describe('type names', () => {
  it('give the plain name to the shallower resource and qualify the others by their parents, whatever the order', () => {
    const expected = {
      tasks: 'Tasks',
      'tasks.list()': 'TaskListParams',
      'projects.tasks': 'ProjectTasks',
      'projects.tasks.list()': 'ProjectTaskListParams',
      'sections.tasks': 'SectionTasks',
      'sections.tasks.list()': 'SectionTaskListParams',
      'workspaces.projects.tasks': 'WorkspaceProjectTasks',
      'workspaces.projects.tasks.list()': 'WorkspaceProjectTaskListParams',
    };
    for (const order of ['nested first', 'top first'] as const) {
      const { model, diagnostics } = build(asanaLike(order));
      expect(typeNames(model.root)).toMatchObject(expected);
      expect(diagnostics.filter((d) => d.code === 'name-numbered')).toEqual([]);
    }
  });

  it('name an inline type that a schema of the spec already names by its operationId, else by its route', () => {
    const { model } = build({
      openapi: '3.1.0',
      info: { title: 'Items', version: '1' },
      components: { schemas: { ItemRetrieveResponse: item, NoteRetrieveResponse: item } },
      paths: {
        '/items/{id}': { get: { operationId: 'getItem', parameters: [path('id')], responses: { '200': one } } },
        '/notes/{id}': { get: { parameters: [path('id')], responses: { '200': one } } },
      },
    });
    const responses = model.root.children.map((r) => r.operations[0]?.response.type);
    expect(responses).toEqual([
      { kind: 'ref', name: 'GetItemResponse' },
      { kind: 'ref', name: 'GetNotesIdResponse' },
    ]);
  });

  it('name a schema referenced inside another by where it is, once its key and key + Schema are taken', () => {
    const labelOf = (owner: string): object => ({ $ref: `#/components/schemas/${owner}/properties/label` });
    const labelled = (pattern: string): object => ({
      type: 'object',
      properties: { label: { type: 'string', pattern } },
    });
    const { model, diagnostics } = build({
      openapi: '3.1.0',
      info: { title: 'Labels', version: '1' },
      components: {
        schemas: {
          Linode: labelled('a'),
          Volume: labelled('b'),
          LKECluster: labelled('c'),
          Uses: {
            type: 'object',
            properties: { a: labelOf('Linode'), b: labelOf('Volume'), c: labelOf('LKECluster') },
          },
        },
      },
      paths: {},
    });
    expect(model.schemas.map((s) => s.name)).toEqual(
      expect.arrayContaining(['label', 'labelSchema', 'LKEClusterLabel']),
    );
    expect(diagnostics.filter((d) => d.code === 'name-numbered')).toEqual([]);
  });

  it('number a name only when every name by role is taken, and say so', () => {
    const names = new NameRegistry(['Task', 'ProjectTask']);
    expect(names.claim('Task', 'ProjectTask')).toBe('Task2');
    expect(names.claim('Tag')).toBe('Tag');
    expect(names.numbered).toEqual([{ name: 'Task2', wanted: ['Task', 'ProjectTask'] }]);
  });
});
