// bench/openapi-typescript-members.ts: the parity bench compares the texts of two
// openapi-typescript files first and puts through tsc only the members whose own text differs.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareFiles, differingMembers, memberTexts } from '../../bench/openapi-typescript-members.js';

const FILE = `export interface paths {
    "/pets": {
        get: operations["listPets"];
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Pet: {
            name?: string;
        };
        Id: number;
    };
    responses: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listPets: {
        parameters: {
            query?: never;
        };
        responses: {
            200: {
                content: {
                    "application/json": components["schemas"]["Pet"][];
                };
            };
        };
    };
}
`;

const dir = mkdtempSync(join(tmpdir(), 'members-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('differingMembers', () => {
  it('names each member at the depths the comparison walks', () => {
    expect([...memberTexts(FILE).keys()]).toContain(
      'operations["listPets"]["responses"]["200"]["content"]["application/json"]',
    );
    expect([...memberTexts(FILE).keys()]).toContain('components["schemas"]["Pet"]');
  });

  it('finds nothing when only the order of the members differs', () => {
    const reordered = FILE.replace(
      /Pet: \{\n\s+name\?: string;\n\s+\};\n\s+Id: number;/,
      'Id: number;\n        Pet: {\n            name?: string;\n        };',
    );
    expect(reordered).not.toBe(FILE);
    expect(differingMembers(FILE, reordered).differing).toEqual([]);
  });

  it('names the innermost member whose text differs, and a member only one side has', () => {
    const changed = FILE.replace('Id: number;', 'Id: string;\n        Owner: string;');
    expect([...differingMembers(FILE, changed).differing].sort()).toEqual([
      'components["schemas"]["Id"]',
      'components["schemas"]["Owner"]',
    ]);
  });
});

describe('compareFiles', () => {
  it('calls byte-identical files equal without tsc', () => {
    expect(compareFiles(join(dir, 'same'), FILE, FILE)).toEqual({
      sameText: true,
      differing: [],
      checked: 0,
      differences: [],
    });
  });

  it('checks only the differing members, and finds equal types written differently equal', () => {
    const result = compareFiles(join(dir, 'equal'), FILE, FILE.replace('name?: string;', 'name?: string | undefined;'));
    expect(result).toEqual({
      sameText: false,
      differing: ['components["schemas"]["Pet"]'],
      checked: 1,
      differences: [],
    });
  });

  it('reports the members tsc finds different, and their parent when a `?` changed', () => {
    const result = compareFiles(join(dir, 'differs'), FILE, FILE.replace('Id: number;', 'Id: string;'));
    expect(result.differences).toEqual(['components["schemas"]["Id"]: not mutually assignable']);
    const optional = compareFiles(join(dir, 'optional'), FILE, FILE.replace('query?: never;', 'query: string;'));
    expect(optional.differences).toContain('operations["listPets"]["parameters"]: not mutually assignable');
  });
});
