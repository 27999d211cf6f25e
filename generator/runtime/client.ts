import { APIPromise, PagePromise } from './api-promise.js';
import { isBodyInit } from './body-init.js';
import { resolveCredential } from './credentials.js';
import { readEnv } from './env.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIResponseTooLargeError,
  APIUserAbortError,
  connectionMessage,
  MissingCredentialsError,
  PaginationError,
  SDKError,
} from './errors.js';
import { extraFetchInit, type FetchOptions } from './fetch-options.js';
import { checkCredential, checkHeaders, mergeHeaders } from './headers.js';
import { isLogLevel, type Logger, levelLogger } from './log.js';
import type { Page, PageClass } from './pagination.js';
import { parseBody, statusError } from './parse-body.js';
import { expandPath } from './path.js';
import { stringifyQuery } from './query.js';
import { readText } from './read-body.js';
import { base64, type Mask, redactError, redactSecrets, Secrets } from './redact.js';
import { ALWAYS_SECRET, type CredentialPlaces, fetchFollowingRedirects } from './redirect.js';
import {
  type Backoff,
  backoffOf,
  failedBeforeSending,
  isIdempotentMethod,
  retryDelayMs,
  shouldRetryResponse,
  statusLeftUnprocessed,
} from './retry.js';
import type {
  APIRequest,
  AuthScheme,
  BodyWatcher,
  ClientConfig,
  ClientOptions,
  ClientSetting,
  Credential,
  Fetch,
  Hooks,
  QueryFormat,
  RawResponse,
  RequestOptions,
  ResponseFormat,
  ResponseValidator,
  SettingReader,
  TokenSource,
  ValidateMode,
} from './types.js';

/** The header an explicit `idempotencyKey` goes in when the client has none: the IETF draft's, Stripe's and OpenAI's. */
const DEFAULT_IDEMPOTENCY_HEADER = 'idempotency-key';

const DEFAULT_TIMEOUT_MS = 600_000;
const DEFAULT_MAX_RETRIES = 2;

/** Whether any hook is set: here, not in core/hooks, which loads only when one is. */
const hasHooks = (hooks: Hooks): boolean =>
  hooks.onRequest !== undefined || hooks.onResponse !== undefined || hooks.onError !== undefined;

/** What every try of a request sends. */
interface SendInit {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: BodyInit | undefined;
  readonly duplex: 'half' | undefined;
  readonly extra: Readonly<Record<string, unknown>> | undefined;
}

/**
 * One try's outcome: a response, or an error that another try may or may not cure.
 * `mayHaveActed`: the request may have reached the server and been acted on, so only a
 * request that is safe to repeat may be sent again.
 */
type Attempt =
  | { readonly ok: true; readonly raw: RawResponse }
  | {
      readonly ok: false;
      readonly error: Error;
      readonly retryable: boolean;
      readonly mayHaveActed: boolean;
      readonly headers?: Headers | undefined;
      /** The response of an error status, for the hooks. */
      readonly response?: Response | undefined;
    };

/** What one try needs besides its URL and init. */
interface TryContext {
  readonly timeout: number;
  readonly signal: AbortSignal | undefined;
  readonly format: ResponseFormat;
  readonly maxBytes: number | undefined;
  readonly watch: BodyWatcher | undefined;
  readonly places: CredentialPlaces;
  readonly mask: Mask;
}

/**
 * The HTTP core every generated client extends: builds URLs and headers, authorizes,
 * sends with timeouts and retries, and turns failures into typed errors.
 */
export class BaseClient {
  readonly baseURL: string;
  readonly maxRetries: number;
  readonly timeout: number;
  readonly #fetch: Fetch;
  readonly #fetchOptions: FetchOptions | undefined;
  readonly #httpAgent: object | undefined;
  // Neither `baseURL` nor `environment` given: a call's `defaultBaseURL` may send it elsewhere.
  readonly #baseURLIsDefault: boolean;
  // `accept` and `defaultHeaders`, merged once: what every request starts from.
  readonly #baseHeaders: Readonly<Record<string, string>>;
  readonly #defaultQuery: Readonly<Record<string, unknown>>;
  readonly #queryFormat: QueryFormat | undefined;
  readonly #settings: readonly ClientSetting[];
  // Where the API declares environments or settings: core/settings, which no other client bundles.
  readonly #settingReader: SettingReader | undefined;
  // The first and the longest backoff delay, in ms: the API's own where it declares them.
  readonly #backoff: Backoff;
  readonly #auth: readonly AuthScheme[];
  // The schemes that may authorize a call that names none, worked out once.
  readonly #defaultAllowed: readonly AuthScheme[];
  // Private so that logging or inspecting the client never shows a credential. A function is asked for each request.
  readonly #credentials: ReadonlyMap<string, Credential>;
  // OAuth2 client-credentials grants, by the option of their token, for schemes given no token.
  readonly #tokens: ReadonlyMap<string, TokenSource>;
  // Every credential, masked in every spelling wherever text leaves the client: those given, and
  // the latest that providers and token endpoints hand out (a request also masks its own).
  readonly #secrets = new Secrets();
  // Where credentials travel, left behind on a redirect to another origin.
  readonly #places: CredentialPlaces;
  readonly #idempotencyHeader: string | undefined;
  // `idempotencyHeader: null`: no key is sent, and one passed per call is refused rather than dropped.
  readonly #idempotencyOff: boolean;
  readonly #maxResponseBytes: number | undefined;
  readonly #log: Logger;
  readonly #hooks: Hooks;
  readonly #validate: ValidateMode;
  readonly #validator: ResponseValidator | undefined;
  readonly #packageName: string | undefined;
  // Checked before building debug lines, so that a quiet client pays nothing for them.
  readonly #debug: boolean;
  // What the API declares beyond JSON, loaded on first use; absent where it declares none.
  readonly #loaders: Pick<ClientConfig, 'forms' | 'unreadBodies' | 'eventStreams'>;

