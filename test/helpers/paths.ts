import { fileURLToPath } from 'node:url';

/** The repository root, whatever directory the tests run from. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
