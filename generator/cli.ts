import { suggest, usageLine } from './cli/args.js';
import { DIFF_HELP, diffCommand } from './cli/diff-command.js';
import { EDITS_HELP, editsCommand } from './cli/edits-command.js';
import { GENERATE_HELP, generateCommand } from './cli/generate-command.js';
import { IMPORT_HELP, importCommand } from './cli/import-command.js';
import { type CliIO, EXIT, processIO } from './cli/io.js';
import { MIGRATE_HELP, migrateCommand } from './cli/migrate-command.js';
import { MOCK_HELP, mockCommand } from './cli/mock-command.js';
import { OPENAPI_TYPESCRIPT_HELP, openapiTypescriptCommand } from './cli/openapi-typescript-command.js';
import { PLAN_HELP, planCommand } from './cli/plan-command.js';
import type { ModelWorkerEntry } from './generate-parallel.js';
import { SDKGEN_VERSION } from './version.js';

export { type CliIO, EXIT };

const HELP = `Usage: sdkgen <command> [options]

Commands:
  generate   generate a TypeScript client package from an OpenAPI description (--watch to keep at it)
  plan       print the client generate would make (methods, routes, pages, auth, every inference), writing nothing
  mock       serve a stateful mock of the API on 127.0.0.1, for trying and testing a client
  diff       compare two versions of a spec: what breaks on the wire and in the generated client
  edits      list your edits to a generated folder as diffs against what was generated, and which ones a new spec makes unnecessary
  import     write a Stainless config's decisions (stainless.yml) as an OpenAPI Overlay of sdkgen extensions
  migrate    move a project from openapi-typescript and openapi-fetch to sdkgen: config, scripts, imports, dependencies
  openapi-typescript
             write openapi-typescript's types file (paths, components, operations), with its flags

Run \`sdkgen <command> --help\` (or \`sdkgen help <command>\`) for a command's options;
\`sdkgen --version\` prints the version.
Options may also come from sdkgen.config.json, sdkgen.config.yaml or the "sdkgen" key of package.json.

Exit codes, for every command: 0 success; 1 the input has errors (or, with generate --check,
stale files; with diff --fail-on, a change that severe); 2 wrong usage; 3 internal error.`;

const HELPS: Readonly<Record<string, string>> = {
  generate: GENERATE_HELP,
  plan: PLAN_HELP,
  mock: MOCK_HELP,
  diff: DIFF_HELP,
  edits: EDITS_HELP,
  import: IMPORT_HELP,
  migrate: MIGRATE_HELP,
  'openapi-typescript': OPENAPI_TYPESCRIPT_HELP,
};

/** The `sdkgen` command line. `worker`: the model worker (or its entry), when the CLI runs from a bundle. */
export async function main(
  argv: readonly string[],
  io: CliIO = processIO(),
  worker?: ModelWorkerEntry,
): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'generate':
      return generateCommand(rest, io, worker);
    case 'plan':
      return planCommand(rest, io);
    case 'mock':
      return mockCommand(rest, io);
    case 'diff':
      return diffCommand(rest, { cwd: io.cwd, out: (text) => io.out(text.replace(/\n$/, '')), err: io.err });
    case 'edits':
      return editsCommand(rest, io);
    case 'import':
      return importCommand(rest, io);
    case 'migrate':
      return migrateCommand(rest, io);
    case 'openapi-typescript':
      return openapiTypescriptCommand(rest, io);
    case '--version':
    case '-v':
    case 'version':
      io.out(SDKGEN_VERSION);
      return EXIT.ok;
    case 'help':
    case '--help':
    case '-h': {
      const topic = rest[0];
      if (topic !== undefined && HELPS[topic] === undefined)
        return usage(io, `no command "${topic}"${suggest(topic, Object.keys(HELPS), '')}`);
      io.out(topic === undefined ? HELP : (HELPS[topic] as string));
      return EXIT.ok;
    }
    case undefined:
      io.err(HELP);
      return EXIT.usage;
    default:
      return usage(
        io,
        command.startsWith('-')
          ? `a command comes first, before "${command}"`
          : `unknown command "${command}"${suggest(command, COMMANDS, '')}`,
      );
  }
}

const COMMANDS = [...Object.keys(HELPS), 'help', 'version'];

function usage(io: CliIO, message: string): number {
  io.err(usageLine('', message));
  return EXIT.usage;
}
