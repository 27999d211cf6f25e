import { CodeBlockWriter } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { docLines, docText } from '../../generator/emit/doc-comments.js';
import { ImportSet } from '../../generator/emit/imports.js';
import { propertyKey, quote, valueLiteral } from '../../generator/emit/literals.js';
import { moduleSpecifier, resourceFile } from '../../generator/emit/paths.js';
import { printDocs } from '../../generator/emit/print/js-doc.js';
import { writeType } from '../../generator/emit/type-writer.js';
import type { TypeModel } from '../../generator/model/model.js';

const typeText = (type: TypeModel): string => {
  const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2, useSingleQuote: true });
  writeType(writer, type);
  return writer.toString();
};
const STRING: TypeModel = { kind: 'primitive', name: 'string' };
const NULL: TypeModel = { kind: 'primitive', name: 'null' };

describe('literals', () => {
  it('quotes strings so that no spec text can end or bend them', () => {
    expect(quote(`it's`)).toBe(`'it\\'s'`);
    expect(quote('a\\b')).toBe(`'a\\\\b'`);
    expect(quote('line\nnext\r\t\u2028')).toBe(`'line\\nnext\\r\\t\\u2028'`);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder inside a plain string is what must stay plain.
    expect(quote('${x} `y`')).toBe("'${x} `y`'");
    // biome-ignore lint/security/noGlobalEval: the quoted literal is evaluated to prove it reads back as the same string.
    expect(eval(quote(`'; process.exit(1); '\n\u2029\\`))).toBe(`'; process.exit(1); '\n\u2029\\`);
  });

  it('leaves identifiers bare as keys and quotes everything else', () => {
    expect(['id', '$ref', 'foo-bar', '123abc', 'with space', '__proto__', 'naïve', 'class'].map(propertyKey)).toEqual([
      'id',
      '$ref',
      "'foo-bar'",
      "'123abc'",
      "'with space'",
      '__proto__',
      'naïve',
      'class',
    ]);
  });

  it('prints JSON-like values as TypeScript', () => {
    expect(valueLiteral({ a: [1, 'b', null, true], 'c-d': { e: undefined } })).toBe(
      "{ a: [1, 'b', null, true], 'c-d': {} }",
    );
  });
});

describe('doc comments', () => {
  it('cannot be closed or given tags by spec text', () => {
    expect(docText('ends */ here\n@evil tag\r\n  x')).toBe('ends *\\/ here\n\\@evil tag\n  x');
    expect(docLines('one line', [])).toEqual(['/** one line */']);
    expect(docLines('a\n\nb', [{ tagName: 'default', text: '20' }])).toEqual([
      '/**',
      ' * a',
      ' *',
      ' * b',
      ' * @default 20',
      ' */',
    ]);
  });
});

describe('type writer', () => {
  it('writes primitives, literals, arrays, unions and intersections with the right parentheses', () => {
    expect(typeText({ kind: 'array', items: { kind: 'union', members: [STRING, NULL] } })).toBe('Array<string | null>');
    expect(typeText({ kind: 'array', items: { kind: 'ref', name: 'Pet' } })).toBe('Pet[]');
    expect(
      typeText({
        kind: 'intersection',
        members: [
          { kind: 'ref', name: 'A' },
          { kind: 'union', members: [STRING, NULL] },
        ],
      }),
    ).toBe('A & (string | null)');
    expect(typeText({ kind: 'union', members: [] })).toBe('never');
    expect(typeText({ kind: 'literal', value: "it's" })).toBe("'it\\'s'");
  });

  it('writes object types with documented, quoted and optional members', () => {
    const text = typeText({
      kind: 'object',
      additional: undefined,
      properties: [
        {
          name: 'foo-bar',
          required: false,
          type: STRING,
          docs: { description: 'Has */ in it.' },
          readOnly: true,
          writeOnly: false,
        },
        {
          name: 'n',
          required: true,
          type: { kind: 'object', properties: [], additional: STRING },
          docs: {},
          readOnly: false,
          writeOnly: false,
        },
      ],
    });
    expect(text).toBe(
      "{\n  /** Has *\\/ in it. */\n  readonly 'foo-bar'?: string;\n  n: { [key: string]: string };\n}",
    );
  });
});

