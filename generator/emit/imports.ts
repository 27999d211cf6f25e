import { type ImportDeclarationStructure, StructureKind } from 'ts-morph';
import { moduleSpecifier } from './paths.js';

/** The imports a generated file needs, collected while its code is planned, printed sorted. */
export class ImportSet {
  readonly #file: string;
  readonly #modules = new Map<string, { values: Set<string>; types: Set<string> }>();

  constructor(file: string) {
    this.#file = file;
  }

  value(name: string, fromFile: string): void {
    this.#entry(fromFile).values.add(name);
  }

  /** A type-only import; `alias` renames it (`ClientOptions as BaseClientOptions`). */
  type(name: string, fromFile: string, alias?: string): void {
    this.#entry(fromFile).types.add(alias === undefined ? name : `${name} as ${alias}`);
  }

  structures(): ImportDeclarationStructure[] {
    return [...this.#modules.entries()]
      .map(([file, { values, types }]) => ({ specifier: moduleSpecifier(this.#file, file), values, types }))
      .sort((a, b) => compareSpecifiers(a.specifier, b.specifier))
      .map(({ specifier, values, types }) => {
        const onlyTypes = values.size === 0;
        const named = [
          ...[...values].map((name) => ({ name, isTypeOnly: false })),
          ...[...types].filter((t) => !values.has(t)).map((name) => ({ name, isTypeOnly: !onlyTypes })),
        ]
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          .map(({ name, isTypeOnly }) => {
            const [original = name, alias] = name.split(' as ');
            return alias === undefined ? { name, isTypeOnly } : { name: original, alias, isTypeOnly };
          });
        return {
          kind: StructureKind.ImportDeclaration,
          moduleSpecifier: specifier,
          isTypeOnly: onlyTypes,
          namedImports: named,
        };
      });
  }

  #entry(fromFile: string): { values: Set<string>; types: Set<string> } {
    let entry = this.#modules.get(fromFile);
    if (entry === undefined) {
      entry = { values: new Set(), types: new Set() };
      this.#modules.set(fromFile, entry);
    }
    return entry;
  }
}

/** Parent folders first, then by path: the order people expect to read imports in. */
function compareSpecifiers(a: string, b: string): number {
  const depth = (s: string): number => (s.match(/\.\.\//g) ?? []).length;
  return depth(b) - depth(a) || (a < b ? -1 : a > b ? 1 : 0);
}
