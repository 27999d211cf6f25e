import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { typeErrors } from '../helpers/type-errors.js';

// openapi-fetch's suite checks half of what it promises with tsc (`lint:ts`): `@ts-expect-error`
// on calls that must not compile, `assertType` on what must. Vitest runs the other half. This
// runs their two tsc projects (strict, and without strictNullChecks) against sdkgen/fetch.
const SUITE = join(ROOT, 'test/fetch/openapi-fetch');
describe('openapi-fetch 0.17’s type tests, against sdkgen/fetch', () => {
  it('compile under their strict tsconfig, but for the GitHub example whose schema is not vendored (docs/fetch.md)', () => {
    expect(typeErrors(join(SUITE, 'tsconfig.json'), SUITE)).toEqual([
      "test/examples/examples.test.ts: error TS2307: Cannot find module './schemas/github.js' or its corresponding type declarations.",
    ]);
  });

  it('compile without strictNullChecks', () => {
    expect(typeErrors(join(SUITE, 'test/no-strict-null-checks/tsconfig.json'), SUITE)).toEqual([]);
  });
});
