import type { ApiModel, HttpMethod } from '../model/model.js';
import { compileTemplate, staticSegments } from './routes.js';

/** An operation of the spec that `--include` / `--exclude` left out of the mock, and why. */
export interface LeftOutRoute {
  readonly method: HttpMethod;
  readonly path: string;
  readonly pattern: RegExp;
  /** `--exclude tag:admin`, `matched by no --include`. */
  readonly by: string;
}

export function leftOutRoutes(model: ApiModel): LeftOutRoute[] {
  return (model.filtered?.leftOut ?? []).map(({ method, path, by }) => ({
    method,
    path,
    pattern: compileTemplate(path).pattern,
    by,
  }));
}

/**
 * Why a request is not served, when the spec has its operation but the filter left it out: a 404
 * that says so, rather than one that says the API has no such route. `served`: the path template
 * of the kept route that matches, if any; a left-out route more specific than it is the one the
 * request meant (`GET /me/messages/$count` left out, `GET /me/messages/{message-id}` kept).
 */
export function leftOutMessage(
  routes: readonly LeftOutRoute[],
  method: string,
  path: string,
  served: string | undefined,
): string | undefined {
  const route = routes.find(
    (r) =>
      r.method === method &&
      r.pattern.test(path) &&
      (served === undefined || staticSegments(r.path) > staticSegments(served)),
  );
  return route === undefined
    ? undefined
    : `${method.toUpperCase()} ${route.path} is in the spec but left out of this mock (${route.by}); serve it with another --include, or without the --exclude.`;
}
