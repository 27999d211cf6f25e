/**
 * The names the official OpenAI SDK gives each call, for test/openai/official-names.test.ts:
 * `npx tsx bench/official-names.ts [version]` (default 7.57.0) packs `openai@<version>` from the
 * npm registry, builds its client with a stub transport, calls every method of every resource
 * once, and records the HTTP method and path each one sends (bench/published-names.ts does the
 * recording). Writes test/fixtures/official-names/openai-node-<version>.json.
 *
 * Only methods whose own code sends a request are called: helpers (`createAndPoll`, `stream`,
 * `parse`) reach the same route through another method and would name it twice.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishedNames, unpacked } from './published-names.js';

const version = process.argv[2] ?? '7.57.0';
const dir = mkdtempSync(join(tmpdir(), 'openai-node-'));
try {
  const names = (await publishedNames(unpacked(`openai@${version}`, dir))).map(({ call, http, path }) => ({
    name: call,
    http,
    path,
  }));
  const out = join(import.meta.dirname, '..', 'test', 'fixtures', 'official-names');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `openai-node-${version}.json`), `${JSON.stringify(names, null, 1)}\n`);
  console.log(`${names.length} methods of openai@${version}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
