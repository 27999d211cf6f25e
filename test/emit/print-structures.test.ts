import { createRequire } from 'node:module';
import { type CodeBlockWriter, printStructure, Scope, type SourceFileStructure, StructureKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { printSourceFile } from '../../generator/emit/print/source-file.js';
import { StructureKind as OurKind } from '../../generator/emit/print/structure-kind.js';
import { UnsupportedStructureError } from '../../generator/emit/print/unsupported-structure.js';
import { seededRandom } from '../helpers/seeded-random.js';

type Statements = NonNullable<SourceFileStructure['statements']>;

const theirs = (statements: Statements): string =>
  printStructure(
    { kind: StructureKind.SourceFile, statements },
    { indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' },
  );

/** A multi-line type written by a writer function, as the emitters' type writers do. */
const objectType = (writer: CodeBlockWriter): void => {
  writer.inlineBlock(() => {
    writer.writeLine('/** The id. */');
    writer.writeLine('id: string;');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: generated code with a template literal is the input.
    writer.write('nested: ').inlineBlock(() => writer.write('tag: \'a\' | "b" | `c${string}`;'));
  });
};

/** Each kind and option the printer prints, one small module each. */
const CASES: Record<string, Statements> = {
  'imports: named, type-only, aliased, namespace, default, side effect': [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './a.js',
      namedImports: [{ name: 'A' }, { name: 'B', alias: 'C', isTypeOnly: true }, 'type D'],
    },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: "./it's.js", namedImports: ['E'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: 'node:fs', namespaceImport: 'fs' },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: 'lib', defaultImport: 'lib', namedImports: ['x'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './side-effect.js' },
  ],
  'exports: named, type-only, star, namespace, empty': [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './a.js', namedExports: [{ name: 'A', alias: 'B' }] },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: './t.js', namedExports: ['T', 'U'] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './all.js' },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './ns.js', namespaceExport: 'ns' },
    { kind: StructureKind.ExportDeclaration },
  ],
  'a class: docs with tags, generics, extends, implements, properties, constructor, methods with overloads': [
    {
      kind: StructureKind.Class,
      name: 'Box',
      isExported: true,
      typeParameters: ['T', { name: 'U', constraint: 'object', default: '{}' }],
      extends: 'Base<T>',
      implements: ['A', (writer) => writer.write('B<U>')],
      docs: [
        {
          description: 'A box.\r\n\nSecond paragraph with `code` and "quotes".',
          tags: [{ tagName: 'example', text: "new Box('x')\nbox.get()" }, { tagName: 'deprecated' }],
        },
      ],
      properties: [
        { name: 'a', type: 'string', isReadonly: true, scope: Scope.Private, docs: ['Single line.'] },
        { name: 'b', hasQuestionToken: true, type: objectType, isStatic: true },
        { name: 'c', hasExclamationToken: true, type: 'number', initializer: '1', hasDeclareKeyword: true },
        { name: 'd', initializer: (writer) => writer.write('{').newLine().write('x: 1,').newLine().write('}') },
      ],
      ctors: [
        {
          parameters: [
            { name: 'x', type: 'string', scope: Scope.Protected, isReadonly: true },
            { name: 'y', initializer: "'y'" },
          ],
          statements: (writer) => writer.writeLine('super();').blankLine().write('this.x = x;'),
        },
      ],
      methods: [
        {
          name: 'get',
          overloads: [
            { parameters: [{ name: 'key', type: "'a'" }], returnType: 'A', docs: ['The a.'] },
            { parameters: [{ name: 'key', type: 'string', hasQuestionToken: true }], returnType: objectType },
          ],
          parameters: [{ name: 'key', hasQuestionToken: true }],
          returnType: 'unknown',
          statements: 'return this.map[key];',
        },
        {
          name: 'run',
          isAsync: true,
          scope: Scope.Public,
          isStatic: true,
          returnType: 'Promise<void>',
          statements: [],
        },
        {
          name: 'each',
          isGenerator: true,
          typeParameters: ['V'],
          parameters: [{ name: 'rest', isRestParameter: true, type: 'V[]' }],
          statements: ['yield* rest;', 'return;'],
        },
        {
          kind: StructureKind.Method,
          name: 'empty',
          parameters: [
            { name: 'a', type: 'A /* a comment */' },
            // biome-ignore lint/suspicious/noTemplateCurlyInString: generated code with a template literal is the input.
            { name: 'b', type: '`${B}`' },
          ],
        },
      ],
    },
  ],
  'an abstract class and a declared one': [
    {
      kind: StructureKind.Class,
      name: 'Shape',
      isAbstract: true,
      isDefaultExport: true,
      methods: [
        { name: 'area', isAbstract: true, returnType: 'number' },
        { name: 'describe', statements: "return 'shape';" },
      ],
    },
    {
      kind: StructureKind.Class,
      name: 'Ambient',
      hasDeclareKeyword: true,
      methods: [{ name: 'a' }, { name: 'b' }],
      ctors: [{}],
    },
    { kind: StructureKind.Class, properties: [], methods: [] },
  ],
  'functions: overloads, exported, default, declared, async, generic, empty bodies': [
    {
      kind: StructureKind.Function,
      name: 'f',
      isExported: true,
      docs: [{ tags: [{ tagName: 'param', text: 'x the x' }] }],
      overloads: [
        { parameters: [{ name: 'x', type: 'string' }], returnType: 'string' },
        { parameters: [{ name: 'x', type: objectType }], returnType: 'number', isExported: false },
      ],
      parameters: [{ name: 'x', type: 'unknown' }],
      returnType: (writer) => writer.write('string | number'),
      statements: (writer) => writer.write('return x as never;'),
    },
    { kind: StructureKind.Function, name: 'g', isAsync: true, isDefaultExport: true, typeParameters: [{ name: 'T' }] },
    { kind: StructureKind.Function, name: 'h', hasDeclareKeyword: true, parameters: [] },
  ],
  'interfaces: docs, extends, property signatures': [
    {
      kind: StructureKind.Interface,
      name: 'Options',
      isExported: true,
      extends: ['A', 'B<C>'],
      docs: ['The options.\n@see elsewhere'],
      properties: [
        { name: 'a', type: 'string', docs: [{ description: 'An a.', tags: [{ tagName: 'default', text: "'x'" }] }] },
        { name: "'quoted-key'", hasQuestionToken: true, type: objectType, isReadonly: true },
      ],
    },
    { kind: StructureKind.Interface, name: 'Empty' },
  ],
  'writer statements and strings between structures, with blank lines': [
    (writer) => writer.writeLine('// a comment').blankLine(),
    'const a = 1;',
    { kind: StructureKind.Interface, name: 'I' },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: generated code with a template literal is the input.
    'const b = `multi\nline ${a}`;',
    (writer) =>
      writer
        .write('export const c = {')
        .indent(() => writer.write('d: 1,'))
        .write('};'),
    { kind: StructureKind.Function, name: 'after' },
    '/* an open comment',
    { kind: StructureKind.Class, name: 'AfterComment' },
  ],
  'docs that open a comment, strings and line comments': [
    {
      kind: StructureKind.Function,
      name: 'docs',
      docs: [
        {
          description: 'Opens /* a comment',
          tags: [
            { tagName: 'a', text: 'text' },
            { tagName: 'b', text: '\nstarts on a new line' },
          ],
        },
        { description: "It's a url: https://example.com", tags: [{ tagName: 'c', text: 'one `tick' }] },
        '',
      ],
    },
  ],
  'writer-function types: replayed on the module writer, or given their own where a replay could differ': [
    {
      kind: StructureKind.Function,
      name: 'types',
      parameters: [
        { name: 'lineFirst', type: (writer) => writer.writeLine('A').write('| B') },
        { name: 'hanging', type: (writer) => writer.hangingIndent(() => writer.write('A |').newLine().write('B')) },
        { name: 'asks', type: (writer) => writer.write(writer.isLastNewLine() ? 'A' : 'B') },
        { name: 'indents', type: (writer) => writer.inlineBlock(() => writer.indent(() => writer.write('a: A;'))) },
        { name: 'blank', type: (writer) => writer.write('  ').newLine() },
        { name: 'breaks', type: (writer) => writer.newLine().write('A').newLine().write('| B') },
        {
          name: 'nested',
          type: (writer) =>
            writer.inlineBlock(() =>
              writer.write('a: ').inlineBlock(() => writer.writeLine('/** x */').write('b: 1;')),
            ),
        },
      ],
      returnType: (writer) =>
        writer
          .write('Promise<')
          .inlineBlock(() => writer.write("s: 'it''s';"))
          .write('>'),
    },
  ],
  'an empty module': [],
};

