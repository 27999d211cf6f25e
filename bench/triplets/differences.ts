/**
 * What one difference `sdkgen diff --against` reports costs, read by its pattern: which of the
 * four counts it breaks (argument order, page class, type names) and the Stainless rule behind it.
 */
import type { Aspect } from './score.js';

export type Count = 'arguments' | 'page-class' | 'type-names';

export interface Difference {
  readonly aspect: Aspect;
  readonly published: string;
  readonly generated: string;
}

export interface Explained {
  readonly count: Count;
  readonly rule: string;
}

const PAGE = /^PagePromise</;

/** `A | RequestOptions (optional)` → `A`: the type names a params argument accepts, request options left out. */
function paramsNames(text: string): string {
  return text
    .replace(/\(optional\)/g, '')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== '—' && part !== 'RequestOptions')
    .sort()
    .join(' | ');
}

/** `APIPromise<ChatRetrieveResponse>` → `ChatRetrieveResponse`. */
function promised(text: string): string {
  return /^APIPromise<(.*)>$/.exec(text)?.[1] ?? text;
}

export function explainDifference(difference: Difference): Explained {
  switch (difference.aspect) {
    case 'arguments':
      return { count: 'arguments', rule: 'the positional arguments differ' };
    case 'page-class':
      return { count: 'page-class', rule: 'the page class differs' };
    case 'return': {
      const published = PAGE.test(difference.published);
      const generated = PAGE.test(difference.generated);
      if (published !== generated)
        return {
          count: 'page-class',
          rule: generated
            ? 'sdkgen pages a list the published SDK does not page'
            : 'the published SDK pages a list sdkgen does not',
        };
      const name = promised(difference.published);
      return {
        count: 'type-names',
        rule: /^\w+Response$/.test(name)
          ? 'Stainless names a response `<Resource><Method>Response` unless the config declares its schema a model'
          : 'the return type is named otherwise',
      };
    }
    case 'params-type': {
      const published = paramsNames(difference.published);
      const generated = paramsNames(difference.generated);
      const optional = (text: string): boolean => text.includes('(optional)');
      if (published === generated && /\bRequestOptions\b/.test(difference.published))
        return {
          count: 'arguments',
          rule: 'the published method also takes request options as its only argument (an `(options?)` overload when every param is optional)',
        };
      if (published === generated && optional(difference.published) !== optional(difference.generated))
        return {
          count: 'arguments',
          rule: optional(difference.published)
            ? 'the published params are optional, sdkgen requires them'
            : 'the published params are required, sdkgen makes them optional',
        };
      if (published === '' || generated === '')
        return {
          count: 'arguments',
          rule: published === '' ? 'the published method takes no params argument' : 'sdkgen takes no params argument',
        };
      return {
        count: 'type-names',
        rule: /Params$/.test(published)
          ? "Stainless names a method's params `<Resource><Method>Params`, a named request body included"
          : 'the params type is named otherwise',
      };
    }
    default:
      return difference.aspect satisfies never;
  }
}
