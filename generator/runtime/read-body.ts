import { APIResponseTooLargeError } from './errors.js';

/**
 * A response body as text, refused once it passes `maxBytes`: by its `content-length` before a
 * byte is read, else as the bytes arrive, so that a runaway answer cannot fill the memory.
 * Without a limit, fetch's own `text()` reads it, which is the fastest way there is.
 */
export async function readText(response: Response, maxBytes: number | undefined): Promise<string> {
  if (maxBytes === undefined || response.body === null) return response.text();
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body.cancel().catch(() => {});
    throw new APIResponseTooLargeError(response, maxBytes, declared);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new APIResponseTooLargeError(response, maxBytes, undefined);
    }
    text += decoder.decode(value, { stream: true });
  }
}
