/**
 * What the package entry exports from the copied runtime, by runtime module. Generated
 * names (schemas, page classes, params types, the client) must not take these; the index
 * emitter exports exactly these.
 */
export const RUNTIME_EXPORTS: readonly { readonly module: string; readonly values: readonly string[]; readonly types: readonly string[] }[] = [
  {
    module: 'errors',
    values: [
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
    ],
    types: [],
  },
  { module: 'api-promise', values: ['APIPromise', 'PagePromise'], types: ['WithResponse'] },
  { module: 'pagination', values: ['Page'], types: ['PageScheme', 'CursorScheme', 'ItemIdScheme'] },
  { module: 'types', values: [], types: ['RequestOptions', 'Fetch'] },
  { module: 'log', values: [], types: ['Logger', 'LogLevel'] },
];

/** Names the generated modules use internally, and `ClientOptions`, which the client module exports. */
const INTERNAL = ['BaseClient', 'APIResource', 'ClientOptions', 'BaseClientOptions'] as const;

export const RESERVED_NAMES: readonly string[] = [...RUNTIME_EXPORTS.flatMap((m) => [...m.values, ...m.types]), ...INTERNAL];

/** Members every generated client inherits from the runtime's `BaseClient`; no resource or method may hide one. */
export const CLIENT_MEMBERS: ReadonlySet<string> = new Set(['constructor', 'baseURL', 'maxRetries', 'timeout', 'request', 'requestPage', 'fetchPage']);

/** Members every generated resource inherits from the runtime's `APIResource`. */
export const RESOURCE_MEMBERS: ReadonlySet<string> = new Set(['constructor', '_client']);
