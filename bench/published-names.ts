/**
 * Answer keys for bench/naming-agreement.ts: the call path a published, hand-made SDK gives each
 * route. `npx tsx bench/published-names.ts <npm spec | unpacked package folder | SDK checkout> [...]` loads the
 * package, builds its client with a stub transport, calls every method of every resource once,
 * and records the HTTP method and path it sends; writes
 * test/fixtures/published-names/<package>-<version>.json (`[{ call, http, path }]`).
 *
 * Two kinds of SDK are read:
 * - Stainless-generated TypeScript packages (openai, lumaai, increase, …): resources reached
 *   from the client, methods whose own code calls `this._client.<verb>(`. Helpers
 *   (`createAndPoll`, `stream`) reach the same route through another method and are skipped.
 * - stripe-node, whose methods are `stripeMethod({ method, fullPath })` declarations: its
 *   request sender is stubbed instead.
 * - Octokit's REST methods (`@octokit/plugin-rest-endpoint-methods`, hand-kept for GitHub's
 *   REST API), whose methods are built from one table of `scope.method → "VERB /path"`: the
 *   table is read; its deprecated aliases (`renamed`) are left out.
 * - Slack's `@slack/web-api`, hand-kept, whose methods are `apiCall` bound to a Web API method
 *   name (`chat.postMessage`), which it POSTs to `/<name>`: `apiCall` is stubbed before the client
 *   is built, and every function reached from the client is called once.
 * - Spotify's, Notion's, Resend's, X's (`twitter-api-v2`) SDKs and jira.js, hand-kept, whose every request goes through
 *   one function of the client: that function is stubbed (bench/published-names-transport.ts).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  jira,
  notion,
  recordTransported,
  resend,
  spotify,
  type Transported,
  twitter,
} from './published-names-transport.js';

export interface PublishedName {
  /** The call, from the client: `simulations.cardAuthorizations.create`. */
  readonly call: string;
  readonly http: string;
  /** The path as sent, each path argument as `{}`, with the query the method fixes. */
  readonly path: string;
}

interface Sent {
  http: string;
  path: string;
}

/** What a stubbed client is: its resources, how to tell one, and the last route it sent. */
interface Stubbed {
  readonly root: Record<string, unknown>;
  readonly isResource: (value: unknown) => value is Record<string, unknown>;
  /** Where a resource's own methods stop: the base class every resource shares. */
  readonly isBase: (proto: object) => boolean;
  /** Whether a method sends a request of its own (not through another method). */
  readonly sends: (fn: (...args: unknown[]) => unknown) => boolean;
  readonly take: () => Sent | undefined;
  readonly settled: () => Promise<void>;
}

/** A path argument: its encoded and plain forms are both read back as `{}`. */
export const ARG = 'zzARGzz';

/** Hand-kept SDKs whose every request goes through one function of the client (bench/published-names-transport.ts). */
const TRANSPORTED: Readonly<Record<string, (packageDir: string) => Transported | Promise<Transported>>> = {
  '@spotify/web-api-ts-sdk': spotify,
  '@notionhq/client': notion,
  resend,
  'jira.js': jira,
  'twitter-api-v2': twitter,
};

/** Loads a package's entry and records every call of its client. */
export async function publishedNames(packageDir: string): Promise<PublishedName[]> {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { name: string };
  if (manifest.name === '@octokit/plugin-rest-endpoint-methods') return octokitNames(packageDir);
  if (manifest.name === '@slack/web-api') return slackNames(packageDir);
  const transported = TRANSPORTED[manifest.name];
  if (transported !== undefined) return recordTransported(await transported(packageDir));
  const module = createRequire(join(packageDir, 'package.json'))(entry(packageDir)) as Record<string, unknown>;
  const stubbed = manifest.name === 'stripe' ? stubStripe(module) : stubStainless(module);
  return recordCalls(stubbed);
}

/** Octokit's endpoint table, `{ issues: { listForRepo: ["GET /repos/{owner}/{repo}/issues"] } }`, as calls. */
async function octokitNames(packageDir: string): Promise<PublishedName[]> {
  const table = join(packageDir, 'dist-src', 'generated', 'endpoints.js');
  const { default: endpoints } = (await import(pathToFileURL(table).href)) as {
    default: Record<string, Record<string, [string, ...({ renamed?: unknown } | undefined)[]]>>;
  };
  return Object.entries(endpoints)
    .flatMap(([scope, methods]) =>
      Object.entries(methods)
        .filter(([, [, , options]]) => options?.renamed === undefined)
        .map(([method, [route]]) => {
          const [http = '', path = ''] = route.split(' ');
          return { call: `${scope}.${method}`, http, path: path.replace(/\{[^}]*\}/g, '{}') };
        }),
    )
    .sort((a, b) => a.call.localeCompare(b.call) || a.path.localeCompare(b.path));
}

