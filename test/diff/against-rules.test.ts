// `sdkgen diff --against`: a published package, edited one way at a time, against the client
// generated from one small spec; each edit must give its findings, classified by the client rules.
import { describe, expect, it } from 'vitest';
import type { Change } from '../../generator/diff/compare.js';
import { type AgainstReport, comparePublished } from '../../generator/diff/published-compare.js';
import { generatedSurface, routesOf } from '../../generator/diff/published-generated.js';
import { normaliseType } from '../../generator/diff/published-signature.js';
import { readPackageSurface } from '../../generator/diff/published-surface.js';
import { RULES, type RuleId } from '../../generator/diff/rules.js';
import { modelSpec } from '../../generator/model-spec.js';
import { fixtureDir, PUBLISHED, PUBLISHED_BEFORE_2025, published } from './against-fixture.js';

const model = modelSpec('spec.yaml', fixtureDir()).model;
const generated = generatedSurface(model);

function against(files: Record<string, string>): AgainstReport {
  return comparePublished(
    'petstore@1.2.3',
    readPackageSurface(new Map(Object.entries(files)), 'fixture'),
    generated,
    routesOf(model),
  );
}

const base = against({ ...PUBLISHED });
const known = new Set(base.changes.map((c) => c.fingerprint));
/** The findings an edit adds to those of the unedited package. */
const fresh = (report: AgainstReport): Change[] => report.changes.filter((c) => !known.has(c.fingerprint));
const rulesOf = (changes: readonly Change[]): string[] => [...new Set(changes.map((c) => c.rule))].sort();

describe('the published package with the surface sdkgen generates', () => {
  it('has every method the same, no exported name missing, and nothing breaking', () => {
    expect(base.methods.map((m) => [m.call, m.status, m.http])).toEqual([
      ['client.owners.toys.list', 'same', 'get /owners/{owner_id}/pets/{pet_id}/toys'],
      ['client.pets.create', 'same', 'post /pets'],
      ['client.pets.list', 'same', 'get /pets'],
      ['client.pets.retrieve', 'same', 'get /pets/{pet_id}'],
    ]);
    expect(base.types.filter((t) => t.status === 'missing' || t.breaking)).toEqual([]);
    expect(base.changes.filter((c) => c.client === 'breaking')).toEqual([]);
    // What remains is sdkgen's own, and not breaking: its runtime's names and options, its standalone functions.
    expect(rulesOf(base.changes)).toEqual(['published-field-added', 'published-type-added']);
    expect(base.types.find((t) => t.name === 'listPets')).toEqual({
      name: 'listPets',
      status: 'added',
      breaking: false,
    });
  });

  it('reads the layout Stainless used before 2025 the same way (client in index.d.ts, pages as empty subclasses)', () => {
    const old = against({ ...PUBLISHED_BEFORE_2025 });
    expect(old.methods.map((m) => [m.call, m.status])).toEqual([
      ['client.owners.toys.list', 'same'],
      ['client.pets.create', 'same'],
      ['client.pets.list', 'same'],
      ['client.pets.retrieve', 'same'],
    ]);
    // Stainless exported its per-method page classes; sdkgen has none of that name.
    expect(old.types.filter((t) => t.status === 'missing').map((t) => t.name)).toEqual(['PetsCursorPage']);
  });
});

describe("a published page type's fields", () => {
  it("are what callers reach: not its #private, private or protected members (Stainless's `#client`, `options`, `body`)", () => {
    const files = published(
      [
        'core/pagination.d.ts',
        '#private;',
        '#private;\n    protected options: unknown;\n    private response: unknown;',
      ],
      [
        'resources/pets.d.ts',
        'type PetsCursorPage = CursorPage<Pet>;',
        'export type PetsCursorPage = CursorPage<Pet>;',
      ],
      ['resources/index.d.ts', 'type PetListParams }', 'type PetListParams, type PetsCursorPage }'],
    );
    const page = readPackageSurface(new Map(Object.entries(files)), 'fixture').types.get('PetsCursorPage');
    // `__@asyncIterator@…` is a symbol-named member, which the comparison leaves out as it does any `__` name.
    const fields = [...(page?.fields?.keys() ?? [])].filter((name) => !name.startsWith('__'));
    expect(fields.sort()).toEqual(['data', 'getNextPage', 'getPaginatedItems', 'hasNextPage', 'next_cursor']);
  });
});

