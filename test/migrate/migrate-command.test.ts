/**
 * `sdkgen migrate openapi-typescript`: a project's openapi-typescript scripts, redocly.yaml and
 * openapi-fetch imports in; sdkgen.config.json, scripts, imports and dependencies out.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATE_HELP } from '../../generator/cli/migrate-command.js';
import { main } from '../../generator/cli.js';
import { SDKGEN_VERSION } from '../../generator/version.js';
import { specDir } from '../helpers/spec-files.js';
import { readTree } from '../helpers/tree.js';

const FIXTURE = readTree(join(import.meta.dirname, '../fixtures/migrate-petstore'));

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = specDir(files);
  dirs.push(dir);
  return dir;
}

async function migrate(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['migrate', 'openapi-typescript', ...argv], {
    cwd,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const json = (dir: string, path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(dir, path), 'utf8')) as Record<string, unknown>;

const packageJson = (scripts: Record<string, string>, extra: Record<string, unknown> = {}): string =>
  `${JSON.stringify({ name: 'app', scripts, devDependencies: { 'openapi-typescript': '^7.13.0' }, ...extra }, null, 2)}\n`;

describe('sdkgen migrate openapi-typescript on a small openapi-fetch app', () => {
  it('writes the types target with the script’s flags and compat, and runs sdkgen generate in the scripts', async () => {
    const dir = project(FIXTURE);
    const result = await migrate(dir);
    expect(result.code).toBe(0);
    expect(result.err).toBe('sdkgen migrate: wrote 4 files; no warnings.');
    expect(json(dir, 'sdkgen.config.json')).toEqual({
      types: { spec: 'api/openapi.yaml', output: 'src/schema.d.ts', alphabetize: true, exportType: true, compat: true },
    });
    const pkg = json(dir, 'package.json');
    expect(pkg['scripts']).toEqual({
      generate: 'sdkgen generate && tsc -p . --noEmit',
      'check:types': 'npx sdkgen generate --check',
      typecheck: 'tsc -p . --noEmit',
      test: 'vitest run',
    });
    expect(pkg['dependencies']).toEqual({ sdkgen: `^${SDKGEN_VERSION}` });
    expect(pkg['devDependencies']).toEqual({ '@types/node': '^20.19.0', typescript: '^5.9.0', vitest: '^4.1.0' });
  });

  it('changes only the module specifiers of the imports, keeping quotes, comments and formatting', async () => {
    const dir = project(FIXTURE);
    await migrate(dir);
    const after = readTree(dir);
    expect(after['src/client.ts']).toBe(
      (FIXTURE['src/client.ts'] as string).replace('from "openapi-fetch"', 'from "sdkgen/fetch"'),
    );
    expect(after['src/pets.ts']).toBe(
      (FIXTURE['src/pets.ts'] as string).replace("from 'openapi-typescript-helpers'", "from 'sdkgen/fetch'"),
    );
    // The schema is sdkgen generate's to rewrite; the test and the spec are not touched.
    for (const path of ['src/schema.d.ts', 'test/pets.test.ts', 'api/openapi.yaml', 'tsconfig.json'])
      expect(after[path], path).toBe(FIXTURE[path]);
  });

  it('prints the plan with --dry-run, and writes nothing', async () => {
    const dir = project(FIXTURE);
    const result = await migrate(dir, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toEqual([
      'Would write 1 types target to sdkgen.config.json:',
      '  api/openapi.yaml → src/schema.d.ts (alphabetize, exportType)  from script "generate"',
      'Would change 2 scripts in package.json:',
      '  generate: openapi-typescript ./api/openapi.yaml -o ./src/schema.d.ts --alphabetize --export-type && tsc -p . --noEmit',
      '          → sdkgen generate && tsc -p . --noEmit',
      '  check:types: npx openapi-typescript ./api/openapi.yaml -o ./src/schema.d.ts --alphabetize --export-type --check',
      '             → npx sdkgen generate --check',
      'Would change 2 imports:',
      "  src/client.ts:2:60  'openapi-fetch' → 'sdkgen/fetch'",
      "  src/pets.ts:1:38  'openapi-typescript-helpers' → 'sdkgen/fetch'",
      'Would change the dependencies in package.json:',
      `  + sdkgen@^${SDKGEN_VERSION} (dependencies)`,
      '  - openapi-typescript (devDependencies)',
      '  - openapi-fetch (dependencies)',
      '  - openapi-typescript-helpers (devDependencies)',
      'Run without --dry-run to make these changes.',
    ]);
    expect(result.err).toBe('sdkgen migrate: would write 4 files; no warnings. Nothing was written (--dry-run).');
    expect(readTree(dir)).toEqual(FIXTURE);
  });

  it('ends by naming the install of the project’s own package manager', async () => {
    const next = async (files: Record<string, string>): Promise<string | undefined> =>
      (await migrate(project({ ...FIXTURE, ...files }))).out.split('\n').at(-1);
    expect(await next({})).toBe(
      'Next: `npm install`, then `sdkgen generate` and your tests. docs/migrate.md says how to drop `compat`.',
    );
    expect(await next({ 'pnpm-lock.yaml': '' })).toMatch(/^Next: `pnpm install`/);
    expect(await next({ 'yarn.lock': '' })).toMatch(/^Next: `yarn`/);
    const withManager = JSON.stringify({
      ...JSON.parse(FIXTURE['package.json'] as string),
      packageManager: 'bun@1.2.0',
    });
    expect(await next({ 'package.json': withManager })).toMatch(/^Next: `bun install`/);
  });

  it('migrates the project named on the command line, from another folder', async () => {
    const dir = project({
      'app/package.json': FIXTURE['package.json'] as string,
      'app/src/pets.ts': FIXTURE['src/pets.ts'] as string,
    });
    expect((await migrate(dir, 'app')).code).toBe(0);
    expect(json(join(dir, 'app'), 'sdkgen.config.json')['types']).toMatchObject({ spec: 'api/openapi.yaml' });
  });
});

describe('what migrate reads', () => {
  it('reads every API of redocly.yaml with an x-openapi-ts block, its flags over the command’s', async () => {
    const dir = project({
      'package.json': packageJson({ types: 'npx openapi-typescript --immutable' }),
      'redocly.yaml': [
        'apis:',
        '  core@v2:',
        '    root: ./openapi/openapi.yaml',
        '    x-openapi-ts:',
        '      output: ./openapi/openapi.ts',
        '  external@v1:',
        '    root: ./openapi/external.yaml',
        '    x-openapi-ts:',
        '      output: ./openapi/external.ts',
        '      additional-properties: true',
        '      immutable: false',
        '  lint-only:',
        '    root: ./other.yaml',
        '',
      ].join('\n'),
    });
    expect((await migrate(dir)).code).toBe(0);
    expect(json(dir, 'sdkgen.config.json')).toEqual({
      types: [
        { spec: 'openapi/openapi.yaml', output: 'openapi/openapi.ts', immutable: true, compat: true },
        { spec: 'openapi/external.yaml', output: 'openapi/external.ts', additionalProperties: true, compat: true },
      ],
    });
    expect(json(dir, 'package.json')['scripts']).toEqual({ types: 'npx sdkgen generate' });
  });

  it('reads a redocly config named with --redocly, relative to its own folder', async () => {
    const dir = project({
      'package.json': packageJson({ types: 'openapi-typescript --redocly config/redocly.yaml' }),
      'config/redocly.yaml':
        'apis:\n  main:\n    root: ../api.yaml\n    x-openapi-ts:\n      output: ../src/api.d.ts\n      exportType: true\n',
    });
    expect((await migrate(dir)).code).toBe(0);
    expect(json(dir, 'sdkgen.config.json')['types']).toEqual({
      spec: 'api.yaml',
      output: 'src/api.d.ts',
      exportType: true,
      compat: true,
    });
  });

  it('takes the output of a > redirect, and makes the same command in two scripts one target', async () => {
    const dir = project({
      'package.json': packageJson({
        gen: 'openapi-typescript api.yaml --enum > src/schema.d.ts',
        'gen:check': 'openapi-typescript api.yaml --enum -o ./src/schema.d.ts --check',
      }),
    });
    expect((await migrate(dir)).code).toBe(0);
    expect(json(dir, 'sdkgen.config.json')['types']).toEqual({
      spec: 'api.yaml',
      output: 'src/schema.d.ts',
      enum: true,
      compat: true,
    });
    expect(json(dir, 'package.json')['scripts']).toEqual({
      gen: 'sdkgen generate',
      'gen:check': 'sdkgen generate --check',
    });
  });

  it('checks only where every command of the script only checked', async () => {
    const dir = project({
      'package.json': packageJson({
        both: 'openapi-typescript a.yaml -o a.ts --check && openapi-typescript b.yaml -o b.ts',
      }),
    });
    expect((await migrate(dir)).code).toBe(0);
    expect(json(dir, 'package.json')['scripts']).toEqual({ both: 'sdkgen generate' });
  });

  it('writes --default-non-nullable false, the one flag that is on unless said otherwise', async () => {
    const dir = project({
      'package.json': packageJson({
        gen: 'openapi-typescript api.yaml -o a.ts --default-non-nullable false --enum false',
      }),
    });
    expect((await migrate(dir)).code).toBe(0);
    expect(json(dir, 'sdkgen.config.json')['types']).toEqual({
      spec: 'api.yaml',
      output: 'a.ts',
      defaultNonNullable: false,
      compat: true,
    });
  });

  it('finds type and value imports, re-exports, require, import(), import types and test mocks', async () => {
    const dir = project({
      'package.json': packageJson({}, { dependencies: { 'openapi-fetch': '^0.17.0' } }),
      'src/a.ts':
        'export * from \'openapi-fetch\';\nexport type { PathsWithMethod } from "openapi-typescript-helpers";\n',
      'src/b.cjs': "const createClient = require('openapi-fetch');\nmodule.exports = createClient;\n",
      'src/c.mjs': 'const { default: createClient } = await import(`openapi-fetch`);\nexport { createClient };\n',
      'src/d.ts':
        "import type * as F from 'openapi-fetch';\ntype C = import('openapi-fetch').Client<{}>;\nimport fetchClient = require('openapi-fetch');\n",
      'test/e.test.tsx':
        "import { vi } from 'vitest';\nvi.mock('openapi-fetch', async () => ({ ...(await vi.importActual('openapi-fetch')) }));\n",
      'node_modules/x/index.js': "require('openapi-fetch');\n",
      'dist/out.js': "import 'openapi-fetch-like';\n",
    });
    const before = readTree(dir);
    const result = await migrate(dir);
    expect(result.code).toBe(0);
    const after = readTree(dir);
    for (const path of ['src/a.ts', 'src/b.cjs', 'src/c.mjs', 'src/d.ts', 'test/e.test.tsx'])
      expect(after[path], path).toBe(
        (before[path] as string).replaceAll(/openapi-fetch|openapi-typescript-helpers/g, 'sdkgen/fetch'),
      );
    expect(after['node_modules/x/index.js']).toBe(before['node_modules/x/index.js']);
    expect(after['dist/out.js']).toBe(before['dist/out.js']);
    // No openapi-typescript script: no types target, no config.
    expect(after['sdkgen.config.json']).toBeUndefined();
  });
  it('finds the imports in the <script>s of Vue and Svelte components and in Astro frontmatter', async () => {
    const vue = [
      '<template><p>{{ fact }}</p></template>',
      '<script setup lang="ts">',
      "import type { FetchResponse } from 'openapi-fetch';",
      "import { client } from './client';",
      '</script>',
      '',
    ].join('\n');
    const svelte =
      '<script context="module">\n  import createClient from "openapi-fetch";\n</script>\n<p>openapi-fetch</p>\n';
    const astro = "---\nimport createClient from 'openapi-fetch';\n---\n<p>import x from 'openapi-fetch'</p>\n";
    const dir = project({
      'package.json': packageJson({}, { dependencies: { 'openapi-fetch': '^0.17.0' } }),
      'src/Fact.vue': vue,
      'src/Page.svelte': svelte,
      'src/pages/index.astro': astro,
    });
    const result = await migrate(dir, '--dry-run');
    expect(result.out).toContain(
      [
        'Would change 3 imports:',
        "  src/Fact.vue:3:36  'openapi-fetch' → 'sdkgen/fetch'",
        "  src/Page.svelte:2:28  'openapi-fetch' → 'sdkgen/fetch'",
        "  src/pages/index.astro:2:26  'openapi-fetch' → 'sdkgen/fetch'",
      ].join('\n'),
    );
    await migrate(dir);
    const after = readTree(dir);
    expect(after['src/Fact.vue']).toBe(vue.replace("from 'openapi-fetch'", "from 'sdkgen/fetch'"));
    // Markup that only mentions the package is text, not an import.
    expect(after['src/Page.svelte']).toBe(svelte.replace('from "openapi-fetch"', 'from "sdkgen/fetch"'));
    expect(after['src/pages/index.astro']).toBe(astro.replace("from 'openapi-fetch';", "from 'sdkgen/fetch';"));
  });
});

describe('dependencies', () => {
  it('keeps openapi-fetch while openapi-react-query or swr-openapi needs it as a peer', async () => {
    for (const library of ['openapi-react-query', 'swr-openapi']) {
      const dir = project({
        'package.json': packageJson(
          { gen: 'openapi-typescript api.yaml -o src/api.d.ts' },
          { dependencies: { 'openapi-fetch': '^0.17.0', [library]: '^0.5.0' } },
        ),
        'src/client.ts': "import createClient from 'openapi-fetch';\n",
      });
      const result = await migrate(dir);
      expect(result.out).toContain(
        `= openapi-fetch (dependencies), kept: ${library} declares it as a peer dependency for its types`,
      );
      expect(json(dir, 'package.json')['dependencies']).toEqual({
        'openapi-fetch': '^0.17.0',
        [library]: '^0.5.0',
        sdkgen: `^${SDKGEN_VERSION}`,
      });
      expect(readFileSync(join(dir, 'src/client.ts'), 'utf8')).toBe("import createClient from 'sdkgen/fetch';\n");
    }
  });

  it('adds sdkgen as a dev dependency when nothing imports it at run time, at the version asked', async () => {
    const dir = project({ 'package.json': packageJson({ gen: 'openapi-typescript api.yaml -o a.ts' }) });
    await migrate(dir, '--sdkgen-version', 'file:../sdkgen-0.1.0.tgz');
    expect(json(dir, 'package.json')['devDependencies']).toEqual({ sdkgen: 'file:../sdkgen-0.1.0.tgz' });
  });

  it('keeps openapi-typescript where the project calls its Node API, and says so', async () => {
    const dir = project({
      'package.json': packageJson({ gen: 'openapi-typescript api.yaml -o a.ts' }),
      'scripts/build.ts': "import openapiTS, { astToString } from 'openapi-typescript';\n",
    });
    const result = await migrate(dir);
    expect(result.code).toBe(0);
    expect(result.err).toContain('scripts/build.ts:1:40: warning migrate-ots-api');
    expect(json(dir, 'package.json')['devDependencies']).toEqual({
      'openapi-typescript': '^7.13.0',
      sdkgen: `^${SDKGEN_VERSION}`,
    });
  });

  it('warns that types openapi-typescript made by hand get no target', async () => {
    const dir = project({
      'package.json': packageJson({}, { dependencies: { 'openapi-fetch': '^0.17.0' } }),
      'src/a.ts': "import createClient from 'openapi-fetch';\n",
    });
    const result = await migrate(dir);
    expect(result.code).toBe(0);
    expect(result.err).toContain(
      'package.json:5:27: warning migrate-no-script: openapi-typescript is a dependency, but no script or redocly.yaml API runs it',
    );
    expect(json(dir, 'package.json')['devDependencies']).toEqual({});
  });

  it('leaves an import of a file inside openapi-fetch as it is, and openapi-fetch installed for it', async () => {
    const dir = project({
      'package.json': packageJson({}, { dependencies: { 'openapi-fetch': '^0.17.0' } }),
      'src/a.ts':
        "import createClient from 'openapi-fetch';\nimport { mergeHeaders } from 'openapi-fetch/dist/index.mjs';\n",
    });
    const result = await migrate(dir);
    expect(result.code).toBe(0);
    expect(result.err).toContain(
      'src/a.ts:2:30: warning migrate-import-subpath: "openapi-fetch/dist/index.mjs" is a file inside openapi-fetch',
    );
    expect(readFileSync(join(dir, 'src/a.ts'), 'utf8')).toBe(
      "import createClient from 'sdkgen/fetch';\nimport { mergeHeaders } from 'openapi-fetch/dist/index.mjs';\n",
    );
    expect(json(dir, 'package.json')['dependencies']).toEqual({
      'openapi-fetch': '^0.17.0',
      sdkgen: `^${SDKGEN_VERSION}`,
    });
  });

  it('puts the targets in package.json’s sdkgen key when that is the project’s config', async () => {
    const dir = project({
      'package.json': packageJson({ gen: 'openapi-typescript api.yaml -o a.ts' }, { sdkgen: { strict: true } }),
    });
    expect((await migrate(dir)).code).toBe(0);
    expect(json(dir, 'package.json')['sdkgen']).toEqual({
      strict: true,
      types: { spec: 'api.yaml', output: 'a.ts', compat: true },
    });
    expect(readTree(dir)['sdkgen.config.json']).toBeUndefined();
  });

  it('adds the targets to an existing sdkgen.config.json, keeping its options', async () => {
    const dir = project({
      'package.json': packageJson({ gen: 'openapi-typescript api.yaml -o a.ts' }),
      'sdkgen.config.json': '{ "spec": "api.yaml", "out": "client" }\n',
    });
    expect((await migrate(dir)).code).toBe(0);
    expect(json(dir, 'sdkgen.config.json')).toEqual({
      spec: 'api.yaml',
      out: 'client',
      types: { spec: 'api.yaml', output: 'a.ts', compat: true },
    });
  });
});

describe('what migrate refuses, writing nothing', () => {
  const refused = async (files: Record<string, string>): Promise<{ code: number; err: string }> => {
    const dir = project(files);
    const result = await migrate(dir);
    expect(readTree(dir), 'nothing is written').toEqual(files);
    return result;
  };

  it('an unknown flag, at its line and column in package.json', async () => {
    const result = await refused({
      'package.json': packageJson({ gen: 'openapi-typescript api.yaml -o a.ts --alphabetise' }),
      'src/a.ts': "import createClient from 'openapi-fetch';\n",
    });
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'package.json:4:49: error migrate-flag-unknown: script "gen": openapi-typescript 7.13 has no option --alphabetise; did you mean --alphabetize?',
    );
    expect(result.err).toMatch(/sdkgen migrate: 1 error, no warnings; nothing was written\.$/);
  });

  it('a package.json that is not JSON, at the place it breaks', async () => {
    const result = await refused({ 'package.json': '{\n  "scripts": {\n    "gen": "openapi-typescript"\n  \n' });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/package\.json:\d+:\d+: error migrate-file-syntax: package\.json cannot be parsed/);
  });

  it('a package.json YAML would read but JSON does not (a trailing comma)', async () => {
    const result = await refused({
      'package.json': '{\n  "name": "app",\n  "scripts": { "gen": "openapi-typescript a.yaml -o a.ts" },\n}\n',
    });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^package\.json:\d+:\d+: error migrate-file-syntax: package\.json cannot be parsed: /);
  });

  it('a redocly API without an output', async () => {
    const result = await refused({
      'package.json': packageJson({
        gen: 'openapi-typescript -c redocly.yaml',
        other: 'openapi-typescript other.yaml',
      }),
      'redocly.yaml': 'apis:\n  main:\n    root: ./api.yaml\n    x-openapi-ts:\n      enum: true\n',
    });
    expect(result.code).toBe(1);
    // As 7.13, both commands read the redocly.yaml of the folder: one problem, said once.
    expect(result.err).toMatch(
      /^redocly\.yaml:5:7: error migrate-redocly-invalid: API "main" is missing an `x-openapi-ts\.output` key \(openapi-typescript refuses it too\)\.\n/,
    );
    expect(result.err).toMatch(/sdkgen migrate: 1 error, no warnings; nothing was written\.$/);
  });

  it('types printed to the terminal, or read from standard input', async () => {
    const result = await refused({
      'package.json': packageJson({
        show: 'openapi-typescript api.yaml',
        pipe: 'cat api.yaml | openapi-typescript -o a.ts',
      }),
    });
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'package.json:4:14: error migrate-script-unsupported: script "show" prints the types to its output',
    );
    expect(result.err).toContain(
      'package.json:5:29: error migrate-script-unsupported: script "pipe" feeds the spec to openapi-typescript on its standard input',
    );
  });

  it('a project with nothing of openapi-typescript in it', async () => {
    const result = await refused({ 'package.json': packageJson({ build: 'tsc' }) });
    expect(result.code).toBe(1);
    expect(result.err).toContain('error migrate-nothing: Nothing to migrate');
  });

  it('a config that already has types targets', async () => {
    const result = await refused({
      'package.json': packageJson({ gen: 'openapi-typescript api.yaml -o a.ts' }),
      'sdkgen.config.json': '{\n  "types": { "output": "b.ts" }\n}\n',
    });
    expect(result.err).toContain('sdkgen.config.json:2:12: error migrate-config-has-types');
    expect(result.err).toContain('2 |   "types": { "output": "b.ts" }');
  });

  it('a write that fails halfway: the files written before it are taken back', async () => {
    const dir = project(FIXTURE);
    // A folder where package.json's temporary file would go: the last write fails.
    mkdirSync(join(dir, `package.json.sdkgen-tmp-${process.pid}`));
    const result = await migrate(dir);
    expect(result.code).toBe(3);
    rmSync(join(dir, `package.json.sdkgen-tmp-${process.pid}`), { recursive: true });
    expect(readTree(dir)).toEqual(FIXTURE);
  });
});

describe('a run killed while renaming', () => {
  it('leaves a journal the next run finishes, before and instead of anything else', async () => {
    const dir = project({
      'package.json': packageJson({ gen: 'openapi-typescript api.yaml -o a.ts' }),
      'src/a.ts': "import createClient from 'openapi-fetch';\n",
      // What a run killed after its first rename leaves: one file in place, one beside its target.
      'sdkgen.config.json': '{ "types": { "spec": "api.yaml", "output": "a.ts", "compat": true } }\n',
      'src/a.ts.sdkgen-tmp-1': "import createClient from 'sdkgen/fetch';\n",
      '.sdkgen-migrate-journal.json': JSON.stringify([
        ['sdkgen.config.json.sdkgen-tmp-1', 'sdkgen.config.json'],
        ['src/a.ts.sdkgen-tmp-1', 'src/a.ts'],
      ]),
    });
    const dry = await migrate(dir, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.err).toContain('a killed run left its migration half written (.sdkgen-migrate-journal.json)');
    const result = await migrate(dir);
    expect(result.code).toBe(0);
    expect(result.err).toBe(
      'sdkgen migrate: finished the migration a killed run had begun writing; nothing else was done.',
    );
    const after = readTree(dir);
    expect(after['src/a.ts']).toBe("import createClient from 'sdkgen/fetch';\n");
    expect(Object.keys(after).sort()).toEqual(['package.json', 'sdkgen.config.json', 'src/a.ts']);
  });

  it('leaves neither journal nor temporary files after a whole run', async () => {
    const dir = project(FIXTURE);
    await migrate(dir);
    expect(Object.keys(readTree(dir)).filter((path) => /sdkgen-tmp-|journal/.test(path))).toEqual([]);
  });
});

describe('usage', () => {
  it('is listed by sdkgen --help, and sdkgen help migrate prints its options', async () => {
    const out: string[] = [];
    expect(await main(['--help'], { cwd: '.', out: (l) => out.push(l), err: () => {} })).toBe(0);
    expect(out.join('\n')).toContain(
      '\n  migrate    move a project from openapi-typescript and openapi-fetch to sdkgen',
    );
    out.length = 0;
    expect(await main(['help', 'migrate'], { cwd: '.', out: (l) => out.push(l), err: () => {} })).toBe(0);
    expect(out).toEqual([MIGRATE_HELP]);
    expect(MIGRATE_HELP).toMatch(/^Usage: sdkgen migrate openapi-typescript \[project folder\] \[options\]\n/);
  });

  it('asks what to migrate from', async () => {
    const err: string[] = [];
    const code = await main(['migrate', 'swagger-codegen'], { cwd: '.', out: () => {}, err: (l) => err.push(l) });
    expect(code).toBe(2);
    expect(err).toEqual([
      'sdkgen migrate: sdkgen migrates from "openapi-typescript", not "swagger-codegen". Run `sdkgen migrate --help` for usage.',
    ]);
  });
});
