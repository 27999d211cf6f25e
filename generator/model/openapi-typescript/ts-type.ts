// The readonly IR of an openapi-typescript 7.13 types file: the model builds it from the loaded
// document, the emitter (generator/emit/openapi-typescript/) prints it.

export type TsKeyword = 'string' | 'number' | 'boolean' | 'null' | 'unknown' | 'never' | 'undefined' | 'any';
export type TsType =
  | { readonly kind: 'keyword'; readonly name: TsKeyword }
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  /** `components["schemas"]["Pet"]`, `paths["/pets"]["get"]`: a `$ref` as openapi-typescript prints it. */
  | {
      readonly kind: 'indexed';
      readonly root: string;
      readonly keys: readonly string[];
      /** When set, the indexed type is this (`Extract<…>`, for `--enum-values` inside unions) and `root` is unused. */
      readonly base?: TsType | undefined;
      /** A last access by a type rather than a key: `[string]`. */
      readonly index?: TsType | undefined;
    }
  /** A named type, with type arguments: `Record<string, never>`, `Omit<X, "kind">`, `Blob`, an enum's name. */
  | { readonly kind: 'named'; readonly name: string; readonly args?: readonly TsType[] | undefined }
  | { readonly kind: 'array'; readonly items: TsType; readonly readonly?: boolean | undefined }
  | {
      readonly kind: 'tuple';
      readonly items: readonly TsType[];
      readonly rest?: TsType | undefined;
      readonly readonly?: boolean | undefined;
    }
  | { readonly kind: 'object'; readonly members: readonly TsMember[]; readonly index?: TsIndex | undefined }
  | { readonly kind: 'union'; readonly members: readonly TsType[] }
  | { readonly kind: 'intersection'; readonly members: readonly TsType[] }
  /** A template literal path type (`--path-params-as-types`): text parts between `string` holes. */
  | { readonly kind: 'template'; readonly parts: readonly string[] };

export interface TsMember {
  readonly name: string;
  readonly optional: boolean;
  readonly readonly: boolean;
  readonly type: TsType;
  /** JSDoc lines, without `*`. */
  readonly docs?: readonly string[] | undefined;
}

export interface TsIndex {
  readonly key: string;
  readonly type: TsType;
  readonly readonly: boolean;
  readonly keyType?: TsType | undefined;
}

/** Top-level declarations besides the five interfaces: enums (`--enum`), `export type X = …` (`--root-types`), consts (`--enum-values`). */
export type TsDeclaration =
  | {
      readonly kind: 'enum';
      readonly name: string;
      /** `description` (from `x-enum-descriptions`) prints as a `// …` line above the member, as 7.13 does. */
      readonly members: readonly {
        readonly name: string;
        readonly value: string | number;
        readonly description?: string | undefined;
      }[];
      readonly docs?: readonly string[] | undefined;
    }
  | {
      readonly kind: 'alias';
      readonly name: string;
      readonly type: TsType;
      readonly docs?: readonly string[] | undefined;
    }
  | { readonly kind: 'const'; readonly name: string; readonly type: TsType; readonly valueText: string }
  /**
   * A generic helper type 7.13 appends when the types use it (`WithRequired<T, K>` for `allOf` with
   * `required`; `FlattenedDeepRequired<T>`, `ReadonlyArray<T>` for `--enum-values`): mapped and
   * conditional types that TsType does not model, so they print from a fixed text.
   */
  | { readonly kind: 'helper'; readonly name: TsHelperName };

export type TsHelperName = 'WithRequired' | 'FlattenedDeepRequired' | 'ReadonlyArray';
