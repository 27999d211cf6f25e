import { describe, expect, it } from 'vitest';
import { type Diagnostic, formatDiagnostic } from '../../generator/diagnostics.js';

const at = (line: number, column = 1): Diagnostic => ({
  severity: 'warning',
  code: 'example',
  message: 'a warning',
  location: { file: 'spec.yaml', line, column },
});

describe("a warning quotes its line of the spec, as the spec's lines are split on LF or CRLF", () => {
  const text = 'openapi: 3.1.0\r\ninfo:\n  title: A\r\r\n  version: "1"';

  it('quotes a line ended by CRLF without its CR, and a lone CR as a character', () => {
    expect(formatDiagnostic(at(1, 10), () => text)).toBe(
      'spec.yaml:1:10: warning example: a warning\n1 | openapi: 3.1.0\n  |          ^',
    );
    expect(formatDiagnostic(at(3), () => text)).toBe(
      'spec.yaml:3:1: warning example: a warning\n3 |   title: A?\n  | ^',
    );
  });

  it('quotes the last line, which no newline ends, and nothing past it', () => {
    expect(formatDiagnostic(at(4, 3), () => text)).toBe(
      'spec.yaml:4:3: warning example: a warning\n4 |   version: "1"\n  |   ^',
    );
    expect(formatDiagnostic(at(5), () => text)).toBe('spec.yaml:5:1: warning example: a warning');
  });

  it('quotes from the text it is given, when another text was quoted before', () => {
    expect(formatDiagnostic(at(2), () => 'a\nb\n')).toBe('spec.yaml:2:1: warning example: a warning\n2 | b\n  | ^');
    expect(formatDiagnostic(at(2), () => text)).toBe('spec.yaml:2:1: warning example: a warning\n2 | info:\n  | ^');
  });
});
