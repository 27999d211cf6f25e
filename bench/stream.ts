// Event streams through the generated client against a hand-written loop (fetch, TextDecoderStream,
// line splitting, JSON.parse), both reading the same 100,000 small events from a server in
// another process, in alternating rounds; and the client's heap over a stream 10 times as long.
// Part of `npm run bench` (BENCH_PARTS=stream).
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StreamBenchOptions {
  readonly root: string;
  readonly work: string;
  readonly runs: number;
  /** The streaming fixture's generated package (with dist/). */
  readonly client: string;
}

interface StreamFigures {
  readonly raw: number;
  readonly floor: number;
  readonly sdk: number;
  readonly ratio: number;
  readonly floorRatio: number;
  readonly overFloor: number;
  readonly heap: readonly number[];
}

/** A server in its own process that answers every request with `events` events of `{"id":"c<i>","delta":"x"}`, then [DONE]. */
const SERVER = `
import { createServer } from 'node:http';
const events = Number(process.argv[2]);
const batch = [];
for (let i = 0; i < 1000; i++) batch.push('data: {"id":"c' + i + '","delta":"x"}\\n\\n');
const chunk = Buffer.from(batch.join(''));
createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  let sent = 0;
  const write = () => {
    while (sent < events) {
      sent += 1000;
      if (!res.write(chunk)) return res.once('drain', write);
    }
    res.end('data: [DONE]\\n\\n');
  };
  write();
}).listen(0, '127.0.0.1', function () { console.log(this.address().port); });
`;

export async function streamBench(options: StreamBenchOptions): Promise<string[]> {
  const serverFile = join(options.work, 'sse-server.mjs');
  writeFileSync(serverFile, SERVER);
  const lines: string[] = [];
  for (const events of [100_000, 1_000_000]) {
    const child = spawn(process.execPath, [serverFile, String(events)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
    );
    try {
      const file = join(options.work, `stream-${events}.mjs`);
      writeFileSync(file, script(options, `http://127.0.0.1:${port}/v1`, events));
      const result = spawnSync(process.execPath, ['--expose-gc', file], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`stream bench failed:\n${result.stderr}`);
      const out = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as StreamFigures;
      if (events === 100_000) {
        lines.push(
          `  ${`${events.toLocaleString('en')} events, hand-written fetch + TextDecoderStream loop`.padEnd(66)} ${out.raw.toFixed(0)} ms (median)`,
          `  ${`${events.toLocaleString('en')} events, the same loop + items through an async iterator`.padEnd(66)} ${out.floor.toFixed(0)} ms (median)`,
          `  ${`${events.toLocaleString('en')} events, generated client, for await over a Stream`.padEnd(66)} ${out.sdk.toFixed(0)} ms (median)`,
          `  ${'iterator loop / hand-written: the floor of any for await API'.padEnd(66)} ${out.floorRatio.toFixed(3)}×`,
          `  ${'client / hand-written (median of per-round ratios)'.padEnd(66)} ${out.ratio.toFixed(3)}×${out.ratio <= 1.1 ? '  ✓ ≤ 1.10×' : '  ✗ target ≤ 1.10×'}`,
          `  ${'client / iterator loop'.padEnd(66)} ${out.overFloor.toFixed(3)}×${out.overFloor <= 1.1 ? '  ✓ ≤ 1.10×' : '  ✗ ≤ 1.10×'}`,
        );
      } else {
        const [first = 0, ...rest] = out.heap;
        const growth = Math.max(...rest) - first;
        lines.push(
          `  ${`heap after GC every 100,000 of ${events.toLocaleString('en')} events (MB)`.padEnd(66)} ${out.heap.map((b) => (b / 1e6).toFixed(1)).join(' ')}${growth < 1e6 ? '  ✓ flat' : '  ✗ grows'}`,
        );
      }
    } finally {
      child.kill();
    }
  }
  return lines;
}

function script(options: StreamBenchOptions, base: string, events: number): string {
  return `import Chat from ${JSON.stringify(join(options.client, 'dist/index.js'))};
const base = ${JSON.stringify(base)};
const client = new Chat({ apiKey: 'k', baseURL: base, maxRetries: 0 });

// The floor: what any code reading these events does by hand.
async function raw() {
  const response = await fetch(base + '/completions', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: '{"prompt":"x","stream":true}' });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '', count = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += value;
    let at;
    while ((at = buffer.indexOf('\\n\\n')) !== -1) {
      const event = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      const data = event.slice(6);
      if (data === '[DONE]') return count;
      if (JSON.parse(data).delta === 'x') count++;
    }
  }
  return count;
}

// The same loop handing each item through a minimal async iterator, as any \`for await\` API must:
// what the iteration protocol itself costs (a promise and a microtask per item), with no client.
async function floor() {
  const response = await fetch(base + '/completions', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: '{"prompt":"x","stream":true}' });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '', items = [], index = 0, ended = false;
  const iterator = {
    async next() {
      for (;;) {
        if (index < items.length) return { done: false, value: items[index++] };
        if (ended) return { done: true, value: undefined };
        const { done, value } = await reader.read();
        if (done) { ended = true; continue; }
        buffer += value; items = []; index = 0;
        let at;
        while ((at = buffer.indexOf('\\n\\n')) !== -1) {
          const data = buffer.slice(6, at);
          buffer = buffer.slice(at + 2);
          if (data === '[DONE]') { ended = true; break; }
          items.push(JSON.parse(data));
        }
      }
    },
  };
  let count = 0;
  for await (const chunk of { [Symbol.asyncIterator]: () => iterator }) if (chunk.delta === 'x') count++;
  return count;
}

async function sdk(heap) {
  let count = 0;
  for await (const chunk of await client.completions.create({ prompt: 'x', stream: true })) {
    if (chunk.delta === 'x') count++;
    if (heap !== undefined && count % 100000 === 0) { globalThis.gc(); heap.push(process.memoryUsage().heapUsed); }
  }
  return count;
}

const time = async (f) => { const t = performance.now(); const n = await f(); if (n !== ${events}) throw new Error('read ' + n); return performance.now() - t; };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
if (${events} > 100000) {
  const heap = [];
  await sdk(heap);
  console.log(JSON.stringify({ raw: 0, sdk: 0, ratio: 0, heap }));
} else {
  await time(raw); await time(floor); await time(() => sdk());
  const raws = [], floors = [], sdks = [], ratios = [], floorRatios = [], overFloor = [];
  const loops = [[raw, raws], [floor, floors], [() => sdk(), sdks]];
  for (let round = 0; round < ${Math.max(21, options.runs * 5)}; round++) {
    // Rotating which goes first: each pays for the others' garbage equally often.
    const t = [];
    for (let k = 0; k < 3; k++) { const [f, into] = loops[(round + k) % 3]; const ms = await time(f); into.push(ms); t[(round + k) % 3] = ms; }
    ratios.push(t[2] / t[0]); floorRatios.push(t[1] / t[0]); overFloor.push(t[2] / t[1]);
  }
  console.log(JSON.stringify({ raw: median(raws), floor: median(floors), sdk: median(sdks), ratio: median(ratios), floorRatio: median(floorRatios), overFloor: median(overFloor), heap: [] }));
}
`;
}
