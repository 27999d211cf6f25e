/**
 * `sdkgen/fetch`: openapi-fetch 0.17's client and the types of openapi-typescript-helpers,
 * under the same names, running on sdkgen's runtime (opt-in retries, timeouts, credentials
 * left behind on redirects to another origin, masked errors). Moving from openapi-fetch is
 * changing the import. docs/fetch.md says what differs.
 */
import { createClient } from './create-client.js';

export { createClient };
export default createClient;
export { createPathBasedClient, wrapAsPathBasedClient } from './path-based.js';
export type * from './schema-types.js';
export {
  createFinalURL,
  createQuerySerializer,
  defaultBodySerializer,
  defaultPathSerializer,
  defaultQuerySerializer,
  mergeHeaders,
  removeTrailingSlash,
  serializeArrayParam,
  serializeObjectParam,
  serializePrimitiveParam,
} from './serialize.js';
export type * from './types.js';
