// The generator as it ships in the npm package (`npm pack`, `npm publish`: the `prepack`
// script): one esbuild bundle in lib/, so that users run plain JavaScript and need neither
// esbuild nor tsx. Unlike the development bundle (bin/bundle.js), it is relocatable: packages
// stay bare imports, resolved from wherever npm installed them, and the sources' file
// locations become paths relative to lib/ (the runtime it copies ships in generator/runtime/).
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LIB = join(ROOT, 'lib');

const relocatable = {
  name: 'relocatable-source-locations',
  setup(build) {
    build.onLoad({ filter: /[\\/]generator[\\/].*\.ts$/ }, (args) => {
      const fromLib = relative(LIB, args.path).split('\\').join('/');
      return {
        contents: readFileSync(args.path, 'utf8').replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(fromLib)}, import.meta.url).href`,
        ),
        loader: 'ts',
        resolveDir: dirname(args.path),
      };
    });
  },
};

/**
 * ts-morph, a CommonJS package, is required rather than imported. Node imports a CommonJS module
 * into ESM by first scanning it, and the modules it re-exports, for the names it exports: for
 * ts-morph that means its 9 MB copy of TypeScript, 0.2 s of CPU on every generation. `require`
 * skips that; the names are listed here, once, when the bundle is built. The package is the one
 * next to the bundle, wherever npm puts it.
 */
const requiredCommonJS = {
  name: 'required-commonjs',
  setup(build) {
    const projectRequire = createRequire(join(ROOT, 'package.json'));
    build.onResolve({ filter: /^ts-morph$/ }, (args) => ({ path: args.path, namespace: 'required-commonjs' }));
    build.onLoad({ filter: /.*/, namespace: 'required-commonjs' }, (args) => {
      const names = Object.keys(projectRequire(args.path)).filter(
        (name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default',
      );
      return {
        contents: [
          "import { createRequire } from 'node:module';",
          `const required = createRequire(import.meta.url)(${JSON.stringify(args.path)});`,
          `export const { ${names.join(', ')} } = required;`,
          'export default required;',
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

rmSync(LIB, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: { cli: 'generator/cli.ts', 'model-worker': 'generator/model-worker.ts' },
  outdir: LIB,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  plugins: [relocatable, requiredCommonJS],
});

// `sdkgen/fetch` (package.json `exports`): openapi-fetch's client on the runtime, ESM for any
// platform (browsers, Node, Deno, Bun), and its declarations in lib/types/. Split, so that what
// it loads on first use (send-extras: retries, redirects, masking) stays a chunk of its own
// that the user's bundler can split out too.
await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: { 'fetch/index': 'generator/fetch/index.ts' },
  outdir: LIB,
  chunkNames: 'fetch/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  logLevel: 'warning',
});
const declarations = ts.createProgram(
  ['generator/fetch/index.ts'].map((file) => join(ROOT, file)),
  {
    declaration: true,
    emitDeclarationOnly: true,
    rootDir: join(ROOT, 'generator'),
    outDir: join(LIB, 'types'),
    strict: true,
    exactOptionalPropertyTypes: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    skipLibCheck: true,
  },
);
const emitted = declarations.emit();
const problems = [...ts.getPreEmitDiagnostics(declarations), ...emitted.diagnostics];
if (problems.length > 0) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' };
  throw new Error(`sdkgen/fetch's declarations do not compile:\n${ts.formatDiagnostics(problems, host)}`);
}
console.error('sdkgen: built lib/ for the package.');
