import createFetchClient from 'openapi-fetch';
import createQueryClient from 'openapi-react-query';
import { createImmutableHook, createInfiniteHook, createMutateHook, createQueryHook } from 'swr-openapi';
import { describe, expectTypeOf, it } from 'vitest';
import type { components, paths } from './app/fixtures/pets.js';

// One file, two programs: the root tsconfig resolves `openapi-fetch` to openapi-fetch itself, and
// test/query-libs/tsconfig.json (an app moved to sdkgen/fetch) resolves it to sdkgen/fetch. The
// same assertions hold in both, so the libraries infer the same types from either client.
type Pet = components['schemas']['Pet'];
type Problem = components['schemas']['Problem'];

const client = createFetchClient<paths>({ baseUrl: 'https://api.example.com' });

describe('openapi-react-query infers from the client', () => {
  const $api = createQueryClient(client);

  it('the data and error of a query', () => {
    const { data, error } = $api.useQuery('get', '/pets/{id}', { params: { path: { id: 1 } } });
    expectTypeOf(data).toEqualTypeOf<Pet | undefined>();
    expectTypeOf(error).toEqualTypeOf<Problem | null>();
  });

  it('the paths, methods and parameters it accepts', () => {
    $api.useQuery('get', '/pets', { params: { query: { limit: 1, tag: ['a'] } } });
    // @ts-expect-error: no such path
    $api.useQuery('get', '/pet');
    // @ts-expect-error: the path parameter is required
    $api.useQuery('get', '/pets/{id}', {});
    // @ts-expect-error: /pets/{id} has no POST
    $api.useMutation('post', '/pets/{id}');
  });

  it('the result and error of a mutation', () => {
    const { mutateAsync, error } = $api.useMutation('post', '/pets');
    expectTypeOf(mutateAsync({ body: { name: 'Bo' } })).toEqualTypeOf<Promise<Pet>>();
    expectTypeOf(error).toEqualTypeOf<Problem | null>();
  });

  it('the query key of queryOptions', () => {
    const { queryKey } = $api.queryOptions('get', '/pets', { params: { query: { limit: 1 } } });
    expectTypeOf(queryKey[0]).toEqualTypeOf<'get'>();
    expectTypeOf(queryKey[1]).toEqualTypeOf<'/pets'>();
    // The init is the client's own options type: its query parameters are the spec's.
    expectTypeOf(queryKey[2]).toExtend<{ params?: { query?: { limit?: number; tag?: string[] } } } | undefined>();
  });
});

describe('swr-openapi infers from the client', () => {
  it('the data and error of each hook', () => {
    const useQuery = createQueryHook(client, 'pets');
    const useImmutable = createImmutableHook(client, 'pets');
    const useInfinite = createInfiniteHook(client, 'pets');
    expectTypeOf(useQuery('/pets/{id}', { params: { path: { id: 1 } } }).data).toEqualTypeOf<Pet | undefined>();
    expectTypeOf(useQuery('/pets/{id}', { params: { path: { id: 1 } } }).error).toEqualTypeOf<Problem | undefined>();
    expectTypeOf(useImmutable('/pets', null).data).toEqualTypeOf<Pet[] | undefined>();
    expectTypeOf(useInfinite('/pets', () => null).data).toEqualTypeOf<Pet[][] | undefined>();
  });

  it('the paths and parameters it accepts', () => {
    const useQuery = createQueryHook(client, 'pets');
    const mutate = createMutateHook(client, 'pets', () => true)();
    // @ts-expect-error: the path parameter is required
    useQuery('/pets/{id}');
    // @ts-expect-error: no such path
    useQuery('/pet');
    expectTypeOf(mutate(['/pets/{id}', { params: { path: { id: 1 } } }])).toEqualTypeOf<Promise<(Pet | undefined)[]>>();
  });
});