describe('writer calls', () => {
  /** A writer that counts the calls that write text or a line break: the writer's cost is per call more than per character. */
  const counting = (): { writer: CodeBlockWriter; calls: () => number } => {
    const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2, useSingleQuote: true });
    let calls = 0;
    const methods = writer as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of ['write', 'writeLine', 'newLine']) {
      const method = methods[name]?.bind(writer);
      methods[name] = (...args: unknown[]) => {
        calls++;
        return method?.(...args);
      };
    }
    return { writer, calls: () => calls };
  };
  const member = (name: string, type: TypeModel, description?: string) => ({
    name,
    required: description === undefined,
    type,
    docs: description === undefined ? {} : { description: `${description}\n\nA second paragraph.` },
    readOnly: false,
    writeOnly: false,
  });

  it('writes a one-line type in one call, and a member on one line with its line break in one', () => {
    const union: TypeModel = {
      kind: 'union',
      members: [{ kind: 'array', items: { kind: 'literal', value: 'a' } }, { kind: 'ref', name: 'Pet' }, NULL],
    };
    const one = counting();
    writeType(one.writer, union);
    expect(one.writer.toString()).toBe("'a'[] | Pet | null");
    expect(one.calls()).toBe(1);

    const members = counting();
    writeType(members.writer, {
      kind: 'object',
      additional: undefined,
      properties: [member('kind', union, 'What it is.'), member('toString', STRING, 'Shadows Object’s.')],
    });
    expect(members.writer.toString()).toBe(
      [
        '{',
        '  /**',
        '   * What it is.',
        '   *',
        '   * A second paragraph.',
        '   */',
        "  kind?: 'a'[] | Pet | null;",
        '  /**',
        '   * Shadows Object’s.',
        '   *',
        '   * A second paragraph.',
        '   */',
        "  toString?: string | Object['toString'];",
        '}',
      ].join('\n'),
    );
    // `{` and its line break; per member its doc block (a line: the text, then its break) and its
    // line, break included; then `}`.
    expect(members.calls()).toBe(2 + 2 * 3 + 1);
  });

  it('writes a JSDoc block of many lines in one call, and one with a lone carriage return line by line', () => {
    const block = counting();
    printDocs(
      block.writer,
      [{ description: 'First line.\n\nAfter a blank line.', tags: [{ tagName: 'deprecated' }] }],
      '',
    );
    expect(block.writer.toString()).toBe('/**\n * First line.\n *\n * After a blank line.\n * @deprecated\n */\n');
    // The block's lines, then `*/`, then a line break.
    expect(block.calls()).toBe(3);
    const carriage = counting();
    printDocs(carriage.writer, ['Ends in a carriage return\r\r\nthen more.'], '');
    expect(carriage.writer.toString()).toBe('/**\n * Ends in a carriage return\r\n * then more.\n */\n');
  });

  it('writes an object inside a union member by member, as before', () => {
    const w = counting();
    writeType(w.writer, {
      kind: 'union',
      members: [
        { kind: 'object', additional: undefined, properties: [member('id', STRING)] },
        { kind: 'intersection', members: [] },
        NULL,
      ],
    });
    expect(w.writer.toString()).toBe('{\n  id: string;\n} |  | null');
  });
});

describe('imports and paths', () => {
  it('computes relative ESM specifiers with .js', () => {
    expect(moduleSpecifier('src/resources/a/b.ts', 'src/core/client.ts')).toBe('../../core/client.js');
    expect(moduleSpecifier('src/index.ts', 'src/client.ts')).toBe('./client.js');
    expect(
      resourceFile({ name: 'jobs', className: 'Jobs', path: ['fineTuning', 'jobs'], children: [], operations: [] }),
    ).toBe('src/resources/fine-tuning/jobs.ts');
  });

  it('groups imports by module, type-only where nothing is a value, parents first', () => {
    const imports = new ImportSet('src/resources/a.ts');
    imports.type('B', 'src/models.ts');
    imports.type('A', 'src/models.ts');
    imports.value('Page', 'src/core/pagination.ts');
    imports.type('PageScheme', 'src/core/pagination.ts');
    imports.type('ClientOptions', 'src/core/types.ts', 'BaseOptions');
    expect(imports.structures().map((s) => [s.moduleSpecifier, s.isTypeOnly, s.namedImports])).toEqual([
      [
        '../core/pagination.js',
        false,
        [
          { name: 'Page', isTypeOnly: false },
          { name: 'PageScheme', isTypeOnly: true },
        ],
      ],
      ['../core/types.js', true, [{ name: 'ClientOptions', alias: 'BaseOptions', isTypeOnly: false }]],
      [
        '../models.js',
        true,
        [
          { name: 'A', isTypeOnly: false },
          { name: 'B', isTypeOnly: false },
        ],
      ],
    ]);
  });
});
