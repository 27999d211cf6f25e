import { describe, expect, it } from 'vitest';
import { merge3 } from '../../generator/write/merge/merge3.js';
import { resolveTypeScriptHunk } from '../../generator/write/merge/resolve-typescript.js';
import type { ConflictHunk } from '../../generator/write/merge/types.js';

/** A conflict hunk as the merge hands it over: base, the user's side (ours), the new output (theirs). */
function hunk(
  sides: { base: string[]; ours: string[]; theirs: string[]; before?: string[]; after?: string[] },
  path = 'src/index.ts',
): ConflictHunk {
  return { path, oursLine: 1, theirsLine: 1, before: [], after: [], ...sides };
}

describe('the TypeScript-aware resolver settles conflicts that are only line conflicts', () => {
  describe('export lists', () => {
    it('merges the names both sides added to one export { … } from', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({
          base: ["export type { Pet } from './models.js';"],
          ours: ["export type { Pet, PetWithOwner } from './models.js';"],
          theirs: ["export type { Pet, Toy } from './models.js';"],
        }),
      );
      expect(resolved).toEqual(["export type { Pet, Toy, PetWithOwner } from './models.js';"]);
    });

    it('keeps both export * lines added at the same place, the new output first', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({
          before: ["export { Pets } from './resources/pets.js';"],
          base: [],
          ours: ["export * from './lib/create-and-poll.js';"],
          theirs: ["export { Toys, listToys } from './resources/toys.js';"],
        }),
      );
      expect(resolved).toEqual([
        "export { Toys, listToys } from './resources/toys.js';",
        "export * from './lib/create-and-poll.js';",
      ]);
    });

    it('merges a one-name-per-line export list the diff cut inside its braces', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({
          before: ['export {', '  Pet,'],
          base: [],
          ours: ['  PetWithOwner,'],
          theirs: ['  Toy,'],
          after: ["} from './models.js';"],
        }),
      );
      expect(resolved).toEqual(['  Toy,', '  PetWithOwner,']);
    });

    it('leaves a conflict when both sides export the same name from different modules', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({
          before: ["export { Pet } from './models.js';"],
          base: [],
          ours: ["export { helper } from './lib/helper.js';"],
          theirs: ["export { helper } from './helpers.js';"],
        }),
      );
      expect(resolved).toBeUndefined();
    });
  });

  describe('import blocks', () => {
    it('merges the named imports of one module, and keeps each side’s new module', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({
          base: ["import type { Pet } from '../models.js';"],
          ours: ["import type { Pet, PetWithOwner } from '../models.js';", "import { poll } from '../lib/poll.js';"],
          theirs: ["import type { Pet, Toy } from '../models.js';", "import { Page } from '../pagination.js';"],
        }),
      );
      expect(resolved).toEqual([
        "import type { Pet, Toy, PetWithOwner } from '../models.js';",
        "import { Page } from '../pagination.js';",
        "import { poll } from '../lib/poll.js';",
      ]);
    });

    it('keeps a name the new output removed only if the user did not add it', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({
          base: ["import { a, b } from './x.js';"],
          ours: ["import { a, b, c } from './x.js';"],
          theirs: ["import { b, d } from './x.js';"],
        }),
      );
      expect(resolved).toEqual(["import { b, d, c } from './x.js';"]);
    });

    it('leaves a conflict when both sides export one name in different ways', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({
          base: ["export { Pet } from './models.js';"],
          ours: ["export { Pet, helper } from './models.js';"],
          theirs: ["export { Pet, other as helper } from './models.js';"],
        }),
      );
      expect(resolved).toBeUndefined();
    });

    it('leaves a conflict when both sides import a name under different aliases', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({
          base: ["import { a } from './x.js';"],
          ours: ["import { a, b as c } from './x.js';"],
          theirs: ["import { a, d as c } from './x.js';"],
        }),
      );
      expect(resolved).toBeUndefined();
    });
  });

  describe('class members', () => {
    const closing = ['  }', '}'];
    it('keeps the methods both sides added to a resource class, each whole, the new output’s first', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({
          before: [
            '  list(options?: RequestOptions): Promise<Pet[]> {',
            "    return this._client.get('/pets', options);",
          ],
          base: [],
          ours: [
            '  }',
            '',
            '  /** Creates a pet and waits until it is ready. */',
            '  async createAndPoll(body: PetCreateParams): Promise<Pet> {',
            '    const pet = await this.create(body);',
            '    return this.poll(pet.id);',
          ],
          theirs: [
            '  }',
            '',
            '  delete(petId: string): Promise<void> {',
            '    return this._client.delete(petPath(petId));',
          ],
          after: closing,
        }),
      );
      expect(resolved).toEqual([
        '  }',
        '',
        '  delete(petId: string): Promise<void> {',
        '    return this._client.delete(petPath(petId));',
        '  }',
        '',
        '  /** Creates a pet and waits until it is ready. */',
        '  async createAndPoll(body: PetCreateParams): Promise<Pet> {',
        '    const pet = await this.create(body);',
        '    return this.poll(pet.id);',
      ]);
    });

    it('merges a method the user edited next to one the new output edited', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({
          base: ['  a(): number {', '    return 1;', '  }', '  b(): number {', '    return 2;', '  }'],
          ours: ['  a(): number {', '    return 10;', '  }', '  b(): number {', '    return 2;', '  }'],
          theirs: ['  a(): number {', '    return 1;', '  }', '  b(): string {', "    return '2';", '  }'],
        }),
      );
      expect(resolved).toEqual([
        '  a(): number {',
        '    return 10;',
        '  }',
        '  b(): string {',
        "    return '2';",
        '  }',
      ]);
    });

    it('leaves a conflict when both sides changed the same method', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({
          base: ['  a(): number {', '    return 1;', '  }'],
          ours: ['  a(): number {', '    return 10;', '  }'],
          theirs: ['  a(): number {', '    return 100;', '  }'],
        }),
      );
      expect(resolved).toBeUndefined();
    });

    it('leaves a conflict when both sides add a method of the same name with different bodies', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({
          base: [],
          ours: ['  poll(): number {', '    return 1;', '  }'],
          theirs: ['  poll(): number {', '    return 2;', '  }'],
          after: ['}'],
        }),
      );
      expect(resolved).toBeUndefined();
    });

    it('leaves a conflict when the user deleted a method the new output changed', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({
          base: ['  a(): number {', '    return 1;', '  }', '  b(): number {', '    return 2;', '  }'],
          ours: ['  b(): number {', '    return 2;', '  }'],
          theirs: ['  a(): number {', '    return 3;', '  }', '  b(): number {', '    return 2;', '  }'],
        }),
      );
      expect(resolved).toBeUndefined();
    });
  });

  describe('interface members', () => {
    it('keeps the properties both sides added to a model', () => {
      const resolved = resolveTypeScriptHunk(
        hunk(
          {
            before: ['export interface Pet {', '  name: string;'],
            base: [],
            ours: ['  /** What we call it at home. */', '  nickname?: string;'],
            theirs: ['  /** Years. */', '  age?: number;'],
            after: ['}'],
          },
          'src/models.ts',
        ),
      );
      expect(resolved).toEqual([
        '  /** Years. */',
        '  age?: number;',
        '  /** What we call it at home. */',
        '  nickname?: string;',
      ]);
    });

    it('leaves a conflict when both sides changed one property’s type', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({ base: ['  age?: number;'], ours: ['  age?: bigint;'], theirs: ['  age?: string;'] }, 'src/models.ts'),
      );
      expect(resolved).toBeUndefined();
    });
  });

  describe('the resource registry of the client class', () => {
    it('keeps the resources both sides added', () => {
      const resolved = resolveTypeScriptHunk(
        hunk(
          {
            before: ['  /** `client.pets` */', '  readonly pets: Pets = new Pets(this);'],
            base: [],
            ours: ['  /** My own resource, in src/lib. */', '  readonly admin: AdminTools = new AdminTools(this);'],
            theirs: ['  /** `client.toys` */', '  readonly toys: Toys = new Toys(this);'],
            after: ['}'],
          },
          'src/client.ts',
        ),
      );
      expect(resolved).toEqual([
        '  /** `client.toys` */',
        '  readonly toys: Toys = new Toys(this);',
        '  /** My own resource, in src/lib. */',
        '  readonly admin: AdminTools = new AdminTools(this);',
      ]);
    });

    it('leaves a conflict when both sides add a resource of the same name', () => {
      const resolved = resolveTypeScriptHunk(
        hunk(
          {
            base: [],
            ours: ['  readonly toys: MyToys = new MyToys(this);'],
            theirs: ['  readonly toys: Toys = new Toys(this);'],
            after: ['}'],
          },
          'src/client.ts',
        ),
      );
      expect(resolved).toBeUndefined();
    });
  });

  describe('what it does not read', () => {
    it('leaves the hunks of a file that is not TypeScript alone', () => {
      const sides = {
        base: ["export { Pet } from './models.js';"],
        ours: ["export { Pet, A } from './models.js';"],
        theirs: ["export { Pet, B } from './models.js';"],
      };
      expect(resolveTypeScriptHunk(hunk(sides, 'README.md'))).toBeUndefined();
      expect(resolveTypeScriptHunk(hunk(sides, 'src/index.ts'))).toEqual(["export { Pet, B, A } from './models.js';"]);
    });

    it('leaves a conflict in statements that are not lists (a function body)', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({
          base: ['const a = 1;'],
          ours: ['const a = 2;'],
          theirs: ['const a = 3;'],
        }),
      );
      expect(resolved).toBeUndefined();
    });

    it('leaves a conflict when the user wrote a comment the new output would drop', () => {
      const resolved = resolveTypeScriptHunk(
        hunk({
          base: ["export { a } from './a.js';"],
          ours: ["export { a } from './a.js';", '// keep b out: it breaks the bundle'],
          theirs: ["export { a } from './a.js';", "export { b } from './b.js';", '// generated'],
        }),
      );
      expect(resolved).toBeUndefined();
    });
  });
});

