/**
 * package.json scripts, read as the shell reads them, far enough to find the `openapi-typescript`
 * commands in a chain (`a && b; c | d`) and to replace them while keeping the rest as written.
 */
import type { Word } from './ots-flags.js';

/** One simple command of a script: its words, where it is, and a `>` redirect of its output. */
export interface Segment {
  /** The command's text in the script, without surrounding blanks: [start, end). */
  readonly start: number;
  readonly end: number;
  readonly words: readonly Word[];
  /** `> file` (or `1> file`): the file the command's standard output goes to. */
  readonly stdoutTo: Word | undefined;
  /** `>> file`: output appended, which no generator reproduces. */
  readonly appends: boolean;
}

const OPERATORS = ['&&', '||', ';', '|', '&'] as const;

/** Splits a script into its commands; quotes and backslashes are honoured inside words. */
export function splitScript(script: string): Segment[] {
  const segments: Segment[] = [];
  let words: Word[] = [];
  let start = -1;
  let end = 0;
  let stdoutTo: Word | undefined;
  let appends = false;
  let redirect: 'out' | 'other' | undefined;
  const finish = (): void => {
    if (start !== -1) segments.push({ start, end, words, stdoutTo, appends });
    words = [];
    start = -1;
    stdoutTo = undefined;
    appends = false;
  };
  let i = 0;
  while (i < script.length) {
    const c = script[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const operator = OPERATORS.find((op) => script.startsWith(op, i));
    if (operator !== undefined && redirect === undefined) {
      finish();
      i += operator.length;
      continue;
    }
    const redirection = /^(\d?)(>>?|<)/.exec(script.slice(i));
    if (redirection !== null) {
      if (start === -1) start = i;
      const [whole, fd = '', op] = redirection;
      redirect = op === '<' || (fd !== '' && fd !== '1') ? 'other' : 'out';
      if (redirect === 'out' && op === '>>') appends = true;
      i += whole.length;
      end = i;
      continue;
    }
    const word = readWord(script, i);
    if (start === -1) start = i;
    end = word.end;
    i = word.end;
    if (redirect === 'out') stdoutTo = { text: word.text, offset: word.offset };
    else if (redirect === undefined) words.push({ text: word.text, offset: word.offset });
    redirect = undefined;
  }
  finish();
  return segments;
}

function readWord(script: string, from: number): { text: string; offset: number; end: number } {
  let text = '';
  let i = from;
  while (i < script.length) {
    const c = script[i] as string;
    if (/\s/.test(c) || ';&|<>'.includes(c)) break;
    if (c === "'") {
      const close = script.indexOf("'", i + 1);
      const stop = close === -1 ? script.length : close;
      text += script.slice(i + 1, stop);
      i = stop + 1;
    } else if (c === '"') {
      i++;
      while (i < script.length && script[i] !== '"') {
        if (script[i] === '\\' && i + 1 < script.length) i++;
        text += script[i];
        i++;
      }
      i++;
    } else if (c === '\\' && i + 1 < script.length) {
      text += script[i + 1];
      i += 2;
    } else {
      text += c;
      i++;
    }
  }
  return { text, offset: from, end: Math.min(i, script.length) };
}

/** Words that may come before the command itself: package runners, their flags, `VAR=value`. */
const RUNNERS = new Set(['npx', 'pnpx', 'pnpm', 'yarn', 'bunx', 'bun', 'npm', 'exec', 'dlx', 'x', 'cross-env', '--']);

/** Runners that fetch a package from the registry rather than run the installed one. */
const FETCHING: Readonly<Record<string, string>> = { dlx: 'exec', pnpx: 'pnpm exec' };

/** Where `openapi-typescript` (or `openapi-typescript@7.13.0`, `node_modules/.bin/…`) starts the command. */
export function otsCommandIndex(segment: Segment): number | undefined {
  let runner = false;
  for (const [index, word] of segment.words.entries()) {
    const base = word.text.slice(word.text.lastIndexOf('/') + 1);
    if (base === 'openapi-typescript' || base.startsWith('openapi-typescript@')) return index;
    if (RUNNERS.has(word.text)) runner = true;
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word.text)) continue;
    else if (!(runner && word.text.startsWith('-'))) return undefined;
  }
  return undefined;
}

/**
 * The script with its first openapi-typescript command replaced by `replacement` (after the same
 * runner, `npx` or `pnpm exec`) and the others removed with the operator before them.
 */
export function replaceCommands(script: string, segments: readonly Segment[], replacement: string): string {
  let text = '';
  let at = 0;
  let replaced = false;
  let previousEnd = 0;
  for (const segment of segments) {
    const index = otsCommandIndex(segment);
    if (index === undefined) {
      previousEnd = segment.end;
      continue;
    }
    if (!replaced) {
      const prefix = segment.words
        .slice(0, index)
        .map((word) => FETCHING[word.text] ?? script.slice(word.offset, nextWordEnd(script, word)))
        .join(' ');
      text += script.slice(at, segment.start) + (prefix === '' ? '' : `${prefix} `) + replacement;
      replaced = true;
    } else text += script.slice(at, previousEnd);
    at = segment.end;
    previousEnd = segment.end;
  }
  return text + script.slice(at);
}

function nextWordEnd(script: string, word: Word): number {
  return readWord(script, word.offset).end;
}
