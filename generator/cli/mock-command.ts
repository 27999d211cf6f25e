import { relative, resolve } from 'node:path';
import { countOperations } from '../command.js';
import { loadConfig, type SdkgenConfig } from '../config/load-config.js';
import { SpecError } from '../diagnostics.js';
import { type MockServer, startMockServer } from '../mock/mock-server.js';
import type { ApiModel } from '../model/model.js';
import { modelSpec } from '../model-spec.js';
import { parseCommandArgs, plural, UsageError, usageLine } from './args.js';
import { printDiagnostics, printSpecError } from './diagnostic-report.js';
import { FILTER_HELP, FILTER_OPTIONS, filterArgs } from './filter-args.js';
import { type CliIO, warningCount } from './io.js';
import { stopSignal } from './signals.js';
import { VERBOSE_HELP, VERBOSITY_OPTIONS, type Verbosity, verbosityOf } from './verbosity.js';
import { watchFiles } from './watch.js';

export const MOCK_HELP = `Usage: sdkgen mock [options]

Serves a stateful mock of an OpenAPI description on 127.0.0.1: a made-up, deterministic
data set shaped by the schemas and examples; lists paginated the way the spec says (or
sdkgen infers); requests checked against the spec, with a 400 (or the 422 an operation
declares) that says what is wrong, and every error in the spec's own error shape; what
is created, changed, uploaded or deleted stays so until the mock stops, whatever envelope
the API wraps items in (an upload's bytes are downloaded again, an action such as close
moves its item's status). Where the spec declares OAuth2 client credentials, it also
hands out tokens at the token URL's path.

Options:
  --spec <file>       the OpenAPI document (YAML or JSON)          default: spec/openapi.yaml
  --port <number>     the port to listen on (0: any free port)     default: 4010
  --host <address>    the address to listen on                     default: 127.0.0.1
  --items <number>    how many items each list starts with         default: 45
  --stainless <file>  serve the API as this Stainless config (stainless.yml) shapes it; before the overlays
  --overlay <file>    apply this OpenAPI Overlay 1.0 file to the spec first; repeatable, in order
${FILTER_HELP};
                      a route left out answers 404, naming the selector
  --config <file>     read options (spec, include, exclude, mock.port, mock.host, mock.items) from this file
                      default: sdkgen.config.json|yaml|yml, or the "sdkgen" key of package.json
  --allow-remote-refs follow $refs to http(s) URLs
  --watch             reload the spec whenever it (a file it refers to, an overlay) changes,
                      keeping the items stored in the collections that remain
  --quiet             do not log requests, nor print warnings: errors alone
${VERBOSE_HELP}
  -h, --help          show this help

It prints the base URL to use as the client's \`baseURL\` and runs until stopped (Ctrl-C).
Exit codes: 0 stopped; 1 the spec has errors, or the port is taken; 2 wrong usage; 3 internal error.`;

export interface MockIO extends CliIO {
  /** Told the running server, for tests and the demo. */
  readonly onListening?: ((server: MockServer) => void) | undefined;
}

