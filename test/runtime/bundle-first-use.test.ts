// What an app using one resource loads before its first call, split as Vite and Rollup split: the
// code of forms and files, of bytes handed on unread, of hooks and of redirects waits for first use
// (issue 34, item 3). The helpdesk fixture's attachments resource has a list, a multipart upload and
// a download; the app lists only.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { ROOT } from '../helpers/paths.js';

const LOADED_ON_FIRST_USE = ['encode-body', 'uploads', 'watch-body', 'hooks', 'follow-redirects'];

let out: string;
// spec/'s OpenAI Admin API: JSON bodies and answers only.
let jsonOnly: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'sdkgen-first-use-'));
  jsonOnly = mkdtempSync(join(tmpdir(), 'sdkgen-json-only-'));
  for (const [spec, folder] of [
    ['test/fixtures/helpdesk/openapi.yaml', out],
    ['spec/openapi.yaml', jsonOnly],
  ] as const) {
    const { files } = generate({ spec, out: folder, cwd: ROOT });
    for (const file of files) {
      mkdirSync(dirname(join(folder, file.path)), { recursive: true });
      writeFileSync(join(folder, file.path), file.contents);
    }
  }
});
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(jsonOnly, { recursive: true, force: true });
});

/** The runtime modules (`core/…`) in the chunks an entry imports statically, and in those it imports dynamically. */
async function splitBundle(code: string, dir = out): Promise<{ eager: Set<string>; lazy: Set<string> }> {
  const result = await build({
    stdin: { contents: code, resolveDir: dir, loader: 'ts' },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: join(dir, 'bundle'),
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

describe('a JSON-only client', () => {
  // It also declares no environments and no client settings: core/settings is not bundled either.
  const beyondJSON = ['encode-body', 'uploads', 'watch-body', 'stream', 'sse', 'settings'];

  it("bundles no form, file, download or event-stream code, even as one file: the client's config loads none", async () => {
    // As one file a bundler inlines what is imported on first use: only code the client cannot reach is left out.
    const result = await build({
      stdin: {
        contents:
          "import OpenAI from './src/index.ts';\nconst client = new OpenAI({ adminAPIKey: 'k' });\nfor await (const g of client.admin.organization.projects.groups.list('proj_abc')) console.log(g);\n",
        resolveDir: jsonOnly,
        loader: 'ts',
      },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    // What the bundle holds: the modules that put bytes in it (tree-shaking reads more than it keeps).
    const bundled = Object.values(result.metafile.outputs).flatMap(({ inputs }) =>
      Object.entries(inputs).flatMap(([input, { bytesInOutput }]) =>
        bytesInOutput > 0 ? (/src\/core\/([\w-]+)\.ts$/.exec(input)?.[1] ?? []) : [],
      ),
    );
    expect(bundled).toEqual(expect.arrayContaining(['client', 'pagination', 'hooks', 'follow-redirects']));
    for (const module of beyondJSON) expect(bundled, `core/${module}`).not.toContain(module);
    // Its lists walk by cursor: no other scheme's walk, such as the Link header's parser, is bundled.
    const code = new TextDecoder().decode(result.outputFiles[0]?.contents);
    expect(code).toContain('has_more');
    expect(code).not.toContain('rel\\s*=');
  });

  it('is given a loader for each kind of body or answer its API declares, and no other', () => {
    const config = (dir: string): string[] =>
      [
        ...readFileSync(join(dir, 'src/core-client.ts'), 'utf8').matchAll(/^\s*(\w+): \(\) => import\('([^']+)'\),$/gm),
      ].map(([, option, module]) => `${option} ${module}`);
    expect(config(jsonOnly)).toEqual([]);
    // Nor core/settings' reader, with no environment or client setting to read (test/e2e/client-settings has some).
    expect(readFileSync(join(jsonOnly, 'src/core-client.ts'), 'utf8')).not.toContain('settingReader');
    // The helpdesk's attachments: a multipart upload and a download, no event stream.
    expect(config(out)).toEqual(['forms ./core/encode-body.js', 'unreadBodies ./core/watch-body.js']);
  });
});
