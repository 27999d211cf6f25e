// OpenAPI's "Style Examples" table (3.0.4 / 3.1.1 / 3.2), row by row: a client generated from
// a spec with one operation per row and kind of value sends exactly the table's text to a real
// server on 127.0.0.1, and the mock reads that text back into the value. openapi-fetch's
// serializers agree where they cover the row.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serializeArrayParam, serializeObjectParam } from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import type { SchemaLookup } from '../../generator/mock/fake-data.js';
import { startMockServer } from '../../generator/mock/mock-server.js';
import { readCookieParam, readHeaderParam, readPathParam, readQueryParam } from '../../generator/mock/params.js';
import { allOperations } from '../../generator/model/collections.js';
import type { ApiModel, ParameterModel } from '../../generator/model/model.js';
import { modelSpec } from '../../generator/model-spec.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { specDir } from '../helpers/spec-files.js';

type Place = 'path' | 'query' | 'header' | 'cookie';
type Kind = 'empty' | 'string' | 'array' | 'object';

/** A row of the table: what each kind of value is written as; `null` where sdkgen refuses it (said why below). */
interface Row {
  readonly place: Place;
  readonly style: string;
  readonly explode: boolean;
  readonly cells: Partial<Record<Kind, string | null>>;
}

const VALUES: Record<Kind, unknown> = {
  empty: '',
  string: 'blue',
  array: ['blue', 'black', 'brown'],
  object: { R: 100, G: 200, B: 150 },
};

const SCHEMAS: Record<Kind, string> = {
  empty: '{type: string}',
  string: '{type: string}',
  array: '{type: array, items: {type: string}}',
  object: '{type: object, properties: {R: {type: integer}, G: {type: integer}, B: {type: integer}}}',
};

// The table, as the spec prints it (percent-encoded; `?` and the path's `/` left out). A path
// segment of `.` or nothing is refused: URL parsers drop it, and the request would reach another path.
const TABLE: readonly Row[] = [
  {
    place: 'path',
    style: 'matrix',
    explode: false,
    cells: {
      empty: ';color',
      string: ';color=blue',
      array: ';color=blue,black,brown',
      object: ';color=R,100,G,200,B,150',
    },
  },
  {
    place: 'path',
    style: 'matrix',
    explode: true,
    cells: {
      empty: ';color',
      string: ';color=blue',
      array: ';color=blue;color=black;color=brown',
      object: ';R=100;G=200;B=150',
    },
  },
  {
    place: 'path',
    style: 'label',
    explode: false,
    cells: { empty: null, string: '.blue', array: '.blue,black,brown', object: '.R,100,G,200,B,150' },
  },
  {
    place: 'path',
    style: 'label',
    explode: true,
    cells: { empty: null, string: '.blue', array: '.blue.black.brown', object: '.R=100.G=200.B=150' },
  },
  {
    place: 'path',
    style: 'simple',
    explode: false,
    cells: { empty: null, string: 'blue', array: 'blue,black,brown', object: 'R,100,G,200,B,150' },
  },
  {
    place: 'path',
    style: 'simple',
    explode: true,
    cells: { empty: null, string: 'blue', array: 'blue,black,brown', object: 'R=100,G=200,B=150' },
  },
  {
    place: 'header',
    style: 'simple',
    explode: false,
    cells: { empty: '', string: 'blue', array: 'blue,black,brown', object: 'R,100,G,200,B,150' },
  },
  {
    place: 'header',
    style: 'simple',
    explode: true,
    cells: { empty: '', string: 'blue', array: 'blue,black,brown', object: 'R=100,G=200,B=150' },
  },
  {
    place: 'cookie',
    style: 'form',
    explode: false,
    cells: {
      empty: 'color=',
      string: 'color=blue',
      array: 'color=blue,black,brown',
      object: 'color=R,100,G,200,B,150',
    },
  },
  {
    place: 'cookie',
    style: 'form',
    explode: true,
    cells: {
      empty: 'color=',
      string: 'color=blue',
      array: 'color=blue&color=black&color=brown',
      object: 'R=100&G=200&B=150',
    },
  },
  {
    place: 'query',
    style: 'form',
    explode: false,
    cells: {
      empty: 'color=',
      string: 'color=blue',
      array: 'color=blue,black,brown',
      object: 'color=R,100,G,200,B,150',
    },
  },
  {
    place: 'query',
    style: 'form',
    explode: true,
    cells: {
      empty: 'color=',
      string: 'color=blue',
      array: 'color=blue&color=black&color=brown',
      object: 'R=100&G=200&B=150',
    },
  },
  {
    place: 'query',
    style: 'spaceDelimited',
    explode: false,
    cells: { array: 'color=blue%20black%20brown', object: 'color=R%20100%20G%20200%20B%20150' },
  },
  {
    place: 'query',
    style: 'pipeDelimited',
    explode: false,
    cells: { array: 'color=blue%7Cblack%7Cbrown', object: 'color=R%7C100%7CG%7C200%7CB%7C150' },
  },
  {
    place: 'query',
    style: 'deepObject',
    explode: true,
    cells: { object: 'color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150' },
  },
];

