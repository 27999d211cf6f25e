import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { openapi, specDir } from '../helpers/spec-files.js';

/** Runs the CLI in-process with `cwd`, capturing what it prints; a mock stops as soon as it has started. */
async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, out: (l) => out.push(l), err: (l) => err.push(l), stopped: Promise.resolve() });
  return { code, out, err: err.flatMap((line) => line.split('\n')) };
}

/**
 * 50 schemas with a misspelled key (`tyep`: 50 key-unknown warnings, one pattern) and 2 with
 * YAML's null in a type list (2 schema-type-null-unquoted warnings), as a big spec has them.
 */
function spec(extra = ''): string {
  const misspelled = Array.from(
    { length: 50 },
    (_, i) => `    Pet${i}:\n      type: object\n      properties: {name: {tyep: string}}\n`,
  ).join('');
  const nulls = ['    Tags:\n', '    Labels:\n'].map(
    (name) => `${name}      type: [array, null]\n      items: {type: string}\n`,
  );
  return openapi(`paths: {}\ncomponents:\n  schemas:\n${misspelled}${nulls.join('')}${extra}`);
}

/** The line of a schema's `tyep` key: after 6 lines of header and 3 of `paths` and `components`, 3 lines a schema. */
const tyepAt = (i: number): string => `openapi.yaml:${12 + 3 * i}:27`;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function project(text = spec()): string {
  const dir = specDir({ 'openapi.yaml': text });
  dirs.push(dir);
  return dir;
}

describe('warnings of one code, grouped', () => {
  it('print the first in full, the next three a line each, and a count of the rest; a code with few prints each', async () => {
    const run = await cli(project(), 'generate', '--spec', 'openapi.yaml', '--out', 'out', '--no-dist');
    expect(run.code).toBe(0);
    expect(run.err).toEqual([
      'sdkgen: 50 key-unknown warnings, the first in full (--verbose prints every one):',
      `${tyepAt(0)}: warning key-unknown: \`tyep\` is not a field of a schema in OpenAPI 3.1; it is ignored.`,
      '12 |       properties: {name: {tyep: string}}',
      '   |                           ^',
      '  hint: Did you mean `type`?',
      `  also ${tyepAt(1)}: \`tyep\` is not a field of a schema in OpenAPI 3.1; it is ignored.`,
      `  also ${tyepAt(2)}: \`tyep\` is not a field of a schema in OpenAPI 3.1; it is ignored.`,
      `  also ${tyepAt(3)}: \`tyep\` is not a field of a schema in OpenAPI 3.1; it is ignored.`,
      '  …and 46 more key-unknown warnings.',
      expect.stringMatching(/^openapi\.yaml:161:7: warning schema-type-null-unquoted: /),
      '161 |       type: [array, null]',
      '    |       ^',
      expect.stringMatching(/^ {2}hint: /),
      expect.stringMatching(/^openapi\.yaml:164:7: warning schema-type-null-unquoted: /),
      '164 |       type: [array, null]',
      '    |       ^',
      expect.stringMatching(/^ {2}hint: /),
    ]);
    expect(run.out.at(-1)).toMatch(/; 52 warnings\.$/);
  });

  it('--verbose prints every warning in full, each at its line', async () => {
    const run = await cli(project(), 'generate', '--spec', 'openapi.yaml', '--out', 'out', '--no-dist', '--verbose');
    expect(run.code).toBe(0);
    const headers = run.err.filter((line) => / warning [\w-]+: /.test(line));
    expect(headers).toHaveLength(52);
    expect(headers.slice(0, 50).map((line) => line.split(': ')[0])).toEqual(
      Array.from({ length: 50 }, (_, i) => tyepAt(i)),
    );
    expect(run.err.filter((line) => line.startsWith('  hint: '))).toHaveLength(52);
    expect(run.err.join('\n')).not.toContain('more key-unknown');
  });

  it('--quiet prints nothing at all when there are only warnings, and exits 0', async () => {
    const run = await cli(project(), 'generate', '--spec', 'openapi.yaml', '--out', 'out', '--no-dist', '--quiet');
    expect(run).toEqual({ code: 0, out: [], err: [] });
  });

  it('--quiet prints the errors alone, in full; without it the warnings beside them are grouped', async () => {
    const broken = spec('    Broken:\n      x-sdkgen-name: 9lives\n      type: object\n');
    const quiet = await cli(project(broken), 'generate', '--spec', 'openapi.yaml', '--out', 'out', '--quiet');
    expect(quiet.code).toBe(1);
    expect(quiet.err.filter((line) => / (error|warning) [\w-]+: /.test(line))).toEqual([
      expect.stringMatching(/^openapi\.yaml:167:\d+: error [\w-]+: /),
    ]);
    expect(quiet.err.at(-1)).toBe('sdkgen: 1 error, 52 warnings (not shown: --quiet); nothing was written.');
    const normal = await cli(project(broken), 'generate', '--spec', 'openapi.yaml', '--out', 'out');
    expect(normal.code).toBe(1);
    expect(normal.err).toContain('sdkgen: 50 key-unknown warnings, the first in full (--verbose prints every one):');
    expect(normal.err.filter((line) => / error [\w-]+: /.test(line))).toHaveLength(1);
    expect(normal.err.at(-1)).toBe('sdkgen: 1 error, 52 warnings; nothing was written.');
  });

  it('is how plan and mock print them too', async () => {
    const dir = project();
    const plan = await cli(dir, 'plan', '--spec', 'openapi.yaml');
    expect(plan.err).toContain('sdkgen plan: 50 key-unknown warnings, the first in full (--verbose prints every one):');
    expect(plan.err.at(-1)).toBe('sdkgen plan: 52 warnings.');
    const verbosePlan = await cli(dir, 'plan', '--spec', 'openapi.yaml', '--verbose');
    expect(verbosePlan.err.filter((line) => / warning [\w-]+: /.test(line))).toHaveLength(52);
    const quietPlan = await cli(dir, 'plan', '--spec', 'openapi.yaml', '--quiet');
    expect(quietPlan.err).toEqual([]);
    expect(quietPlan.out.join('\n')).toContain('0 methods');
    const mock = await cli(dir, 'mock', '--spec', 'openapi.yaml', '--port', '0');
    expect(mock.code).toBe(0);
    expect(mock.err).toContain('sdkgen mock: 50 key-unknown warnings, the first in full (--verbose prints every one):');
    const quietMock = await cli(dir, 'mock', '--spec', 'openapi.yaml', '--port', '0', '--quiet');
    expect(quietMock.err).toEqual([]);
  });

  it('--quiet and --verbose together are wrong usage', async () => {
    const run = await cli(project(), 'generate', '--spec', 'openapi.yaml', '--quiet', '--verbose');
    expect(run.code).toBe(2);
    expect(run.err).toEqual([
      'sdkgen generate: --quiet and --verbose do not go together: choose how much to print. Run `sdkgen generate --help` for usage.',
    ]);
  });
});
