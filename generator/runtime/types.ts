import type { APIError } from './errors.js';
import type { FetchOptions } from './fetch-options.js';
import type { Logger, LogLevel } from './log.js';

/** A credential: its value, or a function that gives it (at once or as a promise), asked for each request. */
export type Credential = string | (() => string | PromiseLike<string>);

/** The `fetch` the client calls; any web-standard implementation fits. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export type HeadersInit = Readonly<Record<string, string | null | undefined>>;

/** One try of a request, as the hooks see it: `onRequest` may change its URL and headers. */
export interface HookRequest {
  readonly method: string;
  url: string;
  headers: Record<string, string>;
  /** 1 for the first try, 2 for the first retry, … */
  readonly attempt: number;
  /** `url` as it may be logged: every credential in it (a key in the query) masked as `[redacted]`. */
  readonly redactedURL: string;
}

/**
 * Functions called for each try of a request (a retry is a try of its own), the client's first,
 * then the call's. A hook may be async; what it throws fails the call as it is.
 */
export interface Hooks {
  /** Before a try is sent: may change `request.url` and `request.headers`. */
  onRequest?: ((request: HookRequest) => void | PromiseLike<void>) | undefined;
  /** When a try gets a response, whatever its status. */
  onResponse?: ((response: Response, request: HookRequest) => void | PromiseLike<void>) | undefined;
  /** When a try fails: an error status, a dropped connection, a timeout. */
  onError?: ((error: Error, request: HookRequest) => void | PromiseLike<void>) | undefined;
}

/** Options every generated client accepts, besides its credentials. */
export interface ClientOptions extends Hooks {
  /** Overrides the server URL from the spec, e.g. for a proxy or a mock server. */
  baseURL?: string | undefined;
  /** How many times a failed request is retried (connection errors, timeouts, 408, 409, 429, 5xx). Default 2. */
  maxRetries?: number | undefined;
  /**
   * Milliseconds a request may take, reading the whole response body included (JSON, text and
   * bytes alike). An event stream, which may last any time, fails when it sends nothing for this
   * long instead. Default 600000 (10 minutes).
   */
  timeout?: number | undefined;
  /** A `fetch` to use instead of the global one. */
  fetch?: Fetch | undefined;
  /**
   * More `RequestInit` members for every request (`cache`, `keepalive`, Node's `dispatcher` for a
   * proxy). The client keeps its own: `method`, `headers`, `body`, `redirect` (a redirect is followed
   * by the client, so that credentials stay on their origin) and `duplex` throw; a `signal` here
   * aborts every request, as a call's `signal` does.
   */
  fetchOptions?: FetchOptions | undefined;
  /**
   * An `http.Agent`, passed to `fetch` as `agent`: what node-fetch (the `fetch` older SDKs used on
   * Node) reads. Node's own fetch ignores it: give it `fetchOptions: { dispatcher }` (undici) instead.
   */
  httpAgent?: object | undefined;
  /** Headers sent with every request; `null` removes a header the client would send. */
  defaultHeaders?: HeadersInit | undefined;
  /** Query parameters sent with every request. */
  defaultQuery?: Readonly<Record<string, unknown>> | undefined;
  /** `off`, `error`, `warn` (default), `info` (retries) or `debug` (every request and response). Also read from the client's `*_LOG` environment variable. */
  logLevel?: LogLevel | undefined;
  /** Where log lines go (default `console`); they never contain a credential. */
  logger?: Logger | undefined;
  /**
   * The header that carries an idempotency key on requests whose method is not idempotent
   * (POST, PATCH): one random key per call, the same on each of its retries, so that the server
   * can tell a retry from a new call. The default is the header the API declares, if any; `null`
   * sends none (and a call's `idempotencyKey` is refused rather than dropped). Without a key, such
   * a request is retried only when it cannot have been acted on.
   */
  idempotencyHeader?: string | null | undefined;
  /**
   * The largest response body read, in bytes; a larger one fails with `APIResponseTooLargeError`:
   * JSON, text and bytes (a `BinaryResponse` however it is read) as a whole, an event stream per
   * event (the lines of one event), since a stream may rightly run for hours. Default: no limit.
   */
  maxResponseBytes?: number | undefined;
  /** Where an OAuth2 client-credentials token is fetched, instead of the `tokenUrl` the API declares (a proxy, a mock). */
  tokenURL?: string | undefined;
  /**
   * Checks each JSON response against the spec: `off` (the default), `warn` (logs what does not
   * match) or `strict` (throws `ResponseValidationError`). Needs `validator`.
   */
  validate?: ValidateMode | undefined;
  /** The checks `validate` runs: `validator` from the package's `validation` module, which only then is bundled. */
  validator?: ResponseValidator | undefined;
}

