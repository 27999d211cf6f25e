/**
 * Answer keys of hand-kept SDKs whose every request goes through one function of the client (its
 * transport): Spotify's, Notion's, Resend's, X's (`twitter-api-v2`) and jira.js. Each reader builds the client, replaces that
 * function with one that records the HTTP method and path and sends nothing, and then every method
 * reached from the client is called once, awaited, with placeholder arguments.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ARG, type PublishedName } from './published-names.js';

interface Sent {
  readonly http: string;
  readonly path: string;
}

/** A client with its transport stubbed. */
export interface Transported {
  readonly root: object;
  /** Whether a member is a group of calls to walk into (not the client's configuration or auth). */
  readonly isResource: (value: unknown) => boolean;
  /** The client's own members that are no call: its transport, and deprecated aliases of another group. */
  readonly skip: ReadonlySet<string>;
  /** Options the SDK reads to pick another route than its plain one: never given (see `resend`). */
  readonly unset?: readonly string[];
  /** What the client puts before every path it is given (Spotify's `https://api.spotify.com/v1/`'s path). */
  readonly prefix: string;
  /** The route the last call sent, as sent: the path may hold a query, which is dropped. */
  readonly take: () => Sent | undefined;
}

/** A recorder for a transport: what it was given last, taken once. */
function recorder(): { readonly record: (sent: Sent) => never; readonly take: () => Sent | undefined } {
  let last: Sent | undefined;
  return {
    record: (sent) => {
      last = sent;
      // The method's own code stops here: nothing after the transport runs.
      throw new Error('recorded');
    },
    take: () => {
      const sent = last;
      last = undefined;
      return sent;
    },
  };
}

/** Any params object: every property it is asked for, but those `unset`, is a path argument. */
const params = (unset: ReadonlySet<string>): object =>
  new Proxy(
    {},
    {
      get: (_t, key) => (typeof key === 'string' && !unset.has(key) ? ARG : undefined),
      has: (_t, key) => typeof key === 'string' && !unset.has(key),
      ownKeys: () => [],
    },
  );

/** The arguments tried in turn until a call sends: an options object, then path arguments as strings. */
const tries = (unset: ReadonlySet<string>): readonly (() => unknown[])[] => [
  () => [params(unset)],
  () => [ARG],
  () => [ARG, params(unset)],
  () => [ARG, ARG],
  () => [ARG, ARG, ARG],
  () => [],
];

/** A member's names: its own, then its class's methods (the root's transport is in `skip`). */
function memberNames(value: object): string[] {
  const names = new Set(Object.keys(value));
  for (let proto = Object.getPrototypeOf(value); proto !== null && proto !== Object.prototype; ) {
    for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor') names.add(name);
    proto = Object.getPrototypeOf(proto);
  }
  return [...names].sort();
}

/** A call found: where it is, and the arguments it sent with. */
interface Found {
  readonly group: Record<string, unknown>;
  readonly name: string;
  readonly args: unknown[];
  readonly recorded: PublishedName;
}

