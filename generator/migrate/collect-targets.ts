/**
 * The types targets a project's openapi-typescript commands make, read from its package.json
 * scripts and its redocly.yaml, with each script as it will read once they run `sdkgen generate`.
 */
import { posix } from 'node:path';
import type { ProjectFile } from '../config/project-file.js';
import { entries, scalar } from '../config/project-file.js';
import { findRedoclyConfig, type RedoclyConfig, readRedoclyConfig } from '../config/redocly-config.js';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { type OtsInvocation, parseOtsArguments, type TypesOptionValues, type Word } from './ots-flags.js';
import { otsCommandIndex, replaceCommands, type Segment, splitScript } from './script-command.js';

export interface TypesTarget {
  /** Paths relative to the project folder, `/`-separated. */
  readonly spec: string;
  readonly output: string;
  /** The flags given, as the config's keys. */
  readonly options: TypesOptionValues;
  /** Where the target comes from, for messages: `script "generate"`, `redocly.yaml API "core"`. */
  readonly source: string;
  readonly location: SourceLocation;
}

export interface ScriptChange {
  readonly name: string;
  readonly before: string;
  readonly after: string;
}

export interface CollectedTargets {
  readonly targets: readonly TypesTarget[];
  readonly scripts: readonly ScriptChange[];
  readonly diagnostics: readonly Diagnostic[];
  /** The Redocly configs read, for quoting their lines in messages. */
  readonly redocly: readonly RedoclyConfig[];
}

/** The command every migrated script runs: it writes every `types` target of sdkgen.config.json. */
export const GENERATE = 'sdkgen generate';

export function collectTargets(root: string, packageJson: ProjectFile): CollectedTargets {
  const diagnostics: Diagnostic[] = [];
  const targets: TypesTarget[] = [];
  const scripts: ScriptChange[] = [];
  const redoclyRead = new Map<string, RedoclyConfig | undefined>();
  const redocly = (given: string | undefined): RedoclyConfig | undefined => {
    const path = findRedoclyConfig(root, given);
    if (path === undefined) return undefined;
    if (!redoclyRead.has(path)) {
      const read = readRedoclyConfig(root, path, 'migrate');
      diagnostics.push(...read.diagnostics);
      redoclyRead.set(path, read.config);
    }
    return redoclyRead.get(path);
  };
  const scriptsNode = entries(packageJson.document.contents).find(([key]) => key === 'scripts')?.[1];
  for (const [name, node] of entries(scriptsNode)) {
    const script = scalar(node);
    if (typeof script !== 'string') continue;
    const segments = splitScript(script);
    const commands = segments.filter((segment) => otsCommandIndex(segment) !== undefined);
    if (commands.length === 0) continue;
    const context: CommandContext = {
      source: `script "${name}"`,
      at: scriptLocator(packageJson, node, script),
      redocly,
      error: (diagnostic) => diagnostics.push({ ...diagnostic, severity: 'error' }),
    };
    // `sdkgen generate --check` only where every command of the script only checked.
    let check = true;
    for (const segment of commands) {
      const command = parseOtsArguments(segment.words.slice((otsCommandIndex(segment) as number) + 1));
      check &&= command.check;
      targets.push(...commandTargets(segment, command, context));
    }
    scripts.push({
      name,
      before: script,
      after: replaceCommands(script, segments, GENERATE + (check ? ' --check' : '')),
    });
  }
  // A Redocly config with openapi-typescript blocks and no script: its types were made by hand.
  const config = scripts.length === 0 ? redocly(undefined) : undefined;
  if (config !== undefined) targets.push(...apiTargets(config, {}));
  return {
    targets: dedupe(targets, diagnostics),
    scripts,
    diagnostics,
    redocly: [...redoclyRead.values()].filter((c) => c !== undefined),
  };
}

interface CommandContext {
  /** `script "generate"`, for messages. */
  readonly source: string;
  /** Where an offset of the script is in package.json. */
  readonly at: (offset: number) => SourceLocation;
  readonly redocly: (given: string | undefined) => RedoclyConfig | undefined;
  readonly error: (diagnostic: Omit<Diagnostic, 'severity'>) => void;
}

