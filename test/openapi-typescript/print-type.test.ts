import { astToString, stringToAST } from 'openapi-typescript';
import type ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { printDeclaration, printType } from '../../generator/emit/openapi-typescript/print-type.js';
import type { TsMember, TsType } from '../../generator/model/openapi-typescript/ts-type.js';

const STRING: TsType = { kind: 'keyword', name: 'string' };
const NUMBER: TsType = { kind: 'keyword', name: 'number' };
const union = (...members: TsType[]): TsType => ({ kind: 'union', members });
const member = (name: string, type: TsType, extra: Partial<TsMember> = {}): TsMember => ({
  name,
  optional: false,
  readonly: false,
  type,
  ...extra,
});

describe('printType prints as TypeScript prints 7.13’s nodes', () => {
  it('parenthesizes unions and intersections inside arrays, unions and intersections only', () => {
    expect(printType({ kind: 'array', items: union(STRING, NUMBER) }, 0)).toBe('(string | number)[]');
    expect(printType({ kind: 'intersection', members: [union(STRING, NUMBER), STRING] }, 0)).toBe(
      '(string | number) & string',
    );
    expect(
      printType(union({ kind: 'intersection', members: [STRING, { kind: 'object', members: [] }] }, NUMBER), 0),
    ).toBe('(string & {}) | number');
    expect(printType({ kind: 'named', name: 'Record', args: [STRING, union(STRING, NUMBER)] }, 0)).toBe(
      'Record<string, string | number>',
    );
  });

  it('writes readonly arrays, and parenthesizes them as array items', () => {
    const inner: TsType = { kind: 'array', items: STRING, readonly: true };
    expect(printType({ kind: 'array', items: inner, readonly: true }, 0)).toBe('readonly (readonly string[])[]');
  });

  it('puts each tuple element on its own line, rest last', () => {
    expect(printType({ kind: 'tuple', items: [STRING], rest: NUMBER, readonly: true }, 0)).toBe(
      'readonly [\n    string,\n    ...number[]\n]',
    );
    expect(printType({ kind: 'tuple', items: [] }, 1)).toBe('[\n    ]');
  });

  it('quotes string literals through JSON (UTF-8 kept) and property names as TypeScript does (\\u escapes)', () => {
    expect(printType({ kind: 'literal', value: '赤"' }, 0)).toBe('"赤\\""');
    expect(printType({ kind: 'literal', value: -1 }, 0)).toBe('-1');
    const object: TsType = {
      kind: 'object',
      members: [member('ñame', STRING), member('1', NUMBER), member('01', NUMBER), member('a-b', STRING)],
    };
    expect(printType(object, 0)).toBe(
      '{\n    "\\u00F1ame": string;\n    1: number;\n    "01": number;\n    "a-b": string;\n}',
    );
  });

  it('prints members with modifiers, JSDoc and an index signature, nested by 4 spaces', () => {
    const object: TsType = {
      kind: 'object',
      members: [
        member('id', STRING, { readonly: true, docs: ['@description The id */ end'] }),
        member('inner', { kind: 'object', members: [member('x', NUMBER, { optional: true, docs: ['a', '    b'] })] }),
      ],
      index: { key: 'key', type: { kind: 'keyword', name: 'unknown' }, readonly: true },
    };
    expect(printType(object, 0)).toBe(
      [
        '{',
        '    /** @description The id *\\/ end */',
        '    readonly id: string;',
        '    inner: {',
        '        /**',
        '         * a',
        '         *     b',
        '         */',
        '        x?: number;',
        '    };',
        '    readonly [key: string]: unknown;',
        '}',
      ].join('\n'),
    );
    expect(printType({ kind: 'object', members: [] }, 0)).toBe('{}');
  });

  it('prints $refs, Extract bases, type indexes and template literal paths', () => {
    const ref: TsType = { kind: 'indexed', root: 'components', keys: ['schemas', 'Pet'] };
    expect(printType(ref, 0)).toBe('components["schemas"]["Pet"]');
    expect(
      printType({ kind: 'indexed', root: '', keys: ['a'], base: { kind: 'named', name: 'X' }, index: STRING }, 0),
    ).toBe('X["a"][string]');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the expected text is a template literal type
    expect(printType({ kind: 'template', parts: ['/pets/', '/`x`'] }, 0)).toBe('`/pets/${string}/\\`x\\``');
  });
});

describe('printDeclaration', () => {
  it('prints an enum with description comments and quoted names where needed', () => {
    const text = printDeclaration({
      kind: 'enum',
      name: 'Status',
      members: [
        { name: 'pending', value: 'pending', description: 'Not yet' },
        { name: '', value: '' },
        { name: 'ValueMinus1', value: -1 },
      ],
    });
    expect(text).toBe(
      'export enum Status {\n    // Not yet\n    pending = "pending",\n    "" = "",\n    ValueMinus1 = -1\n}',
    );
  });

  it('prints aliases and consts', () => {
    expect(printDeclaration({ kind: 'alias', name: 'Pet', type: STRING, docs: ['A pet'] })).toBe(
      '/** A pet */\nexport type Pet = string;',
    );
    expect(printDeclaration({ kind: 'const', name: 'petValues', type: STRING, valueText: '["a"]' })).toBe(
      'export const petValues: string = ["a"];',
    );
  });

  it.each([
    ['WithRequired', 'type WithRequired<T, K extends keyof T> = T & { [P in K]-?: T[P] };'],
    [
      'FlattenedDeepRequired',
      'type FlattenedDeepRequired<T> = { [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>; };',
    ],
    [
      'ReadonlyArray',
      'type ReadonlyArray<T> = [Exclude<T, undefined>] extends [unknown[]] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;',
    ],
  ] as const)('prints the %s helper as 7.13 does', (name, source) => {
    const theirs = astToString(stringToAST(source) as ts.Node[]).trimEnd();
    expect(printDeclaration({ kind: 'helper', name })).toBe(theirs);
  });
});
