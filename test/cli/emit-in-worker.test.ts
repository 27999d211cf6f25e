import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../generator/diagnostics.js';
import { emitSources } from '../../generator/emit/emit-package.js';
import type { OutputFile } from '../../generator/emit/output-file.js';
import { type GenerateOptions, generate } from '../../generator/generate.js';
import { generateInParallel } from '../../generator/generate-parallel.js';
import { countsOf } from '../../generator/run-summary.js';
import { keepsPristine, pristineFile } from '../../generator/write/pristine.js';
import { temporaryName, WriteAhead } from '../../generator/write/write-ahead.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';
import { HAS_OPENAI_SPEC, OPENAI_SPEC } from '../helpers/shared.js';
import { openapi, specDir } from '../helpers/spec-files.js';
import { readTree } from '../helpers/tree.js';

// `sdkgen generate` models and emits in the worker (generator/model-worker.ts), which posts the
// sources in batches; the main thread compiles and compresses each batch, then finishes the
// package (generator/generate-parallel.ts). It must make what `generate()` makes in one thread.

const run = promisify(execFile);
const WORKER = new URL('../../bin/model-worker.js', import.meta.url);
const dir = specDir({
  'openapi.yaml': openapi(`paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: array, items: { $ref: '#/components/schemas/Pet' } }
  /pets/{id}/toys:
    get:
      operationId: listToys
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
components:
  schemas:
    Pet: { type: object, properties: { name: { type: string, optional: true } } }
`),
  'broken.yaml': openapi('paths: {}\ncomponents:\n  schemas:\n    Pet: { type: object, x-sdkgen-nam: Animal }\n'),
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Both pipelines on the same options: what each made. */
async function both(options: GenerateOptions) {
  const parallel = await generateInParallel(options, WORKER);
  const single = generate(options);
  return { parallel, single };
}

/** Runs `generateInParallel` with SDKGEN_FAULT_EMIT_AFTER_FILES set for the worker it starts. */
async function withEmitFault<T>(afterFiles: number, body: () => Promise<T>): Promise<T> {
  process.env['SDKGEN_FAULT_EMIT_AFTER_FILES'] = String(afterFiles);
  try {
    return await body();
  } finally {
    delete process.env['SDKGEN_FAULT_EMIT_AFTER_FILES'];
  }
}

describe('the CLI pipeline, emitting in the model worker', () => {
  it.each([
    ['a small spec with a key warning', dir, 'openapi.yaml', true],
    ['the same without dist/', dir, 'openapi.yaml', false],
    ['the repository spec', ROOT, 'spec/openapi.yaml', true],
    ['a spec of several files', ROOT, 'test/fixtures/multi-file/openapi.yaml', true],
    ['an OData spec shaped as Microsoft Graph', ROOT, 'test/fixtures/odata-graph/openapi.json', true],
  ])('makes the files, warnings, command and counts generate() makes: %s', async (_, cwd, spec, dist) => {
    const { parallel, single } = await both({ spec, out: 'out', cwd, dist });
    expect(parallel.files).toEqual(single.files);
    expect(parallel.warnings).toEqual(single.warnings);
    expect(parallel.command).toBe(single.command);
    expect(parallel.inputs).toEqual(single.inputs);
    expect(parallel.counts).toEqual(countsOf(single.model));
  });

  it.skipIf(!HAS_OPENAI_SPEC)(
    'makes what generate() makes of openai.yaml (needs ../shared/specs/openai.yaml)',
    async () => {
      const { parallel, single } = await both({ spec: OPENAI_SPEC, out: 'out', cwd: dir });
      expect(parallel.files.length).toBe(single.files.length);
      expect(parallel.files).toEqual(single.files);
    },
  );

  it('gets the sources in batches, in the order they are made, every one of them', async () => {
    const batches: (readonly OutputFile[])[] = [];
    const options = { spec: 'spec/openapi.yaml', out: 'out', cwd: ROOT };
    await generateInParallel(options, WORKER, {
      batch: { files: 3, chars: Number.POSITIVE_INFINITY },
      onBatch: (files) => batches.push(files),
    });
    const made = emitSources(generate(options).model, generate(options).command);
    expect(batches.flat().map((f) => f.path)).toEqual(made.map((f) => f.path));
    expect(batches.slice(0, -1).every((batch) => batch.length === 3)).toBe(true);
    expect(batches.at(-1)?.length).toBeGreaterThan(0);
  });

  it('gets a summary, never the model', async () => {
    const parallel = await generateInParallel({ spec: 'openapi.yaml', out: 'out', cwd: dir }, WORKER);
    expect(Object.keys(parallel).sort()).toEqual(
      ['command', 'counts', 'files', 'inputs', 'pristineMembers', 'warnings', 'workerExited'].sort(),
    );
    // The worker, done, exits on its own while the run goes on.
    await expect(parallel.workerExited).resolves.toBeUndefined();
    expect(parallel.counts.operations).toBe(2);
  });

  it('compresses every source but the API report ahead, as the pristine copy has them', async () => {
    const parallel = await generateInParallel({ spec: 'openapi.yaml', out: 'out', cwd: dir }, WORKER);
    const sources = parallel.files.filter((f) => keepsPristine(f.path) && f.path !== 'api-report.md');
    expect([...(parallel.pristineMembers?.keys() ?? [])].sort()).toEqual(sources.map((f) => f.path).sort());
  });

  it('throws the SpecError generate() throws, with the same formatted diagnostics', async () => {
    const failed = await generateInParallel({ spec: 'broken.yaml', out: 'out', cwd: dir }, WORKER).catch((e) => e);
    let expected: unknown;
    try {
      generate({ spec: 'broken.yaml', out: 'out', cwd: dir });
    } catch (error) {
      expected = error;
    }
    expect(failed).toBeInstanceOf(SpecError);
    expect((failed as SpecError).formatted).toEqual((expected as SpecError).formatted);
  });

  it('fails when the worker fails mid-emit, after some batches arrived, and the worker has exited', async () => {
    let exited = false;
    let batches = 0;
    const failed = await withEmitFault(4, () => {
      // A worker's environment is the one it starts with.
      const worker = new Worker(WORKER);
      worker.once('exit', () => (exited = true));
      return generateInParallel({ spec: 'spec/openapi.yaml', out: 'out', cwd: ROOT }, worker, {
        batch: { files: 1, chars: Number.POSITIVE_INFINITY },
        onBatch: () => (batches += 1),
      }).catch((e: Error) => e);
    });
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toMatch(/^the model worker failed: Error: fault injected after 4 files/);
    expect(batches).toBe(4);
    expect(exited).toBe(true);
  });

  it('ends the worker when this thread fails on a batch, and fails with that error', async () => {
    const worker = new Worker(WORKER);
    let exited = false;
    worker.once('exit', () => (exited = true));
    const failed = await generateInParallel({ spec: 'spec/openapi.yaml', out: 'out', cwd: ROOT }, worker, {
      batch: { files: 1, chars: Number.POSITIVE_INFINITY },
      onBatch: () => {
        throw new Error('this thread failed');
      },
    }).catch((e: Error) => e);
    expect((failed as Error).message).toBe('this thread failed');
    expect(exited).toBe(true);
  });
});

/** Every file below `root`, with its modification time and text. */
function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(readTree(root)).map(([path, text]) => [path, `${statSync(join(root, path)).mtimeMs} ${text}`]),
  );
}