describe('merge3 with the TypeScript-aware resolver, on whole generated files', () => {
  const file = (...lines: string[]): string => `${lines.join('\n')}\n`;
  const merged = (base: string, ours: string, theirs: string, path = 'src/resources/pets.ts') =>
    merge3({ path, base, ours, theirs }, { resolve: resolveTypeScriptHunk });

  const pets = (imports: string, methods: string[]): string =>
    file(
      imports,
      '',
      'export class Pets extends APIResource {',
      '  list(options?: RequestOptions): Promise<Pet[]> {',
      "    return this._client.get('/pets', options);",
      '  }',
      ...methods,
      '}',
    );
  const method = (name: string, body: string): string[] => ['', `  ${name}(): number {`, `    return ${body};`, '  }'];

  it('keeps a method the user added to a resource class and the one the new output added', () => {
    const imports = "import type { Pet } from '../models.js';";
    const result = merged(
      pets(imports, []),
      pets(imports, method('countAll', 'this.total')),
      pets("import type { Pet, Toy } from '../models.js';", method('count', '1')),
    );
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(
      pets("import type { Pet, Toy } from '../models.js';", [
        ...method('count', '1'),
        ...method('countAll', 'this.total'),
      ]),
    );
  });

  it('merges the export lists of index.ts both sides added to', () => {
    const index = (...lines: string[]): string =>
      file(
        "export { Pets, listPets } from './resources/pets.js';",
        ...lines,
        "export type { Pet } from './models.js';",
      );
    const result = merged(
      index(),
      index("export * from './lib/poll.js';"),
      index("export { Toys, listToys } from './resources/toys.js';"),
      'src/index.ts',
    );
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(
      index("export { Toys, listToys } from './resources/toys.js';", "export * from './lib/poll.js';"),
    );
  });

  it('keeps the resources both sides registered on the client', () => {
    const client = (...lines: string[]): string =>
      file(
        'export class Petstore extends PetstoreCore {',
        '  /** `client.pets` */',
        '  readonly pets: Pets = new Pets(this);',
        ...lines,
        '}',
      );
    const result = merged(
      client(),
      client('  readonly admin: AdminTools = new AdminTools(this);'),
      client('  /** `client.toys` */', '  readonly toys: Toys = new Toys(this);'),
      'src/client.ts',
    );
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(
      client(
        '  /** `client.toys` */',
        '  readonly toys: Toys = new Toys(this);',
        '  readonly admin: AdminTools = new AdminTools(this);',
      ),
    );
  });

  it('still reports the conflict when both sides changed the same method body', () => {
    const imports = "import type { Pet } from '../models.js';";
    const result = merged(
      pets(imports, method('count', '1')),
      pets(imports, method('count', '2')),
      pets(imports, method('count', '3')),
    );
    expect(result.conflicts.map((conflict) => [conflict.ours, conflict.theirs])).toEqual([
      [['    return 2;'], ['    return 3;']],
    ]);
  });
});
