import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag, formatDiagnostic, lineOf } from '../generator/diagnostics.js';

describe('quoting a line of a spec in a diagnostic', () => {
  it('gives line n as splitting the text at \\n and \\r\\n would, whatever the line breaks', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é'), { maxLength: 40 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (first, second) => {
        // Two texts in turn: the index of the last one quoted must not answer for another.
        for (const t of [first, second, first]) {
          const lines = t.split(/\r?\n/);
          for (let n = 1; n <= lines.length + 1; n++) expect(lineOf(t, n)).toBe(lines[n - 1]);
        }
      }),
    );
  });

  it('quotes the line of each diagnostic, with a caret under its column', () => {
    const files: Record<string, string> = {
      'a.yaml': 'openapi: 3.1.0\r\ninfo:\r\n  titel: x\r\n',
      'b.yaml': 'one\ntwo\n',
    };
    const source = (file: string): string | undefined => files[file];
    const warning = (file: string, line: number, column: number) =>
      formatDiagnostic(
        { code: 'unknown-key', severity: 'warning', message: 'm', location: { file, line, column } },
        source,
      );
    expect(warning('a.yaml', 3, 3)).toBe('a.yaml:3:3: warning unknown-key: m\n3 |   titel: x\n  |   ^');
    expect(warning('b.yaml', 2, 1)).toBe('b.yaml:2:1: warning unknown-key: m\n2 | two\n  | ^');
    expect(warning('a.yaml', 1, 1)).toBe('a.yaml:1:1: warning unknown-key: m\n1 | openapi: 3.1.0\n  | ^');
  });
});

describe('the place a diagnostic falls back on (DiagnosticBag.within)', () => {
  const operation = { file: 'spec.yaml', line: 12, column: 5 };

  it('is found only when a diagnostic needs it: Graph has 11,422 operations and most report nothing', () => {
    const bag = new DiagnosticBag();
    let asked = 0;
    const place = () => {
      asked++;
      return operation;
    };
    bag.within(place, () => undefined);
    expect(asked).toBe(0);
    bag.within(place, () => bag.warning('w', 'no place of its own'));
    expect(asked).toBe(1);
    expect(bag.all[0]?.location).toEqual(operation);
  });

  it("is the innermost scope's, and a diagnostic's own place wins over it", () => {
    const bag = new DiagnosticBag();
    const parameter = { file: 'spec.yaml', line: 14, column: 9 };
    const own = { file: 'spec.yaml', line: 20, column: 1 };
    bag.within(operation, () => {
      bag.within(
        () => parameter,
        () => {
          bag.error('a', 'in the parameter');
          bag.error('b', 'placed', own);
        },
      );
      bag.warning('c', 'back in the operation');
    });
    expect(bag.all.map((d) => d.location)).toEqual([parameter, own, operation]);
  });
});
