/**
 * Every component schema of every fixture spec, printed by sdkgen and by openapi-typescript 7.13
 * (the oracle: its own transformSchemaObject and discriminator scan), under each option set.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { TypesOptions } from '../../generator/model/openapi-typescript/options.js';
import { ROOT } from '../helpers/paths.js';
import { schemaDifferences } from './helpers/schema-oracle.js';

const FIXTURES = join(ROOT, 'test/fixtures');
const SPECS = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => join(FIXTURES, entry.name, 'openapi.yaml'))
  .filter((file) => {
    try {
      return readFileSync(file, 'utf8').length > 0;
    } catch {
      return false;
    }
  });

const OPTION_SETS: readonly TypesOptions[] = [
  {},
  { enum: true, dedupeEnums: true, immutable: true, alphabetize: true },
  {
    additionalProperties: true,
    emptyObjectsUnknown: true,
    defaultNonNullable: false,
    propertiesRequiredByDefault: true,
    arrayLength: true,
    readWriteMarkers: true,
    excludeDeprecated: true,
    enumValues: true,
  },
];

describe('fixture specs’ schemas equal 7.13’s under compat', () => {
  it('has fixtures to compare', () => {
    expect(SPECS.length).toBeGreaterThan(10);
  });

  it.each(SPECS.map((file) => [file.slice(ROOT.length + 1), file]))('%s', (_, file) => {
    const document: unknown = parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 });
    for (const options of OPTION_SETS) {
      expect(schemaDifferences(document, { ...options, compat: true }), JSON.stringify(options)).toEqual([]);
    }
  });
});