  constructor(options: ClientOptions, config: ClientConfig) {
    // Generated clients give it with their `environments` or `settings`, and never one without the other.
    const reader = config.settingReader;
    this.#settingReader = reader;
    this.baseURL = (reader?.chooseBaseURL(options.baseURL, config) ?? options.baseURL ?? config.baseURL).replace(
      /\/+$/,
      '',
    );
    if (this.baseURL === '')
      throw new SDKError(
        'No `baseURL`: the API description names no server, so pass one as the `baseURL` client option.',
      );
    if (!/^https?:\/\/[^/?#]/i.test(this.baseURL) || !URL.canParse(this.baseURL))
      throw new SDKError(`\`baseURL\` must be an http or https URL, got ${JSON.stringify(this.baseURL)}.`);
    this.maxRetries = validCount('maxRetries', options.maxRetries ?? config.retries?.maxRetries ?? DEFAULT_MAX_RETRIES);
    this.#backoff = backoffOf(config.retries);
    this.timeout = validTimeout(options.timeout ?? DEFAULT_TIMEOUT_MS);
    const fetchImpl = options.fetch ?? (globalThis.fetch as Fetch | undefined);
    if (fetchImpl === undefined) throw new SDKError('No `fetch` is available: pass one as the `fetch` client option.');
    this.#fetch = fetchImpl;
    this.#fetchOptions = options.fetchOptions;
    this.#httpAgent = options.httpAgent;
    this.#baseURLIsDefault = options.baseURL === undefined && config.environment === undefined;
    // Options sent on every request come before `defaultHeaders` and `defaultQuery`, which may override them.
    this.#settings = config.settings ?? [];
    const settings = reader?.settingValues(config.settings);
    this.#baseHeaders = mergeHeaders(
      { accept: 'application/json', ...settings?.headers },
      options.defaultHeaders ?? {},
    );
    this.#defaultQuery = { ...settings?.query, ...options.defaultQuery };
    this.#queryFormat = config.queryFormat;
    this.#auth = config.auth;
    const defaultAuth = config.defaultAuth;
    this.#defaultAllowed =
      defaultAuth === undefined ? config.auth : config.auth.filter((s) => defaultAuth.includes(s.option));
    const credentials = new Map<string, Credential>();
    const tokens = new Map<string, TokenSource>();
    const given = (option: string | undefined, env: string | undefined): Credential | undefined => {
      const value =
        (option === undefined ? undefined : config.credentials[option]) ??
        (env === undefined ? undefined : readEnv(env));
      if (value === '') return undefined;
      if (typeof value === 'string') this.#secrets.keep(value);
      return value;
    };
    for (const scheme of config.auth) {
      const value = given(scheme.option, scheme.env);
      if (scheme.type === 'basic') {
        const password = given(scheme.passwordOption, scheme.passwordEnv);
        if (password !== undefined) credentials.set(scheme.passwordOption, password);
      }
      if (value !== undefined) credentials.set(scheme.option, value);
      else if (scheme.type === 'oauth2' && scheme.tokenUrl !== undefined) {
        // The generated client hands the grant over only when its API declares one, so that no other bundles it.
        if (config.clientCredentials === undefined)
          throw new SDKError(`The client of ${scheme.option} was generated without OAuth2 client credentials.`);
        const grant = config.clientCredentials(scheme, {
          given,
          tokenURL: options.tokenURL,
          baseURL: this.baseURL,
          fetch: fetchImpl,
          timeout: this.timeout,
          maxRetries: this.maxRetries,
          learn: (secret) => this.#secrets.learn(secret),
          mask: (text) => this.#secrets.mask().string(text),
          statusError: (response, text) => statusError(response, text, this.#secrets.mask()),
        });
        if (grant !== undefined) tokens.set(scheme.option, grant);
      }
    }
    this.#credentials = credentials;
    this.#tokens = tokens;
    this.#places = credentialPlaces(config.auth, this.#secrets);
    const idempotency = options.idempotencyHeader === undefined ? config.idempotencyHeader : options.idempotencyHeader;
    this.#idempotencyHeader = idempotency === null ? undefined : idempotency?.toLowerCase();
    this.#idempotencyOff = idempotency === null;
    this.#maxResponseBytes =
      options.maxResponseBytes === undefined ? undefined : validCount('maxResponseBytes', options.maxResponseBytes);
    const fromEnv = config.logEnv === undefined ? undefined : readEnv(config.logEnv);
    const level = options.logLevel ?? (isLogLevel(fromEnv) ? fromEnv : 'warn');
    this.#log = levelLogger(options.logger ?? console, level, (value) => redactSecrets(value, this.#secrets.spellings));
    this.#debug = level === 'debug';
    this.#hooks = { onRequest: options.onRequest, onResponse: options.onResponse, onError: options.onError };
    this.#validator = options.validator;
    this.#packageName = config.packageName;
    this.#validate = this.#validateMode(options.validate ?? 'off');
    this.#loaders = { forms: config.forms, unreadBodies: config.unreadBodies, eventStreams: config.eventStreams };
    if (fromEnv !== undefined && !isLogLevel(fromEnv) && options.logLevel === undefined) {
      this.#log.warn(
        `${config.logEnv} is ${JSON.stringify(fromEnv)}, not one of off, error, warn, info, debug; using warn.`,
      );
    }
  }

  /** Sends a request and resolves to its parsed body. */
  /**
   * A client option of the API's own that is no credential (`webhookSecret`): as given, else
   * from its environment variable, else its default; `undefined` where there is none, or `null`.
   */
  settingOf(option: string): string | undefined {
    const setting = this.#settings.find((s) => s.option === option);
    return setting === undefined ? undefined : this.#settingReader?.settingValue(setting);
  }

  /**
   * Sends a request and resolves to its parsed body. A call's `method`, `path` and `body` options
   * replace the request's; `client.request({ method, path, query, body, … })` sends any request.
   */
  request<T>(request: APIRequest & Omit<RequestOptions, keyof APIRequest>, options?: RequestOptions): APIPromise<T> {
    // One argument: Stainless's `client.request({ method, path, query, body, timeout, … })`; its
    // `query` and `headers` are the request's, the rest its options.
    if (options === undefined && request.stream === true) return this.#requestStream<T>(request);
    const call =
      options === undefined ? { request, options: request as RequestOptions } : callRequest(request, options);
    return new APIPromise<T>(this.#send(call.request, call.options), (raw) => raw.data as T);
  }

  /**
   * `client.request({ …, stream: true })`: the answer read as a `Stream` of its events, as a streaming
   * method's is. The stream modules load on first use, and only a client whose API declares an
   * event stream has them: an app on any other API does not carry them in its bundle.
   */
  #requestStream<T>(request: APIRequest & Omit<RequestOptions, keyof APIRequest>): APIPromise<T> {
    let toStream: ((raw: RawResponse) => unknown) | undefined;
    const what = 'An event stream';
    const sent = Promise.all([load(this.#loaders.unreadBodies, what), load(this.#loaders.eventStreams, what)]).then(
      ([{ watchBody }, { streamOf }]) => {
        toStream = streamOf();
        const streamed: APIRequest = {
          ...request,
          format: 'stream',
          watch: watchBody,
          headers: mergeHeaders({ accept: 'text/event-stream' }, request.headers),
        };
        // Its `query` and `headers` are the request's; the rest are its options (`timeout`, `signal`, …).
        return this.#send(streamed, { ...request, query: undefined, headers: undefined });
      },
    );
    // `sent` resolves only after both modules loaded, so `toStream` is set when this runs.
    return new APIPromise<T>(sent, (raw) => (toStream as (raw: RawResponse) => unknown)(raw) as T);
  }

  /**
   * Sends a list request and resolves to its first page, which walks the rest. `P` is
   * the page type callers see: the page class with the envelope's fields (`data`, …),
   * which the page copies from the response.
   */
  requestPage<P extends Page<Item>, Item>(
    pageClass: PageClass<Page<Item>>,
    request: APIRequest,
    options?: RequestOptions,
  ): PagePromise<P, Item> {
    // The page keeps the request as sent: its next pages are asked of the same path.
    const call = callRequest(request, options);
    return new PagePromise<P, Item>(
      this.#send(call.request, call.options),
      (raw) =>
        new pageClass(
          { client: this, request: call.request, options: call.options, response: raw.response },
          raw.data,
        ) as P,
    );
  }

  /** A page as a plain promise, for the pages a walk fetches after the first. */
  fetchPage<P extends Page<Item>, Item>(
    pageClass: PageClass<Page<Item>>,
    request: APIRequest,
    options?: RequestOptions,
  ): Promise<P> {
    return this.#send(request, options).then(
      (raw) => new pageClass({ client: this, request, options, response: raw.response }, raw.data) as P,
    );
  }

  /**
   * Sends a request with its tries. Whatever error leaves it is masked with the request's own
   * credentials too, which a credential function may have handed out for this request alone.
   */
  #send(request: APIRequest, options: RequestOptions = {}): Promise<RawResponse> {
    const own: string[] = [];
    const mask = this.#secrets.mask(own);
    return this.#sendMasked(request, options, own, mask).catch((error: unknown) => {
      throw error instanceof SDKError ? mask.error(error) : error;
    });
  }

  async #sendMasked(request: APIRequest, options: RequestOptions, own: string[], mask: Mask): Promise<RawResponse> {
    const query: Record<string, unknown> = { ...this.#defaultQuery, ...request.query, ...options.query };
    const headers = mergeHeaders(this.#baseHeaders, request.headers, options.headers);
    const method = request.method.toUpperCase();
    const oauth = await this.#authorize(request, headers, query, own);
    const safeToRepeat = this.#idempotency(method, headers, options);
    checkHeaders(headers);
    let body: BodyInit | undefined;
    let url: string;
    try {
      body = await encodeBody(request, headers, this.#loaders.forms);
      url = this.#url(request, stringifyQuery(query, request.styles, this.#queryFormat), this.#baseOf(options));
    } catch (cause) {
      // A body JSON cannot hold (a BigInt, a cycle), text that is no Unicode: the input's fault, at once.
      if (cause instanceof SDKError) throw cause;
      const safe = redactError(cause, mask.spellings);
      throw new SDKError(`Cannot build the request (${(safe as Error).message}). No request was sent.`, {
        cause: safe,
      });
    }
    const streaming = body !== undefined && typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
    // A stream body needs half-duplex fetch, and cannot be sent twice: no retries for it.
    const extra = extraFetchInit(this.#fetchOptions, options.fetchOptions, options.httpAgent ?? this.#httpAgent);
    const init: SendInit = { method, headers, body, duplex: streaming ? 'half' : undefined, extra };
    const maxRetries = streaming ? 0 : validCount('maxRetries', options.maxRetries ?? this.maxRetries);
    const format = request.format ?? 'json';
    // Events and bytes are handed on unread, watched by the request's `watch` or core/watch-body's,
    // loaded on the first such answer: a bundle whose calls all answer JSON loads none of it up front.
    const watch =
      format === 'stream' || format === 'binary'
        ? (request.watch ?? (await load(this.#loaders.unreadBodies, `A ${format} answer`, 'watch')).watchBody)
        : undefined;
    const validate = format === 'json' ? this.#validateMode(options.validate ?? this.#validate) : 'off';
    // Without hooks a try pays nothing for them: no copy of its headers, no extra await, and
    // core/hooks loads on first use.
    const hooks = hasHooks(this.#hooks) || hasHooks(options) ? [this.#hooks, options] : undefined;
    const { beforeTry, afterTry } = hooks === undefined ? {} : await import('./hooks.js');
    const context: TryContext = {
      timeout: validTimeout(options.timeout ?? this.timeout),
      // A `signal` in `fetchOptions` is honoured as the call's: the client aborts through its own.
      signal: options.signal ?? options.fetchOptions?.signal ?? this.#fetchOptions?.signal ?? undefined,
      format,
      maxBytes:
        options.maxResponseBytes === undefined
          ? this.#maxResponseBytes
          : validCount('maxResponseBytes', options.maxResponseBytes),
      watch,
      // A hook may copy a credential into any header: a redirect away also drops any header holding one.
      places:
        own.length === 0 && hooks === undefined
          ? this.#places
          : { ...this.#places, values: [...(this.#places.values ?? []), ...own] },
      mask,
    };
    // An OAuth2 token the API refuses is fetched anew, once per request, outside the retry count.
    let refreshed = false;
    let tries = 0;

    for (let retry = 0; ; retry++) {
      const started = this.#debug ? Date.now() : 0;
      if (this.#debug)
        this.#log.debug(mask.string(`→ ${method} ${url}${retry > 0 ? ` (retry ${retry})` : ''}`), {
          headers: mask.value(safeHeaders(headers, this.#places)),
        });
      const hooked =
        hooks === undefined || beforeTry === undefined
          ? undefined
          : await beforeTry(hooks, { method, url, headers, attempt: ++tries }, this.#places.query, mask);
      const attempt = await this.#attempt(
        hooked?.url ?? url,
        hooked === undefined ? init : { ...init, headers: hooked.headers },
        context,
      );
      if (hooked !== undefined && hooks !== undefined && afterTry !== undefined) {
        const response = attempt.ok ? attempt.raw.response : attempt.response;
        await afterTry(hooks, { response, error: attempt.ok ? undefined : attempt.error }, hooked);
      }
      if (this.#debug) {
        const outcome = attempt.ok ? String(attempt.raw.response.status) : attempt.error.message;
        const id = attempt.ok ? attempt.raw.response.headers.get('x-request-id') : undefined;
        this.#log.debug(
          mask.string(`← ${method} ${url}: ${outcome} in ${Date.now() - started} ms${id ? ` (${id})` : ''}`),
        );
      }
      if (attempt.ok) {
        if (validate !== 'off') this.#checkResponse(request, attempt.raw, validate, mask);
        return attempt.raw;
      }
      if (
        oauth !== undefined &&
        !refreshed &&
        !streaming &&
        attempt.error instanceof APIError &&
        attempt.error.status === 401
      ) {
        refreshed = true;
        oauth.grant.invalidate(oauth.token);
        const token = await this.#token(oauth.grant);
        own.push(token);
        headers['authorization'] = `Bearer ${token}`;
        retry--;
        continue;
      }
      if (!attempt.retryable || retry >= maxRetries) throw attempt.error;
      // A write that may have been carried out is sent again only with a key the server dedupes by.
      if (attempt.mayHaveActed && !safeToRepeat) throw attempt.error;
      const delay = retryDelayMs(retry + 1, attempt.headers, Date.now(), this.#backoff);
      this.#log.info(
        mask.string(
          `Retrying ${method} ${url} in ${Math.round(delay)} ms (retry ${retry + 1} of ${maxRetries}) after: ${attempt.error.message}`,
        ),
      );
      await sleep(delay, context.signal);
    }
  }

  /** A `validate` mode, checked to be one and to have a validator to run. */
  #validateMode(mode: ValidateMode): ValidateMode {
    if (mode !== 'off' && mode !== 'warn' && mode !== 'strict')
      throw new SDKError(`\`validate\` must be 'off', 'warn' or 'strict', got ${JSON.stringify(mode)}.`);
    if (mode !== 'off' && this.#validator === undefined) {
      const from =
        this.#packageName === undefined ? "the package's `validation` module" : `'${this.#packageName}/validation'`;
      throw new SDKError(
        `\`validate: '${mode}'\` needs the spec's schemas: pass \`validator\` (import { validator } from ${from}) as a client option.`,
      );
    }
    return mode;
  }

  /** Holds a JSON answer against the spec: logs or throws what does not match. */
  #checkResponse(request: APIRequest, raw: RawResponse, mode: 'warn' | 'strict', mask: Mask): void {
    if (this.#validator === undefined) return;
    const answer = { method: request.method, path: request.template ?? request.path, ...raw };
    const found = this.#validator.check(answer, (value) => mask.value(value));
    if (found === undefined) return;
    // The error keeps the body and the headers, which may echo a credential: masked whole.
    const error = mask.error(found);
    if (mode === 'strict') throw error;
    this.#log.warn(error.message);
  }

  /**
   * Sets the idempotency key of a request that is not idempotent by its method, when the client
   * has an idempotency header, and tells whether the request is safe to send twice: by its
   * method, or by a key (the client's, or one the caller set) that stays the same across retries.
   * A key the caller passes is always sent: in the client's header, else in `Idempotency-Key`.
   */
  #idempotency(method: string, headers: Record<string, string>, options: RequestOptions): boolean {
    const key = options.idempotencyKey;
    if (key !== undefined) {
      if (this.#idempotencyOff)
        throw new SDKError(
          'This call passes `idempotencyKey`, but the client was made with `idempotencyHeader: null`, which sends no key: set `idempotencyHeader` to the header the API reads. No request was sent.',
        );
      const name = this.#idempotencyHeader ?? DEFAULT_IDEMPOTENCY_HEADER;
      if (!Object.hasOwn(headers, name)) headers[name] = key;
      return true;
    }
    if (isIdempotentMethod(method)) return true;
    const name = this.#idempotencyHeader;
    if (name !== undefined && !Object.hasOwn(headers, name)) headers[name] = newIdempotencyKey();
    return (name !== undefined && Object.hasOwn(headers, name)) || Object.hasOwn(headers, 'idempotency-key');
  }

  /** One try: fetch and read the whole body under one timeout, so a stalled body cannot hang. */
  async #attempt(url: string, init: SendInit, context: TryContext): Promise<Attempt> {
    const { timeout: timeoutMs, signal, format, maxBytes, watch, mask } = context;
    if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason });
    const controller = new AbortController();
    let timer = setTimeout(abortOnTimeout, timeoutMs, controller);
    // A caller's signal aborts this try too; without one, no listener is made.
    const onAbort = signal === undefined ? undefined : (): void => controller.abort();
    if (onAbort !== undefined) signal?.addEventListener('abort', onAbort, { once: true });
    // A stream's timer and listener outlive this try: the body's reader ends them.
    let handedOff = false;
    try {
      let response: Response;
      let body: string | Blob;
      try {
        const { method, headers, body: payload, duplex, extra } = init;
        response = await fetchFollowingRedirects(
          this.#fetch,
          url,
          { method, headers, body: payload, duplex, signal: controller.signal, extra },
          context.places,
        );
        // Events and bytes are handed on unread: the caller reads them, as they come.
        if (watch !== undefined && response.ok) {
          // Bytes: a declared length over the limit is refused before a byte is read.
          if (format === 'binary' && maxBytes !== undefined) await refuseDeclaredLength(response, maxBytes);
          handedOff = true;
          // From here the caller holds the body: an unread one must not keep the process alive.
          unrefTimer(timer);
          const cleanup = (): void => {
            clearTimeout(timer);
            if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
          };
          // An event stream is long-lived: its timer measures a stall. Bytes have a deadline, as JSON
          // has: the timeout covers reading the whole body.
          const stall = format === 'stream';
          const maskError = <E>(error: E): E => mask.error(error);
          const restart = !stall
            ? (): void => {}
            : (): void => {
                clearTimeout(timer);
                timer = setTimeout(abortOnTimeout, timeoutMs, controller);
                unrefTimer(timer);
              };
          const watched = watch(response, {
            controller,
            signal,
            timeoutMs,
            restart,
            cleanup,
            deadline: stall ? 'stall' : 'total',
            // Bytes count as a whole; an event stream's limit is per event, which its reader holds.
            maxBytes: stall ? undefined : maxBytes,
            mask: maskError,
          });
          return {
            ok: true,
            raw: { response: watched, body: watched.body, data: watched, controller, maxBytes, mask: maskError },
          };
        }
        body = await readText(response, maxBytes);
      } catch (cause) {
        if (signal?.aborted) throw new APIUserAbortError({ cause });
        if (controller.signal.aborted)
          return { ok: false, error: new APIConnectionTimeoutError(timeoutMs), retryable: true, mayHaveActed: true };
        // The client's own refusals (an unsafe redirect, a body too large) would be the same next time.
        if (cause instanceof SDKError)
          return { ok: false, error: mask.error(cause), retryable: false, mayHaveActed: true };
        const safe = redactError(cause, mask.spellings);
        return {
          ok: false,
          error: new APIConnectionError(connectionMessage(safe), { cause: safe }),
          retryable: true,
          mayHaveActed: !failedBeforeSending(cause),
        };
      }
      if (!response.ok) {
        return {
          ok: false,
          error: statusError(response, body as string, mask),
          retryable: shouldRetryResponse(response),
          mayHaveActed: !statusLeftUnprocessed(response),
          headers: response.headers,
          response,
        };
      }
      return { ok: true, raw: { response, body, data: parseBody(response, body, format, mask) } };
    } finally {
      if (!handedOff) {
        clearTimeout(timer);
        if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
      }
    }
  }

  /**
   * The request's URL. A path is appended to `baseURL`; an absolute URL (a next-page link)
   * is taken as it is, but only on the client's own origin: a server must not be able to
   * send the client, credential and all, somewhere else.
   */
  /** Where a call is sent below: its `defaultBaseURL` where the client's `baseURL` is the default. */
  #baseOf(options: RequestOptions): string {
    const given = options.defaultBaseURL;
    if (given === undefined || !this.#baseURLIsDefault) return this.baseURL;
    if (!/^https?:\/\/[^/?#]/i.test(given) || !URL.canParse(given))
      throw new SDKError(`\`defaultBaseURL\` must be an http or https URL, got ${JSON.stringify(given)}.`);
    return given.replace(/\/+$/, '');
  }

  #url(request: APIRequest, search: string, base: string): string {
    const query = search === '' ? '' : `?${search}`;
    // A path template starts with `/`; only a next-page link can be an absolute URL.
    if (request.path.startsWith('/') || !/^https?:\/\//i.test(request.path)) {
      const path =
        request.pathParams === undefined
          ? request.path
          : expandPath(request.path, request.pathParams, request.pathStyles);
      return `${base}${path}${query}`;
    }
    const target = new URL(request.path);
    if (target.origin !== new URL(base).origin) {
      throw new PaginationError(
        `Refusing to follow a next-page URL to ${target.origin}: the client talks to ${new URL(base).origin} only.`,
      );
    }
    // forEach, not for…of: the generated package's lib has no DOM.Iterable.
    new URLSearchParams(search).forEach((value, name) => {
      target.searchParams.append(name, value);
    });
    return target.toString();
  }

  /**
   * Puts the first credential the call may use where its scheme says. A function is asked now,
   * for this request; an OAuth2 grant gives its current token, which is returned so that a 401
   * can have it replaced.
   */
  async #authorize(
    request: APIRequest,
    headers: Record<string, string>,
    query: Record<string, unknown>,
    own: string[],
  ): Promise<{ readonly grant: TokenSource; readonly token: string } | undefined> {
    const allowed =
      request.auth === undefined ? this.#defaultAllowed : this.#auth.filter((s) => request.auth?.includes(s.option));
    if (allowed.length === 0) return undefined;
    for (const scheme of allowed) {
      const credential = this.#credentials.get(scheme.option);
      if (credential !== undefined) {
        const value =
          typeof credential === 'string' ? credential : await this.#provided(scheme.option, credential, own);
        if (value === undefined) continue;
        applyCredential(
          scheme,
          scheme.type === 'basic' ? await this.#basicPair(scheme, value, own) : value,
          headers,
          query,
        );
        return undefined;
      }
      const grant = this.#tokens.get(scheme.option);
      if (grant === undefined) continue;
      const token = await this.#token(grant);
      own.push(token);
      applyCredential(scheme, token, headers, query);
      return { grant, token };
    }
    // A caller may authorize by hand through headers; respect that instead of failing.
    if (allowed.some((scheme) => scheme.type !== 'query' && authHeaderName(scheme) in headers)) return undefined;
    const first = allowed[0] as AuthScheme;
    throw new MissingCredentialsError(first.option, first.env);
  }

  /** HTTP Basic's `username:password`, both given (RFC 7617: no colon in the username, no control character in either). */
  async #basicPair(scheme: Extract<AuthScheme, { type: 'basic' }>, username: string, own: string[]): Promise<string> {
    const given = this.#credentials.get(scheme.passwordOption);
    const password =
      given === undefined || typeof given === 'string'
        ? given
        : await this.#provided(scheme.passwordOption, given, own);
    if (password === undefined) throw new MissingCredentialsError(scheme.passwordOption, scheme.passwordEnv);
    if (username.includes(':'))
      throw new SDKError(
        `The \`${scheme.option}\` credential holds a colon, which an HTTP Basic username cannot (RFC 7617): the password goes in \`${scheme.passwordOption}\`. No request was sent.`,
      );
    checkCredential(scheme.option, scheme.env, username, false);
    checkCredential(scheme.passwordOption, scheme.passwordEnv, password, false);
    const pair = `${username}:${password}`;
    own.push(pair);
    this.#secrets.learn(pair);
    return pair;
  }

  /**
   * A credential function's value for this request, masked in what this request throws and
   * learnt for the client's log lines; its failure is the caller's, masked.
   */
  async #provided(
    option: string,
    provider: () => string | PromiseLike<string>,
    own: string[],
  ): Promise<string | undefined> {
    let value: string | undefined;
    try {
      value = await resolveCredential(provider);
    } catch (cause) {
      const safe = redactError(cause, this.#secrets.spellings);
      throw new SDKError(`The \`${option}\` function failed: ${(safe as Error).message}. No request was sent.`, {
        cause: safe,
      });
    }
    if (value !== undefined) {
      own.push(value);
      this.#secrets.learn(value);
    }
    return value;
  }

  /** The grant's token; a failure to get one names no secret. */
  async #token(grant: TokenSource): Promise<string> {
    try {
      return await grant.get();
    } catch (cause) {
      // The client's own errors are masked already; anything else (a fetch's) is copied masked.
      throw cause instanceof SDKError ? cause : redactError(cause, this.#secrets.spellings);
    }
  }
}

function applyCredential(
  scheme: AuthScheme,
  credential: string,
  headers: Record<string, string>,
  query: Record<string, unknown>,
): void {
  // Named by the scheme that carries it, so that the error names the option the value came from.
  // HTTP Basic's username and password were each checked under their own option (#basicPair).
  if (scheme.type !== 'basic') checkCredential(scheme.option, scheme.env, credential, scheme.type !== 'query');
  switch (scheme.type) {
    case 'bearer':
    case 'oauth2':
      headers['authorization'] = `Bearer ${credential}`;
      return;
    case 'header':
      headers[scheme.name.toLowerCase()] = credential;
      return;
    case 'basic':
      headers['authorization'] = `Basic ${base64(credential)}`;
      return;
    case 'cookie': {
      const pair = `${scheme.name}=${credential}`;
      const existing = headers['cookie'];
      headers['cookie'] = existing === undefined || existing === '' ? pair : `${existing}; ${pair}`;
      return;
    }
    case 'query':
      query[scheme.name] = credential;
      return;
    default:
      assertNever(scheme);
  }
}

function authHeaderName(scheme: AuthScheme): string {
  switch (scheme.type) {
    case 'bearer':
    case 'basic':
    case 'oauth2':
      return 'authorization';
    case 'cookie':
      return 'cookie';
    case 'header':
    case 'query':
      return scheme.name.toLowerCase();
    default:
      return assertNever(scheme);
  }
}

function credentialPlaces(auth: readonly AuthScheme[], secrets: Secrets): CredentialPlaces {
  return {
    headers: auth.filter((s) => s.type !== 'query').map(authHeaderName),
    query: auth.flatMap((s) => (s.type === 'query' ? [s.name] : [])),
    values: secrets.kept,
  };
}

/** Headers as they may be logged: credential-bearing ones masked, whatever their value. */
function safeHeaders(headers: Readonly<Record<string, string>>, places: CredentialPlaces): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const secret = ALWAYS_SECRET.includes(name) || places.headers.includes(name);
    Object.defineProperty(out, name, { value: secret ? '[redacted]' : value, enumerable: true });
  }
  return out;
}

