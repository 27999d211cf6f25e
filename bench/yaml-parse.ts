// Where YAML reading time goes: `npx tsx bench/yaml-parse.ts [spec]`
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Composer, LineCounter, Parser, parseDocument } from 'yaml';

const text = readFileSync(process.argv[2] ?? '../shared/specs/openai.yaml', 'utf8');
const time = (label: string, fn: () => unknown): void => {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    fn();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} median ${runs[2]?.toFixed(0)} ms`);
};
time('Parser (CST only)', () => {
  for (const _ of new Parser().parse(text)) {
    /* tokens */
  }
});
time('Parser + Composer (Document)', () => [...new Composer().compose(new Parser().parse(text))]);
time('parseDocument', () => parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true }));
time('parseDocument + toJS', () => parseDocument(text).toJS());
time('JSON.parse of the same data', () => JSON.parse(JSON.stringify(parseDocument(text).toJS())));
