import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { specDir } from '../helpers/spec-files.js';

const run = promisify(execFile);
const dir = specDir({});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sdkgen generate, whose model worker prints through the main thread', () => {
  // The CLI exits as soon as it is done (bin/sdkgen.js); a worker's output is relayed by the
  // main thread's event loop, so the main thread waits for the worker's exit before it ends.
  it('prints what the worker prints last, as it exits', async () => {
    const preload = join(dir, 'preload.cjs');
    writeFileSync(
      preload,
      "if (!require('node:worker_threads').isMainThread) process.on('exit', () => console.error('the worker exits'));\n",
    );
    const { stderr } = await run(
      process.execPath,
      [join(ROOT, 'bin/sdkgen.js'), 'generate', '--spec', join(ROOT, 'spec/openapi.yaml'), '--out', 'out', '--quiet'],
      { cwd: dir, env: { ...process.env, NODE_OPTIONS: `--require ${preload}` } },
    );
    expect(stderr).toBe('the worker exits\n');
  });
});
