import { type ParseArgsConfig, parseArgs } from 'node:util';
import { closest } from '../did-you-mean.js';
import { plural } from '../plural.js';

export { editDistance } from '../did-you-mean.js';
export { closest, plural };

type Options = NonNullable<ParseArgsConfig['options']>;

/** Wrong usage, said in one line in sdkgen's words; the command prints it and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CommandArgs<O extends Options> {
  readonly command: string;
  readonly options: O;
  /** How many positional arguments the command takes (default none). */
  readonly positionals?: { readonly min?: number; readonly max: number; readonly what: string } | undefined;
}

/**
 * Every command's arguments, parsed by one set of rules: `--name value`, `--name=value`,
 * `--no-name` for booleans, `-h`. An unknown option gets a did-you-mean; a missing value says
 * which option wants one. Throws `UsageError`.
 */
export function parseCommandArgs<O extends Options>(spec: CommandArgs<O>, argv: readonly string[]) {
  const names = Object.keys(spec.options);
  for (const arg of argv) {
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.startsWith('--') ? (arg.slice(2).split('=')[0] ?? '') : undefined;
    if (name === undefined) {
      const short = arg.slice(1, 2);
      if (!Object.values(spec.options).some((option) => option.short === short))
        throw new UsageError(`unknown option ${arg}${suggest(arg.slice(1), names)}`);
      continue;
    }
    const option = spec.options[name];
    const negated = name.startsWith('no-') ? spec.options[name.slice(3)] : undefined;
    if (option === undefined && negated?.type !== 'boolean')
      throw new UsageError(`unknown option --${name}${suggest(name, names)}`);
  }
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; allowNegative: true; strict: true }>
  >;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: spec.options,
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(reword(error as Error & { code?: string }));
  }
  const max = spec.positionals?.max ?? 0;
  if (parsed.positionals.length > max) {
    const extra = parsed.positionals.slice(max);
    throw new UsageError(
      max === 0
        ? `unexpected argument ${quote(extra.join(' '))}${suggest(extra[0] ?? '', names, '--')}`
        : `expected at most ${plural(max, spec.positionals?.what ?? 'argument')}, got ${quote(extra.join(' '))} too`,
    );
  }
  return parsed;
}

/** The usage line every command prints: the problem, then where to read more. */
export function usageLine(command: string, message: string): string {
  const name = command === '' ? 'sdkgen' : `sdkgen ${command}`;
  return `${name}: ${message}${/[.?!]$/.test(message) ? '' : '.'} Run \`${name} --help\` for usage.`;
}

/** `; did you mean --force?` when one known name is close enough to be the one meant. */
export function suggest(input: string, known: readonly string[], prefix = '--'): string {
  const best = closest(input, known);
  return best === undefined ? '' : `; did you mean ${prefix}${best}?`;
}

function reword(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option !== undefined && /argument missing/.test(error.message)
        ? `${option} needs a value`
        : `${option ?? 'an option'} takes no value`;
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''}`.trim();
    default:
      return error.message.replace(/\.$/, '');
  }
}

function quote(text: string): string {
  return `"${text}"`;
}
