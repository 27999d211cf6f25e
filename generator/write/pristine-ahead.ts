import { Worker } from 'node:worker_threads';
import type { OutputFile } from '../emit/output-file.js';
import { entryPieces, GZIP_LEVEL, GZIP_OS_BYTE, keepsPristine, laterOpening } from './pristine.js';

/**
 * The pristine copy's gzip members, made in a worker thread while this one compiles dist/: on
 * Microsoft Graph, 1.3 s of compression off the critical path (bench/profile.md, "pristine off the
 * path"). A worker, not zlib's async calls: each of those builds a stream on this thread, which
 * cost as much here as compressing. The worker gets the pieces' UTF-8 bytes in one transferred
 * buffer and sends the members back the same way; the bytes are what `pristineFile` would make
 * (same zlib, level and OS byte). Only the entries' later pieces are known this early: the first
 * entry's opening, the API report (made of the compiled declarations) and merged edits are
 * compressed by `pristineFile` itself.
 */
export interface PristineAhead {
  /** The members made, by their piece. Never rejects: should the worker fail, it is empty and `pristineFile` makes them all. */
  readonly members: () => Promise<ReadonlyMap<string, Buffer>>;
}

/** Below this many characters of sources, a thread's start costs more than the compression it saves. */
const MIN_CHARS = 2_000_000;

/** Plain JavaScript, evaluated: it runs the same from the sources (tsx) and from the bundled CLI. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { gzipSync } = require('node:zlib');
const { bytes, lengths, level, os } = workerData;
const members = [];
let at = 0;
for (const length of lengths) {
  const member = gzipSync(bytes.subarray(at, (at += length)), { level });
  member[9] = os;
  members.push(member);
}
const out = Buffer.concat(members);
parentPort.postMessage({ bytes: out, lengths: members.map((m) => m.length) }, [out.buffer]);
`;

interface Reply {
  readonly bytes: Uint8Array;
  readonly lengths: readonly number[];
}

/** Starts compressing the sources' pieces in a worker, or returns undefined when they are too few to pay. */
export function compressAhead(
  sources: readonly OutputFile[],
  { minChars = MIN_CHARS }: { readonly minChars?: number } = {},
): PristineAhead | undefined {
  const pieces = sources
    .filter((file) => keepsPristine(file.path))
    .flatMap((file) => entryPieces(laterOpening(file.path), file.contents));
  if (pieces.reduce((sum, piece) => sum + piece.length, 0) < minChars) return undefined;
  const lengths = pieces.map((piece) => Buffer.byteLength(piece));
  const bytes = Buffer.allocUnsafeSlow(lengths.reduce((sum, length) => sum + length, 0));
  let at = 0;
  for (const piece of pieces) at += bytes.write(piece, at);
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { bytes, lengths, level: GZIP_LEVEL, os: GZIP_OS_BYTE },
    transferList: [bytes.buffer],
  });
  // Until someone waits for its members, a run that ends (or fails) does not wait for the worker.
  worker.unref();
  const members = new Promise<ReadonlyMap<string, Buffer>>((resolve) => {
    worker.once('message', (reply: Reply) => resolve(membersByPiece(pieces, reply)));
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

function membersByPiece(pieces: readonly string[], reply: Reply): ReadonlyMap<string, Buffer> {
  const all = Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength);
  const byPiece = new Map<string, Buffer>();
  let at = 0;
  reply.lengths.forEach((length, i) => {
    const piece = pieces[i];
    if (piece !== undefined) byPiece.set(piece, all.subarray(at, at + length));
    at += length;
  });
  return byPiece;
}
