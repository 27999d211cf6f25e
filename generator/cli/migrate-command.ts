import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatDiagnostics, SpecError } from '../diagnostics.js';
import type { DependencyChange } from '../migrate/package-json.js';
import type { MigrationPlan } from '../migrate/plan-migration.js';
import { SDKGEN_VERSION } from '../version.js';
import { parseCommandArgs, plural, UsageError, usageLine } from './args.js';
import { printDiagnostics, printSpecError } from './diagnostic-report.js';
import { type CliIO, EXIT, warningCount } from './io.js';
import { painter } from './terminal.js';
import { VERBOSITY_OPTIONS, type Verbosity, verbosityOf } from './verbosity.js';

export const MIGRATE_HELP = `Usage: sdkgen migrate openapi-typescript [project folder] [options]

Moves a project from openapi-typescript and openapi-fetch to sdkgen, without changing a call:
- each package.json script that runs openapi-typescript (and each redocly.yaml API with an
  \`x-openapi-ts\` block) becomes a \`types\` target in sdkgen.config.json, its flags kept, with
  \`compat: true\` so the types stay exactly openapi-typescript 7.13's;
- those commands become \`sdkgen generate\` in their scripts (the rest of a chain is kept);
- every import, require, import() and mock of openapi-fetch and openapi-typescript-helpers
  imports sdkgen/fetch instead, and nothing else in the file changes;
- package.json gains sdkgen and loses openapi-typescript, openapi-fetch (kept while
  openapi-react-query or swr-openapi need it) and openapi-typescript-helpers;
- with openapi-react-query or swr-openapi, each tsconfig compiling a file that imports them maps
  \`openapi-fetch\` to sdkgen/fetch's types in \`compilerOptions.paths\`, so they take its client.
Then run your package manager's install, and \`sdkgen generate\`. See docs/migrate.md.

Options:
  --dry-run                 print the plan and write nothing
  --sdkgen-version <range>  the sdkgen version to depend on        default: ^${SDKGEN_VERSION}
  --quiet                   print errors alone, no warnings
  --verbose                 print every warning in full (without it, a code with more than
                            three is grouped: the first in full, three a line each, a count)
  -h, --help                show this help

Every file is written only once the whole plan is known to work; a flag sdkgen cannot carry
over, or a file it cannot read, is an error at its line and nothing is written.

Exit codes: 0 migrated (or planned); 1 the project has something migrate cannot move; 2 wrong usage; 3 internal error.`;

/** `sdkgen migrate openapi-typescript [folder]`: resolves to the exit code. */
export async function migrateCommand(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  let verbosity: Verbosity;
  try {
    parsed = parse(argv);
    verbosity = verbosityOf(parsed.values);
    const [from] = parsed.positionals;
    if (parsed.values.help !== true && from !== 'openapi-typescript')
      throw new UsageError(
        from === undefined
          ? 'say what to migrate from: `sdkgen migrate openapi-typescript [folder]`'
          : `sdkgen migrates from "openapi-typescript", not "${from}"`,
      );
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(usageLine('migrate', error.message));
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.out(MIGRATE_HELP);
    return EXIT.ok;
  }
  const root = resolve(io.cwd, positionals[1] ?? '.');
  const paint = painter(io.colour?.err ?? false);
  const dryRun = values['dry-run'] === true;
  try {
    const { finishInterruptedMigration, MIGRATE_JOURNAL, writeProjectFiles } = await import(
      '../migrate/write-files.js'
    );
    if (existsSync(join(root, MIGRATE_JOURNAL))) {
      if (dryRun) {
        io.err(
          `sdkgen migrate: a killed run left its migration half written (${MIGRATE_JOURNAL}); run without --dry-run to finish it.`,
        );
        return EXIT.failed;
      }
      finishInterruptedMigration(root);
      io.err('sdkgen migrate: finished the migration a killed run had begun writing; nothing else was done.');
      return EXIT.ok;
    }
    // The planner parses sources with ts-morph: loaded only when this command runs.
    const { planMigration } = await import('../migrate/plan-migration.js');
    const plan = await planMigration(root, { sdkgenVersion: values['sdkgen-version'] ?? `^${SDKGEN_VERSION}` });
    printDiagnostics(formatDiagnostics(plan.warnings, plan.sourceText), io, {
      verbosity,
      command: 'sdkgen migrate',
      paint,
    });
    for (const line of describePlan(plan, dryRun)) io.out(line);
    if (!dryRun) writeProjectFiles(root, plan.writes);
    io.err(
      `sdkgen migrate: ${dryRun ? 'would write' : 'wrote'} ${plural(plan.writes.length, 'file')}; ${warningCount(plan.warnings.length)}.${dryRun ? ' Nothing was written (--dry-run).' : ''}`,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof SpecError) {
      printSpecError(error, io, { verbosity, command: 'sdkgen migrate', paint });
      const errors = error.diagnostics.filter((d) => d.severity === 'error').length;
      io.err(
        `sdkgen migrate: ${plural(errors, 'error')}, ${warningCount(error.diagnostics.length - errors)}; nothing was written.`,
      );
      return EXIT.failed;
    }
    io.err(`sdkgen migrate: internal error: ${(error as Error).message}`);
    return EXIT.internal;
  }
}

