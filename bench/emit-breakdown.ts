// How the emit phase splits between printing and ts-morph's parse of each file:
// `npx tsx bench/emit-breakdown.ts [spec]`
import { performance } from 'node:perf_hooks';
import { CodeBlockWriter, Project, ts } from 'ts-morph';
import { emitPackage } from '../generator/emit/emit-package.js';
import { loadSpec } from '../generator/load/load-spec.js';
import { buildModel } from '../generator/model/build-model.js';

const { model } = buildModel(loadSpec(process.argv[2] ?? '../shared/specs/openai.yaml'));
const time = (label: string, fn: () => unknown): void => {
  const start = performance.now();
  fn();
  console.log(`${label.padEnd(52)} ${(performance.now() - start).toFixed(0).padStart(5)} ms`);
};
let files: { path: string; contents: string }[] = [];
time('emitPackage (all of emit, no dist), first', () => (files = emitPackage(model, { command: 'b', dist: false })));
time('emitPackage again (warm JIT)', () => emitPackage(model, { command: 'b', dist: false }));
const models = files.find((f) => f.path === 'src/models.ts')?.contents ?? '';
time('ts.createSourceFile(models.ts) parse only', () =>
  ts.createSourceFile('m.ts', models, ts.ScriptTarget.ES2022, true),
);
const project = new Project({ useInMemoryFileSystem: true });
time('project.createSourceFile(models.ts text)', () => project.createSourceFile('/m.ts', models));
time('CodeBlockWriter write of the same text', () => new CodeBlockWriter().write(models).toString());
time('ts.createSourceFile of all other modules', () =>
  files
    .filter((f) => f.path.endsWith('.ts') && f.path !== 'src/models.ts')
    .forEach((f) => {
      ts.createSourceFile(f.path, f.contents, ts.ScriptTarget.ES2022, true);
    }),
);
