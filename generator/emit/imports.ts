import type { ImportDeclarationStructure } from 'ts-morph';
import { moduleSpecifier } from './paths.js';
import { StructureKind } from './print/structure-kind.js';

/** The imports a generated file needs, collected while its code is planned, printed sorted. */
export class ImportSet {
  readonly #file: string;
  readonly #modules = new Map<string, { values: Set<string>; types: Set<string> }>();

  /** Names the file declares itself: never imported. */
  readonly #declared: ReadonlySet<string>;

  constructor(file: string, declared: ReadonlySet<string> = new Set()) {
    this.#file = file;
    this.#declared = declared;
  }

  value(name: string, fromFile: string): void {
    if (!this.#declared.has(name)) this.#entry(fromFile).values.add(name);
  }

  /** A type-only import; `alias` renames it (`ClientOptions as BaseClientOptions`). */
  type(name: string, fromFile: string, alias?: string): void {
    if (alias === undefined && this.#declared.has(name)) return;
    this.#entry(fromFile).types.add(alias === undefined ? name : `${name} as ${alias}`);
  }

  /** The names the file imports, as it refers to them. */
  names(): Set<string> {
    return new Set(
      [...this.#modules.values()].flatMap(({ values, types }) =>
        [...values, ...types].map((name) => name.split(' as ').at(-1) as string),
      ),
    );
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