describe('our printer prints each structure kind and option as ts-morph printStructure does', () => {
  it.each(Object.entries(CASES))('%s', (_name, statements) => {
    expect(printSourceFile(statements)).toBe(theirs(statements));
  });
});

describe('what the printer does not print, it refuses', () => {
  it.each<[string, Statements]>([
    ['a decorator', [{ kind: StructureKind.Class, name: 'A', decorators: [{ name: 'sealed' }] }]],
    ['an enum', [{ kind: StructureKind.Enum, name: 'E' }]],
    ['a type alias', [{ kind: StructureKind.TypeAlias, name: 'T', type: 'string' }]],
    ['a getter', [{ kind: StructureKind.Class, name: 'A', getAccessors: [{ name: 'a' }] }]],
    ['trivia', [{ kind: StructureKind.Function, name: 'f', leadingTrivia: '// x' }]],
    [
      'a structure in a body',
      [{ kind: StructureKind.Function, name: 'f', statements: [{ kind: StructureKind.Class, name: 'C' }] }],
    ],
    [
      'a parameter whose end a parser would have to find',
      [{ kind: StructureKind.Function, name: 'f', parameters: [{ name: 'a', initializer: '1 / 2' }, { name: 'b' }] }],
    ],
  ])('%s', (_name, statements) => {
    expect(() => printSourceFile(statements)).toThrow(UnsupportedStructureError);
  });

  it('names where the refused property is', () => {
    expect(() =>
      printSourceFile([
        { kind: StructureKind.Class, name: 'Pet', methods: [{ name: 'feed', decorators: [{ name: 'd' }] }] },
      ]),
    ).toThrow('the property `decorators` of a method (at class Pet › method feed)');
  });
});