async function sentBy(fn: (...args: unknown[]) => unknown, self: object, client: Transported) {
  const { take } = client;
  for (const tried of tries(new Set(client.unset))) {
    const args = tried();
    take();
    try {
      await fn.apply(self, args);
    } catch {}
    const sent = take();
    // A path that starts with an argument is the caller's (a generic `getRequest(url)`), no route.
    if (typeof sent?.path === 'string' && !sent.path.replace(/^\//, '').startsWith(ARG)) return { sent, args };
  }
  return undefined;
}

/**
 * A method whose whole body returns another call (`send(p) { return this.create(p); }`, Resend's
 * `templates.create` wrapping `performCreate`): another name of that call, the one its docs may use.
 */
const isAlias = (fn: unknown): boolean =>
  /\)\s*\{\s*return\s+(await\s+)?(new\s+\w+\()?this\.\w+\([^;]*;?\s*\}$/.test(String(fn));

/**
 * The calls that send through another call found and do more than name it again
 * (`emails.receiving.forward` first reads the email by `this.get`, then sends it): each call is
 * made again with every call found wrapped, and one that enters another is left out, unless it is
 * an alias of it (Resend's `batch.send` is `this.create`), which is recorded beside it.
 */
async function throughOthers(found: readonly Found[], take: Transported['take']): Promise<Set<Found>> {
  let entered = new Set<Found>();
  const aliases = new Set(found.filter((f) => isAlias(f.group[f.name])));
  for (const f of found) {
    const own = f.group[f.name] as (...args: unknown[]) => unknown;
    f.group[f.name] = function (this: unknown, ...args: unknown[]) {
      entered.add(f);
      return own.apply(this, args);
    };
  }
  const delegating = new Set<Found>();
  for (const f of found) {
    entered = new Set();
    take();
    try {
      await (f.group[f.name] as (...args: unknown[]) => unknown).apply(f.group, f.args);
    } catch {}
    take();
    if (!aliases.has(f) && [...entered].some((other) => other !== f)) delegating.add(f);
  }
  return delegating;
}

/** Every call reached from the client, once, by its place on the client. */
export async function recordTransported(client: Transported): Promise<PublishedName[]> {
  const found: Found[] = [];
  const seen = new Set<object>([client.root]);
  const walk = async (group: Record<string, unknown>, chain: readonly string[]): Promise<void> => {
    for (const name of memberNames(group)) {
      if (name.startsWith('_') || (chain.length === 0 && client.skip.has(name))) continue;
      const member = group[name];
      if (typeof member === 'function') {
        const call = await sentBy(member as (...args: unknown[]) => unknown, group, client);
        const path = `${client.prefix}${call?.sent.path.split('?')[0] ?? ''}`;
        if (call !== undefined)
          found.push({
            group,
            name,
            args: call.args,
            recorded: {
              call: [...chain, name].join('.'),
              http: call.sent.http.toUpperCase(),
              path: path.split(encodeURIComponent(ARG)).join('{}').split(ARG).join('{}'),
            },
          });
      } else if (typeof member === 'object' && member !== null && !seen.has(member) && client.isResource(member)) {
        seen.add(member);
        await walk(member as Record<string, unknown>, [...chain, name]);
      }
    }
  };
  await walk(client.root as Record<string, unknown>, []);
  const delegating = await throughOthers(found, client.take);
  return found
    .filter((f) => !delegating.has(f))
    .map((f) => f.recorded)
    .sort((a, b) => a.call.localeCompare(b.call) || a.path.localeCompare(b.path));
}

const load = (packageDir: string): Record<string, unknown> =>
  createRequire(join(packageDir, 'package.json'))(packageDir) as Record<string, unknown>;

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * Spotify's `@spotify/web-api-ts-sdk`: groups are `EndpointsBase`s holding the client, and every
 * call is the client's `makeRequest(method, url)`, its url relative to `https://api.spotify.com/v1/`.
 */
export function spotify(packageDir: string): Transported {
  const { SpotifyApi } = load(packageDir) as {
    SpotifyApi: { withAccessToken: (id: string, token: object) => Record<string, unknown> };
  };
  const root = SpotifyApi.withAccessToken('id', { access_token: 'k', token_type: 'Bearer', expires_in: 3600 });
  const { record, take } = recorder();
  root['makeRequest'] = (method: string, url: string) => record({ http: method, path: url });
  return {
    root,
    prefix: '/v1/',
    isResource: (value) => isObject(value) && 'api' in value,
    skip: new Set(['makeRequest', 'authenticate', 'getAccessToken', 'logOut', 'switchAuthenticationStrategy']),
    take,
  };
}

/**
 * Notion's `@notionhq/client`: groups are plain objects of arrow functions on the client, each
 * calling its `request({ path, method })`, the path relative to `https://api.notion.com/v1/`.
 */
export function notion(packageDir: string): Transported {
  const { Client } = load(packageDir) as { Client: new (options: object) => Record<string, unknown> };
  const root = new Client({ auth: 'k' });
  const { record, take } = recorder();
  root['request'] = ({ path, method }: { path: string; method: string }) => record({ http: method, path });
  return {
    root,
    prefix: '/v1/',
    isResource: (value) => isObject(value) && Object.getPrototypeOf(value) === Object.prototype,
    skip: new Set(['request']),
    take,
  };
}

/**
 * Resend's `resend`: groups are classes holding the client, and every call is the client's
 * `fetchRequest(path, { method })`. `audiences` is the deprecated name of `segments`, left out; so
 * is the deprecated option that sends a contact's calls there (`audienceId`: `/audiences/{}/contacts/{}`).
 * (`segmentId` stays: it is the path argument of `contacts.segments.add`, and lists one segment's
 * contacts where `contacts.list` is given it.)
 */
export function resend(packageDir: string): Transported {
  const { Resend } = load(packageDir) as { Resend: new (key: string) => Record<string, unknown> };
  const root = new Resend('re_k');
  const { record, take } = recorder();
  root['fetchRequest'] = (path: string, options: { method?: string } = {}) =>
    record({ http: options.method ?? 'GET', path });
  return {
    root,
    prefix: '',
    isResource: (value) => isObject(value) && 'resend' in value,
    skip: new Set(['fetchRequest', 'get', 'post', 'put', 'patch', 'delete', 'audiences']),
    unset: ['audienceId'],
    take,
  };
}

/**
 * jira.js's cloud client is `createCloudClient`'s table, `{ issues: { createIssue: (p) => issues.createIssue(client, p) } }`,
 * a group per module it imports from dist/cloud/api, by the name it imports it as, and a call per
 * function the module exports: the same table is built here around a client whose
 * `sendRequest({ url, method })` records.
 */
export async function jira(packageDir: string): Promise<Transported> {
  const { record, take } = recorder();
  const client = {
    sendRequest: ({ url, method }: { url: string; method: string }) => record({ http: method, path: url }),
  };
  const cloud = join(packageDir, 'dist', 'cloud');
  const table = readFileSync(join(cloud, 'createCloudClient.js'), 'utf8');
  const root: Record<string, Record<string, unknown>> = {};
  for (const [, name, file] of table.matchAll(/import \* as (\w+) from '\.\/(api\/\w+\.js)'/g)) {
    if (name === undefined || file === undefined) continue;
    const module = (await import(pathToFileURL(join(cloud, file)).href)) as Record<string, unknown>;
    const group: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(module))
      if (typeof fn === 'function')
        group[name] = (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(client, ...args);
    root[name] = group;
  }
  return { root, isResource: isObject, skip: new Set(), prefix: '', take };
}

/**
 * X's `twitter-api-v2`: the v2 client (`client.v2`, the API its spec describes) is one flat class
 * of methods, each calling its `get`/`post`/`put`/`patch`/`delete` (or, for a stream,
 * `getStream`/`postStream`) with a url relative to `https://api.x.com/2/` whose arguments are
 * `:name`s. Its calls are recorded from `client.v2`; `v2.labs` and the read-only/read-write views
 * of the same methods are not walked.
 */
export function twitter(packageDir: string): Transported {
  const { TwitterApi } = load(packageDir) as { TwitterApi: new (token: string) => { v2: Record<string, unknown> } };
  const root = new TwitterApi('k').v2;
  const { record, take } = recorder();
  const relative = (url: string): string => url.replace(/^https?:\/\/[^/]+\/2\//, '').replace(/:\w+/g, ARG);
  const transport = {
    get: 'GET',
    post: 'POST',
    put: 'PUT',
    patch: 'PATCH',
    delete: 'DELETE',
    getStream: 'GET',
    postStream: 'POST',
  } as const;
  for (const [name, http] of Object.entries(transport))
    root[name] = (url: unknown) => record({ http, path: typeof url === 'string' ? relative(url) : String(url) });
  // Anything reaching the request maker past these has no route of its own; nothing is ever sent.
  root['send'] = () => record({ http: 'GET', path: ARG });
  root['sendStream'] = root['send'];
  // The base client's cached reads of the logged-in user (v1.1's, and v2's `me` again) are no call of the
  // v2 API's own; calls on the user's own items (`bookmarks`) read its id from them first, an argument of their route.
  const helpers = ['getCurrentUserObject', 'getCurrentUserV2Object'];
  for (const helper of helpers) root[helper] = () => Promise.resolve({ id_str: ARG, data: { id: ARG } });
  return {
    root,
    isResource: () => false,
    skip: new Set([...Object.keys(transport), 'send', 'sendStream', ...helpers]),
    prefix: '/2/',
    take,
  };
}