interface Case {
  readonly row: Row;
  readonly kind: Kind;
  readonly expected: string | null;
  readonly method: string;
  readonly path: string;
}

const CASES: readonly Case[] = TABLE.flatMap((row) =>
  (Object.entries(row.cells) as [Kind, string | null][]).map(([kind, expected]) => {
    const method = `${row.place}_${row.style}_${row.explode}_${kind}`.replace(/_(\w)/g, (_, c: string) =>
      c.toUpperCase(),
    );
    return { row, kind, expected, method, path: `/${row.place}/${row.style}-${row.explode}-${kind}` };
  }),
);

const SPEC = `openapi: 3.1.0
info: {title: Styles, version: 1.0.0}
servers: [{url: https://styles.example/v1}]
paths:
${CASES.map(
  ({ row, kind, method, path }) => `  ${path}${row.place === 'path' ? '/{color}' : ''}:
    get:
      x-sdkgen-resource: styles
      x-sdkgen-method: ${method}
      parameters:
        - {name: color, in: ${row.place}, required: true, style: ${row.style}, explode: ${row.explode}, schema: ${SCHEMAS[kind]}}
      responses: {"200": {description: ok, content: {application/json: {schema: {type: object}}}}}`,
).join('\n')}
`;

type Call = (valueOrParams: unknown) => Promise<unknown>;
let Client: new (options: { baseURL: string }) => { styles: Record<string, Call> };
let model: ApiModel;
let lookup: SchemaLookup;
let stylesSource: string;
const dirs: string[] = [];