describe('our StructureKind', () => {
  const real = createRequire(import.meta.url)('ts-morph').StructureKind as Record<string, number>;
  it.each(Object.entries(OurKind))('%s is ts-morph’s', (name, value) => {
    expect(value).toBe(real[name]);
  });
});

/** Random modules of the kinds and options the emitters use, with text that moves the writer's state. */
function randomModule(next: () => number): Statements {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const maybe = (): boolean => next() < 0.5;
  const DOC_WORDS = ['a', "it's", '"q"', '`t', 'http://x', '/\\*', '{', '}', '$', '\n', '\r\n', '*\\/', ' ', 'é'];
  const words = (): string => Array.from({ length: Math.floor(next() * 6) }, () => pick(DOC_WORDS)).join('');
  const type = (): string | ((writer: CodeBlockWriter) => void) =>
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal type is the input.
    maybe() ? pick(['string', "'a' | 'b'", 'Record<string, unknown>', '`x${string}`', 'A /* note */']) : objectType;
  const docs = () =>
    maybe()
      ? []
      : [
          maybe()
            ? words()
            : {
                description: words(),
                tags: maybe() ? [] : [{ tagName: 'see', text: words() }, { tagName: 'deprecated' }],
              },
        ];
  const parameters = () =>
    Array.from({ length: Math.floor(next() * 4) }, (_, i) => ({
      name: `p${i}`,
      hasQuestionToken: maybe(),
      ...(maybe() ? { type: type() } : {}),
      ...(maybe() ? { initializer: pick(['{}', "'x'", '[]']) } : {}),
    }));
  const body = () =>
    pick<string | string[] | ((writer: CodeBlockWriter) => void)>([
      'return 1;',
      ['const a = 1;', '', 'return a;'],
      (writer) => writer.writeLine('if (a) {').writeLine('b();').write('}').blankLine(),
      [],
    ]);
  const method = (name: string) => ({
    name,
    docs: docs(),
    isStatic: maybe(),
    isAsync: maybe(),
    ...(maybe() ? { scope: pick([Scope.Public, Scope.Protected, Scope.Private]) } : {}),
    overloads: maybe()
      ? []
      : [{ parameters: parameters(), returnType: type(), docs: docs() }, { parameters: parameters() }],
    parameters: parameters(),
    ...(maybe() ? { returnType: type() } : {}),
    statements: body(),
  });
  const statements: Statements = [];
  for (let i = 0; i < 1 + Math.floor(next() * 5); i++) {
    switch (Math.floor(next() * 6)) {
      case 0:
        statements.push({
          kind: StructureKind.ImportDeclaration,
          isTypeOnly: maybe(),
          moduleSpecifier: `./m${i}.js`,
          namedImports: [
            { name: 'A', isTypeOnly: maybe() },
            { name: 'B', alias: 'C' },
          ],
        });
        break;
      case 1:
        statements.push({
          kind: StructureKind.ExportDeclaration,
          isTypeOnly: maybe(),
          moduleSpecifier: `./m${i}.js`,
          namedExports: maybe() ? [] : ['A', { name: 'B', alias: 'C' }],
        });
        break;
      case 2:
        statements.push({
          kind: StructureKind.Class,
          name: `C${i}`,
          isExported: maybe(),
          docs: docs(),
          ...(maybe() ? { extends: 'Base' } : {}),
          typeParameters: maybe() ? [] : ['T'],
          properties: Array.from({ length: Math.floor(next() * 3) }, (_, j) => ({
            name: `f${j}`,
            docs: docs(),
            isReadonly: maybe(),
            type: type(),
            ...(maybe() ? { initializer: '1' } : {}),
          })),
          ctors: maybe() ? [] : [{ parameters: parameters(), statements: body() }],
          methods: Array.from({ length: Math.floor(next() * 3) }, (_, j) => method(`m${j}`)),
        });
        break;
      case 3:
        {
          const { isStatic: _static, scope: _scope, ...fn } = method(`f${i}`);
          statements.push({ kind: StructureKind.Function, ...fn, isExported: maybe() });
        }
        break;
      case 4:
        statements.push({
          kind: StructureKind.Interface,
          name: `I${i}`,
          isExported: maybe(),
          docs: docs(),
          extends: maybe() ? [] : ['A'],
          properties: [{ name: 'x', docs: docs(), hasQuestionToken: maybe(), type: type() }],
        });
        break;
      default:
        statements.push(
          pick<string | ((writer: CodeBlockWriter) => void)>([
            `// ${words()}`,
            (writer) => writer.blankLine().write(`const s${i} = '${i}';`),
            `/* ${words()} */`,
          ]),
        );
    }
  }
  return statements;
}

describe('our printer on random modules', () => {
  it('prints 500 random modules of the kinds and options the emitters use as ts-morph does', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const statements = randomModule(seededRandom(seed));
      expect({ seed, text: printSourceFile(statements) }).toEqual({ seed, text: theirs(statements) });
    }
  });
});
