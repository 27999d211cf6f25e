import { isRecord } from '../validate-document.js';
import type { CustomCasing } from './casing.js';
import { type Conversion, readKeys } from './context.js';

/**
 * `custom_casings: { lumaai: { camel: lumaai, pascal: LumaAI } }`: how a word is written in
 * every name. `snake` and `capital` are other languages' (Python, Go) and pass without a word.
 */
export function readCustomCasings(
  conversion: Conversion,
  value: unknown,
  container: Record<string, unknown>,
): Map<string, CustomCasing> {
  const casings = new Map<string, CustomCasing>();
  if (!isRecord(value)) {
    conversion.error(
      'stainless-invalid',
      '`custom_casings` must map words to their casings.',
      container,
      'custom_casings',
    );
    return casings;
  }
  for (const [word, forms] of Object.entries(value)) {
    if (!isRecord(forms)) {
      conversion.error(
        'stainless-invalid',
        `\`custom_casings.${word}\` must be a mapping (camel, pascal, …).`,
        value,
        word,
      );
      continue;
    }
    const casing: { camel?: string; pascal?: string } = {};
    const form = (key: 'camel' | 'pascal') => (text: unknown) => {
      if (typeof text === 'string' && text !== '') casing[key] = text;
      else conversion.error('stainless-invalid', `\`custom_casings.${word}.${key}\` must be a word.`, forms, key);
    };
    readKeys(conversion, forms, `custom_casings.${word}`, { camel: form('camel'), pascal: form('pascal') }, [
      'snake',
      'capital',
      'kebab',
      'upper',
      'lower',
    ]);
    casings.set(word.toLowerCase(), casing);
  }
  return casings;
}
