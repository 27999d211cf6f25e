/**
 * What the package entry exports from the copied runtime, by runtime module. Generated
 * names (schemas, page classes, params types, the client) must not take these; the index
 * emitter exports exactly these.
 */
export const RUNTIME_EXPORTS: readonly {
  readonly module: string;
  readonly values: readonly string[];
  readonly types: readonly string[];
}[] = [
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
      'APIResponseTooLargeError',
      'ResponseValidationError',
      'PaginationError',
      'TokenRequestError',
    ],
    types: [],
  },
  { module: 'api-promise', values: ['APIPromise', 'PagePromise'], types: ['WithResponse'] },
  { module: 'pagination', values: ['Page'], types: ['PageScheme', 'CursorScheme', 'ItemIdScheme'] },
  { module: 'stream', values: ['Stream'], types: ['StreamOptions'] },
  { module: 'binary', values: ['BinaryResponse'], types: [] },
  { module: 'uploads', values: ['toFile', 'fileFromPath'], types: ['Uploadable', 'FileOptions'] },
  { module: 'sse', values: ['EventStreamDecoder'], types: ['ServerSentEvent'] },
  {
    module: 'webhooks',
    values: ['Webhooks', 'InvalidWebhookSignatureError'],
    types: ['WebhookHeaders', 'WebhookSignature'],
  },
  { module: 'types', values: [], types: ['RequestOptions', 'Fetch', 'ValidateMode', 'ResponseValidator'] },
  { module: 'log', values: [], types: ['Logger', 'LogLevel'] },
];

/** Names the generated modules use internally, and `ClientOptions`, which the client module exports. */
const INTERNAL = [
  'BaseClient',
  'APIResource',
  'ClientOptions',
  'BaseClientOptions',
  // Helpers the resource modules import from the runtime: a function of the same name would clash.
  'streamOf',
  'binaryOf',
  'encodeBody',
  'watchBody',
] as const;

/**
 * Globals of JavaScript, of TypeScript's standard types and of fetch: an exported type of one
 * of these names would hide the global in the generated modules (which use `Record`, `Blob`,
 * `Promise`, `Object`) and wherever a user imports it.
 */
const GLOBALS = (
  'Array ArrayBuffer AsyncIterable AsyncIterableIterator AsyncIterator Awaited BigInt Blob Boolean DataView Date Error ' +
  'EvalError Exclude Extract File FormData Function Headers Infinity Intl Iterable IterableIterator Iterator JSON Map Math ' +
  'NaN NonNullable Number Object Omit Parameters Partial Pick Promise PromiseLike Proxy RangeError ReadableStream Readonly ' +
  'Record ReferenceError Reflect RegExp Request Required Response ReturnType Set String Symbol SyntaxError TextDecoder ' +
  'TextEncoder TypeError URIError URL URLSearchParams Uint8Array WeakMap WeakRef WeakSet AbortController AbortSignal ' +
  'globalThis undefined'
).split(' ');

/**
 * Globals a declared type (`x-sdkgen-name`, Stainless `models:`) may shadow, because no generated
 * module outside the runtime names them: files and bytes are typed `Uploadable`, from the
 * runtime, which imports no model. ImageKit's SDK exports a `File` model. An inferred name still
 * steps around them (`FileSchema`), as before.
 */
export const DECLARABLE_GLOBALS: ReadonlySet<string> = new Set(['File']);

/**
 * The runtime's page base class, and the name a package exports it under where a declared page
 * class takes `Page` (Honcho's `pagination: [{ name: page }]`): Stainless names its base `AbstractPage`.
 */
export const RUNTIME_PAGE = 'Page';
export const RUNTIME_PAGE_ALIAS = 'AbstractPage';

/** The name the package exports the runtime's page base under: `AbstractPage` where a page class is `Page`. */
export function runtimePageExport(pageClasses: readonly { readonly name: string }[]): string {
  return pageClasses.some((p) => p.name === RUNTIME_PAGE) ? RUNTIME_PAGE_ALIAS : RUNTIME_PAGE;
}

/**
 * `then`: an object or module namespace with a `then` function is a thenable, so `await client.x`,
 * `await import('pkg')` and a promise resolved with it would call the method instead of
 * yielding the object. No export, resource or method may take it.
 */
export const THENABLE = 'then';

export const RESERVED_NAMES: readonly string[] = [
  ...RUNTIME_EXPORTS.flatMap((m) => [...m.values, ...m.types]),
  ...INTERNAL,
  ...GLOBALS,
  THENABLE,
];

/**
 * Members every object inherits from `Object.prototype`. A method or resource of that name
 * would break `String(client)` or `hasOwnProperty` checks, and a property of that name makes
 * every object literal unassignable to its type (`{}` has a `constructor` of type `Function`).
 */
export const OBJECT_MEMBERS: ReadonlySet<string> = new Set([
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** Members every generated client inherits from the runtime's `BaseClient`; no resource or method may hide one. */
export const CLIENT_MEMBERS: ReadonlySet<string> = new Set([
  ...OBJECT_MEMBERS,
  THENABLE,
  'baseURL',
  'maxRetries',
  'timeout',
  'request',
  'settingOf',
  'requestPage',
  'fetchPage',
]);

/** Members every generated resource inherits from the runtime's `APIResource`. */
export const RESOURCE_MEMBERS: ReadonlySet<string> = new Set([...OBJECT_MEMBERS, THENABLE, '_client']);
