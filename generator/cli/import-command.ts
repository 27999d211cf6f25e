import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { formatDiagnostics, SpecError, sortDiagnostics } from '../diagnostics.js';
import { loadSpec } from '../load/load-spec.js';
import { convertStainless } from '../load/stainless/convert.js';
import { overlayText } from '../load/stainless/overlay-text.js';
import { parseSpecFile } from '../load/yaml-file.js';
import { parseCommandArgs, plural, UsageError, usageLine } from './args.js';
import { printDiagnostics, printSpecError } from './diagnostic-report.js';
import { type CliIO, EXIT, warningCount } from './io.js';
import { painter } from './terminal.js';
import { QUIET_HELP, VERBOSE_HELP, VERBOSITY_OPTIONS, type Verbosity, verbosityOf } from './verbosity.js';

export const IMPORT_HELP = `Usage: sdkgen import stainless <stainless.yml> [options]

Writes the decisions of a Stainless config (resources, method names, models, pagination, client
options, auth) as an OpenAPI Overlay of sdkgen extensions, for a team leaving the Stainless format:
generating with \`--overlay <file>\` then gives the same client as \`--stainless <stainless.yml>\`.

Options:
  --spec <file>       the OpenAPI document the config is for          default: spec/openapi.yaml
  -o, --out <file>    where to write the overlay                      default: print it
  --config <file>     read the spec option from this file             default: sdkgen.config.json|yaml|yml,
                      or the "sdkgen" key of package.json
${QUIET_HELP}
${VERBOSE_HELP}
  -h, --help          show this help

Keys of the config sdkgen does not act on are warnings, each at its line (docs/stainless.md).

Exit codes: 0 success; 1 the config or spec has errors; 2 wrong usage; 3 internal error.`;

/** `sdkgen import stainless <config>`: resolves to the exit code. */
export async function importCommand(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  let verbosity: Verbosity;
  try {
    parsed = parse(argv);
    verbosity = verbosityOf(parsed.values);
    if (parsed.values.help !== true) {
      const [format, file] = parsed.positionals;
      if (format !== 'stainless')
        throw new UsageError(
          format === undefined
            ? 'say what to import: `sdkgen import stainless <stainless.yml>`'
            : `sdkgen imports "stainless" configs, not "${format}"`,
        );
      if (file === undefined)
        throw new UsageError('name the Stainless config: `sdkgen import stainless <stainless.yml>`');
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(usageLine('import', error.message));
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.out(IMPORT_HELP);
    return EXIT.ok;
  }
  const paintErr = painter(io.colour?.err ?? false);
  try {
    const config = loadConfig(io.cwd, values.config);
    const specPath = values.spec ?? config.spec ?? 'spec/openapi.yaml';
    const configPath = positionals[1] as string;
    const text = readStainless(resolve(io.cwd, configPath), configPath);
    const stainless = parseSpecFile(resolve(io.cwd, configPath), shown(io.cwd, configPath), text);
    const spec = loadSpec(specPath, { cwd: io.cwd });
    const sourceText = (file: string): string | undefined =>
      file === stainless.file.displayPath ? text : spec.sourceText(file);
    if (stainless.diagnostics.length > 0) throw new SpecError(stainless.diagnostics, sourceText);
    const converted = convertStainless(stainless.file, spec.root.value as Record<string, unknown>);
    const diagnostics = sortDiagnostics([...converted.diagnostics]);
    if (diagnostics.some((d) => d.severity === 'error')) throw new SpecError(diagnostics, sourceText);
    printDiagnostics(formatDiagnostics(diagnostics, sourceText), io, {
      verbosity,
      command: 'sdkgen import',
      paint: paintErr,
    });
    const overlay = overlayText(converted.overlay, {
      config: shown(io.cwd, configPath),
      spec: shown(io.cwd, specPath),
    });
    if (values.out === undefined) io.out(overlay.replace(/\n$/, ''));
    else {
      const out = resolve(io.cwd, values.out);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, overlay);
      io.err(
        `sdkgen import: wrote ${plural(converted.overlay.actions.length, 'action')} to ${shown(io.cwd, values.out)}; ${warningCount(diagnostics.length)}.`,
      );
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof SpecError) {
      printSpecError(error, io, { verbosity, command: 'sdkgen import', paint: paintErr });
      const errors = error.diagnostics.filter((d) => d.severity === 'error').length;
      io.err(
        `sdkgen import: ${plural(errors, 'error')}, ${warningCount(error.diagnostics.length - errors)}; nothing was written.`,
      );
      return EXIT.failed;
    }
    io.err(`sdkgen import: internal error: ${(error as Error).message}`);
    return EXIT.internal;
  }
}

function readStainless(absolute: string, shownPath: string): string {
  try {
    return readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new SpecError([
      {
        code: 'file-unreadable',
        severity: 'error',
        message: `${shownPath} ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(error as Error).message})`}.`,
      },
    ]);
  }
}

function shown(cwd: string, path: string): string {
  return relative(cwd, resolve(cwd, path)).split(sep).join('/') || path;
}

function parse(argv: readonly string[]) {
  return parseCommandArgs(
    {
      command: 'import',
      options: {
        spec: { type: 'string' },
        out: { type: 'string', short: 'o' },
        config: { type: 'string' },
        ...VERBOSITY_OPTIONS,
        help: { type: 'boolean', short: 'h' },
      },
      positionals: { max: 2, what: 'argument' },
    },
    argv,
  );
}
