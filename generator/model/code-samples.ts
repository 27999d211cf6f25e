/**
 * The official call an operation's JavaScript or TypeScript code sample shows
 * (`x-codeSamples`, Redocly's `x-code-samples`: `[{ lang, label?, source }]`): where a vendor
 * publishes `client.beta.jig.list()` beside the operation, that is its name in the SDK users
 * already call, the strongest signal short of a declared name.
 */
import { isIdentifier } from './names.js';

export interface SampleCall {
  readonly resource: readonly string[];
  readonly method: string;
}

const JS_LANGS = /^(javascript|typescript|js|ts|node(js)?)$/i;

export function codeSampleCall(operation: Record<string, unknown>): SampleCall | undefined {
  const samples = operation['x-codeSamples'] ?? operation['x-code-samples'];
  if (!Array.isArray(samples)) return undefined;
  for (const sample of samples) {
    if (typeof sample !== 'object' || sample === null) continue;
    const { lang, label, source } = sample as Record<string, unknown>;
    const says = (text: unknown): boolean => typeof text === 'string' && JS_LANGS.test(text.trim());
    if (!(says(lang) || says(label)) || typeof source !== 'string') continue;
    const call = callIn(source);
    if (call !== undefined) return call;
  }
  return undefined;
}

/** `const client = new Acme(); … await client.beta.jig.list(…)` → `beta.jig` and `list`. */
function callIn(source: string): SampleCall | undefined {
  const instance = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*new\s+[A-Za-z_$][\w$.]*\s*\(/.exec(source)?.[1];
  const client = instance ?? 'client';
  const pattern = new RegExp(`(?<![\\w$.])${client.replace(/\$/g, '\\$')}((?:\\.[A-Za-z_$][\\w$]*)+)\\s*\\(`);
  const chain = pattern.exec(source)?.[1]?.slice(1).split('.');
  const method = chain?.at(-1);
  if (chain === undefined || method === undefined || !chain.every(isIdentifier)) return undefined;
  return { resource: chain.slice(0, -1), method };
}
