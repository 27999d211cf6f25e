import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { startMockServer } from '../../generator/mock/mock-server.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';
import { CLIENT_SPECS } from '../helpers/shared.js';

/**
 * Every example of a generated api.md, run as a user would copy it, against `sdkgen mock` of the
 * same spec: each must finish without an error. The only change made to a snippet is where the
 * client connects (the mock's URL, any key, no retries); everything else is the snippet's text.
 * The client validates every answer strictly: the mock's answers and the package's `validator`
 * must agree on what the spec allows.
 */
const SPECS = CLIENT_SPECS;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// biome-ignore lint/complexity/useArrowFunction: the constructor of async functions, to run a snippet's top-level await.
const AsyncFunction = async function () {}.constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

/** A ```ts block of api.md, its imports of the package turned into parameters, compiled to JavaScript. */
function runnable(
  block: string,
  packageName: string,
): { names: string[]; defaultName: string | undefined; js: string } {
  const names: string[] = [];
  let defaultName: string | undefined;
  const body = block.replace(
    new RegExp(
      `^import (?:(\\w+)(?:, )?)?(?:\\{([^}]*)\\})? from '${packageName.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}';$`,
      'gm',
    ),
    (_line, main: string | undefined, named: string | undefined) => {
      if (main !== undefined) defaultName = main;
      for (const name of (named ?? '').split(',').map((n) => n.trim().replace(/^type\s+/, '')))
        if (name !== '') names.push(name);
      return '';
    },
  );
  const js = ts.transpileModule(body, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  return { names, defaultName, js: js.replace(/^export \{\};$/m, '') };
}

describe('every api.md example runs against sdkgen mock', () => {
  for (const spec of SPECS) {
    it(spec.replace(`${ROOT}/`, ''), async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sdkgen-docs-run-'));
      dirs.push(dir);
      const generation = generate({ spec, out: dir, cwd: ROOT });
      writeOutput(dir, planOutput(dir, generation.files));
      const { model } = generation;
      const pkg = (await import(pathToFileURL(join(dir, 'dist/index.js')).href)) as Record<string, unknown> & {
        default: new (options: Record<string, unknown>) => object;
      };
      const { validator } = (await import(pathToFileURL(join(dir, 'dist/validation.js')).href)) as {
        validator: unknown;
      };
      const credentials = Object.fromEntries(model.client.auth.map((a) => [a.runtime.option, 'mock-key']));
      const Base = pkg.default;
      const apiDocs = generation.files.find((f) => f.path === 'api.md')?.contents ?? '';
      const blocks = [...apiDocs.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
      expect(blocks.length).toBeGreaterThan(0);
      const failures: string[] = [];
      let ran = 0;
      for (const block of blocks) {
        // Each example on a fresh mock, as a user who copies one would run it: a delete shown
        // before a retrieve must not take the retrieve's item away.
        const mock = await startMockServer(model);
        // The snippet's `new Client()`, pointed at the mock.
        const Client = class extends Base {
          constructor(options: Record<string, unknown> = {}) {
            super({ baseURL: mock.baseURL, maxRetries: 0, validate: 'strict', validator, ...credentials, ...options });
          }
        };
        const { names, defaultName, js } = runnable(block, model.client.packageName);
        const lines: unknown[][] = [];
        const console = { log: (...values: unknown[]) => lines.push(values) };
        const params = ['console', ...(defaultName === undefined ? [] : [defaultName]), ...names];
        const values = [console, ...(defaultName === undefined ? [] : [Client]), ...names.map((n) => pkg[n])];
        try {
          await new AsyncFunction(...params, js)(...values);
          ran++;
        } catch (error) {
          failures.push(`${block.trim().split('\n').at(-2) ?? block}\n  → ${(error as Error).message}`);
        } finally {
          await mock.close();
        }
      }
      expect(failures).toEqual([]);
      expect(ran).toBe(blocks.length);
    });
  }
});
