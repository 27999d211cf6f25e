import { loadConfig } from '../config/load-config.js';
import { SpecError } from '../diagnostics.js';
import { modelSpec } from '../model-spec.js';
import { formatPlan, type PlanFormat } from '../plan/format-plan.js';
import { planOf } from '../plan/plan.js';
import { parseCommandArgs, UsageError, usageLine } from './args.js';
import { printDiagnostics, printSpecError } from './diagnostic-report.js';
import { FILTER_HELP, FILTER_OPTIONS, filterArgs } from './filter-args.js';
import { type CliIO, EXIT, warningCount } from './io.js';
import { renameTargets, withBareRename } from './rename-arg.js';
import { QUIET_HELP, VERBOSE_HELP, VERBOSITY_OPTIONS, type Verbosity, verbosityOf } from './verbosity.js';

export const PLAN_HELP = `Usage: sdkgen plan [options]

Prints the client that \`sdkgen generate\` would make, and writes nothing: every resource and
method with its HTTP method and path, what it returns (its page class for a list), the
credential options and their environment variables, and every inference with its reason
(a method named after an action verb, a rename after a clash, pagination read from a response).

Options:
  --spec <file>       the OpenAPI document (YAML or JSON)        default: spec/openapi.yaml
  --stainless <file>  plan as this Stainless config (stainless.yml) says; applied before the overlays
  --overlay <file>    apply this OpenAPI Overlay 1.0 file to the spec first; repeatable, in order
${FILTER_HELP}
  --out <dir>         the output folder whose names lock (.sdkgen-names.json) keeps names, as
                      generate does; methods whose name it keeps are marked (kept)   default: generated
  --rename [<target>] plan as \`generate --rename\` would name: alone every name afresh, or the
                      entries a target matches (operationId, 'METHOD /path', resource path, schema)
  --format <format>   text (default) or json
  --config <file>     read options (spec, overlays, include, exclude) from this file; default: sdkgen.config.json|yaml|yml,
                      or the "sdkgen" key of package.json
  --allow-remote-refs follow $refs to http(s) URLs
${QUIET_HELP}
${VERBOSE_HELP}
  -h, --help          show this help

Exit codes: 0 printed; 1 the spec or config has errors; 2 wrong usage; 3 internal error.`;

const FORMATS: readonly PlanFormat[] = ['text', 'json'];

/** \`sdkgen plan\`: returns the exit code. */
export function planCommand(argv: readonly string[], io: CliIO): number {
  let values: ReturnType<typeof parse>['values'];
  let verbosity: Verbosity;
  try {
    values = parse(withBareRename(argv)).values;
    verbosity = verbosityOf(values);
    if (values.help !== true && !(FORMATS as readonly string[]).includes(values.format))
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
    filterArgs(values, { file: undefined });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(usageLine('plan', error.message));
    return EXIT.usage;
  }
  if (values.help === true) {
    io.out(PLAN_HELP);
    return EXIT.ok;
  }
  const format = values.format as PlanFormat;
  try {
    const config = loadConfig(io.cwd, values.config);
    const { model, warnings } = modelSpec(values.spec ?? config.spec ?? 'spec/openapi.yaml', io.cwd, {
      allowRemoteRefs: values['allow-remote-refs'] ?? config.allowRemoteRefs ?? false,
      overlays: values.overlay ?? config.overlays ?? [],
      stainless: values.stainless ?? config.stainless,
      out: values.out ?? config.out ?? 'generated',
      rename: renameTargets(values.rename),
      filter: filterArgs(values, config),
    });
    printDiagnostics(warnings, io, { verbosity, command: 'sdkgen plan' });
    io.out(formatPlan(planOf(model), format).replace(/\n$/, ''));
    // On stderr, so that --format json stays JSON.
    if (verbosity !== 'quiet') io.err(`sdkgen plan: ${warningCount(warnings.length)}.`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof SpecError) {
      printSpecError(error, io, { verbosity, command: 'sdkgen plan' });
      return EXIT.failed;
    }
    throw error;
  }
}

function parse(argv: readonly string[]) {
  return parseCommandArgs(
    {
      command: 'plan',
      options: {
        spec: { type: 'string' },
        overlay: { type: 'string', multiple: true },
        stainless: { type: 'string' },
        format: { type: 'string', default: 'text' },
        out: { type: 'string' },
        rename: { type: 'string', multiple: true },
        ...FILTER_OPTIONS,
        config: { type: 'string' },
        'allow-remote-refs': { type: 'boolean' },
        ...VERBOSITY_OPTIONS,
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    argv,
  );
}
