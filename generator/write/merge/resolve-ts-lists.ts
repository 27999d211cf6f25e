import { createRequire } from 'node:module';
import type * as TS from 'typescript';
import type { KeyedEntry } from './resolve-keyed-merge.js';

/**
 * The lists of TypeScript whose order does not matter: a module's import and export
 * declarations, an interface's members, and a class's members (methods, accessors, properties such as the resource
 * registry's `readonly users: Users = new Users(this._client)`).
 */
export type ListKind = 'statements' | 'members' | 'interface members';
export const LIST_KINDS: readonly ListKind[] = ['statements', 'members', 'interface members'];

/** One entry of a list, as lines: the TypeScript parser finds where it starts and ends, not a regex. */
export interface ListEntry extends KeyedEntry {
  /** Its own lines, leading comments and JSDoc included, joined: what the merge compares. */
  readonly text: string;
  /** The blank lines before it, then its own lines. */
  readonly lines: readonly string[];
  /** How many of `lines` are the blank lines before it. */
  readonly gap: number;
}

export interface ParsedList {
  readonly entries: readonly ListEntry[];
  /** The lines after the last entry (blank lines, a comment). */
  readonly trailing: readonly string[];
}

let loaded: typeof TS | undefined;

/** The TypeScript compiler, loaded when a conflict needs it: commands that never merge start without it. */
export function typescript(): typeof TS {
  loaded ??= createRequire(import.meta.url)('typescript') as typeof TS;
  return loaded;
}

/** The declaration a list of members is parsed inside, as it would be in the file. */
const WRAPPERS = { members: 'class SdkgenMergeWrapper {', 'interface members': 'interface SdkgenMergeWrapper {' };

/**
 * The lines as a list of `kind`, or undefined when they are not one: a syntax error, something
 * else than imports/exports (or class members), or two entries on one line.
 */
export function parseList(lines: readonly string[], kind: ListKind): ParsedList | undefined {
  const shift = kind === 'statements' ? 0 : 1;
  const text = kind === 'statements' ? lines.join('\n') : [WRAPPERS[kind], ...lines, '}'].join('\n');
  const source = parseStrict(text);
  if (source === undefined) return undefined;
  const nodes = kind === 'statements' ? listStatements(source) : wrappedMembers(source);
  if (nodes === undefined) return undefined;
  const entries: ListEntry[] = [];
  let next = 0;
  let previousEnd: number | undefined;
  for (const group of groupOverloads(nodes, source)) {
    if (group.key === undefined) return undefined;
    const first = group.nodes[0] as TS.Node;
    const last = group.nodes[group.nodes.length - 1] as TS.Node;
    const start = lineOf(source, entryStart(source, first, previousEnd)) - shift;
    const end = lineOf(source, last.getEnd()) - shift;
    if (start < next) return undefined;
    entries.push({
      key: group.key,
      text: lines.slice(start, end + 1).join('\n'),
      lines: lines.slice(next, end + 1),
      gap: start - next,
    });
    next = end + 1;
    previousEnd = last.getEnd();
  }
  return { entries, trailing: lines.slice(next) };
}

/**
 * Whether merged import and export declarations bind or export one name twice (each side added
 * a `helper`, from different modules): a conflict that no list merge can settle.
 */
export function bindsANameTwice(lines: readonly string[]): boolean {
  const ts = typescript();
  const source = parseStrict(lines.join('\n'));
  if (source === undefined) return true;
  const imported: string[] = [];
  const exported: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name !== undefined) imported.push(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings !== undefined && ts.isNamespaceImport(bindings)) imported.push(bindings.name.text);
      if (bindings !== undefined && ts.isNamedImports(bindings))
        imported.push(...bindings.elements.map((element) => element.name.text));
    } else if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (clause !== undefined && ts.isNamespaceExport(clause)) exported.push(clause.name.getText(source));
      if (clause !== undefined && ts.isNamedExports(clause))
        exported.push(...clause.elements.map((element) => element.name.text));
    }
  }
  return new Set(imported).size < imported.length || new Set(exported).size < exported.length;
}

/** Parses `text` as a TypeScript module; undefined when it has a syntax error. */
export function parseStrict(text: string): TS.SourceFile | undefined {
  const ts = typescript();
  const name = 'merge-hunk.ts';
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const host: TS.CompilerHost = {
    getSourceFile: (file) => (file === name ? source : undefined),
    writeFile: () => undefined,
    getDefaultLibFileName: () => 'lib.d.ts',
    useCaseSensitiveFileNames: () => true,
    getCanonicalFileName: (file) => file,
    getCurrentDirectory: () => '',
    getNewLine: () => '\n',
    fileExists: (file) => file === name,
    readFile: () => undefined,
  };
  const program = ts.createProgram({ rootNames: [name], options: { noLib: true, noResolve: true, types: [] }, host });
  return program.getSyntacticDiagnostics(source).length === 0 ? source : undefined;
}

