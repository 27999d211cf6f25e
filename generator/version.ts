import { createRequire } from 'node:module';

/** sdkgen's own version, from its package.json (beside generator/, in the repository and in the installed package). */
export const SDKGEN_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version;
