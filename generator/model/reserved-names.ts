/**
 * Names the package entry exports from the copied runtime. Generated names (schemas,
 * page classes, params types, the client) must not take them.
 */
export const RUNTIME_VALUE_EXPORTS = [
  'SDKError',
  'MissingCredentialsError',
  'APIError',
  'BadRequestError',
  'AuthenticationError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'UnprocessableEntityError',
  'RateLimitError',
  'InternalServerError',
  'APIConnectionError',
  'APIConnectionTimeoutError',
  'APIUserAbortError',
  'APIResponseParseError',
  'PaginationError',
  'APIPromise',
  'PagePromise',
  'Page',
] as const;

export const RUNTIME_TYPE_EXPORTS = ['WithResponse', 'PageScheme', 'RequestOptions', 'ClientOptions', 'Fetch'] as const;

/** Internal names every generated module may import; also kept free. */
const INTERNAL = ['BaseClient', 'APIResource', 'expandPath'] as const;

export const RESERVED_NAMES: readonly string[] = [...RUNTIME_VALUE_EXPORTS, ...RUNTIME_TYPE_EXPORTS, ...INTERNAL];