/** The targets one openapi-typescript command makes, as 7.13 would run it; problems go to `error`. */
function commandTargets(segment: Segment, command: OtsInvocation, context: CommandContext): TypesTarget[] {
  const { source, at, error } = context;
  for (const problem of command.problems)
    error({
      code: problem.code,
      message: `${source}: ${problem.message}${/[.?!]$/.test(problem.message) ? '' : '.'}`,
      location: at(problem.offset),
      hint: problem.hint,
    });
  if (command.informational) {
    error({
      code: 'migrate-script-unsupported',
      message: `${source} asks openapi-typescript for its help or version, which sdkgen cannot stand in for.`,
      location: at(segment.start),
      hint: 'Remove that command from the script, then migrate.',
    });
    return [];
  }
  const config = context.redocly(command.redocly?.text);
  if (command.redocly !== undefined && command.redocly.text !== '' && config === undefined) {
    error({
      code: 'migrate-redocly-missing',
      message: `${source}: no Redocly config at ${command.redocly.text}.`,
      location: at(command.redocly.offset),
    });
    return [];
  }
  // As 7.13: a Redocly config listing APIs wins over the command's own input.
  if (config?.hasApis === true) return apiTargets(config, command.options);
  const output: Word | undefined = command.output ?? segment.stdoutTo;
  if (command.input === undefined || output === undefined || segment.appends) {
    error({
      code: 'migrate-script-unsupported',
      message:
        command.input === undefined
          ? `${source} feeds the spec to openapi-typescript on its standard input; sdkgen reads a spec file.`
          : `${source} ${segment.appends ? 'appends' : 'prints'} the types ${segment.appends ? 'to a file' : 'to its output'} instead of writing a file.`,
      location: at(segment.start),
      hint: 'Give the command a spec file and `-o <file>`, then migrate.',
    });
    return [];
  }
  return [
    {
      spec: normalized(command.input.text),
      output: normalized(output.text),
      options: command.options,
      source,
      location: at(command.input.offset),
    },
  ];
}

/** A Redocly config's APIs as targets: each API's `x-openapi-ts` flags over the command's. */
function apiTargets(config: RedoclyConfig, flags: TypesOptionValues): TypesTarget[] {
  return config.apis.map((api) => ({
    spec: api.spec,
    output: api.output,
    options: { ...flags, ...api.options },
    source: `${config.shown} API "${api.name}"`,
    location: api.location,
  }));
}

/** A remote spec (`https://…`) is kept as it is; a path loses its `./`. */
function normalized(path: string): string {
  return /^[a-z]+:\/\//i.test(path) ? path : posix.normalize(path.replaceAll('\\', '/'));
}

/** One target per output file: the same command in `generate` and `check` scripts is one target. */
function dedupe(targets: readonly TypesTarget[], diagnostics: Diagnostic[]): TypesTarget[] {
  const byOutput = new Map<string, TypesTarget>();
  for (const target of targets) {
    const seen = byOutput.get(target.output);
    if (seen === undefined) byOutput.set(target.output, target);
    else if (
      seen.spec !== target.spec ||
      JSON.stringify(sorted(seen.options)) !== JSON.stringify(sorted(target.options))
    )
      diagnostics.push({
        code: 'migrate-output-conflict',
        severity: 'error',
        message: `${target.source} writes ${target.output} differently from ${seen.source}; one file can have one recipe.`,
        location: target.location,
      });
  }
  return [...byOutput.values()];
}

function sorted(options: TypesOptionValues): [string, boolean | undefined][] {
  return Object.entries(options).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Locates an offset of a script's value in package.json: exact when the JSON string has no
 * escapes (offsets then match), else at the string's start.
 */
function scriptLocator(
  file: ProjectFile,
  node: Parameters<ProjectFile['at']>[0],
  script: string,
): (offset: number) => SourceLocation {
  const start = node?.range?.[0] ?? 0;
  const exact = file.text.slice(start, start + script.length + 2) === JSON.stringify(script);
  return (offset) => file.locate(exact ? start + 1 + offset : start);
}