describe('types as two packages can agree on them', () => {
  it('drops module qualifiers and import types, spells arrays one way, sorts unions, keeps string literals', () => {
    expect(normaliseType('Core.APIPromise<Shared.Pet>')).toBe('APIPromise<Pet>');
    expect(normaliseType("Promise<import('../../index.js').FileObject>")).toBe('Promise<FileObject>');
    expect(normaliseType('Array<Pet>')).toBe('Pet[]');
    expect(normaliseType("'image.png' | Pet | null")).toBe("'image.png' | Pet | null");
    expect(normaliseType('Stream<Chunk> | Completion')).toBe('Completion | Stream<Chunk>');
  });

  it('reads a streaming method by its widest overload, naming the params as callers do (`CreateParams`, not `CreateParamsBase`)', () => {
    const streaming = published([
      'resources/pets.d.ts',
      'create(body: PetCreateBody, options?: RequestOptions): APIPromise<Pet>;',
      [
        'create(body: PetCreateParamsNonStreaming, options?: RequestOptions): APIPromise<Pet>;',
        'create(body: PetCreateParamsStreaming, options?: RequestOptions): APIPromise<Stream<PetEvent>>;',
        'create(body: PetCreateParamsBase, options?: RequestOptions): APIPromise<Stream<PetEvent> | Pet>;',
      ].join('\n    '),
    ]);
    const surface = readPackageSurface(new Map(Object.entries(streaming)), 'fixture');
    expect(surface.methods.find((m) => m.call === 'client.pets.create')).toEqual({
      call: 'client.pets.create',
      arguments: [],
      params: { type: 'PetCreateParams', optional: false },
      returns: 'APIPromise<Pet | Stream<PetEvent>>',
      page: undefined,
    });
  });

  it("reads Stainless's guarded params object (2025 on) as the params type callers name", () => {
    const guarded = published([
      'resources/pets.d.ts',
      'list(query?: PetListParams | null | undefined,',
      "list(query?: (PetListParams & ({\n        [K in 'method' | 'path' | '__binaryRequest']?: never;\n    } | null | undefined)) | null | undefined,",
    ]);
    expect(fresh(against(guarded))).toEqual([]);
  });
});

const CASES: readonly {
  name: string;
  edits: readonly (readonly [string, string, string])[];
  rules: RuleId[];
  breaking: boolean;
}[] = [
  {
    name: 'a method named otherwise: the published one is missing, the generated one added',
    edits: [['resources/pets.d.ts', 'retrieve(petID', 'get(petID']],
    rules: ['published-method-added', 'published-method-missing'],
    breaking: true,
  },
  {
    name: 'positional arguments in another order',
    edits: [
      ['resources/owners/toys.d.ts', 'list(ownerID: string, petID: string', 'list(petID: string, ownerID: string'],
    ],
    rules: ['published-arguments-changed'],
    breaking: true,
  },
  {
    name: 'a positional argument of another type',
    edits: [['resources/pets.d.ts', 'retrieve(petID: string', 'retrieve(petID: number']],
    rules: ['published-arguments-changed'],
    breaking: true,
  },
  {
    name: 'a positional argument named otherwise, in the same place (callers pass it by place)',
    edits: [['resources/pets.d.ts', 'retrieve(petID: string', 'retrieve(id: string']],
    rules: ['published-arguments-renamed'],
    breaking: false,
  },
  {
    name: 'another page class',
    edits: [
      ['resources/pets.d.ts', 'type PetsCursorPage = CursorPage<Pet>;', 'type PetsCursorPage = SinglePage<Pet>;'],
      ['resources/pets.d.ts', 'import { CursorPage,', 'import { CursorPage, SinglePage,'],
    ],
    rules: ['published-page-class-changed'],
    breaking: true,
  },
  {
    name: 'an exported type the generated client lacks',
    edits: [
      [
        'resources/pets.d.ts',
        'export interface Pet {',
        'export type PetStatus = "new" | "sold";\nexport interface Pet {',
      ],
    ],
    rules: ['published-type-missing'],
    breaking: true,
  },
  {
    name: 'a params object of another name (and that type missing)',
    edits: [
      ['resources/pets.d.ts', 'list(query?: PetListParams', 'list(query?: PetQuery'],
      [
        'resources/pets.d.ts',
        'export interface PetListParams {',
        'export interface PetQuery {\n    cursor?: string;\n}\nexport interface PetListParams {',
      ],
    ],
    // The two params types are still compared: the generated one has `limit` too.
    rules: ['published-field-added', 'published-params-type-changed', 'published-type-missing'],
    breaking: true,
  },
  {
    name: 'a params object that was optional is required',
    edits: [['resources/pets.d.ts', 'create(body: PetCreateBody', 'create(body?: PetCreateBody']],
    rules: ['published-params-type-changed'],
    breaking: true,
  },
  {
    name: 'a required param added: a params field the published package had optional',
    edits: [
      [
        'resources/pets.d.ts',
        'export interface PetCreateBody {\n    name: string;',
        'export interface PetCreateBody {\n    name?: string;',
      ],
    ],
    rules: ['published-field-required'],
    breaking: true,
  },
  {
    name: 'a field of a published type missing',
    edits: [
      [
        'resources/pets.d.ts',
        '    tag?: string;\n}\nexport interface PetCreateBody',
        '    tag?: string;\n    age?: number;\n}\nexport interface PetCreateBody',
      ],
    ],
    rules: ['published-field-missing'],
    breaking: true,
  },
  {
    name: 'a response field required in the published package, optional in the generated one',
    edits: [
      [
        'resources/pets.d.ts',
        '    tag?: string;\n}\nexport interface PetCreateBody',
        '    tag: string;\n}\nexport interface PetCreateBody',
      ],
    ],
    rules: ['published-field-optional'],
    breaking: true,
  },
  {
    name: 'a response field only the generated client has',
    edits: [
      [
        'resources/pets.d.ts',
        '    tag?: string;\n}\nexport interface PetCreateBody',
        '}\nexport interface PetCreateBody',
      ],
    ],
    rules: ['published-field-added'],
    breaking: false,
  },
  {
    name: 'another return type',
    edits: [
      [
        'resources/pets.d.ts',
        'retrieve(petID: string, options?: RequestOptions): APIPromise<Pet>',
        'retrieve(petID: string, options?: RequestOptions): APIPromise<Toy>',
      ],
    ],
    rules: ['published-return-changed'],
    breaking: true,
  },
  {
    name: 'another client class',
    edits: [
      ['client.d.ts', 'export declare class Petstore {', 'export declare class PetShop {'],
      ['client.d.ts', 'export declare namespace Petstore {', 'export declare namespace PetShop {'],
      ['index.d.ts', 'export { Petstore as default }', 'export { PetShop as default }'],
      ['index.d.ts', 'export { Petstore, type ClientOptions }', 'export { PetShop, type ClientOptions }'],
    ],
    rules: ['client-class-renamed'],
    breaking: true,
  },
];

