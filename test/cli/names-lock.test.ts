import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { namesOfApiDocs } from '../../generator/config/names-lock.js';
import { ROOT } from '../helpers/paths.js';
import { openapi, specDir } from '../helpers/spec-files.js';

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, out: (l) => out.push(l), err: (l) => err.push(l), stopped: Promise.resolve() });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A project with the admin spec, generated once (no dist/: the names are what is tested). */
async function generated(): Promise<string> {
  const dir = specDir({});
  dirs.push(dir);
  cpSync(join(ROOT, 'spec'), join(dir, 'spec'), { recursive: true });
  expect((await cli(dir, 'generate', '--no-dist')).code).toBe(0);
  return dir;
}

const LOCK = 'generated/.sdkgen-names.json';
const GROUPS = 'GET /organization/projects/{project_id}/groups';

describe('sdkgen generate and the names lock', () => {
  it('writes .sdkgen-names.json with the output, lists it in the manifest, and --check compares it', async () => {
    const dir = await generated();
    const lock = JSON.parse(readFileSync(join(dir, LOCK), 'utf8')) as Record<string, Record<string, string>>;
    expect(lock['operations']?.[GROUPS]).toBe('admin.organization.projects.groups.list');
    expect(lock['schemas']?.['#/components/schemas/Error']).toBe('ErrorSchema');
    expect(readFileSync(join(dir, 'generated/.sdkgen-manifest.json'), 'utf8')).toContain('".sdkgen-names.json"');
    expect((await cli(dir, 'generate', '--check', '--no-dist')).code).toBe(0);
    // A lock an earlier sdkgen did not write: --check says the output differs.
    writeFileSync(
      join(dir, LOCK),
      readFileSync(join(dir, LOCK), 'utf8').replace('"version": 1,', '"version": 1, "x": 0,'),
    );
    const check = await cli(dir, 'generate', '--check', '--no-dist');
    expect(check.code).toBe(1);
    expect(check.err).toContain(`  ${LOCK}`);
  });

  it('keeps a name the lock gives over the rules, and --rename names it afresh and says so', async () => {
    const dir = specDir({
      'spec/openapi.yaml': openapi(
        "paths:\n  /pets:\n    get:\n      operationId: listPets\n      responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } } }\n",
      ),
    });
    dirs.push(dir);
    await cli(dir, 'generate', '--no-dist');
    const text = readFileSync(join(dir, LOCK), 'utf8');
    expect(text).toContain('"GET /pets": "pets.list"');
    // A name an earlier generator's rules gave, kept since.
    writeFileSync(join(dir, LOCK), text.replace('"pets.list"', '"pets.all"'));
    expect((await cli(dir, 'generate', '--no-dist')).out).not.toContain('renamed');
    expect(readFileSync(join(dir, 'generated/src/resources/pets.ts'), 'utf8')).toContain('  all(');
    const renamed = await cli(dir, 'generate', '--no-dist', '--rename', 'GET /pets');
    expect(renamed.code).toBe(0);
    expect(renamed.out).toContain('  renamed GET /pets: client.pets.all → client.pets.list');
    expect(readFileSync(join(dir, LOCK), 'utf8')).toBe(text);
    writeFileSync(join(dir, LOCK), text.replace('"pets.list"', '"pets.all"'));
    // Every name at once.
    const all = await cli(dir, 'generate', '--no-dist', '--rename');
    expect(all.out).toContain('  renamed GET /pets: client.pets.all → client.pets.list');
  });

  it('renames nothing when the spec grows an operation that would take an existing name', async () => {
    const answer =
      "      responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } } }\n";
    const threadRuns = `paths:\n  /threads/runs:\n    post:\n      operationId: createThreadAndRun\n${answer}`;
    const id = (name: string): string => `{ name: ${name}, in: path, required: true, schema: { type: string } }`;
    const runsOfAThread =
      `  /threads/{thread_id}/runs:\n    parameters: [${id('thread_id')}]\n    post:\n      operationId: createRun\n${answer}` +
      `  /threads/{thread_id}/runs/{run_id}:\n    parameters: [${id('thread_id')}, ${id('run_id')}]\n    get:\n      operationId: getRun\n${answer}`;
    const dir = specDir({ 'spec/openapi.yaml': openapi(threadRuns) });
    dirs.push(dir);
    await cli(dir, 'generate', '--no-dist');
    const before = readFileSync(join(dir, LOCK), 'utf8');
    writeFileSync(join(dir, 'spec/openapi.yaml'), openapi(threadRuns + runsOfAThread));
    const grown = await cli(dir, 'generate', '--no-dist');
    expect(grown.code).toBe(0);
    expect(grown.out).not.toContain('renamed');
    const after = readFileSync(join(dir, LOCK), 'utf8');
    // Every entry of the old lock is in the new one, with the same name.
    const entries = (text: string): [string, string][] =>
      Object.entries(JSON.parse(text) as Record<string, unknown>).flatMap(([section, value]) =>
        typeof value === 'object' && value !== null
          ? Object.entries(value as Record<string, string>).map(([k, v]): [string, string] => [`${section} ${k}`, v])
          : [],
      );
    const now = new Map(entries(after));
    expect(entries(before).filter(([key, name]) => now.get(key) !== name)).toEqual([]);
    expect(now.size).toBeGreaterThan(entries(before).length);
    expect(after).toContain('"POST /threads/runs": "threads.runs.create"');
    expect(after).toContain('"POST /threads/{thread_id}/runs": "threads.runs.createRun"');
    expect(grown.err).toContain('POST /threads/{thread_id}/runs would be threads.runs.create()');
  });

  it('keeps the method names of an output made before the lock, read from its api.md', async () => {
    const dir = specDir({
      'spec/openapi.yaml': openapi(
        "paths:\n  /pets:\n    get:\n      operationId: listPets\n      responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } } }\n",
      ),
    });
    dirs.push(dir);
    await cli(dir, 'generate', '--no-dist');
    // An output of an sdkgen without the lock, whose rules named the method `all`.
    rmSync(join(dir, LOCK));
    const docs = join(dir, 'generated/api.md');
    writeFileSync(docs, readFileSync(docs, 'utf8').replace('`client.pets.list(', '`client.pets.all('));
    const run = await cli(dir, 'generate', '--no-dist');
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, LOCK), 'utf8')).toContain('"GET /pets": "pets.all"');
    expect(readFileSync(join(dir, 'generated/api.md'), 'utf8')).toContain('`client.pets.all(');
  });

  it('reads every method of an api.md', () => {
    const lock = namesOfApiDocs(readFileSync(join(ROOT, 'generated/api.md'), 'utf8'), 'generated/api.md');
    expect([...lock.operations]).toEqual([
      ['GET /organization/projects/{project_id}/groups', ['admin', 'organization', 'projects', 'groups', 'list']],
      ['GET /organization/projects/{project_id}/users', ['admin', 'organization', 'projects', 'users', 'list']],
    ]);
  });

  it('a declared name wins over the lock', async () => {
    const dir = await generated();
    // spec/openapi.yaml declares `x-sdkgen-method: list`.
    const text = readFileSync(join(dir, LOCK), 'utf8');
    writeFileSync(
      join(dir, LOCK),
      text.replace('"admin.organization.projects.groups.list"', '"admin.organization.projects.groups.all"'),
    );
    const run = await cli(dir, 'generate', '--no-dist');
    expect(run.out).toContain(
      `  renamed ${GROUPS}: client.admin.organization.projects.groups.all → client.admin.organization.projects.groups.list`,
    );
    expect(readFileSync(join(dir, LOCK), 'utf8')).toBe(text);
  });

  it('stops at a lock that is not JSON, with its file, line and column', async () => {
    const dir = await generated();
    writeFileSync(join(dir, LOCK), '{\n  "operations": {\n    "GET /x": "a.list",,\n  }\n}\n');
    const run = await cli(dir, 'generate', '--no-dist');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/generated\/\.sdkgen-names\.json:3:\d+/);
    expect(run.err).toContain('"GET /x": "a.list",,');
    expect(run.err).toContain('nothing was written');
  });

  it('stops at a name that is not an identifier', async () => {
    const dir = await generated();
    const text = readFileSync(join(dir, LOCK), 'utf8');
    writeFileSync(join(dir, LOCK), text.replace('"ErrorSchema"', '"Error Schema"'));
    const run = await cli(dir, 'generate', '--no-dist');
    expect(run.code).toBe(1);
    expect(run.err).toContain('"schemas" → "#/components/schemas/Error" is not a name');
    expect(run.err).toMatch(/generated\/\.sdkgen-names\.json:\d+:\d+/);
  });
});