/** Slack's WebClient: each bound method's Web API name, by its place on the client (`client.admin.apps.approve`). */
async function slackNames(packageDir: string): Promise<PublishedName[]> {
  const { WebClient } = createRequire(join(packageDir, 'package.json'))(packageDir) as {
    WebClient: { prototype: { apiCall: unknown }; new (): Record<string, unknown> };
  };
  let sent: string | undefined;
  // Bound when the client is built: stubbed on the prototype first.
  WebClient.prototype.apiCall = (method: string) => {
    sent = method;
    return Promise.resolve({});
  };
  const client = new WebClient();
  const found: PublishedName[] = [];
  const walk = (value: Record<string, unknown>, chain: readonly string[]): void => {
    for (const [key, member] of Object.entries(value)) {
      if (key.startsWith('_')) continue;
      if (typeof member === 'function') {
        sent = undefined;
        try {
          (member as (options: object) => unknown)({});
        } catch {}
        // A helper of its own (`filesUploadV2`, `chatStream`) sends nothing through apiCall at once.
        if (sent !== undefined) found.push({ call: [...chain, key].join('.'), http: 'POST', path: `/${sent}` });
      } else if (typeof member === 'object' && member !== null && Object.getPrototypeOf(member) === Object.prototype) {
        walk(member as Record<string, unknown>, [...chain, key]);
      }
    }
  };
  walk(client, []);
  return found.sort((a, b) => a.call.localeCompare(b.call) || a.path.localeCompare(b.path));
}

/**
 * The package's built entry, else (a git checkout of the SDK at a release npm does not have, run
 * under tsx) its TypeScript source: `src/index.ts`.
 */
function entry(packageDir: string): string {
  const { main } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { main?: string };
  const source = join(packageDir, 'src', 'index.ts');
  return existsSync(join(packageDir, main ?? 'index.js')) || !existsSync(source) ? packageDir : source;
}

function stubStainless(module: Record<string, unknown>): Stubbed {
  const Client = clientClass(module);
  // Every credential option the constructor may insist on is given; nothing else is.
  const options = new Proxy(
    {},
    {
      get: (_t, key) =>
        key === 'baseURL'
          ? 'http://127.0.0.1:9'
          : typeof key === 'string' && /key|token|secret|password|username|auth|bearer/i.test(key)
            ? 'k'
            : undefined,
      ownKeys: () => [],
    },
  );
  const root = new Client(options) as Record<string, unknown>;
  let sent: Sent | undefined;
  const pending: Promise<void>[] = [];
  for (const verb of ['get', 'post', 'put', 'patch', 'delete', 'getAPIList']) {
    root[verb] = (path: string, a: unknown, b: unknown) => {
      const route = { http: verb === 'getAPIList' ? 'get' : verb, path };
      sent = route;
      // A list's HTTP method may come in its options, which are a promise.
      pending.push(
        Promise.resolve(verb === 'getAPIList' ? b : a)
          .then((opts) => {
            const method = (opts as { method?: string } | undefined)?.method;
            if (method !== undefined) route.http = method;
          })
          .catch(() => undefined),
      );
      throw new Error('recorded');
    };
  }
  return {
    root,
    isResource: (value): value is Record<string, unknown> =>
      typeof value === 'object' && value !== null && '_client' in value,
    isBase: (proto) => proto.constructor.name === 'APIResource',
    sends: (fn) => /this\._client\s*\.(get|post|put|patch|delete|getAPIList)\(|\(this\._client,/.test(String(fn)),
    take: () => {
      const last = sent;
      sent = undefined;
      return last;
    },
    settled: async () => {
      await Promise.all(pending);
    },
  };
}

/** The package's client: its default export, or the exported class that builds URLs. */
function clientClass(module: Record<string, unknown>): new (options: object) => object {
  const candidates = [module['default'], module, ...Object.values(module)];
  const found = candidates.find(
    (c): c is new (options: object) => object =>
      typeof c === 'function' &&
      typeof (c as { prototype?: { buildURL?: unknown } }).prototype?.buildURL === 'function',
  );
  if (found === undefined) throw new Error('no Stainless client class in the package');
  return found;
}

function stubStripe(module: Record<string, unknown>): Stubbed {
  const Stripe = (module['default'] ?? module['Stripe'] ?? module) as new (key: string) => Record<string, unknown>;
  const root = new Stripe('sk_test_k');
  let sent: Sent | undefined;
  (root['_requestSender'] as { _request: unknown })._request = (method: string, _host: unknown, path: string) => {
    sent = { http: method, path };
    throw new Error('recorded');
  };
  return {
    root,
    isResource: (value): value is Record<string, unknown> => typeof value === 'object' && value !== null,
    isBase: (proto) => Object.hasOwn(proto, '_makeRequest'),
    sends: () => true,
    take: () => {
      const last = sent;
      sent = undefined;
      return last;
    },
    settled: async () => undefined,
  };
}

async function recordCalls(stub: Stubbed): Promise<PublishedName[]> {
  // Helpers that run a loop of their own (`runTools`) fail later, in the background, on the stub.
  const ignore = (): undefined => undefined;
  process.on('uncaughtException', ignore).on('unhandledRejection', ignore);
  // Any params object: every property it is asked for is a path argument.
  const params = (): object =>
    new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? ARG : undefined), ownKeys: () => [] });
  const found: { call: string; route: Sent }[] = [];
  const seen = new Set<object>([stub.root]);
  const walk = (resource: Record<string, unknown>, chain: readonly string[]): void => {
    const methods = new Set<string>();
    // The client's own methods are its transport, never a route.
    for (
      let proto = chain.length === 0 ? null : Object.getPrototypeOf(resource);
      proto !== null && proto !== Object.prototype;
    ) {
      if (stub.isBase(proto)) break;
      for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor') methods.add(name);
      proto = Object.getPrototypeOf(proto);
    }
    for (const name of [...methods].sort()) {
      const fn = resource[name];
      if (typeof fn !== 'function' || name.startsWith('_') || !stub.sends(fn as () => unknown)) continue;
      stub.take();
      let sent: Sent | undefined;
      for (const args of [
        [ARG, ARG, ARG, ARG],
        [ARG, params(), params()],
        [params(), params()],
        // stripe-node takes exactly its path arguments, then an optional params object.
        [],
        [ARG],
        [ARG, ARG],
        [ARG, ARG, ARG],
      ]) {
        try {
          const result = fn.apply(resource, args) as { catch?: (f: () => void) => void } | undefined;
          result?.catch?.(() => undefined);
        } catch {}
        sent = stub.take();
        if (sent !== undefined) break;
      }
      if (sent !== undefined) found.push({ call: [...chain, name].join('.'), route: sent });
    }
    for (const [key, value] of Object.entries(resource).sort(([a], [b]) => a.localeCompare(b))) {
      if (key.startsWith('_') || !stub.isResource(value) || seen.has(value)) continue;
      seen.add(value);
      walk(value, [...chain, key]);
    }
  };
  walk(stub.root, []);
  await stub.settled();
  return found
    .map(({ call, route }) => ({
      call,
      http: route.http.toUpperCase(),
      path: route.path.split(encodeURIComponent(ARG)).join('{}').split(ARG).join('{}'),
    }))
    .sort((a, b) => a.call.localeCompare(b.call) || a.path.localeCompare(b.path));
}

