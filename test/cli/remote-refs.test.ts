import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const DOCS: Record<string, string> = {
  '/schemas/pet.yaml':
    'Pet:\n  type: object\n  required: [owner]\n  properties:\n    owner: {$ref: "./owner.yaml#/Owner"}\n',
  '/schemas/owner.yaml': 'Owner:\n  type: object\n  properties:\n    name: {type: string}\n',
  '/schemas/evil.yaml': 'Evil:\n  $ref: "/etc/passwd#/root"\n',
};

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const doc = DOCS[req.url ?? ''];
    res.writeHead(doc === undefined ? 404 : 200, { 'content-type': 'application/yaml' });
    res.end(doc ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The CLI in a child process: the loader fetches synchronously, and this process serves. */
async function generate(schemaRef: string, ...flags: string[]): Promise<{ code: number; stderr: string; dir: string }> {
  const spec = openapi(
    `paths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: "${schemaRef}"}\n`,
  );
  const dir = specDir({ 'openapi.yaml': spec });
  const result = await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'bin/sdkgen.js'), 'generate', '--spec', 'openapi.yaml', '--out', 'out', '--quiet', ...flags],
    { cwd: dir },
  )
    .then(() => ({ code: 0, stderr: '' }))
    .catch((error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }));
  return { ...result, dir };
}

describe('remote $refs', () => {
  it('are refused by default, with a hint naming the flag', async () => {
    const { code, stderr } = await generate(`${base}/schemas/pet.yaml#/Pet`);
    expect(code).toBe(1);
    expect(stderr).toContain('openapi.yaml:16:');
    expect(stderr).toContain('error ref-remote');
    expect(stderr).toContain('--allow-remote-refs');
  });

  it('are followed with --allow-remote-refs, and so are relative refs inside the fetched documents', async () => {
    const { code, stderr, dir } = await generate(`${base}/schemas/pet.yaml#/Pet`, '--allow-remote-refs');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const models = readFileSync(join(dir, 'out/src/models.ts'), 'utf8');
    expect(models).toMatch(/export interface Pet \{\n {2}owner: Owner;\n\}/);
    expect(models).toMatch(/export interface Owner \{\n {2}name\?: string;\n\}/);
    expect(readFileSync(join(dir, 'out/src/index.ts'), 'utf8')).toContain('--allow-remote-refs');
  });

  it('report a document that cannot be fetched, naming the URL and the status', async () => {
    const { code, stderr } = await generate(`${base}/schemas/missing.yaml#/Pet`, '--allow-remote-refs');
    expect(code).toBe(1);
    expect(stderr).toContain(
      `error file-unreadable: ${base}/schemas/missing.yaml cannot be fetched (HTTP 404 Not Found).`,
    );
  });

  it('may not refer to local files from a fetched document', async () => {
    const { code, stderr } = await generate(`${base}/schemas/evil.yaml#/Evil`, '--allow-remote-refs');
    expect(code).toBe(1);
    expect(stderr).toContain(`${base}/schemas/evil.yaml:2:`);
    expect(stderr).toContain('a remote document cannot refer to a local file');
  });
});
