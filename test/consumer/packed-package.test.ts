import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { type MockServer, startMockServer } from '../../generator/mock/mock-server.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';

// A consumer's-eye test: the generated package as npm packs it, installed into fresh projects
// (TypeScript with NodeNext, TypeScript with bundler resolution, plain JavaScript), each
// type-checked and then run against `sdkgen mock` of the same spec.
const run = promisify(execFile);
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const dir = mkdtempSync(join(tmpdir(), 'sdkgen-consumer-'));
const generation = generate({ spec: 'spec/openapi.yaml', out: join(dir, 'package'), cwd: ROOT });
let tarball: string;
let packed: string[];
let mock: MockServer;

beforeAll(async () => {
  writeOutput(join(dir, 'package'), planOutput(join(dir, 'package'), generation.files));
  // sdkgen's own dist/ is what is packed: the package's `prepare` (tsc) would rebuild it, with a
  // TypeScript this temporary folder does not have (test/consumer/fresh-clone.test.ts runs it).
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
    cwd: join(dir, 'package'),
  });
  const [info] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  tarball = join(dir, info.filename);
  packed = info.files.map((f) => f.path).sort();
  mock = await startMockServer(generation.model);
});
afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh project with the packed client installed (offline: the package has no dependencies). */
async function consumer(
  name: string,
  files: Record<string, string>,
  type: 'module' | 'commonjs' = 'module',
): Promise<string> {
  const project = join(dir, name);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name, private: true, type }));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(project, file), text);
  await run(
    'npm',
    ['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
    { cwd: project },
  );
  return project;
}

/**
 * What each consumer does: walk every group and user with the key from the environment, each
 * answer checked by the package's validator (its own export, \`openai-admin/validation\`).
 */
const PROGRAM = `import OpenAI, { NotFoundError, type ProjectGroup } from 'openai-admin';
import { validator } from 'openai-admin/validation';

declare const process: { env: Record<string, string | undefined> };

const client = new OpenAI({ baseURL: process.env['BASE_URL'], validate: 'strict', validator });
const groups: ProjectGroup[] = [];
for await (const group of client.admin.organization.projects.groups.list('proj_abc', { limit: 20 })) groups.push(group);
let users = 0;
for await (const user of client.admin.organization.projects.users.list('proj_abc')) users += user.id.length > 0 ? 1 : 0;
console.log(JSON.stringify({ groups: groups.length, users, first: groups[0]?.group_id, notFound: typeof NotFoundError }));

export function neverCalled(): void {
  // @ts-expect-error limit is a number
  void client.admin.organization.projects.groups.list('proj_abc', { limit: 'ten' });
  // @ts-expect-error order is 'asc' or 'desc'
  void client.admin.organization.projects.groups.list('proj_abc', { order: 'sideways' });
}
`;

const TSCONFIG = (resolution: 'NodeNext' | 'bundler'): string =>
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: resolution === 'NodeNext' ? 'NodeNext' : 'ESNext',
      moduleResolution: resolution,
      lib: ['ES2022', 'DOM'],
      types: [],
      strict: true,
      exactOptionalPropertyTypes: true,
      outDir: 'out',
      skipLibCheck: false,
    },
    include: ['index.ts'],
  });

async function runWithMock(project: string, entry: string): Promise<unknown> {
  const { stdout } = await run(process.execPath, [entry], {
    cwd: project,
    env: { ...process.env, BASE_URL: mock.baseURL, OPENAI_ADMIN_KEY: 'sk-admin-consumer' },
  });
  return JSON.parse(stdout.trim());
}

const EXPECTED = { groups: 45, users: 45, first: 'group_001', notFound: 'function' };

