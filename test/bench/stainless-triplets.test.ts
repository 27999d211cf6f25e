import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredMethods, looseName, routeKey, specRoutes } from '../../bench/triplets/config-methods.js';
import { explainDifference } from '../../bench/triplets/differences.js';
import { materialise, tripletFiles } from '../../bench/triplets/materialise.js';
import { PinError, parsePins, type Triplet } from '../../bench/triplets/pins.js';
import { renderReport } from '../../bench/triplets/report.js';
import { type AgainstReport, inferredCallPaths, scoreTriplet } from '../../bench/triplets/score.js';

const COMMIT = 'a'.repeat(40);
const file = (path: string) => ({ repo: 'acme/sdk-config', commit: COMMIT, path });

describe('the pins', () => {
  const triplet = {
    name: 'acme',
    config: file('stainless.yml'),
    spec: file('openapi.yml'),
    published: { repo: 'acme/acme-node', commit: COMMIT, folder: '', version: 'acme@1.0.0' },
    why: 'the SDK build follows the config commit',
  };

  it('reads a repository folder, an npm version and hand-explained shortfalls', () => {
    const [repo, npm] = parsePins(
      {
        triplets: [
          triplet,
          {
            ...triplet,
            name: 'acme-npm',
            published: { npm: '@acme/sdk@1.2.3', integrity: 'sha512-x' },
            known: { 'client.files.upload': { cause: 'custom-code', reason: 'a hand-written helper' } },
          },
        ],
      },
      'pins.json',
    );
    expect(repo?.published).toEqual({
      kind: 'repo',
      repo: 'acme/acme-node',
      commit: COMMIT,
      folder: '',
      version: 'acme@1.0.0',
    });
    expect(repo?.known).toEqual({});
    expect(npm?.published).toEqual({ kind: 'npm', spec: '@acme/sdk@1.2.3', integrity: 'sha512-x' });
    expect(npm?.known['client.files.upload']).toEqual({ cause: 'custom-code', reason: 'a hand-written helper' });
  });

  it.each([
    ['a short commit', { ...triplet, config: { ...file('stainless.yml'), commit: 'abc1234' } }, /full 40-digit hash/],
    ['a range for an npm version', { ...triplet, published: { npm: 'acme@^1.0.0', integrity: 'x' } }, /exact/],
    [
      'a folder leaving the repository',
      { ...triplet, published: { ...triplet.published, folder: '../x' } },
      /relative folder/,
    ],
    [
      'an unknown cause',
      { ...triplet, known: { 'client.a': { cause: 'bad luck', reason: 'r' } } },
      /cause must be one of/,
    ],
  ])('refuses %s, naming where', (_, entry, message) => {
    expect(() => parsePins({ triplets: [entry] }, 'pins.json')).toThrow(PinError);
    expect(() => parsePins({ triplets: [entry] }, 'pins.json')).toThrow(message);
  });

  it('reads a move of the custom code: files copied, then a patch', () => {
    const move = { copy: [['src/lib', 'src/lib']], patch: 'bench/triplets/moves/acme.patch', why: 'a helper' };
    const [pinned] = parsePins({ triplets: [{ ...triplet, move }] }, 'pins.json');
    expect(pinned?.move).toEqual(move);
    expect(parsePins({ triplets: [triplet] }, 'pins.json')[0]?.move).toBeUndefined();
    expect(() => parsePins({ triplets: [{ ...triplet, move: { ...move, copy: [['../x', 'src']] } }] }, 'p')).toThrow(
      /`copy` must be a list of \[from, to\] relative paths/,
    );
  });

  it('refuses a name given twice', () => {
    expect(() => parsePins({ triplets: [triplet, triplet] }, 'pins.json')).toThrow(/name acme appears twice/);
  });
});

