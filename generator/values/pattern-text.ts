import type { RE2JS } from 're2js';
import { re2 as re2Package } from '../lazy-packages.js';
import { type Random, randomInt } from './random.js';

/** Patterns compiled once each: a spec repeats the same few many times. `null`: RE2 refuses it. */
const compiled = new Map<string, RE2JS | null>();

/**
 * Whether `text` matches an OpenAPI `pattern` (ECMA-262, unanchored). Specs' patterns run on
 * made-up and received text alike, so they run on RE2 (re2js), whose time is linear in the text:
 * JavaScript's backtracking engine takes minutes on a pattern like `([\/\w .-]*)*$` against a URL
 * that does not match. The few patterns RE2 refuses (lookarounds, backreferences) run on
 * JavaScript's engine unless they nest quantifiers; a pattern that can be checked safely by
 * neither is not held against the text, nor is one JavaScript cannot compile.
 */
export function matchesPattern(pattern: string, text: string): boolean {
  let re2 = compiled.get(pattern);
  if (re2 === undefined) {
    try {
      re2 = re2Package().RE2JS.compile(pattern);
    } catch {
      re2 = null;
    }
    compiled.set(pattern, re2);
  }
  if (re2 !== null) return re2.matcher(text).find();
  if (NESTED_QUANTIFIER.test(pattern)) return true;
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return true;
  }
}

/** A quantified group with a quantifier inside (`(a+)*`, `(\w*)+`): what makes backtracking blow up. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)[*+{]/;

/** Repeats of `*` and `+`, kept short: the text is data, not a stress test. */
const OPEN_REPEAT = 3;

/**
 * A text that matches `pattern`, for the simple patterns specs use (`^tunnel_[a-z0-9]{32}$`,
 * `^[a-zA-Z0-9_-]+$`): literals, classes, `\d \w \s`, groups with `|`, and the quantifiers
 * `? * + {n} {n,m}`. `undefined` for anything else (lookarounds, backreferences) or when the
 * text made does not match after all; the caller then keeps what it had.
 */
export function textMatching(pattern: string, random: Random): string | undefined {
  try {
    new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  try {
    const text = new PatternWriter(pattern, random).alternatives();
    return matchesPattern(pattern, text) ? text : undefined;
  } catch {
    return undefined;
  }
}

class PatternWriter {
  #at = 0;
  readonly #pattern: string;
  readonly #random: Random;

  constructor(pattern: string, random: Random) {
    this.#pattern = pattern;
    this.#random = random;
  }

  /** `a|b|c` up to the end or a closing `)`: the first alternative is written. */
  alternatives(): string {
    const first = this.#sequence();
    while (this.#peek() === '|') {
      this.#at++;
      this.#sequence();
    }
    return first;
  }

  #sequence(): string {
    let out = '';
    while (this.#at < this.#pattern.length && this.#peek() !== '|' && this.#peek() !== ')') {
      const atom = this.#atom();
      const [min, max] = this.#quantifier();
      const count = min === max ? min : randomInt(this.#random, min, Math.max(min, Math.min(max, min + OPEN_REPEAT)));
      for (let i = 0; i < count; i++) out += atom();
    }
    return out;
  }

  /** One atom, as a function: each repeat of a class may pick another character. */
  #atom(): () => string {
    const char = this.#pattern[this.#at++] as string;
    switch (char) {
      case '^':
      case '$':
        return () => '';
      case '.':
        return () => 'a';
      case '(': {
        if (this.#pattern.startsWith('?:', this.#at)) this.#at += 2;
        else if (this.#peek() === '?') throw new Error('lookaround');
        // One text per group, however often it repeats: enough to match.
        const text = this.alternatives();
        if (this.#pattern[this.#at++] !== ')') throw new Error('unclosed group');
        return () => text;
      }
      case '[':
        return this.#charClass();
      case '\\':
        return this.#escape();
      default:
        return () => char;
    }
  }

  #charClass(): () => string {
    const negated = this.#peek() === '^';
    if (negated) this.#at++;
    const ranges: [number, number][] = [];
    while (this.#at < this.#pattern.length && this.#peek() !== ']') {
      let from: string = this.#pattern[this.#at++] as string;
      if (from === '\\') {
        const escaped = this.#pattern[this.#at++] as string;
        const known = CLASS_ESCAPES[escaped];
        if (known !== undefined) {
          ranges.push(...known);
          continue;
        }
        from = escaped;
      }
      if (this.#peek() === '-' && this.#pattern[this.#at + 1] !== ']' && this.#at + 1 < this.#pattern.length) {
        this.#at++;
        const to = this.#pattern[this.#at++] as string;
        ranges.push([from.codePointAt(0) as number, to.codePointAt(0) as number]);
      } else {
        ranges.push([from.codePointAt(0) as number, from.codePointAt(0) as number]);
      }
    }
    this.#at++;
    if (negated) {
      // Letters are rarely what a negated class excludes; the caller checks the result anyway.
      return () => 'a';
    }
    if (ranges.length === 0) throw new Error('empty class');
    return () => {
      const [from, to] = ranges[randomInt(this.#random, 0, ranges.length - 1)] as [number, number];
      return String.fromCodePoint(randomInt(this.#random, from, to));
    };
  }

  #escape(): () => string {
    const char = this.#pattern[this.#at++] as string;
    const known = CLASS_ESCAPES[char];
    if (known !== undefined) {
      return () => {
        const [from, to] = known[randomInt(this.#random, 0, known.length - 1)] as [number, number];
        return String.fromCodePoint(randomInt(this.#random, from, to));
      };
    }
    if (/[1-9bBpPk]/.test(char)) throw new Error('unsupported escape');
    return () => char;
  }

  #quantifier(): [number, number] {
    const char = this.#peek();
    if (char === '?') return this.#lazy([0, 1]);
    if (char === '*') return this.#lazy([0, Number.POSITIVE_INFINITY]);
    if (char === '+') return this.#lazy([1, Number.POSITIVE_INFINITY]);
    if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.#pattern.slice(this.#at));
      if (match === null) return [1, 1];
      const min = Number(match[1]);
      const max = match[2] === undefined ? min : match[3] === '' ? Number.POSITIVE_INFINITY : Number(match[3]);
      this.#at += match[0].length;
      return this.#lazy([min, max]);
    }
    return [1, 1];
  }

  #lazy(range: [number, number]): [number, number] {
    this.#at++;
    if (this.#peek() === '?') this.#at++;
    return range;
  }

  #peek(): string | undefined {
    return this.#pattern[this.#at];
  }
}

const CLASS_ESCAPES: Readonly<Record<string, readonly [number, number][]>> = {
  d: [[48, 57]],
  w: [
    [97, 122],
    [65, 90],
    [48, 57],
    [95, 95],
  ],
  s: [[32, 32]],
};
