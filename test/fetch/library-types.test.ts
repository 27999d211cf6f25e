import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { typeErrors } from '../helpers/type-errors.js';

// A library typed against openapi-fetch's `Client` (as openapi-react-query and swr-openapi are)
// in a project that moved to sdkgen/fetch with openapi-fetch still installed for it. TypeScript
// relates a client's generic methods only within one declaration (docs/fetch.md), so the
// project's tsconfig maps `openapi-fetch` (and `openapi-typescript-helpers`) to sdkgen/fetch's
// types: the library then reads the same declarations the project's client has.
const dir = mkdtempSync(join(tmpdir(), 'sdkgen-fetch-library-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE = join(ROOT, 'generator/fetch/index.ts');

function project(mapped: boolean): string {
  const root = join(dir, mapped ? 'mapped' : 'plain');
  const lib = join(root, 'node_modules/query-lib');
  mkdirSync(lib, { recursive: true });
  for (const name of ['openapi-fetch', 'openapi-typescript-helpers'])
    symlinkSync(join(ROOT, 'node_modules', name), join(root, 'node_modules', name));
  writeFileSync(
    join(lib, 'package.json'),
    JSON.stringify({ name: 'query-lib', type: 'module', exports: { '.': { types: './index.d.ts' } } }),
  );
  // openapi-react-query 0.5's entry point, in shape.
  writeFileSync(
    join(lib, 'index.d.ts'),
    [
      "import type { Client as FetchClient } from 'openapi-fetch';",
      "import type { MediaType } from 'openapi-typescript-helpers';",
      'export default function createClient<Paths extends {}, Media extends MediaType = MediaType>(',
      '  client: FetchClient<Paths, Media>,',
      '): { client: FetchClient<Paths, Media> };',
    ].join('\n'),
  );
  writeFileSync(
    join(root, 'app.ts'),
    [
      "import createFetchClient from 'sdkgen/fetch';",
      "import createQueryClient from 'query-lib';",
      `import type { paths } from ${JSON.stringify(join(ROOT, 'test/fetch/openapi-fetch/test/common/schemas/common.js'))};`,
      "export const $api = createQueryClient(createFetchClient<paths>({ baseUrl: 'https://api.example.com' }));",
    ].join('\n'),
  );
  const paths: Record<string, string[]> = { 'sdkgen/fetch': [SOURCE] };
  if (mapped) paths['openapi-fetch'] = paths['openapi-typescript-helpers'] = [SOURCE];
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        lib: ['ES2023', 'DOM'],
        types: [],
        noEmit: true,
        paths,
      },
      files: ['app.ts'],
    }),
  );
  return root;
}

describe('a library typed against openapi-fetch’s Client', () => {
  it('refuses sdkgen/fetch’s client while `openapi-fetch` resolves to openapi-fetch’s own types', () => {
    const root = project(false);
    const errors = typeErrors(join(root, 'tsconfig.json'), root);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^app\.ts: error TS2345: Argument of type 'Client<paths, .*' is not assignable to parameter of type 'Client<\{\}, /,
    );
  });

  it('takes it once the project maps `openapi-fetch` to sdkgen/fetch’s types', () => {
    const root = project(true);
    expect(typeErrors(join(root, 'tsconfig.json'), root)).toEqual([]);
  });
});
