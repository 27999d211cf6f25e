import type { ApiModel, HttpMethod } from '../model/model.js';
import { compileTemplate } from './routes.js';

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
 * Why a request the mock has no route for is not served, when the spec has its operation but the
 * filter left it out: a 404 that says so, rather than one that says the API has no such route.
 */
export function leftOutMessage(routes: readonly LeftOutRoute[], method: string, path: string): string | undefined {
  const route = routes.find((r) => r.method === method && r.pattern.test(path));
  return route === undefined
    ? undefined
    : `${method.toUpperCase()} ${route.path} is in the spec but left out of this mock (${route.by}); serve it with another --include, or without the --exclude.`;
}
