/**
 * The YAML scanner (generator/load/yaml-scan.ts) against the reader it runs before (js-yaml's
 * events, yaml-events.ts) on every YAML file of the sweep corpus, openai.yaml and this project's
 * specs: the same values (key order included) and the same offsets of every collection and entry,
 * or a fallback; each file also with CRLF line breaks. Prints how many files each took and why the scanner fell back; exits 1 on any
 * difference. `SWEEP_CACHE=/work/sweep-cache npx tsx bench/yaml-scan-corpus.ts [more files…]`
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readYamlFast } from '../generator/load/yaml-events.js';
import { readYamlBlock, yamlScanRefusal } from '../generator/load/yaml-scan.js';
import { sameReading } from './yaml-compare.js';

const ROOT = join(import.meta.dirname, '..');
const CACHE = process.env['SWEEP_CACHE'] ?? join(ROOT, 'node_modules/.cache/sdkgen-sweep');
const yamlFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((path) => /\.ya?ml$/.test(path) && !path.includes('node_modules/.cache'))
        .map((path) => join(dir, path))
    : [];
const files = [
  ...yamlFiles(CACHE),
  join(ROOT, '../shared/specs/openai.yaml'),
  join(ROOT, 'spec/openapi.yaml'),
  ...yamlFiles(join(ROOT, 'test/fixtures')),
  ...process.argv.slice(2),
].filter((path) => existsSync(path));

let scanned = 0;
let bothRefused = 0;
let differences = 0;
const fellBack = new Map<string, string[]>();
// Each file as written, then with CRLF line breaks (as a Windows editor saves it).
const texts = files.flatMap((path) => {
  const text = readFileSync(path, 'utf8');
  return [
    { path, text },
    { path: `${path} (CRLF)`, text: text.replace(/\r?\n/g, '\r\n') },
  ];
});
for (const { path, text } of texts) {
  const scan = readYamlBlock(text);
  const events = readYamlFast(text);
  if (scan === undefined) {
    if (events === undefined) bothRefused++;
    const why = yamlScanRefusal(text);
    fellBack.set(why, [...(fellBack.get(why) ?? []), path]);
    continue;
  }
  scanned++;
  const difference = events === undefined ? 'the events reader refuses it' : sameReading(scan, events);
  if (difference !== undefined) {
    differences++;
    console.log(`DIFFERENT ${path}: ${difference}`);
  }
}
console.log(
  `${files.length} YAML files, each as written and with CRLF breaks: ${scanned} of ${texts.length} texts read by ` +
    `the scanner (${differences} different), ${texts.length - scanned} fell back (${bothRefused} of them refused by js-yaml's events too)`,
);
for (const [why, paths] of [...fellBack].sort((a, b) => b[1].length - a[1].length))
  console.log(`  ${String(paths.length).padStart(4)}  ${why}  (e.g. ${paths[0]?.replace(`${CACHE}/`, '')})`);
process.exitCode = differences > 0 ? 1 : 0;
