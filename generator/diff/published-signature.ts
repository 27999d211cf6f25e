import {
  type ClassDeclaration,
  type MethodDeclaration,
  Node,
  type ParameterDeclaration,
  SyntaxKind,
  type Type,
  type TypeNode,
} from 'ts-morph';

/** One method as a caller sees it: where it is, what it takes in order, what it gives. */
export interface MethodSurface {
  /** `client.chats.messages.list` */
  readonly call: string;
  /** The positional arguments before the params object (path parameters, in Stainless and sdkgen). */
  readonly arguments: readonly ArgumentSurface[];
  /** The params object (`ChatListParams`), when the method takes one. */
  readonly params: { readonly type: string; readonly optional: boolean } | undefined;
  /** What the promise gives, without module qualifiers: `APIPromise<Chat>`, `PagePromise<CursorPage, Chat>`. */
  readonly returns: string;
  /** For a paged method: the page class behind the alias (`ChatsCursorPage` → `CursorPage`), and the item. */
  readonly page: { readonly pageClass: string; readonly item: string } | undefined;
}

export interface ArgumentSurface {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
}

/**
 * The widest overload stands for the method: the one with the most parameters, the last of those
 * (Stainless declares `list(query?, options?)` then `list(options?)`, and a streaming `create`'s
 * general overload last).
 */
export function methodSurface(call: string, overloads: readonly MethodDeclaration[]): MethodSurface {
  const widest = overloads.reduce((best, next) =>
    callerParameters(next).length >= callerParameters(best).length ? next : best,
  );
  const parameters = callerParameters(widest);
  const last = parameters.at(-1);
  const params = last !== undefined && isParamsObject(last) ? last : undefined;
  const paramsType = params === undefined ? undefined : typeText(params).replace(/ParamsBase$/, 'Params');
  const positional = params === undefined ? parameters : parameters.slice(0, -1);
  const returnNode = widest.getReturnTypeNode();
  const page = returnNode === undefined ? undefined : pageOf(returnNode);
  return {
    call,
    arguments: positional.map((p) => ({ name: p.getName(), type: typeText(p), optional: isOptional(p) })),
    // A streaming method's widest overload takes `CreateParamsBase`; callers name the union, `CreateParams`.
    params:
      params === undefined || paramsType === undefined ? undefined : { type: paramsType, optional: isOptional(params) },
    returns:
      page !== undefined
        ? `PagePromise<${page.pageClass}, ${page.item}>`
        : promised(normaliseType(returnNode?.getText() ?? widest.getReturnType().getText(widest))),
    page,
  };
}

/** `APIPromise<B | A>` → `APIPromise<A | B>`: a streaming method's two answers, in one order. */
function promised(text: string): string {
  const match = /^APIPromise<(.*)>$/.exec(text);
  return match === null ? text : `APIPromise<${sortUnion(match[1] as string)}>`;
}

/** The parameters a caller fills, without the trailing per-request `options`. */
function callerParameters(method: MethodDeclaration): ParameterDeclaration[] {
  const all = method.getParameters();
  const last = all.at(-1);
  const isOptions =
    last !== undefined &&
    (last.getName() === 'options' || /RequestOptions\b/.test(last.getTypeNode()?.getText() ?? ''));
  return isOptions ? all.slice(0, -1) : all;
}

/** Stainless names it `body`, `query` or `params`; sdkgen `params`; both type it `…Params`. */
function isParamsObject(parameter: ParameterDeclaration): boolean {
  return ['params', 'body', 'query'].includes(parameter.getName()) || /Params$/.test(typeText(parameter));
}

function isOptional(parameter: ParameterDeclaration): boolean {
  return parameter.hasQuestionToken() || parameter.hasInitializer() || parameter.isRestParameter();
}

/** The declared type as callers name it: without `| null | undefined`, nor Stainless's guards against option keys. */
function typeText(parameter: ParameterDeclaration): string {
  const node = parameter.getTypeNode();
  return node === undefined ? normaliseType(parameter.getType().getText(parameter)) : namedPart(node);
}

