import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { countOperations } from './command.js';
import { SpecError } from './diagnostics.js';
import { diffCommand } from './diff/diff-command.js';
import { mockCommand } from './mock/mock-command.js';
import { generateInParallel } from './generate-parallel.js';
import { finishInterruptedWrite, hasInterruptedWrite, planOutput, writeOutput } from './write/write-output.js';

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

const HELP = `Usage: sdkgen generate [options]
       sdkgen diff <base-spec> <head-spec> | --base <git-ref> [spec]   (sdkgen diff --help)

Generates a TypeScript client package from an OpenAPI 3.0/3.1 description.

Options:
  --spec <file>   the OpenAPI document (YAML or JSON)        default: spec/openapi.yaml
  --out <dir>     the package folder to write                default: generated
  --check         write nothing; exit 1 and list the files that differ from what the spec gives
  --no-dist       skip compiling dist/ (JavaScript + declarations)
  --allow-remote-refs
                  follow $refs to http(s) URLs (refused by default)
  --quiet         print only errors
  --debug         print stack traces of internal errors
  -h, --help      show this help

Exit codes: 0 success; 1 the spec has errors, or --check found stale files; 2 wrong usage; 3 internal error.`;

export interface CliIO {
  readonly cwd: string;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const defaultIO: CliIO = {
  cwd: process.cwd(),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** `worker`: the model worker's entry, when the CLI runs from a bundle. */
export async function main(argv: readonly string[], io: CliIO = defaultIO, worker?: URL): Promise<number> {
  if (argv[0] === 'diff') return diffCommand(argv.slice(1), { cwd: io.cwd, out: (text) => io.out(text.replace(/\n$/, '')), err: io.err });
  if (argv[0] === 'mock') return mockCommand(argv.slice(1), io);
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.err(`sdkgen: ${(error as Error).message}\n\n${HELP}`);
    return EXIT.usage;
  }
  if (args.values.help === true) {
    io.out(HELP);
    return EXIT.ok;
  }
  const [command, ...extra] = args.positionals;
  if (command !== 'generate' || extra.length > 0) {
    io.err(`sdkgen: ${command === undefined ? 'no command given' : `unknown command "${[command, ...extra].join(' ')}"`}\n\n${HELP}`);
    return EXIT.usage;
  }
  try {
    return await runGenerate(args.values, io, worker);
  } catch (error) {
    if (error instanceof SpecError) {
      io.err(error.message);
      io.err(`sdkgen: ${error.diagnostics.filter((d) => d.severity === 'error').length} error(s); nothing was written.`);
      return EXIT.failed;
    }
    io.err(`sdkgen: internal error: ${(error as Error).message}`);
    if (args.values.debug === true) io.err(String((error as Error).stack));
    else io.err('Run again with --debug for the stack trace, and report it with the spec that caused it.');
    return EXIT.internal;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    allowNegative: true,
    options: {
      spec: { type: 'string', default: 'spec/openapi.yaml' },
      out: { type: 'string', default: 'generated' },
      check: { type: 'boolean', default: false },
      dist: { type: 'boolean', default: true },
      'allow-remote-refs': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

async function runGenerate(options: ReturnType<typeof parse>['values'], io: CliIO, worker: URL | undefined): Promise<number> {
  const started = performance.now();
  const spec = options.spec ?? 'spec/openapi.yaml';
  const out = options.out ?? 'generated';
  const check = options.check === true;
  // Progress is for specs big enough to make people wait.
  const big = options.quiet !== true && fileSize(resolve(io.cwd, spec)) > BIG_SPEC_BYTES;
  const onProgress = big ? (message: string): void => io.err(`sdkgen: ${message}`) : undefined;
  const outDir = resolve(io.cwd, out);
  // A run killed mid-write left a journal: its generation is finished first, whatever this run does.
  if (!check && finishInterruptedWrite(outDir)) io.err(`sdkgen: finished the writes of an earlier run that was killed in ${out}/.`);
  const generation = await generateInParallel({ spec, out, cwd: io.cwd, dist: !check && options.dist !== false, onProgress, allowRemoteRefs: options['allow-remote-refs'] === true }, worker);
  for (const warning of generation.warnings) io.err(warning);
  if (check) {
    if (hasInterruptedWrite(outDir)) {
      io.err(`sdkgen: ${out}/ was left mid-write by a run that was killed; run \`${generation.command}\` to finish it.`);
      return EXIT.failed;
    }
    // dist/ is not committed, so only the sources count as stale.
    const plan = planOutput(outDir, generation.files.filter((f) => !f.path.startsWith('dist/')), ['src']);
    const stale = [...plan.changed.map((f) => f.path), ...plan.stale.map((p) => `${p} (no longer generated)`)];
    if (stale.length === 0) {
      if (options.quiet !== true) io.out(`sdkgen: ${out}/ is up to date with ${spec}.`);
      return EXIT.ok;
    }
    io.err(`sdkgen: ${out}/ differs from what ${spec} gives; run \`${generation.command}\`:`);
    for (const path of stale) io.err(`  ${out}/${path}`);
    return EXIT.failed;
  }
  const plan = planOutput(outDir, generation.files);
  writeOutput(outDir, plan);
  if (options.quiet !== true) {
    // Sources one by one, compiled dist/ files as a count: the sources are what people review.
    const inDist = (path: string): boolean => path.startsWith('dist/');
    const report = (verb: string, paths: readonly string[]): void => {
      for (const path of paths.filter((p) => !inDist(p))) io.out(`  ${verb.padEnd(7)} ${out}/${path}`);
      const compiled = paths.filter(inDist).length;
      if (compiled > 0) io.out(`  ${verb.padEnd(7)} ${out}/dist/ (${compiled} compiled files)`);
    };
    report('wrote', plan.changed.map((f) => f.path));
    report('deleted', plan.stale);
    const operations = countOperations(generation.model.root);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.out(
      `sdkgen: ${operations} operation(s), ${generation.model.schemas.length} schema(s) → ${out}/: ` +
        `${plan.changed.length} written, ${plan.unchanged.length} unchanged, ${plan.stale.length} deleted in ${seconds}s.`,
    );
  }
  return EXIT.ok;
}

const BIG_SPEC_BYTES = 256 * 1024;

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
