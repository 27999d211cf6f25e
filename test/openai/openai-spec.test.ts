import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { startMockServer } from '../../generator/mock/mock-server.js';
import { modelSpec } from '../../generator/model-spec.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { startAdminServer } from '../helpers/admin-server.js';
import { examplesModule, markdownExamples } from '../helpers/examples.js';
import { ROOT } from '../helpers/paths.js';
import { HAS_OPENAI_SPEC, OPENAI_SPEC } from '../helpers/shared.js';

/** What a consumer of the client generated from the full OpenAI spec may and may not write. */
const CONSUMER = `
import OpenAI, { type CreateChatCompletionResponse, type CreateChatCompletionStreamResponse, type ProjectGroup, type ProjectUser, type Stream } from './out/src/index.js';
declare const client: OpenAI;

export async function accepted(): Promise<void> {
  await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
  await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: 'be brief' }, { role: 'assistant', content: null, tool_calls: [] }] });
  for await (const group of client.organization.projects.groups.list('proj_abc', { limit: 20, order: 'asc' })) {
    const typed: ProjectGroup = group;
    void typed.group_id;
  }
  const page = await client.organization.projects.users.list('proj_abc');
  const user: ProjectUser | undefined = page.data[0];
  void user?.email;
  void page.last_id;
  // stream: true gives the chunks, typed from the text/event-stream schema; without it, the completion.
  const stream: Stream<CreateChatCompletionStreamResponse> = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true });
  for await (const chunk of stream) {
    const delta: string | null | undefined = chunk.choices[0]?.delta.content;
    void delta;
  }
  const completion: CreateChatCompletionResponse = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
  void completion.choices;
  // A list the API sends whole is one page that iterates.
  for await (const model of client.models.list()) {
    const id: string = model.id;
    void id;
  }
  const models = await client.models.list();
  const more: boolean = models.hasNextPage();
  void [models.data, more];
}

export async function rejected(): Promise<void> {
  // @ts-expect-error: robot is not a role
  await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'robot', content: 'hi' }] });
  // @ts-expect-error: a message needs content
  await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user' }] });
  // @ts-expect-error: order is asc or desc
  client.organization.projects.groups.list('proj_abc', { order: 'sideways' });
  // @ts-expect-error: limit is a number
  client.organization.projects.groups.list('proj_abc', { limit: '10' });
  // @ts-expect-error: a streamed call gives chunks, not a completion
  const completion: CreateChatCompletionResponse = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true });
  void completion;
}
`;

describe.skipIf(!HAS_OPENAI_SPEC)('the client of the full OpenAI spec', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-openai-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'out');

  it('generates, and type-checks strictly with zero errors, with every @example, the README and what consumers may and may not write', () => {
    const { files, model } = generate({ spec: OPENAI_SPEC, out, cwd: ROOT });
    writeOutput(out, planOutput(out, files));
    expect(files.filter((f) => f.path.startsWith('src/resources/')).length).toBeGreaterThan(90);
    expect(model.client.className).toBe('OpenAI');
    writeFileSync(join(dir, 'consumer.mts'), CONSUMER);
    const examples = examplesModule(files, model.client.className, './out/src/index.js');
    expect(examples.count).toBe(288);
    writeFileSync(join(dir, 'examples.mts'), examples.text);
    // The README's programs (the API reference's are the @examples above, with an import).
    const readme = markdownExamples(files, model.client.packageName).filter((doc) =>
      doc.path.startsWith('docs-readme-'),
    );
    expect(readme.length).toBeGreaterThan(8);
    for (const doc of readme) writeFileSync(join(out, doc.path), doc.text);
    const tsconfig = JSON.parse(readFileSync(join(out, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: Record<string, unknown>;
    };
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...tsconfig.compilerOptions, noEmit: true, rootDir: undefined, outDir: undefined },
        include: ['out/src', 'out/docs-readme-*.ts', 'consumer.mts', 'examples.mts'],
      }),
    );
    let output = '';
    try {
      execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')],
        { encoding: 'utf8' },
      );
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    expect(output).toBe('');
  });

  it('is importable by plain Node and walks the seed endpoints', async () => {
    const server = await startAdminServer({ groups: 25, users: 7, key: 'sk-admin' });
    try {
      const script = `
        import OpenAI from ${JSON.stringify(join(out, 'dist/index.js'))};
        const client = new OpenAI({ adminApiKey: 'sk-admin', baseURL: process.env.BASE_URL });
        let groups = 0, users = 0;
        for await (const _ of client.organization.projects.groups.list('proj_abc', { limit: 10 })) groups++;
        for await (const _ of client.organization.projects.users.list('proj_abc', { limit: 3 })) users++;
        console.log(JSON.stringify({ groups, users }));`;
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, BASE_URL: server.baseURL },
      });
      expect(JSON.parse(stdout)).toEqual({ groups: 25, users: 7 });
    } finally {
      await server.close();
    }
  });

  it('streams a chat completion and downloads binary content from sdkgen mock, run by plain Node', async () => {
    const mock = await startMockServer(modelSpec(OPENAI_SPEC, ROOT).model, { items: 3 });
    try {
      const script = `
        import OpenAI from ${JSON.stringify(join(out, 'dist/index.js'))};
        const client = new OpenAI({ apiKey: 'sk-test', baseURL: process.env.BASE_URL });
        const chunks = [];
        const stream = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true });
        for await (const chunk of stream) chunks.push(chunk.object);
        const speech = await client.audio.speech.create({ model: 'tts-1', input: 'Hello', voice: 'alloy' });
        console.log(JSON.stringify({ chunks, speech: { contentType: speech.contentType, text: await speech.text() } }));`;
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, BASE_URL: mock.baseURL },
      });
      expect(JSON.parse(stdout)).toEqual({
        chunks: [
          'chat.completion.chunk',
          'chat.completion.chunk',
          'chat.completion.chunk',
          'chat.completion.chunk',
          'chat.completion.chunk',
        ],
        speech: { contentType: 'application/octet-stream', text: 'mock file for createSpeech\n' },
      });
    } finally {
      await mock.close();
    }
  });
});
