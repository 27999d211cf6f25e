import { isIdentifier } from '../model/names.js';

/** A single-quoted TypeScript string literal; every character that could end or bend it is escaped. */
export function quote(text: string): string {
  let out = "'";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === "'" || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}'`;
}

/** A property key: bare when it is an identifier, quoted otherwise (`'foo-bar'`, `'123abc'`). */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : quote(name);
}

/**
 * A key of an object literal. `__proto__: v` (quoted or not) would set the prototype, not a
 * property: that key is written computed, `['__proto__']: v`, which makes an own property.
 */
export function objectKey(name: string): string {
  return name === '__proto__' ? `[${quote(name)}]` : propertyKey(name);
}

/** Property access for generated code: `a.b` or `a['b-c']`. */
export function member(object: string, name: string): string {
  return isIdentifier(name) ? `${object}.${name}` : `${object}[${quote(name)}]`;
}

/** An expression to print as it is inside a value, for example values no JSON can hold (a file). */
export class RawCode {
  readonly code: string;

  constructor(code: string) {
    this.code = code;
  }
}

/** A JSON-like value as TypeScript source, single-quoted, keys bare where possible. */
export function valueLiteral(value: unknown): string {
  if (value instanceof RawCode) return value.code;
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(valueLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${objectKey(k)}: ${valueLiteral(v)}`).join(', ')} }`;
  }
  return 'undefined';
}
