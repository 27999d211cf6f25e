// Vendored from openapi-typescript 7.13.0, packages/openapi-typescript/test/transform/schema-object/boolean.test.ts,
// MIT License, Copyright (c) 2020 Drew Powers (full text: test/openapi-typescript/helpers/LICENSE-openapi-typescript).
// Their cases, unchanged, are the specification of sdkgen's schemaType + printType; only the
// imports differ (helpers/ots-7.13.ts adapts their test context).
import { describe, expect, test } from 'vitest';
import { astToString, DEFAULT_CTX, type TestCase, transformSchemaObject } from './helpers/ots-7.13.js';

const DEFAULT_OPTIONS = {
  path: '#/components/schemas/schema-object',
  ctx: { ...DEFAULT_CTX },
};

describe('transformSchemaObject > boolean', () => {
  const tests: TestCase[] = [
    [
      'basic',
      {
        given: { type: 'boolean' },
        want: 'boolean',
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'enum',
      {
        given: { type: 'boolean', enum: [false] },
        want: 'false',
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'nullable',
      {
        given: { type: ['boolean', 'null'] },
        want: 'boolean | null',
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'nullable (deprecated syntax)',
      {
        given: { type: 'boolean', nullable: true },
        want: 'boolean | null',
        // options: DEFAULT_OPTIONS,
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
