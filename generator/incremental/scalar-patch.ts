import type { OffsetTable } from '../load/spec-file.js';
import { readYamlFastest } from '../load/yaml-file.js';

/** A YAML file as read once, and the edits patched into it since: what the next edit is found in. */
export interface PatchableFile {
  readonly text: string;
  readonly value: unknown;
  /** The offsets of the first read, in its text. */
  readonly offsets: OffsetTable;
  /** Maps an offset of the first read's text to the same place in `text`. */
  readonly shift: (offset: number) => number;
}

/** One scalar of a mapping, changed in place: `container[key]` was `before` and is `after`. */
export interface ScalarEdit {
  readonly file: PatchableFile;
  readonly container: Record<string, unknown>;
  readonly key: string;
  readonly before: string;
  readonly after: string;
  /** The lines (1-based, of the old text) the edit touched, and how many lines it added (or removed). */
  readonly firstLine: number;
  readonly lastLine: number;
  readonly lineDelta: number;
}

/**
 * When `next` differs from `file.text` only inside one string scalar of a block mapping, that
 * scalar's new value, set in place in the file's value (so objects keep their identity), and
 * the file as it is now. Otherwise `undefined`, and the file is untouched: the caller reads it
 * afresh. The scalar's whole text, from its key to the next node, is read by the same YAML
 * reader as the file was, before and after: the old reading must give the value the file has,
 * so a scalar this cannot delimit (a flow mapping, an odd indentation, a comment out of line)
 * is never patched wrongly, only not patched.
 */
export function patchScalar(file: PatchableFile, next: string): ScalarEdit | undefined {
  const old = file.text;
  if (old === next) return undefined;
  const { start, oldEnd, newEnd } = changedSpan(old, next);
  const found = scalarAt(file, start);
  if (found === undefined) return undefined;
  const { container, key, keyAt, boundAt } = found;
  const lineStart = old.lastIndexOf('\n', keyAt - 1) + 1;
  const indent = keyAt - lineStart;
  if (old.slice(lineStart, keyAt).trim() !== '') return undefined;
  // An anchored, aliased or tagged scalar is shared or typed beyond its own text.
  if (/^\s*[&*!]/.test(old.slice(keyAt + key.length + 1, old.indexOf('\n', keyAt) >>> 0))) return undefined;
  const end = boundAt === undefined ? old.length : old.lastIndexOf('\n', boundAt - 1) + 1;
  // The edit must lie after the key and before the line of the next node.
  if (end <= keyAt || start <= keyAt + key.length || oldEnd > end) return undefined;
  const before = container[key];
  const delta = newEnd - oldEnd;
  const oldValue = readEntry(old.slice(lineStart, end), indent, key);
  const newValue = readEntry(next.slice(lineStart, end + delta), indent, key);
  if (typeof before !== 'string' || oldValue !== before || typeof newValue !== 'string') return undefined;
  container[key] = newValue;
  const shift = file.shift;
  const lineOf = (offset: number): number => countLines(old, 0, offset) + 1;
  return {
    file: {
      text: next,
      value: file.value,
      offsets: file.offsets,
      shift: (offset) => {
        const at = shift(offset);
        return at >= oldEnd ? at + delta : at;
      },
    },
    container,
    key,
    before,
    after: newValue,
    firstLine: lineOf(start),
    lastLine: lineOf(oldEnd),
    lineDelta: countLines(next, start, newEnd) - countLines(old, start, oldEnd),
  };
}

/** The span that differs: `old[start, oldEnd)` became `next[start, newEnd)`. */
function changedSpan(old: string, next: string): { start: number; oldEnd: number; newEnd: number } {
  const shortest = Math.min(old.length, next.length);
  let start = 0;
  while (start < shortest && old.charCodeAt(start) === next.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shortest - start && old.charCodeAt(old.length - 1 - tail) === next.charCodeAt(next.length - 1 - tail))
    tail++;
  return { start, oldEnd: old.length - tail, newEnd: next.length - tail };
}

/**
 * The mapping entry whose scalar value holds `offset`, found from the root down: in each
 * collection, the last entry starting at or before it. `boundAt`: where the next node after
 * the entry starts (its sibling's, or an ancestor's sibling's), if any.
 */
function scalarAt(
  file: PatchableFile,
  offset: number,
): { container: Record<string, unknown>; key: string; keyAt: number; boundAt: number | undefined } | undefined {
  let node: unknown = file.value;
  let boundAt: number | undefined;
  for (;;) {
    if (node === null || typeof node !== 'object') return undefined;
    const offsets = file.offsets.get(node);
    if (offsets === undefined) return undefined;
    let best: { key: string; at: number } | undefined;
    for (const [key, entry] of offsets.entries) {
      const at = file.shift(entry.key);
      if (at <= offset && (best === undefined || at > best.at)) best = { key, at };
    }
    if (best === undefined) return undefined;
    for (const entry of offsets.entries.values()) {
      const at = file.shift(entry.key);
      if (at > best.at && (boundAt === undefined || at < boundAt)) boundAt = at;
    }
    const value = (node as Record<string, unknown>)[best.key];
    if (typeof value === 'string') {
      if (Array.isArray(node)) return undefined;
      return { container: node as Record<string, unknown>, key: best.key, keyAt: best.at, boundAt };
    }
    node = value;
  }
}

/** The value of `key` in a one-entry block mapping, read from its lines less `indent` spaces. */
function readEntry(lines: string, indent: number, key: string): unknown {
  const prefix = ' '.repeat(indent);
  const dedented: string[] = [];
  for (const line of lines.split('\n')) {
    if (line.trim() === '') dedented.push('');
    else if (line.startsWith(prefix)) dedented.push(line.slice(indent));
    else return undefined;
  }
  const read = readYamlFastest(dedented.join('\n'));
  const value = read?.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === key ? (value as Record<string, unknown>)[key] : undefined;
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
