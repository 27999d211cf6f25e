import { SDKError } from './errors.js';
import type { HeadersInit } from './types.js';

/** Later sources win; header names are compared case-insensitively; `null` removes. */
export function mergeHeaders(...sources: (HeadersInit | undefined)[]): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const source of sources) {
    if (source === undefined) continue;
    // for…in rather than Object.entries: no arrays made for the usual empty sources.
    for (const name in source) {
      if (!Object.hasOwn(source, name)) continue;
      const value = source[name];
      const key = name.toLowerCase();
      if (value === null) delete merged[key];
      else if (value !== undefined) setOwn(merged, key, value);
    }
  }
  return merged;
}

/** `record[key] = value`, except that `__proto__` stays an own key instead of replacing the prototype. */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

// RFC 9110's token: the characters a header name may have.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// What a header value may not hold (RFC 9110's field-value): control characters but tab, DEL,
// and anything that is not one byte. fetch refuses some of these with an error that looks like
// a network failure, and sends others.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
const BAD_VALUE_CHAR = /[\0-\x08\n-\x1f\x7f]|[^\0-\xff]/u;
// What no credential holds, wherever it travels: a control character is a pasting mistake.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
const CONTROL_CHAR = /[\0-\x08\n-\x1f\x7f]/;

/**
 * Refuses, before anything is sent, a header that HTTP cannot carry. fetch's own error quotes
 * the value, credential included, and looks like a network failure that is worth retrying; this
 * one names the header and the character, never the value, and is not retried.
 */
export function checkHeaders(headers: Readonly<Record<string, string>>): void {
  for (const name in headers) {
    if (!Object.hasOwn(headers, name)) continue;
    if (!TOKEN.test(name)) {
      throw new SDKError(
        `Cannot send the header ${JSON.stringify(name)}: a header name may hold only letters, digits and !#$%&'*+-.^_\`|~. No request was sent.`,
      );
    }
    const value = headers[name] as string;
    const bad = BAD_VALUE_CHAR.exec(value);
    if (bad === null) continue;
    throw new SDKError(
      `Cannot send the header "${name}": its value has ${describeChar(bad[0])} at position ${bad.index + 1} of ${value.length}, which HTTP headers cannot carry. No request was sent.`,
    );
  }
}

/**
 * Refuses a credential that cannot be what its option meant: a control character anywhere, or,
 * for one sent as it is in a header, a character a header cannot carry. The error names the
 * option (from the scheme that carries it), never the value.
 */
export function checkCredential(option: string, env: string | undefined, value: string, inHeader: boolean): void {
  const bad = (inHeader ? BAD_VALUE_CHAR : CONTROL_CHAR).exec(value);
  if (bad === null) return;
  const where = env === undefined ? 'that option' : `that option or ${env}`;
  throw new SDKError(
    `The \`${option}\` credential has ${describeChar(bad[0])} at position ${bad.index + 1} of ${value.length}, which HTTP headers cannot carry: check ${where}. No request was sent.`,
  );
}

function describeChar(char: string): string {
  switch (char) {
    case '\0':
      return 'a NUL character';
    case '\r':
      return 'a carriage return';
    case '\n':
      return 'a line feed';
    default: {
      const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
      return CONTROL_CHAR.test(char) ? `the control character ${code}` : `the character ${code}`;
    }
  }
}