/** Whether responses are checked against the spec, and what a mismatch does. */
export type ValidateMode = 'off' | 'warn' | 'strict';

/** Checks a response body against the spec's schema of the operation's answer. */
export interface ResponseValidator {
  /**
   * What `strict` throws and `warn` logs when `answer.data` does not match the spec's schema of
   * `answer.method answer.path` (its path template); `undefined` when it matches, or when the spec
   * has no schema for it. `redact` masks credentials in what the error quotes of the body.
   */
  check(answer: ValidatedAnswer, redact: (value: unknown) => unknown): Error | undefined;
}

/** A parsed JSON answer, and the operation it answers. */
export interface ValidatedAnswer {
  readonly method: string;
  readonly path: string;
  readonly response: Response;
  readonly data: unknown;
}

/** Options of one call; they override the client's (hooks run after the client's). */
export interface RequestOptions extends Hooks {
  /** Aborts the request and any retry still to come. */
  signal?: AbortSignal | undefined;
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  headers?: HeadersInit | undefined;
  query?: Readonly<Record<string, unknown>> | undefined;
  /**
   * The idempotency key of this call, instead of a random one: sent in the client's
   * `idempotencyHeader`, else in `Idempotency-Key`; refused when that option is `null`.
   */
  idempotencyKey?: string | undefined;
  maxResponseBytes?: number | undefined;
  /** Overrides the client's `validate` for this call (a `validator` must be given to the client). */
  validate?: ValidateMode | undefined;
  /** More `RequestInit` members for this call, over the client's `fetchOptions` (member by member). */
  fetchOptions?: FetchOptions | undefined;
  /** The client's `httpAgent`, for this call. */
  httpAgent?: object | undefined;
  /** Sends the call with this method instead of its own. */
  method?: HttpMethod | undefined;
  /** Sends the call to this path below `baseURL` (as it is: no `{parameters}` are filled in) instead of its own. */
  path?: string | undefined;
  /** Sends this body instead of the call's own (`undefined` keeps the call's). */
  body?: unknown;
  /**
   * The URL this call is sent to below, where the client's `baseURL` is its default (neither
   * `baseURL` nor `environment` given): an operation served by another server. A `baseURL` the
   * caller gave wins, so that a proxy or a mock server still gets every call.
   */
  defaultBaseURL?: string | undefined;
  /**
   * `client.request({ …, stream: true })`: the answer is an event stream, read as a `Stream` of its
   * events (JSON). A method streams as its own params say (`stream: true` where the API has it), as
   * in Stainless clients, so a method's call ignores this.
   */
  stream?: boolean | undefined;
}