describe("a Stainless config's methods", () => {
  const config = `
resources:
  apps:
    methods:
      get_by_name: get /v1/apps/name/{name}
      list:
        endpoint: POST /v1/apps/list
        paginated: false
      stream_events:
        endpoint: get /v1/apps/{app_id}/events
        streaming: { param_discriminator: stream }
    subresources:
      users:
        methods:
          delete: delete /v1/apps/{app_id}/users/{user_id}/
        subresources:
          keys:
            only: [python]
            methods:
              rotate: post /v1/keys/{id}/rotate
      legacy:
        methods:
          list:
            endpoint: get /v0/legacy
            skip: [node]
`;

  it('lists every method at any depth with its route, its extra keys and whether TypeScript is left out', () => {
    expect(configuredMethods(config)).toEqual([
      { path: 'apps.get_by_name', route: 'get /v1/apps/name/{}', keys: [], skippedForTypeScript: false },
      { path: 'apps.list', route: 'post /v1/apps/list', keys: ['paginated'], skippedForTypeScript: false },
      { path: 'apps.stream_events', route: 'get /v1/apps/{}/events', keys: ['streaming'], skippedForTypeScript: false },
      { path: 'apps.users.delete', route: 'delete /v1/apps/{}/users/{}', keys: [], skippedForTypeScript: false },
      { path: 'apps.users.keys.rotate', route: 'post /v1/keys/{}/rotate', keys: [], skippedForTypeScript: true },
      { path: 'apps.legacy.list', route: 'get /v0/legacy', keys: ['skip'], skippedForTypeScript: true },
    ]);
  });

  it('compares routes whatever their path parameters are called, and names whatever their casing', () => {
    expect(routeKey('GET /chats/{chatId}/messages/{id}')).toBe(routeKey('get /chats/{chat_id}/messages/{message_id}'));
    expect(looseName('client.apps.getByName')).toBe(looseName('apps.get_by_name'));
    expect(looseName('client.adminAPIKeys.list')).toBe(looseName('admin_api_keys.list'));
  });

  it("lists a spec's routes", () => {
    const routes = specRoutes('{"paths":{"/a/{id}":{"get":{},"delete":{},"parameters":[]},"/b":{"post":{}}}}');
    expect([...routes].sort()).toEqual(['delete /a/{}', 'get /a/{}', 'post /b']);
  });
});

