#!/usr/bin/env node
// The CLI: from a bundle of the generator when one is fresh or can be made (bin/bundle.js),
// else from the TypeScript sources through tsx's loader.
import { bundledGenerator } from './bundle.js';

const bundle = await bundledGenerator();
let main;
if (bundle === undefined) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../generator/cli.ts'));
} else {
  ({ main } = await import(bundle.cli.href));
}
process.exitCode = await main(process.argv.slice(2), undefined, bundle?.worker);
