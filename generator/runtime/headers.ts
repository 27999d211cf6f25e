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
// What fetch refuses in a value: NUL, CR and LF, and anything that is not one byte.
const BAD_VALUE_CHAR = /[\0\r\n]|[^\0-\xff]/u;

/**
 * Refuses, before anything is sent, a header that fetch would refuse. fetch's own error quotes
 * the value, credential included, and looks like a network failure that is worth retrying; this
 * one names the header and the character, never the value, and is not retried.
 * `credentials` maps a credential's header to the client option it comes from, for the hint.
 */
export function checkHeaders(
  headers: Readonly<Record<string, string>>,
  credentials: ReadonlyMap<string, string>,
): void {
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
    const option = credentials.get(name);
    const from =
      option === undefined
        ? ''
        : ` It holds the \`${option}\` credential: check that option (or its environment variable).`;
    throw new SDKError(
      `Cannot send the header "${name}": its value has ${describeChar(bad[0])} at position ${bad.index + 1} of ${value.length}, which HTTP headers cannot carry.${from} No request was sent.`,
    );
  }
}

function describeChar(char: string): string {
  switch (char) {
    case '\0':
      return 'a NUL character';
    case '\r':
      return 'a carriage return';
    case '\n':
      return 'a line feed';
    default:
      return `the character U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  }
}
