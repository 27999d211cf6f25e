import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileDist } from '../../generator/emit/compile-dist.js';
import { emitSources } from '../../generator/emit/emit-package.js';
import { modelSpec } from '../../generator/model-spec.js';
import { ROOT } from '../helpers/paths.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'sdkgen-dist-cache-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const files = emitSources(modelSpec('test/fixtures/schema-language/openapi.yaml', ROOT).model, 'sdkgen generate');
const byPath = (out: readonly { path: string; contents: string }[]): Record<string, string> => Object.fromEntries(out.map((f) => [f.path, f.contents]));

describe('compileDist', () => {
  const fresh = byPath(compileDist(files));

  it('gives every src/ module its JavaScript and declarations', () => {
    const modules = files.filter((f) => f.path.startsWith('src/') && f.path.endsWith('.ts')).map((f) => f.path.slice(4, -3));
    expect(Object.keys(fresh).sort()).toEqual(modules.flatMap((m) => [`dist/${m}.d.ts`, `dist/${m}.js`]).sort());
    expect(fresh['dist/index.js']).toContain('export');
    expect(fresh['dist/models.js']).toMatch(/export \{\};\n$/);
  });

  it('declares [Symbol.asyncIterator] members as they are, with no bogus index signature beside them', () => {
    expect(fresh['dist/core/pagination.d.ts']).toContain('[Symbol.asyncIterator](): AsyncIterator<Item>;');
    expect(fresh['dist/core/api-promise.d.ts']).toContain('[Symbol.asyncIterator](): AsyncIterator<Item>;');
    for (const [path, text] of Object.entries(fresh)) expect(text, path).not.toMatch(/\[x: number\]/);
  });

  it('keeps each result by content hash, and gives the same bytes from the cache', () => {
    expect(byPath(compileDist(files, { cacheDir }))).toEqual(fresh);
    const kept = readdirSync(cacheDir).length;
    expect(kept).toBe(files.filter((f) => f.path.startsWith('src/') && f.path.endsWith('.ts') && f.typesOnly !== true).length);
    expect(byPath(compileDist(files, { cacheDir }))).toEqual(fresh);
    expect(readdirSync(cacheDir)).toHaveLength(kept);
  });
});
