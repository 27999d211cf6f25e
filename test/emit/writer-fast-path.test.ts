import { createRequire } from 'node:module';
import type { CodeBlockWriter } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { CodeBlockWriter as Fast } from '../../generator/emit/print/writer.js';
import { installWriterFastPath } from '../../generator/emit/writer-fast-path.js';
import { seededRandom } from '../helpers/seeded-random.js';

// The printer writes with code-block-writer's ES module copy, where print/writer.ts puts the fast
// path; the CommonJS copy of the same package is a second class it never touches: the reference.
const Reference = createRequire(import.meta.url)('code-block-writer').default as typeof Fast;

const OPTIONS = { indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' } as const;
type Step = (writer: CodeBlockWriter) => void;

/** What a writer shows after some steps: its text and the string/comment state that decides indentation. */
function run(writer: CodeBlockWriter, steps: readonly Step[]): unknown[] {
  const states: unknown[] = [];
  for (const step of steps) {
    step(writer);
    states.push([writer.isInString(), writer.isInComment(), writer.isLastNewLine(), writer.getIndentationLevel()]);
  }
  return [writer.toString(), states];
}

/** Text made of the characters the writer's state turns on, and a few that it skips. */
const ALPHABET = ['"', "'", '`', '/', '*', '\\', '{', '}', '$', '\n', '\r', '\r\n', ' ', 'a', 'é', '//', '/*', '*/'];
const text = (next: () => number): string =>
  Array.from({ length: Math.floor(next() * 12) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');

function steps(next: () => number, depth = 0): Step[] {
  return Array.from({ length: 1 + Math.floor(next() * 8) }, (): Step => {
    const words = text(next);
    const nested = depth < 2 ? steps(next, depth + 1) : [];
    const body = (writer: CodeBlockWriter): void => {
      for (const step of nested) step(writer);
    };
    switch (Math.floor(next() * 9)) {
      case 0:
        return (writer) => writer.writeLine(words);
      case 1:
        return (writer) => writer.block(() => body(writer));
      case 2:
        return (writer) => writer.inlineBlock(() => body(writer));
      case 3:
        return (writer) => writer.indent(() => body(writer));
      case 4:
        return (writer) => writer.hangingIndent(() => body(writer));
      case 5:
        return (writer) => writer.newLineIfLastNot().blankLineIfLastNot();
      case 6:
        return (writer) => writer.quote(words);
      case 7:
        return (writer) => writer.conditionalWrite(words.length > 0, '').spaceIfLastNot();
      default:
        return (writer) => writer.write(words);
    }
  });
}

describe('the writer fast path', () => {
  it('is in effect on the writer the printer uses, and not on the reference', () => {
    expect(installWriterFastPath(Fast)).toBe(true);
    expect(Fast.prototype.isLastNewLine).not.toBe(Reference.prototype.isLastNewLine);
  });

  it.each([
    ['a doc comment', ['/**', ' * It\'s "quoted" and `ticked` {', ' */', 'export type A = {', "b: '}';", '};']],
    // `$` + `{` in two pieces: the text is a template literal's source, not one of ours.
    ['a template literal', ['const a = `x $' + '{b ? `c$' + '{d}` : "}"} y`;', 'if (a) {', 'return 1;', '}']],
    ['escapes and regular expressions', ["const r = /a\\/'b/g; const s = 'it\\'s';", 'const t = "\\\\";', 'x();']],
    ['a line comment and CRLF', ["// don't {", 'a();\r\nb();', '/* ` */ c();']],
  ])('writes %s exactly as code-block-writer does', (_name, lines) => {
    const script: Step[] = lines.map((line) => (writer) => writer.write(line).newLine());
    const block: Step[] = [
      (writer) =>
        writer.write('function f() ').block(() => {
          for (const step of script) step(writer);
        }),
    ];
    expect(run(new Fast(OPTIONS) as unknown as CodeBlockWriter, block)).toEqual(
      run(new Reference(OPTIONS) as unknown as CodeBlockWriter, block),
    );
  });

  it('writes 2,000 random programs of quotes, comments, escapes and blocks exactly as code-block-writer does', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const script = steps(seededRandom(seed));
      expect({ seed, out: run(new Fast(OPTIONS) as unknown as CodeBlockWriter, script) }).toEqual({
        seed,
        out: run(new Reference(OPTIONS) as unknown as CodeBlockWriter, script),
      });
    }
  });
});
