/** Base class of every error the client throws on purpose. */
export class SDKError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** No credential was given as a client option nor found in the environment. */
export class MissingCredentialsError extends SDKError {
  /** The client option that takes the credential, e.g. `adminAPIKey`. */
  readonly option: string;
  /** The environment variable read when the option is absent, if any. */
  readonly envVar: string | undefined;

  constructor(option: string, envVar: string | undefined) {
    const where =
      envVar === undefined
        ? `the \`${option}\` client option`
        : `the \`${option}\` client option or the ${envVar} environment variable`;
    super(`No credentials: set ${where}. No request was sent.`);
    this.option = option;
    this.envVar = envVar;
  }
}

/** A request could not be completed: the server answered with an error status, or never answered. */
export class APIError<TBody = unknown> extends SDKError {
  /** HTTP status, or `undefined` when no response arrived. */
  readonly status: number | undefined;
  /** Response headers, or `undefined` when no response arrived. */
  readonly headers: Headers | undefined;
  /** The parsed response body (JSON when it parses, else its text). */
  readonly error: TBody | undefined;
  /** The server's `x-request-id`, for support requests. */
  readonly requestID: string | undefined;

  constructor(
    status: number | undefined,
    error: TBody | undefined,
    message: string,
    headers: Headers | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.status = status;
    this.headers = headers;
    this.error = error;
    this.requestID = headers?.get('x-request-id') ?? undefined;
  }

  /** The subclass that matches `status`, so callers can `catch (e) { if (e instanceof NotFoundError) … }`. */
  static generate(status: number, error: unknown, headers: Headers): APIError {
    const message = `${status} ${describeErrorBody(error) ?? 'status code (no body)'}`;
    const ErrorClass = errorClassForStatus(status);
    return new ErrorClass(status, error, message, headers);
  }
}

export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class PermissionDeniedError extends APIError {}
export class NotFoundError extends APIError {}
export class ConflictError extends APIError {}
export class UnprocessableEntityError extends APIError {}
export class RateLimitError extends APIError {}
export class InternalServerError extends APIError {}

/** The server could not be reached, or the connection broke before the response was complete. */
export class APIConnectionError extends APIError<undefined> {
  constructor(message = 'Connection error.', options?: { cause?: unknown }) {
    super(undefined, undefined, message, undefined, options);
  }
}

/** The request, including reading its response body, took longer than `timeout`. */
export class APIConnectionTimeoutError extends APIConnectionError {
  /** `what`: what took too long, for a stream that stalled after it started. */
  constructor(timeoutMs: number, what = 'Request timed out') {
    super(`${what} after ${timeoutMs} ms.`);
  }
}

/** `Connection error: <why>`, from a failed fetch's cause. */
export function connectionMessage(cause: unknown): string {
  const detail = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : '';
  return detail === '' ? 'Connection error.' : `Connection error: ${detail}`;
}

/** The caller aborted the request through its `signal`. */
export class APIUserAbortError extends APIError<undefined> {
  constructor(options?: { cause?: unknown }) {
    super(undefined, undefined, 'Request was aborted.', undefined, options);
  }
}

/** The server answered 2xx with a body that is not what the content type promises (e.g. broken JSON). */
export class APIResponseParseError extends APIError<string> {}

/**
 * The response body passed the `maxResponseBytes` option: the client stopped reading it and
 * closed the connection. Not retried: the same request would get the same answer.
 */
export class APIResponseTooLargeError extends APIError<undefined> {
  /** The limit that was passed, in bytes. */
  readonly maxBytes: number;

  /** `what`: what passed the limit: the response, or one event of an event stream. */
  constructor(
    response: Response,
    maxBytes: number,
    declaredBytes: number | undefined,
    what = 'The response to this request',
  ) {
    const size = declaredBytes === undefined ? 'more than that' : `${declaredBytes} bytes`;
    super(
      response.status,
      undefined,
      `${what} is larger than maxResponseBytes (${maxBytes} bytes): ${size}. Raise the option to read it.`,
      response.headers,
    );
    this.maxBytes = maxBytes;
  }
}

/**
 * A 2xx answer that does not match the spec's schema, with `validate: 'strict'`: where
 * (`path`, a JSON path from `$`, the body), what the spec expects there and what came.
 * `error` holds the whole parsed body. Not retried: the server would answer the same.
 */
export class ResponseValidationError extends APIError<unknown> {
  /** Where in the body, from `$`: `$.data[3].status`. */
  readonly path: string;
  /** What the spec asks for there: `a string`, `one of "open", "closed"`, `a value` (for a missing field). */
  readonly expected: string;
  /** What the body holds there; `undefined` for a missing field. */
  readonly received: unknown;
  /** Every mismatch found, the first of which the fields above describe. */
  readonly problems: readonly { readonly where: string; readonly message: string }[];