/** How a credential travels, from the spec's `securitySchemes`. */
export type AuthScheme =
  | { readonly type: 'bearer'; readonly option: string; readonly env?: string | undefined }
  /**
   * HTTP Basic (RFC 7617): `option` takes the username (and names the scheme, as every `option`
   * does), `passwordOption` the password; both are sent as `Authorization: Basic base64(username:password)`.
   */
  | {
      readonly type: 'basic';
      readonly option: string;
      readonly env?: string | undefined;
      readonly passwordOption: string;
      readonly passwordEnv?: string | undefined;
    }
  | { readonly type: 'header'; readonly option: string; readonly env?: string | undefined; readonly name: string }
  | { readonly type: 'query'; readonly option: string; readonly env?: string | undefined; readonly name: string }
  | { readonly type: 'cookie'; readonly option: string; readonly env?: string | undefined; readonly name: string }
  /**
   * OAuth2, sent as `Authorization: Bearer`: the token itself (`option`), or, for a
   * client-credentials flow (`tokenUrl`), a client id and secret the client trades for tokens.
   */
  | {
      readonly type: 'oauth2';
      readonly option: string;
      readonly env?: string | undefined;
      readonly tokenUrl?: string | undefined;
      readonly clientIdOption?: string | undefined;
      readonly clientIdEnv?: string | undefined;
      readonly clientSecretOption?: string | undefined;
      readonly clientSecretEnv?: string | undefined;
    };

/** What a client-credentials grant needs (RFC 6749 §4.4). */
export interface ClientCredentialsGrant {
  readonly tokenURL: string;
  readonly clientId: Credential;
  readonly clientSecret: Credential;
  readonly fetch: Fetch;
  /** Milliseconds the token request may take. */
  readonly timeout: number;
  /** How many times a failed token request is retried (a dropped connection, a timeout, 408, 429, 5xx). Default 0. */
  readonly maxRetries?: number | undefined;
  /** Told each secret as it is learnt (the client secret, each token), to mask it wherever text leaves the client. */
  readonly learn: (secret: string) => void;
  /** Masks every credential the client knows in a text (a connection error's message). */
  readonly mask?: ((text: string) => string) | undefined;
  /** The typed error of a refusal, its body and headers masked as the client's own are. */
  readonly statusError: (response: Response, text: string) => APIError;
  /** The clock, in milliseconds; tests move it. */
  readonly now?: (() => number) | undefined;
}

/** What the client gives an OAuth2 grant: where its options are, and its own fetch, timeout and masking. */
export interface GrantSetup {
  /** A credential option's value, else its environment variable's; `undefined` when neither is set. */
  readonly given: (option: string | undefined, env: string | undefined) => Credential | undefined;
  /** The `tokenURL` client option. */
  readonly tokenURL: string | undefined;
  readonly baseURL: string;
  readonly fetch: Fetch;
  readonly timeout: number;
  /** The client's `maxRetries`: token requests are retried as requests are. */
  readonly maxRetries: number;
  readonly learn: (secret: string) => void;
  readonly mask: (text: string) => string;
  readonly statusError: (response: Response, text: string) => APIError;
}

/** Makes the token source of a client-credentials scheme, or `undefined` when its id or secret is not given. */
export type ClientCredentialsFactory = (
  scheme: Extract<AuthScheme, { type: 'oauth2' }>,
  setup: GrantSetup,
) => TokenSource | undefined;

/** Access tokens of a grant: the cached one, or a new one; `invalidate` forgets one the API refused. */
export interface TokenSource {
  get(): Promise<string>;
  invalidate(token: string): void;
}

