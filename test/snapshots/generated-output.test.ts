import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';

/** Small specs, each exercising a different part of the generator; their outputs are file snapshots. */
const FIXTURES = ['petstore-inferred', 'multi-file'] as const;

const generateFixture = (name: string) =>
  generate({ spec: `test/fixtures/${name}/openapi.yaml`, out: `test/fixtures/${name}/out`, cwd: ROOT, dist: false });

describe.each(FIXTURES)('fixture %s', (name) => {
  const { files } = generateFixture(name);
  // The copied runtime is the same for every client and tested on its own.
  const own = files.filter((file) => !file.path.startsWith('src/core/'));

  it.each(own.map((file) => [file.path, file.contents] as const))('%s matches its snapshot', async (path, contents) => {
    await expect(contents).toMatchFileSnapshot(`./__snapshots__/${name}/${path}`);
  });

  it('generates the same bytes twice', () => {
    expect(generateFixture(name).files).toEqual(files);
  });
});

describe('the committed generated/ package', () => {
  it('is exactly what spec/openapi.yaml gives', () => {
    const { files } = generate({ spec: 'spec/openapi.yaml', out: 'generated', cwd: ROOT, dist: false });
    const expected = new Map(files.map((f) => [f.path, f.contents]));
    const onDisk = readdirSync(join(ROOT, 'generated'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(join(ROOT, 'generated').length + 1).split('\\').join('/'))
      .filter((path) => !path.startsWith('dist/') && !path.startsWith('node_modules/'))
      .sort();
    expect(onDisk).toEqual([...expected.keys()].sort());
    const stale = onDisk.filter((path) => readFileSync(join(ROOT, 'generated', path), 'utf8') !== expected.get(path));
    expect(stale, 'run `npm run generate` and commit the result').toEqual([]);
  });
});

describe('every generated package type-checks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-typecheck-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('under strict tsc with isolatedDeclarations and no Node types, in one program', () => {
    for (const name of FIXTURES) {
      const { files } = generateFixture(name);
      writeOutput(join(dir, name), planOutput(join(dir, name), files));
    }
    const tsconfig = JSON.parse(readFileSync(join(dir, FIXTURES[0], 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...tsconfig.compilerOptions, noEmit: true, rootDir: undefined, outDir: undefined }, include: FIXTURES.map((n) => `${n}/src`) }),
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const run = (): string => execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    expect(run).not.toThrow();
  });
});