/** `sdkgen generate --spec openapi.yaml --out <out>` in `dir`: its exit code and stderr. */
const cli = (out: string, env: Record<string, string> = {}) =>
  run(process.execPath, [join(ROOT, 'bin/sdkgen.js'), 'generate', '--spec', 'openapi.yaml', '--out', out], {
    cwd: dir,
    env: { ...process.env, ...env },
  }).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );

describe('sdkgen generate, when the worker fails mid-emit', () => {
  it('says so, exits 3 and writes nothing into a new folder', async () => {
    const { code, stderr } = await cli('new-out', { SDKGEN_FAULT_EMIT_AFTER_FILES: '3' });
    expect(code).toBe(3);
    expect(stderr).toContain('sdkgen: internal error: the model worker failed: Error: fault injected after 3 files');
    expect(existsSync(join(dir, 'new-out'))).toBe(false);
  });

  it('leaves an earlier output as it was', async () => {
    expect((await cli('kept-out')).code).toBe(0);
    const before = snapshot(join(dir, 'kept-out'));
    const { code } = await cli('kept-out', { SDKGEN_FAULT_EMIT_AFTER_FILES: '3' });
    expect(code).toBe(3);
    expect(snapshot(join(dir, 'kept-out'))).toEqual(before);
  });
});

