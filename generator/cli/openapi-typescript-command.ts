import { resolve } from 'node:path';
import { findRedoclyConfig, type RedoclyApi, readRedoclyConfig } from '../config/redocly-config.js';
import { type Diagnostic, SpecError, sortDiagnostics } from '../diagnostics.js';
import { generateTypes } from '../generate-types.js';
import { TYPES_FLAGS } from '../model/openapi-typescript/option-flags.js';
import type { TypesFileOptions } from '../model/openapi-typescript/options.js';
import { parseCommandArgs, UsageError, usageLine } from './args.js';
import { printSpecError } from './diagnostic-report.js';
import { type CliIO, EXIT } from './io.js';
import { painter } from './terminal.js';
import { runTypesJobs } from './types-targets.js';

export const OPENAPI_TYPESCRIPT_HELP = `Usage: sdkgen openapi-typescript [input] [options]

Writes openapi-typescript 7.13's types file (paths, webhooks, components, $defs, operations) for an
OpenAPI 3.0/3.1 description: the same command line as \`openapi-typescript\`, so scripts keep working
with only the command changed. Without -o the types go to stdout. See docs/openapi-typescript.md.

Options
  --help                     Display this
  --version                  Display the version
  --redocly [path], -c       Specify path to Redocly config (default: redocly.yaml)
  --output, -o               Specify output file (if not specified in redocly.yaml)
  --enum                     Export true TS enums instead of unions
  --enum-values              Export enum values as arrays
  --conditional-enums        Only generate true TS enums when enum metadata is available (default: false)
  --dedupe-enums             Dedupe enum types when \`--enum=true\` is set
  --check                    Check that the generated types are up-to-date. (default: false)
  --export-type, -t          Export top-level \`type\` instead of \`interface\`
  --immutable                Generate readonly types
  --additional-properties    Treat schema objects as if \`additionalProperties: true\` is set
  --empty-objects-unknown    Generate \`unknown\` instead of \`Record<string, never>\` for empty objects
  --default-non-nullable     Set to \`false\` to ignore default values when generating non-nullable types
  --properties-required-by-default
                             Treat schema objects as if \`required\` is set to all properties by default
  --array-length             Generate tuples using array minItems / maxItems
  --path-params-as-types     Convert paths to template literal types
  --alphabetize              Sort object keys alphabetically
  --exclude-deprecated       Exclude deprecated types
  --root-types               Export schemas types at root level
  --root-types-no-schema-prefix
                             Do not add "Schema" prefix to types at the root level (should only be used with --root-types)
  --root-types-keep-casing   Keep casing of root types (should only be used with --root-types)
  --make-paths-enum          Generate ApiPaths enum for all paths
  --read-write-markers       Generate $Read/$Write markers for readOnly/writeOnly properties
  --compat                   sdkgen: print openapi-typescript 7.13's exact types where sdkgen's are more
                             correct (the list is in docs/openapi-typescript.md)

A flag also takes =true or =false (\`--default-non-nullable=false\`), as openapi-typescript reads it.
With a redocly.yaml (in the working folder, or named by --redocly) that lists \`apis\`, each API's
\`root\` is written to its \`x-openapi-ts.output\`, with the flags its \`x-openapi-ts\` block sets.

Exit codes: 0 success; 1 the spec has errors, or --check found the file out of date; 2 wrong usage;
3 internal error.`;

