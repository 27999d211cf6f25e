/** A response as openapi-fetch hands it back: `{ data, response }` on success, `{ error, response }` otherwise. */
import type { ParseAs } from './types.js';

export type Outcome = { data: unknown; response: Response } | { error: unknown; response: Response };

export async function parseResponse(response: Response, method: string, parseAs: ParseAs): Promise<Outcome> {
  const contentLength = response.headers.get('Content-Length');
  // No content: 204, a HEAD, or a declared empty body that is not chunked.
  if (
    response.status === 204 ||
    method === 'HEAD' ||
    (contentLength === '0' && !response.headers.get('Transfer-Encoding')?.includes('chunked'))
  )
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  if (response.ok) return { data: await successData(response, parseAs, contentLength), response };
  // An error body may be empty (a proxy's), JSON, or text.
  const text = await response.text();
  if (!text) return { error: undefined, response };
  try {
    return { error: JSON.parse(text), response };
  } catch {
    return { error: text, response };
  }
}

async function successData(response: Response, parseAs: ParseAs, contentLength: string | null): Promise<unknown> {
  if (parseAs === 'stream') return response.body;
  if (parseAs === 'json' && !contentLength) {
    // Without a length the body may be empty (a 200 with nothing): text first, JSON if any.
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }
  return response[parseAs]();
}
