import type { ApiModel, NamedSchema, ResourceModel } from '../model/model.js';
import { banner as bannerFor } from './banner.js';
import type { ModuleCompiler } from './compile/compiled.js';
import { compileDist } from './compile-dist.js';
import { apiDocsFile } from './files/api-docs-file.js';
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
import { finishPackage } from './finish-package.js';
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
}

/** Every file of the generated package, sorted by path. Pure: it reads only the model and the runtime sources. */
export function emitPackage(model: ApiModel, options: EmitOptions): OutputFile[] {
  const files = emitSources(model, options.command, options.memo);
  // Declarations are compiled even without dist/: the API report is made of them.
  const dist = compileDist(files, options.compile);
  return finishPackage(files, dist, {
    packageName: model.client.packageName,
    command: options.command,
    withDist: options.dist,
  });
}

/** The package's sources (every file but `dist/`, unsorted): emitted modules, the copied runtime, package files, docs and the names lock. */
export function emitSources(model: ApiModel, command: string, memo: EmitMemo = emitEach): OutputFile[] {
  return [...sourcesAsMade(model, command, memo)];
}

/**
 * The sources one by one, each made when asked for: the CLI's model worker posts them to the
 * main thread in batches as they come, and the main thread compiles each batch meanwhile.
 */
export function* sourcesAsMade(model: ApiModel, command: string, memo: EmitMemo = emitEach): Generator<OutputFile> {
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
  yield memo('models', [model, banner], emitModelsFile);
  yield memo('pagination', [model, banner], emitPaginationFile);
  yield memo('core client', [model, banner], emitCoreClientFile);
  yield memo('client', [model, lookup, banner], emitClientFile);
  for (const [i, resource] of allResources(model).entries()) yield resourceFile(resource, i, aliases.get(resource));
  yield memo('index', [model, banner, JSON.stringify([...aliases.values()])], (m, b, _aliasText) =>
    emitIndexFile(m, b, aliases),
  );
  yield memo('errors', [model, banner], emitErrorsFile);
  yield memo('validation', [model, banner], emitValidationFile, { deep: true });
  if (model.webhooks?.methods !== undefined)
    yield memo('webhooks', [model.webhooks, model.webhooks.methods, banner], emitWebhooksFile);
  yield* memo('runtime', [banner], runtimeFiles);
  yield* memo('package', [model, command], packageFiles);
  yield memo('readme', [model, lookup, command], readmeFile);
  // Whole, it reads the model's every part; its sections are what the memo keeps.
  yield apiDocsFile(model, lookup, command, memo);
  yield memo('names lock', [model], namesLockFile, { deep: true });
}
