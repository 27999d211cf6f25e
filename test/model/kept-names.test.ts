import { describe, expect, it } from 'vitest';
import { parseNamesLock } from '../../generator/config/names-lock.js';
import { emitSources } from '../../generator/emit/emit-package.js';
import { namesLockFile } from '../../generator/emit/files/names-lock-file.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { type BuildResult, buildModel } from '../../generator/model/build-model.js';
import type { NamesLock } from '../../generator/model/kept-names.js';
import type { ApiModel, ResourceModel } from '../../generator/model/model.js';
import { ROOT } from '../helpers/paths.js';
import { openapi, specDir } from '../helpers/spec-files.js';

/** The model of a small spec, keeping the names of `lock` (what an earlier run wrote) unless `rename` names them. */
function build(yaml: string, lock?: NamesLock, rename?: readonly string[]): BuildResult {
  const cwd = specDir({ 'openapi.yaml': openapi(yaml) });
  return buildModel(loadSpec('openapi.yaml', { cwd }), lock === undefined ? undefined : { lock, rename });
}

/** The lock a run of this model writes, read back as the next run reads it. */
const lockOf = (model: ApiModel): NamesLock =>
  parseNamesLock(namesLockFile(model).contents, 'generated/.sdkgen-names.json');

/** `POST /threads/runs` → `threads.runs.create`, for every operation. */
function calls(model: ApiModel): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (r: ResourceModel): void => {
    for (const op of r.operations) out[`${op.method.toUpperCase()} ${op.path}`] = [...r.path, op.name].join('.');
    r.children.forEach(walk);
  };
  walk(model.root);
  return out;
}

/** Each operation's params type and function, by route. */
function typesOf(model: ApiModel): Record<string, [string | undefined, string]> {
  const out: Record<string, [string | undefined, string]> = {};
  const walk = (r: ResourceModel): void => {
    for (const op of r.operations) out[`${op.method.toUpperCase()} ${op.path}`] = [op.paramsTypeName, op.functionName];
    r.children.forEach(walk);
  };
  walk(model.root);
  return out;
}

function classes(model: ApiModel): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (r: ResourceModel): void => {
    if (r.path.length > 0) out[r.path.join('.')] = r.className;
    r.children.forEach(walk);
  };
  walk(model.root);
  return out;
}

const QUERY = '      parameters: [{ name: q, in: query, schema: { type: string } }]\n';
const answer =
  "responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } } }";
const op = (id: string, extra = ''): string => `      operationId: ${id}\n${extra}      ${answer}\n`;
const param = (...names: string[]): string =>
  `    parameters: [${names.map((n) => `{ name: ${n}, in: path, required: true, schema: { type: string } }`).join(', ')}]\n`;

// openai's shape: `POST /threads/runs` alone is `threads.runs.create`, until the runs of one thread arrive.
const THREAD_RUNS = `  /threads/runs:\n    post:\n${op('createThreadAndRun')}`;
const RUNS_OF_A_THREAD =
  `  /threads/{thread_id}/runs:\n${param('thread_id')}    post:\n${op('createRun')}` +
  `  /threads/{thread_id}/runs/{run_id}:\n${param('thread_id', 'run_id')}    get:\n${op('getRun')}`;

