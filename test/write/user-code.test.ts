import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeEdits } from '../../generator/write/merge-edits.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';

const dir = mkdtempSync(join(tmpdir(), 'sdkgen-user-code-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('src/lib/ is the user’s', () => {
  const output = [
    { path: 'src/index.ts', contents: 'export {};\n' },
    { path: 'src/lib/helper.ts', contents: 'export {};\n' },
  ];

  it('is never merged into: an output with a file there is a generator bug', () => {
    expect(() => mergeEdits(join(dir, 'out'), output)).toThrow(
      "sdkgen emitted into src/lib/, which is the user's: src/lib/helper.ts",
    );
  });

  it('is never written by the writer, whatever plan it is given', () => {
    expect(() => writeOutput(join(dir, 'out'), planOutput(join(dir, 'out'), output))).toThrow(
      "sdkgen never writes or deletes in src/lib/, the user's: src/lib/helper.ts",
    );
  });
});
