/**
 * The names the official OpenAI SDK gives each call, for test/openai/official-names.test.ts:
 * `npx tsx bench/official-names.ts [version]` (default 7.57.0) packs `openai@<version>` from the
 * npm registry, builds its client with a stub transport, calls every method of every resource
 * once, and records the HTTP method and path each one sends. Writes
 * test/fixtures/official-names/openai-node-<version>.json.
 *
 * Only methods whose own code sends a request are called: helpers (`createAndPoll`, `stream`,
 * `parse`) reach the same route through another method and would name it twice.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface OfficialName {
  readonly name: string;
  readonly http: string;
  /** The path as sent, each path argument as `{}`, with the query the method fixes. */
  readonly path: string;
}

const version = process.argv[2] ?? '7.57.0';
const dir = mkdtempSync(join(tmpdir(), 'openai-node-'));
try {
  execFileSync('npm', ['pack', `openai@${version}`, '--pack-destination', dir, '--silent'], { stdio: 'pipe' });
  execFileSync('tar', ['xzf', `openai-${version}.tgz`], { cwd: dir });
  const names = await officialNames(join(dir, 'package', 'index.js'));
  const out = join(import.meta.dirname, '..', 'test', 'fixtures', 'official-names');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `openai-node-${version}.json`), `${JSON.stringify(names, null, 1)}\n`);
  console.log(`${names.length} methods of openai@${version}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function officialNames(entry: string): Promise<OfficialName[]> {
  const module = createRequire(import.meta.url)(entry) as { OpenAI: new (options: object) => object };
  const client = new module.OpenAI({ apiKey: 'k', adminAPIKey: 'k', baseURL: 'http://127.0.0.1:9' }) as Record<
    string,
    unknown
  >;
  // A stub transport: records the route and stops the call. A list's method may come in its
  // options, which are a promise.
  let sent: { http: string; path: string } | undefined;
  const pending: Promise<void>[] = [];
  for (const verb of ['get', 'post', 'put', 'patch', 'delete', 'getAPIList']) {
    client[verb] = (path: string, a: unknown, b: unknown) => {
      const route = { http: verb === 'getAPIList' ? 'get' : verb, path };
      sent = route;
      pending.push(
        Promise.resolve(verb === 'getAPIList' ? b : a)
          .then((options) => {
            const method = (options as { method?: string } | undefined)?.method;
            if (method !== undefined) route.http = method;
          })
          .catch(() => undefined),
      );
      throw new Error('recorded');
    };
  }
  // Helpers that run a loop of their own (`runTools`) fail later, in the background, on the stub.
  const ignore = (): undefined => undefined;
  process.on('uncaughtException', ignore).on('unhandledRejection', ignore);
  const arg = '\u0000';
  // Any params object: every property it is asked for is a path argument.
  const params = (): object =>
    new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? arg : undefined), ownKeys: () => [] });
  const found: { name: string; route: { http: string; path: string } }[] = [];
  const seen = new Set<object>();
  const walk = (resource: Record<string, unknown>, chain: readonly string[]): void => {
    if (seen.has(resource)) return;
    seen.add(resource);
    const methods = new Set<string>();
    for (let proto = Object.getPrototypeOf(resource); proto !== null && proto !== Object.prototype; ) {
      if (proto.constructor.name === 'APIResource') break;
      for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor') methods.add(name);
      proto = Object.getPrototypeOf(proto);
    }
    for (const name of [...methods].sort()) {
      const fn = resource[name];
      if (typeof fn !== 'function') continue;
      const sends = /this\._client\s*\.(get|post|put|patch|delete|getAPIList)\(|\(this\._client,/.test(String(fn));
      if (!sends) continue;
      sent = undefined;
      for (const args of [
        [arg, arg, arg, arg],
        [arg, params(), params()],
      ]) {
        try {
          const result = fn.apply(resource, args) as { catch?: (f: () => void) => void } | undefined;
          result?.catch?.(() => undefined);
        } catch {}
        if (sent !== undefined) break;
      }
      if (sent !== undefined) found.push({ name: [...chain, name].join('.'), route: sent });
    }
    for (const [key, value] of Object.entries(resource).sort(([a], [b]) => a.localeCompare(b)))
      if (key !== '_client' && isResource(value)) walk(value, [...chain, key]);
  };
  const isResource = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && '_client' in value;
  for (const [key, value] of Object.entries(client).sort(([a], [b]) => a.localeCompare(b)))
    if (isResource(value)) walk(value, [key]);
  await Promise.all(pending);
  return found
    .map(({ name, route }) => ({
      name,
      http: route.http.toUpperCase(),
      path: route.path.split(encodeURIComponent(arg)).join('{}').split(arg).join('{}'),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
