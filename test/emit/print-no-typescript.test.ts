import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/**
 * Runs, in a fresh Node process, a spec through load, model and `emitPackage` (dist/ included),
 * then says which of ts-morph's and TypeScript's files that process loaded; then requires ts-morph
 * and says again, which shows the check sees them when they are there.
 */
async function loadedByEmit(spec: string): Promise<{ afterEmit: string[]; afterImport: string[]; files: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-no-ts-'));
  const script = join(dir, 'emit.mts');
  const from = (path: string): string => JSON.stringify(join(ROOT, path));
  writeFileSync(
    script,
    `import { createRequire } from 'node:module';
import { emitPackage } from ${from('generator/emit/emit-package.ts')};
import { loadSpec } from ${from('generator/load/load-spec.ts')};
import { buildModel } from ${from('generator/model/build-model.ts')};
const heavy = () => Object.keys(createRequire(import.meta.url).cache)
  .filter((path) => /[\\\\/]node_modules[\\\\/](ts-morph|typescript|@ts-morph)[\\\\/]/.test(path));
const { model } = buildModel(loadSpec(${JSON.stringify(spec)}));
const files = emitPackage(model, { command: 'sdkgen generate', dist: true }).length;
const afterEmit = heavy();
createRequire(${from('package.json')})('ts-morph');
console.log(JSON.stringify({ afterEmit, afterImport: heavy(), files }));
`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`the emit script failed (${code}): ${err}`);
  return JSON.parse(out);
}

describe('the emit', () => {
  it('loads neither ts-morph nor TypeScript (the model worker may emit without them)', async () => {
    const { afterEmit, afterImport, files } = await loadedByEmit(join(ROOT, 'test/fixtures/bookstore/openapi.yaml'));
    expect(files).toBeGreaterThan(20);
    expect(afterEmit).toEqual([]);
    // ts-morph's TypeScript is its own copy (@ts-morph/common/dist/typescript.js): the check sees it.
    expect(afterImport).toContainEqual(expect.stringMatching(/[\\/]typescript\.js$/));
  });
});
