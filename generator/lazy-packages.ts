/**
 * Packages loaded on first use instead of at startup. Each costs 20–40 ms to import, and both
 * threads of `sdkgen generate` import their modules before they start: on the path of every
 * run. Most runs need none of these: `yaml` reads config files, names locks and the YAML that
 * js-yaml refuses; `jsonpath-rfc9535` applies overlays; `re2js` checks values against patterns.
 */
import { createRequire } from 'node:module';
import type * as JsonPath from 'jsonpath-rfc9535';
import type * as Re2 from 're2js';
import type * as YAML from 'yaml';

const load = createRequire(import.meta.url);

let yamlPackage: typeof YAML | undefined;
export const yaml = (): typeof YAML => (yamlPackage ??= load('yaml') as typeof YAML);

let jsonPathPackage: typeof JsonPath | undefined;
export const jsonPath = (): typeof JsonPath => (jsonPathPackage ??= load('jsonpath-rfc9535') as typeof JsonPath);

let re2Package: typeof Re2 | undefined;
export const re2 = (): typeof Re2 => (re2Package ??= load('re2js') as typeof Re2);
