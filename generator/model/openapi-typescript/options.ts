// The options of `--format openapi-typescript`, named after openapi-typescript 7.13's own
// (camelCase of its CLI flags), so a project's flags map one to one.

export interface TypesOptions {
  readonly enum?: boolean | undefined;
  readonly enumValues?: boolean | undefined;
  readonly conditionalEnums?: boolean | undefined;
  readonly dedupeEnums?: boolean | undefined;
  readonly exportType?: boolean | undefined;
  readonly immutable?: boolean | undefined;
  readonly additionalProperties?: boolean | undefined;
  readonly emptyObjectsUnknown?: boolean | undefined;
  /** Default true, as in 7.13: a property with a `default` is required (non-nullable) in the type. */
  readonly defaultNonNullable?: boolean | undefined;
  readonly propertiesRequiredByDefault?: boolean | undefined;
  readonly arrayLength?: boolean | undefined;
  readonly pathParamsAsTypes?: boolean | undefined;
  readonly alphabetize?: boolean | undefined;
  readonly excludeDeprecated?: boolean | undefined;
  readonly rootTypes?: boolean | undefined;
  readonly rootTypesNoSchemaPrefix?: boolean | undefined;
  readonly rootTypesKeepCasing?: boolean | undefined;
  readonly makePathsEnum?: boolean | undefined;
  readonly readWriteMarkers?: boolean | undefined;
  /** Restore openapi-typescript 7.13's exact types where sdkgen's are more correct (docs/openapi-typescript.md). */
  readonly compat?: boolean | undefined;
}

/** The options of the whole file: the schema options, and those only the document builder reads. */
export interface TypesFileOptions extends TypesOptions {
  /** Add each `{name}` of a path that declares no such path parameter, as a `string` (7.13's `--generate-path-params`). */
  readonly generatePathParams?: boolean | undefined;
}
