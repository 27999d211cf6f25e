/**
 * openapi-react-query and swr-openapi take only openapi-fetch's `Client` type; after the move,
 * `sdkgen migrate openapi-typescript` maps `openapi-fetch` to sdkgen/fetch's declarations in each
 * tsconfig that compiles a file importing them, editing the tsconfig as text (comments kept).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { withPaths } from '../../generator/migrate/tsconfig-paths.js';
import { specDir } from '../helpers/spec-files.js';

const TYPES = 'node_modules/sdkgen/lib/types/fetch/index.d.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** An app on openapi-fetch with `library` as a dependency, `src/query.ts` using it, and `files`. */
function app(files: Record<string, string>, library = 'openapi-react-query'): string {
  const dir = specDir({
    'package.json': `${JSON.stringify(
      {
        name: 'app',
        scripts: { gen: 'openapi-typescript api.yaml -o src/schema.d.ts' },
        dependencies: { 'openapi-fetch': '^0.17.0', [library]: '^0.5.0' },
        devDependencies: { 'openapi-typescript': '^7.13.0' },
      },
      null,
      2,
    )}\n`,
    'src/client.ts': "import createClient from 'openapi-fetch';\nexport const client = createClient({});\n",
    'src/query.ts': `import createQueryClient from '${library}';\nimport { client } from './client';\nexport const $api = createQueryClient(client);\n`,
    ...files,
  });
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

const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');

const TSCONFIG = `{
  // Vite's app config
  "compilerOptions": {
    "strict": true, // keep
    "module": "ESNext",
    /* bundler */
    "moduleResolution": "Bundler",
  },
  "include": ["src"]
}
`;

describe('a project with openapi-react-query or swr-openapi', () => {
  it('plans the mapping with --dry-run, and writes nothing', async () => {
    const dir = app({ 'tsconfig.json': TSCONFIG });
    const result = await migrate(dir, '--dry-run');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain(
      [
        "Would map openapi-fetch to sdkgen/fetch's types in 1 tsconfig, for openapi-react-query and swr-openapi, which take only openapi-fetch's Client type:",
        `  tsconfig.json: "paths": { "openapi-fetch": ["./${TYPES}"] }`,
      ].join('\n'),
    );
    expect(read(dir, 'tsconfig.json')).toBe(TSCONFIG);
  });

  it('adds `paths` to compilerOptions, keeping comments, the trailing comma and the layout', async () => {
    for (const library of ['openapi-react-query', 'swr-openapi']) {
      const dir = app({ 'tsconfig.json': TSCONFIG }, library);
      const result = await migrate(dir);
      expect(result.code, result.err).toBe(0);
      expect(result.out).toContain("Mapped openapi-fetch to sdkgen/fetch's types in 1 tsconfig");
      expect(read(dir, 'tsconfig.json')).toBe(
        TSCONFIG.replace(
          '"moduleResolution": "Bundler",\n',
          `"moduleResolution": "Bundler",\n    "paths": { "openapi-fetch": ["./${TYPES}"] },\n`,
        ),
      );
    }
  });

  it('merges with the existing `paths`, relative to `baseUrl`', async () => {
    const tsconfig = `{
  "compilerOptions": {
    "baseUrl": "src",
    "paths": {
      "@/*": ["./*"] // the app's alias
    }
  }
}
`;
    const dir = app({ 'tsconfig.json': tsconfig });
    await migrate(dir);
    expect(read(dir, 'tsconfig.json')).toBe(
      tsconfig.replace(
        '"@/*": ["./*"] // the app\'s alias\n',
        `"@/*": ["./*"], // the app's alias\n      "openapi-fetch": ["../${TYPES}"]\n`,
      ),
    );
  });

  it('writes into the extended config that holds the `paths` in effect, since a `paths` of its own would replace them', async () => {
    const base = `{ "compilerOptions": { "strict": true, "paths": { "#lib/*": ["./lib/*"] } } }\n`;
    const leaf = `{ "extends": "./tsconfig.base.json", "include": ["../src"] }\n`;
    const dir = app({ 'configs/tsconfig.base.json': base, 'configs/tsconfig.json': leaf });
    const result = await migrate(dir);
    expect(result.out).toContain(
      `  configs/tsconfig.base.json: "paths": { "openapi-fetch": ["../${TYPES}"] }  for configs/tsconfig.json`,
    );
    expect(read(dir, 'configs/tsconfig.base.json')).toBe(
      base.replace('["./lib/*"] }', `["./lib/*"], "openapi-fetch": ["../${TYPES}"] }`),
    );
    expect(read(dir, 'configs/tsconfig.json')).toBe(leaf);
  });

  it('copies `paths` inherited from a package into the config, re-based, with the mapping', async () => {
    const shared = `{ "compilerOptions": { "paths": { "#shared/*": ["./shared/*"] } } }\n`;
    const leaf = `{ "extends": "@acme/tsconfig/base.json", "include": ["src"] }\n`;
    const dir = app({ 'node_modules/@acme/tsconfig/base.json': shared, 'tsconfig.json': leaf });
    await migrate(dir);
    expect(read(dir, 'tsconfig.json')).toBe(
      `{ "extends": "@acme/tsconfig/base.json", "include": ["src"], "compilerOptions": { "paths": { "#shared/*": ["./node_modules/@acme/tsconfig/shared/*"], "openapi-fetch": ["./${TYPES}"] } } }\n`,
    );
  });

  it('edits only the tsconfigs that compile a file importing the libraries', async () => {
    const node = `{\n  "compilerOptions": {},\n  "include": ["vite.config.ts"]\n}\n`;
    const dir = app({
      'tsconfig.json': `{ "files": [], "references": [{ "path": "./tsconfig.app.json" }, { "path": "./tsconfig.node.json" }] }\n`,
      'tsconfig.app.json': `{\n  "compilerOptions": {},\n  "include": ["src"]\n}\n`,
      'tsconfig.node.json': node,
      'vite.config.ts': 'export default {};\n',
    });
    await migrate(dir);
    expect(read(dir, 'tsconfig.app.json')).toBe(
      `{\n  "compilerOptions": { "paths": { "openapi-fetch": ["./${TYPES}"] } },\n  "include": ["src"]\n}\n`,
    );
    expect(read(dir, 'tsconfig.node.json')).toBe(node);
    expect(read(dir, 'tsconfig.json')).toContain('"files": []');
  });

  it('counts the components a tsconfig includes (Vue, Svelte), as vue-tsc and svelte-check do', async () => {
    const tsconfig = `{ "compilerOptions": {}, "include": ["src/**/*.ts", "src/**/*.vue"] }\n`;
    const dir = app({
      'tsconfig.json': tsconfig,
      'src/query.ts': 'export {};\n',
      'src/Pets.vue': '<script setup lang="ts">\nimport createQueryClient from \'openapi-react-query\';\n</script>\n',
    });
    await migrate(dir);
    expect(read(dir, 'tsconfig.json')).toBe(
      tsconfig.replace('"compilerOptions": {}', `"compilerOptions": { "paths": { "openapi-fetch": ["./${TYPES}"] } }`),
    );
  });

  it('leaves a tsconfig that already maps openapi-fetch there; warns where it maps it elsewhere', async () => {
    const mapped = `{ "compilerOptions": { "paths": { "openapi-fetch": ["./${TYPES}"] } } }\n`;
    const dir = app({ 'tsconfig.json': mapped });
    const again = await migrate(dir);
    expect(again.out).not.toContain('Mapped openapi-fetch');
    expect(again.err).toBe('sdkgen migrate: wrote 3 files; no warnings.');

    const elsewhere = `{ "compilerOptions": { "paths": { "openapi-fetch": ["./vendor/fetch.d.ts"] } } }\n`;
    const other = app({ 'tsconfig.json': elsewhere });
    const result = await migrate(other);
    expect(result.err).toContain(
      `tsconfig.json:1:1: warning migrate-tsconfig-paths: tsconfig.json already maps "openapi-fetch" to ["./vendor/fetch.d.ts"]`,
    );
    expect(read(other, 'tsconfig.json')).toBe(elsewhere);
  });

  it('touches no tsconfig without the libraries', async () => {
    const dir = app({ 'tsconfig.json': TSCONFIG, 'src/query.ts': 'export {};\n' });
    const result = await migrate(dir);
    expect(result.out).not.toContain('tsconfig');
    expect(read(dir, 'tsconfig.json')).toBe(TSCONFIG);
  });
});

describe('withPaths (the text edit)', () => {
  const entries = { 'openapi-fetch': ['./x.d.ts'] };
  it('makes compilerOptions in an empty or a one-line file', () => {
    expect(withPaths('{}\n', 'tsconfig.json', entries)).toBe(
      '{ "compilerOptions": { "paths": { "openapi-fetch": ["./x.d.ts"] } } }\n',
    );
    expect(withPaths('{ "include": ["src"] }', 'tsconfig.json', entries)).toBe(
      '{ "include": ["src"], "compilerOptions": { "paths": { "openapi-fetch": ["./x.d.ts"] } } }',
    );
  });

  it('puts the property on a line of its own, at the indentation of the last one, in a tab-indented file', () => {
    expect(withPaths('{\n\t"compilerOptions": {\n\t\t"strict": true\n\t}\n}\n', 'tsconfig.json', entries)).toBe(
      '{\n\t"compilerOptions": {\n\t\t"strict": true,\n\t\t"paths": { "openapi-fetch": ["./x.d.ts"] }\n\t}\n}\n',
    );
  });
});
