import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import type { OutputFile } from '../../generator/emit/output-file.js';
import { generate } from '../../generator/generate.js';
import { MANIFEST, manifestText } from '../../generator/write/ownership.js';
import { pristineFile } from '../../generator/write/pristine.js';
import { openapi, specDir } from '../helpers/spec-files.js';

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** An output folder as the last run left it: its files, the manifest listing them, the pristine copy. */
function writeRun(outDir: string, files: readonly OutputFile[]): void {
  const all = [...files, pristineFile(files)];
  for (const file of [...all, { path: MANIFEST, contents: manifestText(all.map((f) => f.path)) }]) {
    mkdirSync(dirname(join(outDir, file.path)), { recursive: true });
    writeFileSync(join(outDir, file.path), file.contents);
  }
}

function edit(path: string, change: (text: string) => string): void {
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

const PETS = [
  'export class Pets {',
  '  list() {',
  "    return 'pets';",
  '  }',
  '}',
  '',
  'export function listPets() {',
  "  return 'pets';",
  '}',
  '',
].join('\n');

/** A folder of three generated files, edited: one changed, one deleted; two files of the user's added. */
function editedFolder(): string {
  const dir = specDir({});
  writeRun(join(dir, 'out'), [
    { path: 'src/resources/pets.ts', contents: PETS },
    { path: 'src/index.ts', contents: "export { Pets } from './resources/pets.js';\n" },
    { path: 'README.md', contents: '# pets\n' },
  ]);
  edit(join(dir, 'out/src/resources/pets.ts'), (text) =>
    text.replace("    return 'pets';\n  }", "    return 'all pets';\n  }"),
  );
  rmSync(join(dir, 'out/README.md'));
  mkdirSync(join(dir, 'out/src/lib'));
  writeFileSync(join(dir, 'out/src/lib/poll.ts'), 'export const poll = 1;\n');
  writeFileSync(join(dir, 'out/NOTES.md'), 'ours\n');
  return dir;
}

describe('sdkgen edits: the custom edits of an output folder, against the pristine output', () => {
  it('lists each edit as a unified diff, the generated files deleted, and the files of the user', async () => {
    const dir = editedFolder();
    const { code, out } = await cli(dir, 'edits', 'out');
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'sdkgen edits: out/ has 1 edited file, 1 deleted, 2 files of yours (against the pristine output of the last run).',
        '',
        '--- a/src/resources/pets.ts',
        '+++ b/src/resources/pets.ts',
        '@@ -1,6 +1,6 @@',
        ' export class Pets {',
        '   list() {',
        "-    return 'pets';",
        "+    return 'all pets';",
        '   }',
        ' }',
        ' ',
        '',
        'Generated files you deleted (regeneration keeps them deleted):',
        '  README.md',
        '',
        'Your files (sdkgen never writes or deletes them):',
        '  NOTES.md',
        '  src/lib/poll.ts',
      ].join('\n'),
    );
  });

  it('gives the same as JSON with --format json', async () => {
    const dir = editedFolder();
    const { code, out } = await cli(dir, 'edits', 'out', '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      pristine: boolean;
      edited: { path: string; diff: string; hunks: { header: string }[] }[];
      deleted: { path: string }[];
      yours: string[];
    };
    expect(json.pristine).toBe(true);
    expect(json.edited.map((file) => [file.path, file.hunks.map((hunk) => hunk.header)])).toEqual([
      ['src/resources/pets.ts', ['@@ -1,6 +1,6 @@']],
    ]);
    expect(json.edited[0]?.diff).toContain("+    return 'all pets';\n");
    expect(json.deleted).toEqual([{ path: 'README.md' }]);
    expect(json.yours).toEqual(['NOTES.md', 'src/lib/poll.ts']);
  });

  it('lists the conflicts a --conflicts=markers run left to settle', async () => {
    const dir = editedFolder();
    edit(join(dir, 'out/src/index.ts'), (text) =>
      [
        '<<<<<<< your edit',
        'export { Pets as Animals } from "./resources/pets.js";',
        '||||||| last generated',
        text.trim(),
        '=======',
        "export { Pets, Toys } from './resources/pets.js';",
        '>>>>>>> sdkgen',
        '',
      ].join('\n'),
    );
    const { code, out } = await cli(dir, 'edits', 'out');
    expect(code).toBe(0);
    expect(out).toContain(
      '\nConflicts left between markers by --conflicts=markers (settle them, then run sdkgen generate):\n  src/index.ts:1\n',
    );
    const json = JSON.parse((await cli(dir, 'edits', 'out', '--format', 'json')).out) as {
      edited: { path: string; markers: number[] }[];
    };
    expect(json.edited.map((file) => [file.path, file.markers])).toEqual([
      ['src/index.ts', [1]],
      ['src/resources/pets.ts', []],
    ]);
  });

  it('says a folder without edits has none', async () => {
    const dir = specDir({});
    writeRun(join(dir, 'out'), [{ path: 'src/index.ts', contents: 'export {};\n' }]);
    const { code, out } = await cli(dir, 'edits', 'out');
    expect({ code, out }).toEqual({
      code: 0,
      out: 'sdkgen edits: out/ has 0 edited files, 0 deleted, 0 files of yours (against the pristine output of the last run).',
    });
  });

  it('says clearly that a folder without a pristine output cannot tell edits, and exits 0', async () => {
    const dir = specDir({ 'out/src/index.ts': 'export {};\n' });
    const { code, out } = await cli(dir, 'edits', 'out');
    expect(code).toBe(0);
    expect(out).toMatch(/^sdkgen edits: out\/ has no \.sdkgen-pristine, .* Run `sdkgen generate` once/);
    expect(JSON.parse((await cli(dir, 'edits', 'out', '--format', 'json')).out)).toMatchObject({ pristine: false });
  });

  it('exits 1 for a folder that does not exist, and 2 for wrong usage', async () => {
    const dir = specDir({});
    expect(await cli(dir, 'edits', 'nowhere')).toEqual({
      code: 1,
      out: '',
      err: 'sdkgen edits: there is no folder nowhere/.',
    });
    expect((await cli(dir, 'edits', 'out', '--format', 'xml')).code).toBe(2);
    expect((await cli(dir, 'edits', 'a', 'b')).code).toBe(2);
  });

  it('with --spec, says which edits the new output makes unnecessary', async () => {
    const spec = (summary: string, extra: string): string =>
      openapi(`paths:
  /pets:
    get:
      operationId: listPets
      summary: ${summary}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: '#/components/schemas/Pet'
components:
  schemas:
    Pet:
      type: object
      properties:
        name:
          type: string
${extra}`);
    const dir = specDir({ 'openapi.yaml': spec('Lsts the pets', '') });
    const first = generate({ spec: 'openapi.yaml', out: 'out', cwd: dir, dist: false });
    writeRun(join(dir, 'out'), first.files);
    // The user fixes a typo the spec has, and adds a helper of their own to the same file…
    edit(
      join(dir, 'out/src/resources/pets.ts'),
      (text) => `${text.replace('   * Lsts the pets', '   * Lists the pets')}\nexport const petHelper = 1;\n`,
    );
    // …and, in another file, writes by hand the property the next spec adds.
    writeFileSync(join(dir, 'openapi.yaml'), spec('Lists the pets', '        tag:\n          type: string\n'));
    const next = generate({ spec: 'openapi.yaml', out: 'out', cwd: dir, dist: false });
    const models = next.files.find((file) => file.path === 'src/models.ts');
    writeFileSync(join(dir, 'out/src/models.ts'), models?.contents ?? '');

    const { code, out, err } = await cli(dir, 'edits', 'out', '--spec', 'openapi.yaml');
    expect(code).toBe(0);
    expect(err).toBe('sdkgen edits: generated openapi.yaml in memory; no warnings.');
    const verdicts = out.slice(out.indexOf('With the new output'));
    expect(verdicts).toBe(
      [
        'With the new output of openapi.yaml, 2 edits are unnecessary (the generator now writes the same lines):',
        '  src/models.ts: the whole file (the new output is the file as you edited it)',
        '  src/resources/pets.ts:9 @@ -9,7 +9,7 @@',
      ].join('\n'),
    );
    const json = JSON.parse((await cli(dir, 'edits', 'out', '--spec', 'openapi.yaml', '--format', 'json')).out) as {
      edited: { path: string; sameAsNewOutput: boolean; hunks: { newOutput: string }[] }[];
    };
    expect(
      json.edited.map((file) => [file.path, file.sameAsNewOutput, file.hunks.map((hunk) => hunk.newOutput)]),
    ).toEqual([
      ['src/models.ts', true, ['now-generated']],
      ['src/resources/pets.ts', false, ['now-generated', 'kept']],
    ]);
  });

  it('is listed in the help', async () => {
    const { out } = await cli(specDir({}), '--help');
    expect(out).toMatch(/^ {2}edits {6}list your edits/m);
    expect((await cli(specDir({}), 'help', 'edits')).out).toMatch(/^Usage: sdkgen edits \[out\]/);
  });
});
