import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { TYPESCRIPT_RANGE } from '../../generator/emit/files/package-files.js';
import { ROOT } from '../helpers/paths.js';
import { specDir } from '../helpers/spec-files.js';

// A teammate's fresh clone of an app whose generated client is committed: dist/ is git-ignored,
// so the clone has none. The generated README's commands must build it, with no network (the
// one package they need, TypeScript, comes from npm's cache, as the app's lockfile pins it), and
// `generate --check` must tell the truth about it before and after.
const run = promisify(execFile);
const work = specDir({});
const app = join(work, 'app');
const clone = join(work, 'clone');
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd, encoding: 'utf8' });

/** The app's lockfile, as `npm install ./client` leaves it: the client linked, its TypeScript pinned. */
function lockfile(): string {
  const ours = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, Record<string, unknown>>;
  };
  const client = JSON.parse(readFileSync(join(app, 'client/package.json'), 'utf8')) as Record<string, unknown>;
  const packages = {
    '': { name: 'app', dependencies: { 'openai-admin': 'file:client' } },
    client: { name: client['name'], version: client['version'], devDependencies: client['devDependencies'] },
    'node_modules/openai-admin': { resolved: 'client', link: true },
    'node_modules/typescript': { ...ours.packages['node_modules/typescript'], dev: true },
  };
  return `${JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}

/** The shell lines of the README's code block that follows `after`, comments and blank lines left out. */
function commands(readme: string, after: string): string[] {
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf(after)))?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
}

beforeAll(async () => {
  // The app: a spec, its generated client, a consumer; committed with the client's dist/ ignored.
  mkdirSync(app);
  copyFileSync(join(ROOT, 'spec/openapi.yaml'), join(app, 'api.yaml'));
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { 'openai-admin': 'file:client' } }, null, 2)}\n`,
  );
  writeFileSync(join(app, '.gitignore'), 'node_modules/\n*.js\n');
  expect((await cli(app, 'generate', '--spec', 'api.yaml', '--out', 'client', '--quiet')).code).toBe(0);
  expect(existsSync(join(app, 'client/dist/index.js'))).toBe(true);
  writeFileSync(join(app, 'package-lock.json'), lockfile());
  writeFileSync(
    join(app, 'consumer.ts'),
    [
      "import { OpenAI, type ProjectGroup } from 'openai-admin';",
      "const client = new OpenAI({ adminAPIKey: 'sk-admin-test', baseURL: 'http://127.0.0.1:9' });",
      'const groups: ProjectGroup[] = [];',
      'console.log(typeof client.admin.organization.projects.groups.list, groups.length);',
    ].join('\n'),
  );
  git(app, 'init', '-q');
  git(app, 'add', '.');
  git(app, 'commit', '-qm', 'The app and its client');
  git(work, 'clone', '-q', app, clone);
});

describe('a fresh clone of an app with a committed client', () => {
  it('has the sources but no dist/, which --check says without failing', async () => {
    expect(existsSync(join(clone, 'client/src/index.ts'))).toBe(true);
    expect(existsSync(join(clone, 'client/dist'))).toBe(false);
    const check = await cli(clone, 'generate', '--spec', 'api.yaml', '--out', 'client', '--check');
    expect(check).toMatchObject({ code: 0, err: '' });
    expect(check.out).toBe(
      'sdkgen: client/ sources are up to date with api.yaml; client/dist/ is not built (it is git-ignored): `npm run build` in client/ (or `sdkgen generate`) builds it; no warnings.',
    );
  });

  it("builds with the README's install command, offline, and a consumer compiles and runs against it", async () => {
    const readme = readFileSync(join(clone, 'client/README.md'), 'utf8');
    const [install] = commands(readme, '## Install');
    expect(install).toBe('npm install ./client');
    const [npm, ...args] = (install as string).split(' ');
    await run(npm as string, [...args, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: clone });
    expect(existsSync(join(clone, 'client/dist/index.js'))).toBe(true);
    expect(existsSync(join(clone, 'client/dist/index.d.ts'))).toBe(true);
    // The client's own package.json: a build script, TypeScript to build with, and nothing to run with.
    const manifest = JSON.parse(readFileSync(join(clone, 'client/package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['scripts']).toEqual({ build: 'tsc -p tsconfig.json', prepare: 'tsc -p tsconfig.json' });
    expect(manifest['devDependencies']).toEqual({ typescript: TYPESCRIPT_RANGE });
    expect(manifest['dependencies']).toBeUndefined();
    writeFileSync(
      join(clone, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          types: [],
        },
        include: ['consumer.ts'],
      }),
    );
    await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', clone]);
    const { stdout } = await run(process.execPath, ['consumer.js'], { cwd: clone });
    expect(stdout.trim()).toBe('function 0');
    expect(await cli(clone, 'generate', '--spec', 'api.yaml', '--out', 'client', '--check')).toMatchObject({
      code: 0,
      out: 'sdkgen: client/ is up to date with api.yaml, dist/ included; no warnings.',
    });
  });

  it('fails --check on a dist/ older than its sources (a pull without a build), until `npm run build`', async () => {
    // Compiled an hour before its source changed.
    const before = new Date(Date.now() - 3_600_000);
    for (const file of ['client/dist/models.js', 'client/dist/models.d.ts'])
      utimesSync(join(clone, file), before, before);
    const stale = await cli(clone, 'generate', '--spec', 'api.yaml', '--out', 'client', '--check');
    expect(stale.code).toBe(1);
    expect(stale.err.split('\n')).toEqual([
      'sdkgen: client/dist/ is older than the sources it is compiled from; `npm run build` in client/ (or `sdkgen generate`) rebuilds it:',
      '  client/src/models.ts',
      'sdkgen: client/ sources are up to date with api.yaml; no warnings.',
    ]);
    const readme = readFileSync(join(clone, 'client/README.md'), 'utf8');
    const build = commands(readme, 'build it in the package');
    expect(build).toEqual(['cd client', 'npm install', 'npm run build']);
    // Built in the package's folder, with the TypeScript the app's install already brought.
    await run('npm', ['run', 'build', '--loglevel=error'], { cwd: join(clone, 'client') });
    expect((await cli(clone, 'generate', '--spec', 'api.yaml', '--out', 'client', '--check')).code).toBe(0);
  });

  it('is brought up to date by `sdkgen generate` as that message says, even where no source changed (a checkout)', async () => {
    const before = new Date(Date.now() - 3_600_000);
    for (const file of ['client/dist/models.js', 'client/dist/models.d.ts'])
      utimesSync(join(clone, file), before, before);
    expect((await cli(clone, 'generate', '--spec', 'api.yaml', '--out', 'client')).code).toBe(0);
    expect((await cli(clone, 'generate', '--spec', 'api.yaml', '--out', 'client', '--check')).code).toBe(0);
  });

  it('does not ask about dist/ where none is made (--no-dist)', async () => {
    rmSync(join(clone, 'client/dist'), { recursive: true, force: true });
    expect(await cli(clone, 'generate', '--spec', 'api.yaml', '--out', 'client', '--check', '--no-dist')).toMatchObject(
      {
        code: 0,
        out: 'sdkgen: client/ is up to date with api.yaml; no warnings.',
      },
    );
  });
});