/** `sdkgen mock`: resolves to the exit code once the mock has stopped. */
export async function mockCommand(argv: readonly string[], io: MockIO): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  let verbosity: Verbosity;
  try {
    values = parse(argv).values;
    filterArgs(values, { file: undefined });
    verbosity = verbosityOf(values);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(usageLine('mock', error.message));
    return 2;
  }
  if (values.help === true) {
    io.out(MOCK_HELP);
    return 0;
  }
  let config: SdkgenConfig;
  try {
    config = loadConfig(io.cwd, values.config);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    printSpecError(error, io, { verbosity, command: 'sdkgen mock' });
    return 1;
  }
  const port = Number(values.port ?? config.mock?.port ?? 4010);
  const items = Number(values.items ?? config.mock?.items ?? 45);
  const host = values.host ?? config.mock?.host ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    return usage(io, `--port must be a whole number from 0 to 65535, not "${values.port}"`);
  if (!Number.isInteger(items) || items < 0 || items > 100_000)
    return usage(io, `--items must be a whole number from 0 to 100000, not "${values.items}"`);
  const spec = values.spec ?? config.spec ?? 'spec/openapi.yaml';
  const modelOptions = {
    allowRemoteRefs: values['allow-remote-refs'] ?? config.allowRemoteRefs ?? false,
    overlays: values.overlay ?? config.overlays ?? [],
    stainless: values.stainless ?? config.stainless,
    filter: filterArgs(values, config),
  };
  let server: MockServer;
  let inputs: readonly string[];
  try {
    const modeled = modelSpec(spec, io.cwd, modelOptions);
    inputs = modeled.inputs;
    printDiagnostics(modeled.warnings, io, { verbosity, command: 'sdkgen mock' });
    server = await startMockServer(modeled.model, {
      port,
      host,
      items,
      log: verbosity === 'quiet' ? undefined : (line) => io.err(`sdkgen mock: ${line}`),
    });
    io.out(`sdkgen mock: ${describe(modeled.model, modeled.warnings.length)} at ${server.baseURL}`);
    if (server.tokenURL !== undefined)
      io.out(`sdkgen mock: OAuth2 tokens for any client id and secret at ${server.tokenURL} (the client's tokenURL)`);
    io.out(`sdkgen mock: use it as the client's baseURL, with any key; Ctrl-C stops it.`);
  } catch (error) {
    if (error instanceof SpecError) {
      printSpecError(error, io, { verbosity, command: 'sdkgen mock' });
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      io.err(`sdkgen mock: cannot listen on ${host}:${port} (${code}); pick another --port, or 0 for any free one.`);
      return 1;
    }
    throw error;
  }
  io.onListening?.(server);
  const stopped = io.stopped ?? stopSignal();
  if (values.watch === true) {
    const always = [
      spec,
      ...(modelOptions.stainless === undefined ? [] : [modelOptions.stainless]),
      ...modelOptions.overlays,
    ].map((file) => resolve(io.cwd, file));
    const watched = (): string[] => [...new Set([...inputs, ...always])];
    io.err(`sdkgen mock: watching ${plural(watched().length, 'file')} for changes.`);
    await watchFiles({
      files: watched,
      stopped,
      run: async (changed) => {
        io.err(`sdkgen mock: ${changed.map((f) => relative(io.cwd, f) || f).join(', ')} changed; reloading.`);
        try {
          const modeled = modelSpec(spec, io.cwd, modelOptions);
          printDiagnostics(modeled.warnings, io, { verbosity, command: 'sdkgen mock' });
          inputs = modeled.inputs;
          const { kept, dropped } = server.reload(modeled.model);
          const droppedNote = dropped === 0 ? '' : `, dropped ${plural(dropped, 'item')} whose routes are gone`;
          io.err(
            `sdkgen mock: reloaded ${describe(modeled.model, modeled.warnings.length)} at ${server.baseURL}; kept ${plural(kept, 'stored item')}${droppedNote}.`,
          );
        } catch (error) {
          if (!(error instanceof SpecError)) throw error;
          printSpecError(error, io, { verbosity, command: 'sdkgen mock' });
          io.err('sdkgen mock: still serving the last good spec; save a fix to reload.');
        }
      },
    });
  } else await stopped;
  await server.close();
  return 0;
}

function describe(model: ApiModel, warnings: number): string {
  return `${model.client.title} (${plural(countOperations(model.root), 'operation')}; ${warningCount(warnings)})`;
}

function usage(io: MockIO, message: string): number {
  io.err(usageLine('mock', message));
  return 2;
}

function parse(argv: readonly string[]) {
  return parseCommandArgs(
    {
      command: 'mock',
      options: {
        spec: { type: 'string' },
        config: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        items: { type: 'string' },
        'allow-remote-refs': { type: 'boolean' },
        watch: { type: 'boolean', default: false },
        overlay: { type: 'string', multiple: true },
        stainless: { type: 'string' },
        ...FILTER_OPTIONS,
        ...VERBOSITY_OPTIONS,
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    argv,
  );
}