function listStatements(source: TS.SourceFile): readonly TS.Node[] | undefined {
  const ts = typescript();
  const all = source.statements.every((node) => ts.isImportDeclaration(node) || ts.isExportDeclaration(node));
  return all ? source.statements : undefined;
}

function wrappedMembers(source: TS.SourceFile): readonly TS.Node[] | undefined {
  const ts = typescript();
  const [wrapper, ...rest] = source.statements;
  // The lines closed the wrapper early (they hold a class's end): not a member list.
  if (wrapper === undefined || rest.length > 0) return undefined;
  return ts.isClassDeclaration(wrapper) || ts.isInterfaceDeclaration(wrapper) ? wrapper.members : undefined;
}

interface Group {
  readonly key: string | undefined;
  readonly nodes: readonly TS.Node[];
}

/** A method's overload signatures and its body are one entry. */
function groupOverloads(nodes: readonly TS.Node[], source: TS.SourceFile): Group[] {
  const ts = typescript();
  const groups: { key: string | undefined; nodes: TS.Node[] }[] = [];
  for (const node of nodes) {
    const key = keyOf(node, source);
    const previous = groups[groups.length - 1];
    const isMethod = (n: TS.Node): boolean => ts.isMethodDeclaration(n) || ts.isMethodSignature(n);
    const overload = isMethod(node) && previous?.nodes.every(isMethod) === true;
    if (key !== undefined && previous?.key === key && overload) previous.nodes.push(node);
    else groups.push({ key, nodes: [node] });
  }
  return groups;
}

/** What identifies an entry across the three sides; undefined for what is not a list entry. */
function keyOf(node: TS.Node, source: TS.SourceFile): string | undefined {
  const ts = typescript();
  if (ts.isImportDeclaration(node)) {
    const from = moduleOf(node.moduleSpecifier);
    const clause = node.importClause;
    if (clause === undefined) return `import ${from}`;
    const bindings = clause.namedBindings;
    const shape = bindings === undefined ? '' : ts.isNamespaceImport(bindings) ? ` * as ${bindings.name.text}` : ' {}';
    return `import${clause.isTypeOnly ? ' type' : ''} ${clause.name?.text ?? ''}${shape} from ${from}`;
  }
  if (ts.isExportDeclaration(node)) {
    const clause = node.exportClause;
    const shape = clause === undefined ? '*' : ts.isNamedExports(clause) ? '{}' : `* as ${clause.name.getText(source)}`;
    const from = node.moduleSpecifier === undefined ? '(this module)' : moduleOf(node.moduleSpecifier);
    return `export${node.isTypeOnly ? ' type' : ''} ${shape} from ${from}`;
  }
  // An interface's properties and methods, as a params or response interface has them.
  if (ts.isPropertySignature(node) || ts.isMethodSignature(node)) return `member ${node.name.getText(source)}`;
  if (!ts.isClassElement(node)) return undefined;
  const isStatic =
    ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
  const prefix = isStatic === true ? 'static ' : '';
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  // A property and a method of the same name are one name: a clash if both sides add them.
  if (ts.isMethodDeclaration(node) || ts.isPropertyDeclaration(node))
    return `member ${prefix}${node.name.getText(source)}`;
  if (ts.isGetAccessorDeclaration(node)) return `get ${prefix}${node.name.getText(source)}`;
  if (ts.isSetAccessorDeclaration(node)) return `set ${prefix}${node.name.getText(source)}`;
  return undefined;
}

function moduleOf(specifier: TS.Expression): string {
  const ts = typescript();
  return ts.isStringLiteral(specifier) ? specifier.text : specifier.getText();
}

/**
 * Where an entry's lines start: its first leading comment (its JSDoc), but not a comment that
 * ends the line of the entry before it, which belongs to that one.
 */
function entryStart(source: TS.SourceFile, node: TS.Node, previousEnd: number | undefined): number {
  const ts = typescript();
  const comments = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const own = comments.filter(
    (comment) => previousEnd === undefined || lineOf(source, comment.pos) !== lineOf(source, previousEnd),
  );
  return own[0]?.pos ?? node.getStart(source);
}

function lineOf(source: TS.SourceFile, position: number): number {
  return source.getLineAndCharacterOfPosition(position).line;
}