/** The plan in the reader's words: what each file gets, then what to run next. */
function describePlan(plan: MigrationPlan, dryRun: boolean): string[] {
  const will = (done: string, planned: string): string => (dryRun ? planned : done);
  const lines: string[] = [];
  if (plan.targets.length > 0) {
    lines.push(`${will('Wrote', 'Would write')} ${plural(plan.targets.length, 'types target')} to ${plan.configFile}:`);
    for (const target of plan.targets) {
      const flags = Object.entries(target.options)
        .map(([key, value]) => (value ? key : `${key}: false`))
        .join(', ');
      lines.push(`  ${target.spec} → ${target.output}${flags === '' ? '' : ` (${flags})`}  from ${target.source}`);
    }
  }
  if (plan.scripts.length > 0) {
    lines.push(`${will('Changed', 'Would change')} ${plural(plan.scripts.length, 'script')} in package.json:`);
    for (const script of plan.scripts)
      lines.push(`  ${script.name}: ${script.before}`, `  ${' '.repeat(script.name.length)}→ ${script.after}`);
  }
  if (plan.imports.length > 0) {
    lines.push(`${will('Changed', 'Would change')} ${plural(plan.imports.length, 'import')}:`);
    for (const change of plan.imports)
      lines.push(
        `  ${change.location.file}:${change.location.line}:${change.location.column}  '${change.before}' → '${change.after}'`,
      );
  }
  if (plan.tsconfigs.length > 0) {
    lines.push(
      `${will('Mapped', 'Would map')} openapi-fetch to sdkgen/fetch's types in ${plural(plan.tsconfigs.length, 'tsconfig')}, for openapi-react-query and swr-openapi, which take only openapi-fetch's Client type:`,
    );
    for (const change of plan.tsconfigs) {
      const others = change.for.filter((file) => file !== change.file);
      lines.push(
        `  ${change.file}: "paths": { "openapi-fetch": ["${change.path}"] }${others.length === 0 ? '' : `  for ${others.join(', ')}`}`,
      );
    }
  }
  if (plan.dependencies.length > 0) {
    lines.push(`${will('Changed', 'Would change')} the dependencies in package.json:`);
    for (const change of plan.dependencies) lines.push(`  ${dependencyLine(change)}`);
  }
  lines.push(
    dryRun
      ? 'Run without --dry-run to make these changes.'
      : `Next: \`${plan.install}\`, then \`sdkgen generate\` and your tests. docs/migrate.md says how to drop \`compat\`.`,
  );
  return lines;
}

function dependencyLine(change: DependencyChange): string {
  switch (change.kind) {
    case 'add':
      return `+ ${change.name}@${change.version} (${change.section})`;
    case 'remove':
      return `- ${change.name} (${change.section})`;
    case 'keep':
      return `= ${change.name} (${change.section}), kept: ${change.why}`;
    default: {
      const never: never = change;
      return never;
    }
  }
}

function parse(argv: readonly string[]) {
  return parseCommandArgs(
    {
      command: 'migrate',
      options: {
        'dry-run': { type: 'boolean' },
        'sdkgen-version': { type: 'string' },
        ...VERBOSITY_OPTIONS,
        help: { type: 'boolean', short: 'h' },
      },
      positionals: { max: 2, what: 'argument' },
    },
    argv,
  );
}
