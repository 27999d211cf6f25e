import { closest } from '../../did-you-mean.js';
import { HTTP_METHODS, isRecord } from '../validate-document.js';
import type { Conversion } from './context.js';

/** An operation of the spec, as a Stainless config names it: `get /v3/chats/{chatId}`. */
export interface Endpoint {
  readonly verb: string;
  readonly path: string;
}

export function endpointKey(endpoint: Endpoint): string {
  return `${endpoint.verb} ${endpoint.path}`;
}

/** Every operation of the spec, in the spec's order. */
export function specEndpoints(spec: Record<string, unknown>): Endpoint[] {
  const paths = spec['paths'];
  if (!isRecord(paths)) return [];
  const endpoints: Endpoint[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const verb of Object.keys(item))
      if (HTTP_METHODS.has(verb) && isRecord(item[verb])) endpoints.push({ verb, path });
  }
  return endpoints;
}

/**
 * Reads `verb /path` (folded YAML may put the path on its own line) and checks that the spec
 * has it; a located error with the nearest endpoint the spec has otherwise.
 */
export function readEndpoint(
  conversion: Conversion,
  container: Record<string, unknown>,
  key: string,
  known: readonly Endpoint[],
): Endpoint | undefined {
  const text = container[key];
  const match = typeof text === 'string' ? /^\s*([A-Za-z]+)\s+(\S+)\s*$/.exec(text) : null;
  if (match === null) {
    conversion.error(
      'stainless-invalid',
      `An endpoint is an HTTP method and a path, like \`get /v1/items/{item_id}\`; got ${JSON.stringify(text)}.`,
      container,
      key,
    );
    return undefined;
  }
  const endpoint = { verb: (match[1] as string).toLowerCase(), path: match[2] as string };
  const wanted = endpointKey(endpoint);
  if (known.some((candidate) => endpointKey(candidate) === wanted)) return endpoint;
  const paths = conversion.spec['paths'];
  const item = isRecord(paths) ? paths[endpoint.path] : undefined;
  if (isRecord(item) && typeof item['$ref'] === 'string') {
    // Overlay targets reach the root document only, as JSONPath does not follow $refs.
    conversion.error(
      'stainless-endpoint-unknown',
      `The spec's path \`${endpoint.path}\` is a $ref (${item['$ref']}), whose operations the config cannot reach.`,
      container,
      key,
      'Bundle the spec into one document first (`npx @redocly/cli bundle`), or write the path item in the root document.',
    );
    return undefined;
  }
  const near = closest(wanted, known.map(endpointKey));
  conversion.error(
    'stainless-endpoint-unknown',
    `The spec has no endpoint \`${wanted}\`.`,
    container,
    key,
    near === undefined ? undefined : `Did you mean \`${near}\`?`,
  );
  return undefined;
}