describe('scoring a triplet', () => {
  const configured = configuredMethods(`
resources:
  chats:
    methods:
      list: get /chats
      retrieve: get /chats/{chat_id}
      send: post /chats/{chat_id}/messages
      stream:
        endpoint: get /chats/{chat_id}/stream
        streaming: { param_discriminator: stream }
      archive: post /chats/{chat_id}/archive
      close: post /chats/{chat_id}/close
`);
  const report: AgainstReport = {
    against: 'acme@1.0.0',
    methods: [
      { call: 'client.chats.list', status: 'same', http: 'get /chats' },
      {
        call: 'client.chats.retrieve',
        status: 'changed',
        http: 'get /chats/{chat_id}',
        differences: [
          { aspect: 'arguments', published: '(chatID, options?)', generated: '(chatId, options?)', breaking: true },
        ],
      },
      {
        call: 'client.chats.send',
        status: 'changed',
        http: 'post /chats/{chat_id}/messages',
        differences: [{ aspect: 'page-class', published: 'MessagesPage', generated: 'CursorPage', breaking: true }],
      },
      { call: 'client.chats.stream', status: 'missing', http: 'get /chats/{chat_id}/stream' },
      { call: 'client.chats.archive', status: 'missing' },
      { call: 'client.chats.archiveChat', status: 'added', http: 'post /chats/{id}/archive' },
      { call: 'client.chats.export', status: 'missing', http: 'get /chats/export' },
      { call: 'client.chats.purge', status: 'missing', http: 'delete /chats' },
      { call: 'client.chats.waitUntilDone', status: 'missing' },
      { call: 'client.chats.end', status: 'missing', http: 'post /chats/{chat_id}/close' },
    ],
    types: [
      { name: 'Chat', status: 'same' },
      { name: 'ChatListParams', status: 'changed', breaking: true },
      { name: 'MessagesPage', status: 'missing', breaking: true },
      { name: 'ArchiveChatResponse', status: 'added', breaking: false },
    ],
  };
  const score = scoreTriplet({
    name: 'acme',
    report,
    configured,
    specRoutes: new Set(['get /chats', 'get /chats/{}', 'get /chats/export']),
    known: { 'client.chats.purge': { cause: 'custom-code', reason: 'added by hand in src/resources/chats.ts' } },
  });

  it('counts, without the config, the published methods whose call path the generated client has', () => {
    expect(inferredCallPaths(report)).toBe(3);
  });

  it('counts published methods only, and each aspect among those the generated client has', () => {
    expect(score).toMatchObject({
      methods: 9,
      callPath: 3,
      argumentOrder: 2,
      pageClass: 2,
      typeNames: 3,
      all: 1,
      declared: 5,
      types: { published: 3, kept: 2, missing: ['MessagesPage'] },
    });
  });

  it('classifies every shortfall by what the config and spec say of its route', () => {
    expect(score.shortfalls.map(({ call, cause, reason }) => ({ call, cause, reason }))).toEqual([
      { call: 'client.chats.retrieve', cause: 'sdkgen-gap', reason: 'the positional arguments differ' },
      { call: 'client.chats.send', cause: 'sdkgen-gap', reason: 'the page class differs' },
      { call: 'client.chats.stream', cause: 'config-feature', reason: 'config method `chats.stream` uses `streaming`' },
      {
        call: 'client.chats.archive',
        cause: 'sdkgen-gap',
        reason: 'config `chats.archive` is generated as `client.chats.archiveChat`',
      },
      {
        call: 'client.chats.export',
        cause: 'not-in-time',
        reason: '`get /chats/export` is in the spec but the config declares no method for it',
      },
      { call: 'client.chats.purge', cause: 'custom-code', reason: 'added by hand in src/resources/chats.ts' },
      {
        call: 'client.chats.waitUntilDone',
        cause: 'custom-code',
        reason: 'sends no request of its own and the config declares no such method',
      },
      {
        call: 'client.chats.end',
        cause: 'not-in-time',
        reason: 'the config names this route `chats.close`, the SDK `client.chats.end`',
      },
    ]);
    expect(score.shortfalls[0]?.what).toBe('arguments: `(chatID, options?)` → `(chatId, options?)`');
  });

  it('renders a dated table with a total and the shortfalls by cause', () => {
    const text = renderReport(
      [
        { name: 'acme', published: 'acme@1.0.0 (npm)', score, inferredCallPath: 2 },
        { name: 'broken', published: 'b@1.0.0 (npm)', failure: 'sdkgen diff exited 1: bad spec' },
      ],
      { date: '2026-12-06', commit: 'abc1234', command: 'npx tsx bench/stainless-triplets.ts measure' },
    );
    expect(text).toContain('Measured 2026-12-06 on sdkgen abc1234');
    expect(text).toContain(
      '| acme | acme@1.0.0 (npm) | 9 | 3 (33.3%) | 2 (22.2%) | 2 (22.2%) | 2 (22.2%) | 3 (33.3%) | 1 (11.1%) | 1 (20.0%) | 2 (66.7%) |',
    );
    expect(text).toContain('| broken | b@1.0.0 (npm) | not measured: sdkgen diff exited 1: bad spec | | | | | | | | |');
    expect(text).toContain(
      '| **all 1 measured** |  | 9 | 3 (33.3%) | 2 (22.2%) | 2 (22.2%) | 2 (22.2%) | 3 (33.3%) | 1 (11.1%) | 1 (20.0%) | 2 (66.7%) |',
    );
    expect(text).toContain("- a gap in sdkgen's Stainless support: 3");
    expect(text).toContain(
      '- `client.chats.archive`: missing. **sdkgen-gap**: config `chats.archive` is generated as `client.chats.archiveChat`',
    );
    expect(text).toContain('- exported types not generated (1): `MessagesPage`');
    expect(text).not.toContain('## Custom code moved');
  });

  it('counts and lists the changes breaking for the client that are left, by the triplets that have them', () => {
    const changes = [
      { rule: 'published-field-missing', subject: '`ClientOptions.fetchOptions`', client: 'breaking' },
      { rule: 'published-type-added', subject: '`ChatPage`', client: 'non-breaking' },
    ];
    const withChanges = scoreTriplet({
      name: 'acme',
      report: { ...report, changes },
      configured,
      specRoutes: new Set(),
    });
    expect(withChanges.breaking).toEqual(['published-field-missing: `ClientOptions.fetchOptions`']);
    const text = renderReport(
      [
        { name: 'acme', published: 'acme@1.0.0 (npm)', score: withChanges },
        { name: 'other', published: 'o@1.0.0 (npm)', score },
      ],
      { date: '2026-12-06', commit: 'abc1234', command: 'measure' },
    );
    expect(text).toContain('| 2 (66.7%) | 1 |');
    expect(text).toContain(
      '## Breaking changes left\n\n- published-field-missing: `ClientOptions.fetchOptions` (acme)',
    );
  });

  it('says what each move of custom code brought, or the step where it failed', () => {
    const context = { date: '2026-12-06', commit: 'abc1234', command: 'measure' };
    const text = renderReport(
      [
        {
          name: 'acme',
          published: 'acme@1.0.0 (npm)',
          score,
          move: { why: 'A helper.', patch: 'm.patch', patchLines: 12, brought: ['client.helper.sign'] },
        },
        { name: 'other', published: 'o@1.0.0 (npm)', score, move: { why: 'A helper.', failure: 'type-check: TS2835' } },
      ],
      context,
    );
    expect(text).toContain(
      '- **acme**: A helper. The port is 12 changed lines (`m.patch`); it brings `client.helper.sign`.',
    );
    expect(text).toContain(
      '- **other**: the move failed (type-check: TS2835); the generated client alone is compared. A helper.',
    );
  });
});