/** `sdkgen openapi-typescript`: resolves to the exit code. */
export async function openapiTypescriptCommand(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(normalizeFlags(argv));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(usageLine('openapi-typescript', error.message));
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.out(OPENAPI_TYPESCRIPT_HELP);
    return EXIT.ok;
  }
  if (values.version === true) {
    // Tools that read the version see openapi-typescript's, whose output this matches.
    io.out('v7.13.0');
    return EXIT.ok;
  }
  const flagOptions = optionsOf(values as Record<string, unknown>);
  const paintErr = painter(io.colour?.err ?? false);
  try {
    const configPath = findRedoclyConfig(io.cwd, values.redocly);
    if (values.redocly !== undefined && configPath === undefined)
      throw new UsageError(`Redocly config not found at: ${values.redocly}`);
    const apis = configPath === undefined ? [] : redoclyApis(io.cwd, configPath);
    const targets =
      apis.length > 0
        ? apis.map((api) => ({
            spec: resolve(io.cwd, api.spec),
            output: resolve(io.cwd, api.output),
            options: { ...flagOptions, ...api.options },
          }))
        : [{ spec: specArgument(positionals[0]), output: outputOf(io.cwd, values.output), options: flagOptions }];
    if (apis.length > 0 && positionals[0] !== undefined)
      io.err(
        'sdkgen openapi-typescript: APIs are given both in the Redocly config and as an argument; using the config.',
      );
    const toStdout = targets.filter((target) => target.output === undefined);
    for (const target of toStdout) io.out(generateTypes(target.spec, io.cwd, target.options).text.replace(/\n$/, ''));
    const jobs = targets.flatMap((target) =>
      target.output === undefined ? [] : [{ ...target, output: target.output }],
    );
    return runTypesJobs(jobs, io, { check: values.check === true, command: 'sdkgen openapi-typescript' }).code;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(usageLine('openapi-typescript', error.message));
      return EXIT.usage;
    }
    if (error instanceof SpecError) {
      printSpecError(error, io, { verbosity: 'normal', command: 'sdkgen openapi-typescript', paint: paintErr });
      io.err('sdkgen openapi-typescript: the spec has errors; nothing was written.');
      return EXIT.failed;
    }
    io.err(`sdkgen openapi-typescript: ${(error as Error).message}`);
    return EXIT.failed;
  }
}

/**
 * The APIs of a Redocly config; as in 7.13, every API it lists must have an `x-openapi-ts.output`.
 * Throws a `SpecError` locating each problem.
 */
function redoclyApis(cwd: string, path: string): readonly RedoclyApi[] {
  const { config, diagnostics } = readRedoclyConfig(cwd, path, 'openapi-typescript');
  const unconfigured: Diagnostic[] = (config?.unconfigured ?? []).map(({ name, location }) => ({
    code: 'openapi-typescript-redocly-invalid',
    severity: 'error',
    message: `API "${name}" is missing an \`x-openapi-ts.output\` key (openapi-typescript refuses it too).`,
    location,
  }));
  const problems = sortDiagnostics([...diagnostics, ...unconfigured]);
  if (problems.length > 0) throw new SpecError(problems, (file) => (file === config?.shown ? config.text : undefined));
  return config?.apis ?? [];
}

function specArgument(input: string | undefined): string {
  if (input === undefined)
    throw new UsageError('name the spec: `sdkgen openapi-typescript <spec> -o schema.d.ts` (stdin is not read)');
  if (input.includes('*'))
    throw new UsageError('globs are not read; list the specs in redocly.yaml `apis` (as openapi-typescript asks)');
  return input;
}

function outputOf(cwd: string, output: string | undefined): string | undefined {
  return output === undefined ? undefined : resolve(cwd, output);
}

/** The TypesFileOptions the flags set; a flag not given leaves the option to its default. */
export function optionsOf(values: Readonly<Record<string, unknown>>): TypesFileOptions {
  const options: Record<string, boolean> = {};
  for (const [flag, key] of TYPES_FLAGS) if (typeof values[flag] === 'boolean') options[key] = values[flag];
  return options;
}

/** `--flag=false` / `--flag=true` (yargs style, which 7.13's scripts use) → `--no-flag` / `--flag`. */
function normalizeFlags(argv: readonly string[]): string[] {
  const booleans = new Set(['check', ...TYPES_FLAGS.map(([flag]) => flag)]);
  return argv.map((arg) => {
    const match = /^--([a-z-]+)=(true|false)$/.exec(arg);
    if (match === null || !booleans.has(match[1] as string)) return arg;
    return match[2] === 'true' ? `--${match[1]}` : `--no-${match[1]}`;
  });
}

function parse(argv: readonly string[]) {
  const flags = Object.fromEntries(TYPES_FLAGS.map(([flag]) => [flag, { type: 'boolean' as const }]));
  return parseCommandArgs(
    {
      command: 'openapi-typescript',
      options: {
        ...flags,
        'export-type': { type: 'boolean', short: 't' },
        output: { type: 'string', short: 'o' },
        redocly: { type: 'string', short: 'c' },
        check: { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      positionals: { max: 1, what: 'spec' },
    },
    argv,
  );
}
