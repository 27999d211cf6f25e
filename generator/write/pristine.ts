import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { OutputFile } from '../emit/output-file.js';

/**
 * The pristine output of the last run, kept beside the manifest: the base of the three-way merge
 * that keeps a user's edits to generated files (issue 32). One file, so that a PR's diff shows each
 * generated change once: the sources as JSON (`{ path: text }`, sorted), gzipped, in base64 lines.
 * Text, so that it travels as the rest of the output does; `.gitattributes` marks it `-diff`.
 */
export const PRISTINE = '.sdkgen-pristine';

/** Which outputs have a pristine copy: the sources a user may edit, not the compiled dist/ or bookkeeping. */
export function keepsPristine(path: string): boolean {
  return !path.startsWith('dist/') && !path.startsWith('.sdkgen');
}

/** The pristine file of a run's output. Deterministic: the same output gives the same bytes. */
export function pristineFile(files: readonly OutputFile[]): OutputFile {
  const entries = files
    .filter((file) => keepsPristine(file.path))
    .map((file) => [file.path, file.contents] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const gzipped = gzipSync(JSON.stringify(Object.fromEntries(entries)), { level: 6 });
  // The header's OS byte is the platform zlib was built for (3 on Unix, 10 on Windows): fixed, so
  // that the same output gives the same bytes on every machine.
  gzipped[9] = 3;
  const packed = gzipped.toString('base64');
  const lines = packed.match(/.{1,76}/g) ?? [];
  const contents = `${lines.join('\n')}\n`;
  remember(contents, new Map(entries));
  return { path: PRISTINE, contents };
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
