/**
 * Issue 33's bundle figure: a one-call consumer of `sdkgen/fetch` against the same consumer of
 * openapi-fetch 0.17, each bundled and minified by esbuild for the browser, raw and gzipped.
 * `npx tsx bench/fetch-bundle-size.ts` prints a Markdown table (docs/fetch.md keeps the figures).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { ROOT } from '../test/helpers/paths.js';

/** The consumer: one typed GET, its data printed. */
const consumer = (from: string): string => `import createClient from '${from}';
const client = createClient({ baseUrl: 'https://api.example.com/v1' });
const { data, error } = await client.GET('/pets/{id}', { params: { path: { id: 1 } } });
console.log(data ?? error);
`;

async function measure(from: string, dir: string): Promise<{ raw: number; gzip: number }> {
  const entry = join(dir, `${from.replace(/\W/g, '-')}.js`);
  writeFileSync(entry, consumer(from));
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    absWorkingDir: ROOT,
    nodePaths: [join(ROOT, 'node_modules')],
    alias: { 'sdkgen/fetch': join(ROOT, 'generator/fetch/index.ts') },
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

const dir = mkdtempSync(join(tmpdir(), 'sdkgen-fetch-size-'));
try {
  const ours = await measure('sdkgen/fetch', dir);
  const theirs = await measure('openapi-fetch', dir);
  const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
  console.log('| one-call consumer, esbuild --bundle --minify | minified | gzipped |');
  console.log('| --- | --- | --- |');
  console.log(`| openapi-fetch 0.17.0 | ${kb(theirs.raw)} | ${kb(theirs.gzip)} |`);
  console.log(`| sdkgen/fetch | ${kb(ours.raw)} | ${kb(ours.gzip)} |`);
  console.log(`| ratio | ${(ours.raw / theirs.raw).toFixed(2)}× | ${(ours.gzip / theirs.gzip).toFixed(2)}× |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
