/**
 * Every component schema of openai.yaml, printed by `--format openapi-typescript` and by
 * openapi-typescript 7.13 itself: the same text under `compat: true`, whatever the options; by
 * default the only differences are those docs/openapi-typescript.md lists: the discriminator values
 * 7.13 writes over the members' own `enum`s (`role: "ChatCompletionRequestDeveloperMessage"`),
 * and the two request schemas whose `anyOf` 7.13 turns into `unknown`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { TypesOptions } from '../../generator/model/openapi-typescript/options.js';
import { HAS_OPENAI_SPEC, OPENAI_SPEC } from '../helpers/shared.js';
import { ourSchemas, schemaDifferences } from '../openapi-typescript/helpers/schema-oracle.js';

const OPTION_SETS: Readonly<Record<string, TypesOptions>> = {
  'no options': {},
  '--enum --dedupe-enums --immutable --alphabetize': {
    enum: true,
    dedupeEnums: true,
    immutable: true,
    alphabetize: true,
  },
  'every other schema option': {
    additionalProperties: true,
    emptyObjectsUnknown: true,
    defaultNonNullable: false,
    propertiesRequiredByDefault: true,
    arrayLength: true,
    readWriteMarkers: true,
    excludeDeprecated: true,
    enumValues: true,
  },
};

describe.skipIf(!HAS_OPENAI_SPEC)('openai.yaml’s schemas as openapi-typescript 7.13 prints them', () => {
  const document: unknown = HAS_OPENAI_SPEC ? parse(readFileSync(OPENAI_SPEC, 'utf8'), { maxAliasCount: -1 }) : {};

  it.each(Object.entries(OPTION_SETS))('with compat: true and %s, no schema differs', (_, options) => {
    expect(schemaDifferences(document, { ...options, compat: true })).toEqual([]);
  });

  it('by default, differs only where 7.13 replaces a declared discriminator value or unions anyOf', () => {
    const differences = schemaDifferences(document, {});
    expect(differences.length).toBeGreaterThan(300);
    const anyOf = differences.filter(({ theirs }) => !/by openapi-typescript/.test(theirs));
    // `properties` beside `anyOf: [{ required: [a] }, { required: [b] }]`: 7.13's `{ … } | unknown | unknown` is unknown.
    expect(anyOf.map(({ name }) => name)).toEqual(['CreateVectorStoreFileBatchRequest', 'ImageRefParam']);
    for (const { name, theirs, ours } of anyOf) expect(theirs, name).toBe(`${ours} | unknown | unknown`);
    const developer = ourSchemas(document, {}).schemas.get('ChatCompletionRequestDeveloperMessage');
    expect(developer).toMatch(/\n {4}role: "developer";/);
  });
});
