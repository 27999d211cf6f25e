import { APIError, APIResponseParseError, SDKError } from './errors.js';
import type { Mask } from './redact.js';
import type { ResponseFormat } from './types.js';

/** A successful response's body as the method's format wants it: parsed JSON, or as it came. */
export function parseBody(response: Response, body: string | Blob, format: ResponseFormat, mask: Mask): unknown {
  switch (format) {
    case 'binary':
    case 'text':
    case 'stream':
      return body;
    case 'json':
      return parseJSONBody(response, body as string, mask);
    default:
      return assertNever(format);
  }
}

function parseJSONBody(response: Response, text: string, mask: Mask): unknown {
  if (response.status === 204 || text === '') return undefined;
  const contentType = response.headers.get('content-type') ?? '';
  // The body and the parser's message quote what the server sent, which may echo a credential.
  const failed = (message: string, cause?: unknown): APIResponseParseError =>
    mask.error(
      new APIResponseParseError(
        response.status,
        text,
        message,
        response.headers,
        cause === undefined ? undefined : { cause: mask.error(cause) },
      ),
    );
  if (contentType !== '' && !isJSONContentType(contentType))
    throw failed(`Expected a JSON response but got content-type "${contentType}".`);
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw failed(`The response body is not valid JSON (${parserMessage(cause)}).`, cause);
  }
}

/**
 * The parser's message without the excerpt of the body some engines quote (V8's `"…" is not
 * valid JSON`): an excerpt may cut a credential, and a piece of one is not masked.
 */
function parserMessage(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.replace(/,\s*"[\s\S]*"\s+is not valid JSON$/, '');
}

/**
 * The typed error of an error status, its body parsed when it is JSON and masked at any depth.
 * Whatever the body (nested 100,000 deep, not JSON), this gives an `APIError` of the status,
 * so that a 5xx stays retryable.
 */
export function statusError(response: Response, text: string, mask: Mask): APIError {
  try {
    return mask.error(APIError.generate(response.status, parseErrorBody(text), response.headers));
  } catch {
    return mask.error(APIError.generate(response.status, text, response.headers));
  }
}

function parseErrorBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function isJSONContentType(contentType: string): boolean {
  // The usual answer first, without splitting: `application/json`, with or without parameters.
  if (contentType.startsWith('application/json') && (contentType.length === 16 || contentType[16] === ';')) return true;
  const mime = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return mime === 'application/json' || mime.endsWith('+json');
}

function assertNever(value: never): never {
  throw new SDKError(`Unexpected value: ${JSON.stringify(value)}`);
}
