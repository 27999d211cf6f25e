import type { ApiModel, NamedSchema } from '../model/model.js';
import { banner as bannerFor } from './banner.js';
import { compileDist } from './compile-dist.js';
import { apiDocsFile } from './files/api-docs-file.js';
import { apiReportFile } from './files/api-report-file.js';
import { emitClientFile } from './files/client-file.js';
import { emitCoreClientFile } from './files/core-client-file.js';
import { emitErrorsFile } from './files/errors-file.js';
import { emitIndexFile } from './files/index-file.js';
import { emitModelsFile } from './files/models-file.js';
import { namesLockFile } from './files/names-lock-file.js';
import { packageFiles } from './files/package-files.js';
import { emitPaginationFile } from './files/pagination-file.js';
import { readmeFile } from './files/readme-file.js';
import { allResources, emitResourceFile } from './files/resource-file.js';
import { emitValidationFile } from './files/validation-file.js';
import { emitWebhooksFile } from './files/webhooks-file.js';
import type { OutputFile } from './output-file.js';
import { pageAliases } from './page-aliases.js';
import { runtimeFiles } from './runtime-files.js';

export interface EmitOptions {
  /** The command line that regenerates the output, quoted in every banner. */
  readonly command: string;
  /** Also compile `dist/` (JavaScript + declarations). */
  readonly dist: boolean;
}

/** Every file of the generated package, sorted by path. Pure: it reads only the model and the runtime sources. */
export function emitPackage(model: ApiModel, options: EmitOptions): OutputFile[] {
  const files = emitSources(model, options.command);
  // Declarations are compiled even without dist/: the API report is made of them.
  const dist = compileDist(files);
  const report = apiReportFile(model.client.packageName, options.command, dist);
  return sortByPath([...files, report, ...(options.dist ? dist : [])]);
}

/** The package's sources (every file but `dist/`, unsorted): emitted modules, the copied runtime, package files, docs and the names lock. */
export function emitSources(model: ApiModel, command: string): OutputFile[] {
  const banner = bannerFor(command);
  const schemas = new Map<string, NamedSchema>(model.schemas.map((s) => [s.name, s]));
  const lookup = (name: string): NamedSchema | undefined => schemas.get(name);
  const aliases = pageAliases(model);
  return [
    emitModelsFile(model, banner),
    emitPaginationFile(model, banner),
    emitCoreClientFile(model, banner),
    emitClientFile(model, lookup, banner),
    ...allResources(model).map((resource) =>
      emitResourceFile(
        resource,
        lookup,
        banner,
        model.client.defaultAuth,
        model.client.coreClassName,
        aliases.get(resource),
      ),
    ),
    emitIndexFile(model, banner, aliases),
    emitErrorsFile(model, banner),
    emitValidationFile(model, banner),
    ...(model.webhooks?.methods === undefined
      ? []
      : [emitWebhooksFile(model.webhooks, model.webhooks.methods, banner)]),
    ...runtimeFiles(banner),
    ...packageFiles(model, command),
    readmeFile(model, lookup, command),
    apiDocsFile(model, lookup, command),
    namesLockFile(model),
  ];
}

export function sortByPath(files: readonly OutputFile[]): OutputFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
