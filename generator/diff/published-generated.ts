import { emitPackage } from '../emit/emit-package.js';
import type { ApiModel, ResourceModel } from '../model/model.js';
import { type PackageSurface, readPackageSurface } from './published-surface.js';

/**
 * The surface of the package sdkgen generates from the model, read from its emitted `dist/`
 * declarations by the reader that reads a published package: one code path for both sides.
 */
export function generatedSurface(model: ApiModel): PackageSurface {
  const files = new Map(
    emitPackage(model, { command: 'sdkgen generate', dist: true })
      .filter((f) => f.path === 'package.json' || f.path.endsWith('.d.ts'))
      .map((f) => [f.path, f.contents]),
  );
  return readPackageSurface(files, 'the generated client');
}

/** `client.a.b.list` → `get /a/{id}/b`: the operation behind each generated method. */
export function routesOf(model: ApiModel): ReadonlyMap<string, string> {
  const routes = new Map<string, string>();
  const walk = (resource: ResourceModel): void => {
    for (const operation of resource.operations)
      routes.set(['client', ...resource.path, operation.name].join('.'), `${operation.method} ${operation.path}`);
    for (const child of resource.children) walk(child);
  };
  walk(model.root);
  return routes;
}
