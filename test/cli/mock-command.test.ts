import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { ROOT } from '../helpers/paths.js';
import { specDir } from '../helpers/spec-files.js';

const CLI = join(ROOT, 'bin/sdkgen.js');

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('sdkgen mock', () => {
  it('serves spec/ until it is stopped, printing the base URL to use', async () => {
    const child = spawn(process.execPath, [CLI, 'mock', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: string[] = [];
    child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    let baseURL: string | undefined;
    for await (const line of createInterface({ input: child.stdout })) {
      baseURL = /at (http:\/\/\S+)$/.exec(line)?.[1];
      if (baseURL !== undefined) break;
    }
    expect(baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const response = await fetch(`${baseURL}/organization/projects/proj_abc/users?limit=2`, {
      headers: { authorization: 'Bearer any' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      object: 'list',
      first_id: 'user_001',
      last_id: 'user_002',
      has_more: true,
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log.join('')).toContain('sdkgen mock: GET /v1/organization/projects/proj_abc/users?limit=2 → 200');
  });

  it('says how to use it', async () => {
    const { code, out } = await run(ROOT, 'mock', '--help');
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: sdkgen mock \[options\]/);
    expect(out).toContain('--port <number>');
  });

  it('refuses a bad port with the usage exit code, and a taken port with a clear error', async () => {
    expect((await run(ROOT, 'mock', '--port', 'http')).code).toBe(2);
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as { port: number }).port);
    try {
      const { code, err } = await run(ROOT, 'mock', '--port', port);
      expect(code).toBe(1);
      expect(err).toContain(`cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
    } finally {
      taken.close();
    }
  });

  it('reports a broken spec with its location and does not start', async () => {
    const dir = specDir({
      'openapi.yaml':
        'openapi: 3.1.0\ninfo:\n  title: X\n  version: 1\npaths:\n  /a:\n    get:\n      responses: [oops\n',
    });
    const { code, err } = await run(dir, 'mock', '--spec', 'openapi.yaml');
    expect(code).toBe(1);
    expect(err).toMatch(/openapi\.yaml:\d+:\d+: error yaml-syntax/);
  });
});

describe('npm run demo', () => {
  it('walks every group and user of a project against the mock, and stops it', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'examples/demo.ts'],
      { cwd: ROOT },
    );
    const lines = stdout.split('\n');
    expect(lines.filter((l) => /^ {2}group_\d{3} {2}/.test(l))).toHaveLength(45);
    expect(lines.filter((l) => /^ {2}user_\d{3} {2}/.test(l))).toHaveLength(45);
    expect(stdout).toContain('45 groups and 45 users');
  });
});
