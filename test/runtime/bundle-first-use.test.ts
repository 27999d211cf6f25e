// What an app using one resource loads before its first call, split as Vite and Rollup split: the
// code of forms and files, of bytes handed on unread, of hooks and of redirects waits for first use
// (issue 34, item 3). The helpdesk fixture's attachments resource has a list, a multipart upload and
// a download; the app lists only.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { ROOT } from '../helpers/paths.js';

const LOADED_ON_FIRST_USE = ['encode-body', 'uploads', 'watch-body', 'hooks', 'follow-redirects'];

let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'sdkgen-first-use-'));
  const { files } = generate({ spec: 'test/fixtures/helpdesk/openapi.yaml', out, cwd: ROOT });
  for (const file of files) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.contents);
  }
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The runtime modules (`core/…`) in the chunks an entry imports statically, and in those it imports dynamically. */
async function splitBundle(code: string): Promise<{ eager: Set<string>; lazy: Set<string> }> {
  const result = await build({
    stdin: { contents: code, resolveDir: out, loader: 'ts' },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: join(out, 'bundle'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint !== undefined) as string;
  const eagerChunks = new Set<string>();
  const visit = (path: string): void => {
    if (eagerChunks.has(path)) return;
    eagerChunks.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  const eager = new Set<string>();
  const lazy = new Set<string>();
  for (const [chunk, { inputs }] of Object.entries(outputs))
    for (const input of Object.keys(inputs)) {
      const runtime = /src\/core\/([\w-]+)\.ts$/.exec(input)?.[1];
      if (runtime !== undefined) (eagerChunks.has(chunk) ? eager : lazy).add(runtime);
    }
  return { eager, lazy };
}

describe('a one-resource bundle, split', () => {
  it('loads forms, files, downloads, hooks and redirect-following on first use, not before the first call', async () => {
    const { eager, lazy } = await splitBundle(
      "import { HelpdeskCore } from './src/core-client.ts';\nimport { Attachments } from './src/resources/attachments.ts';\nconst attachments = new Attachments(new HelpdeskCore({ apiKey: 'k' }));\nfor await (const a of attachments.list()) console.log(a);\n",
    );
    // What every call needs stays in: the client, its errors, credential masking.
    expect([...eager]).toEqual(expect.arrayContaining(['client', 'errors', 'redact', 'redirect', 'request-hop']));
    for (const module of LOADED_ON_FIRST_USE) {
      expect(eager.has(module), `core/${module} before the first call`).toBe(false);
      // Still in the bundle, in a chunk of its own that the client imports when it is needed.
      expect(lazy.has(module), `core/${module} loaded on first use`).toBe(true);
    }
  });
});
