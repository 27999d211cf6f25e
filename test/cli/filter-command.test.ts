// `--include` / `--exclude` on the command line and in the config, through `sdkgen plan`,
// `sdkgen generate` and `sdkgen diff`: the same filter, read the same way, on every command.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const op = (id: string, tag: string, schema: string) => `
      operationId: ${id}
      tags: [${tag}]
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/${schema}' } } } }`;

function spec(petName = 'string', auditActor = 'string'): string {
  return openapi(`paths:
  /pets:
    get:${op('listPets', 'pets', 'Pet')}
  /pets/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:${op('getPet', 'pets', 'Pet')}
    delete:${op('deletePet', 'pets', 'Pet')}
  /admin/audits:
    get:${op('listAudits', 'admin', 'Audit')}
components:
  schemas:
    Pet: { type: object, required: [name], properties: { name: { type: ${petName} } } }
    Audit: { type: object, required: [actor], properties: { actor: { type: ${auditActor} } } }
`);
}

function project(files: Record<string, string>): string {
  const dir = specDir({ 'openapi.yaml': spec(), ...files });
  dirs.push(dir);
  return dir;
}

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('--include and --exclude', () => {
  it('take repeated flags and comma lists on the command line', async () => {
    const dir = project({});
    const { code, out } = await cli(
      dir,
      'plan',
      '--spec',
      'openapi.yaml',
      '--include',
      '/pets/**,tag:admin',
      '--exclude',
      'method:DELETE',
      '--exclude',
      'operationId:listAudits',
    );
    expect(code).toBe(0);
    expect(out).toContain('client.pets');
    expect(out).not.toContain('client.admin');
    expect(out).toContain('  --exclude method:DELETE           leaves out 1 operation');
    expect(out).toContain('  --exclude operationId:listAudits  leaves out 1 operation');
  });

  it('refuse a selector that is not one, as wrong usage, on every command that takes them', async () => {
    const dir = project({});
    for (const command of [['plan'], ['generate'], ['mock'], ['diff', 'a.yaml', 'b.yaml'], ['edits']]) {
      const { code, err } = await cli(dir, ...command, '--spec', 'openapi.yaml', '--exclude', 'tag:ok,pets');
      expect(code).toBe(2);
      expect(err).toContain(`sdkgen ${command[0]}: "pets" is not a selector: write a path glob`);
      expect(err).toContain(`Run \`sdkgen ${command[0]} --help\` for usage.`);
    }
  });

  it('are refused with --format openapi-typescript, which writes the whole spec’s types', async () => {
    const { code, err } = await cli(
      project({}),
      'generate',
      '--spec',
      'openapi.yaml',
      '--format',
      'openapi-typescript',
      '-o',
      'schema.d.ts',
      '--include',
      'tag:pets',
    );
    expect(code).toBe(2);
    expect(err).toContain("sdkgen generate: --include and --exclude choose a client's operations");
  });

  it('are read from the config, a list or one string, and the command line replaces them', async () => {
    const dir = project({ 'sdkgen.config.yaml': 'spec: openapi.yaml\ninclude:\n  - tag:admin\n' });
    const fromConfig = await cli(dir, 'plan');
    expect(fromConfig.out).toContain('client.admin');
    expect(fromConfig.out).not.toContain('client.pets');
    const fromFlag = await cli(dir, 'plan', '--include', 'tag:pets');
    expect(fromFlag.out).toContain('client.pets');
    expect(fromFlag.out).not.toContain('client.admin');
  });

  it('in the config, a bad entry is an error at its line and column', async () => {
    const dir = project({ 'sdkgen.config.yaml': 'spec: openapi.yaml\nexclude:\n  - tag:admin\n  - admin\n  - 3\n' });
    const { code, err } = await cli(dir, 'plan');
    expect(code).toBe(1);
    expect(err).toContain('sdkgen.config.yaml:4:5: error config-wrong-type: "exclude": "admin" is not a selector');
    expect(err).toContain(
      'sdkgen.config.yaml:5:5: error config-wrong-type: "exclude" must be a selector or a list of them',
    );
  });

  it('warn, at the config line, about a selector that matches nothing, with the closest match', async () => {
    const dir = project({ 'sdkgen.config.yaml': 'spec: openapi.yaml\ninclude: tag:pet\n' });
    const { code, err } = await cli(dir, 'plan');
    expect(code).toBe(0);
    expect(err).toContain(
      "sdkgen.config.yaml:2:10: warning filter-unmatched: --include tag:pet matches none of the spec's 4 operations.",
    );
    expect(err).toContain('Did you mean tag:pets?');
  });

  it('are kept in the regenerate command of the generated files', async () => {
    const dir = project({});
    const { code } = await cli(
      dir,
      'generate',
      '--spec',
      'openapi.yaml',
      '--out',
      'client',
      '--no-dist',
      '--include',
      '/pets/**',
    );
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'client/src/index.ts'), 'utf8').split('\n')[0]).toContain(
      "sdkgen generate --spec openapi.yaml --out client --include '/pets/**'",
    );
  });

  it('filter both sides of sdkgen diff alike: a change in what is left out is not reported', async () => {
    const dir = project({ 'head.yaml': spec('integer', 'integer') });
    const all = await cli(dir, 'diff', 'openapi.yaml', 'head.yaml', '--format', 'json');
    const changed = (text: string): string[] =>
      (JSON.parse(text) as { changes: { path?: string; operation?: string }[] }).changes.map((c) => JSON.stringify(c));
    expect(all.out).toContain('Audit');
    const pets = await cli(dir, 'diff', 'openapi.yaml', 'head.yaml', '--format', 'json', '--include', 'tag:pets');
    expect(pets.code).toBe(0);
    expect(changed(pets.out).length).toBeGreaterThan(0);
    expect(pets.out).toContain('Pet');
    expect(pets.out).not.toContain('Audit');
  });
});
