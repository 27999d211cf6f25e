// Vendored from openapi-typescript 7.13.0, packages/openapi-typescript/test/transform/schema-object/object.test.ts,
// MIT License, Copyright (c) 2020 Drew Powers (full text: test/openapi-typescript/helpers/LICENSE-openapi-typescript).
// Their cases, unchanged, are the specification of sdkgen's schemaType + printType; only the
// imports differ (helpers/ots-7.13.ts adapts their test context).
import { describe, expect, test } from 'vitest';
import { astToString, DEFAULT_CTX, type TestCase, transformSchemaObject } from './helpers/ots-7.13.js';

const DEFAULT_OPTIONS = {
  path: '#/schemas/components/schema-object',
  ctx: { ...DEFAULT_CTX },
};

describe('transformSchemaObject > object', () => {
  const tests: TestCase[] = [
    [
      'basic',
      {
        given: {
          type: 'object',
          properties: {
            required: { type: 'boolean' },
            optional: { type: 'boolean' },
          },
          required: ['required'],
        },
        want: `{
    required: boolean;
    optional?: boolean;
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'property > boolean',
      {
        given: {
          type: 'object',
          required: ['truthy', 'falsy'],
          properties: {
            truthy: true,
            falsy: false,
          },
        },
        want: `{
    truthy: unknown;
    falsy: never;
}`,
      },
    ],
    [
      'empty',
      {
        given: { type: 'object' },
        want: 'Record<string, never>',
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'additionalProperties > basic',
      {
        given: {
          type: 'object',
          properties: { property: { type: 'boolean' } },
          additionalProperties: { type: 'string' },
        },
        want: `{
    property?: boolean;
} & {
    [key: string]: string;
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'additionalProperties > no properties',
      {
        given: { type: 'object', additionalProperties: { type: 'string' } },
        want: `{
    [key: string]: string;
}`,
      },
    ],
    [
      'additionalProperties > true',
      {
        given: { type: 'object', properties: { property: { type: 'number' } }, additionalProperties: true },
        want: `{
    property?: number;
} & {
    [key: string]: unknown;
}`,
      },
    ],
    [
      'additionalProperties > empty object',
      {
        given: { type: 'object', additionalProperties: {} },
        want: `{
    [key: string]: unknown;
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'patternProperties > empty object',
      {
        given: { type: 'object', patternProperties: {} },
        want: 'Record<string, never>',
      },
    ],
    [
      'patternProperties > empty object with options.additionalProperties=true',
      {
        given: { type: 'object', patternProperties: {} },
        want: `{
    [key: string]: unknown;
}`,
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_CTX, additionalProperties: true },
        },
      },
    ],
    [
      'patternProperties > basic',
      {
        given: { type: 'object', patternProperties: { '^a': { type: 'string' } } },
        want: `{
    [key: string]: string;
}`,
      },
    ],
    [
      'patternProperties > enum',
      {
        given: { type: 'object', patternProperties: { '^a': { type: 'string', enum: ['a', 'b', 'c'] } } },
        want: `{
    [key: string]: "a" | "b" | "c";
}`,
      },
    ],
    [
      'patternProperties > multiple patterns',
      {
        given: { type: 'object', patternProperties: { '^a': { type: 'string' }, '^b': { type: 'number' } } },
        want: `{
    [key: string]: string | number;
}`,
      },
    ],
    [
      'patternProperties > additional=true and patterns',
      {
        given: {
          type: 'object',
          additionalProperties: true,
          patternProperties: { '^a': { type: 'string' } },
        },
        want: `{
    [key: string]: unknown | string;
}`,
      },
    ],
    [
      'patternProperties > additional and patterns',
      {
        given: {
          type: 'object',
          additionalProperties: { type: 'number' },
          patternProperties: { '^a': { type: 'string' } },
        },
        want: `{
    [key: string]: number | string;
}`,
      },
    ],
    [
      'patternProperties > patterns with options.additionalProperties=true',
      {
        given: {
          type: 'object',
          patternProperties: { '^a': { type: 'string' } },
        },
        want: `{
    [key: string]: unknown | string;
}`,
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_CTX, additionalProperties: true },
        },
      },
    ],
    [
      'nullable',
      {
        given: {
          type: ['object', 'null'],
          properties: { string: { type: 'string' } },
        },
        want: `{
    string?: string;
} | null`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'nullable (deprecated syntax)',
      {
        given: {
          type: 'object',
          properties: { string: { type: 'string' } },
          nullable: true,
        },
        want: `{
    string?: string;
} | null`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'default',
      {
        given: {
          type: 'object',
          properties: {
            required: { type: 'boolean' },
            requiredDefault: { type: 'boolean', default: false },
            optional: { type: 'boolean' },
            optionalDefault: { type: 'boolean', default: false },
          },
          required: ['required', 'requiredDefault'],
        },
        want: `{
    required: boolean;
    /** @default false */
    requiredDefault: boolean;
    optional?: boolean;
    /** @default false */
    optionalDefault: boolean;
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'default > options.defaultNonNullable: false',
      {
        given: {
          type: 'object',
          properties: {
            required: { type: 'boolean' },
            requiredDefault: { type: 'boolean', default: false },
            optional: { type: 'boolean' },
            optionalDefault: { type: 'boolean', default: false },
          },
          required: ['required', 'requiredDefault'],
        },
        want: `{
    required: boolean;
    /** @default false */
    requiredDefault: boolean;
    optional?: boolean;
    /** @default false */
    optionalDefault?: boolean;
}`,
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_OPTIONS.ctx, defaultNonNullable: false },
        },
      },
    ],
    [
      'const > string',
      {
        given: {
          type: 'object',
          properties: { constant: { type: 'string', const: 'a' } },
          required: ['constant'],
        },
        want: `{
    /** @constant */
    constant: "a";
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'const > string (inferred)',
      {
        given: { const: '99' },
        want: `"99"`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'const > number',
      {
        given: {
          type: 'object',
          properties: { constant: { type: 'number', const: 1 } },
          required: ['constant'],
        },
        want: `{
    /** @constant */
    constant: 1;
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'const > number (inferred)',
      {
        given: { const: 300 },
        want: '300',
      },
    ],
    [
      'const > number (falsy value)',
      {
        given: {
          type: 'object',
          properties: { constant: { type: 'number', const: 0 } },
          required: ['constant'],
        },
        want: `{
    /** @constant */
    constant: 0;
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'JSONSchema > $defs',
      {
        given: {
          type: 'object',
          properties: {
            foo: { type: 'string' },
          },
          $defs: {
            defEnum: { type: 'string', enum: ['one', 'two', 'three'] },
          },
        },
        want: `{
    foo?: string;
    $defs: {
        /** @enum {string} */
        defEnum: "one" | "two" | "three";
    };
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'x-* properties > ignored',
      {
        given: {
          type: 'object',
          properties: { string: { type: 'string' } },
          'x-extension': true,
        },
        want: `{
    string?: string;
}`,
        // options: DEFAULT_OPTIONS,
      },
    ],
    [
      'options > emptyObjectsUnknown: true',
      {
        given: { type: 'object' },
        want: 'Record<string, unknown>',
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_OPTIONS.ctx, emptyObjectsUnknown: true },
        },
      },
    ],
    [
      'options > additionalProperties: true',
      {
        given: { type: 'object', properties: { string: { type: 'string' } } },
        want: `{
    string?: string;
} & {
    [key: string]: unknown;
}`,
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_OPTIONS.ctx, additionalProperties: true },
        },
      },
    ],
    [
      'options > immutable (string)',
      {
        given: {
          type: 'string',
        },
        want: 'string',
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_OPTIONS.ctx, immutable: true },
        },
      },
    ],
    [
      'options > immutable (array)',
      {
        given: {
          type: 'object',
          properties: {
            array: {
              type: 'array',
              nullable: true,
              items: {
                type: 'object',
                additionalProperties: true,
              },
            },
          },
        },
        want: `{
    readonly array?: readonly {
        readonly [key: string]: unknown;
    }[] | null;
}`,
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_OPTIONS.ctx, immutable: true },
        },
      },
    ],
    [
      'options > excludeDeprecated: true',
      {
        given: {
          type: 'object',
          properties: {
            new: { type: 'string' },
            old: { type: 'string', deprecated: true },
          },
        },
        want: `{
    new?: string;
}`,
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_OPTIONS.ctx, excludeDeprecated: true },
        },
      },
    ],
    [
      'options > propertiesRequiredByDefault: true',
      {
        given: { type: 'object', properties: { string: { type: 'string' } } },
        want: `{
    string: string;
}`,
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_OPTIONS.ctx, propertiesRequiredByDefault: true },
        },
      },
    ],
    [
      'options > propertiesRequiredByDefault: true + array',
      {
        given: {
          type: 'object',
          properties: {
            required: { type: 'boolean' },
            optional: { type: 'boolean' },
          },
          required: ['required'],
        },
        want: `{
    required: boolean;
    optional?: boolean;
}`,
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_OPTIONS.ctx, propertiesRequiredByDefault: true },
        },
      },
    ],
    [
      'options > two-dimensional array',
      {
        given: {
          type: 'object',
          properties: {
            array: {
              type: 'array',
              items: {
                items: [
                  {
                    type: 'string',
                  },
                  {
                    type: 'boolean',
                  },
                ],
                type: 'array',
                maxItems: 2,
                minItems: 2,
              },
            },
          },
        },
        want: `{
    array?: [
        string,
        boolean
    ][];
}`,
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_OPTIONS.ctx },
        },
      },
    ],
    [
      'options > readWriteMarkers: true (readOnly)',
      {
        given: {
          type: 'object',
          properties: {
            id: { type: 'number', readOnly: true },
            name: { type: 'string' },
          },
        },
        want: `{
    id?: $Read<number>;
    name?: string;
}`,
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_OPTIONS.ctx, readWriteMarkers: true },
        },
      },
    ],
    [
      'options > readWriteMarkers: true (writeOnly)',
      {
        given: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            password: { type: 'string', writeOnly: true },
          },
        },
        want: `{
    name?: string;
    password?: $Write<string>;
}`,
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_OPTIONS.ctx, readWriteMarkers: true },
        },
      },
    ],
    [
      'options > readWriteMarkers: true (both)',
      {
        given: {
          type: 'object',
          properties: {
            id: { type: 'number', readOnly: true },
            name: { type: 'string' },
            password: { type: 'string', writeOnly: true },
          },
          required: ['name'],
        },
        want: `{
    id?: $Read<number>;
    name: string;
    password?: $Write<string>;
}`,
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_OPTIONS.ctx, readWriteMarkers: true },
        },
      },
    ],
    [
      'options > readWriteMarkers: false (default, no markers)',
      {
        given: {
          type: 'object',
          properties: {
            id: { type: 'number', readOnly: true },
            password: { type: 'string', writeOnly: true },
          },
        },
        want: `{
    readonly id?: number;
    password?: string;
}`,
      },
    ],
    [
      'options > readWriteMarkers: true ($defs)',
      {
        given: {
          type: 'object',
          properties: {
            foo: { type: 'string' },
          },
          $defs: {
            readOnlyDef: { type: 'string', readOnly: true },
            writeOnlyDef: { type: 'number', writeOnly: true },
            normalDef: { type: 'boolean' },
          },
        },
        want: `{
    foo?: string;
    $defs: {
        readOnlyDef: $Read<string>;
        writeOnlyDef: $Write<number>;
        normalDef: boolean;
    };
}`,
        options: {
          ...DEFAULT_OPTIONS,
          ctx: { ...DEFAULT_OPTIONS.ctx, readWriteMarkers: true },
        },
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
