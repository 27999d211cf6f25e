import { describe, expect, it } from 'vitest';
import type { TypesOptions } from '../../generator/model/openapi-typescript/options.js';
import { ourSchemas, schemaDifferences } from './helpers/schema-oracle.js';

// Each schema-level option on a small document: the types sdkgen prints, and the proof that
// openapi-typescript 7.13 prints the same under that option (its transformSchemaObject as oracle).
const doc = (schemas: Record<string, unknown>) => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  components: { schemas },
});

interface Case {
  readonly options: TypesOptions;
  readonly schemas: Record<string, unknown>;
  /** Expected text per schema name; `footer` for the declarations at the end. */
  readonly want: Readonly<Record<string, string>>;
}

const cases: Record<string, Case> = {
  '--enum declares a TS enum named after the schema’s place': {
    options: { enum: true },
    schemas: {
      Status: { type: 'string', enum: ['active', 'in-review', '1st'] },
      Pet: { type: 'object', properties: { size: { type: 'integer', enum: [1, -1] } } },
    },
    want: {
      Status: 'Status',
      Pet: '{\n    /** @enum {integer} */\n    size?: PetSize;\n}',
      footer:
        'export enum Status {\n    active = "active",\n    in_review = "in-review",\n    Value1st = "1st"\n}\nexport enum PetSize {\n    Value1 = 1,\n    ValueMinus1 = -1\n}',
    },
  },
  '--enum takes member names and comments from x-enum-varnames and x-enum-descriptions': {
    options: { enum: true },
    schemas: {
      Level: {
        type: 'integer',
        enum: [0, 1],
        'x-enum-varnames': ['Low', 'High'],
        'x-enum-descriptions': ['Quiet', 'Loud'],
      },
    },
    want: { Level: 'Level', footer: 'export enum Level {\n    // Quiet\n    Low = 0,\n    // Loud\n    High = 1\n}' },
  },
  '--conditional-enums declares enums only where x-enum-* metadata is': {
    options: { enum: true, conditionalEnums: true },
    schemas: {
      Plain: { type: 'string', enum: ['a', 'b'] },
      Named: { type: 'string', enum: ['a', 'b'], 'x-enumNames': ['A', 'B'] },
    },
    want: { Plain: '"a" | "b"', Named: 'Named', footer: 'export enum Named {\n    A = "a",\n    B = "b"\n}' },
  },
  '--dedupe-enums reuses the first enum with the same members': {
    options: { enum: true, dedupeEnums: true },
    schemas: { Color: { type: 'string', enum: ['red', 'blue'] }, Shade: { type: 'string', enum: ['blue', 'red'] } },
    want: { Color: 'Color', Shade: 'Color', footer: 'export enum Color {\n    red = "red",\n    blue = "blue"\n}' },
  },
  '--enum-values adds a typed array of the values': {
    options: { enumValues: true },
    schemas: { Status: { type: 'string', enum: ['on', 'off'] } },
    want: {
      Status: '"on" | "off"',
      footer: [
        'type FlattenedDeepRequired<T> = {\n    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;\n};',
        'type ReadonlyArray<T> = [\n    Exclude<T, undefined>\n] extends [\n    unknown[]\n] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;',
        'export const statusValues: ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Status"]> = ["on", "off"];',
      ].join('\n'),
    },
  },
  '--immutable makes members, arrays and index signatures readonly': {
    options: { immutable: true },
    schemas: {
      Bag: {
        type: 'object',
        properties: { tags: { type: 'array', items: { type: 'string' } } },
        additionalProperties: { type: 'number' },
      },
    },
    want: { Bag: '{\n    readonly tags?: readonly string[];\n} & {\n    readonly [key: string]: number;\n}' },
  },
  '--additional-properties opens every object with properties': {
    options: { additionalProperties: true },
    schemas: { Open: { type: 'object', properties: { a: { type: 'string' } } } },
    want: { Open: '{\n    a?: string;\n} & {\n    [key: string]: unknown;\n}' },
  },
  '--empty-objects-unknown types an empty object as Record<string, unknown>': {
    options: { emptyObjectsUnknown: true },
    schemas: { Empty: { type: 'object' } },
    want: { Empty: 'Record<string, unknown>' },
  },
  'a defaulted property is required by default, optional with --default-non-nullable=false': {
    options: {},
    schemas: { Page: { type: 'object', properties: { limit: { type: 'integer', default: 20 } } } },
    want: { Page: '{\n    /** @default 20 */\n    limit: number;\n}' },
  },
  '--default-non-nullable=false': {
    options: { defaultNonNullable: false },
    schemas: { Page: { type: 'object', properties: { limit: { type: 'integer', default: 20 } } } },
    want: { Page: '{\n    /** @default 20 */\n    limit?: number;\n}' },
  },
  '--properties-required-by-default where a schema has no required list': {
    options: { propertiesRequiredByDefault: true },
    schemas: {
      A: { type: 'object', properties: { x: { type: 'string' } } },
      B: { type: 'object', required: [], properties: { x: { type: 'string' } } },
    },
    want: { A: '{\n    x: string;\n}', B: '{\n    x?: string;\n}' },
  },
  '--exclude-deprecated drops deprecated properties, also through a $ref': {
    options: { excludeDeprecated: true },
    schemas: {
      Old: { type: 'string', deprecated: true },
      User: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          nick: { type: 'string', deprecated: true },
          old: { $ref: '#/components/schemas/Old' },
        },
      },
    },
    want: { User: '{\n    name?: string;\n}' },
  },
  '--read-write-markers wraps readOnly and writeOnly properties': {
    options: { readWriteMarkers: true },
    schemas: {
      User: {
        type: 'object',
        properties: { id: { type: 'string', readOnly: true }, password: { type: 'string', writeOnly: true } },
      },
    },
    want: { User: '{\n    id?: $Read<string>;\n    password?: $Write<string>;\n}' },
  },
  'readOnly without markers is a readonly member': {
    options: {},
    schemas: { User: { type: 'object', properties: { id: { type: 'string', readOnly: true } } } },
    want: { User: '{\n    readonly id?: string;\n}' },
  },
  '--alphabetize sorts properties (numbers by value)': {
    options: { alphabetize: true },
    schemas: {
      Z: { type: 'object', properties: { b: { type: 'string' }, a10: { type: 'string' }, a2: { type: 'string' } } },
    },
    want: { Z: '{\n    a2?: string;\n    a10?: string;\n    b?: string;\n}' },
  },
  'OpenAPI 3.0 nullable, 3.1 type arrays, const and format: binary': {
    options: {},
    schemas: {
      Old: { type: 'string', nullable: true },
      New: { type: ['string', 'null'] },
      Kind: { const: 'pet' },
      File: { type: 'string', format: 'binary' },
    },
    want: { Old: 'string | null', New: 'string | null', Kind: '"pet"', File: 'string' },
  },
  '$ref siblings: the type is the $ref, the JSDoc its siblings': {
    options: {},
    schemas: {
      Id: { type: 'string' },
      User: { type: 'object', properties: { id: { $ref: '#/components/schemas/Id', description: 'The id' } } },
    },
    want: { User: '{\n    /** @description The id */\n    id?: components["schemas"]["Id"];\n}' },
  },
  'allOf with required: WithRequired for a $ref, Omit for a discriminator parent': {
    options: {},
    schemas: {
      Base: { type: 'object', properties: { id: { type: 'string' } } },
      Strict: { allOf: [{ $ref: '#/components/schemas/Base' }], required: ['id'] },
    },
    want: {
      Strict: 'WithRequired<components["schemas"]["Base"], "id">',
      footer: 'type WithRequired<T, K extends keyof T> = T & {\n    [P in K]-?: T[P];\n};',
    },
  },
  'patternProperties, $defs and JSDoc tags': {
    options: {},
    schemas: {
      Env: {
        type: 'object',
        title: 'Environment',
        patternProperties: { '^X_': { type: 'string' } },
        $defs: { name: { type: 'string', description: 'A name', example: 'n' } },
      },
    },
    want: {
      Env: '{\n    $defs: {\n        /**\n         * @description A name\n         * @example n\n         */\n        name: string;\n    };\n} & {\n    [key: string]: string;\n}',
    },
  },
};

describe('schema-level options', () => {
  for (const [title, { options, schemas, want }] of Object.entries(cases)) {
    it(title, () => {
      const document = doc(schemas);
      const ours = ourSchemas(document, options);
      for (const [name, text] of Object.entries(want)) {
        expect(name === 'footer' ? ours.footer : ours.schemas.get(name), name).toBe(text);
      }
      expect(schemaDifferences(document, { ...options, compat: true })).toEqual([]);
    });
  }
});
