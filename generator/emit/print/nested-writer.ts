import type { WriterFunction } from 'ts-morph';
import { type CodeBlockWriter, isBlank, runWriter } from './writer.js';

/** What a writer function did, in order: a text written, a line, a line break, a block. */
type Op =
  | { readonly kind: 'write'; readonly text: string }
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'newLine' }
  | { readonly kind: 'block'; readonly ops: readonly Op[] };

/** Thrown inside a recording when the writer function does what a replay could not reproduce. */
const NOT_REPLAYABLE = Symbol('not replayable');

/**
 * What a writer function nested in a structure (a parameter's type, a return type) writes, as
 * calls to replay on the module's writer, or `undefined` where the replay could come out other
 * than ts-morph's text (then the caller gives the function a writer of its own, as ts-morph did).
 *
 * ts-morph ran such a function on a fresh writer and wrote its text into the module's writer
 * inside a hanging indent. The same calls on the module's writer in that hanging indent give the
 * same text when the function only writes text (`write`), breaks lines (`newLine`), writes a line
 * after some text (`writeLine`: on a fresh writer, a first `writeLine` breaks no line) and opens
 * blocks (`inlineBlock`: its members one level in from the line the block opens on, in both).
 * Anything else (asking the writer's state, indenting by hand, queueing indentation) is refused.
 */
export function recordWriter(write: WriterFunction): readonly Op[] | undefined {
  const top: Op[] = [];
  /** Where the calls go: the list of the innermost open block. */
  let ops = top;
  /** How many characters a fresh writer would hold by now (a first `writeLine` depends on it). */
  let written = 0;
  /** The writer calls a replay reproduces; any other property read stops the recording. */
  const calls: Record<string, (...args: never[]) => unknown> = {
    write: (text: string) => {
      ops.push({ kind: 'write', text });
      written += text?.length ?? 0;
      return recorder;
    },
    writeLine: (text: string) => {
      if (written === 0) throw NOT_REPLAYABLE;
      ops.push({ kind: 'line', text });
      written += (text?.length ?? 0) + 1;
      return recorder;
    },
    newLine: () => {
      ops.push({ kind: 'newLine' });
      written += 1;
      return recorder;
    },
    inlineBlock: (block?: () => void) => {
      const outer = ops;
      const inner: Op[] = [];
      written += 1;
      ops = inner;
      try {
        block?.();
      } finally {
        ops = outer;
      }
      outer.push({ kind: 'block', ops: inner });
      return recorder;
    },
  };
  const recorder: unknown = new Proxy(
    {},
    {
      get(_target, name) {
        const call = typeof name === 'string' && Object.hasOwn(calls, name) ? calls[name] : undefined;
        if (call === undefined) throw NOT_REPLAYABLE;
        return call;
      },
    },
  );
  try {
    runWriter(recorder as CodeBlockWriter, write);
  } catch (error) {
    if (error === NOT_REPLAYABLE) return undefined;
    throw error;
  }
  return top;
}

/** Whether the text of the calls is white space only (ts-morph then wrote nothing, not even the separator). */
export function isBlankText(ops: readonly Op[]): boolean {
  return ops.every((op) => op.kind === 'newLine' || (op.kind !== 'block' && isBlank(op.text || ' ')));
}

/** Makes the recorded calls on the module's writer. */
export function replay(writer: CodeBlockWriter, ops: readonly Op[]): void {
  for (const op of ops) {
    switch (op.kind) {
      case 'write':
        writer.write(op.text);
        break;
      case 'line':
        writer.writeLine(op.text);
        break;
      case 'newLine':
        writer.newLine();
        break;
      case 'block':
        writer.inlineBlock(() => replay(writer, op.ops));
        break;
      default: {
        const unknown: never = op;
        throw new Error(`unknown writer call ${JSON.stringify(unknown)}`);
      }
    }
  }
}