describe('the packed client, installed by a consumer', () => {
  it('packs its compiled code, declarations, sources and docs, and nothing else', () => {
    expect(packed).toContain('dist/index.js');
    expect(packed).toContain('dist/index.d.ts');
    expect(packed).toContain('src/index.ts');
    expect(packed).toEqual(expect.arrayContaining(['README.md', 'api.md', 'package.json']));
    expect(packed.filter((p) => !/^(dist|src)\//.test(p))).toEqual(['README.md', 'api.md', 'package.json']);
  });

  it('type-checks and runs in a TypeScript project with NodeNext resolution', async () => {
    const project = await consumer('ts-nodenext', { 'index.ts': PROGRAM, 'tsconfig.json': TSCONFIG('NodeNext') });
    await run(process.execPath, [TSC, '-p', project]);
    expect(await runWithMock(project, 'out/index.js')).toEqual(EXPECTED);
  });

  it('type-checks and runs in a TypeScript project with bundler resolution', async () => {
    const project = await consumer('ts-bundler', { 'index.ts': PROGRAM, 'tsconfig.json': TSCONFIG('bundler') });
    await run(process.execPath, [TSC, '-p', project]);
    expect(await runWithMock(project, 'out/index.js')).toEqual(EXPECTED);
  });

  it('runs in a plain JavaScript ESM project, types still there for editors', async () => {
    const program = PROGRAM.replace(', type ProjectGroup', '')
      .replace(/^declare const process.*\n/m, '')
      .replace('const groups: ProjectGroup[] = [];', 'const groups = [];')
      .replace(/\nexport function neverCalled[\s\S]*$/, '\n');
    const project = await consumer('js-esm', { 'index.js': program });
    expect(await runWithMock(project, 'index.js')).toEqual(EXPECTED);
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/openai-admin/package.json'), 'utf8')) as {
      exports: Record<string, { types: string }>;
    };
    expect(manifest.exports['.']?.types).toBe('./dist/index.d.ts');
  });

  it('runs from a CommonJS project through require() (Node 20.19+), as its engines say', async () => {
    const program = [
      "const { OpenAI, NotFoundError } = require('openai-admin');",
      "const { validator } = require('openai-admin/validation');",
      'async function main() {',
      "  const client = new OpenAI({ baseURL: process.env.BASE_URL, validate: 'strict', validator });",
      '  let groups = 0, users = 0, first;',
      "  for await (const group of client.admin.organization.projects.groups.list('proj_abc', { limit: 20 })) { groups++; first ??= group.group_id; }",
      "  for await (const user of client.admin.organization.projects.users.list('proj_abc')) users += user.id.length > 0 ? 1 : 0;",
      '  console.log(JSON.stringify({ groups, users, first, notFound: typeof NotFoundError }));',
      '}',
      'main();',
    ].join('\n');
    const project = await consumer('js-commonjs', { 'index.js': program }, 'commonjs');
    expect(await runWithMock(project, 'index.js')).toEqual(EXPECTED);
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/openai-admin/package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(manifest.engines.node).toBe('>=20.19');
  });

  it('imports one resource by its subpath, with the core client: it runs, and tsc loads neither the root nor the other resources', async () => {
    const program = `import { OpenAICore } from 'openai-admin/core-client';
import { Groups, type GroupListParams } from 'openai-admin/resources/admin/organization/projects/groups';

declare const process: { env: Record<string, string | undefined> };

const client = new OpenAICore({ baseURL: process.env['BASE_URL'] });
const groups = new Groups(client);
const params: GroupListParams = { limit: 20 };
let count = 0;
let first: string | undefined;
for await (const group of groups.list('proj_abc', params)) {
  count++;
  first ??= group.group_id;
}
console.log(JSON.stringify({ groups: count, first }));

export function neverCalled(): void {
  // @ts-expect-error order is 'asc' or 'desc'
  void groups.list('proj_abc', { order: 'sideways' });
}
`;
    for (const resolution of ['NodeNext', 'bundler'] as const) {
      const project = await consumer(`ts-one-resource-${resolution}`, {
        'index.ts': program,
        'tsconfig.json': TSCONFIG(resolution),
      });
      await run(process.execPath, [TSC, '-p', project]);
      expect(await runWithMock(project, 'out/index.js')).toEqual({ groups: 45, first: 'group_001' });
      const { stdout } = await run(process.execPath, [TSC, '-p', project, '--listFilesOnly']);
      const loaded = stdout
        .split('\n')
        .filter((line) => line.includes('node_modules/openai-admin/'))
        .map((line) => line.replace(/^.*node_modules\/openai-admin\//, ''));
      expect(loaded).toContain('dist/core-client.d.ts');
      expect(loaded).toContain('dist/resources/admin/organization/projects/groups.d.ts');
      // Only what the resource declares and uses: no package root, no client tree, no sibling.
      expect(
        loaded.filter((file) => /^dist\/(index|client)\.d\.ts$|resources\/admin\.d\.ts$|users\.d\.ts$/.test(file)),
      ).toEqual([]);
    }
  });

  it('fails to compile when the types are misused, proving they come from the package', async () => {
    const project = await consumer('ts-misuse', {
      'index.ts': `import OpenAI from 'openai-admin';\nconst client = new OpenAI();\nvoid client.admin.organization.projects.groups.list(42);\n`,
      'tsconfig.json': TSCONFIG('NodeNext'),
    });
    const failure = await run(process.execPath, [TSC, '-p', project, '--noEmit']).catch(
      (error: { stdout: string }) => error,
    );
    expect((failure as { stdout: string }).stdout).toMatch(
      /index\.ts\(3,\d+\): error TS2345: Argument of type 'number' is not assignable to parameter of type 'string'/,
    );
  });
});
