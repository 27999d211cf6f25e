/**
 * bench/published-names.ts: how an answer key is read from each hand-kept SDK, each test a fake
 * package of the SDK's shape (no network). Slack's methods are its `apiCall` bound to Web API method
 * names when the client is built; the others send every request through one function of the client.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishedNames } from '../../bench/published-names.js';

const dir = mkdtempSync(join(tmpdir(), 'published-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Slack's answer key", () => {
  it('is every bound method by its place on the client, POSTed to its Web API name; helpers that send nothing are left out', async () => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@slack/web-api', main: 'index.js' }));
    // @slack/web-api's shape: methods bound in the constructor, so the stub must be on the prototype first.
    writeFileSync(
      join(dir, 'index.js'),
      `class WebClient {
        constructor() {
          this.token = 'xoxb';
          this.retryConfig = { retries: 10 };
          this.chat = { postMessage: this.apiCall.bind(this, 'chat.postMessage') };
          this.admin = { apps: { approved: { list: this.apiCall.bind(this, 'admin.apps.approved.list') } } };
          this.files = { uploadV2: async () => undefined };
        }
        apiCall() { throw new Error('no network in this test'); }
      }
      module.exports = { WebClient };`,
    );
    expect(await publishedNames(dir)).toEqual([
      { call: 'admin.apps.approved.list', http: 'POST', path: '/admin.apps.approved.list' },
      { call: 'chat.postMessage', http: 'POST', path: '/chat.postMessage' },
    ]);
  });
});

/** A fake package: its files, written into a folder of its own. */
function fakePackage(name: string, files: Record<string, string>): string {
  const root = join(dir, name.replace(/[@/]/g, '_'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

describe("Spotify's answer key", () => {
  it("is every method of every endpoint group, its url under /v1/ without the query; the groups' own request helpers are no call", async () => {
    // @spotify/web-api-ts-sdk's shape: groups hold the client, and reach its makeRequest through getRequest/putRequest.
    const pkg = fakePackage('@spotify/web-api-ts-sdk', {
      'package.json': JSON.stringify({ name: '@spotify/web-api-ts-sdk', main: 'index.js' }),
      'index.js': `class EndpointsBase {
        constructor(api) { this.api = api; }
        getRequest(url) { return this.api.makeRequest('GET', url); }
        putRequest(url, body) { return this.api.makeRequest('PUT', url, body); }
        paramsFor(args) { return '?' + new URLSearchParams(args); }
      }
      class Albums extends EndpointsBase {
        async get(idOrIds, market) {
          if (typeof idOrIds === 'string') return this.getRequest('albums/' + idOrIds + this.paramsFor({ market }));
          return this.getRequest('albums' + this.paramsFor({ ids: idOrIds.join(','), market }));
        }
      }
      class CurrentUserAlbums extends EndpointsBase {
        saveAlbums(ids) { return this.putRequest('me/albums', ids); }
      }
      class CurrentUser extends EndpointsBase {
        constructor(api) { super(api); this.albums = new CurrentUserAlbums(api); }
        profile() { return this.getRequest('me'); }
      }
      class SpotifyApi {
        constructor() { this.albums = new Albums(this); this.currentUser = new CurrentUser(this); }
        static withAccessToken() { return new SpotifyApi(); }
        makeRequest() { throw new Error('no network in this test'); }
      }
      module.exports = { SpotifyApi };`,
    });
    expect(await publishedNames(pkg)).toEqual([
      { call: 'albums.get', http: 'GET', path: '/v1/albums/{}' },
      { call: 'currentUser.albums.saveAlbums', http: 'PUT', path: '/v1/me/albums' },
      { call: 'currentUser.profile', http: 'GET', path: '/v1/me' },
    ]);
  });
});

describe("Notion's answer key", () => {
  it("is every function of the client's plain groups, nested ones too, its path under /v1/", async () => {
    const pkg = fakePackage('@notionhq/client', {
      'package.json': JSON.stringify({ name: '@notionhq/client', main: 'index.js' }),
      'index.js': `class Client {
        constructor() {
          this.blocks = {
            retrieve: (args) => this.request({ path: 'blocks/' + args.block_id, method: 'get' }),
            children: { append: (args) => this.request({ path: 'blocks/' + args.block_id + '/children', method: 'patch' }) },
          };
          this.search = (args) => this.request({ path: 'search', method: 'post', body: args });
        }
        request() { throw new Error('no network in this test'); }
      }
      module.exports = { Client };`,
    });
    expect(await publishedNames(pkg)).toEqual([
      { call: 'blocks.children.append', http: 'PATCH', path: '/v1/blocks/{}/children' },
      { call: 'blocks.retrieve', http: 'GET', path: '/v1/blocks/{}' },
      { call: 'search', http: 'POST', path: '/v1/search' },
    ]);
  });
});

describe("Resend's answer key", () => {
  it('records a call that sends through another only as its alias (batch.send is create), not when it does more (forward reads by get, then sends), nor under a deprecated alias (audiences) or by a deprecated option (audienceId)', async () => {
    const pkg = fakePackage('resend', {
      'package.json': JSON.stringify({ name: 'resend', main: 'index.js' }),
      'index.js': `class Batch {
        constructor(resend) { this.resend = resend; }
        async send(payload) { return this.create(payload); }
        async create(payload) { return this.resend.post('/emails/batch', payload); }
      }
      class Receiving {
        constructor(resend) { this.resend = resend; }
        async get(id) { return this.resend.get('/emails/receiving/' + id + '?html_format=raw'); }
        async forward(options) { await this.get(options.emailId); return this.resend.post('/emails', {}); }
      }
      class Emails {
        constructor(resend) { this.resend = resend; this.receiving = new Receiving(resend); }
      }
      class Contacts {
        constructor(resend) { this.resend = resend; }
        async get(options) {
          if (typeof options === 'string') return this.resend.get('/contacts/' + options);
          if (!options.audienceId) return this.resend.get('/contacts/' + options.id);
          return this.resend.get('/audiences/' + options.audienceId + '/contacts/' + options.id);
        }
      }
      class Segments {
        constructor(resend) { this.resend = resend; }
        async list() { return this.resend.get('/segments'); }
      }
      class Resend {
        constructor(key) {
          this.key = key;
          this.segments = new Segments(this);
          this.audiences = this.segments;
          this.batch = new Batch(this);
          this.emails = new Emails(this);
          this.contacts = new Contacts(this);
        }
        async get(path) { return this.fetchRequest(path, { method: 'GET' }); }
        async post(path, body) { return this.fetchRequest(path, { method: 'POST', body }); }
        async fetchRequest() { throw new Error('no network in this test'); }
      }
      module.exports = { Resend };`,
    });
    expect(await publishedNames(pkg)).toEqual([
      { call: 'batch.create', http: 'POST', path: '/emails/batch' },
      { call: 'batch.send', http: 'POST', path: '/emails/batch' },
      { call: 'contacts.get', http: 'GET', path: '/contacts/{}' },
      { call: 'emails.receiving.get', http: 'GET', path: '/emails/receiving/{}' },
      { call: 'segments.list', http: 'GET', path: '/segments' },
    ]);
  });
});

describe("jira.js's answer key", () => {
  it("is each function of each module createCloudClient's table imports, by the name it imports it as", async () => {
    const pkg = fakePackage('jira.js', {
      'package.json': JSON.stringify({ name: 'jira.js', type: 'module', exports: { '.': './dist/index.js' } }),
      'dist/index.js': 'export {};',
      'dist/cloud/createCloudClient.js': `import * as issues from './api/issues.js';
        import * as issueComments from './api/issueComments.js';
        export function createCloudClient() { return {}; }`,
      'dist/cloud/api/issues.js': `export async function getIssue(client, parameters) {
          return client.sendRequest({ url: '/rest/api/3/issue/' + parameters.issueIdOrKey, method: 'GET', searchParams: { fields: parameters.fields } });
        }`,
      'dist/cloud/api/issueComments.js': `export async function addComment(client, parameters) {
          return client.sendRequest({ url: '/rest/api/3/issue/' + parameters.issueIdOrKey + '/comment', method: 'POST' });
        }`,
      // Every module again, re-exported: not in the table.
      'dist/cloud/api/index.js': "export * from './issues.js';",
    });
    expect(await publishedNames(pkg)).toEqual([
      { call: 'issueComments.addComment', http: 'POST', path: '/rest/api/3/issue/{}/comment' },
      { call: 'issues.getIssue', http: 'GET', path: '/rest/api/3/issue/{}' },
    ]);
  });
});

describe("X's (twitter-api-v2) answer key", () => {
  it("is every method of client.v2, its url's :arguments as {} under /2/, an alias beside its call; the logged-in user's id read first is an argument too", async () => {
    const pkg = fakePackage('twitter-api-v2', {
      'package.json': JSON.stringify({ name: 'twitter-api-v2', main: 'index.js' }),
      'index.js': `class TwitterApiBase {
        get() { throw new Error('no network in this test'); }
        post() { throw new Error('no network in this test'); }
        async getCurrentUserV2Object() { return this.get('users/me'); }
      }
      class TwitterApiv2 extends TwitterApiBase {
        singleTweet(tweetId, options) { return this.get('tweets/:id', options, { params: { id: tweetId } }); }
        tweet(status) { return this.post('tweets', { text: status }); }
        quote(status, quoted) { return this.tweet(status, { quote_tweet_id: quoted }); }
        async bookmarks(options) {
          const user = await this.getCurrentUserV2Object();
          return this.get('users/:id/bookmarks', options, { params: { id: user.data.id } });
        }
      }
      class TwitterApi { constructor() { this.v2 = new TwitterApiv2(); } }
      module.exports = { TwitterApi };`,
    });
    expect(await publishedNames(pkg)).toEqual([
      { call: 'bookmarks', http: 'GET', path: '/2/users/{}/bookmarks' },
      { call: 'quote', http: 'POST', path: '/2/tweets' },
      { call: 'singleTweet', http: 'GET', path: '/2/tweets/{}' },
      { call: 'tweet', http: 'POST', path: '/2/tweets' },
    ]);
  });
});
