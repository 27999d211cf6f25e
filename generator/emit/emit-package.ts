import { IndentationText, NewLineKind, Project, QuoteKind, type ts } from 'ts-morph';
import type { ApiModel, NamedSchema } from '../model/model.js';
import { banner as bannerFor } from './banner.js';
import { apiDocsFile } from './files/api-docs-file.js';
import { apiReportFile } from './files/api-report-file.js';
import { compileDist } from './compile-dist.js';
import { emitClientFile } from './files/client-file.js';
import { emitIndexFile } from './files/index-file.js';
import { emitModelsFile } from './files/models-file.js';
import { packageFiles } from './files/package-files.js';
import { emitPaginationFile } from './files/pagination-file.js';
import { readmeFile } from './files/readme-file.js';
import { allResources, emitResourceFile } from './files/resource-file.js';
import type { OutputFile } from './output-file.js';
import { runtimeFiles } from './runtime-files.js';

export interface EmitOptions {
  /** The command line that regenerates the output, quoted in every banner. */
  readonly command: string;
  /** Also compile `dist/` (JavaScript + declarations). */
  readonly dist: boolean;
  /** Where compiled modules are cached by content hash. */
  readonly cacheDir?: string | undefined;
}

/** Every file of the generated package, sorted by path. Pure: it reads only the model and the runtime sources. */
export function emitPackage(model: ApiModel, options: EmitOptions): OutputFile[] {
  const { files, parsed } = emitSources(model, options.command);
  // Declarations are compiled even without dist/: the API report is made of them.
  const dist = compileDist(files, { cacheDir: options.cacheDir, parsed });
  const report = apiReportFile(model.client.packageName, options.command, dist);
  return sortByPath([...files, report, ...(options.dist ? dist : [])]);
}

export interface EmittedSources {
  /** Every file of the package but `dist/`, unsorted. */
  readonly files: readonly OutputFile[];
  /** The syntax tree ts-morph made of each emitted module, by path: compiling `dist/` needn't parse them again. */
  readonly parsed: ReadonlyMap<string, ts.SourceFile>;
}

/** The package's sources: emitted modules, the copied runtime and the package files. */
export function emitSources(model: ApiModel, command: string): EmittedSources {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Single,
      newLineKind: NewLineKind.LineFeed,
      useTrailingCommas: true,
    },
  });
  const banner = bannerFor(command);
  const schemas = new Map<string, NamedSchema>(model.schemas.map((s) => [s.name, s]));
  const lookup = (name: string): NamedSchema | undefined => schemas.get(name);
  const modelsFile = emitModelsFile(project, model, banner);
  const sourceFiles = [
    modelsFile,
    emitPaginationFile(project, model, banner),
    emitClientFile(project, model, lookup, banner),
    ...allResources(model).map((resource) => emitResourceFile(project, resource, lookup, banner, model.client.defaultAuth, model.client.coreClassName)),
    emitIndexFile(project, model, banner),
  ];
  const parsed = new Map(sourceFiles.map((file) => [file.getFilePath().replace(/^\//, ''), file.compilerNode]));
  const files: OutputFile[] = [
    ...sourceFiles.map((file) => ({ path: file.getFilePath().replace(/^\//, ''), contents: file.getFullText(), typesOnly: file === modelsFile })),
    ...runtimeFiles(banner),
    ...packageFiles(model, command),
    readmeFile(model, lookup, command),
    apiDocsFile(model, lookup, command),
  ];
  return { files, parsed };
}

export function sortByPath(files: readonly OutputFile[]): OutputFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