/** A fresh idempotency key: random, so that two calls never share one. */
function newIdempotencyKey(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID !== undefined) return `sdkgen-${crypto.randomUUID()}`;
  return `sdkgen-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

/** Lets a timer run without holding the process open (Node, Deno, Bun); elsewhere a timer never does. */
function unrefTimer(timer: unknown): void {
  (timer as { unref?: () => void } | undefined)?.unref?.();
}

/**
 * The request's body on the wire: JSON, or what it is already (text, bytes, a form). A body of
 * another media type from a plain object is encoded by the request's `encode`, else by
 * core/encode-body's, which `forms` loads on first use: bundles of calls that send JSON load no
 * form or file code, and a client whose API declares no such body has none to load.
 */
async function encodeBody(
  request: APIRequest,
  headers: Record<string, string>,
  forms: ClientConfig['forms'],
): Promise<BodyInit | undefined> {
  const { body, contentType } = request;
  if (body === undefined) return undefined;
  if (request.encode !== undefined && contentType !== undefined) return request.encode(body, contentType, headers);
  if (isBodyInit(body)) {
    if (contentType !== undefined) headers['content-type'] ??= contentType;
    return body;
  }
  const media = (contentType ?? 'application/json').split(';')[0]?.trim().toLowerCase() ?? '';
  if (contentType !== undefined && media !== 'application/json' && !media.endsWith('+json')) {
    return (await load(forms, `A ${media} body`, 'encode')).encodeBody(body, contentType, headers);
  }
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}

/**
 * Loads code the client's API declares a use of (`ClientConfig.forms`, …); without its loader,
 * the API declares none, and `what` is refused before it is sent. `own`: the request's option
 * that can supply the code instead.
 */
function load<M>(loader: (() => Promise<M>) | undefined, what: string, own?: 'encode' | 'watch'): Promise<M> {
  if (loader !== undefined) return loader();
  const supply = own === undefined ? '' : `; pass the request's own \`${own}\``;
  return Promise.reject(
    new SDKError(
      `${what} needs code this client was generated without: its API description declares none${supply}. No request was sent.`,
    ),
  );
}

