// Per-file cost of compiling dist/: `npx tsx bench/dist-files.ts [spec]`.
import { performance } from 'node:perf_hooks';
import { ts } from 'ts-morph';
import { parseDocument, LineCounter } from 'yaml';
import { readFileSync } from 'node:fs';
import { loadSpec } from '../generator/load/load-spec.js';
import { buildModel } from '../generator/model/build-model.js';
import { emitPackage } from '../generator/emit/emit-package.js';

const spec = process.argv[2] ?? '../shared/specs/openai.yaml';
const text = readFileSync(spec, 'utf8');
let t = performance.now();
parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: true });
console.log(`yaml parseDocument alone: ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
JSON.parse(JSON.stringify(parseDocument(text).toJS()));
const files = emitPackage(buildModel(loadSpec(spec)).model, { command: 'bench', dist: false });
const rows: [string, number, number, number][] = [];
for (const file of files.filter((f) => f.path.endsWith('.ts'))) {
  const options = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, declaration: true, isolatedDeclarations: true };
  let start = performance.now();
  ts.transpileModule(file.contents, { fileName: file.path, compilerOptions: options });
  const js = performance.now() - start;
  start = performance.now();
  ts.transpileDeclaration(file.contents, { fileName: file.path, compilerOptions: options });
  rows.push([file.path, file.contents.length, js, performance.now() - start]);
}
rows.sort((a, b) => b[2] + b[3] - a[2] - a[3]);
for (const [path, size, js, dts] of rows.slice(0, 8)) console.log(`${path.padEnd(50)} ${String(size).padStart(8)} B  js ${js.toFixed(0)} ms  d.ts ${dts.toFixed(0)} ms`);
const total = rows.reduce((sum, r) => sum + r[2] + r[3], 0);
console.log(`all ${rows.length} files: ${total.toFixed(0)} ms`);
