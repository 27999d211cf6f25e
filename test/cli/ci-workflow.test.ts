import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ROOT } from '../helpers/paths.js';
import { specDir } from '../helpers/spec-files.js';

// docs/ci.md's workflow, run as GitHub would run it on a pull request: its shell steps in a
// repository of two commits (the base branch, then the PR's change), and its comment script
// against a stand-in for GitHub's API that keeps the PR's comments.
interface Step {
  readonly name?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly with?: { readonly script?: string };
  readonly env?: Record<string, string>;
}

const workflow = (() => {
  const doc = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');
  const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  return YAML.parse(yaml) as { jobs: { spec: { steps: Step[] } } };
})();
const steps = workflow.jobs.spec.steps;
const SDKGEN = join(ROOT, 'bin/sdkgen.js');
/** The workflow expression GitHub fills in with the PR's base branch. */
const BASE_REF_EXPRESSION = ['${{', 'github.base_ref', '}}'].join(' ');

const repo = specDir({});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const git = (...args: string[]): string =>
  execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });

/** A shell step as the runner runs it (`bash -e`), with `npx sdkgen` being this checkout's CLI and the workflow's env. */
function runStep(step: Step): { code: number; stdout: string; stderr: string } {
  const env = Object.fromEntries(
    Object.entries(step.env ?? {}).map(([key, value]) => [key, value.replace(BASE_REF_EXPRESSION, 'main')]),
  );
  const script = (step.run ?? '').replaceAll('npx sdkgen', `node ${JSON.stringify(SDKGEN)}`);
  const result = spawnSync('bash', ['-e', '-c', script], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** GitHub's issue comments API, as much as the script uses, over a list of comments. */
function fakeGitHub(comments: { id: number; body: string; user: { type: string } }[]) {
  return {
    paginate: async (method: (args: object) => Promise<{ data: unknown[] }>, args: object) => (await method(args)).data,
    rest: {
      issues: {
        listComments: async () => ({ data: comments.map((c) => ({ ...c })) }),
        createComment: async ({ body }: { body: string }) => {
          comments.push({ id: comments.length + 100, body, user: { type: 'Bot' } });
        },
        updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
          const comment = comments.find((c) => c.id === comment_id);
          if (comment === undefined) throw new Error(`no comment ${comment_id}`);
          comment.body = body;
        },
      },
    },
  };
}

async function runScript(step: Step, comments: { id: number; body: string; user: { type: string } }[]): Promise<void> {
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  const script = new AsyncFunction('require', 'github', 'context', step.with?.script ?? '');
  const requireHere = createRequire(join(repo, 'workflow.js'));
  const inRepo = (id: string): unknown =>
    id === 'fs'
      ? { readFileSync: (path: string, encoding: BufferEncoding) => readFileSync(join(repo, path), encoding) }
      : requireHere(id);
  await script(inRepo, fakeGitHub(comments), { repo: { owner: 'acme', repo: 'api' }, issue: { number: 7 } });
}

describe('docs/ci.md', () => {
  it('has the steps a spec PR needs: check, annotate, comment, gate', () => {
    expect(steps.map((s) => s.name ?? s.uses ?? s.run)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npm ci',
      'The committed client matches the spec',
      'Compare the spec with the base branch',
      'Post the report as one comment, updated on each push',
      'No breaking changes',
    ]);
  });

  it('runs on a two-commit repository: checks the client, annotates and reports the change, keeps one comment, fails on a break', async () => {
    // The base branch: the admin spec and its client.
    mkdirSync(join(repo, 'spec'));
    copyFileSync(join(ROOT, 'spec/openapi.yaml'), join(repo, 'spec/openapi.yaml'));
    writeFileSync(join(repo, 'package.json'), '{ "name": "api", "private": true }\n');
    execFileSync(process.execPath, [SDKGEN, 'generate', '--no-dist', '--quiet'], { cwd: repo });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'base');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    // The PR: `desc` is dropped from the groups' order (breaking), and the client regenerated.
    git('checkout', '-qb', 'drop-desc');
    const spec = join(repo, 'spec/openapi.yaml');
    writeFileSync(
      spec,
      readFileSync(spec, 'utf8').replace('              - asc\n              - desc\n', '              - asc\n'),
    );
    execFileSync(process.execPath, [SDKGEN, 'generate', '--no-dist', '--quiet'], { cwd: repo });
    git('commit', '-qam', 'Drop desc');

    const [check, compare, comment, gate] = steps.slice(3) as [Step, Step, Step, Step];
    expect(runStep(check)).toMatchObject({ code: 0 });
    const compared = runStep(compare);
    expect(compared.code).toBe(0);
    expect(compared.stdout).toMatch(
      /^::error file=spec\/openapi\.yaml,line=\d+,col=\d+,title=request-enum-value-removed/m,
    );
    const report = readFileSync(join(repo, 'sdkgen-diff.md'), 'utf8');
    expect(report.startsWith('<!-- sdkgen-diff -->\n### API changes: 1 breaking')).toBe(true);

    const comments = [{ id: 1, body: 'Looks good!', user: { type: 'User' } }];
    await runScript(comment, comments);
    await runScript(comment, comments);
    expect(comments.map((c) => c.body.slice(0, 20))).toEqual(['Looks good!', '<!-- sdkgen-diff -->']);

    const gated = runStep(gate);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toContain('sdkgen diff: 1 change reached --fail-on breaking:');
    expect(gated.stderr).toContain('request-enum-value-removed');

    // A hand edit to the client is kept by the next generate (issue 32), so the check passes it…
    const models = join(repo, 'generated/src/models.ts');
    writeFileSync(models, `${readFileSync(models, 'utf8')}// edited\n`);
    expect(runStep(check)).toMatchObject({ code: 0 });
    // …but a spec changed without regenerating fails it, naming the file.
    writeFileSync(
      spec,
      readFileSync(spec, 'utf8').replace('              - asc\n', '              - asc\n              - desc\n'),
    );
    const stale = runStep(check);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('generated/src/resources/admin/organization/projects/groups.ts');
  });
});
