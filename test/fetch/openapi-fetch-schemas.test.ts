import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRedoclyConfig } from '../../generator/config/redocly-config.js';
import { generateTypes } from '../../generator/generate-types.js';
import { ROOT } from '../helpers/paths.js';

/**
 * openapi-fetch's suite runs on the `.d.ts` schemas its redocly.yaml lists. Issue 33 asks that
 * sdkgen's types format writes them: each one is what `sdkgen openapi-typescript` makes of its
 * yaml, byte for byte, so the suite passing is a test of those types too. The GitHub and Stripe
 * example specs are not vendored (tens of MB); docs/fetch.md says which test that leaves out.
 */
const SUITE = join(ROOT, 'test/fetch/openapi-fetch/test');
const apis = [
  ...(readRedoclyConfig(SUITE, join(SUITE, 'redocly.yaml'), 'openapi-typescript').config?.apis ?? []).map((api) => ({
    name: api.name,
    root: join(SUITE, api.spec),
    output: join(SUITE, api.output),
    options: api.options,
  })),
  // Not in their redocly.yaml, made by the same command.
  schema('never-response', join(SUITE, 'never-response/schemas/never-response.yaml')),
  schema('openapi-react-query', join(ROOT, 'test/query-libs/openapi-react-query/fixtures/api.yaml')),
];

function schema(name: string, root: string) {
  return { name, root, output: root.replace(/\.yaml$/, '.d.ts'), options: {} };
}

describe("openapi-fetch's and openapi-react-query's test schemas are sdkgen's types", () => {
  it('lists the schemas', () => {
    expect(apis.length).toBeGreaterThan(10);
  });
  it.each(apis.filter((api) => existsSync(api.root)).map((api) => [api.name, api] as const))('%s', (_name, api) => {
    const { text } = generateTypes(api.root, dirname(api.root), { ...api.options });
    expect(text).toBe(readFileSync(api.output, 'utf8'));
  });
});
