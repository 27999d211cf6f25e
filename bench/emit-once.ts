// Compare: per-file transpile vs one emit of the whole in-memory project. `npx tsx bench/emit-once.ts [spec]`
import { performance } from 'node:perf_hooks';
import { Project, ts } from 'ts-morph';
import { loadSpec } from '../generator/load/load-spec.js';
import { buildModel } from '../generator/model/build-model.js';
import { emitPackage } from '../generator/emit/emit-package.js';

const spec = process.argv[2] ?? '../shared/specs/openai.yaml';
const files = emitPackage(buildModel(loadSpec(spec)).model, { command: 'bench', dist: false }).filter((f) => f.path.endsWith('.ts'));
let start = performance.now();
const project = new Project({
  useInMemoryFileSystem: true,
  compilerOptions: {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, declaration: true, isolatedDeclarations: true,
    noCheck: true, noLib: true, noResolve: true, types: [], outDir: '/dist', rootDir: '/src', skipLibCheck: true,
  },
});
for (const f of files) if (f.path !== 'src/models.ts' || process.env.WITH_MODELS) project.createSourceFile(`/${f.path}`, f.contents);
const parsed = performance.now() - start;
start = performance.now();
const result = project.emitToMemory();
const emitted = result.getFiles();
const allMs = performance.now() - start;
start = performance.now();
project.emitToMemory({ emitOnlyDtsFiles: true });
console.log(`d.ts only ${(performance.now() - start).toFixed(0)} ms; all ${allMs.toFixed(0)} ms`);
start = performance.now();
console.log(`parse ${parsed.toFixed(0)} ms, emit ${(performance.now() - start).toFixed(0)} ms, ${emitted.length} files, diagnostics ${result.getDiagnostics().length}`);
console.log(emitted.slice(0, 3).map((f) => f.filePath).join('\n'));
