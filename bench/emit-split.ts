// d.ts via one TypeScript emit, JS via esbuild: `npx tsx bench/emit-split.ts [spec]`
import { performance } from 'node:perf_hooks';
import { transformSync } from 'esbuild';
import { Project, ts } from 'ts-morph';
import { loadSpec } from '../generator/load/load-spec.js';
import { buildModel } from '../generator/model/build-model.js';
import { emitPackage } from '../generator/emit/emit-package.js';

const spec = process.argv[2] ?? '../shared/specs/openai.yaml';
const files = emitPackage(buildModel(loadSpec(spec)).model, { command: 'bench', dist: false }).filter((f) => f.path.endsWith('.ts') && f.path !== 'src/models.ts');
let start = performance.now();
const project = new Project({
  useInMemoryFileSystem: true,
  compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, declaration: true, isolatedDeclarations: true, noCheck: true, noLib: true, noResolve: true, types: [], outDir: '/dist', rootDir: '/src' },
});
for (const f of files) project.createSourceFile(`/${f.path}`, f.contents);
console.log(`parse ${(performance.now() - start).toFixed(0)} ms`);
start = performance.now();
const dts = project.emitToMemory({ emitOnlyDtsFiles: true }).getFiles();
console.log(`d.ts emit ${(performance.now() - start).toFixed(0)} ms (${dts.length})`);
start = performance.now();
for (const f of files) transformSync(f.contents, { loader: 'ts', format: 'esm', target: 'es2022' });
console.log(`esbuild js ${(performance.now() - start).toFixed(0)} ms`);
start = performance.now();
for (const f of files) ts.transpileModule(f.contents, { fileName: f.path, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
console.log(`ts.transpileModule js ${(performance.now() - start).toFixed(0)} ms`);
