import type { ApiModel, NamedSchema, ResourceModel } from '../model/model.js';
import { banner as bannerFor } from './banner.js';
import type { ModuleCompiler } from './compile/compiled.js';
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
import { type EmitMemo, emitEach } from './memo.js';
import type { OutputFile } from './output-file.js';
import { type PageAlias, pageAliases } from './page-aliases.js';
import { runtimeFiles } from './runtime-files.js';

export interface EmitOptions {
  /** The command line that regenerates the output, quoted in every banner. */
  readonly command: string;
  /** Also compile `dist/` (JavaScript + declarations). */
  readonly dist: boolean;
  /** `--watch` reuses the files whose inputs did not change (incremental/emit-memo.ts), and their compiled dist/. */
  readonly memo?: EmitMemo | undefined;
  readonly compile?: ModuleCompiler | undefined;
  /** Told the sources as soon as they are made, before dist/ compiles (the pristine copy's compression starts then). */
  readonly onSources?: ((sources: readonly OutputFile[]) => void) | undefined;
}

/** Every file of the generated package, sorted by path. Pure: it reads only the model and the runtime sources. */
export function emitPackage(model: ApiModel, options: EmitOptions): OutputFile[] {
  const files = emitSources(model, options.command, options.memo);
  options.onSources?.(files);
  // Declarations are compiled even without dist/: the API report is made of them.
  const dist = compileDist(files, options.compile);
  const report = apiReportFile(model.client.packageName, options.command, dist);
  return sortByPath([...files, report, ...(options.dist ? dist : [])]);
}

/** The package's sources (every file but `dist/`, unsorted): emitted modules, the copied runtime, package files, docs and the names lock. */
export function emitSources(model: ApiModel, command: string, memo: EmitMemo = emitEach): OutputFile[] {
  const banner = bannerFor(command);
  const schemas = new Map<string, NamedSchema>(model.schemas.map((s) => [s.name, s]));
  const lookup = (name: string): NamedSchema | undefined => schemas.get(name);
  const aliases = pageAliases(model);
  // A resource's page aliases are made afresh each run: the memo compares them by their text.
  const resourceFile = (resource: ResourceModel, i: number, alias: readonly PageAlias[] | undefined): OutputFile =>
    memo(
      `resource ${i} ${resource.className}`,
      [resource, lookup, banner, model.client.defaultAuth, model.client.coreClassName, JSON.stringify(alias)],
      (r, l, b, auth, core, _aliasText) => emitResourceFile(r, l, b, auth, core, alias),
    );
  return [
    memo('models', [model, banner], emitModelsFile),
    memo('pagination', [model, banner], emitPaginationFile),
    memo('core client', [model, banner], emitCoreClientFile),
    memo('client', [model, lookup, banner], emitClientFile),
    ...allResources(model).map((resource, i) => resourceFile(resource, i, aliases.get(resource))),
    memo('index', [model, banner, JSON.stringify([...aliases.values()])], (m, b, _aliasText) =>
      emitIndexFile(m, b, aliases),
    ),
    memo('errors', [model, banner], emitErrorsFile),
    memo('validation', [model, banner], emitValidationFile, { deep: true }),
    ...(model.webhooks?.methods === undefined
      ? []
      : [memo('webhooks', [model.webhooks, model.webhooks.methods, banner], emitWebhooksFile)]),
    ...memo('runtime', [banner], runtimeFiles),
    ...memo('package', [model, command], packageFiles),
    memo('readme', [model, lookup, command], readmeFile),
    // Whole, it reads the model's every part; its sections are what the memo keeps.
    apiDocsFile(model, lookup, command, memo),
    memo('names lock', [model], namesLockFile, { deep: true }),
  ];
}

export function sortByPath(files: readonly OutputFile[]): OutputFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
