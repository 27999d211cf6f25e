// Vendored from openapi-typescript 7.13.0, packages/openapi-typescript/test/transform/schema-object/string.test.ts,
// MIT License, Copyright (c) 2020 Drew Powers (full text: test/openapi-typescript/helpers/LICENSE-openapi-typescript).
// Their cases, unchanged, are the specification of sdkgen's schemaType + printType; only the
// imports differ (helpers/ots-7.13.ts adapts their test context).
import { describe, expect, test } from 'vitest';
import { astToString, DEFAULT_CTX, type TestCase, transformSchemaObject } from './helpers/ots-7.13.js';

const DEFAULT_OPTIONS = {
  path: '#/components/schemas/schema-object',
  ctx: { ...DEFAULT_CTX },
};

describe('transformSchemaObject > string', () => {
  const tests: TestCase[] = [
    [
      'basic',
      {
        given: { type: 'string' },
        want: 'string',
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'enum',
      {
        given: { type: 'string', enum: ['blue', 'green', 'yellow', ''] },
        want: `"blue" | "green" | "yellow" | ""`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'enum (inferred)',
      {
        given: { properties: { status: { enum: ['complete', 'incomplete'] } } },
        want: `{
    /** @enum {unknown} */
    status?: "complete" | "incomplete";
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'enum (whitespace)',
      {
        given: { type: 'string', enum: [' blue', 'green ', ' ', ''] },
        want: `" blue" | "green " | " " | ""`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'enum (UTF-8)',
      {
        given: { type: 'string', enum: ['赤', '青', '緑'] },
        want: `"赤" | "青" | "緑"`,
        // options: DEFAULT_OPTIONS
      },
    ],
    [
      'enum (quotes)',
      {
        // prettier-ignore
        given: { type: 'string', enum: ['"', "'", '"', '`'] },
        want: `"\\"" | "'" | "\\"" | "\`"`,
      },
    ],
    [
      'nullable',
      {
        given: { type: ['string', 'null'] },
        want: 'string | null',
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'nullable (deprecated syntax)',
      {
        given: { type: 'string', nullable: true },
        want: 'string | null',
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'enum + nullable',
      {
        given: { type: ['string', 'null'], enum: ['A', 'B', 'C'] },
        want: '"A" | "B" | "C" | null',
      },
    ],
    [
      'enum + nullable + null value',
      {
        given: { type: ['string', 'null'], enum: ['A', 'B', 'C', null] },
        want: '"A" | "B" | "C" | null',
      },
    ],
    [
      'enum + nullable (deprecated syntax)',
      {
        given: { type: 'string', enum: ['A', 'B', 'C'], nullable: true },
        want: '"A" | "B" | "C" | null',
      },
    ],
    [
      'default + nullable',
      {
        given: { type: ['string', 'null'], default: 'en' },
        want: 'string | null',
      },
    ],
    [
      'default + nullable + enum',
      {
        given: { type: ['string', 'null'], enum: ['en', 'es', 'fr', 'de'], default: 'en' },
        want: '"en" | "es" | "fr" | "de" | null',
      },
    ],
    [
      'default + nullable (deprecated syntax)',
      {
        given: { type: 'string', default: 'en', nullable: true },
        want: 'string | null',
      },
    ],
    [
      'enum + additionalProperties',
      {
        given: {
          type: 'string',
          enum: ['A', 'B', 'C'],
          additionalProperties: true,
        },
        want: `("A" | "B" | "C") | (string & {})`,
      },
    ],
  ];

  for (const [testName, { given, want, options = DEFAULT_OPTIONS, ci }] of tests) {
    test.skipIf(ci?.skipIf)(
      testName,
      async () => {
        const result = astToString(transformSchemaObject(given, options));
        expect(result).toBe(`${want}\n`);
      },
      ci?.timeout,
    );
  }
});
