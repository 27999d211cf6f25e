import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { ROOT } from '../helpers/paths.js';
import { openapi, specDir } from '../helpers/spec-files.js';

async function generate(cwd: string): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const argv = ['generate', '--spec', 'openapi.yaml', '--out', 'client', '--no-dist', '--quiet'];
  const code = await main(argv, { cwd, out: () => undefined, err: (line) => err.push(line) });
  return { code, err: err.join('\n') };
}

const operation = (id: string, summary: string) => `
      operationId: ${id}
      summary: ${summary}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: array
                items:
                  type: string`;

const FIRST = openapi(`paths:
  /pets:
    get:${operation('listPets', 'Lists the pets')}
`);
// The next version adds a method to the same resource and a new resource: index.ts's export
// list, the client's resource registry and the Pets class all grow where the user's code is.
const NEXT = openapi(`paths:
  /pets:
    get:${operation('listPets', 'Lists the pets')}
    post:${operation('createPet', 'Creates a pet')}
  /toys:
    get:${operation('listToys', 'Lists the toys')}
`);

describe('generate keeps a helper of the user, where the generator adds to the same lists (issue 32)', () => {
  it('keeps src/lib, merges the export list and the class members, and the package type-checks', async () => {
    const dir = specDir({ 'openapi.yaml': FIRST });
    expect((await generate(dir)).code).toBe(0);
    const client = join(dir, 'client');
    const helper = "export function petsPath(): string {\n  return '/pets';\n}\n";
    mkdirSync(join(client, 'src/lib'));
    writeFileSync(join(client, 'src/lib/pets-path.ts'), helper);
    const index = join(client, 'src/index.ts');
    writeFileSync(index, `${readFileSync(index, 'utf8')}export { petsPath } from './lib/pets-path.js';\n`);
    const pets = join(client, 'src/resources/pets.ts');
    const method = [
      '',
      '  /** The names of the first page of pets. */',
      '  async names(): Promise<string[]> {',
      '    return (await this.list()).data;',
      '  }',
    ];
    const withMethod = readFileSync(pets, 'utf8').replace(/\n}\n/, `\n${method.join('\n')}\n}\n`);
    expect(withMethod).toContain('async names()');
    writeFileSync(pets, withMethod);

    writeFileSync(join(dir, 'openapi.yaml'), NEXT);
    expect(await generate(dir)).toEqual({ code: 0, err: '' });

    expect(readFileSync(join(client, 'src/lib/pets-path.ts'), 'utf8')).toBe(helper);
    const exports = readFileSync(index, 'utf8');
    expect(exports).toContain("export { petsPath } from './lib/pets-path.js';\n");
    expect(exports).toContain("from './resources/toys.js';\n");
    const merged = readFileSync(pets, 'utf8');
    expect(merged).toContain(method.join('\n'));
    expect(merged).toMatch(/\n {2}create\(/);
    expect(readFileSync(join(client, 'src/client.ts'), 'utf8')).toContain('new Toys(this)');

    // The merged package compiles as a whole: each entry was kept whole.
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', client, '--noEmit'], {
      encoding: 'utf8',
    });
  });
});
