import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { MARKERS } from '../../generator/write/merge/merge3.js';
import { MANIFEST } from '../../generator/write/ownership.js';
import { PRISTINE, readPristine } from '../../generator/write/pristine.js';
import { specDir } from '../helpers/spec-files.js';
import { readTree } from '../helpers/tree.js';
import { until } from '../helpers/until.js';

/** A pets API: `client.pets.list()/create()` in src/resources/pets.ts, `client.owners.list()` in owners.ts. */
function spec(change: { listSummary?: string; createSummary?: string; owners?: boolean } = {}): string {
  const owners =
    change.owners === false
      ? ''
      : `  /owners:
    get:
      operationId: listOwners
      summary: Lists owners.
      responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}}
`;
  return `openapi: 3.1.0
info: {title: Pets API, version: 1.0.0}
servers: [{url: https://api.example.com}]
paths:
  /pets:
    get:
      operationId: listPets
      summary: ${change.listSummary ?? 'Lists pets.'}
      responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}}
    post:
      operationId: createPet
      summary: ${change.createSummary ?? 'Creates a pet.'}
      requestBody: {content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}
      responses: {"200": {description: ok, content: {application/json: {schema: {type: string}}}}}
${owners}`;
}

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

const PETS = 'out/src/resources/pets.ts';
const generate = (dir: string, ...more: string[]) =>
  cli(dir, 'generate', '--spec', 'openapi.yaml', '--out', 'out', '--no-dist', ...more);

