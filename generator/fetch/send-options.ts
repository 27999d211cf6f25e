/** How the client sends: fixed per call. */
export interface SendOptions {
  readonly fetch: (input: Request, init?: Record<string, unknown>) => Promise<Response>;
  /** openapi-fetch's `requestInitExt`, passed as fetch's second argument where it is understood. */
  readonly requestInitExt: Record<string, unknown> | undefined;
  readonly Request: typeof Request;
  readonly maxRetries: number;
  readonly timeout: number | undefined;
  /** The request was built with `redirect: 'manual'` for the runtime to follow its redirects. */
  readonly followRedirects: boolean;
}
