import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { generateInParallel } from '../../generator/generate-parallel.js';
import { ROOT } from '../helpers/paths.js';
import { openapi, specDir } from '../helpers/spec-files.js';

// bin/sdkgen.js starts the model worker before the CLI's modules load, so that the worker's own
// start is off the path; the worker waits for its request, which the CLI sends once it knows it.

const run = promisify(execFile);
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
              schema: { type: array, items: { type: object, properties: { name: { type: string, optional: true } } } }
`),
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the model worker, started before its request', () => {
  it('models what it is sent once it runs, as generate() does in one thread', async () => {
    const worker = new Worker(new URL('../../bin/model-worker.js', import.meta.url));
    await new Promise((online) => worker.once('online', online));
    const options = { spec: 'openapi.yaml', out: 'out', cwd: dir, dist: false };
    const parallel = await generateInParallel(options, worker);
    const single = generate(options);
    expect(parallel.files).toEqual(single.files);
    expect(parallel.warnings).toEqual(single.warnings);
    expect(parallel.warnings.map((w) => w.code)).toEqual(['key-unknown']);
  });

  it('keeps no run alive that does not use it', async () => {
    const { stdout } = await run(process.execPath, [join(ROOT, 'bin/sdkgen.js'), 'generate', '--help'], { cwd: dir });
    expect(stdout).toContain('sdkgen generate');
  });
});
