/**
 * `--stainless` on the commands, the `stainless` config key, and `sdkgen import stainless`,
 * whose overlay makes the same decisions as the config it was written from.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { regenerateCommand } from '../../generator/command.js';
import { loadConfig } from '../../generator/config/load-config.js';
import { applyOverlay } from '../../generator/load/overlay.js';
import { convertStainless } from '../../generator/load/stainless/convert.js';
import { parseSpecFile } from '../../generator/load/yaml-file.js';
import { specDir } from '../helpers/spec-files.js';
import { until } from '../helpers/until.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/stainless-honcho');
const SPEC = readFileSync(join(FIXTURE, 'openapi.yaml'), 'utf8');
const CONFIG = readFileSync(join(FIXTURE, 'stainless.yml'), 'utf8');

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = specDir(files);
  dirs.push(dir);
  return dir;
}

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const parse = (dir: string, path: string) =>
  parseSpecFile(join(dir, path), path, readFileSync(join(dir, path), 'utf8')).file;

describe('sdkgen import stainless', () => {
  it('writes the decisions as an overlay that makes the same document as --stainless', async () => {
    const dir = project({ 'api/openapi.yaml': SPEC, 'stainless.yml': CONFIG });
    const result = await cli(
      dir,
      'import',
      'stainless',
      'stainless.yml',
      '--spec',
      'api/openapi.yaml',
      '-o',
      'sdk.overlay.yaml',
    );
    expect(result.code).toBe(0);
    expect(result.err).toContain('stainless.yml:40:21: warning stainless-key-unsupported');
    expect(result.err).toMatch(/sdkgen import: wrote \d+ actions to sdk\.overlay\.yaml; 3 warnings\.$/);
    const written = readFileSync(join(dir, 'sdk.overlay.yaml'), 'utf8');
    expect(written.split('\n').slice(0, 4)).toEqual([
      '# Written by `sdkgen import stainless stainless.yml --spec api/openapi.yaml`: the decisions of that',
      '# Stainless config as sdkgen extensions (docs/stainless.md). Generate with `--overlay` on this file',
      '# instead of `--stainless`; edit it as your own from now on.',
      'overlay: 1.0.0',
    ]);

    const withOverlay = parse(dir, 'api/openapi.yaml').value;
    expect(applyOverlay(withOverlay, parse(dir, 'sdk.overlay.yaml'))).toEqual([]);
    const withConfig = parse(dir, 'api/openapi.yaml').value;
    const converted = convertStainless(parse(dir, 'stainless.yml'), withConfig as Record<string, unknown>);
    expect(applyOverlay(withConfig, converted.file)).toEqual([]);
    expect(withOverlay).toEqual(withConfig);
    expect(JSON.stringify(withOverlay)).toBe(JSON.stringify(withConfig));
  });

  it('prints the overlay without -o, the same text every time', async () => {
    const dir = project({ 'spec/openapi.yaml': SPEC, 'stainless.yml': CONFIG });
    const first = await cli(dir, 'import', 'stainless', 'stainless.yml');
    const second = await cli(dir, 'import', 'stainless', 'stainless.yml');
    expect(first.code).toBe(0);
    expect(first.out).toContain("  - target: $.paths['/v1/admin/audit'].get");
    expect(first.out).toBe(second.out);
  });

  it('stops on an endpoint the spec lacks, at its line in the config, and writes nothing', async () => {
    const dir = project({
      'spec/openapi.yaml': SPEC,
      'stainless.yml': CONFIG.replace('get: get /v1/apps', 'get: get /v1/app'),
    });
    const result = await cli(dir, 'import', 'stainless', 'stainless.yml', '-o', 'out.yaml');
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'stainless.yml:15:7: error stainless-endpoint-unknown: The spec has no endpoint `get /v1/app`.',
    );
    expect(result.err).toContain('hint: Did you mean `get /v1/apps`?');
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });

  it('says what it imports', async () => {
    const dir = project({});
    expect(await cli(dir, 'import')).toMatchObject({
      code: 2,
      err: 'sdkgen import: say what to import: `sdkgen import stainless <stainless.yml>`. Run `sdkgen import --help` for usage.',
    });
    expect((await cli(dir, 'import', 'speakeasy', 'gen.yaml')).err).toContain(
      'sdkgen imports "stainless" configs, not "speakeasy"',
    );
    expect((await cli(dir, 'import', 'stainless')).code).toBe(2);
    expect((await cli(dir, 'help', 'import')).out).toContain('Usage: sdkgen import stainless <stainless.yml>');
  });
});

describe('--stainless and the stainless config key', () => {
  it('generate --stainless stops on a config error, located in the config, and writes nothing', async () => {
    const dir = project({
      'spec/openapi.yaml': SPEC,
      'stainless.yml': CONFIG.replace('security_scheme: HTTPBearer', 'security_scheme: Bearer'),
    });
    const result = await cli(dir, 'generate', '--stainless', 'stainless.yml', '--out', 'client', '--no-dist');
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'stainless.yml:83:15: error stainless-security-scheme-unknown: The spec has no security scheme "Bearer" (#/components/securitySchemes).',
    );
    expect(existsSync(join(dir, 'client'))).toBe(false);
  });

  it('plan, mock and diff take --stainless too', async () => {
    const dir = project({
      'spec/openapi.yaml': SPEC,
      'stainless.yml': CONFIG.replace('post /v1/apps/list', 'post /v1/apps/lists'),
    });
    for (const argv of [
      ['plan', '--stainless', 'stainless.yml'],
      ['mock', '--stainless', 'stainless.yml', '--port', '0'],
      ['diff', 'spec/openapi.yaml', 'spec/openapi.yaml', '--stainless', 'stainless.yml'],
    ]) {
      const result = await cli(dir, ...argv);
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.err, argv.join(' ')).toContain(
        'error stainless-endpoint-unknown: The spec has no endpoint `post /v1/apps/lists`.',
      );
    }
  });

  it('reads `stainless` from sdkgen’s config, relative to the config file', async () => {
    const dir = project({
      'sdk/sdkgen.config.json': JSON.stringify({
        spec: '../spec/openapi.yaml',
        stainless: '../stainless/stainless.yml',
      }),
    });
    expect(loadConfig(dir, 'sdk/sdkgen.config.json')).toMatchObject({ stainless: 'stainless/stainless.yml' });
    writeFileSync(join(dir, 'sdkgen.config.json'), JSON.stringify({ stainless: 7 }));
    expect(() => loadConfig(dir)).toThrow('"stainless" must be a non-empty string, got 7.');
  });

  it('names --stainless in the generated files’ command, before the overlays applied after it', () => {
    const dir = project({ 'package.json': '{}' });
    expect(
      regenerateCommand(join(dir, 'spec/openapi.yaml'), join(dir, 'client'), {
        stainless: join(dir, 'stainless/stainless.yml'),
        overlays: [join(dir, 'fix.yaml')],
      }),
    ).toBe(
      'sdkgen generate --spec spec/openapi.yaml --out client --stainless stainless/stainless.yml --overlay fix.yaml',
    );
  });

  it('generate --watch watches the Stainless config, and runs again when it changes', async () => {
    const broken = (path: string) => CONFIG.replace('post /v1/apps/list', `post ${path}`);
    const dir = project({ 'spec/openapi.yaml': SPEC, 'stainless.yml': broken('/v1/apps/lists') });
    const lines: string[] = [];
    let stop = (): void => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = { cwd: dir, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), stopped };
    const done = main(['generate', '--watch', '--stainless', 'stainless.yml', '--out', 'out', '--no-dist'], io);
    const text = (): string => lines.join('\n');
    await until(() => text().includes('watching 2 files for changes'), 'the watch to start', text);
    expect(text()).toContain('no endpoint `post /v1/apps/lists`');

    writeFileSync(join(dir, 'stainless.yml'), broken('/v1/apps/listing'));
    await until(() => text().includes('no endpoint `post /v1/apps/listing`'), 'a run after the config changed', text);
    expect(text()).toContain('stainless.yml changed; regenerating.');
    stop();
    expect(await done).toBe(0);
  });
});