/** A project generated from `spec()`, with `edit` applied to src/resources/pets.ts by hand. */
async function editedProject(edit: (text: string) => string, ...flags: string[]): Promise<string> {
  const dir = specDir({ 'openapi.yaml': spec() });
  dirs.push(dir);
  expect((await generate(dir, ...flags)).code).toBe(0);
  const text = readFileSync(join(dir, PETS), 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  writeFileSync(join(dir, PETS), edited);
  return dir;
}

/** The body of createPet() gains a header, as a user's compatibility fix would. */
const addHeader = (text: string): string =>
  text.replace('    body,\n', "    body,\n    headers: { 'x-compat': 'v1' },\n");
/** The doc line the createPet summary becomes, edited. */
const editDoc = (text: string): string =>
  text.replace('   * Creates a pet.\n', '   * Creates a pet (v1 compatible).\n');
const lineOf = (text: string, line: string): number => text.split('\n').indexOf(line) + 1;

describe('sdkgen generate keeps edits to generated files', () => {
  it('keeps an edited method body through an unrelated spec change, compiles dist/ from it, and --check passes', async () => {
    const dir = await editedProject(addHeader, '--dist');
    writeFileSync(join(dir, 'openapi.yaml'), spec({ listSummary: 'Lists every pet.' }));
    const run = await cli(dir, 'generate', '--spec', 'openapi.yaml', '--out', 'out');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`merged  ${PETS}`);
    expect(run.out).toContain('(1 with your edits merged)');
    const text = readFileSync(join(dir, PETS), 'utf8');
    expect(text).toContain("    headers: { 'x-compat': 'v1' },\n");
    expect(text).toContain('   * Lists every pet.\n');
    expect(readFileSync(join(dir, 'out/dist/resources/pets.js'), 'utf8')).toContain('x-compat');
    expect((await cli(dir, 'generate', '--spec', 'openapi.yaml', '--out', 'out', '--check')).code).toBe(0);
    // The pristine copy is the new output, not the merge: the next run's base is what sdkgen made.
    const pristine = readPristine(join(dir, 'out'))?.get('src/resources/pets.ts');
    expect(pristine).toContain('   * Lists every pet.\n');
    expect(pristine).not.toContain('x-compat');
  });

  it('writes nothing and exits 1 when the edit and the spec change touch the same lines, printing file:line and both sides', async () => {
    const dir = await editDocProject();
    writeFileSync(join(dir, 'openapi.yaml'), spec({ createSummary: 'Creates one pet.' }));
    const before = readTree(join(dir, 'out'));
    const run = await generate(dir);
    expect(run.code).toBe(1);
    expect(readTree(join(dir, 'out'))).toEqual(before);
    const line = lineOf(before['src/resources/pets.ts'] as string, '   * Creates a pet (v1 compatible).');
    expect(run.err).toContain('change the same lines differently, in 1 place in 1 file; nothing was written:');
    expect(run.err).toContain(
      [
        `  ${PETS}:${line}`,
        '    your edit:',
        '      |    * Creates a pet (v1 compatible).',
        `    the new output (its line ${line}):`,
        '      |    * Creates one pet.',
      ].join('\n'),
    );
    expect(run.err).toContain('--conflicts=markers');
    // --check fails with the same conflict listed.
    const check = await generate(dir, '--check');
    expect(check.code).toBe(1);
    expect(check.err).toContain(`  ${PETS}:${line}`);
  });

  it('with --conflicts=markers writes git-style markers, warns and exits 0; --check fails until they are settled', async () => {
    const dir = await editDocProject();
    writeFileSync(join(dir, 'openapi.yaml'), spec({ createSummary: 'Creates one pet.' }));
    const run = await generate(dir, '--conflicts=markers');
    expect(run.code).toBe(0);
    expect(run.err).toContain(
      `sdkgen: warning: wrote conflict markers (<<<<<<< your edit … >>>>>>> sdkgen) for 1 conflict into ${PETS}`,
    );
    const text = readFileSync(join(dir, PETS), 'utf8');
    expect(text).toContain(
      [
        '  /**',
        MARKERS.ours,
        '   * Creates a pet (v1 compatible).',
        MARKERS.base,
        '   * Creates a pet.',
        MARKERS.split,
        '   * Creates one pet.',
        MARKERS.theirs,
        '   *',
      ].join('\n'),
    );
    const check = await generate(dir, '--check');
    expect(check.code).toBe(1);
    expect(check.err).toContain(`  ${PETS}:${lineOf(text, MARKERS.ours)}`);
    // Settled by hand (the user's line kept), the next runs keep it and --check passes.
    const settled = text.replace(
      /<<<<<<< your edit\n(.*\n)\|\|\|\|\|\|\| last generated\n.*\n=======\n.*\n>>>>>>> sdkgen\n/,
      '$1',
    );
    writeFileSync(join(dir, PETS), settled);
    expect((await generate(dir)).code).toBe(0);
    expect(readFileSync(join(dir, PETS), 'utf8')).toBe(settled);
    expect((await generate(dir, '--check')).code).toBe(0);
  });

  it('rejects an unknown --conflicts value', async () => {
    const run = await cli('.', 'generate', '--conflicts=theirs');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--conflicts must be one of fail, markers, not "theirs"');
  });

  it('keeps a generated file the user deleted deleted, says so, and records it in the manifest', async () => {
    const dir = specDir({ 'openapi.yaml': spec() });
    dirs.push(dir);
    expect((await generate(dir)).code).toBe(0);
    rmSync(join(dir, 'out/src/resources/owners.ts'));
    writeFileSync(join(dir, 'openapi.yaml'), spec({ listSummary: 'Lists every pet.' }));
    for (let run = 0; run < 2; run++) {
      const result = await generate(dir);
      expect(result.code).toBe(0);
      expect(result.err).toContain('sdkgen: kept out/src/resources/owners.ts deleted, as you left it');
      expect(existsSync(join(dir, 'out/src/resources/owners.ts'))).toBe(false);
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'out', MANIFEST), 'utf8')) as {
      files: string[];
      deleted: string[];
    };
    expect(manifest.deleted).toEqual(['src/resources/owners.ts']);
    expect(manifest.files).not.toContain('src/resources/owners.ts');
    expect((await generate(dir, '--check')).code).toBe(0);
    // Taken off the list, it is generated again.
    writeFileSync(join(dir, 'out', MANIFEST), JSON.stringify({ ...manifest, deleted: [] }));
    expect((await generate(dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'out/src/resources/owners.ts'), 'utf8')).toContain('export function listOwners(');
  });

  it('never writes or deletes in src/lib/: a helper there, exported from index.ts, is kept and compiled into dist/', async () => {
    const dir = specDir({ 'openapi.yaml': spec() });
    dirs.push(dir);
    const withDist = (...more: string[]) => cli(dir, 'generate', '--spec', 'openapi.yaml', '--out', 'out', ...more);
    expect((await withDist()).code).toBe(0);
    mkdirSync(join(dir, 'out/src/lib'));
    const helper = 'export function createAndPoll(id: string): string {\n  return id;\n}\n';
    writeFileSync(join(dir, 'out/src/lib/helper.ts'), helper);
    const index = `${readFileSync(join(dir, 'out/src/index.ts'), 'utf8')}export { createAndPoll } from './lib/helper.js';\n`;
    writeFileSync(join(dir, 'out/src/index.ts'), index);
    // Even listed in the manifest (by hand), it is not sdkgen's to delete.
    const manifest = JSON.parse(readFileSync(join(dir, 'out', MANIFEST), 'utf8')) as { files: string[] };
    writeFileSync(
      join(dir, 'out', MANIFEST),
      JSON.stringify({ ...manifest, files: [...manifest.files, 'src/lib/helper.ts'] }),
    );
    writeFileSync(join(dir, 'openapi.yaml'), spec({ listSummary: 'Lists every pet.' }));
    expect((await withDist()).code).toBe(0);
    expect(readFileSync(join(dir, 'out/src/lib/helper.ts'), 'utf8')).toBe(helper);
    expect(readFileSync(join(dir, 'out/src/index.ts'), 'utf8')).toBe(index);
    // The package imports right after generation: its dist/ has the helper the index exports.
    expect(readFileSync(join(dir, 'out/dist/index.js'), 'utf8')).toMatch(/from ['"]\.\/lib\/helper\.js['"]/);
    expect(readFileSync(join(dir, 'out/dist/lib/helper.js'), 'utf8')).toContain('function createAndPoll(id)');
    expect(readFileSync(join(dir, 'out/dist/lib/helper.d.ts'), 'utf8')).toContain('createAndPoll(id: string): string');
    // Its compiled files are sdkgen's: gone with the helper.
    rmSync(join(dir, 'out/src/lib/helper.ts'));
    writeFileSync(
      join(dir, 'out/src/index.ts'),
      index.replace("export { createAndPoll } from './lib/helper.js';\n", ''),
    );
    expect((await withDist()).code).toBe(0);
    expect(existsSync(join(dir, 'out/dist/lib/helper.js'))).toBe(false);
  });

  it('reports the loss when the operation whose file holds an edit leaves the spec, and deletes it only with --force', async () => {
    const dir = specDir({ 'openapi.yaml': spec() });
    dirs.push(dir);
    expect((await generate(dir)).code).toBe(0);
    const owners = 'out/src/resources/owners.ts';
    writeFileSync(join(dir, owners), `${readFileSync(join(dir, owners), 'utf8')}// my fix\n`);
    writeFileSync(join(dir, 'openapi.yaml'), spec({ owners: false }));
    const before = readTree(join(dir, 'out'));
    const run = await generate(dir);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      `sdkgen: the new output no longer has 1 file you edited; nothing was written:\n  ${owners}`,
    );
    expect(run.err).toContain('deleting it would lose your edits');
    expect(readTree(join(dir, 'out'))).toEqual(before);
    expect((await generate(dir, '--check')).code).toBe(1);
    const forced = await generate(dir, '--force');
    expect(forced.code).toBe(0);
    expect(existsSync(join(dir, owners))).toBe(false);
  });

  it('regenerates the same bytes twice, the pristine copy included', async () => {
    const dir = await editedProject(addHeader);
    writeFileSync(join(dir, 'openapi.yaml'), spec({ listSummary: 'Lists every pet.' }));
    expect((await generate(dir)).code).toBe(0);
    const first = readTree(join(dir, 'out'));
    const again = await generate(dir);
    expect(again.out).toContain('0 written');
    expect(readTree(join(dir, 'out'))).toEqual(first);
    // The pristine copy is the output alone: a fresh folder from the same spec has the same one.
    const fresh = specDir({ 'openapi.yaml': spec({ listSummary: 'Lists every pet.' }) });
    dirs.push(fresh);
    expect((await generate(fresh)).code).toBe(0);
    expect(readFileSync(join(fresh, 'out', PRISTINE), 'utf8')).toBe(first[PRISTINE]);
  });

  it('in a folder an older sdkgen wrote (no pristine copy), replaces an edited file only with --force', async () => {
    const dir = await editedProject(addHeader);
    rmSync(join(dir, 'out', PRISTINE));
    // Unchanged spec: the files equal the new output but the edited one, which cannot be told from an old output.
    const before = readTree(join(dir, 'out'));
    const run = await generate(dir);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      `has no .sdkgen-pristine (an older sdkgen wrote it) to tell your edits from the generator's changes; nothing was written:\n  ${PETS}`,
    );
    expect(readTree(join(dir, 'out'))).toEqual(before);
    expect((await generate(dir, '--force')).code).toBe(0);
    expect(readFileSync(join(dir, PETS), 'utf8')).not.toContain('x-compat');
    expect(existsSync(join(dir, 'out', PRISTINE))).toBe(true);
  });

  it('keeps edits while watching, and reports a conflict and goes on watching', async () => {
    const dir = await editedProject((text) => editDoc(addHeader(text)));
    const lines: string[] = [];
    let stop = (): void => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = { cwd: dir, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), stopped };
    const done = main(['generate', '--watch', '--spec', 'openapi.yaml', '--out', 'out', '--no-dist'], io);
    const text = (): string => lines.join('\n');
    const runs = (): number => lines.filter((l) => / → out\/: \d+ written/.test(l)).length;
    await until(() => text().includes('for changes; Ctrl-C stops.'), 'the watch to start', text);
    expect(runs()).toBe(1);

    writeFileSync(join(dir, 'openapi.yaml'), spec({ listSummary: 'Lists every pet.' }));
    await until(() => runs() === 2, 'a run after the spec changed', text);
    expect(readFileSync(join(dir, PETS), 'utf8')).toContain('x-compat');
    expect(readFileSync(join(dir, PETS), 'utf8')).toContain('Lists every pet.');

    const kept = readFileSync(join(dir, PETS), 'utf8');
    writeFileSync(
      join(dir, 'openapi.yaml'),
      spec({ listSummary: 'Lists every pet.', createSummary: 'Creates one pet.' }),
    );
    await until(() => text().includes('left the output as it was in out/'), 'the conflict to be reported', text);
    expect(text()).toContain(`  ${PETS}:${lineOf(kept, '   * Creates a pet (v1 compatible).')}`);
    expect(readFileSync(join(dir, PETS), 'utf8')).toBe(kept);

    writeFileSync(join(dir, 'openapi.yaml'), spec({ createSummary: 'Creates a pet.' }));
    await until(() => runs() === 3, 'a run after the spec was put back', text);
    expect(readFileSync(join(dir, PETS), 'utf8')).toContain('   * Lists pets.');
    expect(readFileSync(join(dir, PETS), 'utf8')).toContain('x-compat');
    stop();
    expect(await done).toBe(0);
  });
});

function editDocProject(): Promise<string> {
  return editedProject(editDoc);
}
