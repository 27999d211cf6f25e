import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { OutputFile } from '../emit/output-file.js';

/**
 * The pristine output of the last run, kept beside the manifest: the base of the three-way merge
 * that keeps a user's edits to generated files (issue 32). One file, so that a PR's diff shows each
 * generated change once: the sources as JSON (`{ path: text }`, sorted), gzipped, in base64 lines.
 * Text, so that it travels as the rest of the output does; `.gitattributes` marks it `-diff`.
 *
 * The gzip stream is a series of members (gunzip reads concatenated members as one stream), each
 * of one piece of the JSON: a file's entry is cut after lines chosen by their own text, about
 * every 16 kB, so that an edit changes the pieces around it and no other. Under `--watch`, only
 * the pieces that changed are compressed again, and the file is still byte for byte a fresh
 * run's. A pristine file an earlier sdkgen wrote (the JSON in one member) reads the same, and is
 * kept until the output changes.
 */
export const PRISTINE = '.sdkgen-pristine';

/** Which outputs have a pristine copy: the sources a user may edit, not the compiled dist/ or bookkeeping. */
export function keepsPristine(path: string): boolean {
  return !path.startsWith('dist/') && !path.startsWith('.sdkgen');
}

/**
 * The pristine file of a run's output. Deterministic: the same output gives the same bytes.
 * `ahead` holds entries already compressed, by path (`compressEntriesAhead`, pristine-ahead.ts):
 * their bytes are what this would make, so that only the others are cut and compressed here.
 */
export function pristineFile(files: readonly OutputFile[], ahead?: ReadonlyMap<string, MadeEntry>): OutputFile {
  const entries = files
    .filter((file) => keepsPristine(file.path))
    .map((file) => [file.path, file.contents] as const)
    .sort(([a], [b]) => pathOrder(a, b));
  const last = compressed;
  const now = new Map<string, CompressedEntry>();
  const contents = joinEntries(
    entries.map(([path]) => path),
    (i, opening) => {
      const [path, text] = entries[i] as (typeof entries)[number];
      const known = last.get(path);
      const made = ahead?.get(path);
      const entry =
        known !== undefined && known.text === text && known.opening === opening
          ? known
          : made !== undefined && made.text === text && made.opening === opening
            ? // Its pieces are not kept: `--watch`, which would reuse them, compresses nothing ahead.
              { ...made, byPiece: new Map<string, Buffer>() }
            : compressEntry(opening, text, known);
      now.set(path, entry);
      return entry.members;
    },
  );
  if (remembering) compressed = now;
  remember(contents, new Map(entries));
  return { path: PRISTINE, contents };
}

/** The entries' order: by path, as UTF-16 code units compare. */
export function pathOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The pristine file's text from its entries' paths, sorted, and each entry's gzip members for
 * the opening its place gives it (`{` for the first, a comma for the others): the one assembly of
 * `pristineFile` and of the CLI's pipeline into a new folder (`PristineAhead`, pristine-ahead.ts).
 */
export function joinEntries(
  paths: readonly string[],
  membersOf: (index: number, opening: string) => readonly Buffer[],
): string {
  const parts: Buffer[] = [];
  paths.forEach((path, i) => {
    parts.push(...membersOf(i, i === 0 ? `{${JSON.stringify(path)}:"` : laterOpening(path)));
  });
  parts.push(member(paths.length === 0 ? '{}' : '}'));
  return base64Lines(Buffer.concat(parts));
}

/** One file's entry in the JSON, as gzip members, one for each of its pieces (`entryPieces`). */
export interface MadeEntry {
  readonly opening: string;
  readonly text: string;
  readonly members: readonly Buffer[];
}

/** An entry, and its pieces' members by their text. */
interface CompressedEntry extends MadeEntry {
  readonly byPiece: ReadonlyMap<string, Buffer>;
}

/** Under `--watch`, the entries of the last pristine file made, by path. */
let compressed = new Map<string, CompressedEntry>();

/** A file's entry: `opening`, its text as a JSON string's body, cut into pieces, and the closing quote. */
export function compressEntry(opening: string, text: string, last?: CompressedEntry): CompressedEntry {
  const pieces = entryPieces(opening, text);
  const byPiece = new Map<string, Buffer>();
  const members = pieces.map((piece) => {
    const gzipped = last?.byPiece.get(piece) ?? member(piece);
    byPiece.set(piece, gzipped);
    return gzipped;
  });
  return { opening, text, members, byPiece };
}

/** A file's entry in the JSON (`opening`, its text as a JSON string's body, the closing quote), in the pieces each compressed alone. */
export function entryPieces(opening: string, text: string): string[] {
  const pieces = cutLines(text).map((chunk) => JSON.stringify(chunk).slice(1, -1));
  pieces[0] = `${opening}${pieces[0] ?? ''}`;
  pieces[pieces.length - 1] = `${pieces[pieces.length - 1]}"`;
  return pieces;
}

