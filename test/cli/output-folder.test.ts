import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { MANIFEST } from '../../generator/write/ownership.js';
import { ROOT } from '../helpers/paths.js';
import { specDir } from '../helpers/spec-files.js';

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A project with the admin spec and an app of its own: package.json, README, src/main.ts. */
function app(): string {
  const dir = specDir({
    'package.json': '{ "name": "my-app", "type": "module" }\n',
    'README.md': '# My app\n',
    'tsconfig.json': '{}\n',
    'src/main.ts': 'console.log("my app");\n',
  });
  dirs.push(dir);
  cpSync(join(ROOT, 'spec'), join(dir, 'spec'), { recursive: true });
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files[join(entry.parentPath, entry.name).slice(dir.length + 1)] = readFileSync(
        join(entry.parentPath, entry.name),
        'utf8',
      );
  }
  return files;
}

describe('sdkgen generate writes only where it may', () => {
  it('refuses a folder it did not make, naming what it would overwrite, and touches nothing', async () => {
    const dir = app();
    const before = snapshot(dir);
    const run = await cli(dir, 'generate', '--out', '.', '--no-dist');
    expect(run.code).toBe(1);
    expect(run.err).toContain(`./ is not empty and was not made by sdkgen (it has no ${MANIFEST}).`);
    expect(run.err).toContain('It would overwrite README.md, package.json, tsconfig.json.');
    expect(run.err).toContain('pass --force');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a non-empty folder even where no name collides', async () => {
    const dir = app();
    mkdirSync(join(dir, 'client'));
    writeFileSync(join(dir, 'client/notes.txt'), 'mine\n');
    const run = await cli(dir, 'generate', '--out', 'client', '--no-dist');
    expect(run.code).toBe(1);
    expect(run.err).toContain('It would add files beside notes.txt.');
    expect(existsSync(join(dir, 'client/src'))).toBe(false);
  });

  it('with --force writes its files there and deletes none of the user’s, now or on later runs', async () => {
    const dir = app();
    expect((await cli(dir, 'generate', '--out', '.', '--no-dist', '--force')).code).toBe(0);
    expect(readFileSync(join(dir, 'src/main.ts'), 'utf8')).toBe('console.log("my app");\n');
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toContain('"name": "openai-admin"');
    // The next run knows the folder from its manifest: the user's src/main.ts is not sdkgen's to delete.
    const again = await cli(dir, 'generate', '--out', '.', '--no-dist');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/0 deleted/);
    expect(existsSync(join(dir, 'src/main.ts'))).toBe(true);
  });

  it('in its own folder, deletes a file it wrote before and keeps the user’s own file in src/', async () => {
    const dir = app();
    expect((await cli(dir, 'generate', '--no-dist')).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'generated', MANIFEST), 'utf8')) as { files: string[] };
    expect(manifest.files).toContain('src/client.ts');
    expect(manifest.files).not.toContain(MANIFEST);
    writeFileSync(join(dir, 'generated/src/helpers.ts'), 'export const mine = 1;\n');
    writeFileSync(join(dir, 'generated/src/old.ts'), '// an output of an earlier spec\n');
    writeFileSync(
      join(dir, 'generated', MANIFEST),
      JSON.stringify({ ...manifest, files: [...manifest.files, 'src/old.ts'] }),
    );
    const run = await cli(dir, 'generate', '--no-dist');
    expect(run.code).toBe(0);
    expect(run.out).toContain('deleted generated/src/old.ts');
    expect(existsSync(join(dir, 'generated/src/old.ts'))).toBe(false);
    expect(readFileSync(join(dir, 'generated/src/helpers.ts'), 'utf8')).toBe('export const mine = 1;\n');
  });

  it('refuses to overwrite a user’s file where its own output adds one of the same name', async () => {
    const dir = app();
    expect((await cli(dir, 'generate', '--no-dist')).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'generated', MANIFEST), 'utf8')) as { files: string[] };
    // As if src/pagination.ts were new in this sdkgen, and the user had a file of that name.
    writeFileSync(
      join(dir, 'generated', MANIFEST),
      JSON.stringify({ ...manifest, files: manifest.files.filter((f) => f !== 'src/pagination.ts') }),
    );
    writeFileSync(join(dir, 'generated/src/pagination.ts'), '// mine\n');
    const run = await cli(dir, 'generate', '--no-dist');
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'generated/ holds files sdkgen did not write where it would write its own. It would overwrite src/pagination.ts.',
    );
    expect(readFileSync(join(dir, 'generated/src/pagination.ts'), 'utf8')).toBe('// mine\n');
  });

  it('recognizes a folder an older sdkgen wrote (no manifest) by its banners, and deletes only bannered files', async () => {
    const dir = app();
    expect((await cli(dir, 'generate')).code).toBe(0);
    rmSync(join(dir, 'generated', MANIFEST));
    writeFileSync(
      join(dir, 'generated/src/old.ts'),
      '// Generated by `sdkgen generate --spec spec/openapi.yaml --out generated`. Do not edit.\n',
    );
    writeFileSync(join(dir, 'generated/dist/old.js'), '// compiled\n');
    writeFileSync(join(dir, 'generated/src/mine.ts'), 'export {};\n');
    const run = await cli(dir, 'generate');
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'generated/src/old.ts'))).toBe(false);
    expect(existsSync(join(dir, 'generated/dist/old.js'))).toBe(false);
    expect(existsSync(join(dir, 'generated/src/mine.ts'))).toBe(true);
    expect(existsSync(join(dir, 'generated', MANIFEST))).toBe(true);
  });
});