describe('each difference from the published package', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const found = fresh(against(published(...c.edits)));
      expect(rulesOf(found)).toEqual(c.rules);
      expect(found.some((change) => change.client === 'breaking')).toBe(c.breaking);
      expect(found.every((change) => change.wire === 'non-breaking')).toBe(true);
    });
  }

  it('covers every published-* rule of the catalogue with a case', () => {
    const covered = new Set<string>([...CASES.flatMap((c) => c.rules), ...rulesOf(base.changes)]);
    expect(Object.keys(RULES).filter((id) => id.startsWith('published-') && !covered.has(id))).toEqual([]);
  });

  it('reports a method per aspect, as the triplets bench reads it', () => {
    const report = against(
      published(
        ['resources/owners/toys.d.ts', 'list(ownerID: string, petID: string', 'list(petID: string, ownerID: string'],
        ['resources/pets.d.ts', 'type PetsCursorPage = CursorPage<Pet>;', 'type PetsCursorPage = SinglePage<Pet>;'],
        ['resources/pets.d.ts', 'import { CursorPage,', 'import { CursorPage, SinglePage,'],
        [
          'resources/pets.d.ts',
          'export interface PetCreateBody {\n    name: string;',
          'export interface PetCreateBody {\n    name?: string;',
        ],
        ['resources/pets.d.ts', 'retrieve(petID', 'get(petID'],
      ),
    );
    const byCall = new Map(report.methods.map((m) => [m.call, m]));
    expect(byCall.get('client.owners.toys.list')).toEqual({
      call: 'client.owners.toys.list',
      status: 'changed',
      http: 'get /owners/{owner_id}/pets/{pet_id}/toys',
      differences: [
        {
          aspect: 'arguments',
          published: '(petID: string, ownerID: string)',
          generated: '(ownerId: string, petId: string)',
          breaking: true,
        },
      ],
    });
    expect(byCall.get('client.pets.list')?.differences).toEqual([
      { aspect: 'page-class', published: 'SinglePage', generated: 'CursorPage', breaking: true },
    ]);
    expect(byCall.get('client.pets.create')?.differences).toEqual([
      { aspect: 'params-type', published: 'PetCreateBody', generated: 'PetCreateBody, requiring name', breaking: true },
    ]);
    expect(byCall.get('client.pets.get')).toEqual({ call: 'client.pets.get', status: 'missing', differences: [] });
    expect(byCall.get('client.pets.retrieve')).toMatchObject({ status: 'added', http: 'get /pets/{pet_id}' });
  });
});