/**
 * The opening of a file's entry in the JSON, but the first's: every entry but the first starts
 * with a comma (the first, with the brace, is compressed when the whole output is known).
 */
export function laterOpening(path: string): string {
  return `,${JSON.stringify(path)}:"`;
}

/** The smallest piece cut, and one in how many lines (past it) that ends a piece. */
const MIN_PIECE = 32_768;
const CUT_ONE_IN = 32;

/**
 * `text` in consecutive pieces, cut after a line whose hash is a multiple of `CUT_ONE_IN` once
 * the piece holds `MIN_PIECE` characters: where a piece ends depends on its own lines only, so
 * an edit moves no cut but those near it. Lines are cut whole, so that no escape is split.
 */
function cutLines(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  // Only the lines that end past the smallest piece are hashed: the first may start before it.
  let end = text.indexOf('\n', start + MIN_PIECE - 1);
  while (end !== -1) {
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    if (lineHash(text, lineStart, end) % CUT_ONE_IN === 0) {
      pieces.push(text.slice(start, end + 1));
      start = end + 1;
      end = text.indexOf('\n', start + MIN_PIECE - 1);
    } else end = text.indexOf('\n', end + 1);
  }
  if (start < text.length || pieces.length === 0) pieces.push(text.slice(start));
  return pieces;
}

/** FNV-1a of `text[from, to)`'s UTF-16 code units. */
function lineHash(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** How each member is made. */
export const GZIP_LEVEL = 6;
/**
 * The header's OS byte is the platform zlib was built for (3 on Unix, 10 on Windows): fixed, so
 * that the same output gives the same bytes on every machine.
 */
export const GZIP_OS_BYTE = 3;

/** A JSON piece's gzip member. */
function member(piece: string): Buffer {
  // Copied to its own size: zlib gives a small result as a slice of its 16 kB output buffer, which
  // a kept member would hold whole (Graph's entries, 12 MB, held 50 MB until the end).
  const gzipped = Buffer.from(gzipSync(piece, { level: GZIP_LEVEL }));
  gzipped[9] = GZIP_OS_BYTE;
  return gzipped;
}

/** Base64 in lines of 76 characters, each ended by a newline. */
function base64Lines(bytes: Buffer): string {
  const packed = bytes.toString('base64');
  const lines: string[] = [];
  for (let at = 0; at < packed.length; at += 76) lines.push(packed.slice(at, at + 76));
  return `${lines.join('\n')}\n`;
}

/**
 * The texts of the last pristine files made or read, once `rememberPristines()` was called. Each
 * run decodes the one on disk (under `--watch`, the last run's, made in this process) and
 * compares it with its own: a tenth of a second each on openai.yaml's. A one-off run keeps
 * nothing, as a big spec's pristine copy weighs tens of megabytes.
 */
const decoded: { contents: string; texts: ReadonlyMap<string, string> }[] = [];
let remembering = false;

/** From now on, remember the last pristine files made or read (`sdkgen generate --watch`). */
export function rememberPristines(): void {
  remembering = true;
}

function remember(contents: string, texts: ReadonlyMap<string, string>): void {
  if (!remembering) return;
  decoded.unshift({ contents, texts });
  decoded.length = Math.min(decoded.length, 3);
}

/** The texts a file made by `pristineFile` holds. */
export function decodePristine(contents: string): ReadonlyMap<string, string> {
  const known = decoded.find((entry) => entry.contents === contents);
  if (known !== undefined) return known.texts;
  const texts = decodeText(contents);
  remember(contents, texts);
  return texts;
}

function decodeText(contents: string): ReadonlyMap<string, string> {
  const json = gunzipSync(Buffer.from(contents.replace(/\s+/g, ''), 'base64')).toString('utf8');
  const parsed = JSON.parse(json) as Record<string, unknown>;
  const texts = new Map<string, string>();
  for (const [path, text] of Object.entries(parsed)) if (typeof text === 'string') texts.set(path, text);
  return texts;
}

/**
 * Whether two pristine files hold the same texts. zlib builds may compress the same input to other
 * bytes (Node's bundled zlib picks its match finder by CPU), so a pristine file written on another
 * machine is compared by what it holds, not rewritten nor reported by --check for its bytes alone.
 */
export function samePristine(a: string, b: string): boolean {
  if (a === b) return true;
  let left: ReadonlyMap<string, string>;
  let right: ReadonlyMap<string, string>;
  try {
    left = decodePristine(a);
    right = decodePristine(b);
  } catch {
    return false;
  }
  return left.size === right.size && [...left].every(([path, text]) => right.get(path) === text);
}

/** The pristine output an earlier run left in `outDir`, or undefined when there is none (or it is unreadable). */
export function readPristine(outDir: string): ReadonlyMap<string, string> | undefined {
  let contents: string;
  try {
    contents = readFileSync(join(outDir, PRISTINE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    return decodePristine(contents);
  } catch {
    return undefined;
  }
}
