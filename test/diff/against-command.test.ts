// `sdkgen diff --against` through the CLI: the three kinds of input, the formats and `--fail-on`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { emitPackage } from '../../generator/emit/emit-package.js';
import { modelSpec } from '../../generator/model-spec.js';
import { fixtureDir, packTarball, published, SPEC } from './against-fixture.js';

async function diff(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['diff', ...argv], { cwd, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The published package with hand-written code of its own: `client.helper.sign(path)`, sending no request. */
const WITH_HELPER = {
  ...published(
    ['client.d.ts', 'owners: API.Owners;\n}', 'owners: API.Owners;\n    helper: API.Helper;\n}'],
    ['resources/index.d.ts', 'export { Owners }', 'export { Helper } from "./helper.js";\nexport { Owners }'],
  ),
  'resources/helper.d.ts': `import { APIResource } from "../core/resource.js";
export declare class Helper extends APIResource {
    sign(path: string): string;
}
`,
};

/** The published package with `retrieve` named `get`: a method missing (breaking) and one added. */
const RENAMED = published(['resources/pets.d.ts', 'retrieve(petID', 'get(petID']);

describe('sdkgen diff --against', () => {
  const dir = fixtureDir();
  const renamed = fixtureDir(RENAMED);

  it('prints "no difference" against the package sdkgen generates from the same spec', async () => {
    // The generated package written out, as it would be published: package.json and dist/.
    const model = modelSpec('spec.yaml', dir).model;
    for (const file of emitPackage(model, { command: 'sdkgen generate', dist: true })) {
      mkdirSync(join(dir, 'self', file.path, '..'), { recursive: true });
      writeFileSync(join(dir, 'self', file.path), file.contents);
    }
    const { code, out, err } = await diff(dir, '--against', 'self', '--spec', 'spec.yaml', '--fail-on', 'any');
    expect(code).toBe(0);
    expect(out).toContain("No difference: the generated client has the published package's surface.");
    expect(out).toContain('4 published methods and');
    expect(err).toBe('sdkgen diff: 0 changes; no warnings.');
  });

  it("reads an SDK repository's sources where it has no declarations built (src/, no dist/)", async () => {
    const model = modelSpec('spec.yaml', dir).model;
    for (const file of emitPackage(model, { command: 'sdkgen generate', dist: false })) {
      mkdirSync(join(dir, 'repository', file.path, '..'), { recursive: true });
      writeFileSync(join(dir, 'repository', file.path), file.contents);
    }
    const { code, out } = await diff(dir, '--against', 'repository', '--spec', 'spec.yaml', '--fail-on', 'any');
    expect(code).toBe(0);
    expect(out).toContain("No difference: the generated client has the published package's surface.");
  });

  it('reads a folder in place, and names the spec by --spec, the positional or the config', async () => {
    const { code, out } = await diff(dir, '--against', 'published', 'spec.yaml');
    expect(code).toBe(0);
    expect(out).toContain('### The generated client against `published`: 0 breaking');
    writeFileSync(join(dir, 'sdkgen.config.json'), '{"spec": "spec.yaml"}');
    expect((await diff(dir, '--against', 'published')).out).toContain('against `published`: 0 breaking');
  });

  it('unpacks a tarball and names the package by its name and version', async () => {
    const tarball = packTarball(renamed);
    const { code, out } = await diff(renamed, '--against', tarball, 'spec.yaml');
    expect(code).toBe(0);
    expect(out).toContain('### The generated client against `petstore@1.2.3`: 1 breaking');
    expect(out).toContain('#### Methods missing from the generated client (breaking)\n\n- `client.pets.get`');
    expect(out).toContain(
      '#### Methods only in the generated client\n\n- `client.pets.retrieve` (`get /pets/{pet_id}`)',
    );
  });

  it('packs an npm package spec with npm pack (here a file: spec, so that no registry is needed)', async () => {
    const tarball = packTarball(renamed, 'petstore-npm.tgz');
    const { code, out } = await diff(renamed, '--against', `file:${tarball}`, 'spec.yaml', '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as {
      against: string;
      methods: { call: string; status: string }[];
      types: unknown[];
      changes: { rule: string; client: string }[];
    };
    expect(report.against).toBe('petstore@1.2.3');
    expect(report.methods.filter((m) => m.status !== 'same')).toEqual([
      { call: 'client.pets.get', status: 'missing', differences: [] },
      { call: 'client.pets.retrieve', status: 'added', http: 'get /pets/{pet_id}', differences: [] },
    ]);
    expect(report.changes.filter((c) => c.client === 'breaking').map((c) => c.rule)).toEqual([
      'published-method-missing',
    ]);
  });

  it('exits 1 with --fail-on breaking when a breaking change is found, naming it on stderr', async () => {
    const failed = await diff(renamed, '--against', 'published', 'spec.yaml', '--fail-on', 'breaking');
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('sdkgen diff: 1 change reached --fail-on breaking:');
    expect(failed.err).toContain(
      'a method of the published package is missing from the generated client: method `client.pets.get`',
    );
    expect((await diff(dir, '--against', 'published', 'spec.yaml', '--fail-on', 'breaking')).code).toBe(0);
  });

  it('names the naming convention the published package follows, with the overlay that declares it', async () => {
    // The spec leaves `GET /pets/{pet_id}` to the rules (`retrieve`); the package calls it `get`.
    const inferred = SPEC.replace('      x-sdkgen-resource: pets\n      x-sdkgen-method: retrieve\n', '');
    const folder = fixtureDir(RENAMED);
    writeFileSync(join(folder, 'spec.yaml'), inferred);
    const { out } = await diff(folder, '--against', 'published', 'spec.yaml');
    expect(out).toContain('#### Naming conventions the published package follows');
    expect(out).toContain('- `reads: get`: 1 more found, 0 lost');
    expect(out).toContain('Declared in an overlay, 4 of 4 published methods are found (3 now):');
    const overlay = out.slice(out.indexOf('```yaml\n') + 8, out.lastIndexOf('```'));
    writeFileSync(join(folder, 'naming.yaml'), overlay);
    const declared = await diff(folder, '--against', 'published', 'spec.yaml', '--overlay', 'naming.yaml');
    expect(declared.out).toContain('0 breaking');
    expect(declared.out).not.toContain('Methods missing');
    expect(declared.out).not.toContain('Naming conventions');
    const json = JSON.parse((await diff(folder, '--against', 'published', 'spec.yaml', '--format', 'json')).out);
    expect(json.naming).toEqual({
      found: 3,
      published: 4,
      conventions: [{ naming: { reads: 'get' }, gained: 1, lost: 0 }],
    });
  });

  it('writes GitHub annotations: an error per breaking change', async () => {
    const { out } = await diff(renamed, '--against', 'published', 'spec.yaml', '--format', 'github');
    expect(out.split('\n').filter((line) => line.startsWith('::error'))).toEqual([
      '::error title=published-method-missing%3A wire non-breaking%2C client breaking::a method of the published package is missing from the generated client: method client.pets.get ((petID: string) → APIPromise<Pet> → —) in client.pets.get',
    ]);
  });

  it("with --client, compares the client folder as it is on disk: a team's custom code in src/lib/ counts", async () => {
    const dir = fixtureDir(WITH_HELPER);
    const generate = async (): Promise<number> =>
      main(['generate', '--spec', 'spec.yaml', '--out', 'client'], { cwd: dir, out: () => {}, err: () => {} });
    expect(await generate()).toBe(0);
    // The in-memory client lacks the published helper, and so does the folder before the team moves it.
    const before = await diff(dir, '--against', 'published', 'spec.yaml', '--fail-on', 'breaking');
    expect(before.code).toBe(1);
    expect(before.out).toContain('- `client.helper.sign`');
    expect((await diff(dir, '--against', 'published', 'spec.yaml', '--client', 'client')).out).toContain(
      '- `client.helper.sign`',
    );
    // The move: the helper in src/lib/ (sdkgen's own), registered on the client by an edit the merge keeps.
    mkdirSync(join(dir, 'client/src/lib'));
    writeFileSync(
      join(dir, 'client/src/lib/helper.ts'),
      [
        "import { APIResource } from '../core/resource.js';",
        '',
        'export class Helper extends APIResource {',
        '  sign(path: string): string {',
        '    return path + "?signed=1";',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const client = join(dir, 'client/src/client.ts');
    const registered = readFileSync(client, 'utf8')
      .replace(/^(import .*\n)(?!import)/m, "$1import { Helper } from './lib/helper.js';\n")
      .replace(
        /(\n {2}readonly owners: Owners = new Owners\(this\);\n)/,
        '$1  readonly helper: Helper = new Helper(this);\n',
      );
    expect(registered).toContain('readonly helper: Helper');
    writeFileSync(client, registered);
    expect(await generate()).toBe(0);
    expect(readFileSync(client, 'utf8')).toContain('readonly helper: Helper = new Helper(this);');
    const after = await diff(dir, '--against', 'published', 'spec.yaml', '--client', 'client', '--fail-on', 'breaking');
    expect(after.code).toBe(0);
    expect(after.out).toContain('### The generated client against `published`: 0 breaking');
    expect(after.out).not.toContain('client.helper.sign');
    // Without --client, the comparison is still with the client the spec alone generates.
    expect((await diff(dir, '--against', 'published', 'spec.yaml', '--fail-on', 'breaking')).code).toBe(1);
  });

  it('refuses --client without --against, or naming no folder', async () => {
    const noAgainst = await diff(dir, 'spec.yaml', 'spec.yaml', '--client', 'published');
    expect(noAgainst.code).toBe(2);
    expect(noAgainst.err).toContain('--client goes with --against');
    const nowhere = await diff(dir, '--against', 'published', 'spec.yaml', '--client', 'nowhere');
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toContain('--client nowhere: no such folder');
  });

  it('says what is wrong with the package it cannot read, and refuses --against with --base', async () => {
    const missing = await diff(dir, '--against', 'nowhere.tgz', 'spec.yaml');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('sdkgen diff --against nowhere.tgz: no such file, folder or tarball');
    mkdirSync(join(dir, 'empty'), { recursive: true });
    const empty = await diff(dir, '--against', 'empty', 'spec.yaml');
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('no declarations to read');
    expect((await diff(dir, '--against', 'published', '--base', 'HEAD')).code).toBe(2);
  });
});