  constructor(
    operation: string,
    response: Response,
    body: unknown,
    problems: readonly {
      readonly where: string;
      readonly message: string;
      readonly expected?: string | undefined;
      readonly received?: unknown;
    }[],
  ) {
    const first = problems[0] ?? { where: '$', message: 'does not match' };
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    super(
      response.status,
      body,
      `The response to ${operation} does not match the API description: ${first.where} ${first.message}${more}.`,
      response.headers,
    );
    this.path = first.where;
    this.expected = first.expected ?? 'a valid value';
    this.received = first.received;
    this.problems = problems.map(({ where, message }) => ({ where, message }));
  }
}

/**
 * The OAuth2 token endpoint gave no token: it refused the client (RFC 6749 §5.2: `invalid_client`,
 * `invalid_grant`, …), failed after the client's retries, or answered something that is no token.
 * Its own class, so that a refused client id or secret is never taken for the API's own 401.
 * `status`, `headers` and `error` are the token endpoint's (masked); `undefined` when it never answered.
 */
export class TokenRequestError extends APIError {
  /** Where the token was asked for. */
  readonly tokenURL: string;
  /** The OAuth2 error code the endpoint answered (`invalid_client`), if any. */
  readonly code: string | undefined;
  /** The endpoint's `error_description`, masked, if any. */
  readonly description: string | undefined;

  constructor(
    tokenURL: string,
    why: string,
    answer: { readonly status: number; readonly error: unknown; readonly headers: Headers } | undefined,
    options?: { cause?: unknown },
  ) {
    const body = answer?.error;
    const field = (key: string): string | undefined => {
      const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const code = field('error');
    const description = field('error_description');
    const detail = [code, description === undefined ? undefined : cut(description)].filter((t) => t !== undefined);
    super(
      answer?.status,
      body,
      `The OAuth2 token request to ${tokenURL} ${why}${detail.length === 0 ? '' : `: ${detail.join(': ')}`}.`,
      answer?.headers,
      options,
    );
    this.tokenURL = tokenURL;
    this.code = code;
    this.description = description;
  }
}

/** Auto-pagination stopped because the server's cursors would make it loop forever. */
export class PaginationError extends SDKError {}

/**
 * An error class of a status, typed with the body an API declares for that status: what a
 * generated package's `errors.ts` exports, so that `err instanceof NotFoundError` types `err.error`.
 * At run time it is the class itself.
 */
export type WithBody<C extends abstract new (...args: never) => APIError, Body> = Omit<C, 'prototype'> & {
  new (...args: ConstructorParameters<C>): InstanceType<C> & { readonly error: Body | undefined };
  readonly prototype: InstanceType<C> & { readonly error: Body | undefined };
};

type APIErrorClass = new (status: number, error: unknown, message: string, headers: Headers) => APIError;

function errorClassForStatus(status: number): APIErrorClass {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? InternalServerError : APIError;
  }
}

/** How much of an error body a message quotes; the whole body stays on the error's `error`. */
const MESSAGE_BODY_CHARS = 300;

/**
 * The human part of an error body, on one line and short: `{error: {message}}`, `{message}`,
 * `{error: "…"}`, plain text, or, for an HTML page (a proxy's 502), its title and its size.
 */
function describeErrorBody(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const text = body.trim();
    if (text === '') return undefined;
    if (/^<(!doctype\s+html|html|head|body)\b/i.test(text)) {
      const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
      const page = `an HTML page of ${text.length} characters, in \`error.error\``;
      return title === undefined || title === '' ? `(${page})` : `${cut(title)} (${page})`;
    }
    return cut(text);
  }
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const nested = record['error'];
  if (typeof nested === 'string') return cut(nested);
  if (nested !== null && typeof nested === 'object') {
    const message = (nested as Record<string, unknown>)['message'];
    if (typeof message === 'string') return cut(message);
  }
  if (typeof record['message'] === 'string') return cut(record['message']);
  try {
    return cut(JSON.stringify(body));
  } catch {
    // JSON.stringify recurses: a body nested too deep for it is described, not quoted.
    return `(a JSON ${Array.isArray(body) ? 'array' : 'object'} nested too deep to quote, in \`error.error\`)`;
  }
}

function cut(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= MESSAGE_BODY_CHARS) return line;
  return `${line.slice(0, MESSAGE_BODY_CHARS)}… (${text.length} characters in all, in \`error.error\`)`;
}
