// The command-line flags of openapi-typescript 7.13 and the TypesFileOptions key each sets: one list
// for the `openapi-typescript` command, `x-openapi-ts` in redocly.yaml, and the config's `types`.

import type { TypesFileOptions } from './options.js';

export type TypesOptionKey = Exclude<keyof TypesFileOptions, never>;

/** kebab-case flag → option, in the order of 7.13's `--help`, then sdkgen's own `--compat`. */
export const TYPES_FLAGS: ReadonlyArray<readonly [flag: string, key: TypesOptionKey]> = [
  ['enum', 'enum'],
  ['enum-values', 'enumValues'],
  ['conditional-enums', 'conditionalEnums'],
  ['dedupe-enums', 'dedupeEnums'],
  ['export-type', 'exportType'],
  ['immutable', 'immutable'],
  ['additional-properties', 'additionalProperties'],
  ['empty-objects-unknown', 'emptyObjectsUnknown'],
  ['default-non-nullable', 'defaultNonNullable'],
  ['properties-required-by-default', 'propertiesRequiredByDefault'],
  ['array-length', 'arrayLength'],
  ['path-params-as-types', 'pathParamsAsTypes'],
  ['alphabetize', 'alphabetize'],
  ['exclude-deprecated', 'excludeDeprecated'],
  ['root-types', 'rootTypes'],
  ['root-types-no-schema-prefix', 'rootTypesNoSchemaPrefix'],
  ['root-types-keep-casing', 'rootTypesKeepCasing'],
  ['make-paths-enum', 'makePathsEnum'],
  ['read-write-markers', 'readWriteMarkers'],
  ['generate-path-params', 'generatePathParams'],
  ['compat', 'compat'],
];

export const TYPES_OPTION_KEYS: readonly TypesOptionKey[] = TYPES_FLAGS.map(([, key]) => key);