describe('what a difference costs', () => {
  it.each([
    [
      'a list paged by sdkgen only',
      { aspect: 'return', published: 'APIPromise<ChatListResponse>', generated: 'PagePromise<ChatsCursorPage, Chat>' },
      'page-class',
      'sdkgen pages a list the published SDK does not page',
    ],
    [
      'a response named after its schema',
      { aspect: 'return', published: 'APIPromise<ChatRetrieveResponse>', generated: 'APIPromise<Chat>' },
      'type-names',
      'Stainless names a response `<Resource><Method>Response` unless the config declares its schema a model',
    ],
    [
      'a body named after its schema',
      { aspect: 'params-type', published: 'ChatCreateParams', generated: 'CreateChatRequest' },
      'type-names',
      "Stainless names a method's params `<Resource><Method>Params`, a named request body included",
    ],
    [
      'the request-options overload of all-optional params',
      {
        aspect: 'params-type',
        published: 'StopListParams | RequestOptions (optional)',
        generated: 'StopListParams (optional)',
      },
      'arguments',
      'the published method also takes request options as its only argument (an `(options?)` overload when every param is optional)',
    ],
    [
      'params required by sdkgen only',
      { aspect: 'params-type', published: 'DocumentListParams (optional)', generated: 'DocumentListParams' },
      'arguments',
      'the published params are optional, sdkgen requires them',
    ],
    [
      'params the published method does not take',
      { aspect: 'params-type', published: '—', generated: 'DocumentGetParams' },
      'arguments',
      'the published method takes no params argument',
    ],
  ] as const)('%s', (_, difference, count, rule) => {
    expect(explainDifference(difference)).toEqual({ count, rule });
  });

  it('counts a method once per count it breaks', () => {
    const score = scoreTriplet({
      name: 'x',
      report: {
        against: 'x@1',
        methods: [
          {
            call: 'client.stops.list',
            status: 'changed',
            differences: [
              {
                aspect: 'params-type',
                published: 'StopListParams | RequestOptions (optional)',
                generated: 'StopListParams (optional)',
              },
              {
                aspect: 'return',
                published: 'APIPromise<StopListResponse>',
                generated: 'PagePromise<StopsPage, Stop>',
              },
            ],
          },
        ],
        types: [],
      },
      configured: [],
      specRoutes: new Set(),
    });
    expect(score).toMatchObject({ methods: 1, callPath: 1, argumentOrder: 0, pageClass: 0, typeNames: 1, all: 0 });
  });
});

