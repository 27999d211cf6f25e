import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { generateInParallel } from '../../generator/generate-parallel.js';
import type { PipelineMessage, PostedFile } from '../../generator/model-worker.js';
import { specDir } from '../helpers/spec-files.js';

// The model worker posts a big file (Graph's api.md: 45 M characters) as UTF-8 bytes in a buffer
// it hands over, not as a string the message would copy; the main thread gets the same text.

const WORKER = new URL('../../bin/model-worker.js', import.meta.url);

/** A JSON spec whose operation's description is `description` (any UTF-16, lone surrogates included). */
const spec = (description: string): string =>
  JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'Test API', version: '1.0.0' },
    servers: [{ url: 'https://api.example.com' }],
    paths: {
      '/pets': {
        get: {
          operationId: 'listPets',
          description,
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string' } } } } },
        },
      },
    },
  });

const dir = specDir({
  'wide.json': spec('It’s a pet 🐕, ≥ 1 of them.'),
  'lone.json': spec('A lone surrogate: \uD800, then text.'),
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `generateInParallel` made of `specFile` with files of 100 characters or more posted as bytes, and the batches as posted. */
async function postedAndMade(specFile: string) {
  const worker = new Worker(WORKER);
  const posted: PostedFile[] = [];
  worker.on('message', (message: PipelineMessage) => {
    if (message.kind === 'batch') posted.push(...message.files);
  });
  const options = { spec: specFile, out: 'out', cwd: dir };
  const parallel = await generateInParallel(options, worker, {
    batch: { files: 200, chars: 256 * 1024, bytesFrom: 100 },
  });
  return { posted, parallel, single: generate(options) };
}

describe('big files posted by the model worker as UTF-8 bytes', () => {
  it('posts every file of 100 characters or more as bytes, and the main thread gets the same texts', async () => {
    const { posted, parallel, single } = await postedAndMade('wide.json');
    const asBytes = posted.filter((file) => 'bytes' in file).map((file) => file.path);
    const big = single.files
      .filter((file) => !file.path.startsWith('dist/') && file.contents.length >= 100)
      .map((file) => file.path);
    expect(asBytes).toContain('api.md');
    expect(asBytes.sort()).toEqual(
      posted
        .map((f) => f.path)
        .filter((path) => big.includes(path))
        .sort(),
    );
    expect(posted.every((file) => 'bytes' in file || file.contents.length < 100)).toBe(true);
    expect(parallel.files).toEqual(single.files);
    expect(parallel.files.find((file) => file.path === 'api.md')?.contents).toContain('It’s a pet 🐕, ≥ 1 of them.');
  });

  it('posts a text with a lone surrogate as text, which UTF-8 cannot carry', async () => {
    const { posted, parallel, single } = await postedAndMade('lone.json');
    const apiDocs = posted.find((file) => file.path === 'api.md');
    expect(apiDocs !== undefined && 'contents' in apiDocs && apiDocs.contents.includes('\uD800')).toBe(true);
    expect(parallel.files).toEqual(single.files);
  });
});
