// Type-equality of two openapi-typescript types files, member by member: for every path, method,
// parameters section, request body, response (status, content type, headers), every
// component of every section, webhook, `$defs` entry and operation, tsc must find each side
// assignable to the other. A difference names the member.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface Comparison {
  /** How many members were compared. */
  readonly compared: number;
  /** `paths["/pets"]["get"]["responses"]["200"]: not mutually assignable`, `… only in ours`. */
  readonly differences: readonly string[];
}

export const ROOTS = ['paths', 'webhooks', 'components', '$defs', 'operations'] as const;
const OPERATION_KEYS = new Set(['parameters', 'requestBody', 'responses']);

export interface TypesPair {
  /** A folder name for the pair's files. */
  readonly name: string;
  readonly ours: string;
  readonly theirs: string;
}

/** Writes `ours.ts`, `theirs.ts` and `compare.ts` into `dir` and type-checks the comparison. */
export function compareTypes(dir: string, ours: string, theirs: string): Comparison {
  return compareTypesAll(dir, [{ name: '.', ours, theirs }]).get('.') as Comparison;
}

/**
 * Which members to compare (by label, `paths["/pets"]["get"]`): `check` puts the member's
 * two types through tsc, `descend` walks into its members. Without one, every member is
 * checked and walked, down to the depth `descends` sets.
 */
export type Focus = (label: string) => { readonly check: boolean; readonly descend: boolean };

/** Every pair at once, in one TypeScript program (its standard library is read once). */
export function compareTypesAll(
  dir: string,
  pairs: readonly TypesPair[],
  focus: Focus = () => ({ check: true, descend: true }),
): Map<string, Comparison> {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  };
  const jobs = pairs.map((pair) => {
    const folder = join(dir, pair.name);
    mkdirSync(folder, { recursive: true });
    const files = {
      ours: join(folder, 'ours.ts'),
      theirs: join(folder, 'theirs.ts'),
      compare: join(folder, 'compare.ts'),
    };
    writeFileSync(files.ours, pair.ours);
    writeFileSync(files.theirs, pair.theirs);
    return {
      pair,
      files,
      differences: [] as string[],
      checks: [] as { readonly label: string; readonly line: string }[],
    };
  });
  const host = ts.createCompilerHost(options);
  const first = ts.createProgram(
    jobs.flatMap(({ files }) => [files.ours, files.theirs]),
    options,
    host,
  );
  const checker = first.getTypeChecker();
  const exportsOf = (file: string): Map<string, ts.Symbol> => {
    const source = first.getSourceFile(file);
    const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    return new Map((module === undefined ? [] : checker.getExportsOfModule(module)).map((s) => [s.name, s]));
  };
  for (const job of jobs) {
    const { differences, checks } = job;
    const oursExports = exportsOf(job.files.ours);
    const theirsExports = exportsOf(job.files.theirs);
    for (const root of ROOTS) {
      const a = oursExports.get(root);
      const b = theirsExports.get(root);
      if (a === undefined || b === undefined) {
        differences.push(`${root}: only in ${a === undefined ? 'theirs' : 'ours'}`);
        continue;
      }
      const walk = (keys: readonly string[], typeA: ts.Type, typeB: ts.Type): void => {
        const label = `${root}${keys.map((k) => `[${JSON.stringify(k)}]`).join('')}`;
        const at = (side: string): string =>
          keys.reduce((expression, key) => `At<${expression}, ${JSON.stringify(key)}>`, `${side}.${root}`);
        const { check, descend } = focus(label);
        if (check) checks.push({ label, line: `type _${checks.length} = Check<Same<${at('O')}, ${at('T')}>>;` });
        if (!descend || !descends(root, keys)) return;
        const propsA = propertiesOf(checker, typeA);
        const propsB = propertiesOf(checker, typeB);
        for (const name of new Set([...propsA.keys(), ...propsB.keys()])) {
          const propA = propsA.get(name);
          const propB = propsB.get(name);
          if (propA === undefined || propB === undefined) {
            differences.push(`${label}[${JSON.stringify(name)}]: only in ${propA === undefined ? 'theirs' : 'ours'}`);
            continue;
          }
          walk([...keys, name], propA, propB);
        }
      };
      walk([], declaredType(checker, a), declaredType(checker, b));
    }
    writeFileSync(job.files.compare, `${[...HEADER, ...checks.map(({ line }) => line)].join('\n')}\n`);
  }
  const second = ts.createProgram(
    jobs.map(({ files }) => files.compare),
    options,
    host,
    first,
  );
  const results = new Map<string, Comparison>();
  for (const job of jobs) {
    const source = second.getSourceFile(job.files.compare);
    const failing = new Set<number>();
    for (const diagnostic of ts.getPreEmitDiagnostics(second, source)) {
      const { file, start } = diagnostic;
      if (file === undefined || file.fileName !== source?.fileName || start === undefined) {
        job.differences.push(`compare: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
        continue;
      }
      failing.add(file.getLineAndCharacterOfPosition(start).line - HEADER.length);
    }
    for (const line of [...failing].sort((x, y) => x - y))
      job.differences.push(`${job.checks[line]?.label ?? `line ${line}`}: not mutually assignable`);
    results.set(job.pair.name, { compared: job.checks.length, differences: job.differences });
  }
  return results;
}

const HEADER = [
  `import type * as O from './ours.js';`,
  `import type * as T from './theirs.js';`,
  'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
  'type Check<X extends true> = X;',
  // A step into an optional member (`requestBody?`) goes on from its defined part.
  'type At<T, K extends PropertyKey> = K extends keyof NonNullable<T> ? NonNullable<T>[K] : never;',
];

/** How deep each root is compared: down to media types in paths and operations, to each member elsewhere. */
export function descends(root: (typeof ROOTS)[number], keys: readonly string[]): boolean {
  switch (root) {
    case 'paths':
    case 'webhooks':
      return keys.length < 2 || operationLevel(keys.slice(2));
    case 'operations':
      return keys.length < 1 || operationLevel(keys.slice(1));
    case 'components':
      return keys.length < 2;
    case '$defs':
      return keys.length < 1;
    default:
      return false;
  }
}

/** Within an operation: parameters → location; requestBody → content → media type; responses → status → content → media type. */
function operationLevel(keys: readonly string[]): boolean {
  const [part] = keys;
  if (part === undefined) return true;
  if (!OPERATION_KEYS.has(part)) return false;
  switch (keys.length) {
    case 1:
      return true;
    case 2:
      return part === 'requestBody' ? keys[1] === 'content' : part === 'responses';
    case 3:
      return part === 'responses' && keys[2] === 'content';
    default:
      return false;
  }
}

function declaredType(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Type {
  return checker.getDeclaredTypeOfSymbol(
    symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol,
  );
}

/** The object's properties (of the non-nullable type; none for unions, primitives, never). */
function propertiesOf(checker: ts.TypeChecker, type: ts.Type): Map<string, ts.Type> {
  const result = new Map<string, ts.Type>();
  const target = checker.getNonNullableType(type);
  if (target.isUnion() || !(target.flags & ts.TypeFlags.Object)) return result;
  for (const property of checker.getPropertiesOfType(target)) {
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    const propertyType =
      declaration === undefined
        ? checker.getTypeOfSymbol(property)
        : checker.getTypeOfSymbolAtLocation(property, declaration);
    result.set(property.name, propertyType);
  }
  return result;
}
