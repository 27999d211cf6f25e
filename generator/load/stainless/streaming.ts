import { isRecord } from '../validate-document.js';
import type { Endpoint } from './endpoints.js';

/**
 * Whether an operation's success answer is JSON (or another media type) with an event stream
 * beside it: Stainless streams such a method only where its config says `streaming`, so one
 * without is written `x-sdkgen-stream: false` (Honcho's `sessions.chat`).
 */
export function answersEventsBesideJSON(spec: Record<string, unknown>, endpoint: Endpoint): boolean {
  const paths = spec['paths'];
  const item = isRecord(paths) ? paths[endpoint.path] : undefined;
  const operation = isRecord(item) ? item[endpoint.verb] : undefined;
  const responses = isRecord(operation) ? operation['responses'] : undefined;
  if (!isRecord(responses)) return false;
  return Object.entries(responses).some(([status, response]) => {
    if (!/^2(\d\d|XX)$/i.test(status)) return false;
    const content = resolved(spec, response)?.['content'];
    if (!isRecord(content)) return false;
    const types = Object.keys(content).map((type) => (type.split(';')[0] ?? '').trim().toLowerCase());
    return types.includes('text/event-stream') && types.some((type) => type !== 'text/event-stream');
  });
}

/** A response, through one `$ref` to `#/components/responses/…` of the same document. */
function resolved(spec: Record<string, unknown>, response: unknown): Record<string, unknown> | undefined {
  if (!isRecord(response)) return undefined;
  const ref = response['$ref'];
  if (typeof ref !== 'string') return response;
  const match = /^#\/components\/responses\/([^/]+)$/.exec(ref);
  const components = spec['components'];
  const responses = isRecord(components) ? components['responses'] : undefined;
  const name = match?.[1]?.replaceAll('~1', '/').replaceAll('~0', '~');
  const target = name !== undefined && isRecord(responses) ? responses[name] : undefined;
  return isRecord(target) ? target : undefined;
}
