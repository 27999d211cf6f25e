import { Worker } from 'node:worker_threads';
import type { OutputFile } from '../emit/output-file.js';
import { entryPieces, GZIP_LEVEL, GZIP_OS_BYTE, keepsPristine, laterOpening, type MadeEntry } from './pristine.js';

/**
 * The pristine copy's gzip members, made in a worker thread while this one compiles dist/: on
 * Microsoft Graph, 1.3 s of compression off the critical path (bench/profile.md, "pristine off the
 * path"). A worker, not zlib's async calls: each of those builds a stream on this thread, which
 * cost as much here as compressing. The worker gets each source's text as UTF-8 in a transferred
 * buffer, cuts it and escapes it as JSON there, and sends the members back in one buffer; the
 * bytes are what `pristineFile` would make (same cut, zlib, level and OS byte). Every entry is made as a later one (its opening a comma):
 * the first entry (opening with the brace) and the API report (made of the compiled declarations)
 * are compressed by `pristineFile` itself.
 */
export interface PristineAhead {
  /** The entries compressed, by path. Never rejects: should the worker fail, it is empty and `pristineFile` compresses them all. */
  readonly members: () => Promise<ReadonlyMap<string, MadeEntry>>;
}

/** Below this many characters of sources, a thread's start costs more than the compression it saves. */
const MIN_CHARS = 2_000_000;

/**
 * Plain JavaScript, evaluated: it runs the same from the sources (tsx) and from the bundled CLI,
 * and cuts each text with `entryPieces`' own source. Each entry's input is dropped once
 * compressed, so that the worker holds no more than it must.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { gzipSync } = require('node:zlib');
const entryPieces = ${entryPieces.toString()};
const { entries, level, os } = workerData;
const members = [];
const counts = [];
entries.forEach((entry, i) => {
  const text = Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength).toString('utf8');
  const pieces = entryPieces(entry.opening, text);
  for (const piece of pieces) {
    const member = gzipSync(piece, { level });
    member[9] = os;
    members.push(member);
  }
  counts.push(pieces.length);
  entries[i] = undefined;
});
const out = Buffer.concat(members);
parentPort.postMessage({ bytes: out, lengths: members.map((m) => m.length), counts }, [out.buffer]);
`;

/** What the worker sends back: the members in one buffer, each one's length, and how many each entry has. */
interface Reply {
  readonly bytes: Uint8Array;
  readonly lengths: readonly number[];
  readonly counts: readonly number[];
}

/** Starts compressing the sources' entries in a worker, or returns undefined when they are too few to pay. */
export function compressAhead(
  sources: readonly OutputFile[],
  { minChars = MIN_CHARS }: { readonly minChars?: number } = {},
): PristineAhead | undefined {
  // A text with a lone surrogate would not survive UTF-8: its entry is left to `pristineFile`.
  const kept = sources.filter((file) => keepsPristine(file.path) && isWellFormed(file.contents));
  if (kept.reduce((sum, file) => sum + file.contents.length, 0) < minChars) return undefined;
  // The texts travel as UTF-8 in buffers of their own, transferred: cheaper than copying strings.
  const entries = kept.map((file) => ({ opening: laterOpening(file.path), bytes: utf8(file.contents) }));
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { entries, level: GZIP_LEVEL, os: GZIP_OS_BYTE },
    transferList: entries.map((entry) => entry.bytes.buffer as ArrayBuffer),
  });
  // Until someone waits for its entries, a run that ends (or fails) does not wait for the worker.
  worker.unref();
  const members = new Promise<ReadonlyMap<string, MadeEntry>>((resolve) => {
    worker.once('message', (reply: Reply) => resolve(madeEntries(kept, reply)));
    worker.once('error', () => resolve(new Map()));
    worker.once('exit', () => resolve(new Map()));
  });
  return {
    members: () => {
      worker.ref();
      return members;
    },
  };
}

function isWellFormed(text: string): boolean {
  // ES2024, in every Node sdkgen supports (>= 20.19); not yet in the TypeScript lib this project targets.
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** `text` as UTF-8 in memory of its own, not the shared pool's: it is transferred. */
function utf8(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

/** The worker's members, entry by entry: each source's `counts[i]` members in turn. */
function madeEntries(kept: readonly OutputFile[], reply: Reply): ReadonlyMap<string, MadeEntry> {
  const all = Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength);
  const made = new Map<string, MadeEntry>();
  let member = 0;
  let at = 0;
  kept.forEach((file, i) => {
    const members: Buffer[] = [];
    for (const end = member + (reply.counts[i] ?? 0); member < end; member++) {
      const length = reply.lengths[member] ?? 0;
      members.push(all.subarray(at, at + length));
      at += length;
    }
    made.set(file.path, { opening: laterOpening(file.path), text: file.contents, members });
  });
  return made;
}
