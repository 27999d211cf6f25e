import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { ROOT } from '../helpers/paths.js';
import { specDir } from '../helpers/spec-files.js';

const ADMIN = readFileSync(join(ROOT, 'spec/openapi.yaml'), 'utf8');
/** spec/ with `desc` dropped from the groups' order and a required group field made optional. */
const CHANGED = ADMIN.replace('              - asc\n              - desc\n', '              - asc\n').replace('        - group_type\n        - created_at\n', '        - group_type\n');

async function diff(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['diff', ...argv], { cwd, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

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
    expect(out).toContain('a value was removed from a request enum: query parameter `order`: `"desc"` → `—` · wire breaking, client breaking · `request-enum-value-removed`');
    expect(out).toContain('a response field became optional: `ProjectGroup.created_at`');
  });

  it('sets the exit code with --fail-on', async () => {
    expect((await diff(dir, 'base.yaml', 'head.yaml', '--fail-on', 'breaking')).code).toBe(1);
    expect((await diff(dir, 'base.yaml', 'head.yaml', '--fail-on', 'any')).code).toBe(1);
    expect((await diff(dir, 'base.yaml', 'base.yaml', '--fail-on', 'any')).code).toBe(0);
    expect((await diff(dir, 'base.yaml', 'base.yaml')).out).toContain('No changes.');
  });

  it('writes JSON with stable fingerprints, and GitHub workflow annotations', async () => {
    const json = JSON.parse((await diff(dir, 'base.yaml', 'head.yaml', '--format', 'json')).out) as { summary: Record<string, number>; changes: { rule: string; fingerprint: string }[] };
    expect(json.summary).toEqual({ breaking: 2, 'potentially-breaking': 0, 'non-breaking': 0 });
    expect(json.changes.map((c) => c.rule)).toEqual(['request-enum-value-removed', 'response-property-became-optional']);
    const again = JSON.parse((await diff(dir, 'base.yaml', 'head.yaml', '--format', 'json')).out) as typeof json;
    expect(again.changes.map((c) => c.fingerprint)).toEqual(json.changes.map((c) => c.fingerprint));
    const github = (await diff(dir, 'base.yaml', 'head.yaml', '--format', 'github')).out.split('\n');
    expect(github).toHaveLength(2);
    expect(github[0]).toMatch(/^::error title=request-enum-value-removed {2}wire breaking {2}client breaking::a value was removed from a request enum: query parameter order/);
  });

  it('reads the base from git with --base', async () => {
    const repo = specDir({ 'spec/openapi.yaml': ADMIN });
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'base');
    writeFileSync(join(repo, 'spec/openapi.yaml'), CHANGED);
    const { code, out } = await diff(repo, '--base', 'HEAD', '--fail-on', 'breaking');
    expect(code).toBe(1);
    expect(out).toContain('2 breaking');
    expect((await diff(repo, '--base', 'no-such-ref')).err).toContain('cannot read no-such-ref from git');
  });

  it('compares multi-file specs, naming the schema of the file that changed', async () => {
    const multi = specDir({});
    cpSync(join(ROOT, 'test/fixtures/multi-file'), join(multi, 'base'), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/multi-file'), join(multi, 'head'), { recursive: true });
    const author = join(multi, 'head/schemas/author.yaml');
    writeFileSync(author, readFileSync(author, 'utf8').replace('required: [name]', 'required: []'));
    const { code, out } = await diff(multi, 'base/openapi.yaml', 'head/openapi.yaml', '--format', 'json');
    expect(code).toBe(0);
    const changes = (JSON.parse(out) as { changes: { rule: string; subject: string }[] }).changes;
    expect(changes).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'response-property-became-optional', subject: '`Author.name`' })]));
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