/** What a generated client tells its runtime about the API. */
export interface ClientConfig {
  readonly baseURL: string;
  readonly auth: readonly AuthScheme[];
  /** The credentials given as options, by option name; missing ones are read from `env`. */
  readonly credentials: Readonly<Record<string, Credential | undefined>>;
  /** The environment variable that sets the log level when the option does not, e.g. `OPENAI_LOG`. */
  readonly logEnv?: string | undefined;
  /** Option names of the schemes that authorize a call that names none: the document's `security`. */
  readonly defaultAuth?: readonly string[] | undefined;
  /** The idempotency header the API declares, sent on non-idempotent requests unless the options say otherwise. */
  readonly idempotencyHeader?: string | undefined;
  /** Makes OAuth2 client-credentials grants: given by clients whose API declares one (`tokenUrl`), so that others bundle none of it. */
  readonly clientCredentials?: ClientCredentialsFactory | undefined;
  /** The package's name, to say where `validator` is imported from. */
  readonly packageName?: string | undefined;
  /** Named base URLs, the first the default (`{ production: 'https://…', sandbox: 'https://…' }`). */
  readonly environments?: Readonly<Record<string, string>> | undefined;
  /** The environment the caller picked (the generated `environment` option). */
  readonly environment?: string | undefined;
  /** The API's own retry defaults: `maxRetries`, and the backoff's first and longest delay in seconds. */
  readonly retries?: RetryConfig | undefined;
  /** Client options besides credentials, each sent in a header or the query on every request. */
  readonly settings?: readonly ClientSetting[] | undefined;
  /**
   * Reads `environments` and `settings` (core/settings' `settingReader`): given with either, and
   * only where the API declares one, so that other clients bundle none of it. Without it, both are ignored.
   */
  readonly settingReader?: SettingReader | undefined;
  /** How query lists and objects with no declared style are written (default: repeated names, brackets). */
  readonly queryFormat?: QueryFormat | undefined;
  /**
   * Loads core/encode-body, for form and file bodies: given by clients whose API declares one,
   * so that a JSON-only client's bundle holds none of it, even as one file.
   */
  readonly forms?: (() => Promise<{ readonly encodeBody: BodyEncoder }>) | undefined;
  /** Loads core/watch-body, for answers handed on unread (bytes, events): given by clients whose API declares one. */
  readonly unreadBodies?: (() => Promise<{ readonly watchBody: BodyWatcher }>) | undefined;
  /** Loads core/stream, for `request({ …, stream: true })`: given by clients whose API declares an event stream. */
  readonly eventStreams?: (() => Promise<{ readonly streamOf: () => (raw: RawResponse) => unknown }>) | undefined;
}

/** core/settings' readers of a client's environments and settings. */
export interface SettingReader {
  /** `baseURL` where given, else the environment picked (the first where none is), else the spec's server. */
  chooseBaseURL(baseURL: string | undefined, config: ClientConfig): string;
  /** The headers and query parameters of the settings, each from its option, environment variable or default. */
  settingValues(settings: readonly ClientSetting[] | undefined): {
    readonly headers: Record<string, string>;
    readonly query: Record<string, string>;
  };
  /** One setting's value; `undefined` where it has none, or is `null`. */
  settingValue(setting: ClientSetting): string | undefined;
}

export interface RetryConfig {
  readonly maxRetries?: number | undefined;
  readonly initialDelay?: number | undefined;
  readonly maxDelay?: number | undefined;
}

/**
 * A client option that is not a credential: its value as given (`undefined` when not), else its
 * environment variable, else its default; `null` (where nullable) sends nothing.
 */
export interface ClientSetting {
  readonly option: string;
  readonly value: unknown;
  readonly type: 'string' | 'number' | 'boolean';
  readonly env?: string | undefined;
  readonly default?: string | number | boolean | undefined;
  readonly header?: string | undefined;
  readonly query?: string | undefined;
}

/**
 * Query lists with no declared style: `repeat` (`a=1&a=2`), `comma` (`a=1,2`), `brackets`
 * (`a[]=1&a[]=2`) or `indices` (`a[0]=1&a[1]=2`); objects: `brackets` (`f[k]=v`) or `dots` (`f.k=v`).
 */
