import { emitPackage } from '../emit/emit-package.js';
import type { ApiModel, ResourceModel } from '../model/model.js';
import { readPublishedPackage } from './published-package.js';
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

/**
 * The surface of a generated client folder as it is on disk: the output with the user's edits
 * merged in and their own modules (src/lib/**), read from its sources, since dist/ leaves out a
 * user module sdkgen could not compile on its own (docs/customizing.md).
 */
export function clientFolderSurface(folder: string, cwd: string): PackageSurface {
  const { label, files } = readPublishedPackage(folder, cwd);
  const sources = new Map([...files].filter(([path]) => !path.startsWith('dist/')));
  return readPackageSurface(sources, label);
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
