// The triplets bench moves a published SDK's hand-written code onto the generated client as its
// team would (bench/triplets/move.ts): custom files copied in, the team's edits applied, a
// regeneration that must keep them, a type-check. A small config and spec, a Stainless-style
// custom helper over src/lib/, and the patch that ports it.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MoveError, moveCustomCode } from '../../bench/triplets/move.js';
import { specDir } from '../helpers/spec-files.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

const SPEC = `openapi: 3.1.0
info: {title: Pets API, version: 1.0.0}
servers: [{url: https://api.pets.example}]
paths:
  /pets:
    get:
      operationId: list_pets
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}
`;
const CONFIG = `organization: {name: pets}
targets: {node: {package_name: pets-sdk}}
resources:
  pets:
    methods:
      list: get /pets
`;
/** The published SDK's custom code: a helper resource outside src/lib/ (as ImageKit's), over a module in src/lib/. */
const PUBLISHED = {
  'published/src/lib/sign.ts': 'export function sign(path: string): string {\n  return path + "?signed=1";\n}\n',
  'published/src/resources/helper.ts': [
    '// File manually created - not generated',
    "import { APIResource } from '../core/resource';",
    "import { sign } from '../lib/sign';",
    '',
    'export class Helper extends APIResource {',
    '  sign(path: string): string {',
    '    return sign(path);',
    '  }',
    '}',
    '',
  ].join('\n'),
};

const dir = specDir({ 'stainless.yml': CONFIG, 'openapi.yml': SPEC, ...PUBLISHED });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = { config: join(dir, 'stainless.yml'), spec: join(dir, 'openapi.yml'), published: join(dir, 'published') };
const copy = [
  ['src/lib', 'src/lib'],
  ['src/resources/helper.ts', 'src/lib/helper.ts'],
] as const;

/**
 * The team's edits as a patch, made the way a team makes one: generate, copy the custom code in,
 * commit, edit, `git diff`. `port`: whether the helper's imports are ported to sdkgen's layout.
 */
function teamPatch(name: string, port: boolean): string {
  const scratch = join(dir, `scratch-${name}`);
  mkdirSync(scratch);
  cpSync(files.config, join(scratch, 'stainless.yml'));
  cpSync(files.spec, join(scratch, 'openapi.yml'));
  const sdkgen = join(ROOT, 'bin/sdkgen.js');
  execFileSync(
    process.execPath,
    [sdkgen, 'generate', '--stainless', 'stainless.yml', '--spec', 'openapi.yml', '--out', 'client'],
    { cwd: scratch, stdio: 'ignore' },
  );
  const client = join(scratch, 'client');
  for (const [from, to] of copy) cpSync(join(files.published, from), join(client, to), { recursive: true });
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: client, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'moved as published');
  const edit = (path: string, change: (text: string) => string): void =>
    writeFileSync(join(client, path), change(readFileSync(join(client, path), 'utf8')));
  edit('src/client.ts', (text) =>
    text
      .replace(/^(import .*\n)(?!import)/m, "$1import { Helper } from './lib/helper.js';\n")
      .replace(/(\n {2}readonly pets: \w+ = new \w+\(this\);\n)/, '$1  readonly helper: Helper = new Helper(this);\n'),
  );
  if (port)
    edit('src/lib/helper.ts', (text) =>
      text.replace("'../core/resource'", "'../core/resource.js'").replace("'../lib/sign'", "'./sign.js'"),
    );
  const patch = join(dir, `${name}.patch`);
  writeFileSync(patch, git('diff'));
  return patch;
}

describe('moving the custom code of a published SDK onto the generated client', () => {
  it('copies it, applies the edits, regenerates keeping them, and type-checks the folder', () => {
    const patch = teamPatch('ported', true);
    const moved = moveCustomCode(ROOT, files, { copy, patch, why: 'a helper' });
    try {
      const client = readFileSync(join(moved.folder, 'src/client.ts'), 'utf8');
      expect(client).toContain('readonly helper: Helper = new Helper(this);');
      expect(readFileSync(join(moved.folder, 'src/lib/helper.ts'), 'utf8')).toContain("from './sign.js'");
      expect(existsSync(join(moved.folder, 'dist/lib/helper.js'))).toBe(true);
      expect(moved.patchLines).toBe(6);
    } finally {
      moved.dispose();
    }
    expect(existsSync(moved.folder)).toBe(false);
  });

  it('fails at the type-check when the custom code does not compile against the generated client', () => {
    const patch = teamPatch('unported', false);
    const failure = (() => {
      try {
        moveCustomCode(ROOT, files, { copy, patch, why: 'a helper' }).dispose();
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(failure).toBeInstanceOf(MoveError);
    // The helper still imports Stainless's extensionless paths, which sdkgen's NodeNext package refuses.
    expect((failure as Error).message).toMatch(/^type-check: .*TS2835/);
  });

  it('fails at the edits when the patch does not apply', () => {
    const patch = join(dir, 'stale.patch');
    writeFileSync(patch, '--- a/src/client.ts\n+++ b/src/client.ts\n@@ -1,1 +1,1 @@\n-no such line\n+another\n');
    expect(() => moveCustomCode(ROOT, files, { copy, patch, why: 'a helper' })).toThrow(/^the team’s edits: /);
  });
});
