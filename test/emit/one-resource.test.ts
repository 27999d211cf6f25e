/**
 * An app imports one resource without the rest, as openai-node's users import
 * `openai/resources/completions`: the package exports each resource module and the core client by
 * subpath, and the core client's module imports no resource, so that what `tsc` and a bundler
 * load from it is that resource's own code and types, however many the API has.
 */
import { describe, expect, it } from 'vitest';
import { emitSources } from '../../generator/emit/emit-package.js';
import { modelOf } from '../helpers/model-of.js';

const sources = emitSources(
  modelOf(`
paths:
  /mail/messages:
    get:
      operationId: listMessages
      responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Message' } } } } } }
  /mail/messages/{message_id}:
    get:
      operationId: getMessage
      parameters: [{ name: message_id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Message' } } } } }
  /mail/folders/{folder_id}:
    get:
      operationId: getFolder
      parameters: [{ name: folder_id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
  /mail/folders:
    get:
      operationId: listFolders
      responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } } }
  /users:
    get:
      operationId: listUsers
      responses: { '200': { description: ok } }
components:
  schemas:
    Message: { type: object, properties: { subject: { type: string } } }
`),
  'sdkgen generate',
);
const file = (path: string): string => {
  const found = sources.find((f) => f.path === path);
  if (found === undefined) throw new Error(`no ${path} among ${sources.map((f) => f.path).join(', ')}`);
  return found.contents;
};
const imports = (path: string): string[] =>
  [...file(path).matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1] ?? '');

describe('one resource, imported alone', () => {
  it('exports the core client and every resource module by subpath', () => {
    const { exports } = JSON.parse(file('package.json')) as {
      exports: Record<string, { types: string; import: string }>;
    };
    expect(exports['./core-client']).toMatchObject({
      types: './dist/core-client.d.ts',
      import: './dist/core-client.js',
    });
    expect(exports['./resources/*']).toMatchObject({
      types: './dist/resources/*.d.ts',
      import: './dist/resources/*.js',
    });
  });

  it('has a core client that imports the runtime only, no resource and no model', () => {
    expect(file('src/core-client.ts')).toMatch(/export class \w+Core extends BaseClient/);
    expect(imports('src/core-client.ts').every((from) => from.startsWith('./core/'))).toBe(true);
  });

  it('keeps the core class and ClientOptions importable from client.ts, where they were', () => {
    expect(file('src/client.ts')).toMatch(/^export \{ \w+Core, type ClientOptions \} from '\.\/core-client\.js';$/m);
    expect(file('src/index.ts')).toMatch(
      /export \{ \w+, \w+ as default, \w+Core, type ClientOptions \} from '\.\/client\.js';/,
    );
  });

  it('has resource modules that import their own sub-resources, never a sibling or the client', () => {
    const mail = imports('src/resources/mail.ts');
    expect(mail).toEqual(expect.arrayContaining(['./mail/messages.js', './mail/folders.js']));
    expect(mail.filter((from) => /users|client\.js$|index\.js$/.test(from) && !from.startsWith('../core/'))).toEqual(
      [],
    );
    // Its types and page class, beside the runtime: nothing of another resource.
    const messages = imports('src/resources/mail/messages.ts');
    expect(messages.filter((from) => !from.startsWith('../../core/')).sort()).toEqual([
      '../../models.js',
      '../../pagination.js',
    ]);
  });
});
