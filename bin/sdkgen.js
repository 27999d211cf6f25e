#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader: no build step between editing the generator and running it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../generator/cli.ts');
process.exitCode = await main(process.argv.slice(2));
