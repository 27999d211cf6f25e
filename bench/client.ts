// The generated client's own costs: auto-pagination against a raw fetch loop, memory over
// 200,000 items, and the size of a bundled consumer. Part of `npm run bench`.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface ClientBenchOptions {
  readonly root: string;
  readonly work: string;
  readonly runs: number;
  /** Generated packages (with dist/) to measure the bundle of: name → folder. */
  readonly packages: Readonly<Record<string, string>>;
  /** The generated admin client's folder, for the pagination and memory runs. */
  readonly admin: string;
}

/** Starts bench/page-server.js with `items` groups; resolves to its base URL. */
async function pageServer(root: string, items: number): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn(process.execPath, [join(root, 'bench/page-server.js'), String(items)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('error', reject);
  });
  return { url: `http://127.0.0.1:${port}/v1`, stop: () => child.kill() };
}

function runScript(work: string, name: string, code: string, args: readonly string[] = []): unknown {
  const file = join(work, name);
  writeFileSync(file, code);
  const result = spawnSync(process.execPath, [...args, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${name} failed:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? 'null');
}

interface PaginationRounds {
  readonly raw: number;
  readonly rawTimeout: number;
  readonly rawIterated: number;
  readonly sdk: number;
  readonly strict: number;
  readonly timeoutRatio: number;
  readonly iteratedRatio: number;
  readonly sdkRatio: number;
  /** The client with `validate: 'strict'` over the same client with validation off. */
  readonly strictRatio: number;
}

/**
 * Walks `items` items in pages of 100 from a fresh page server, `rounds` times with each loop:
 * the raw fetch loop, the same with a timeout, that with its items through an async iterator,
 * and the generated client. Medians of the times, and of each loop's per-round ratio to raw.
 */
async function paginationRounds(options: ClientBenchOptions, items: number, rounds: number): Promise<PaginationRounds> {
  const entry = JSON.stringify(join(options.admin, 'dist/index.js'));
  const validation = JSON.stringify(join(options.admin, 'dist/validation.js'));
  const server = await pageServer(options.root, items);
  try {
    return runScript(
      options.work,
      `paginate-${items}.mjs`,
      `import OpenAI from ${entry};
import { validator } from ${validation};
const base = ${JSON.stringify(server.url)};
const client = new OpenAI({ adminAPIKey: 'sk-bench', baseURL: base });
const strictClient = new OpenAI({ adminAPIKey: 'sk-bench', baseURL: base, validate: 'strict', validator });
const pageURL = (after) => base + '/organization/projects/proj_abc/groups?limit=100' + (after === undefined ? '' : '&after=' + encodeURIComponent(after));
async function raw() {
  let after, count = 0;
  for (;;) {
    const response = await fetch(pageURL(after), { headers: { authorization: 'Bearer sk-bench', accept: 'application/json' } });
    const page = await response.json();
    for (const item of page.data) count += item.group_id.length > 0 ? 1 : 0;
    if (!page.has_more || !page.next) return count;
    after = page.next;
  }
}
// One page with what any production client needs per request: a timeout that aborts the fetch.
async function timedPage(after) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 600000);
  const response = await fetch(pageURL(after), { headers: { authorization: 'Bearer sk-bench', accept: 'application/json' }, signal: controller.signal });
  const page = await response.json();
  clearTimeout(timer);
  return page;
}
// The raw loop with that timeout. Not the target's baseline; it shows how much of the gap is
// undici's cost of a signal.
async function rawTimeout() {
  let after, count = 0;
  for (;;) {
    const page = await timedPage(after);
    for (const item of page.data) count += item.group_id.length > 0 ? 1 : 0;
    if (!page.has_more || !page.next) return count;
    after = page.next;
  }
}
// The timeout loop again, its items handed out through an async iterator at one resolved
// promise per item: the least that a client with timeouts and \`for await\` over items can cost.
function rawIterable() {
  let after, page, index = 0, last = false;
  async function nextPage() {
    for (;;) {
      if (page !== undefined && index < page.data.length) return { value: page.data[index++], done: false };
      if (last) return { value: undefined, done: true };
      page = await timedPage(after);
      index = 0;
      if (!page.has_more || !page.next) last = true;
      else after = page.next;
    }
  }
  return {
    next: () => (page !== undefined && index < page.data.length ? Promise.resolve({ value: page.data[index++], done: false }) : nextPage()),
    [Symbol.asyncIterator]() { return this; },
  };
}
async function rawIterated() {
  let count = 0;
  for await (const item of rawIterable()) count += item.group_id.length > 0 ? 1 : 0;
  return count;
}
async function sdk() {
  let count = 0;
  for await (const item of client.admin.organization.projects.groups.list('proj_abc', { limit: 100 })) count += item.group_id.length > 0 ? 1 : 0;
  return count;
}
// The client again, each page's body checked against the spec before its items are handed out.
async function strict() {
  let count = 0;
  for await (const item of strictClient.admin.organization.projects.groups.list('proj_abc', { limit: 100 })) count += item.group_id.length > 0 ? 1 : 0;
  return count;
}
const times = { raw: [], rawTimeout: [], rawIterated: [], sdk: [], strict: [] };
const loops = [['raw', raw], ['rawTimeout', rawTimeout], ['rawIterated', rawIterated], ['sdk', sdk], ['strict', strict]];
for (let i = 0; i < ${rounds} + 1; i++) {
  // Each round starts one loop later, so every loop follows every other equally often: a walk
  // leaves garbage (and undici's per-request state) that the next walk's collections pay for.
  for (const [name, fn] of loops.map((_, k) => loops[(i + k) % loops.length])) {
    const start = performance.now();
    const count = await fn();
    if (count !== ${items}) throw new Error(name + ' saw ' + count + ' items');
    if (i > 0) times[name].push(performance.now() - start); // the first round warms up every loop
  }
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
// Rounds alternate the loops, so the median of per-round ratios cancels the shared machine's drift.
const ratio = (name, base = 'raw') => median(times[name].map((t, i) => t / times[base][i]));
console.log(JSON.stringify({ raw: median(times.raw), rawTimeout: median(times.rawTimeout), rawIterated: median(times.rawIterated), sdk: median(times.sdk), strict: median(times.strict), timeoutRatio: ratio('rawTimeout'), iteratedRatio: ratio('rawIterated'), sdkRatio: ratio('sdk'), strictRatio: ratio('strict', 'sdk') }));`,
    ) as PaginationRounds;
  } finally {
    server.stop();
  }
}

/**
 * A credential function that hands out a new key for every request against a fixed key: 10,000
 * distinct keys in rounds of 250 concurrent requests, the two clients alternating, which goes
 * first swapping each round (the median of the ratios of pairs of rounds cancels the shared
 * machine's drift and the order's effect), and the heap after a full GC every 2,500 requests.
 */
export async function credentialBench(options: Pick<ClientBenchOptions, 'root' | 'work' | 'admin'>): Promise<string[]> {
  const entry = JSON.stringify(join(options.admin, 'dist/index.js'));
  const server = await pageServer(options.root, 100);
  try {
    const result = runScript(
      options.work,
      'credential-functions.mjs',
      `import OpenAI from ${entry};
const base = ${JSON.stringify(server.url)};
let n = 0;
const clients = {
  fixed: new OpenAI({ adminAPIKey: 'sk-bench-fixed-key', baseURL: base }),
  rotating: new OpenAI({ adminAPIKey: () => 'sk-bench-' + String(++n).padStart(8, '0'), baseURL: base }),
};
const BATCH = 250, ROUNDS = 40;
async function round(client) {
  const start = performance.now();
  await Promise.all(Array.from({ length: BATCH }, () => client.admin.organization.projects.groups.list('proj_abc', { limit: 1 })));
  return performance.now() - start;
}
const heap = () => { globalThis.gc(); globalThis.gc(); return process.memoryUsage().heapUsed; };
// Warm-up rounds of each, unmeasured; their keys are not counted.
for (let i = 0; i < 4; i++) { await round(clients.fixed); await round(clients.rotating); }
n = 0;
const times = { fixed: [], rotating: [] };
const heaps = { fixed: [], rotating: [] };
for (let i = 0; i < ROUNDS; i++) {
  for (const name of i % 2 === 0 ? ['fixed', 'rotating'] : ['rotating', 'fixed']) {
    times[name].push(await round(clients[name]));
    if (i % 10 === 9) heaps[name].push(heap());
  }
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
// Rounds alternate which client goes first; a pair of rounds cancels the order's own effect.
const ratios = [];
for (let i = 0; i + 1 < ROUNDS; i += 2) ratios.push((times.rotating[i] + times.rotating[i + 1]) / (times.fixed[i] + times.fixed[i + 1]));
const sum = (v) => v.reduce((a, b) => a + b, 0);
const growth = (v) => v.at(-1) - v[0];
console.log(JSON.stringify({ keys: n, fixed: sum(times.fixed), rotating: sum(times.rotating), ratio: median(ratios), firstRounds: ratios.slice(0, 3), lastRounds: ratios.slice(-3), fixedGrowth: growth(heaps.fixed), growth: growth(heaps.rotating) }));`,
      ['--expose-gc'],
    ) as {
      keys: number;
      fixed: number;
      rotating: number;
      ratio: number;
      firstRounds: number[];
      lastRounds: number[];
      fixedGrowth: number;
      growth: number;
    };
    const rounds = (v: number[]): string => v.map((r) => r.toFixed(2)).join(' ');
    return [
      `  ${`10,000 requests (40 rounds of 250 at once): one fixed key`.padEnd(58)} ${(result.fixed / 1000).toFixed(3)} s`,
      `  ${`the same, a credential function giving ${result.keys.toLocaleString('en')} distinct keys`.padEnd(58)} ${(result.rotating / 1000).toFixed(3)} s`,
      `  ${'distinct keys / one key (median of per-pair ratios)'.padEnd(58)} ${result.ratio.toFixed(2)}×${result.ratio <= 1.1 ? '  ✓ within 1.10×' : '  ✗ target ≤ 1.10×'} (first rounds ${rounds(result.firstRounds)}, last ${rounds(result.lastRounds)})`,
      `  ${'heap growth over keys 2,500 → 10,000: distinct / one key'.padEnd(58)} ${(result.growth / 1024).toFixed(0)} kB / ${(result.fixedGrowth / 1024).toFixed(0)} kB${result.growth - Math.max(result.fixedGrowth, 0) < 512 * 1024 ? '  ✓ flat (adds < 512 kB)' : '  ✗ grows'}`,
    ];
  } finally {
    server.stop();
  }
}

export async function clientBench(options: ClientBenchOptions): Promise<string[]> {
  const lines: string[] = [...(await credentialBench(options))];
  const entry = JSON.stringify(join(options.admin, 'dist/index.js'));

  // 20,000 items in pages of 100, every loop in one process, rotating, median of per-round ratios.
  const long = await paginationRounds(options, 20_000, Math.max(options.runs, 41));
  const ratio = long.sdkRatio;
  lines.push(
    `  ${'auto-paginate 20,000 items (pages of 100): raw fetch loop'.padEnd(58)} ${(long.raw / 1000).toFixed(3)} s`,
    `  ${'the same raw loop with a timeout (AbortController per request)'.padEnd(58)} ${(long.rawTimeout / 1000).toFixed(3)} s (${long.timeoutRatio.toFixed(2)}×)`,
    `  ${'…and its items through an async iterator (1 promise/item)'.padEnd(58)} ${(long.rawIterated / 1000).toFixed(3)} s (${long.iteratedRatio.toFixed(2)}×)`,
    `  ${'auto-paginate 20,000 items (pages of 100): generated client'.padEnd(58)} ${(long.sdk / 1000).toFixed(3)} s`,
    `  ${'client / raw fetch loop (median of per-round ratios)'.padEnd(58)} ${ratio.toFixed(2)}×${ratio <= 1.1 ? '  ✓ within 1.10×' : '  ✗ target ≤ 1.10×'}`,
    `  ${"the client with validate: 'strict' (every page checked)".padEnd(58)} ${(long.strict / 1000).toFixed(3)} s`,
    `  ${"validate: 'strict' / 'off' (median of per-round ratios)".padEnd(58)} ${long.strictRatio.toFixed(2)}×`,
  );
  // The same loops over many short walks: the median of 1,000 per-round ratios pins them down
  // to about ±1% on this noisy machine (two identical builds differed that much).
  const short = await paginationRounds(options, 2_000, 1_000);
  lines.push(
    `  ${'the same, 1,000 rounds of 2,000-item walks: timeout / iterated / client'.padEnd(58)} ${short.timeoutRatio.toFixed(3)}× / ${short.iteratedRatio.toFixed(3)}× / ${short.sdkRatio.toFixed(3)}×`,
  );

  // 200,000 items: the heap after a full GC, sampled as the walk goes, must not grow with the
  // count. Node's fetch itself retains a little per request, so a raw loop is measured too and
  // the client is judged on what it adds.
  const big = await pageServer(options.root, 200_000);
  try {
    const walk = (name: string, loop: string): number[] =>
      runScript(
        options.work,
        `memory-${name}.mjs`,
        `import OpenAI from ${entry};
const base = ${JSON.stringify(big.url)};
const client = new OpenAI({ adminAPIKey: 'sk-bench', baseURL: base });
const samples = [];
let count = 0;
let sampling = false;
const seen = () => { if (sampling && ++count % 20000 === 0) { globalThis.gc(); samples.push(process.memoryUsage().heapUsed); } };
// A first walk warms up the JIT and the HTTP stack unsampled; the second is the one measured.
for (let walk = 0; walk < 2; walk++) {
  sampling = walk === 1;
${loop}
}
console.log(JSON.stringify(samples));`,
        ['--expose-gc'],
      ) as number[];
    const raw = walk(
      'raw',
      `for (let after; ;) {
  const r = await fetch(base + '/organization/projects/proj_abc/groups?limit=100' + (after ? '&after=' + after : ''), { headers: { authorization: 'Bearer sk-bench' } });
  const page = await r.json();
  for (const _ of page.data) seen();
  if (!page.has_more) break;
  after = page.next;
}`,
    );
    const sdk = walk(
      'client',
      `for await (const _ of client.admin.organization.projects.groups.list('proj_abc', { limit: 100 })) seen();`,
    );
    const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(2);
    const growth = (samples: number[]): number => (samples.at(-1) ?? 0) - (samples[0] ?? 0);
    // What the client adds over fetch's own retention; a raw heap that happened to shrink
    // (GC timing) is counted as flat, so that it cannot make a flat client look as if it grew.
    const added = growth(sdk) - Math.max(growth(raw), 0);
    lines.push(
      `  ${'heap after GC every 20,000 items of a 2nd walk, client (MB)'.padEnd(58)} ${sdk.map(mb).join(' ')}`,
      `  ${'the same, raw fetch loop (MB)'.padEnd(58)} ${raw.map(mb).join(' ')}`,
      `  ${'growth over a second walk, 20,000 → 200,000: client / raw'.padEnd(58)} ${(growth(sdk) / 1024).toFixed(0)} kB / ${(growth(raw) / 1024).toFixed(0)} kB${added < 256 * 1024 ? '  ✓ flat (the client adds < 256 kB)' : '  ✗ the client grows'}`,
    );
  } finally {
    big.stop();
  }

  // A consumer that imports the client and walks one list, bundled and minified, gzipped: once
  // with the nested client, once with the core client and the standalone function.
  for (const [name, folder] of Object.entries(options.packages)) {
    const from = JSON.stringify(join(folder, 'dist/index.js'));
    const call = name === 'spec/' ? 'admin.organization.projects.groups' : 'organization.projects.groups';
    const consumers = {
      'nested client': `import OpenAI from ${from};\nconst client = new OpenAI();\nfor await (const g of client.${call}.list('proj_abc')) console.log(g.group_id);\n`,
      'core + function': `import { OpenAICore, listProjectGroups } from ${from};\nconst client = new OpenAICore();\nfor await (const g of listProjectGroups(client, 'proj_abc')) console.log(g.group_id);\n`,
      // What validation costs a bundle: the validator and the spec's schemas, only when imported.
      'nested, validating': `import OpenAI from ${from};\nimport { validator } from ${JSON.stringify(join(folder, 'dist/validation.js'))};\nconst client = new OpenAI({ validate: 'strict', validator });\nfor await (const g of client.${call}.list('proj_abc')) console.log(g.group_id);\n`,
    };
    for (const [style, code] of Object.entries(consumers)) {
      const consumer = join(options.work, `consumer-${`${name}-${style}`.replace(/\W+/g, '-')}.mjs`);
      writeFileSync(consumer, code);
      const result = await build({
        entryPoints: [consumer],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
      });
      const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
      const gz = gzipSync(bytes).length;
      const label = `bundle, one-list consumer (${style}), min+gzip — ${name}`;
      lines.push(
        `  ${label.padEnd(58)} ${(gz / 1024).toFixed(1)} kB (${(bytes.length / 1024).toFixed(1)} kB raw)${gz <= 10 * 1024 ? '  ✓ ≤ 10 kB' : '  ✗ target ≤ 10 kB'}`,
      );
    }
  }
  return lines;
}
