/**
 * openapi-fetch's path-based client: `client['/pets/{id}'].GET({ params })`. Each path's
 * forwarder is made on first use and kept on the client, so later calls skip the proxy.
 */
import { createClient } from './create-client.js';
import type { MediaType } from './schema-types.js';
import type { Client, ClientOptions, PathBasedClient } from './types.js';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

type Forwarder = Record<(typeof METHODS)[number], (init?: unknown) => Promise<unknown>>;

function forwarder(client: object, url: string): Forwarder {
  const methods = client as unknown as Record<string, (url: string, init?: unknown) => Promise<unknown>>;
  const out = {} as Forwarder;
  for (const method of METHODS)
    out[method] = (init) => (methods[method] as (url: string, init?: unknown) => Promise<unknown>)(url, init);
  return out;
}

export function wrapAsPathBasedClient<Paths extends {}, Media extends MediaType = MediaType>(
  client: Client<Paths, Media>,
): PathBasedClient<Paths, Media> {
  const cache: Record<string, Forwarder> = {};
  // The proxy sits on the cache's prototype chain: it is asked only for a path not seen yet.
  const proxy = new Proxy(client, {
    get(target, url) {
      if (typeof url !== 'string') return undefined;
      const made = forwarder(target, url);
      Object.defineProperty(cache, url, { value: made, enumerable: true, configurable: true, writable: true });
      return made;
    },
  });
  Object.setPrototypeOf(cache, proxy);
  return cache as unknown as PathBasedClient<Paths, Media>;
}

export function createPathBasedClient<Paths extends {}, Media extends MediaType = MediaType>(
  clientOptions?: ClientOptions,
): PathBasedClient<Paths, Media> {
  return wrapAsPathBasedClient(createClient<Paths, Media>(clientOptions));
}
