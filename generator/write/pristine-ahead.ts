import { Worker } from 'node:worker_threads';
import type { OutputFile } from '../emit/output-file.js';
import { entryPieces, GZIP_LEVEL, GZIP_OS_BYTE, keepsPristine, laterOpening, type MadeEntry } from './pristine.js';

/**
 * The pristine copy's gzip members, made in a worker thread while this one compiles dist/: on
 * Microsoft Graph, the main thread's share of the pristine copy drops from 2.6–3.2 s to 1.9–2.0 s
 * (bench/profile.md, "Pristine off the path"). A worker, not zlib's async calls: each of those builds a stream on this thread, which
 * cost as much here as compressing. The worker gets each entry's pieces as UTF-8 bytes in
 * transferred buffers and sends the members back in one; the bytes are what `pristineFile` would
 * make (same zlib, level and OS byte). Every entry is made as a later one (its opening a comma):
 * the first entry (opening with the brace) and the API report (made of the compiled declarations)
 * are compressed by `pristineFile` itself.
 */
export interface PristineAhead {
  /** The entries compressed, by path. Never rejects: should the worker fail, it is empty and `pristineFile` compresses them all. */
  readonly members: () => Promise<ReadonlyMap<string, MadeEntry>>;
}

/**
 * Below this many characters of sources, the worker does not pay: on openai.yaml (4.6 M
 * characters, 0.1 s of gzip) its start and the wait for its reply cost what it saved, as dist/
 * compiles too fast to hide the compression (bench/profile.md).
 */
const MIN_CHARS = 16_000_000;

/**
 * Plain JavaScript, evaluated: it runs the same from the sources (tsx) and from the bundled CLI.
 * Each entry's input is dropped once compressed, so that the worker holds no more than it must.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { gzipSync } = require('node:zlib');
const { entries, level, os } = workerData;
const members = [];
entries.forEach((entry, i) => {
  let at = 0;
  for (const length of entry.lengths) {
    const member = gzipSync(entry.bytes.subarray(at, (at += length)), { level });
    member[9] = os;
    members.push(member);
  }
  entries[i] = undefined;
});
// Memory of its own (not the shared pool's, as a small Buffer.concat would give): it is transferred.
const out = Buffer.allocUnsafeSlow(members.reduce((sum, m) => sum + m.length, 0));
let at = 0;
for (const member of members) at += member.copy(out, at);
parentPort.postMessage({ bytes: out, lengths: members.map((m) => m.length) }, [out.buffer]);
`;

/** An entry's pieces as UTF-8, in one buffer of its own (transferred to the worker), and each piece's length in it. */
interface EntryBytes {
  readonly bytes: Uint8Array;
  readonly lengths: readonly number[];
}

interface Reply {
  readonly bytes: Uint8Array;
  readonly lengths: readonly number[];
}

/** Starts compressing the sources' entries in a worker, or returns undefined when they are too few to pay. */
export function compressAhead(
  sources: readonly OutputFile[],
  { minChars = MIN_CHARS }: { readonly minChars?: number } = {},
): PristineAhead | undefined {
  const kept = sources.filter((file) => keepsPristine(file.path));
  if (kept.reduce((sum, file) => sum + file.contents.length, 0) < minChars) return undefined;
  // Only the bytes go to the worker; the pieces' texts are dropped entry by entry.
  const inputs = kept.map((file) => entryBytes(entryPieces(laterOpening(file.path), file.contents)));
  let worker: Worker;
  try {
    worker = new Worker(WORKER, {
      eval: true,
      workerData: { entries: inputs, level: GZIP_LEVEL, os: GZIP_OS_BYTE },
      transferList: inputs.map((input) => input.bytes.buffer as ArrayBuffer),
    });
  } catch {
    // No thread to be had (a resource limit): `pristineFile` compresses everything, as before.
    return undefined;
  }
  // Until someone waits for its entries, a run that ends (or fails) does not wait for the worker.
  worker.unref();
  const counts = inputs.map((input) => input.lengths.length);
  const members = new Promise<ReadonlyMap<string, MadeEntry>>((resolve) => {
    worker.once('message', (reply: Reply) => resolve(madeEntries(kept, counts, reply)));
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

function entryBytes(pieces: readonly string[]): EntryBytes {
  const lengths = pieces.map((piece) => Buffer.byteLength(piece));
  // Its own memory, not the shared pool's: it is transferred.
  const bytes = Buffer.allocUnsafeSlow(lengths.reduce((sum, length) => sum + length, 0));
  let at = 0;
  for (const piece of pieces) at += bytes.write(piece, at);
  return { bytes, lengths };
}

/** The worker's members, entry by entry: each source's `counts[i]` members in turn. */
function madeEntries(
  kept: readonly OutputFile[],
  counts: readonly number[],
  reply: Reply,
): ReadonlyMap<string, MadeEntry> {
  const all = Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength);
  const made = new Map<string, MadeEntry>();
  let member = 0;
  let at = 0;
  kept.forEach((file, i) => {
    const members: Buffer[] = [];
    for (const end = member + (counts[i] ?? 0); member < end; member++) {
      const length = reply.lengths[member] ?? 0;
      members.push(all.subarray(at, at + length));
      at += length;
    }
    made.set(file.path, { opening: laterOpening(file.path), text: file.contents, members });
  });
  return made;
}
