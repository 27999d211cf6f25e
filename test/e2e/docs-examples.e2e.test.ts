import { createHmac } from 'node:crypto';
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
 * Every example of a generated README.md and api.md, run as a user would copy it, against
 * `sdkgen mock` of the same spec: each must finish without an error. The only change made to a
 * snippet is where the client connects (the mock's URL, any key, no retries, the mock's token
 * URL, a webhook secret); everything else is the snippet's text. A webhook example's handler
 * is given a signed request, and a forged one.
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

/**
 * A ```ts block of README.md or api.md, its imports of the package (and of its subpaths:
 * `validation`, `core-client`, `resources/…`) turned into parameters, compiled to JavaScript
 * that returns the `handle` function a webhook example defines.
 */
function runnable(
  block: string,
  packageName: string,
): { names: { name: string; from: string }[]; defaultName: string | undefined; js: string } {
  const names: { name: string; from: string }[] = [];
  let defaultName: string | undefined;
  const body = block.replace(
    new RegExp(
      `^import (?:(\\w+)(?:, )?)?(?:\\{([^}]*)\\})? from '${packageName.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:/([\\w/-]+))?';$`,
      'gm',
    ),
    (_line, main: string | undefined, named: string | undefined, subpath: string | undefined) => {
      if (main !== undefined) defaultName = main;
      for (const name of (named ?? '').split(',').map((n) => n.trim().replace(/^type\s+/, '')))
        if (name !== '') names.push({ name, from: subpath ?? 'index' });
      return '';
    },
  );
  const js = ts.transpileModule(body, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const handler = "\nreturn typeof handle === 'function' ? handle : undefined;";
  return { names, defaultName, js: js.replace(/^export \{\};$/m, '') + handler };
}

const WEBHOOK_SECRET = `whsec_${Buffer.from('docs example secret').toString('base64')}`;

/**
 * A webhook request as the API sends it: Standard Webhooks headers, signed with `secret`. An API
 * behind a Stainless SDK's `webhooks.unwrap` signs with the secret's text (`asText`), as that SDK verifies.
 */
function webhookRequest(body: string, secret: string, asText: boolean): Request {
  const id = 'msg_docs_1';
  const timestamp = Math.floor(Date.now() / 1000);
  const key = asText ? Buffer.from(secret, 'utf8') : Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return new Request('https://example.com/webhooks', {
    method: 'POST',
    body,
    headers: { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` },
  });
}

describe('every README.md and api.md example runs against sdkgen mock', () => {
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
      const validation = (await import(pathToFileURL(join(dir, 'dist/validation.js')).href)) as Record<string, unknown>;
      const { validator } = validation;
      const credentials = Object.fromEntries(model.client.auth.map((a) => [a.runtime.option, 'mock-key']));
      const Base = pkg.default;
      const docs = generation.files.filter((f) => f.path === 'api.md' || f.path === 'README.md');
      const blocks = docs.flatMap((f) => [...f.contents.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? ''));
      const grants = model.client.auth.flatMap(({ runtime }) =>
        runtime.type === 'oauth2' && runtime.clientIdOption !== undefined ? [runtime] : [],
      );
      expect(blocks.length).toBeGreaterThan(0);
      const failures: string[] = [];
      let ran = 0;
      let webhooks = 0;
      const served: string[] = [];
      for (const block of blocks) {
        // Each example on a fresh mock, as a user who copies one would run it: a delete shown
        // before a retrieve must not take the retrieve's item away.
        const mock = await startMockServer(model, { log: (line) => served.push(line) });
        // The snippet's `new Client()` (and `new ClientCore()`), pointed at the mock. A snippet that
        // gives OAuth2 client credentials gets no token, so that it fetches one from the mock.
        const onMock = (Class: new (options: Record<string, unknown>) => object) =>
          class extends Class {
            constructor(options: Record<string, unknown> = {}) {
              const given = { ...credentials };
              for (const grant of grants)
                if (grant.clientIdOption !== undefined && grant.clientIdOption in options) delete given[grant.option];
              super({
                baseURL: mock.baseURL,
                maxRetries: 0,
                validate: 'strict',
                validator,
                webhookSecret: WEBHOOK_SECRET,
                ...(mock.tokenURL === undefined ? {} : { tokenURL: mock.tokenURL }),
                ...given,
                ...options,
              });
            }
          };
        const Client = onMock(Base);
        const Core = onMock(pkg[model.client.coreClassName] as typeof Base);
        const { names, defaultName, js: text } = runnable(block, model.client.packageName);
        // The README's mock example names the mock's usual address: it is this mock.
        const js = text.replaceAll('http://127.0.0.1:4010', new URL(mock.baseURL).origin);
        const lines: unknown[][] = [];
        const console = { log: (...values: unknown[]) => lines.push(values) };
        const params = ['console', ...(defaultName === undefined ? [] : [defaultName]), ...names.map((n) => n.name)];
        // A subpath's module as package.json's `exports` maps it: dist/<subpath>.js.
        const modules = await Promise.all(
          names.map(
            (n) => import(pathToFileURL(join(dir, `dist/${n.from}.js`)).href) as Promise<Record<string, unknown>>,
          ),
        );
        const values = [
          console,
          ...(defaultName === undefined ? [] : [Client]),
          ...names.map((n, i) => (n.name === model.client.coreClassName ? Core : modules[i]?.[n.name])),
        ];
        try {
          const handle = (await new AsyncFunction(...params, js)(...values)) as unknown;
          // A webhook handler: a signed event is taken, a forged one refused.
          if (typeof handle === 'function') {
            const event = JSON.stringify({ id: 'evt_1', type: 'example' });
            const take = handle as (request: Request) => Promise<Response>;
            const asText = model.webhooks?.methods !== undefined;
            expect((await take(webhookRequest(event, WEBHOOK_SECRET, asText))).status).toBe(200);
            expect((await take(webhookRequest(event, 'whsec_Zm9yZ2Vk', asText))).status).toBe(400);
            webhooks++;
          }
          ran++;
        } catch (error) {
          failures.push(`${block.trim().split('\n').at(-2) ?? block}\n  → ${(error as Error).message}`);
        } finally {
          await mock.close();
        }
      }
      expect(failures).toEqual([]);
      expect(ran).toBe(blocks.length);
      expect(webhooks).toBe(model.webhooks === undefined ? 0 : 1);
      // The OAuth2 example traded its client id and secret for a token, and used it.
      if (grants.length > 0) expect(served.filter((line) => / \/oauth\/token → 200$/.test(line))).toHaveLength(1);
    });
  }
});