describe('the CLI pipeline into a new folder, writing each batch ahead', () => {
  const REPORT = 'api-report.md';
  const options = { spec: 'spec/openapi.yaml', out: 'out', cwd: ROOT };

  it('keeps no text it wrote ahead: every file by path, the API report too, and the pristine copy of all', async () => {
    const out = join(dir, 'ahead');
    const writeAhead = WriteAhead.into(out);
    const parallel = await generateInParallel(options, WORKER, {
      writeAhead,
      batch: { files: 3, chars: Number.POSITIVE_INFINITY },
    });
    const single = generate(options);
    expect(parallel.files).toEqual([]);
    expect(parallel.pristineMembers).toBeUndefined();
    expect([...(parallel.writtenAhead?.files ?? [])].sort((a, b) => (a.path < b.path ? -1 : 1))).toEqual(
      single.files.map((file) => ({ path: file.path, writtenAhead: true })),
    );
    expect(parallel.writtenAhead?.pristine).toEqual(pristineFile(single.files));
    for (const file of single.files)
      expect(readFileSync(join(out, temporaryName(file.path)), 'utf8'), file.path).toBe(file.contents);
    writeAhead?.discard();
    expect(existsSync(out)).toBe(false);
  });

  it('writes no dist/ ahead without it, and makes the API report all the same', async () => {
    const out = join(dir, 'ahead-no-dist');
    const writeAhead = WriteAhead.into(out);
    const parallel = await generateInParallel({ ...options, dist: false }, WORKER, { writeAhead });
    const single = generate({ ...options, dist: false });
    expect(parallel.files).toEqual([]);
    expect(parallel.writtenAhead?.files.map((file) => file.path).sort()).toEqual(single.files.map((file) => file.path));
    expect(readFileSync(join(out, temporaryName(REPORT)), 'utf8')).toBe(
      single.files.find((file) => file.path === REPORT)?.contents,
    );
    writeAhead?.discard();
  });

  it('leaves no file and no folder when this thread fails after some batches were written', async () => {
    const out = join(dir, 'ahead-failed');
    const writeAhead = WriteAhead.into(out);
    let batches = 0;
    const failed = await generateInParallel(options, WORKER, {
      writeAhead,
      batch: { files: 2, chars: Number.POSITIVE_INFINITY },
      onBatch: () => {
        if (++batches === 4) throw new Error('this thread failed');
      },
    }).catch((e: Error) => e);
    expect((failed as Error).message).toBe('this thread failed');
    expect(existsSync(out)).toBe(true);
    writeAhead?.discard();
    expect(existsSync(out)).toBe(false);
  });

  it('ends with the folder the whole output written at once makes', async () => {
    expect((await cli('fresh')).code).toBe(0);
    const alone = join(dir, 'alone');
    writeOutput(alone, planOutput(alone, generate({ spec: 'openapi.yaml', out: 'fresh', cwd: dir }).files));
    expect(readTree(join(dir, 'fresh'))).toEqual(readTree(alone));
  });
});
