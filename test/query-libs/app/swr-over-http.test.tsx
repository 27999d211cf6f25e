// @vitest-environment happy-dom
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import createFetchClient from 'sdkgen/fetch';
import { SWRConfig } from 'swr';
import { createImmutableHook, createInfiniteHook, createMutateHook, createQueryHook } from 'swr-openapi';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { paths } from './fixtures/pets.js';
import { type PetsServer, startPetsServer } from './pets-server.js';

// An app built on swr-openapi, given a client from sdkgen/fetch, against a real server.
// waitFor's limit only turns a hang into a failure: it returns as soon as the state is there.
const EVENTUALLY = { timeout: 120_000 };

let server: PetsServer;
beforeAll(async () => {
  server = await startPetsServer();
});
afterAll(() => server.close());
afterEach(cleanup);

/** Each test gets its own SWR cache, so that no answer carries over. */
const wrapper = ({ children }: { children: ReactNode }) => (
  <SWRConfig value={{ provider: () => new Map(), dedupingInterval: 0 }}>{children}</SWRConfig>
);

function hooks() {
  const client = createFetchClient<paths>({ baseUrl: server.baseUrl });
  return {
    client,
    useQuery: createQueryHook(client, 'pets'),
    useImmutable: createImmutableHook(client, 'pets'),
    useInfinite: createInfiniteHook(client, 'pets'),
    useMutate: createMutateHook(client, 'pets', (init, given) => JSON.stringify(init) === JSON.stringify(given)),
  };
}

describe('swr-openapi on a sdkgen/fetch client', () => {
  it('useQuery returns what the server sent, for the query the client serialized', async () => {
    const { useQuery } = hooks();
    const before = server.requests.length;
    const { result } = renderHook(() => useQuery('/pets', { params: { query: { limit: 1, tag: ['x'] } } }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.data).toEqual([{ id: 1, name: 'Rex' }]), EVENTUALLY);
    expect(server.requests.slice(before).map((request) => request.url)).toEqual(['/pets?limit=1&tag=x']);
  });

  it("an error status is the hook's error: the body the spec declares for it", async () => {
    const { useQuery } = hooks();
    const { result } = renderHook(() => useQuery('/pets/{id}', { params: { path: { id: 9 } } }), { wrapper });
    await waitFor(() => expect(result.current.error).toEqual({ message: 'no pet 9' }), EVENTUALLY);
    expect(result.current.data).toBeUndefined();
  });

  it('useImmutable fetches a path parameter’s resource', async () => {
    const { useImmutable } = hooks();
    const { result } = renderHook(() => useImmutable('/pets/{id}', { params: { path: { id: 2 } } }), { wrapper });
    await waitFor(() => expect(result.current.data).toEqual({ id: 2, name: 'Tom' }), EVENTUALLY);
  });

  it('useInfinite loads one page per key the app builds', async () => {
    const { useInfinite } = hooks();
    const { result } = renderHook(
      () =>
        useInfinite('/pets', (index) => (index < 2 ? { params: { query: { limit: index + 1 } } } : null), {
          initialSize: 2,
        }),
      { wrapper },
    );
    await waitFor(
      () =>
        expect(result.current.data).toEqual([
          [{ id: 1, name: 'Rex' }],
          [
            { id: 1, name: 'Rex' },
            { id: 2, name: 'Tom' },
          ],
        ]),
      EVENTUALLY,
    );
  });

  it('after a POST through the same client, mutate revalidates the listing it matches', async () => {
    const { client, useQuery, useMutate } = hooks();
    const init = { params: { query: { limit: 10 } } };
    const { result } = renderHook(() => ({ list: useQuery('/pets', init), mutate: useMutate() }), { wrapper });
    await waitFor(() => expect(result.current.list.data).toBeDefined(), EVENTUALLY);
    const { data: created } = await client.POST('/pets', { body: { name: 'Ivy' } });
    await result.current.mutate(['/pets', init]);
    await waitFor(() => expect(result.current.list.data).toContainEqual(created), EVENTUALLY);
  });
});
