import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

// openapi-fetch's suite checks half of what it promises with tsc (`lint:ts`): `@ts-expect-error`
// on calls that must not compile, `assertType` on what must. Vitest runs the other half. This
// runs their two tsc projects (strict, and without strictNullChecks) against sdkgen/fetch.
const SUITE = join(ROOT, 'test/fetch/openapi-fetch');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** tsc's error lines for a project, paths relative to the suite. */
async function typeErrors(project: string): Promise<string[]> {
  const run = promisify(execFile)(process.execPath, [TSC, '-p', project, '--pretty', 'false'], { cwd: SUITE });
  const output = await run.then(
    ({ stdout }) => stdout,
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
  return output
    .split('\n')
    .filter((line) => /error TS\d+/.test(line))
    .map((line) => line.replace(/\(\d+,\d+\)/, ''));
}

describe('openapi-fetch 0.17’s type tests, against sdkgen/fetch', () => {
  it('compile under their strict tsconfig, but for the GitHub example whose schema is not vendored (docs/fetch.md)', async () => {
    expect(await typeErrors('.')).toEqual([
      "test/examples/examples.test.ts: error TS2307: Cannot find module './schemas/github.js' or its corresponding type declarations.",
    ]);
  });

  it('compile without strictNullChecks', async () => {
    expect(await typeErrors('test/no-strict-null-checks')).toEqual([]);
  });
});
