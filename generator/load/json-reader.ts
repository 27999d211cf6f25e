import type { NodeOffsets } from './spec-file.js';

/** A JSON syntax error at an offset. */
export class JSONSyntaxError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

/**
 * Reads strict JSON keeping the offset of every object, array and entry, and reporting each
 * duplicate key. The slow path of `parseJSONSpecFile` (json-file.ts): it runs only on a text that
 * `JSON.parse` rejects, to say where, or that has a duplicate key, which `JSON.parse` hides.
 * Throws `JSONSyntaxError` on a text that is not strict JSON.
 */
export function readJSONWithOffsets(
  text: string,
  offsets: WeakMap<object, NodeOffsets>,
  duplicate: (offset: number, key: string) => void,
): unknown {
  return new Reader(text, offsets, duplicate).document();
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** A recursive-descent reader for strict JSON (RFC 8259) that records offsets. */
class Reader {
  readonly #text: string;
  readonly #offsets: WeakMap<object, NodeOffsets>;
  readonly #duplicate: (offset: number, key: string) => void;
  #at = 0;

  constructor(text: string, offsets: WeakMap<object, NodeOffsets>, duplicate: (offset: number, key: string) => void) {
    this.#text = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
    this.#offsets = offsets;
    this.#duplicate = duplicate;
  }

  document(): unknown {
    const value = this.#value();
    this.#skipSpace();
    if (this.#at < this.#text.length) throw new JSONSyntaxError('Unexpected text after the JSON value.', this.#at);
    return value;
  }

  #value(): unknown {
    this.#skipSpace();
    const char = this.#text.charCodeAt(this.#at);
    switch (char) {
      case 0x7b: // {
        return this.#object();
      case 0x5b: // [
        return this.#array();
      case 0x22: // "
        return this.#string();
      case 0x74: // t
        return this.#word('true', true);
      case 0x66: // f
        return this.#word('false', false);
      case 0x6e: // n
        return this.#word('null', null);
      default: {
        NUMBER.lastIndex = this.#at;
        const match = NUMBER.exec(this.#text);
        if (match === null)
          throw new JSONSyntaxError(
            this.#at >= this.#text.length ? 'Unexpected end of JSON.' : 'Expected a JSON value.',
            this.#at,
          );
        this.#at += match[0].length;
        return Number(match[0]);
      }
    }
  }

  #object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const entries = new Map<string, { key: number; value: number }>();
    this.#offsets.set(out, { start: this.#at, entries });
    this.#at++;
    this.#skipSpace();
    if (this.#text.charCodeAt(this.#at) === 0x7d) {
      this.#at++;
      return out;
    }
    for (;;) {
      this.#skipSpace();
      const keyOffset = this.#at;
      if (this.#text.charCodeAt(this.#at) !== 0x22)
        throw new JSONSyntaxError('Expected a property name in double quotes.', this.#at);
      const key = this.#string();
      this.#skipSpace();
      if (this.#text.charCodeAt(this.#at) !== 0x3a)
        throw new JSONSyntaxError('Expected ":" after a property name.', this.#at);
      this.#at++;
      this.#skipSpace();
      const valueOffset = this.#at;
      const value = this.#value();
      if (entries.has(key)) this.#duplicate(keyOffset, key);
      entries.set(key, { key: keyOffset, value: valueOffset });
      // defineProperty: a "__proto__" key stays a plain key, never a prototype.
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      this.#skipSpace();
      const next = this.#text.charCodeAt(this.#at++);
      if (next === 0x7d) return out;
      if (next !== 0x2c) throw new JSONSyntaxError('Expected "," or "}" in an object.', this.#at - 1);
    }
  }

  #array(): unknown[] {
    const out: unknown[] = [];
    const entries = new Map<string, { key: number; value: number }>();
    this.#offsets.set(out, { start: this.#at, entries });
    this.#at++;
    this.#skipSpace();
    if (this.#text.charCodeAt(this.#at) === 0x5d) {
      this.#at++;
      return out;
    }
    for (;;) {
      this.#skipSpace();
      entries.set(String(out.length), { key: this.#at, value: this.#at });
      out.push(this.#value());
      this.#skipSpace();
      const next = this.#text.charCodeAt(this.#at++);
      if (next === 0x5d) return out;
      if (next !== 0x2c) throw new JSONSyntaxError('Expected "," or "]" in an array.', this.#at - 1);
    }
  }

  #string(): string {
    const start = this.#at;
    let end = start + 1;
    let escaped = false;
    for (;;) {
      end = this.#text.indexOf('"', end);
      if (end === -1) throw new JSONSyntaxError('Unterminated string.', start);
      let backslashes = 0;
      for (let i = end - 1; this.#text.charCodeAt(i) === 0x5c; i--) backslashes++;
      if (backslashes % 2 === 0) break;
      escaped = true;
      end++;
    }
    this.#at = end + 1;
    const raw = this.#text.slice(start + 1, end);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: JSON forbids raw control characters in strings; JSON.parse below reports them.
    if (!escaped && raw.indexOf('\\') === -1 && !/[\u0000-\u001f]/.test(raw)) return raw;
    try {
      return JSON.parse(this.#text.slice(start, end + 1)) as string;
    } catch {
      throw new JSONSyntaxError('Invalid string (bad escape or control character).', start);
    }
  }

  #word<T>(word: string, value: T): T {
    if (!this.#text.startsWith(word, this.#at)) throw new JSONSyntaxError('Expected a JSON value.', this.#at);
    this.#at += word.length;
    return value;
  }

  #skipSpace(): void {
    for (;;) {
      const char = this.#text.charCodeAt(this.#at);
      if (char !== 0x20 && char !== 0x0a && char !== 0x0d && char !== 0x09) return;
      this.#at++;
    }
  }
}
