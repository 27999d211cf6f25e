import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTarballOffline } from '../helpers/offline-install.js';
import { ROOT } from '../helpers/paths.js';

// sdkgen as a user gets it: `npm pack`ed, installed from the tarball into a fresh project with
// no network, and run there through npx, on the user's own spec, with no build tool installed.
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'sdkgen-installed-'));
const project = join(dir, 'app');
let packed: string[];

beforeAll(async () => {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, maxBuffer: 1 << 26 });
  const [info] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  packed = info.files.map((f) => f.path).sort();
  mkdirSync(project);
  copyFileSync(join(dir, info.filename), join(project, info.filename));
  await installTarballOffline(project, join(project, info.filename), 'app');
  copyFileSync(join(ROOT, 'spec/openapi.yaml'), join(project, 'api.yaml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const npx = (args: string[]) => run('npx', ['--no-install', ...args], { cwd: project });

/** `npx sdkgen mock --port 0`, resolved with its base URL once it says it is listening. */
function startMock(): Promise<{ child: ChildProcess; baseURL: string; exited: Promise<void> }> {
  const child = spawn('npx', ['--no-install', 'sdkgen', 'mock', '--spec', 'api.yaml', '--port', '0', '--quiet'], {
    cwd: project,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The mock's stdout closes when the mock process itself ends, whoever its parent was.
  const exited = new Promise<void>((resolve) => child.stdout?.once('close', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const url = /at (http:\/\/127\.0\.0\.1:\d+\S*)/.exec(line)?.[1];
      if (url !== undefined) resolve({ child, baseURL: url, exited });
    });
  });
}

describe('sdkgen installed from its tarball', () => {
  it('ships its built CLI, the runtime it copies and its docs, and no sources or tests', () => {
    expect(packed).toEqual(
      expect.arrayContaining([
        'bin/sdkgen.js',
        'bin/code-cache.js',
        'bin/bundled-worker.js',
        'lib/cli.cjs',
        'lib/model-worker.cjs',
        'lib/fetch/index.js',
        'lib/types/fetch/index.d.ts',
        'generator/runtime/client.ts',
        'README.md',
        'package.json',
      ]),
    );
    expect(packed.filter((path) => /^(test|bench|generator\/(?!runtime\/))/.test(path))).toEqual([]);
    expect(existsSync(join(project, 'node_modules/esbuild'))).toBe(false);
    expect(existsSync(join(project, 'node_modules/tsx'))).toBe(false);
  });

  it('prints its version and generates a client from the user’s spec', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await npx(['sdkgen', '--version'])).stdout.trim()).toBe(version);
    const { stdout } = await npx(['sdkgen', 'generate', '--spec', 'api.yaml', '--out', 'client']);
    expect(stdout).toMatch(/2 operations, 6 schemas → client\/: \d+ written/);
    expect(readFileSync(join(project, 'client/src/client.ts'), 'utf8').split('\n')[0]).toContain(
      'sdkgen generate --spec api.yaml --out client',
    );
  });

  it('runs its CLI with V8’s code cache, made beside lib/ by the first generation and used by the next', async () => {
    const debug = { cwd: project, env: { ...process.env, SDKGEN_BUNDLE_DEBUG: '1' } };
    const generate = ['--no-install', 'sdkgen', 'generate', '--spec', 'api.yaml', '--out', 'cached', '--quiet'];
    const first = await run('npx', generate, debug);
    // `none` on a fresh install; `used` when an earlier test's generation made it already.
    expect(first.stderr).toMatch(/code cache of cli\.cjs: (none|used)/);
    const client = readFileSync(join(project, 'cached/src/client.ts'), 'utf8');
    const second = await run('npx', generate, debug);
    expect(second.stderr).toContain('code cache of cli.cjs: used');
    expect(readFileSync(join(project, 'cached/src/client.ts'), 'utf8')).toBe(client);
  });

  it('gives a client that type-checks and works against `npx sdkgen mock`, which stops with the npx that started it', async () => {
    if (!existsSync(join(project, 'client/dist/index.js')))
      await npx(['sdkgen', 'generate', '--spec', 'api.yaml', '--out', 'client']);
    writeFileSync(
      join(project, 'consumer.ts'),
      [
        "import { OpenAI, type ProjectGroup } from './client/dist/index.js';",
        'declare const process: { env: Record<string, string | undefined> };',
        "const client = new OpenAI({ baseURL: process.env['BASE_URL'], adminAPIKey: 'sk-admin-test' });",
        'const groups: ProjectGroup[] = [];',
        "for await (const group of client.admin.organization.projects.groups.list('proj_abc')) groups.push(group);",
        'console.log(JSON.stringify({ groups: groups.length, first: groups[0]?.group_id }));',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM'],
          types: [],
          strict: true,
        },
        include: ['consumer.ts'],
      }),
    );
    await run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', project]);
    const mock = await startMock();
    try {
      const { stdout } = await run(process.execPath, ['consumer.js'], {
        cwd: project,
        env: { ...process.env, BASE_URL: mock.baseURL },
      });
      expect(JSON.parse(stdout)).toEqual({ groups: 45, first: 'group_001' });
    } finally {
      mock.child.kill('SIGTERM');
    }
    // Signalled npx ends without passing the signal on; the mock notices it is orphaned and stops.
    await mock.exited;
  });

  it('exports sdkgen/fetch: openapi-fetch’s createClient, typed by the project’s `paths`, against `npx sdkgen mock`', async () => {
    // `paths` as openapi-typescript writes it, for the one endpoint called.
    writeFileSync(
      join(project, 'fetch-consumer.ts'),
      [
        "import createClient, { type Middleware } from 'sdkgen/fetch';",
        'declare const process: { env: Record<string, string | undefined> };',
        'interface paths {',
        "  '/organization/projects/{project_id}/groups': {",
        '    parameters: { query?: never; header?: never; path?: never; cookie?: never };',
        '    get: {',
        '      parameters: { query?: { limit?: number; after?: string }; header?: never; path: { project_id: string }; cookie?: never };',
        '      requestBody?: never;',
        "      responses: { 200: { headers: { [name: string]: unknown }; content: { 'application/json': { data: { group_id: string }[]; has_more: boolean } } } };",
        '    };',
        '  };',
        '}',
        "const client = createClient<paths>({ baseUrl: process.env['BASE_URL'], headers: { authorization: 'Bearer sk-admin-test' } });",
        "const seen: Middleware = { onRequest: ({ schemaPath }) => { if (!schemaPath.includes('{project_id}')) throw new Error(schemaPath); } };",
        'client.use(seen);',
        "const { data, error } = await client.GET('/organization/projects/{project_id}/groups', { params: { path: { project_id: 'proj_abc' }, query: { limit: 3 } } });",
        'if (error !== undefined) throw new Error(JSON.stringify(error));',
        'console.log(JSON.stringify({ groups: data.data.length, first: data.data[0]?.group_id }));',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.fetch.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM'],
          types: [],
          strict: true,
        },
        include: ['fetch-consumer.ts'],
      }),
    );
    await run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.fetch.json'], {
      cwd: project,
    });
    const mock = await startMock();
    try {
      const { stdout } = await run(process.execPath, ['fetch-consumer.js'], {
        cwd: project,
        env: { ...process.env, BASE_URL: mock.baseURL },
      });
      expect(JSON.parse(stdout)).toEqual({ groups: 3, first: 'group_001' });
    } finally {
      mock.child.kill('SIGTERM');
    }
    await mock.exited;
  });
});