/** Refuses a body whose declared length passes the limit, before a byte of it is read. */
async function refuseDeclaredLength(response: Response, maxBytes: number): Promise<void> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (!(declared > maxBytes)) return;
  await response.body?.cancel().catch(() => {});
  throw new APIResponseTooLargeError(response, maxBytes, declared);
}

/** A module-level function, so that a try's timer needs no closure of its own. */
function abortOnTimeout(controller: AbortController): void {
  controller.abort();
}

/**
 * A call's `method`, `path` and `body` options applied to its request (a `path` is sent as it is,
 * so the request's path parameters go), and the options without them: what a page walk keeps.
 */
function callRequest(
  request: APIRequest,
  options: RequestOptions | undefined,
): { readonly request: APIRequest; readonly options: RequestOptions | undefined } {
  if (options === undefined) return { request, options };
  const { method, path, body, ...rest } = options;
  if (method === undefined && path === undefined && body === undefined) return { request, options };
  return {
    request: {
      ...request,
      ...(method === undefined ? {} : { method }),
      ...(path === undefined ? {} : { path, pathParams: undefined, template: undefined }),
      ...(body === undefined ? {} : { body }),
    },
    options: rest,
  };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new APIUserAbortError({ cause: signal.reason }));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new APIUserAbortError({ cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function validCount(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0)
    throw new SDKError(`\`${name}\` must be a whole number ≥ 0, got ${value}.`);
  return value;
}

function validTimeout(value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new SDKError(`\`timeout\` must be a positive number of milliseconds, got ${value}.`);
  return value;
}

function assertNever(value: never): never {
  throw new SDKError(`Unexpected value: ${JSON.stringify(value)}`);
}
