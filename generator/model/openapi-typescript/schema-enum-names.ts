// Names 7.13 gives the declarations it makes for a schema: from the schema's JSON pointer.
import { parseRef } from '../../load/refs.js';

const PROPERTY_IDENTIFIER = /^[A-Za-z_$][A-Za-z_$0-9]*$/;
const INVALID_RUN = /[^A-Za-z_$0-9]+/g;
const INVALID_RUN_THEN_CHAR = /[^A-Za-z_$0-9]+(.)?/g;
const SPECIAL_CHARACTERS: Readonly<Record<string, string>> = { '+': 'Plus' };

const startsWithDigit = (text: string): boolean => Number(text[0]) >= 0;

/**
 * 7.13's tsEnumMember name, for schema enums and the ApiPaths enum alike: `Value` before a
 * leading digit (`.` → `_`), `ValueMinus` for a leading `-`, other runs of invalid characters
 * `_` (`+` → `Plus`); a name of nothing but invalid characters is kept, and printed quoted.
 */
export function enumMemberName(raw: string): string {
  let name = raw;
  if (PROPERTY_IDENTIFIER.test(name)) return name;
  if (startsWithDigit(name)) name = `Value${name}`.replace('.', '_');
  else if (name.startsWith('-')) name = `ValueMinus${name.slice(1)}`;
  const invalid = name.match(INVALID_RUN);
  if (invalid === null || invalid[0] === name) return name;
  return name.replace(INVALID_RUN, (run) => SPECIAL_CHARACTERS[run] ?? '_');
}

/** 7.13's sanitizeMemberName: drop invalid runs, capitalising what follows; `Value` before a digit. */
function sanitizeName(name: string): string {
  if (startsWithDigit(name)) return `Value${name}`;
  return name.replace(INVALID_RUN_THEN_CHAR, (run: string) => {
    const last = run.at(-1) ?? '';
    return /[^A-Za-z_$0-9]/.test(last) ? '' : last.toUpperCase();
  });
}

/**
 * The name 7.13 derives from the schema's place (before its first letter is cased):
 * `#/components/schemas/Pet/status` → `PetStatus`; `suffix` is added before sanitising.
 */
export function declarationBaseName(pointer: string, suffix = ''): string {
  const parsed = parseRef(pointer);
  const path = parsed.kind === 'local' ? parsed.pointer.join('/') : '';
  return sanitizeName(`${path.replace('components/schemas', '')}${suffix}`);
}
