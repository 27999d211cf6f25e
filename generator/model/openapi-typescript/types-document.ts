// The model of an openapi-typescript 7.13 types file: its roots in print order, each a list of
// entries, and the declarations after them. The emitter prints it as it is.

import type { TsDeclaration, TsMember, TsType } from './ts-type.js';

/** One entry of a root: a member, or (`paths` with `--path-params-as-types`) a template literal index signature. */
export type RootEntry =
  | { readonly kind: 'member'; readonly member: TsMember }
  | {
      readonly kind: 'template';
      /** The key's template text between backticks: `/users/${string}`. */
      readonly template: string;
      readonly type: TsType;
      readonly readonly: boolean;
    };

export interface TypesRoot {
  readonly name: 'paths' | 'webhooks' | 'components' | '$defs';
  /** Empty: printed as `Record<string, never>`. */
  readonly entries: readonly RootEntry[];
}

export interface TypesDocument {
  /** `export type X = {…}` instead of `export interface X {…}` (`--export-type`; never for `operations`). */
  readonly exportType: boolean;
  /** The `$Read`/`$Write`/`Readable`/`Writable` helpers of `--read-write-markers`, printed first. */
  readonly readWriteHelpers: boolean;
  readonly roots: readonly TypesRoot[];
  /** `export type SchemaPet = components['schemas']['Pet']` (`--root-types`), printed after `components`. */
  readonly rootTypes: readonly TsDeclaration[];
  /** Enums, consts and helpers the schemas need, in the order they were met. */
  readonly declarations: readonly TsDeclaration[];
  /** The `operations` interface's members (empty: `Record<string, never>`). */
  readonly operations: readonly TsMember[];
  /** How many of `declarations` print before `operations`. */
  readonly operationsAt: number;
  /** `export enum ApiPaths` (`--make-paths-enum`), last. */
  readonly pathsEnum?: TsDeclaration | undefined;
}
