/**
 * openapi-typescript 7.13's command-line flags, and how each lands in an sdkgen `types` target.
 * Their CLI parses with yargs-parser: booleans as `--flag`, `--no-flag`, `--flag=false` or
 * `--flag false`, in kebab-case or camelCase; `-o`/`--output`, `-c`/`--redocly` take a value.
 */
import { closest } from '../did-you-mean.js';
import { TYPES_OPTION_KEYS, type TypesOptionKey } from '../model/openapi-typescript/option-flags.js';

export type TypesOptionValues = Readonly<Partial<Record<TypesOptionKey, boolean>>>;

/** 7.13's boolean flags (camelCase) that sdkgen's types format has too: all its keys but its own `compat`. */
const MAPPED: readonly TypesOptionKey[] = TYPES_OPTION_KEYS.filter((key) => key !== 'compat');

/** Flags 7.13's CLI parses and nothing reads: dropping them changes no output. */
const NO_EFFECT: readonly string[] = ['contentNever'];

/** What 7.13 does when a flag is left out: every flag is off but `--default-non-nullable`. */
export const DEFAULTS: TypesOptionValues = { defaultNonNullable: true };

/** Flags 7.13 itself refuses, with the message it gives: a script using them never ran on 7.x. */
const RENAMED: Readonly<Record<string, string>> = {
  '-ap': 'the -ap alias was removed in openapi-typescript 7; use --additional-properties',
  '-it': 'the -it alias was removed in openapi-typescript 7; use --immutable',
  '--immutable-types': '--immutable-types was renamed --immutable in openapi-typescript 7',
  '--support-array-length': '--support-array-length was renamed --array-length in openapi-typescript 7',
  '--redoc': '--redoc was renamed --redocly in openapi-typescript 7',
};

/** One word of a script, unquoted, with where it starts in the script's text. */
export interface Word {
  readonly text: string;
  readonly offset: number;
}

/** A problem with one word of the command, at that word. */
export interface FlagProblem {
  readonly code: 'migrate-flag-unknown' | 'migrate-flag-invalid';
  readonly message: string;
  readonly offset: number;
  readonly hint?: string | undefined;
}

/** An `openapi-typescript …` command's arguments, read as 7.13 reads them. */
export interface OtsInvocation {
  readonly input: Word | undefined;
  readonly output: Word | undefined;
  /** `--redocly`/`-c`: the path given, or `''` for the flag alone (look in the usual places). */
  readonly redocly: Word | undefined;
  readonly check: boolean;
  /** `--help` or `--version`: the command generates nothing. */
  readonly informational: boolean;
  /** Only the flags that were given, with their values. */
  readonly options: TypesOptionValues;
  readonly problems: readonly FlagProblem[];
}

const camel = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Reads the words after `openapi-typescript` as 7.13's CLI does; problems are collected, not thrown. */
export function parseOtsArguments(words: readonly Word[]): OtsInvocation {
  const problems: FlagProblem[] = [];
  const options: Partial<Record<TypesOptionKey, boolean>> = {};
  const positionals: Word[] = [];
  let output: Word | undefined;
  let redocly: Word | undefined;
  let check = false;
  let informational = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    const next = words[i + 1];
    const renamed = RENAMED[word.text];
    if (renamed !== undefined) {
      problems.push({ code: 'migrate-flag-unknown', message: renamed, offset: word.offset });
      continue;
    }
    if (!word.text.startsWith('-') || word.text === '-') {
      positionals.push(word);
      continue;
    }
    if (word.text === '--') {
      positionals.push(...words.slice(i + 1));
      break;
    }
    const [flag = '', inline] = splitInline(word.text);
    const takeValue = (): Word | undefined => {
      if (inline !== undefined) return { text: inline, offset: word.offset + flag.length + 1 };
      if (next === undefined || next.text.startsWith('-')) return undefined;
      i++;
      return next;
    };
    if (flag === '-o' || flag === '--output') {
      output = takeValue();
      if (output === undefined)
        problems.push({ code: 'migrate-flag-invalid', message: `${flag} needs a file`, offset: word.offset });
      continue;
    }
    if (flag === '-c' || flag === '--redocly') {
      redocly = takeValue() ?? { text: '', offset: word.offset };
      continue;
    }
    if (flag === '-t') {
      options.exportType = true;
      continue;
    }
    const negated = flag.startsWith('--no-');
    const name = camel(flag.slice(negated ? 5 : 2));
    if (!flag.startsWith('--') || name === '') {
      problems.push({
        code: 'migrate-flag-unknown',
        message: `openapi-typescript has no option ${flag}`,
        offset: word.offset,
      });
      continue;
    }
    let value = !negated;
    if (inline !== undefined || next?.text === 'true' || next?.text === 'false') {
      const given = inline ?? (next as Word).text;
      if (inline === undefined) i++;
      if (given !== 'true' && given !== 'false') {
        problems.push({
          code: 'migrate-flag-invalid',
          message: `--${kebab(name)} is true or false, not "${given}"`,
          offset: word.offset,
        });
        continue;
      }
      value = negated ? given === 'false' : given === 'true';
    }
    if (name === 'check') check = value;
    else if (name === 'help' || name === 'version') informational = true;
    else if ((MAPPED as readonly string[]).includes(name)) options[name as TypesOptionKey] = value;
    else if (!NO_EFFECT.includes(name)) {
      const close = closest(kebab(name), [...MAPPED, 'check', 'output', 'redocly'].map(kebab));
      problems.push({
        code: 'migrate-flag-unknown',
        message: `openapi-typescript 7.13 has no option --${kebab(name)}${close === undefined ? '' : `; did you mean --${close}?`}`,
        offset: word.offset,
      });
    }
  }
  const [input, ...extra] = positionals;
  for (const word of extra)
    problems.push({
      code: 'migrate-flag-invalid',
      message: `openapi-typescript reads one spec per command, not also "${word.text}"`,
      offset: word.offset,
      hint: 'List several specs in redocly.yaml (`apis`), or run one command per spec.',
    });
  return { input, output, redocly, check, informational, options, problems };
}

/** `--name=value` → [`--name`, `value`]; a word without `=` has no inline value. */
function splitInline(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** The options of a target as the config spells them: only those that differ from 7.13's defaults. */
export function differingFromDefaults(options: TypesOptionValues): TypesOptionValues {
  const kept: Partial<Record<TypesOptionKey, boolean>> = {};
  for (const [key, value] of Object.entries(options) as [TypesOptionKey, boolean][])
    if (value !== (DEFAULTS[key] ?? false)) kept[key] = value;
  return kept;
}

/** Reads one `x-openapi-ts` key (kebab-case or camelCase, as 7.13 accepts both) to a types option. */
export function optionKeyOf(key: string): TypesOptionKey | undefined {
  const name = camel(key);
  return (MAPPED as readonly string[]).includes(name) ? (name as TypesOptionKey) : undefined;
}
