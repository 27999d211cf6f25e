import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';

/**
 * openapi-typescript is the field's reference for OpenAPI → TypeScript types. For every
 * component schema, our type and its type must accept exactly the same values: each is
 * assignable to the other, as tsc decides.
 */
const SPECS = ['spec/openapi.yaml', 'test/fixtures/petstore-inferred/openapi.yaml'];

describe('types agree with openapi-typescript', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-oracle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(SPECS)('for every component schema of %s', async (spec) => {
    const slug = spec.replace(/\W+/g, '-');
    const { files, model } = generate({ spec, out: join(dir, slug, 'ours'), cwd: ROOT, dist: false });
    writeOutput(join(dir, slug, 'ours'), planOutput(join(dir, slug, 'ours'), files));
    // defaultNonNullable off: a field with a default stays optional, since a request need not send it.
    const reference = astToString(await openapiTS(pathToFileURL(join(ROOT, spec)), { defaultNonNullable: false }));
    writeFileSync(join(dir, slug, 'reference.ts'), reference);
    // By component key: a schema named like a global (`Error`) is exported under another name (`ErrorSchema`).
    const named = model.schemas.filter((s) => s.componentKey !== undefined);
    expect(named.length).toBeGreaterThan(2);
    const checks = named.map(
      ({ name, componentKey }) =>
        `export const ${name}_agrees: Same<ours.${name}, components['schemas']['${componentKey}']> = true;`,
    );
    writeFileSync(
      join(dir, slug, 'compare.ts'),
      [
        `import type { components } from './reference.js';`,
        `import type * as ours from './ours/src/models.js';`,
        `type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;`,
        ...checks,
      ].join('\n'),
    );
    writeFileSync(
      join(dir, slug, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          noEmit: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          skipLibCheck: true,
          types: [],
        },
        files: ['compare.ts'],
      }),
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', join(dir, slug, 'tsconfig.json')], { encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    expect(output).toBe('');
  });
});
