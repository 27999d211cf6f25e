import { relative } from 'node:path';
import ts from 'typescript';

/**
 * Source files parsed once for every project a test file type-checks: the standard library,
 * sdkgen/fetch and the packages' declarations are most of each program, and the same in all.
 * A parse depends on the file, the language version and the module format it is read in.
 */
const parsed = new Map<string, ts.SourceFile | undefined>();

function sharedHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreate) => {
    const version =
      typeof languageVersionOrOptions === 'object'
        ? `${languageVersionOrOptions.languageVersion}:${languageVersionOrOptions.impliedNodeFormat ?? ''}`
        : String(languageVersionOrOptions);
    const key = `${version}:${fileName}`;
    if (!parsed.has(key)) parsed.set(key, parse(fileName, languageVersionOrOptions, onError, shouldCreate));
    return parsed.get(key);
  };
  return host;
}

/**
 * What `tsc -p <tsconfig>` reports, in this process: one line per error, `file: error TS2345:
 * message` (its first line), the file relative to `from`, without the position so that an
 * edit above it does not move the expectation.
 */
export function typeErrors(tsconfig: string, from: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (config === undefined) throw new Error(`cannot read ${tsconfig}`);
  const program = ts.createProgram({
    rootNames: config.fileNames,
    options: config.options,
    host: sharedHost(config.options),
  });
  return [...config.errors, ...ts.getPreEmitDiagnostics(program)]
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0];
      const file = diagnostic.file === undefined ? '' : `${relative(from, diagnostic.file.fileName)}: `;
      return `${file}error TS${diagnostic.code}: ${message}`;
    });
}
