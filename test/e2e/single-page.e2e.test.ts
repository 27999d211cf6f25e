// A list the API sends whole (a bare array here, with no paging parameter) is one page that
// iterates: the petstore fixture's client against `sdkgen mock` of the same spec.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { type MockServer, startMockServer } from '../../generator/mock/mock-server.js';
import { modelSpec } from '../../generator/model-spec.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';

const SPEC = 'test/fixtures/petstore-inferred/openapi.yaml';

interface Pet {
  id: number;
  name: string;
}
interface SinglePage extends AsyncIterable<Pet> {
  data: Pet[];
  hasNextPage(): boolean;
  getPaginatedItems(): Pet[];
  iterPages(): AsyncIterable<SinglePage>;
}
interface PetStore {
  pets: { list(params: { 'X-Trace-Id': string; limit?: number }): Promise<SinglePage> & AsyncIterable<Pet> };
}

let Client: new (options: { apiKey: string; baseURL: string }) => PetStore;
let mock: MockServer;
const dirs: string[] = [];

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'sdkgen-single-'));
  dirs.push(out);
  const { files } = generate({ spec: SPEC, out, cwd: ROOT });
  writeOutput(out, planOutput(out, files));
  Client = ((await import(pathToFileURL(join(out, 'dist/index.js')).href)) as { default: typeof Client }).default;
  mock = await startMockServer(modelSpec(SPEC, ROOT).model, { items: 7 });
});
afterAll(async () => {
  await mock.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a list without paging', () => {
  it('is one page: awaited, it has the items as data and no next page; iterated, it gives every item once', async () => {
    const client = new Client({ apiKey: 'k', baseURL: mock.baseURL });
    const page = await client.pets.list({ 'X-Trace-Id': 't' });
    expect(page.data).toHaveLength(7);
    expect(page.getPaginatedItems()).toEqual(page.data);
    expect(page.hasNextPage()).toBe(false);
    const pages: SinglePage[] = [];
    for await (const p of page.iterPages()) pages.push(p);
    expect(pages).toHaveLength(1);
    const pets: Pet[] = [];
    for await (const pet of client.pets.list({ 'X-Trace-Id': 't' })) pets.push(pet);
    expect(pets.map((p) => p.id)).toEqual(page.data.map((p) => p.id));
  });
});