/**
 * Stainless (2025 on) types an optional params object `(ListParams & ({ [K in 'method' | …]?:
 * never } | null | undefined)) | null | undefined`: what callers name is `ListParams`.
 */
function namedPart(node: TypeNode): string {
  if (Node.isParenthesizedTypeNode(node)) return namedPart(node.getTypeNode());
  if (Node.isUnionTypeNode(node)) {
    const members = node.getTypeNodes().filter((member) => !isNullish(member));
    if (members.length > 0 && members.length < node.getTypeNodes().length)
      return sortUnion(members.map(namedPart).join(' | '));
  }
  if (Node.isIntersectionTypeNode(node)) {
    const named = node.getTypeNodes().filter(Node.isTypeReference);
    if (named.length > 0) return named.map((member) => normaliseType(member.getText())).join(' & ');
  }
  return normaliseType(node.getText());
}

function isNullish(node: TypeNode): boolean {
  return (
    node.getKind() === SyntaxKind.UndefinedKeyword ||
    (Node.isLiteralTypeNode(node) && node.getLiteral().getKind() === SyntaxKind.NullKeyword)
  );
}

/** `PagePromise<Alias, Item>`: the class the alias stands for (`ListChatsPagination<Chat>` → `ListChatsPagination`). */
function pageOf(node: TypeNode): MethodSurface['page'] {
  if (!Node.isTypeReference(node)) return undefined;
  if (!/(^|\.)PagePromise$/.test(node.getTypeName().getText())) return undefined;
  const [pageNode, itemNode] = node.getTypeArguments();
  if (pageNode === undefined) return undefined;
  return {
    pageClass: pageClassOf(pageNode.getType()) ?? normaliseType(pageNode.getText()),
    item: itemNode === undefined ? 'unknown' : normaliseType(itemNode.getText()),
  };
}

/** sdkgen types a page as `CursorPage<Item> & ListEnvelope`; the class is the member declared by a class. */
function pageClassOf(type: Type): string | undefined {
  const members = type.isIntersection() ? type.getIntersectionTypes() : [type];
  for (const member of members) {
    const declaration = member.getSymbol()?.getDeclarations().find(Node.isClassDeclaration);
    if (declaration !== undefined) return declaredPage(declaration);
  }
  return undefined;
}

/**
 * Stainless's older packages declare each page as an empty subclass (`class ConclusionsPage
 * extends Page<Conclusion> {}`): the page class is its base, the one with the behaviour.
 */
function declaredPage(declaration: ClassDeclaration): string {
  const base = declaration.getBaseClass();
  if (declaration.getMembers().length === 0 && base !== undefined && !/^Abstract/.test(base.getName() ?? ''))
    return declaredPage(base);
  return declaration.getName() ?? 'default';
}

/**
 * A type's text as two packages can agree on it: module qualifiers dropped (`Core.APIPromise`,
 * `Shared.ChatHandle`), `Array<T>` as `T[]`, one space between tokens, a union's members sorted;
 * string literals kept as they are.
 */
export function normaliseType(text: string): string {
  const parts = text.replace(/import\((['"])[^'"]*\1\)\./g, '').split(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/);
  const code = parts
    .map((part, index) =>
      index % 2 === 1
        ? part.replace(/^"(.*)"$/, "'$1'")
        : part
            .replace(/\b[A-Za-z_$][\w$]*\.(?=[A-Za-z_$])/g, '')
            .replace(/\s+/g, ' ')
            .replace(/\bArray<([\w$]+)>/g, '$1[]'),
    )
    .join('')
    .trim()
    .replace(/;\s*}/g, ' }');
  return sortUnion(code);
}

/** `B | A` → `A | B`, at the top level only (a union inside `<…>` or `(…)` is left as it is). */
function sortUnion(text: string): string {
  const members: string[] = [];
  let depth = 0;
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote !== undefined) {
      if (c === quote && text[i - 1] !== '\\') quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if ('<({['.includes(c)) depth++;
    else if ('>)}]'.includes(c) && text[i - 1] !== '=') depth--;
    else if (c === '|' && depth === 0) {
      members.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  members.push(text.slice(start).trim());
  return members.length < 2 ? text : [...members].sort().join(' | ');
}
