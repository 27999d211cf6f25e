import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The end-to-end files that spawn many processes (npm pack and install, a killed generator,
 * the CI workflow, the fuzzer): `npm run test:quick` leaves them out while developing.
 */
const SLOW = [
  'test/consumer/**',
  'test/fuzz/**',
  'test/cli/killed-write.test.ts',
  'test/cli/ci-workflow.test.ts',
  'test/cli/bundle.test.ts',
  'test/diff/client-classification.test.ts',
  'test/openai/**',
  'test/migrate/*.e2e.test.ts',
];

export default defineConfig({
  // `sdkgen/fetch` as users import it, from its source (tsconfig.json's `paths` says the same to tsc).
  resolve: { alias: { 'sdkgen/fetch': fileURLToPath(new URL('./generator/fetch/index.ts', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: [...configDefaults.exclude, ...(process.env['SDKGEN_QUICK_TESTS'] === '1' ? SLOW : [])],
    // Type tests (expectTypeOf, @ts-expect-error) run through tsc and report as tests.
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      // Type-checked under their own tsconfig by test/query-libs/typecheck.test.ts.
      exclude: ['test/query-libs/*/**'],
      tsconfig: './tsconfig.json',
    },
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    // Every core: files are independent (each works in its own temporary folders).
    // swr-openapi's own tests mock react and swr (vi.mock): its bundle must go through vitest's
    // module graph to see the mocks, not be loaded by Node. Only files that import it are affected.
    server: { deps: { inline: ['swr-openapi'] } },
    maxWorkers: Math.max(2, availableParallelism()),
    // No test races the clock: they wait for events, and these limits only catch a hang.
    // A loaded 2-core machine runs a file several times slower than an idle one.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
