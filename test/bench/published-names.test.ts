/**
 * bench/published-names.ts: how an answer key is read from a hand-kept SDK, here Slack's, whose
 * methods are its `apiCall` bound to Web API method names when the client is built.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
