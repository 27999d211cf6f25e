// The generated client runs where there is no Node: bundled for the browser (esbuild refuses
// Node built-ins there) and run in a bare V8 context that has only web-standard globals.
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/** A list server in memory: three pages of groups, by next cursor. */
const fakeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = new URL(String(input));
  const after = url.searchParams.get('after');
  const start = after === null ? 0 : Number(after.replace('group_', '')) + 1;
  const data = Array.from({ length: Math.min(2, 5 - start) }, (_, i) => ({
    object: 'project.group',
    project_id: 'proj_abc',
    group_id: `group_${start + i}`,
    group_name: `G${start + i}`,
    group_type: 'group',
    created_at: 1,
  }));
  const hasMore = start + 2 < 5;
  const auth = new Headers(init?.headers).get('authorization');
  if (auth !== 'Bearer sk-web')
    return new Response('{"error":{"message":"no"}}', { status: 401, headers: { 'content-type': 'application/json' } });
  return new Response(
    JSON.stringify({ object: 'list', data, has_more: hasMore, next: hasMore ? data.at(-1)?.group_id : null }),
    { headers: { 'content-type': 'application/json' } },
  );
};

describe('the generated client outside Node', () => {
  it('bundles for the browser, and walks every page in a context with only web globals', async () => {
    const bundle = await build({
      entryPoints: [`${ROOT}generated/src/index.ts`],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'SDK',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/require\(["']node:|from ["']node:/);
    const web = {
      fetch: fakeFetch,
      URL,
      URLSearchParams,
      AbortController,
      AbortSignal,
      Headers,
      Request,
      Response,
      Blob,
      FormData,
      ReadableStream,
      TextEncoder,
      TextDecoder,
      setTimeout,
      clearTimeout,
      console,
    };
    const context = createContext({ ...web });
    expect(runInContext('typeof process + typeof Buffer + typeof require', context)).toBe(
      'undefinedundefinedundefined',
    );
    const SDK = runInContext(`${code}\nSDK`, context) as {
      default: new (
        options: object,
      ) => {
        admin: {
          organization: { projects: { groups: { list(project: string): AsyncIterable<{ group_id: string }> } } };
        };
      };
    };
    const client = new SDK.default({ adminAPIKey: 'sk-web', baseURL: 'https://api.example.com/v1' });
    const ids: string[] = [];
    for await (const group of client.admin.organization.projects.groups.list('proj_abc')) ids.push(group.group_id);
    expect(ids).toEqual(['group_0', 'group_1', 'group_2', 'group_3', 'group_4']);
  });
});

describe('what a bundle holds', () => {
  /** A consumer of the generated package, bundled and minified as an app's build would. */
  async function bundled(code: string): Promise<string> {
    const result = await build({
      stdin: { contents: code, resolveDir: `${ROOT}generated`, loader: 'ts' },
      bundle: true,
      minify: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0]?.text ?? '';
  }
  it('leaves the validator and the schemas out unless the validation module is imported', async () => {
    const plain = await bundled(
      "import OpenAI from './src/index.ts';\nconst c = new OpenAI();\nfor await (const g of c.admin.organization.projects.groups.list('p')) console.log(g);\n",
    );
    // The error class is the client's own (an `instanceof` target); its checks are not.
    expect(plain).not.toMatch(/must be an object|Unexpected shape|kind:"primitive"/);
    const validating = await bundled(
      "import OpenAI from './src/index.ts';\nimport { validator } from './src/validation.ts';\nconst c = new OpenAI({ validate: 'strict', validator });\nfor await (const g of c.admin.organization.projects.groups.list('p')) console.log(g);\n",
    );
    // The validator's messages, and the schemas as data.
    expect(validating).toMatch(/must be an object/);
    expect(validating).toMatch(/kind:"primitive"|"kind":"primitive"/);
  });
});
