/**
 * The pet store app (test/fixtures/migrate-petstore) with openapi-react-query and swr-openapi
 * hooks on its client: after `sdkgen migrate openapi-typescript` its own `tsc` passes on the
 * sdkgen/fetch client, with the data types inferred as before, thanks to the tsconfig line migrate
 * writes; without that line, tsc refuses the client (the libraries take only openapi-fetch's type).
 * A type-only check: the hooks running on sdkgen/fetch is test/query-libs' part (branch i33-query-libs).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { ROOT } from '../helpers/paths.js';
import { appProject, linkModules, npmRun } from './app-project.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/migrate-petstore');

/** The libraries and what their types import, as this repository installs them for test/query-libs. */
const LIBRARIES = {
  'openapi-react-query': '0.5.4',
  'swr-openapi': '5.6.0',
  '@tanstack/react-query': '5.100.9',
  swr: '2.4.2',
  react: '18.3.1',
  '@types/react': '18.3.28',
};
const INSTALLED = Object.keys(LIBRARIES).every((name) => existsSync(join(ROOT, 'node_modules', name)));

const QUERIES = `import createQueryClient from 'openapi-react-query';
import { createQueryHook } from 'swr-openapi';
import { petStoreClient } from './client';
import type { Pet } from './pets';

const client = petStoreClient('https://pets.example.com', 'token');
export const $api = createQueryClient(client);
export const useQuery = createQueryHook(client, 'pets');

export function usePetName(petId: number): string | undefined {
  const { data } = $api.useQuery('get', '/pets/{petId}', { params: { path: { petId } } });
  return data?.name;
}

export function usePets(): Pet[] | undefined {
  return useQuery('/pets', { params: { query: { limit: 10 } } }).data?.items;
}

export function useMissing() {
  // @ts-expect-error: no such route; the hooks are typed by the spec, not \`any\`.
  return $api.useQuery('get', '/owners');
}
`;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The pet store app with the hooks in src/queries.ts and the libraries in its dependencies. */
function queryApp(): string {
  const app = appProject(FIXTURE);
  dirs.push(app);
  writeFileSync(join(app, 'src/queries.ts'), QUERIES);
  const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
  const { '@types/react': types, ...runtime } = LIBRARIES;
  pkg['dependencies'] = { ...pkg['dependencies'], ...runtime };
  pkg['devDependencies'] = { ...pkg['devDependencies'], '@types/react': types };
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  return app;
}

describe.runIf(INSTALLED)('the pet store app with openapi-react-query and swr-openapi hooks', () => {
  it('type-checks on openapi-fetch, and on sdkgen/fetch after migrate, which maps openapi-fetch in tsconfig.json', async () => {
    const app = queryApp();
    const before = await npmRun(app, 'typecheck');
    expect(before.code, before.output).toBe(0);
    const tsconfig = readFileSync(join(app, 'tsconfig.json'), 'utf8');

    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['migrate', 'openapi-typescript'], {
      cwd: app,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    expect(code, err.join('\n')).toBe(0);
    expect(out.join('\n')).toContain(
      'tsconfig.json: "paths": { "openapi-fetch": ["./node_modules/sdkgen/lib/types/fetch/index.d.ts"] }',
    );
    // What npm install does with the new package.json: sdkgen in, openapi-typescript out;
    // openapi-fetch stays (migrate keeps it for the libraries), and the helpers are theirs.
    linkModules(app, ['openapi-typescript'], true);
    const after = await npmRun(app, 'typecheck');
    expect(after.code, after.output).toBe(0);

    // The line is what makes it pass: without it, the libraries refuse the sdkgen/fetch client.
    writeFileSync(join(app, 'tsconfig.json'), tsconfig);
    const without = await npmRun(app, 'typecheck');
    expect(without.code).not.toBe(0);
    expect(without.output).toMatch(
      /src\/queries\.ts\(7,39\): error TS2345: Argument of type 'PetStoreClient' is not assignable to parameter of type 'Client<\{\}, /,
    );
  });
});
