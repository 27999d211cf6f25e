// The stainless-names fixture (Honcho's page class named `page`, ImageKit's `File` model, Linq's
// and Luma AI's per-method type names) generated and run against a real server on 127.0.0.1:
// the declared `Page` walks its pages as a subclass of the runtime base, exported as
// `AbstractPage`, and an upload still sends the global `File` beside the `File` model.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';

interface Client {
  readonly apps: { list(params?: Record<string, unknown>): AsyncIterable<{ id: string }> & PromiseLike<unknown> };
  readonly files: { upload(body: Record<string, unknown>): Promise<{ fileId: string }> };
}
interface Package {
  readonly default: new (options: Record<string, unknown>) => Client;
  readonly Page: abstract new (...args: never[]) => unknown;
  readonly AbstractPage: abstract new (...args: never[]) => unknown;
}

let pkg: Package;
const out = mkdtempSync(join(tmpdir(), 'sdkgen-stainless-names-'));

beforeAll(async () => {
  const { files } = generate({ spec: 'test/fixtures/stainless-names/openapi.yaml', out, cwd: ROOT });
  writeOutput(out, planOutput(out, files));
  pkg = (await import(pathToFileURL(join(out, 'dist/index.js')).href)) as Package;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(answer: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => answer(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const json = (res: ServerResponse, value: unknown) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};

describe('a client whose declared page class is Page and whose model is File', () => {
  it('walks the declared Page, a subclass of the runtime base exported as AbstractPage', async () => {
    const pages: (string | null)[] = [];
    const baseURL = await serve((req, _body, res) => {
      const page = new URL(req.url ?? '/', 'http://x').searchParams.get('page');
      pages.push(page);
      json(res, { items: page === '2' ? [{ id: 'b' }] : [{ id: 'a' }], page: Number(page ?? 1), pages: 2 });
    });
    const client = new pkg.default({ baseURL, apiKey: 'k' });
    const ids: string[] = [];
    for await (const app of client.apps.list()) ids.push(app.id);
    expect(ids).toEqual(['a', 'b']);
    expect(pages).toEqual([null, '2']);
    const first = await client.apps.list();
    expect(first).toBeInstanceOf(pkg.Page);
    expect(first).toBeInstanceOf(pkg.AbstractPage);
    expect(pkg.Page).not.toBe(pkg.AbstractPage);
  });

  it('uploads a global File beside the File model', async () => {
    let received = '';
    const baseURL = await serve((req, body, res) => {
      received = `${req.headers['content-type']?.split(';')[0]} ${body.toString('latin1')}`;
      json(res, { fileId: 'f_1', name: 'a.txt' });
    });
    const client = new pkg.default({ baseURL, apiKey: 'k' });
    const file = await client.files.upload({ file: new File(['hello'], 'a.txt'), fileName: 'a.txt' });
    expect(file).toEqual({ fileId: 'f_1', name: 'a.txt' });
    expect(received).toMatch(/^multipart\/form-data /);
    expect(received).toContain('filename="a.txt"');
    expect(received).toContain('hello');
  });
});

describe('a resource whose types another resource named first in the index', () => {
  // A caller's project with the package installed under its name, as npm links a folder.
  const project = mkdtempSync(join(tmpdir(), 'sdkgen-stainless-caller-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  beforeAll(() => {
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(out, join(project, 'node_modules/stainless-names'), 'dir');
    writeFileSync(join(project, 'package.json'), '{ "type": "module" }');
  });
  const modulePath = 'stainless-names/resources/platform/external-accounts';

  it('is importable by its module path, as a Stainless SDK caller imports it', async () => {
    const file = createRequire(join(project, 'caller.js')).resolve(modulePath);
    expect(file).toBe(realpathSync(join(out, 'dist/resources/platform/external-accounts.js')));
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    expect(typeof module.PlatformExternalAccounts).toBe('function');
  });

  it('gives its types their plain names there, the same types as the flat names of the index', () => {
    const caller = join(project, 'caller.ts');
    writeFileSync(
      caller,
      [
        `import type { ExternalAccountCreateParams, ExternalAccountListParams } from '${modulePath}';`,
        "import type { PlatformExternalAccountCreateParams, PlatformExternalAccountListParams } from 'stainless-names';",
        "const create: ExternalAccountCreateParams = { currency: 'USD' };",
        'const flat: PlatformExternalAccountCreateParams = create;',
        "const list: PlatformExternalAccountListParams = { currency: 'USD' } satisfies ExternalAccountListParams;",
        '// @ts-expect-error the params name their own fields.',
        'const wrong: ExternalAccountCreateParams = { amount: 1 };',
        'export { flat, list, wrong };',
      ].join('\n'),
    );
    const program = ts.createProgram([caller], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([]);
  });
});
