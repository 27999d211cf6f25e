import type { StructureKind as Kind } from 'ts-morph';

/**
 * The `kind`s of the ts-morph structures the emitters build, as ts-morph's own enum members (the
 * types come from ts-morph, type-only), without importing ts-morph at run time: its module loads
 * TypeScript (~0.76 s CPU), which the emit no longer needs. test/emit/print-structure-kind.test.ts
 * checks that each value equals ts-morph's.
 */
export const StructureKind = {
  Class: 2 as Kind.Class,
  Constructor: 5 as Kind.Constructor,
  Enum: 8 as Kind.Enum,
  ExportAssignment: 10 as Kind.ExportAssignment,
  ExportDeclaration: 11 as Kind.ExportDeclaration,
  Function: 13 as Kind.Function,
  ImportDeclaration: 16 as Kind.ImportDeclaration,
  Interface: 19 as Kind.Interface,
  Method: 26 as Kind.Method,
  Module: 29 as Kind.Module,
  Property: 31 as Kind.Property,
  PropertySignature: 33 as Kind.PropertySignature,
  SourceFile: 36 as Kind.SourceFile,
  TypeAlias: 38 as Kind.TypeAlias,
  VariableStatement: 41 as Kind.VariableStatement,
} as const;
