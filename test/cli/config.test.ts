import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mockCommand } from '../../generator/cli/mock-command.js';
import { colourEnabled } from '../../generator/cli/terminal.js';
import { main } from '../../generator/cli.js';
import type { MockServer } from '../../generator/mock/mock-server.js';
import { ROOT } from '../helpers/paths.js';
import { specDir } from '../helpers/spec-files.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A folder with spec/ copied in and the given files. */
function project(files: Record<string, string>): string {
  const dir = specDir(files);
  dirs.push(dir);
  cpSync(join(ROOT, 'spec'), join(dir, 'api'), { recursive: true });
  return dir;
}

async function cli(cwd: string, argv: string[], colour = false): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    cwd,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    colour: { out: colour, err: colour },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('a config file', () => {
  it('sdkgen.config.json sets the spec and the output, relative to the file', async () => {
    const dir = project({
      'sdkgen.config.json': JSON.stringify({ spec: 'api/openapi.yaml', out: 'client', dist: false }),
    });
    const { code, out } = await cli(dir, ['generate']);
    expect(code).toBe(0);
    expect(out).toContain('→ client/:');
    expect(out).toContain('(options from sdkgen.config.json)');
    expect(existsSync(join(dir, 'client/src/index.ts'))).toBe(true);
    expect(existsSync(join(dir, 'client/dist'))).toBe(false);
    // From another folder, with --config: paths still the file's.
    mkdirSync(join(dir, 'elsewhere'));
    const again = await cli(join(dir, 'elsewhere'), ['generate', '--config', '../sdkgen.config.json']);
    expect(again.out).toContain('→ ../client/: 0 written');
  });

  it('sdkgen.config.yaml, with command-line options winning', async () => {
    const dir = project({ 'sdkgen.config.yaml': 'spec: api/openapi.yaml\nout: from-config\ndist: false\n' });
    expect((await cli(dir, ['generate', '--out', 'from-flag'])).out).toContain('→ from-flag/:');
    expect(existsSync(join(dir, 'from-config'))).toBe(false);
  });

  it('the "sdkgen" key of package.json', async () => {
    const dir = project({
      'package.json': JSON.stringify({ name: 'app', sdkgen: { spec: 'api/openapi.yaml', out: 'sdk', dist: false } }),
    });
    const { out } = await cli(dir, ['generate']);
    expect(out).toContain('→ sdk/:');
    expect(out).toContain('(options from package.json)');
  });

  it('a package.json without the key is no config', async () => {
    const dir = project({ 'package.json': '{"name": "app"}' });
    expect((await cli(dir, ['generate', '--spec', 'api/openapi.yaml', '--no-dist'])).out).not.toContain('options from');
  });

  it('reports unknown options and wrong types with file, line and column, and writes nothing', async () => {
    const dir = project({
      'sdkgen.config.yaml': 'spec: api/openapi.yaml\noutt: client\ndist: "no"\nmock:\n  port: 99999\n',
    });
    const { code, err } = await cli(dir, ['generate']);
    expect(code).toBe(1);
    expect(err).toContain(
      'sdkgen.config.yaml:2:1: error config-unknown-key: Unknown option "outt"; the options are spec, out, overlays, stainless, include, exclude, dist, allowRemoteRefs, strict, mock, types.',
    );
    expect(err).toContain('2 | outt: client\n  | ^');
    expect(err).toContain('sdkgen.config.yaml:3:7: error config-wrong-type: "dist" must be true or false, got "no".');
    expect(err).toContain(
      'sdkgen.config.yaml:5:9: error config-wrong-type: "mock.port" must be a port number from 0 to 65535, got 99999.',
    );
    expect(err).toContain('3 errors, no warnings; nothing was written.');
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('reports a config that does not parse', async () => {
    const dir = project({ 'sdkgen.config.json': '{"spec": "api/openapi.yaml",,}' });
    const { code, err } = await cli(dir, ['generate']);
    expect(code).toBe(1);
    expect(err).toMatch(/^sdkgen\.config\.json:1:\d+: error config-syntax: /);
  });

  it('gives the mock its spec, port and data set size', async () => {
    const dir = project({ 'sdkgen.config.yml': 'spec: api/openapi.yaml\nmock:\n  port: 0\n  items: 3\n' });
    let stop = (): void => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    let server: MockServer | undefined;
    const done = mockCommand([], { cwd: dir, out: () => {}, err: () => {}, stopped, onListening: (s) => (server = s) });
    while (server === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
    const page = (await (
      await fetch(`${server.baseURL}/organization/projects/p/groups`, { headers: { authorization: 'Bearer k' } })
    ).json()) as { data: unknown[] };
    expect(page.data).toHaveLength(3);
    stop();
    expect(await done).toBe(0);
  });
});

describe('colour', () => {
  it('only on a terminal, never with NO_COLOR, always with FORCE_COLOR', () => {
    expect(colourEnabled({ isTTY: true }, {})).toBe(true);
    expect(colourEnabled({ isTTY: false }, {})).toBe(false);
    expect(colourEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled({ isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(colourEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });

  it('marks errors in red when allowed, and prints plain text otherwise', async () => {
    const dir = specDir({ 'openapi.yaml': 'openapi: 3.1.0\ninfo: [\n' });
    dirs.push(dir);
    const coloured = await cli(dir, ['generate', '--spec', 'openapi.yaml'], true);
    expect(coloured.err).toContain('\u001b[31merror\u001b[39m');
    const plain = await cli(dir, ['generate', '--spec', 'openapi.yaml'], false);
    expect(plain.err).not.toContain('\u001b[');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequences of colours are what is taken out.
    expect(plain.err.replace(/\n/g, '')).toBe(coloured.err.replace(/\u001b\[\d+m/g, '').replace(/\n/g, ''));
  });
});