describe('materialising a triplet from a git mirror', () => {
  it('writes the config, the spec and the SDK folder at the pinned commit, and keeps them while the pins stay', () => {
    const root = mkdtempSync(join(tmpdir(), 'triplets-'));
    try {
      const repo = join(root, 'mirror', 'acme+sdk', 'repo');
      mkdirSync(join(repo, 'packages', 'node', 'src'), { recursive: true });
      const git = (...args: string[]): string =>
        execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
          encoding: 'utf8',
        }).trim();
      git('init', '-q');
      writeFileSync(join(repo, 'stainless.yml'), 'resources: {}\n');
      writeFileSync(join(repo, 'openapi.json'), '{"openapi":"3.1.0"}\n');
      writeFileSync(join(repo, 'packages', 'node', 'package.json'), '{"name":"acme"}\n');
      writeFileSync(join(repo, 'packages', 'node', 'src', 'index.ts'), 'export {};\n');
      git('add', '.');
      git('commit', '-qm', 'first');
      const commit = git('rev-parse', 'HEAD');
      writeFileSync(join(repo, 'stainless.yml'), 'resources: { later: {} }\n');
      git('commit', '-qam', 'later');
      const at = (path: string) => ({ repo: 'acme/sdk', commit, path });
      const [triplet] = parsePins(
        {
          triplets: [
            {
              name: 'acme',
              config: at('stainless.yml'),
              spec: at('openapi.json'),
              published: { repo: 'acme/sdk', commit, folder: 'packages/node', version: 'acme@1.0.0' },
              why: 'test',
            },
          ],
        },
        'pins.json',
      );
      const cache = join(root, 'cache');
      const files = materialise(cache, triplet as Triplet, join(root, 'mirror'));
      expect(files).toEqual(tripletFiles(cache, triplet as Triplet));
      expect(readFileSync(files.config, 'utf8')).toBe('resources: {}\n');
      expect(files.spec).toBe(join(cache, 'acme', 'openapi.json'));
      expect(readFileSync(join(files.published, 'src', 'index.ts'), 'utf8')).toBe('export {};\n');
      // A second fetch leaves a materialised triplet alone.
      writeFileSync(join(files.published, 'mine.txt'), 'x');
      materialise(cache, triplet as Triplet, join(root, 'mirror'));
      expect(existsSync(join(files.published, 'mine.txt'))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a missing method the comparison pairs with a generated one', () => {
  it('names the generated method it likely is, though no route says so', () => {
    const score = scoreTriplet({
      name: 'x',
      report: {
        against: 'x@1',
        methods: [
          { call: 'client.customers.getKYCLink', status: 'missing', likely: 'client.customers.getKycLink' },
          { call: 'client.customers.getKycLink', status: 'added' },
        ],
        types: [],
      },
      configured: configuredMethods(
        'resources: { customers: { methods: { get_kyc_link: "get /customers/{id}/kyc" } } }',
      ),
      specRoutes: new Set(),
    });
    expect(score.shortfalls.map(({ cause, reason }) => ({ cause, reason }))).toEqual([
      { cause: 'sdkgen-gap', reason: 'config `customers.get_kyc_link` is generated as `client.customers.getKycLink`' },
    ]);
  });
});
