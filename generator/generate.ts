import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, SourceText } from './diagnostics.js';
import { emitPackage } from './emit/emit-package.js';
import type { OutputFile } from './emit/output-file.js';
import { loadSpec } from './load/load-spec.js';
import { buildModel } from './model/build-model.js';
import type { ApiModel } from './model/model.js';

export interface GenerateOptions {
  readonly spec: string;
  readonly out: string;
  readonly cwd?: string | undefined;
  /** Compile `dist/` too (default true). */
  readonly dist?: boolean | undefined;
  /** Where compiled modules are cached by content hash (default: sdkgen's node_modules/.cache/sdkgen; `false` for none). */
  readonly cacheDir?: string | false | undefined;
}

const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/sdkgen/', import.meta.url));

export interface Generation {
  readonly model: ApiModel;
  readonly files: readonly OutputFile[];
  /** Warnings; errors are thrown as `SpecError`. */
  readonly diagnostics: readonly Diagnostic[];
  readonly command: string;
  /** The text of each spec file, to quote in diagnostics. */
  readonly sourceText: SourceText;
}

/** load → model → emit, all in memory; nothing is written. Throws `SpecError` on bad input. */
export function generate(options: GenerateOptions): Generation {
  const cwd = options.cwd ?? process.cwd();
  const command = regenerateCommand(resolve(cwd, options.spec), resolve(cwd, options.out));
  const spec = loadSpec(options.spec, { cwd });
  const { model, diagnostics } = buildModel(spec);
  const cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? DEFAULT_CACHE_DIR);
  const files = emitPackage(model, { command, dist: options.dist ?? true, cacheDir });
  return { model, files, diagnostics, command, sourceText: spec.sourceText };
}

/**
 * The command that remakes this output, run from the folder that holds the output:
 * the same wherever the generator was started from, so banners never churn.
 */
export function regenerateCommand(specPath: string, outDir: string): string {
  const base = dirname(outDir);
  const posix = (path: string): string => path.split(sep).join('/');
  return `sdkgen generate --spec ${posix(relative(base, specPath))} --out ${posix(relative(base, outDir))}`;
}
