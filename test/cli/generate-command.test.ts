import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { startAdminServer } from '../helpers/admin-server.js';
import { ROOT } from '../helpers/paths.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const run = promisify(execFile);

/** Runs the CLI in-process with `cwd`, capturing what it prints. */
async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  // A long-running command (the mock) stops as soon as it has started.
  const stopped = Promise.resolve();
  const code = await main(argv, { cwd, out: (l) => out.push(l), err: (l) => err.push(l), stopped });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function project(): string {
  const dir = specDir({});
  cpSync(join(ROOT, 'spec'), join(dir, 'spec'), { recursive: true });
  return dir;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('sdkgen generate', () => {
  it('writes the package, prints what it wrote, and rewrites nothing the second time', async () => {
    const dir = project();
    dirs.push(dir);
    const first = await cli(dir, 'generate');
    expect(first.code).toBe(0);
    expect(first.out).toContain('wrote   generated/src/resources/admin/organization/projects/groups.ts');
    expect(first.out).toMatch(/2 operations, 6 schemas → generated\/: \d+ written, 0 unchanged, 0 deleted/);
    const before = statSync(join(dir, 'generated/src/models.ts')).mtimeMs;
    const second = await cli(dir, 'generate');
    expect(second.out).toMatch(/: 0 written, \d+ unchanged, 0 deleted/);
    expect(statSync(join(dir, 'generated/src/models.ts')).mtimeMs).toBe(before);
  });

  it('--check passes on a fresh output and on kept edits, and lists stale, missing and extra files otherwise', async () => {
    const dir = project();
    dirs.push(dir);
    await cli(dir, 'generate', '--no-dist');
    expect(await cli(dir, 'generate', '--check')).toMatchObject({ code: 0 });
    // An edit to a generated file is the user's, kept by the merge: not drift.
    writeFileSync(join(dir, 'generated/src/models.ts'), '// edited by hand\n');
    // A file the manifest does not list is new to this run: missing.
    rmSync(join(dir, 'generated/src/pagination.ts'));
    // A file an earlier run wrote (its manifest lists it) is stale; a user's own file is not sdkgen's to judge.
    writeFileSync(join(dir, 'generated/src/leftover.ts'), 'export {};\n');
    const manifest = JSON.parse(readFileSync(join(dir, 'generated/.sdkgen-manifest.json'), 'utf8')) as {
      files: string[];
    };
    manifest.files = [...manifest.files.filter((path) => path !== 'src/pagination.ts'), 'src/leftover.ts'];
    writeFileSync(join(dir, 'generated/.sdkgen-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    writeFileSync(join(dir, 'generated/src/mine.ts'), 'export {};\n');
    writeFileSync(join(dir, 'generated/NOTES.md'), 'mine\n');
    const check = await cli(dir, 'generate', '--check');
    expect(check.code).toBe(1);
    expect(check.err.split('\n').slice(1)).toEqual([
      '  generated/src/pagination.ts',
      '  generated/.sdkgen-manifest.json',
      '  generated/src/leftover.ts (no longer generated)',
      'sdkgen: 3 files to regenerate; no warnings.',
    ]);
    expect(readFileSync(join(dir, 'generated/src/models.ts'), 'utf8')).toBe('// edited by hand\n');
    // A real run repairs what it owns, keeps the edit and leaves the rest alone.
    expect((await cli(dir, 'generate', '--no-dist')).code).toBe(0);
    expect(existsSync(join(dir, 'generated/src/leftover.ts'))).toBe(false);
    expect(existsSync(join(dir, 'generated/src/pagination.ts'))).toBe(true);
    expect(readFileSync(join(dir, 'generated/src/models.ts'), 'utf8')).toBe('// edited by hand\n');
    expect(readFileSync(join(dir, 'generated/NOTES.md'), 'utf8')).toBe('mine\n');
    expect(readFileSync(join(dir, 'generated/src/mine.ts'), 'utf8')).toBe('export {};\n');
    expect((await cli(dir, 'generate', '--check')).code).toBe(0);
  });

  it('reports every spec error with file, line, column and excerpt, and writes nothing', async () => {
    const dir = specDir({
      'openapi.yaml': openapi(
        'paths:\n  /a/{id}:\n    get:\n      x-sdkgen-method: 9lives\n      responses: {"200": {description: ok}}\n',
      ),
    });
    dirs.push(dir);
    mkdirSync(join(dir, 'out/src'), { recursive: true });
    writeFileSync(join(dir, 'out/src/keep.ts'), 'export const untouched = true;\n');
    const result = await cli(dir, 'generate', '--spec', 'openapi.yaml', '--out', 'out');
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'openapi.yaml:8:3: error path-param-undeclared: Path parameter {id} of GET /a/{id} is not declared.',
    );
    expect(result.err).toContain('8 |   /a/{id}:\n  |   ^');
    expect(result.err).toContain('openapi.yaml:10:24: error extension-invalid');
    expect(result.err).toContain('2 errors, no warnings; nothing was written.');
    expect(result.err).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'out/src/keep.ts'), 'utf8')).toBe('export const untouched = true;\n');
  });

  it('writes nothing when the only error is a key, which the worker checks once the model is sent', async () => {
    const dir = specDir({
      'openapi.yaml': openapi(
        'paths:\n  /a:\n    get:\n      x-sdkgen-methd: list\n      responses: {"200": {description: ok}}\n',
      ),
    });
    dirs.push(dir);
    const result = await cli(dir, 'generate', '--spec', 'openapi.yaml', '--out', 'out');
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'openapi.yaml:10:7: error extension-unknown: `x-sdkgen-methd` is not an sdkgen extension.',
    );
    expect(result.err).toContain('1 error, no warnings; nothing was written.');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('ends every command with a count of warnings; --quiet prints errors only', async () => {
    // One warning: a misspelled key of a schema.
    const spec = openapi(
      'paths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {type: object, properties: {name: {tyep: string}}}\n',
    );
    const dir = specDir({ 'openapi.yaml': spec, 'head.yaml': spec });
    dirs.push(dir);
    const loud = await cli(dir, 'generate', '--spec', 'openapi.yaml', '--out', 'out', '--no-dist');
    expect(loud.code).toBe(0);
    expect(loud.err).toContain('openapi.yaml:16:58: warning key-unknown: `tyep` is not a field of a schema');
    expect(loud.out.split('\n').at(-1)).toMatch(/ deleted in \d+\.\d\ds; 1 warning\.$/);
    const quiet = await cli(dir, 'generate', '--spec', 'openapi.yaml', '--out', 'out', '--no-dist', '--quiet');
    expect(quiet).toEqual({ code: 0, out: '', err: '' });
    const check = await cli(dir, 'generate', '--spec', 'openapi.yaml', '--out', 'out', '--check', '--no-dist');
    expect(check.out).toBe('sdkgen: out/ is up to date with openapi.yaml; 1 warning.');
    const plan = await cli(dir, 'plan', '--spec', 'openapi.yaml', '--format', 'json');
    expect(plan.err.split('\n').at(-1)).toBe('sdkgen plan: 1 warning.');
    expect(JSON.parse(plan.out)).toHaveProperty('methods');
    const diff = await cli(dir, 'diff', 'openapi.yaml', 'head.yaml');
    expect(diff.err).toBe(
      'sdkgen diff: 0 changes; 2 warnings (1 in the base, 1 in the head; `sdkgen plan` shows them).',
    );
    const mock = await cli(dir, 'mock', '--spec', 'openapi.yaml', '--port', '0', '--quiet');
    expect(mock.code).toBe(0);
    expect(mock.out.split('\n')[0]).toMatch(
      /^sdkgen mock: Test API \(1 operation; 1 warning\) at http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(mock.err).toBe('');
    // With errors too, a quiet run shows the errors alone, and counts both.
    writeFileSync(join(dir, 'openapi.yaml'), spec.replace('operationId: listPets', 'x-sdkgen-method: 9lives'));
    const failed = await cli(dir, 'generate', '--spec', 'openapi.yaml', '--out', 'out', '--quiet');
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('error extension-invalid');
    expect(failed.err).not.toContain('warning key-unknown');
    expect(failed.err.split('\n').at(-1)).toBe('sdkgen: 1 error, 1 warning (not shown: --quiet); nothing was written.');
  });

  it('explains usage errors with exit code 2', async () => {
    expect((await cli(ROOT, 'frobnicate')).code).toBe(2);
    expect((await cli(ROOT, 'generate', '--nope')).code).toBe(2);
    expect(await cli(ROOT, '--help')).toMatchObject({
      code: 0,
      out: expect.stringContaining('Usage: sdkgen <command>'),
    });
    expect(await cli(ROOT, 'generate', '--help')).toMatchObject({
      code: 0,
      out: expect.stringContaining('Usage: sdkgen generate'),
    });
    expect(await cli(ROOT, 'help', 'mock')).toMatchObject({
      code: 0,
      out: expect.stringContaining('Usage: sdkgen mock'),
    });
    expect((await cli(ROOT, 'help', 'nope')).code).toBe(2);
    expect((await cli(ROOT)).code).toBe(2);
  });

  it('runs as the sdkgen bin, exiting 1 without a stack trace on a bad spec', async () => {
    const dir = specDir({ 'openapi.yaml': 'openapi: 3.1.0\ninfo: [\n' });
    dirs.push(dir);
    const failure = await run(process.execPath, [join(ROOT, 'bin/sdkgen.js'), 'generate', '--spec', 'openapi.yaml'], {
      cwd: dir,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(/^openapi\.yaml:3:1: error yaml-syntax/);
    expect((failure as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the compiled package', () => {
  it('is importable by plain Node ESM right after generation, and walks a list', async () => {
    const dir = project();
    dirs.push(dir);
    expect((await cli(dir, 'generate')).code).toBe(0);
    const server = await startAdminServer({ groups: 42, key: 'sk-node' });
    try {
      const script = `
        import OpenAI, { NotFoundError } from ${JSON.stringify(join(dir, 'generated/dist/index.js'))};
        const client = new OpenAI({ baseURL: process.env.BASE_URL });
        let n = 0;
        for await (const group of client.admin.organization.projects.groups.list('proj_abc', { limit: 10 })) n++;
        const missing = await client.admin.organization.projects.groups.list('proj_x').catch((e) => e instanceof NotFoundError);
        console.log(JSON.stringify({ n, missing }));`;
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, BASE_URL: server.baseURL, OPENAI_ADMIN_KEY: 'sk-node' },
      });
      expect(JSON.parse(stdout)).toEqual({ n: 42, missing: true });
    } finally {
      await server.close();
    }
  });
});
