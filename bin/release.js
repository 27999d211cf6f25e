// The generator as it ships in the npm package (`npm pack`, `npm publish`: the `prepack`
// script): esbuild bundles in lib/, so that users run plain JavaScript and need neither esbuild
// nor tsx. Unlike the development bundle (bin/bundle.js), they are relocatable: packages stay
// bare requires, resolved from wherever npm installed them, and the sources' file locations
// become paths relative to lib/ (the runtime it copies ships in generator/runtime/).
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import { COMMONJS_ENTRIES } from './bundle.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LIB = join(ROOT, 'lib');

/**
 * The sources find files beside them (the runtime they copy, the worker) from `import.meta.url`;
 * in the CommonJS bundle, which has no `import.meta`, that is the same path relative to the
 * bundle's own file.
 */
const relocatable = {
  name: 'relocatable-source-locations',
  setup(build) {
    build.onLoad({ filter: /[\\/]generator[\\/].*\.ts$/ }, (args) => {
      const fromLib = relative(LIB, args.path).split('\\').join('/');
      return {
        contents: readFileSync(args.path, 'utf8').replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(fromLib)}, require('node:url').pathToFileURL(__filename)).href`,
        ),
        loader: 'ts',
        resolveDir: dirname(args.path),
      };
    });
  },
};

/**
 * Packages whose `require` entry is an ES module compiled to CommonJS (`exports.default`,
 * `__esModule`): code-block-writer's. Node imports such a package's own ES build, whose default
 * export is the class; esbuild, making CommonJS of our ES modules (`"type": "module"`), follows
 * Node's rule for importing CommonJS instead, and would give the whole `exports` object. So the
 * package is imported through a module of no package, for which esbuild takes `default`.
 */
const DEFAULT_EXPORTING = new Set(['code-block-writer']);
const compiledDefaults = {
  name: 'compiled-defaults',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      DEFAULT_EXPORTING.has(args.path) && args.namespace !== 'compiled-default'
        ? { path: args.path, namespace: 'compiled-default' }
        : undefined,
    );
    build.onResolve({ filter: /.*/, namespace: 'compiled-default' }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'compiled-default' }, (args) => ({
      // Outside a `"type": "module"` package, esbuild gives a compiled module's `default`, as Node does its ES build.
      contents: `export { default } from ${JSON.stringify(args.path)};`,
      loader: 'js',
    }));
  },
};

rmSync(LIB, { recursive: true, force: true });
// The CLI and its model worker: one CommonJS file each, so that bin/sdkgen.js runs them with
// V8's code cache (bin/code-cache.js), which Node 20 has for scripts but not for ES modules
// (~0.2 s of a generation of openai.yaml is compiling the generator). Packages stay bare
// `require`s, resolved from wherever npm installed them (Node >= 20.19 requires ES modules too).
await esbuild.build({
  ...COMMONJS_ENTRIES,
  outdir: LIB,
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  plugins: [relocatable, compiledDefaults],
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