beforeAll(async () => {
  const dir = specDir({ 'openapi.yaml': SPEC });
  const out = mkdtempSync(join(tmpdir(), 'sdkgen-styles-'));
  dirs.push(dir, out);
  const { files } = generate({ spec: 'openapi.yaml', out, cwd: dir });
  writeOutput(out, planOutput(out, files));
  Client = ((await import(pathToFileURL(join(out, 'dist/index.js')).href)) as { default: typeof Client }).default;
  stylesSource = readFileSync(join(out, 'src/resources/styles.ts'), 'utf8');
  model = modelSpec(join(dir, 'openapi.yaml'), '/').model;
  const schemas = new Map(model.schemas.map((s) => [s.name, s]));
  lookup = (name) => schemas.get(name);
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A server on 127.0.0.1 that records what each request sent. */
async function recording(): Promise<{ baseURL: string; sent: IncomingMessage[]; close: () => Promise<void> }> {
  const sent: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    sent.push(req);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    sent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What the request put where the row's parameter lives. */
function written(req: IncomingMessage, { row, path }: Case): string | undefined {
  const url = req.url ?? '';
  switch (row.place) {
    case 'path':
      return url.slice(`/v1${path}/`.length);
    case 'query':
      return url.slice(`/v1${path}?`.length);
    case 'header':
      return req.headers['color'] as string | undefined;
    case 'cookie':
      return req.headers.cookie;
  }
}

function param({ path, row }: Case): ParameterModel {
  const operation = allOperations(model.root).find((o) => o.path.startsWith(path));
  const found = [
    ...(operation?.pathParams ?? []),
    ...(operation?.queryParams ?? []),
    ...(operation?.headerParams ?? []),
  ];
  if (found[0] === undefined) throw new Error(`no parameter for ${path} (${row.place})`);
  return found[0];
}

const label = (c: Case): string =>
  `${c.row.place} ${c.row.style} explode=${c.row.explode}, ${c.kind}: ${c.expected === null ? 'refused' : c.expected || '(empty)'}`;

describe('the generated client writes every row of the Style Examples table', () => {
  let server: Awaited<ReturnType<typeof recording>>;
  beforeAll(async () => {
    server = await recording();
  });
  afterAll(() => server.close());

  it.each(CASES.map((c) => [label(c), c] as const))('%s', async (_, c) => {
    const client = new Client({ baseURL: server.baseURL });
    const value = VALUES[c.kind];
    const sending = (client.styles[c.method] as Call).call(
      client.styles,
      c.row.place === 'path' ? value : { color: value },
    );
    if (c.expected === null) {
      await expect(sending).rejects.toThrow(/Path parameter `color` must not be/);
      return;
    }
    const before = server.sent.length;
    await sending;
    expect(server.sent).toHaveLength(before + 1);
    expect(written(server.sent[before] as IncomingMessage, c)).toBe(c.expected);
  });

  it('passes styles only for the parameters that are not written the default way, compactly', () => {
    // form exploded (a list) and simple (a list) are the runtime's defaults: nothing is passed.
    const body = (method: string): string =>
      stylesSource.slice(stylesSource.indexOf(`export function ${method}`)).split('\n}')[0] ?? '';
    const fn = (method: string): string => `styles${method[0]?.toUpperCase()}${method.slice(1)}`;
    expect(body(fn('queryFormTrueArray'))).not.toMatch(/styles:/);
    expect(body(fn('pathSimpleFalseArray'))).not.toMatch(/pathStyles:/);
    expect(body(fn('queryDeepObjectTrueObject'))).not.toMatch(/styles:/);
    expect(body(fn('queryFormFalseArray'))).toContain(`styles: queryStyles({ color: 'form' }),`);
    expect(body(fn('queryFormTrueObject'))).toContain(`styles: queryStyles({ color: 'form*' }),`);
    expect(body(fn('pathMatrixTrueArray'))).toContain(`pathStyles: pathStyles({ color: 'matrix*' }),`);
    expect(body(fn('cookieFormTrueString'))).toContain('cookie: cookieHeader({ color: header0 })');
    expect(body(fn('cookieFormFalseArray'))).toContain(`cookie: cookieHeader({ color: header0 }, { color: 'form' })`);
  });
});

describe('the mock reads every row of the Style Examples table', () => {
  const rows = CASES.filter((c) => c.expected !== null);
  it.each(rows.map((c) => [label(c), c] as const))('%s', (_, c) => {
    const text = c.expected as string;
    const p = param(c);
    const read =
      c.row.place === 'path'
        ? readPathParam(p, text, lookup)
        : c.row.place === 'query'
          ? readQueryParam(p, new URL(`http://mock/?${text}`), lookup, new Set(['color']))
          : c.row.place === 'cookie'
            ? readCookieParam(p, text, lookup)
            : readHeaderParam(p, text, lookup);
    expect(read).toEqual({ value: VALUES[c.kind] });
  });
});

/** `|`, `[` and `]` as openapi-fetch leaves them (unencoded), for a comparison of meaning. */
const loosely = (text: string): string => text.replace(/%7C/g, '|').replace(/%5B/g, '[').replace(/%5D/g, ']');

describe('openapi-fetch serializes the rows it covers the same way', () => {
  const covered = CASES.filter(
    (c) =>
      c.expected !== null &&
      ((c.kind === 'array' && c.row.style !== 'deepObject') ||
        (c.kind === 'object' && !['spaceDelimited', 'pipeDelimited'].includes(c.row.style))),
  );
  it.each(covered.map((c) => [label(c), c] as const))('%s', (_, c) => {
    const options = { style: c.row.style as 'form', explode: c.row.explode };
    const theirs =
      c.kind === 'array'
        ? serializeArrayParam('color', VALUES.array as unknown[], options)
        : serializeObjectParam('color', VALUES.object as Record<string, unknown>, options);
    expect(loosely(c.expected as string)).toBe(loosely(theirs));
  });
});

// Asana's shape: 163 parameters say `opt_fields` is `style: form, explode: false`; a matrix id
// and a label list in the path besides. The client and `sdkgen mock` of the spec must agree with
// the spec, and so with each other; the mock refuses the other spellings.
const TASKS = `openapi: 3.1.0
info: {title: Tasks, version: 1.0.0}
servers: [{url: https://app.tasks.example/api/1.0}]
components:
  schemas:
    Task:
      type: object
      required: [id, name]
      properties: {id: {type: string, readOnly: true}, name: {type: string}, notes: {type: string}}
  parameters:
    opt_fields:
      name: opt_fields
      in: query
      style: form
      explode: false
      schema: {type: array, items: {type: string, enum: [id, name, notes]}}
paths:
  /tasks:
    get:
      operationId: getTasks
      x-sdkgen-resource: tasks
      x-sdkgen-method: list
      parameters:
        - $ref: "#/components/parameters/opt_fields"
        - {name: tags, in: query, style: pipeDelimited, schema: {type: array, items: {type: string}}}
      responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Task"}}}}}}
    post:
      operationId: createTask
      x-sdkgen-resource: tasks
      x-sdkgen-method: create
      parameters: [{$ref: "#/components/parameters/opt_fields"}]
      requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/Task"}}}}
      responses: {"201": {description: created, content: {application/json: {schema: {$ref: "#/components/schemas/Task"}}}}}
  /tasks/{task_gid}:
    get:
      operationId: getTask
      x-sdkgen-resource: tasks
      x-sdkgen-method: retrieve
      parameters:
        - {name: task_gid, in: path, required: true, style: matrix, schema: {type: string}}
        - $ref: "#/components/parameters/opt_fields"
      responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Task"}}}}}
  /search:
    get:
      operationId: search
      x-sdkgen-resource: search
      x-sdkgen-method: list
      parameters:
        - {name: filter, in: query, content: {application/json: {schema: {type: object, properties: {done: {type: boolean}}}}}}
        - {name: next, in: query, allowReserved: true, schema: {type: string}}
        - {name: X-Context, in: header, content: {application/json: {schema: {type: object, properties: {team: {type: string}}}}}}
        - {name: workspace, in: cookie, required: true, schema: {type: string}}
      responses: {"200": {description: ok, content: {application/json: {schema: {type: object}}}}}
  /boards/{ids}:
    get:
      operationId: getBoards
      x-sdkgen-resource: boards
      x-sdkgen-method: retrieve
      parameters:
        - {name: ids, in: path, required: true, style: label, explode: true, schema: {type: array, items: {type: integer}}}
      responses: {"200": {description: ok, content: {application/json: {schema: {type: object}}}}}
`;

interface Task {
  id: string;
  name: string;
}
interface TasksClient {
  tasks: {
    list(params?: { opt_fields?: string[]; tags?: string[] }): Promise<{ data: Task[] }>;
    create(body: { name: string }, params?: { opt_fields?: string[] }): Promise<Task>;
    retrieve(gid: string, params?: { opt_fields?: string[] }): Promise<Task>;
  };
  boards: { retrieve(ids: number[]): Promise<object> };
  search: {
    list(params: { filter?: object; next?: string; 'X-Context'?: object; workspace: string }): Promise<object>;
  };
}

describe('a client and `sdkgen mock` of the same spec, styles and all', () => {
  let Tasks: new (options: { baseURL: string }) => TasksClient;
  let spec: string;
  let apiDocs: string;
  beforeAll(async () => {
    const dir = specDir({ 'openapi.yaml': TASKS });
    const out = mkdtempSync(join(tmpdir(), 'sdkgen-tasks-'));
    dirs.push(dir, out);
    spec = join(dir, 'openapi.yaml');
    const { files } = generate({ spec: 'openapi.yaml', out, cwd: dir });
    writeOutput(out, planOutput(out, files));
    Tasks = ((await import(pathToFileURL(join(out, 'dist/index.js')).href)) as { default: typeof Tasks }).default;
    apiDocs = readFileSync(join(out, 'api.md'), 'utf8');
  });

  it('says in api.md how each parameter not written the default way is written', () => {
    const rows = apiDocs.split('\n').filter((line) => /^\| `(opt_fields|tags|task_gid|ids)`/.test(line));
    expect(rows.map((line) => line.split(' | ').slice(0, 3).join(' | '))).toEqual([
      '| `opt_fields` | `Array<"id" \\| "name" \\| "notes">` | query (`style: form, explode: false`)',
      '| `tags` | `string[]` | query (`style: pipeDelimited, explode: false`)',
      '| `opt_fields` | `Array<"id" \\| "name" \\| "notes">` | query (`style: form, explode: false`)',
      '| `task_gid` | `string` | path (`style: matrix, explode: false`)',
      '| `opt_fields` | `Array<"id" \\| "name" \\| "notes">` | query (`style: form, explode: false`)',
      '| `ids` | `number[]` | path (`style: label, explode: true`)',
    ]);
  });

  it('sends `opt_fields=a,b`, `tags=a%7Cb`, `;task_gid=…`, `.1.2`, JSON, reserved characters and a cookie as the spec says', async () => {
    const server = await recording();
    try {
      const client = new Tasks({ baseURL: server.baseURL });
      await client.tasks.list({ opt_fields: ['name', 'notes'], tags: ['red', 'a|b'] });
      await client.tasks.retrieve('t,1', { opt_fields: ['id'] });
      await client.boards.retrieve([1, 2]);
      await client.search.list({
        filter: { done: true },
        next: '/tasks?page=2',
        'X-Context': { team: 'a b' },
        workspace: 'w 1',
      });
      expect(server.sent.map((req) => req.url)).toEqual([
        '/v1/tasks?opt_fields=name,notes&tags=red%7Ca%7Cb',
        '/v1/tasks/;task_gid=t%2C1?opt_fields=id',
        '/v1/boards/.1.2',
        `/v1/search?filter=${encodeURIComponent('{"done":true}')}&next=/tasks?page%3D2`,
      ]);
      expect(server.sent[3]?.headers['x-context']).toBe('{"team":"a b"}');
      expect(server.sent[3]?.headers.cookie).toBe('workspace=w%201');
    } finally {
      await server.close();
    }
  });

  it('is understood by the mock, which refuses the spellings the spec does not use', async () => {
    const mock = await startMockServer(modelSpec(spec, '/').model, { port: 0, host: '127.0.0.1', items: 2 });
    try {
      const client = new Tasks({ baseURL: mock.baseURL });
      const created = await client.tasks.create({ name: 'Write the table test' }, { opt_fields: ['id', 'name'] });
      const found = await client.tasks.retrieve(created.id, { opt_fields: ['name', 'notes'] });
      expect(found).toMatchObject({ id: created.id, name: 'Write the table test' });
      const listed = await client.tasks.list({ opt_fields: ['name', 'notes'], tags: ['x', 'y'] });
      expect(listed.data.map((task) => task.name)).toContain('Write the table test');
      expect(await client.boards.retrieve([1, 2])).toBeTypeOf('object');
      const status = async (path: string): Promise<number> => (await fetch(`${mock.baseURL}${path}`)).status;
      expect(await status('/tasks?opt_fields=name,notes')).toBe(200);
      expect(await status('/tasks?opt_fields=name,bogus')).toBe(400);
      expect(await status(`/tasks/;task_gid=${encodeURIComponent(created.id)}`)).toBe(200);
      expect(await status(`/tasks/${encodeURIComponent(created.id)}`)).toBe(400);
      expect(await status('/boards/.1.2')).toBe(200);
      expect(await status('/boards/1,2')).toBe(400);
      const search = { filter: { done: true }, next: '/a?b=c', 'X-Context': { team: 't' }, workspace: 'w' };
      expect(await client.search.list(search)).toBeTypeOf('object');
      const searched = async (filter: string): Promise<number> =>
        (
          await fetch(`${mock.baseURL}/search?filter=${encodeURIComponent(filter)}`, {
            headers: { cookie: 'workspace=w' },
          })
        ).status;
      expect(await searched('{"done":true}')).toBe(200);
      expect(await searched('{"done":"yes"}')).toBe(400);
      expect(await searched('{"done":')).toBe(400);
      expect(await status(`/search?filter=${encodeURIComponent('{"done":true}')}`)).toBe(400); // no workspace cookie
    } finally {
      await mock.close();
    }
  });
});
