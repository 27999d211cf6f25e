import { posix } from 'node:path';
import type { ResourceModel } from '../model/model.js';
import { kebabCase } from '../model/names.js';

/** Where each generated module goes, relative to the output folder. */
export const FILES = {
  index: 'src/index.ts',
  client: 'src/client.ts',
  /** The client without resources, which imports none of them: what one resource is constructed with. */
  coreClient: 'src/core-client.ts',
  models: 'src/models.ts',
  pagination: 'src/pagination.ts',
  errors: 'src/errors.ts',
  validation: 'src/validation.ts',
  /** Only for the unwrap methods a Stainless config declares (files/webhooks-file.ts). */
  webhooks: 'src/webhooks.ts',
  core: 'src/core',
} as const;

export function coreFile(module: string): string {
  return `${FILES.core}/${module}.ts`;
}

/** `src/resources/admin/organization/projects/groups.ts`: one file a resource, nested like the client. */
export function resourceFile(resource: ResourceModel): string {
  return `src/resources/${resource.path.map((segment) => kebabCase(segment) || segment).join('/')}.ts`;
}

/** The ESM specifier that imports `to` from `from` (both `.ts` paths in the output): `../core/client.js`. */
export function moduleSpecifier(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to).replace(/\.ts$/, '.js');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** The package subpath that imports a module of `src/` (package.json's `exports`): `resources/admin/organization`. */
export function packageSubpath(file: string): string {
  return file.replace(/^src\//, '').replace(/\.ts$/, '');
}
