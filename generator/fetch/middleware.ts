/**
 * openapi-fetch's middleware: `onRequest` in the order registered (client's, then the call's),
 * `onResponse` and `onError` in reverse, so that the first registered has the last word.
 */
import type { MergedOptions, Middleware, MiddlewareRequestParams } from './types.js';

/** What every hook of one call is told besides the request. */
export interface HookContext {
  readonly schemaPath: string;
  readonly params: MiddlewareRequestParams;
  readonly options: MergedOptions;
  readonly id: string;
}

/** The request as the `onRequest` hooks leave it, or the response one of them answered with. */
export async function runOnRequest(
  middleware: readonly Middleware[],
  request: Request,
  context: HookContext,
): Promise<{ request: Request; response?: Response }> {
  let current = request;
  for (const m of middleware) {
    if (typeof m?.onRequest !== 'function') continue;
    const result = await m.onRequest({ ...context, request: current });
    if (!result) continue;
    if (result instanceof Request) current = result;
    else if (result instanceof Response) return { request: current, response: result };
    else throw new Error('onRequest: must return new Request() or Response() when modifying the request');
  }
  return { request: current };
}

/** The response as the `onResponse` hooks leave it. */
export async function runOnResponse(
  middleware: readonly Middleware[],
  request: Request,
  response: Response,
  context: HookContext,
): Promise<Response> {
  let current = response;
  for (let i = middleware.length - 1; i >= 0; i--) {
    const m = middleware[i];
    if (typeof m?.onResponse !== 'function') continue;
    const result = await m.onResponse({ ...context, request, response: current });
    if (!result) continue;
    if (!(result instanceof Response))
      throw new Error('onResponse: must return new Response() when modifying the response');
    current = result;
  }
  return current;
}

/**
 * What the `onError` hooks make of a failed fetch: a response one of them recovered with, or the
 * error (theirs, or the original) to throw.
 */
export async function runOnError(
  middleware: readonly Middleware[],
  request: Request,
  error: unknown,
  context: HookContext,
): Promise<{ response: Response } | { error: unknown }> {
  let current = error;
  for (let i = middleware.length - 1; i >= 0; i--) {
    const m = middleware[i];
    if (typeof m?.onError !== 'function') continue;
    const result = await m.onError({ ...context, request, error: current });
    if (!result) continue;
    if (result instanceof Response) return { response: result };
    if (!(result instanceof Error)) throw new Error('onError: must return new Response() or instance of Error');
    current = result;
  }
  return { error: current };
}

/** Middleware as `use` takes it: objects with at least one hook. */
export function checkMiddleware(m: unknown): m is Middleware {
  if (!m) return false;
  if (typeof m !== 'object' || !('onRequest' in m || 'onResponse' in m || 'onError' in m))
    throw new Error('Middleware must be an object with one of `onRequest()`, `onResponse() or `onError()`');
  return true;
}
