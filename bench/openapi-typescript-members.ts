/**
 * The members of an openapi-typescript types file as text, at the depths tsc's member-by-member
 * comparison walks (test/helpers/types-equality.ts): only the members whose text differs
 * between two files need tsc. A member whose text is the same on both sides is the same type,
 * since every name it refers to (`components["schemas"]["Pet"]`, `operations["listPets"]`) is
 * itself a member, compared on its own.
 */
import ts from 'typescript';
import { compareTypesAll, descends, type Focus, ROOTS } from '../test/helpers/types-equality.js';

type Root = (typeof ROOTS)[number];

/** Label (`paths["/pets"]["get"]`, as the comparison names members) → the member's source text (its JSDoc left out). */
export function memberTexts(text: string): Map<string, string> {
  const source = ts.createSourceFile('types.ts', text, ts.ScriptTarget.ES2022, true);
  const members = new Map<string, string>();
  const visit = (root: Root, keys: readonly string[], node: ts.Node): void => {
    const children = descends(root, keys) ? membersOf(node) : undefined;
    members.set(label(root, keys), children === undefined ? node.getText(source) : ownText(node, children, source));
    for (const member of children ?? []) {
      if (!ts.isPropertySignature(member) || member.name === undefined) continue;
      const name = propertyName(member.name);
      if (name !== undefined) visit(root, [...keys, name], member);
    }
  };
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) && !ts.isTypeAliasDeclaration(statement)) continue;
    const root = ROOTS.find((r) => r === statement.name.text);
    if (root !== undefined) visit(root, [], statement);
  }
  return members;
}

/** Members of an interface or of a property (or alias) whose type is a literal `{ … }`; undefined for any other type. */
function membersOf(node: ts.Node): readonly ts.TypeElement[] | undefined {
  if (ts.isInterfaceDeclaration(node)) return node.members;
  const type = ts.isPropertySignature(node) || ts.isTypeAliasDeclaration(node) ? node.type : undefined;
  return type !== undefined && ts.isTypeLiteralNode(type) ? type.members : undefined;
}

/**
 * A `{ … }` member's text without its named members, which are compared on their own (so that
 * the order of the members is no difference): its name, `?`, `readonly`, and its other members
 * (index signatures) in order of their text.
 */
function ownText(node: ts.Node, children: readonly ts.TypeElement[], source: ts.SourceFile): string {
  const head = ts.isPropertySignature(node)
    ? `${node.modifiers?.map((m) => m.getText(source)).join(' ') ?? ''} ${node.name.getText(source)}${node.questionToken === undefined ? '' : '?'}`
    : ts.SyntaxKind[node.kind];
  const others = children.filter((c) => !ts.isPropertySignature(c)).map((c) => c.getText(source));
  return `${head}: { ${others.sort().join('; ')} }`;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

const label = (root: Root, keys: readonly string[]): string =>
  `${root}${keys.map((k) => `[${JSON.stringify(k)}]`).join('')}`;

export interface MemberDifference {
  /** The members whose own text differs (or that only one side has). */
  readonly differing: readonly string[];
  /** What tsc must check and walk: those members, their parents below the roots, and the way down to them. */
  readonly focus: Focus;
}

/** The members whose text differs between two types files. */
export function differingMembers(ours: string, theirs: string): MemberDifference {
  const a = memberTexts(ours);
  const b = memberTexts(theirs);
  const differing = [...new Set([...a.keys(), ...b.keys()])].filter((l) => a.get(l) !== b.get(l));
  const ancestors = new Set<string>();
  const checked = new Set(differing);
  for (const l of differing) {
    const chain = parents(l);
    for (const parent of chain) ancestors.add(parent);
    // `?` on a member is only seen from its parent; a parent at a root's first level is too large to check whole.
    const [parent] = chain;
    if (parent !== undefined && chain.length >= 3) checked.add(parent);
  }
  return { differing, focus: (l) => ({ check: checked.has(l), descend: ancestors.has(l) }) };
}

/** `paths["/a"]["get"]` → `paths["/a"]`, `paths`: the labels above one, innermost first. */
function parents(l: string): string[] {
  const result: string[] = [];
  for (let at = l.lastIndexOf('["'); at > 0; at = l.lastIndexOf('["', at - 1)) result.push(l.slice(0, at));
  return result;
}

export interface FileComparison {
  /** The two files are byte-identical: type-equal without tsc. */
  readonly sameText: boolean;
  /** Innermost members whose text differs. */
  readonly differing: readonly string[];
  /** Members put through tsc. */
  readonly checked: number;
  /** Members tsc found not mutually assignable, or that only one side has. */
  readonly differences: readonly string[];
}

/** Text first; tsc (in `dir`) only on the members whose text differs. */
export function compareFiles(dir: string, ours: string, theirs: string): FileComparison {
  if (ours === theirs) return { sameText: true, differing: [], checked: 0, differences: [] };
  const { differing, focus } = differingMembers(ours, theirs);
  if (differing.length === 0) return { sameText: false, differing, checked: 0, differences: [] };
  const comparison = compareTypesAll(dir, [{ name: '.', ours, theirs }], focus).get('.');
  return {
    sameText: false,
    differing,
    checked: comparison?.compared ?? 0,
    differences: comparison?.differences ?? [],
  };
}
