// Property-based fuzzing: mutated versions of the project's specs either generate a client
// that type-checks, or fail with diagnostics that say where; never a crash or a partial write.
// `npm test` runs FUZZ_RUNS cases (default 60); `npm run fuzz` runs many more.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../generator/diagnostics.js';
import { generate } from '../../generator/generate.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';
import { specCase, specText } from './mutations.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);
// `npm test` replays the same cases every time (CI must not fail at random); `npm run fuzz`
// (which sets FUZZ_RUNS) explores with a fresh seed, printed by fast-check on a failure.
const SEED =
  process.env['FUZZ_SEED'] !== undefined
    ? Number(process.env['FUZZ_SEED'])
    : process.env['FUZZ_RUNS'] === undefined
      ? 20_261_123
      : undefined;
const work = mkdtempSync(join(tmpdir(), 'sdkgen-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Outcome = 'generated' | 'diagnosed';

/** Runs one case in its own folder; throws (for fast-check to shrink) on anything but the two good outcomes. */
function runCase(text: string, dir: string): Outcome {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'openapi.yaml'), text);
  writeFileSync(join(dir, 'out-marker.txt'), 'a file of the user, in the output folder\n');
  let generation: ReturnType<typeof generate>;
  try {
    generation = generate({ spec: 'openapi.yaml', out: 'out', cwd: dir, dist: false });
  } catch (error) {
    if (!(error instanceof SpecError))
      throw new Error(`crash (${(error as Error).name}: ${(error as Error).message})`, { cause: error });
    const errors = error.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) throw new Error('a SpecError without an error diagnostic');
    for (const d of errors) {
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(d.code))
        throw new Error(`diagnostic code ${JSON.stringify(d.code)} is not stable-looking`);
      if (d.message.trim() === '') throw new Error(`${d.code}: empty message`);
      const at = d.location;
      if (at === undefined || at.file !== 'openapi.yaml' || !(at.line >= 1) || !(at.column >= 1)) {
        throw new Error(`${d.code} (${d.message}) has no position in openapi.yaml: ${JSON.stringify(at)}`);
      }
    }
    if (existsSync(join(dir, 'out'))) throw new Error('a failed run wrote output');
    return 'diagnosed';
  }
  writeOutput(join(dir, 'out'), planOutput(join(dir, 'out'), generation.files));
  writeFileSync(join(dir, 'client-class.txt'), generation.model.client.className);
  return 'generated';
}

describe('fuzzing mutated specs', () => {
  it(`${RUNS} cases: each generates a client that type-checks, or fails with located diagnostics`, () => {
    const counts: Record<Outcome, number> = { generated: 0, diagnosed: 0 };
    let n = 0;
    fc.assert(
      fc.property(specCase, (testCase) => {
        const dir = join(work, `case-${n++}`);
        rmSync(dir, { recursive: true, force: true });
        const started = performance.now();
        counts[runCase(specText(testCase), dir)]++;
        const seconds = (performance.now() - started) / 1000;
        if (seconds > 10) throw new Error(`took ${seconds.toFixed(1)} s`);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    console.log(`fuzz: ${RUNS} cases, ${counts.generated} generated, ${counts.diagnosed} diagnosed`);
    expect(counts.generated + counts.diagnosed).toBe(RUNS);
    expect(counts.generated).toBeGreaterThan(0);
    expect(counts.diagnosed).toBeGreaterThan(0);

    // Every generated client, type-checked together in one program (one tsc run, not one per case).
    const generated = readdirSync(work).filter((name) => existsSync(join(work, name, 'out/src/index.ts')));
    const options = (
      JSON.parse(readFileSync(join(work, generated[0] as string, 'out/tsconfig.json'), 'utf8')) as {
        compilerOptions: Record<string, unknown>;
      }
    ).compilerOptions;
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...options, noEmit: true, rootDir: undefined, outDir: undefined },
        include: generated.map((name) => `${name}/out/src`),
      }),
    );
    let output = '';
    try {
      execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(work, 'tsconfig.json')],
        { encoding: 'utf8', maxBuffer: 64 << 20 },
      );
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    const failing = [...new Set([...output.matchAll(/^(case-\d+)\//gm)].map((m) => m[1] as string))];
    const first = failing[0];
    expect(
      output,
      first === undefined ? '' : `spec of ${first}:\n${readFileSync(join(work, first, 'openapi.yaml'), 'utf8')}`,
    ).toBe('');
  }, 600_000);
});
