// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import createQueryClient, { type OpenapiQueryClient } from 'openapi-react-query';
import type { ReactNode } from 'react';
import createFetchClient from 'sdkgen/fetch';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { paths } from './fixtures/pets.js';
import { type PetsServer, startPetsServer } from './pets-server.js';

// An app built on openapi-react-query, given a client from sdkgen/fetch, against a real server.
// waitFor's limit only turns a hang into a failure: it returns as soon as the state is there.
const EVENTUALLY = { timeout: 120_000 };

let server: PetsServer;
beforeAll(async () => {
  server = await startPetsServer();
});
afterAll(() => server.close());
afterEach(cleanup);

function setUp(options: { maxRetries?: number } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const $api = createQueryClient(createFetchClient<paths>({ baseUrl: server.baseUrl, ...options }));
  return { $api, wrapper };
}

/** A component as an app writes it: the hook, typed by the spec's paths. */
function PetNames({ api }: { api: OpenapiQueryClient<paths> }) {
  const { data } = api.useQuery('get', '/pets', { params: { query: { limit: 2, tag: ['a', 'b'] } } });
  return <p>{data ? data.map((pet) => pet.name).join(', ') : 'loading'}</p>;
}

describe('openapi-react-query on a sdkgen/fetch client', () => {
  it('useQuery renders what the server sent, for the query the client serialized', async () => {
    const { $api, wrapper } = setUp();
    const before = server.requests.length;
    render(<PetNames api={$api} />, { wrapper });
    expect(await screen.findByText('Rex, Tom', undefined, EVENTUALLY)).toBeTruthy();
    expect(server.requests.slice(before).map((request) => request.url)).toEqual(['/pets?limit=2&tag=a&tag=b']);
  });

  it("an error status is the query's error: the body the spec declares for it", async () => {
    const { $api, wrapper } = setUp();
    const { result } = renderHook(() => $api.useQuery('get', '/pets/{id}', { params: { path: { id: 9 } } }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.isError).toBe(true), EVENTUALLY);
    expect(result.current.error).toEqual({ message: 'no pet 9' });
    expect(result.current.data).toBeUndefined();
  });

  it('useMutation sends the JSON body and resolves to the created resource', async () => {
    const { $api, wrapper } = setUp();
    const { result } = renderHook(() => $api.useMutation('post', '/pets'), { wrapper });
    const created = await result.current.mutateAsync({ body: { name: 'Bo' } });
    const sent = server.requests.at(-1);
    expect(created).toEqual({ id: expect.any(Number), name: 'Bo' });
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '')).toEqual({ name: 'Bo' });
  });

  it('a rejected mutation throws the error body', async () => {
    const { $api, wrapper } = setUp();
    const { result } = renderHook(() => $api.useMutation('post', '/pets'), { wrapper });
    // The spec requires `name`; the cast sends what a buggy form would.
    await expect(result.current.mutateAsync({ body: {} as { name: string } })).rejects.toEqual({
      message: 'name is required',
    });
  });

  it("sdkgen's retries run underneath when the client asks for them: a 503 then a 200 is one successful query", async () => {
    const { $api, wrapper } = setUp({ maxRetries: 1 });
    server.failListing(1);
    const before = server.requests.length;
    const { result } = renderHook(() => $api.useQuery('get', '/pets', { params: { query: { limit: 1 } } }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true), EVENTUALLY);
    expect(result.current.data).toEqual([{ id: 1, name: 'Rex' }]);
    expect(server.requests.slice(before).map((request) => request.url)).toEqual(['/pets?limit=1', '/pets?limit=1']);
  });

  it('without maxRetries a 503 is the error at once, as openapi-fetch would give it', async () => {
    const { $api, wrapper } = setUp();
    server.failListing(1);
    const before = server.requests.length;
    const { result } = renderHook(() => $api.useQuery('get', '/pets', { params: { query: { limit: 1 } } }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.isError).toBe(true), EVENTUALLY);
    expect(result.current.error).toEqual({ message: 'busy' });
    expect(server.requests.length - before).toBe(1);
  });
});