describe('the names lock', () => {
  it.each(['hostile', 'multi-file', 'stainless-names', 'stainless-client', 'digitalocean-shape', 'bookstore'])(
    'changes nothing in the output of %s when it is its own',
    (fixture) => {
      const loaded = () => loadSpec(`test/fixtures/${fixture}/openapi.yaml`, { cwd: ROOT });
      const first = buildModel(loaded()).model;
      const again = buildModel(loaded(), { lock: lockOf(first) });
      expect(again.diagnostics.filter((d) => d.code.startsWith('name'))).toEqual(
        buildModel(loaded()).diagnostics.filter((d) => d.code.startsWith('name')),
      );
      expect(emitSources(again.model, 'sdkgen generate')).toEqual(emitSources(first, 'sdkgen generate'));
    },
  );

  it('keeps a name that a new sibling operation would take: the newcomer gets the other name', () => {
    const first = build(`paths:\n${THREAD_RUNS}`).model;
    expect(calls(first)).toEqual({ 'POST /threads/runs': 'threads.runs.create' });
    // Without the lock, the canonical newcomer wins `create` and the existing method is renamed.
    expect(calls(build(`paths:\n${THREAD_RUNS}${RUNS_OF_A_THREAD}`).model)['POST /threads/runs']).toBe(
      'threads.runs.createThreadAndRun',
    );
    const { model, diagnostics } = build(`paths:\n${THREAD_RUNS}${RUNS_OF_A_THREAD}`, lockOf(first));
    expect(calls(model)).toEqual({
      'POST /threads/runs': 'threads.runs.create',
      'POST /threads/{thread_id}/runs': 'threads.runs.createRun',
      'GET /threads/{thread_id}/runs/{run_id}': 'threads.runs.retrieve',
    });
    expect(model.root.children[0]?.children[0]?.operations[0]?.naming.kept).toBe(true);
    expect(diagnostics.filter((d) => d.code === 'name-clash').map((d) => d.message)).toEqual([
      expect.stringContaining('POST /threads/{thread_id}/runs would be threads.runs.create()'),
    ]);
  });

  it('keeps a method whose name a new child resource would take: the resource is <name>Resource', () => {
    const pet = param('id');
    const VACCINATE = `  /pets/{id}/vaccinate:\n${pet}    post:\n${op('vaccinatePet')}  /pets/{id}:\n${pet}    get:\n${op('getPet')}`;
    const RECORDS = `  /pets/{id}/vaccinate/records:\n${pet}    get:\n${op('listVaccinationRecords')}`;
    const first = build(`paths:\n${VACCINATE}`).model;
    expect(calls(first)['POST /pets/{id}/vaccinate']).toBe('pets.vaccinate');
    // Without the lock, the new resource takes the name and the existing method is renamed.
    expect(calls(build(`paths:\n${VACCINATE}${RECORDS}`).model)['POST /pets/{id}/vaccinate']).not.toBe(
      'pets.vaccinate',
    );
    const { model } = build(`paths:\n${VACCINATE}${RECORDS}`, lockOf(first));
    expect(calls(model)).toEqual({
      'POST /pets/{id}/vaccinate': 'pets.vaccinate',
      'GET /pets/{id}': 'pets.retrieve',
      'GET /pets/{id}/vaccinate/records': 'pets.vaccinateResource.records.retrieve',
    });
    // The next run keeps the resource's name too, and nothing moves.
    const again = build(`paths:\n${VACCINATE}${RECORDS}`, lockOf(model)).model;
    expect(calls(again)).toEqual(calls(model));
  });

  const TASKS = (first: string, second: string): string =>
    [first, second]
      .map(
        (parent) =>
          `  /${parent}/{id}/tasks:\n${param('id')}    get:\n${op(`list${parent}Tasks`, QUERY)}    post:\n${op(`create${parent}Task`)}`,
      )
      .join('');

  it('keeps every name when the paths are reordered', () => {
    const first = build(`paths:\n${TASKS('projects', 'workspaces')}`).model;
    expect(classes(first)).toMatchObject({ 'projects.tasks': 'Tasks', 'workspaces.tasks': 'WorkspaceTasks' });
    // Without the lock, the first resource of a depth takes the plain class name.
    expect(classes(build(`paths:\n${TASKS('workspaces', 'projects')}`).model)).toMatchObject({
      'workspaces.tasks': 'Tasks',
    });
    const reordered = build(`paths:\n${TASKS('workspaces', 'projects')}`, lockOf(first)).model;
    expect(classes(reordered)).toEqual(classes(first));
    expect(calls(reordered)).toEqual(calls(first));
    expect(typesOf(reordered)).toEqual(typesOf(first));
    expect(namesLockFile(reordered).contents).toBe(namesLockFile(first).contents);
  });

  it('keeps the params type a new shallower resource would take', () => {
    const list = (path: string, id: string): string =>
      `  ${path}:\n${path.includes('{') ? param('id') : ''}    get:\n      operationId: ${id}\n${QUERY}      responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } } }\n`;
    const first = build(`paths:\n${list('/projects/{id}/tasks', 'listProjectTasks')}`).model;
    expect(typesOf(first)).toEqual({ 'GET /projects/{id}/tasks': ['TaskListParams', 'listProjectTasks'] });
    const grown = `paths:\n${list('/projects/{id}/tasks', 'listProjectTasks')}${list('/tasks', 'listTasks')}`;
    // Without the lock, the top-level resource claims the plain name first.
    expect(typesOf(build(grown).model)['GET /projects/{id}/tasks']?.[0]).toBe('ProjectTaskListParams');
    const { model } = build(grown, lockOf(first));
    expect(typesOf(model)).toEqual({
      'GET /projects/{id}/tasks': ['TaskListParams', 'listProjectTasks'],
      'GET /tasks': ['ListTasksParams', 'listTasks'],
    });
    expect(lockOf(model).types.get('GET /projects/{id}/tasks')).toEqual(
      new Map([
        ['Params', 'TaskListParams'],
        ['function', 'listProjectTasks'],
      ]),
    );
  });

  it('drops the entries of an operation that is gone and keeps the others', () => {
    const first = build(`paths:\n${THREAD_RUNS}${RUNS_OF_A_THREAD}`).model;
    const { model } = build(`paths:\n${RUNS_OF_A_THREAD}`, lockOf(first));
    const lock = lockOf(model);
    expect([...lock.operations.keys()]).toEqual([
      'POST /threads/{thread_id}/runs',
      'GET /threads/{thread_id}/runs/{run_id}',
    ]);
    expect(lock.operations.get('POST /threads/{thread_id}/runs')).toEqual(['threads', 'runs', 'create']);
  });

  it('keeps an operation whose path parameter was renamed, and writes its new route', () => {
    const first = build(`paths:\n  /pets/{id}/toys:\n${param('id')}    get:\n${op('listToys')}`).model;
    const lock = lockOf(first);
    const renamed = `paths:\n  /pets/{pet_id}/toys:\n${param('pet_id')}    get:\n${op('listToys')}`;
    const { model } = build(renamed, {
      ...lock,
      operations: new Map([['GET /pets/{id}/toys', ['pets', 'playthings', 'list']]]),
    });
    expect(calls(model)).toEqual({ 'GET /pets/{pet_id}/toys': 'pets.playthings.list' });
    expect([...lockOf(model).operations.keys()]).toEqual(['GET /pets/{pet_id}/toys']);
  });

  it("finds a route by its shape only where no operation of the spec has the entry's own route", () => {
    const items = (...names: string[]): string =>
      `paths:\n${names.map((n) => `  /items/{${n}}:\n${param(n)}    get:\n${op(`get_${n}`)}`).join('')}`;
    // An older generator named it `fetch`.
    const lock = {
      ...lockOf(build(items('key')).model),
      operations: new Map([['GET /items/{key}', ['items', 'fetch']]]),
    };
    const { model } = build(items('key', 'id'), lock);
    expect(calls(model)).toEqual({ 'GET /items/{key}': 'items.fetch', 'GET /items/{id}': 'items.retrieve' });
    expect(model.root.children[0]?.operations.map((o) => o.naming.kept ?? false)).toEqual([true, false]);
  });

  it('lets a declared name win over a kept one: the kept operation is named afresh, with a warning', () => {
    const first = build(`paths:\n${THREAD_RUNS}`).model;
    const declared = `  /threads/{thread_id}/runs:\n${param('thread_id')}    post:\n${op('createRun', '      x-sdkgen-resource: threads.runs\n      x-sdkgen-method: create\n')}`;
    const { model, diagnostics } = build(`paths:\n${THREAD_RUNS}${declared}`, lockOf(first));
    expect(calls(model)).toEqual({
      'POST /threads/runs': 'threads.runs.createThreadAndRun',
      'POST /threads/{thread_id}/runs': 'threads.runs.create',
    });
    expect(diagnostics.find((d) => d.code === 'name-kept-taken')?.message).toBe(
      'This operation was threads.runs.create() (generated/.sdkgen-names.json), but a declared name has threads.runs.create() now; it is named afresh.',
    );
  });

  it('lets x-sdkgen-method rename the operation it is on, over its kept name', () => {
    const first = build(`paths:\n${THREAD_RUNS}`).model;
    const declared = `paths:\n  /threads/runs:\n    post:\n${op('createThreadAndRun', '      x-sdkgen-method: createAndRun\n')}`;
    expect(calls(build(declared, lockOf(first)).model)).toEqual({ 'POST /threads/runs': 'threads.runs.createAndRun' });
  });

  it('keeps the type name of a component schema that a new schema would take', () => {
    const schemas = (keys: string[]): string =>
      `paths: {}\ncomponents:\n  schemas:\n${keys.map((k) => `    ${k}: { type: object, properties: { id: { type: string } } }\n`).join('')}`;
    const first = build(schemas(['pet-toy'])).model;
    expect(first.schemas.map((s) => s.name)).toEqual(['PetToy']);
    // Without the lock, a new `PetToy` listed first takes the name `pet-toy` had.
    expect(build(schemas(['PetToy', 'pet-toy'])).model.schemas.map((s) => s.name)).toEqual(['PetToy', 'PetToySchema']);
    const { model } = build(schemas(['PetToy', 'pet-toy']), lockOf(first));
    expect(Object.fromEntries(model.schemas.map((s) => [s.componentKey, s.name]))).toEqual({
      PetToy: 'PetToySchema',
      'pet-toy': 'PetToy',
    });
    expect([...lockOf(model).schemas]).toEqual([
      ['#/components/schemas/PetToy', 'PetToySchema'],
      ['#/components/schemas/pet-toy', 'PetToy'],
    ]);
  });

  it('names afresh, with a warning, a kept type name that a declared one takes or that is no type name', () => {
    const first = build(
      'paths: {}\ncomponents:\n  schemas:\n    pet-toy: { type: object }\n    Owner: { type: object }\n',
    ).model;
    const lock = lockOf(first);
    const edited = { ...lock, schemas: new Map([...lock.schemas].map(([k, v]) => [k, v === 'Owner' ? 'delete' : v])) };
    const spec =
      'paths: {}\ncomponents:\n  schemas:\n    Toy: { type: object, x-sdkgen-name: PetToy }\n    pet-toy: { type: object }\n    Owner: { type: object }\n';
    const { model, diagnostics } = build(spec, edited);
    expect(Object.fromEntries(model.schemas.map((s) => [s.componentKey, s.name]))).toEqual({
      Toy: 'PetToy',
      'pet-toy': 'PetToySchema',
      Owner: 'Owner',
    });
    expect(diagnostics.filter((d) => d.code === 'name-kept-taken').map((d) => d.message.split(' (')[0])).toEqual([
      '#/components/schemas/pet-toy was PetToy',
      '#/components/schemas/Owner was delete',
    ]);
  });

  describe('--rename', () => {
    const grown = `paths:\n${THREAD_RUNS}${RUNS_OF_A_THREAD}`;
    const lock = (): NamesLock => lockOf(build(`paths:\n${THREAD_RUNS}`).model);

    it.each([
      ['createThreadAndRun'],
      ['POST /threads/runs'],
      ['post /threads/runs'],
      ['threads.runs.create'],
      ['threads'],
    ])('%s names that operation afresh', (target) => {
      const { model, diagnostics } = build(grown, lock(), [target]);
      expect(calls(model)['POST /threads/runs']).toBe('threads.runs.createThreadAndRun');
      expect(diagnostics.some((d) => d.code === 'rename-unmatched')).toBe(false);
    });

    it('warns of a target that matches nothing', () => {
      const { model, diagnostics } = build(grown, lock(), ['thread.run']);
      expect(calls(model)['POST /threads/runs']).toBe('threads.runs.create');
      expect(diagnostics.find((d) => d.code === 'rename-unmatched')?.message).toBe(
        '--rename thread.run matches no name in generated/.sdkgen-names.json.',
      );
    });

    it('names a schema afresh by its key or its name', () => {
      const first = build('paths: {}\ncomponents:\n  schemas:\n    pet-toy: { type: object }\n').model;
      const both = 'paths: {}\ncomponents:\n  schemas:\n    PetToy: { type: object }\n    pet-toy: { type: object }\n';
      for (const target of ['pet-toy', 'PetToy', '#/components/schemas/pet-toy'])
        expect(build(both, lockOf(first), [target]).model.schemas.map((s) => s.name)).toEqual([
          'PetToy',
          'PetToySchema',
        ]);
    });
  });
});