export interface QueryFormat {
  readonly arrays: 'repeat' | 'comma' | 'brackets' | 'indices';
  readonly objects: 'brackets' | 'dots';
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/**
 * How to read a successful response body: parsed JSON, a string, or (bytes, an event stream)
 * not at all: the response is handed on with its body unread, watched for stalls.
 */
export type ResponseFormat = 'json' | 'text' | 'binary' | 'stream';

/**
 * Appends one query parameter to `out` (`a=1&b=2`) in its declared style, or returns
 * `undefined` for a parameter written the default way.
 */
export type QueryStyle = (out: string, name: string, value: unknown) => string | undefined;

/** One path parameter as its segment, in its declared style; `undefined` for one written as `simple`. */
export type PathStyle = (name: string, value: unknown) => string | undefined;

/** One operation call, as a generated method describes it. */
export interface APIRequest {
  readonly method: HttpMethod;
  /** The path template below `baseURL`, as in the spec: `/projects/{project_id}/groups`; or a URL the server gave (a next page). */
  readonly path: string;
  /** The spec's path template where `path` is a URL the server gave: what the answer is validated as. */
  readonly template?: string | undefined;
  /** Values of the template's parameters; each is encoded as one path segment. */
  readonly pathParams?: Readonly<Record<string, unknown>> | undefined;
  /** Query parameters; an object (not a record) so that generated params interfaces fit. */
  readonly query?: object | undefined;
  /** Writes the query parameters whose spec declares a style other than the default: core/styles' `queryStyles`. */
  readonly styles?: QueryStyle | undefined;
  /** Writes the path parameters whose spec declares a style other than `simple`: core/styles' `pathStyles`. */
  readonly pathStyles?: PathStyle | undefined;
  readonly body?: unknown;
  /** `body`: a list's page parameter (cursor, page, offset) is a field of the JSON body, not of the query. */
  readonly pageParamsIn?: 'body' | undefined;
  /**
   * The body's media type when it is not JSON: `multipart/form-data` and
   * `application/x-www-form-urlencoded` bodies are encoded from a plain object; other
   * bodies (bytes, text) are sent as given with this content type.
   */
  readonly contentType?: string | undefined;
  /** Encodes a body that is not JSON (a form, a file); without it, core/encode-body's `encodeBody`, loaded on first use where the client's API declares such a body. */
  readonly encode?: BodyEncoder | undefined;
  readonly headers?: HeadersInit | undefined;
  /** Option names of the auth schemes that may authorize this call; `[]` for none, absent for the client's default. */
  readonly auth?: readonly string[] | undefined;
  readonly format?: ResponseFormat | undefined;
  /** Hands a `stream` or `binary` answer on unread, watched for stalls; without it, core/watch-body's `watchBody`, loaded on first use where the client's API declares such an answer. */
  readonly watch?: BodyWatcher | undefined;
}

/** What watching an unread body needs of its try: its controller, the caller's signal, and its timer. */
export interface BodyWatch {
  readonly controller: AbortController;
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number;
  /** Starts the timeout again: a chunk came. */
  readonly restart: () => void;
  /** Stops the timer and the abort listener: the body is done with. */
  readonly cleanup: () => void;
  /** `total`: the timeout covers reading the whole body (bytes); `stall`: each chunk restarts it (an event stream). */
  readonly deadline?: 'total' | 'stall' | undefined;
  /** The most bytes the whole body may have (`maxResponseBytes`), for bytes read as a whole. */
  readonly maxBytes?: number | undefined;
  /** Masks the request's credentials in an error the body's reader throws. */
  readonly mask?: MaskError | undefined;
}

/** Masks the request's credentials in an error, in place for the client's own. */
export type MaskError = <E>(error: E) => E;

/** Puts a body that is not JSON on the wire (core/encode-body's `encodeBody`). */
export type BodyEncoder = (body: unknown, contentType: string, headers: Record<string, string>) => Promise<BodyInit>;

export type BodyWatcher = (response: Response, watch: BodyWatch) => Response;

/** A response whose body has been read and parsed (or, for a stream, is still to be read). */
export interface RawResponse {
  readonly response: Response;
  readonly data: unknown;
  /** The body as received, to hand out again by `asResponse()`; a stream's body is the response's own. */
  readonly body: string | Blob | ReadableStream<Uint8Array> | null;
  /** Aborts the request; for a stream, what closes the connection when the reader stops. */
  readonly controller?: AbortController | undefined;
  /** `maxResponseBytes` of the request: for an event stream, the most bytes of one event. */
  readonly maxBytes?: number | undefined;
  /** Masks the request's credentials in what a stream's reader throws later. */
  readonly mask?: MaskError | undefined;
}
