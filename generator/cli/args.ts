import { parseArgs, type ParseArgsConfig } from 'node:util';
import { plural } from '../plural.js';

export { plural };

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
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0] ?? '' : undefined;
    if (name === undefined) {
      const short = arg.slice(1, 2);
      if (!Object.values(spec.options).some((option) => option.short === short)) throw new UsageError(`unknown option ${arg}${suggest(arg.slice(1), names)}`);
      continue;
    }
    const option = spec.options[name];
    const negated = name.startsWith('no-') ? spec.options[name.slice(3)] : undefined;
    if (option === undefined && negated?.type !== 'boolean') throw new UsageError(`unknown option --${name}${suggest(name, names)}`);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: spec.options, allowPositionals: true, allowNegative: true, strict: true });
  } catch (error) {
    throw new UsageError(reword(error as Error & { code?: string }));
  }
  const max = spec.positionals?.max ?? 0;
  if (parsed.positionals.length > max) {
    const extra = parsed.positionals.slice(max);
    throw new UsageError(max === 0 ? `unexpected argument ${quote(extra.join(' '))}${suggest(extra[0] ?? '', names, '--')}` : `expected at most ${plural(max, spec.positionals?.what ?? 'argument')}, got ${quote(extra.join(' '))} too`);
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

/** The known name at the smallest edit distance, when that is small for its length. */
export function closest(input: string, known: readonly string[]): string | undefined {
  // A start of one name only (`gen`, `--over`) means that name.
  const starts = known.filter((name) => input.length >= 3 && name.toLowerCase().startsWith(input.toLowerCase()));
  if (starts.length === 1) return starts[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const distance = editDistance(input.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  // A third of the name may be wrong: `--frob` is not `--force`, `--ovrlay` is `--overlay`.
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(Math.max(input.length, best.length) / 3)) ? best : undefined;
}

/** Damerau-Levenshtein (optimal string alignment): a swapped pair of letters is one edit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = Array.from({ length: rows * cols }, (_, i) => (i < cols ? i : i % cols === 0 ? i / cols : 0));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((d[(i - 1) * cols + j] as number) + 1, (d[i * cols + j - 1] as number) + 1, (d[(i - 1) * cols + j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (d[(i - 2) * cols + j - 2] as number) + 1);
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1] as number;
}

function reword(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option !== undefined && /argument missing/.test(error.message) ? `${option} needs a value` : `${option ?? 'an option'} takes no value`;
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''}`.trim();
    default:
      return error.message.replace(/\.$/, '');
  }
}

function quote(text: string): string {
  return `"${text}"`;
}
