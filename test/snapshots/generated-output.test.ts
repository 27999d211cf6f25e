import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { generate } from '../../generator/generate.js';
import { MANIFEST, manifestText } from '../../generator/write/ownership.js';
import { PRISTINE, pristineFile, samePristine } from '../../generator/write/pristine.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { examplesModule, markdownExamples } from '../helpers/examples.js';
import { ROOT } from '../helpers/paths.js';

/** What a failing snapshot says: how to update it, and that the diff is to be read first. */
const UPDATE_HINT =
  'the generated output changed. If the change is meant, run `npx vitest run test/snapshots -u`, read the diff of test/snapshots/__snapshots__ (git diff), and commit it with the change';

/** Small specs, each exercising a different part of the generator; their outputs are file snapshots. */
const FIXTURES = [
  'petstore-inferred',
  'multi-file',
  'schema-language',
  'hostile',
  'streaming',
  'bookstore',
  'digitalocean-shape',
  'helpdesk',
  'envelopes',
  'stainless-client',
  'stainless-names',
  'stainless-lists',
] as const;

const generateFixture = (name: string) =>
  generate({ spec: `test/fixtures/${name}/openapi.yaml`, out: `test/fixtures/${name}/out`, cwd: ROOT, dist: false });

describe.each(FIXTURES)('fixture %s', (name) => {
  const { files } = generateFixture(name);
  // The copied runtime is the same for every client and tested on its own.
  const own = files.filter((file) => !file.path.startsWith('src/core/'));

  it.each(own.map((file) => [file.path, file.contents] as const))('%s matches its snapshot', async (path, contents) => {
    await expect(contents, UPDATE_HINT).toMatchFileSnapshot(`./__snapshots__/${name}/${path}`);
  });

  it('generates the same bytes twice', () => {
    expect(generateFixture(name).files).toEqual(files);
  });

  it('has no snapshot of a file it no longer generates', () => {
    const dir = join(ROOT, 'test/snapshots/__snapshots__', name);
    const snapshots = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) =>
        join(entry.parentPath, entry.name)
          .slice(dir.length + 1)
          .split('\\')
          .join('/'),
      );
    const generated = new Set(own.map((file) => file.path));
    expect(
      snapshots.filter((path) => !generated.has(path)),
      'delete these snapshot files',
    ).toEqual([]);
  });
});

describe('the committed generated/ package', () => {
  it('is exactly what spec/openapi.yaml gives', () => {
    const { files } = generate({ spec: 'spec/openapi.yaml', out: 'generated', cwd: ROOT, dist: false });
    const expected = new Map(files.map((f) => [f.path, f.contents]));
    const pristine = pristineFile(files);
    expected.set(PRISTINE, pristine.contents);
    expected.set(MANIFEST, manifestText([...files.map((f) => f.path), PRISTINE]));
    const onDisk = readdirSync(join(ROOT, 'generated'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) =>
        join(entry.parentPath, entry.name)
          .slice(join(ROOT, 'generated').length + 1)
          .split('\\')
          .join('/'),
      )
      .filter((path) => !path.startsWith('dist/') && !path.startsWith('node_modules/'))
      .sort();
    expect(onDisk).toEqual([...expected.keys()].sort());
    // The pristine copy counts by what it holds: another zlib may compress it to other bytes.
    const same = (path: string, text: string): boolean =>
      path === PRISTINE ? samePristine(text, expected.get(path) ?? '') : text === expected.get(path);
    const stale = onDisk.filter((path) => !same(path, readFileSync(join(ROOT, 'generated', path), 'utf8')));
    expect(stale, 'run `npm run generate` and commit the result').toEqual([]);
  });
});

describe('every generated package type-checks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-typecheck-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('under strict tsc with isolatedDeclarations and no Node types, with its @examples, docs examples and consumer, in one program', () => {
    const packages = [
      ...FIXTURES.map((name) => ({ name, generation: generateFixture(name) })),
      { name: 'admin', generation: generate({ spec: 'spec/openapi.yaml', out: 'generated', cwd: ROOT, dist: false }) },
    ];
    for (const { name, generation } of packages) {
      writeOutput(join(dir, name), planOutput(join(dir, name), generation.files));
      // A fixture's consumer.ts says what its client must accept and reject (@ts-expect-error).
      const consumer = join(ROOT, 'test/fixtures', name, 'consumer.ts');
      if (existsSync(consumer)) copyFileSync(consumer, join(dir, name, 'consumer.ts'));
      const examples = examplesModule(generation.files, generation.model.client.className);
      expect(examples.count).toBeGreaterThan(0);
      writeFileSync(join(dir, name, 'examples.ts'), examples.text);
      // The README's and the API reference's code, as a user would paste it.
      const docs = markdownExamples(generation.files, generation.model.client.packageName);
      expect(docs.length).toBeGreaterThan(name === 'admin' ? 10 : 1);
      for (const doc of docs) writeFileSync(join(dir, name, doc.path), doc.text);
    }
    const tsconfig = JSON.parse(readFileSync(join(dir, FIXTURES[0], 'tsconfig.json'), 'utf8')) as {
      compilerOptions: Record<string, unknown>;
    };
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...tsconfig.compilerOptions, noEmit: true, rootDir: undefined, outDir: undefined },
        include: packages.flatMap(({ name }) => [
          `${name}/src`,
          `${name}/examples.ts`,
          `${name}/consumer.ts`,
          `${name}/docs-*.ts`,
        ]),
      }),
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    expect(output).toBe('');
  });
});

describe('the JSON reader', () => {
  it('gives the same client as the YAML reader for the same spec', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdkgen-json-'));
    try {
      writeFileSync(
        join(dir, 'openapi.json'),
        JSON.stringify(YAML.parse(readFileSync(join(ROOT, 'spec/openapi.yaml'), 'utf8')), null, 2),
      );
      const fromYAML = generate({ spec: 'spec/openapi.yaml', out: 'generated', cwd: ROOT, dist: false }).files;
      const fromJSON = generate({
        spec: join(dir, 'openapi.json'),
        out: join(ROOT, 'generated'),
        cwd: ROOT,
        dist: false,
      }).files;
      const withoutBanner = (files: readonly { path: string; contents: string }[]) =>
        files.map((f) => ({
          ...f,
          contents: f.contents
            .replace(/^\/\/ Generated by .*\n/, '')
            .replace(/Generated by `[^`]*`/, '')
            // The README's `sdkgen mock --spec …` names the spec as it was given.
            .replaceAll(/--spec \S+/g, '--spec <spec>'),
        }));
      expect(withoutBanner(fromJSON)).toEqual(withoutBanner(fromYAML));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
