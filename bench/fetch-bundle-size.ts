/**
 * Issue 33's bundle figure: a one-call consumer of `sdkgen/fetch` against the same consumer of
 * openapi-fetch 0.17, each bundled and minified by esbuild for the browser, raw and gzipped:
 * as one file, and split as Vite, Rollup or webpack split it (what loads before the first call,
 * and the chunk sdkgen/fetch loads on first use: retries, redirects, masking).
 * `npx tsx bench/fetch-bundle-size.ts` prints a Markdown table (docs/fetch.md keeps the figures).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The consumer: one typed GET, its data printed. */
const consumer = (from: string): string => `import createClient from '${from}';
const client = createClient({ baseUrl: 'https://api.example.com/v1' });
const { data, error } = await client.GET('/pets/{id}', { params: { path: { id: 1 } } });
console.log(data ?? error);
`;

interface Size {
  readonly raw: number;
  readonly gzip: number;
}

/** The bundle's files: the entry first, then the chunks it loads lazily. */
async function bundle(from: string, dir: string, splitting: boolean): Promise<Size[]> {
  const entry = join(dir, `${from.replace(/\W/g, '-')}.js`);
  writeFileSync(entry, consumer(from));
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    splitting,
    outdir: join(dir, 'out'),
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    absWorkingDir: ROOT,
    nodePaths: [join(ROOT, 'node_modules')],
    alias: { 'sdkgen/fetch': join(ROOT, 'generator/fetch/index.ts') },
    logLevel: 'warning',
  });
  // esbuild names the lazily loaded parts chunk-<hash>.js.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(a.path.includes('chunk-')) - Number(b.path.includes('chunk-')),
  );
  return files.map((file) => ({
    raw: file.contents.byteLength,
    gzip: gzipSync(file.contents, { level: 9 }).byteLength,
  }));
}

const sum = (sizes: Size[]): Size => ({
  raw: sizes.reduce((n, s) => n + s.raw, 0),
  gzip: sizes.reduce((n, s) => n + s.gzip, 0),
});
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const row = (name: string, size: Size | undefined): string =>
  size === undefined ? '' : `| ${name} | ${kb(size.raw)} | ${kb(size.gzip)} |`;

const dir = mkdtempSync(join(tmpdir(), 'sdkgen-fetch-size-'));
try {
  const theirs = sum(await bundle('openapi-fetch', dir, false));
  const oursWhole = sum(await bundle('sdkgen/fetch', dir, false));
  const [entry, ...lazy] = await bundle('sdkgen/fetch', dir, true);
  console.log('| one-call consumer, esbuild --bundle --minify | minified | gzipped |');
  console.log('| --- | --- | --- |');
  console.log(row('openapi-fetch 0.17.0', theirs));
  console.log(row('sdkgen/fetch, one file', oursWhole));
  console.log(row('sdkgen/fetch, split: loaded before the first call', entry));
  console.log(row('sdkgen/fetch, split: loaded on first retry, redirect or error', sum(lazy)));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