/** An npm spec packed, or a folder holding package.json copied, into a temporary folder. */
export function unpacked(source: string, into: string): string {
  if (existsSync(join(source, 'package.json'))) cpSync(resolve(source), join(into, 'package'), { recursive: true });
  else {
    execFileSync('npm', ['pack', source, '--pack-destination', into, '--silent'], { stdio: 'pipe' });
    const tarball = readdirSync(into).find((f) => f.endsWith('.tgz'));
    if (tarball === undefined) throw new Error(`npm pack ${source} gave no tarball`);
    execFileSync('tar', ['xzf', tarball], { cwd: into });
  }
  // A checkout's dev tools (some fetched from GitHub) are never run here: only its own dependencies are installed,
  // whatever Node its developers insist on (resend's `devEngines`).
  const manifest = join(into, 'package', 'package.json');
  const {
    devDependencies: _dev,
    devEngines: _engines,
    ...runtime
  } = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifest, JSON.stringify(runtime));
  // The package's own dependencies (older Stainless shims' `node-fetch`, stripe-node's `qs`), scripts off.
  execFileSync('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--silent'], {
    cwd: join(into, 'package'),
    stdio: 'pipe',
  });
  return join(into, 'package');
}

export const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures', 'published-names');

/** `@linqapp/sdk` 0.20.0 → `linqapp-sdk-0.20.0.json`. */
export const fixtureName = (name: string, version: string): string =>
  `${name.replace(/^@/, '').replace(/\//g, '-')}-${version}.json`;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const source of process.argv.slice(2)) {
    const dir = mkdtempSync(join(tmpdir(), 'published-names-'));
    try {
      const packageDir = unpacked(source, dir);
      const { name, version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
      };
      const names = await publishedNames(packageDir);
      mkdirSync(FIXTURES, { recursive: true });
      writeFileSync(join(FIXTURES, fixtureName(name, version)), `${JSON.stringify(names, null, 1)}\n`);
      console.log(`${names.length} methods of ${name}@${version}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.exit(0);
}
