import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPITSOptions } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTypes } from '../../generator/generate-types.js';
import type { TypesFileOptions } from '../../generator/model/openapi-typescript/options.js';
import { ROOT } from '../helpers/paths.js';
import { type Comparison, compareTypesAll } from '../helpers/types-equality.js';

/**
 * openapi-typescript 7.13 (the devDependency) and sdkgen write the types file of the same spec
 * with the same options; each path, method, parameters section, request body, response (status,
 * content type), component, webhook and operation must be mutually assignable (as tsc decides),
 * and where they are, the text is the same byte for byte. Option sets: the ones 7.13's examples
 * folder uses (immutable, export-type, root-types, required-by-default, enum + root-types) and
 * the document-level flags.
 */
const EXAMPLES = 'test/openapi-typescript/vendored/examples';
const CASES: readonly { readonly spec: string; readonly options: TypesFileOptions }[] = [
  { spec: `${EXAMPLES}/simple-example.yaml`, options: {} },
  { spec: `${EXAMPLES}/simple-example.yaml`, options: { immutable: true } },
  { spec: `${EXAMPLES}/simple-example.yaml`, options: { immutable: true, exportType: true } },
  { spec: `${EXAMPLES}/simple-example.yaml`, options: { propertiesRequiredByDefault: true } },
  { spec: `${EXAMPLES}/simple-example.yaml`, options: { rootTypes: true } },
  { spec: `${EXAMPLES}/enum-root-types.yaml`, options: { enum: true, rootTypes: true, rootTypesNoSchemaPrefix: true } },
  { spec: 'spec/openapi.yaml', options: {} },
  { spec: 'spec/openapi.yaml', options: { alphabetize: true, excludeDeprecated: true, makePathsEnum: true } },
  {
    spec: 'test/fixtures/mock-shop/openapi.yaml',
    options: { pathParamsAsTypes: true, rootTypesKeepCasing: true, rootTypes: true },
  },
  { spec: 'test/fixtures/multi-file/openapi.yaml', options: {} },
  { spec: 'test/fixtures/digitalocean-shape/openapi.yaml', options: {} },
];

/** Where sdkgen's types differ from 7.13's without `compat` (docs/openapi-typescript.md): none in these specs. */
const LISTED_DIFFERENCES: Readonly<Record<string, readonly string[]>> = {};

/** Cases whose text differs while every member is type-equal: the bundler orders hoisted components its own way. */
const ORDER_ONLY = new Set(['test/fixtures/digitalocean-shape/openapi.yaml', 'test/fixtures/multi-file/openapi.yaml']);

const label = (spec: string, options: TypesFileOptions): string => `${spec} ${JSON.stringify(options)}`;

describe('types equal to openapi-typescript 7.13, member by member', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-ots-equality-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const texts = new Map<string, { ours: string; theirs: string }>();
  let results: Map<string, Comparison>;

  beforeAll(async () => {
    const pairs = [];
    for (const [index, { spec, options }] of CASES.entries()) {
      for (const compat of [true, false]) {
        const theirs = `${COMMENT_HEADER}${astToString(await openapiTS(pathToFileURL(join(ROOT, spec)), { ...options, silent: true } as OpenAPITSOptions))}`;
        const ours = generateTypes(spec, ROOT, { ...options, compat }).text;
        const name = `${index}-${compat ? 'compat' : 'default'}`;
        texts.set(name, { ours, theirs });
        pairs.push({ name, ours, theirs });
      }
    }
    results = compareTypesAll(dir, pairs);
  });

  it.each(CASES.map((c, index) => [label(c.spec, c.options), index] as const))(
    '%s: with compat, no difference; without, only the listed ones',
    (name, index) => {
      const compat = results.get(`${index}-compat`);
      const plain = results.get(`${index}-default`);
      expect(compat?.compared).toBeGreaterThan(5);
      expect(compat?.differences).toEqual([]);
      expect(plain?.differences).toEqual(LISTED_DIFFERENCES[name] ?? []);
      const text = texts.get(`${index}-compat`);
      if (!ORDER_ONLY.has(CASES[index]?.spec ?? '')) expect(text?.ours).toBe(text?.theirs);
    },
  );
});
