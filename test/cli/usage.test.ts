import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closest, editDistance, parseCommandArgs, UsageError } from '../../generator/cli/args.js';
import { main } from '../../generator/cli.js';
import { regenerateCommand } from '../../generator/command.js';
import { plural } from '../../generator/plural.js';
import { ROOT } from '../helpers/paths.js';
import { specDir } from '../helpers/spec-files.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd: ROOT, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('the command line, as a person meets it', () => {
  it('prints its version for --version, -v and version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v', 'version'])
      expect(await cli(flag)).toEqual({ code: 0, out: [version], err: [] });
  });

  it.each([
    [['generate', '--frob'], 'sdkgen generate: unknown option --frob. Run `sdkgen generate --help` for usage.'],
    [
      ['generate', '--ovrlay', 'x.yaml'],
      'sdkgen generate: unknown option --ovrlay; did you mean --overlay? Run `sdkgen generate --help` for usage.',
    ],
    [['generate', '--spec'], 'sdkgen generate: --spec needs a value. Run `sdkgen generate --help` for usage.'],
    [
      ['generate', 'spec.yaml'],
      'sdkgen generate: unexpected argument "spec.yaml". Run `sdkgen generate --help` for usage.',
    ],
    [
      ['generate', '--check', '--watch'],
      'sdkgen generate: --watch and --check do not go together: --check is for CI, --watch for editing. Run `sdkgen generate --help` for usage.',
    ],
    [
      ['mock', '--prot', '4010'],
      'sdkgen mock: unknown option --prot; did you mean --port? Run `sdkgen mock --help` for usage.',
    ],
    [
      ['mock', '--port', 'x'],
      'sdkgen mock: --port must be a whole number from 0 to 65535, not "x". Run `sdkgen mock --help` for usage.',
    ],
    [
      ['plan', '--format', 'xml'],
      'sdkgen plan: --format must be one of text, json, not "xml". Run `sdkgen plan --help` for usage.',
    ],
    [
      ['diff', 'a.yaml'],
      'sdkgen diff: expected a base spec and a head spec (or --base <git-ref>). Run `sdkgen diff --help` for usage.',
    ],
    [['genrate'], 'sdkgen: unknown command "genrate"; did you mean generate? Run `sdkgen --help` for usage.'],
    [['gen'], 'sdkgen: unknown command "gen"; did you mean generate? Run `sdkgen --help` for usage.'],
    [['--spec', 'x'], 'sdkgen: a command comes first, before "--spec". Run `sdkgen --help` for usage.'],
  ])('%j is one line in sdkgen’s words, exit 2', async (argv, line) => {
    expect(await cli(...argv)).toEqual({ code: 2, out: [], err: [line] });
  });

  it('accepts --name=value and --no-name for booleans', () => {
    const spec = { command: 'x', options: { spec: { type: 'string' }, dist: { type: 'boolean' } } } as const;
    expect(parseCommandArgs(spec, ['--spec=a.yaml', '--no-dist']).values).toEqual({ spec: 'a.yaml', dist: false });
    expect(() => parseCommandArgs(spec, ['--no-spec'])).toThrow(UsageError);
  });

  it('suggests only a name close enough to be the one meant', () => {
    expect(editDistance('ovrelay', 'overlay')).toBe(1);
    expect(closest('frob', ['force', 'spec', 'out'])).toBeUndefined();
    expect(closest('chek', ['check', 'config'])).toBe('check');
    expect(closest('con', ['config', 'check'])).toBe('config');
  });

  it('counts in words: one of a thing, many things', () => {
    expect(plural(1, 'operation')).toBe('1 operation');
    expect(plural(2, 'operation')).toBe('2 operations');
    expect(plural(0, 'page class', 'page classes')).toBe('0 page classes');
    expect(plural(1500, 'file')).toBe('1,500 files');
  });
});

describe('the regenerate command in the banners', () => {
  it('runs from the project root (the folder with package.json), wherever the output is', () => {
    const dir = specDir({ 'package.json': '{}', 'api/openapi.yaml': '' });
    expect(regenerateCommand(join(dir, 'api/openapi.yaml'), join(dir, 'packages/client'))).toBe(
      'sdkgen generate --spec api/openapi.yaml --out packages/client',
    );
    expect(regenerateCommand(join(dir, 'api/openapi.yaml'), join(dir, 'client'))).toBe(
      'sdkgen generate --spec api/openapi.yaml --out client',
    );
  });
});
