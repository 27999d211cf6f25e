import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { typeErrors } from '../helpers/type-errors.js';

// These projects are apps that moved to sdkgen/fetch and kept openapi-react-query and swr-openapi:
// each resolves `openapi-fetch`, which those libraries import their types from, to sdkgen/fetch
// (in its tsconfig's `paths`), so the root `tsc -p .` leaves them out and this checks them. Their
// type tests (expectTypeOf, assertType, @ts-expect-error) are assertions only tsc runs.
it('the apps on openapi-react-query and swr-openapi, and their own type tests, type-check', () => {
  expect(typeErrors(join(ROOT, 'test/query-libs/tsconfig.json'), ROOT)).toEqual([]);
});

// openapi-react-query's own test file is written for that project's compiler options (no
// exactOptionalPropertyTypes, unused locals allowed): it keeps them in its own tsconfig.
it("openapi-react-query's own tests type-check against the client they are given", () => {
  expect(typeErrors(join(ROOT, 'test/query-libs/openapi-react-query/tsconfig.json'), ROOT)).toEqual([]);
});
