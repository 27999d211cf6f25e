import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';

// test/fixtures/hostile: descriptions that close comments and open template literals, keys
// such as __proto__ and constructor, names that collide once sanitized, `../` in operationIds,
// tags and paths. Its snapshots and type-check are in test/snapshots; this is the rest.
const dir = mkdtempSync(join(tmpdir(), 'sdkgen-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const out = join(dir, 'nested/out');
const { files, warnings } = generate({ spec: 'test/fixtures/hostile/openapi.yaml', out, cwd: ROOT });

describe('a hostile spec', () => {
  it('writes only inside the output folder, under plain file names', () => {
    for (const file of files) {
      expect(file.path).toMatch(/^(?:[a-z0-9_-]+\/)*(?:[a-z0-9_.-]+|README\.md)$/);
      expect(file.path.split('/')).not.toContain('..');
    }
  });

  it('never runs spec text: importing the compiled client and calling it sets nothing', async () => {
    writeOutput(out, planOutput(out, files));
    const script = `
      const module = await import(${JSON.stringify(join(out, 'dist/index.js'))});
      const client = new module.default({ baseURL: 'http://127.0.0.1:9' });
      await client.things.retrieve('x', { maxRetries: 0, timeout: 200 }).catch(() => {});
      // Nothing the spec names may be a \`then\`: awaiting the client or a resource gives it back.
      const thenables = [];
      const walk = (object, path) => {
        if (typeof object.then === 'function') thenables.push(path);
        for (const [name, child] of Object.entries(object))
          if (child !== null && typeof child === 'object' && name !== '_client') walk(child, path + '.' + name);
      };
      walk(client, 'client');
      if (typeof module.then === 'function') thenables.push('module');
      console.log(JSON.stringify({ pwned: globalThis.__pwned ?? null, exports: Object.keys(module).length, thenables }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
    const result = JSON.parse(stdout) as { pwned: unknown; exports: number; thenables: string[] };
    expect(result.pwned).toBeNull();
    expect(result.exports).toBeGreaterThan(10);
    expect(result.thenables).toEqual([]);
  });

  it('leaves out a header parameter whose name fetch would refuse, and says so', () => {
    expect(warnings.map((w) => w.formatted).join('\n')).toMatch(
      /warning parameter-unsupported: Header parameter "x-weird header" is left out/,
    );
  });

  it('sends a path parameter named __proto__ as a parameter, not a prototype', async () => {
    const { expandPath } = await import('../../generator/runtime/path.js');
    const things = files.find((f) => f.path === 'src/resources/things.ts')?.contents ?? '';
    expect(things).toContain(`pathParams: { ['__proto__']: protoParam }`);
    const params = { ['__proto__']: 'x y' };
    expect(expandPath('/things/{__proto__}', params)).toBe('/things/x%20y');
  });
});
