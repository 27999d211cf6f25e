import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { ROOT } from '../helpers/paths.js';
import { specDir } from '../helpers/spec-files.js';

const ADMIN = readFileSync(join(ROOT, 'spec/openapi.yaml'), 'utf8');
/** spec/ with `desc` dropped from the groups' order and a required group field made optional. */
const CHANGED = ADMIN.replace('              - asc\n              - desc\n', '              - asc\n').replace(
  '        - group_type\n        - created_at\n',
  '        - group_type\n',
);

async function diff(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['diff', ...argv], { cwd, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function gitIn(repo: string): (...args: string[]) => string {
  return (...args) =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
      cwd: repo,
      encoding: 'utf8',
    });
}

const OVERLAY = (info: string): string =>
  `overlay: 1.0.0\ninfo: {${info}, version: 1.0.0}\nactions:\n  - target: $.info\n    update: {description: Admin API.}\n`;

describe('sdkgen diff', () => {
  const dir = specDir({ 'base.yaml': ADMIN, 'head.yaml': CHANGED });

  it('writes a Markdown report for a PR comment, grouped by operation, breaking first', async () => {
    expect(CHANGED).not.toBe(ADMIN);
    const { code, out } = await diff(dir, 'base.yaml', 'head.yaml');
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 4)).toEqual([
      '<!-- sdkgen-diff -->',
      '### API changes: 2 breaking, 0 potentially breaking, 0 non-breaking',
      '',
      '#### `GET /organization/projects/{project_id}/groups`',
    ]);
    expect(out).toContain(
      'a value was removed from a request enum: query parameter `order`: `"desc"` → `—` · wire breaking, client breaking · `request-enum-value-removed`',
    );
    expect(out).toContain('a response field became optional: `ProjectGroup.created_at`');
  });

  it('sets the exit code with --fail-on', async () => {
    expect((await diff(dir, 'base.yaml', 'head.yaml', '--fail-on', 'breaking')).code).toBe(1);
    expect((await diff(dir, 'base.yaml', 'head.yaml', '--fail-on', 'any')).code).toBe(1);
    expect((await diff(dir, 'base.yaml', 'base.yaml', '--fail-on', 'any')).code).toBe(0);
    expect((await diff(dir, 'base.yaml', 'base.yaml')).out).toContain('No changes.');
  });

  it('writes JSON with stable fingerprints, and GitHub workflow annotations', async () => {
    const json = JSON.parse((await diff(dir, 'base.yaml', 'head.yaml', '--format', 'json')).out) as {
      summary: Record<string, number>;
      changes: { rule: string; fingerprint: string }[];
    };
    expect(json.summary).toEqual({ breaking: 2, 'potentially-breaking': 0, 'non-breaking': 0, documentation: 0 });
    expect(json.changes.map((c) => c.rule)).toEqual([
      'request-enum-value-removed',
      'response-property-became-optional',
    ]);
    const again = JSON.parse((await diff(dir, 'base.yaml', 'head.yaml', '--format', 'json')).out) as typeof json;
    expect(again.changes.map((c) => c.fingerprint)).toEqual(json.changes.map((c) => c.fingerprint));
    const github = (await diff(dir, 'base.yaml', 'head.yaml', '--format', 'github')).out.split('\n');
    expect(github).toHaveLength(2);
    // On the spec's line, from the repository's root (here: no repository, so the current folder).
    expect(github[0]).toMatch(
      /^::error file=head\.yaml,line=\d+,col=\d+,title=request-enum-value-removed%3A wire breaking%2C client breaking::a value was removed from a request enum: query parameter order/,
    );
  });

  it('reads the base from git with --base', async () => {
    const repo = specDir({ 'spec/openapi.yaml': ADMIN });
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
        cwd: repo,
        encoding: 'utf8',
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'base');
    writeFileSync(join(repo, 'spec/openapi.yaml'), CHANGED);
    const { code, out } = await diff(repo, '--base', 'HEAD', '--fail-on', 'breaking');
    expect(code).toBe(1);
    expect(out).toContain('2 breaking');
    // The base's findings point into the repository's files, not the temporary checkout.
    const github = (await diff(repo, '--base', 'HEAD', '--format', 'github')).out;
    expect(github).toContain('file=spec/openapi.yaml,line=');
    expect(github).not.toContain('sdkgen-diff-base-');
    expect((await diff(repo, '--base', 'no-such-ref')).err).toContain('cannot read no-such-ref from git');
  });

  it('with --base, reads the spec and overlays the config names, at each revision', async () => {
    // The spec lives where sdkgen.config.json says, and moved between the two commits.
    const repo = specDir({
      'sdkgen.config.json': '{ "spec": "api/v1.yaml", "overlays": ["api/overlay.yaml"] }\n',
      'api/v1.yaml': ADMIN,
      'api/overlay.yaml': OVERLAY('title: Admin'),
    });
    const git = gitIn(repo);
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'base');
    git('mv', 'api/v1.yaml', 'api/openapi.yaml');
    writeFileSync(
      join(repo, 'sdkgen.config.json'),
      '{ "spec": "api/openapi.yaml", "overlays": ["api/overlay.yaml"] }\n',
    );
    // The overlay at the head drops the users' list: a change only the overlay makes.
    writeFileSync(
      join(repo, 'api/overlay.yaml'),
      `${OVERLAY('title: Admin')}  - target: $.paths['/organization/projects/{project_id}/users'].get\n    remove: true\n`,
    );
    const { code, out, err } = await diff(repo, '--base', 'HEAD', '--format', 'json');
    expect(err).toBe('sdkgen diff: 1 change; no warnings.');
    expect(code).toBe(0);
    const changes = (JSON.parse(out) as { changes: { rule: string; location: { file: string }; locatedIn: string }[] })
      .changes;
    expect(changes.map((c) => [c.rule, c.location.file, c.locatedIn])).toEqual([
      ['operation-removed', 'HEAD:api/v1.yaml', 'base'],
    ]);
  });

  it("locates a removal at the base's file and line: HEAD:path with --base, never the head's line", async () => {
    const repo = specDir({ 'spec/openapi.yaml': ADMIN });
    const git = gitIn(repo);
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'base');
    // Lines above the removed field are removed too, so the base's line is another line of the head.
    writeFileSync(
      join(repo, 'spec/openapi.yaml'),
      ADMIN.replace('        group_type:\n          type: string\n          description: The type of the group.\n', '')
        .replace('        - group_type\n', '')
        .replace(/^info:\n/m, 'info:\n  x-filler: 1\n'),
    );
    const json = JSON.parse((await diff(repo, '--base', 'HEAD', '--format', 'json')).out) as {
      changes: { rule: string; location: { file: string; line: number; column: number }; locatedIn: string }[];
    };
    const gone = json.changes.find((c) => c.rule === 'response-property-removed');
    expect(gone?.locatedIn).toBe('base');
    expect(gone?.location.file).toBe('HEAD:spec/openapi.yaml');
    const line = gone?.location.line ?? 0;
    expect(ADMIN.split('\n')[line - 1]).toContain('group_type:');
    const at = `HEAD:spec/openapi.yaml:${line}:${gone?.location.column}`;
    expect((await diff(repo, '--base', 'HEAD')).out).toContain(`\`response-property-removed\` · ${at} (base)`);
    // An annotation on the run, not on a line of the head's file: it says where the field was.
    const github = (await diff(repo, '--base', 'HEAD', '--format', 'github')).out.split('\n');
    const annotation = github.find((a) => a.includes('title=response-property-removed'));
    expect(annotation).toMatch(
      /^::error title=response-property-removed%3A [^:]*::.*\(in the base at HEAD:spec\/openapi\.yaml:\d+:\d+\)$/,
    );
    expect(annotation).not.toContain('file=');
  });

  it('locates every finding: in the head spec, or for a removal in the base', async () => {
    const json = JSON.parse((await diff(dir, 'base.yaml', 'head.yaml', '--format', 'json')).out) as {
      changes: { rule: string; location: { file: string; line: number; column: number } }[];
    };
    const enumChange = json.changes.find((c) => c.rule === 'request-enum-value-removed');
    const optional = json.changes.find((c) => c.rule === 'response-property-became-optional');
    const lines = CHANGED.split('\n');
    expect(enumChange?.location.file).toBe('head.yaml');
    expect(lines[(enumChange?.location.line ?? 0) - 1]).toContain('- name: order');
    expect(lines[(optional?.location.line ?? 0) - 1]).toContain('created_at:');
    const removed = specDir({
      'base.yaml': ADMIN,
      'head.yaml': ADMIN.replace(
        '        group_type:\n          type: string\n          description: The type of the group.\n',
        '',
      ).replace('        - group_type\n', ''),
    });
    const gone = (
      JSON.parse((await diff(removed, 'base.yaml', 'head.yaml', '--format', 'json')).out) as typeof json
    ).changes.find((c) => c.rule === 'response-property-removed');
    expect(gone?.location.file).toBe('base.yaml');
    expect(ADMIN.split('\n')[(gone?.location.line ?? 0) - 1]).toContain('group_type:');
  });

  it('reports documentation changes in their own folded section, counted by --fail-on any, left out by --ignore-docs', async () => {
    const docs = specDir({
      'base.yaml': ADMIN,
      'head.yaml': ADMIN.replace('description: Display name of the group.', 'description: The name people see.'),
    });
    const markdown = await diff(docs, 'base.yaml', 'head.yaml');
    expect(markdown.out).toContain(
      '### API changes: 0 breaking, 0 potentially breaking, 0 non-breaking · 1 documentation change',
    );
    expect(markdown.out).toContain(
      "<details>\n<summary>Documentation changes (1): descriptions, summaries, examples; they change the client's JSDoc and api.md, not its behaviour</summary>",
    );
    expect(markdown.out).toContain("a field's description changed: `ProjectGroup.group_name`");
    expect((await diff(docs, 'base.yaml', 'head.yaml', '--fail-on', 'any')).code).toBe(1);
    expect((await diff(docs, 'base.yaml', 'head.yaml', '--fail-on', 'breaking')).code).toBe(0);
    const ignored = await diff(docs, 'base.yaml', 'head.yaml', '--ignore-docs', '--fail-on', 'any');
    expect(ignored.code).toBe(0);
    expect(ignored.out).toContain('No changes.');
  });

  it('says which findings made --fail-on fail, on stderr', async () => {
    const { code, err } = await diff(dir, 'base.yaml', 'head.yaml', '--format', 'json', '--fail-on', 'breaking');
    expect(code).toBe(1);
    expect(err.split('\n')[0]).toBe('sdkgen diff: 2 changes reached --fail-on breaking:');
    expect(err).toMatch(
      / {2}a value was removed from a request enum: query parameter `order`: `"desc"` → `—` \(`GET \/organization\/projects\/\{project_id\}\/groups`\) · wire breaking, client breaking · `request-enum-value-removed` · head\.yaml:\d+:\d+/,
    );
  });

  it('sums up what the change does to the generated client, with the lines it changes', async () => {
    const renamed = specDir({
      'base.yaml': ADMIN,
      'head.yaml': CHANGED.replace('operationId: list-project-groups', 'operationId: list-groups-of-project'),
    });
    const { out } = await diff(renamed, 'base.yaml', 'head.yaml');
    const section = out.slice(out.indexOf('#### The generated client'));
    expect(section).toContain('- Functions renamed: `listProjectGroups` → `listGroupsOfProject`');
    expect(section).toContain('- Types changed: `ProjectGroup`');
    expect(section).toMatch(
      /\d+ lines changed in the generated package \(\+\d+ −\d+, \d+ files\); api-report\.md \+\d+ −\d+\./,
    );
    const json = JSON.parse((await diff(renamed, 'base.yaml', 'head.yaml', '--format', 'json')).out) as {
      surface: { lines: { added: number; removed: number } };
    };
    expect(json.surface.lines.added).toBeGreaterThan(0);
  });

  it('compares multi-file specs, naming the schema of the file that changed', async () => {
    const multi = specDir({});
    cpSync(join(ROOT, 'test/fixtures/multi-file'), join(multi, 'base'), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/multi-file'), join(multi, 'head'), { recursive: true });
    const author = join(multi, 'head/schemas/author.yaml');
    writeFileSync(author, readFileSync(author, 'utf8').replace('required: [name]', 'required: []'));
    const { code, out } = await diff(multi, 'base/openapi.yaml', 'head/openapi.yaml', '--format', 'json');
    expect(code).toBe(0);
    const changes = (JSON.parse(out) as { changes: { rule: string; subject: string; location: { file: string } }[] })
      .changes;
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'response-property-became-optional',
          subject: '`Author.name`',
          location: expect.objectContaining({ file: 'head/schemas/author.yaml' }),
        }),
      ]),
    );
  });

  it('refuses wrong usage with exit 2, and reports a bad spec with exit 1', async () => {
    expect((await diff(dir, 'base.yaml')).code).toBe(2);
    expect((await diff(dir, 'base.yaml', 'head.yaml', '--format', 'xml')).code).toBe(2);
    expect((await diff(dir, 'base.yaml', 'head.yaml', '--fail-on', 'sometimes')).code).toBe(2);
    const bad = specDir({ 'base.yaml': ADMIN, 'head.yaml': 'openapi: 3.1.0\npaths: [1]\n' });
    const { code, err } = await diff(bad, 'base.yaml', 'head.yaml');
    expect(code).toBe(1);
    expect(err).toContain('head.yaml:');
  });
});
