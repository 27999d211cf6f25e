import type { OptionalKind, ParameterDeclarationStructure, TypeParameterDeclarationStructure } from 'ts-morph';
import { printCommaList } from './comma-list.js';
import { isBlankText, recordWriter, replay } from './nested-writer.js';
import { checkProperties } from './unsupported-structure.js';
import { type CodeBlockWriter, isBlank, nestedText, type TextOrWriter } from './writer.js';

/** The keyword flags ts-morph's `ModifierableNodeStructurePrinter` reads, any of which a structure may have. */
export interface Modifiers {
  readonly isDefaultExport?: boolean | undefined;
  readonly isExported?: boolean | undefined;
  readonly hasDeclareKeyword?: boolean | undefined;
  readonly scope?: string | undefined;
  readonly isStatic?: boolean | undefined;
  readonly hasOverrideKeyword?: boolean | undefined;
  readonly isAbstract?: boolean | undefined;
  readonly isAsync?: boolean | undefined;
  readonly isReadonly?: boolean | undefined;
  readonly hasAccessorKeyword?: boolean | undefined;
}

export const MODIFIER_PROPERTIES = [
  'isDefaultExport',
  'isExported',
  'hasDeclareKeyword',
  'scope',
  'isStatic',
  'hasOverrideKeyword',
  'isAbstract',
  'isAsync',
  'isReadonly',
  'hasAccessorKeyword',
] as const;

/**
 * What the header of a method, constructor or function reads, in an overload or the implementation
 * (ts-morph prints nothing for those a constructor or function has no place for: neither do we).
 */
export const HEADER_PROPERTIES = [
  'kind',
  'docs',
  'isGenerator',
  'hasQuestionToken',
  'typeParameters',
  'parameters',
  'returnType',
  ...MODIFIER_PROPERTIES,
] as const;

/** What an implementation reads beyond its header. */
export const IMPLEMENTATION_PROPERTIES = [...HEADER_PROPERTIES, 'name', 'statements', 'overloads'] as const;

/**
 * An overload as ts-morph prints it: each of `keys` it leaves unset takes the implementation's
 * value (an overload of a static method is static, of an exported function exported).
 */
export function overloadWithDefaults<T extends object>(
  overload: T,
  implementation: Partial<T>,
  keys: readonly (keyof T)[],
): T {
  const withDefaults = { ...overload };
  for (const key of keys) if (withDefaults[key] === undefined) withDefaults[key] = implementation[key] as T[keyof T];
  return withDefaults;
}

/** The keywords before a declaration's name, in ts-morph's order (each written on its own there; the same text). */
export function modifiers(structure: Modifiers): string {
  let text = '';
  if (structure.isDefaultExport) text += 'export default ';
  else if (structure.isExported) text += 'export ';
  if (structure.hasDeclareKeyword) text += 'declare ';
  if (structure.scope != null) text += `${structure.scope} `;
  if (structure.isStatic) text += 'static ';
  if (structure.hasOverrideKeyword) text += 'override ';
  if (structure.isAbstract) text += 'abstract ';
  if (structure.isAsync) text += 'async ';
  if (structure.isReadonly) text += 'readonly ';
  if (structure.hasAccessorKeyword) text += 'accessor ';
  return text;
}

export function printModifiers(writer: CodeBlockWriter, structure: Modifiers): void {
  const text = modifiers(structure);
  if (text.length > 0) writer.write(text);
}

/**
 * A nested text after a separator (`: type`, ` = type`): ts-morph's `TypedNodeStructurePrinter`,
 * `ReturnTypedNodeStructurePrinter`. Written in a hanging indent, so the lines of a text that
 * spans several are indented one level more than the declaration.
 */
export function printTyped(
  writer: CodeBlockWriter,
  separator: string,
  type: TextOrWriter | undefined,
  fallback?: string,
): void {
  const value = type ?? fallback;
  if (value == null) return;
  printNested(writer, value, () => writer.write(`${separator} `));
}

/** ts-morph's `InitializerExpressionableNodeStructurePrinter`: ` = value`. */
export function printInitializer(writer: CodeBlockWriter, initializer: TextOrWriter | undefined): void {
  if (initializer == null) return;
  printNested(writer, initializer, () => {
    writer.spaceIfLastNot();
    writer.write('= ');
  });
}

/**
 * A nested text after what `before` writes, in a hanging indent; nothing at all where the text is
 * blank. A writer function writes straight into the module's writer where its calls replay to
 * ts-morph's text (nested-writer.ts), else into a writer of its own whose text is then written.
 */
function printNested(writer: CodeBlockWriter, value: TextOrWriter, before: () => void): void {
  if (typeof value === 'function') {
    const ops = recordWriter(value);
    if (ops !== undefined) {
      if (!isBlankText(ops))
        writer.hangingIndent(() => {
          before();
          replay(writer, ops);
        });
      return;
    }
  }
  const text = nestedText(writer, value);
  if (!isBlank(text))
    writer.hangingIndent(() => {
      before();
      writer.write(text);
    });
}

type Parameter = OptionalKind<ParameterDeclarationStructure>;

const PARAMETER_PROPERTIES = new Set<string>([
  'kind',
  'name',
  'hasQuestionToken',
  'isRestParameter',
  'type',
  'initializer',
  ...MODIFIER_PROPERTIES,
]);

/** `(a: A, b?: B)`: ts-morph's `printTextsWithParenthesis`. */
export function printParameters(
  writer: CodeBlockWriter,
  parameters: readonly Parameter[] | undefined,
  location: string,
): void {
  writer.write('(');
  if (parameters != null && parameters.length > 0)
    writer.hangingIndent(() =>
      printCommaList(writer, parameters, (parameter) => printParameter(writer, parameter, location), location),
    );
  writer.write(')');
}

function printParameter(writer: CodeBlockWriter, parameter: Parameter, location: string): void {
  const where = `${location} › parameter ${parameter.name}`;
  checkProperties(parameter, PARAMETER_PROPERTIES, 'a parameter', where);
  writer.closeComment();
  writer.write(
    `${modifiers(parameter)}${parameter.isRestParameter ? '...' : ''}${parameter.name}${parameter.hasQuestionToken ? '?' : ''}`,
  );
  printTyped(writer, ':', parameter.type, parameter.hasQuestionToken ? 'any' : undefined);
  printInitializer(writer, parameter.initializer);
}

type TypeParameter = string | OptionalKind<TypeParameterDeclarationStructure>;

const TYPE_PARAMETER_PROPERTIES = new Set(['kind', 'name', 'constraint', 'default']);

/** `<T, U extends X = Y>`: ts-morph's `printTextsWithBrackets`. */
export function printTypeParameters(
  writer: CodeBlockWriter,
  typeParameters: readonly TypeParameter[] | undefined,
  location: string,
): void {
  if (typeParameters == null || typeParameters.length === 0) return;
  writer.write('<');
  printCommaList(writer, typeParameters, (parameter) => printTypeParameter(writer, parameter, location), location);
  writer.write('>');
}

function printTypeParameter(writer: CodeBlockWriter, parameter: TypeParameter, location: string): void {
  if (typeof parameter === 'string') {
    writer.closeComment();
    writer.write(parameter);
    return;
  }
  checkProperties(parameter, TYPE_PARAMETER_PROPERTIES, 'a type parameter', `${location} › <${parameter.name}>`);
  writer.closeComment();
  writer.hangingIndent(() => {
    writer.write(parameter.name);
    const constraint = parameter.constraint == null ? '' : nestedText(writer, parameter.constraint as TextOrWriter);
    if (!isBlank(constraint)) writer.write(` extends ${constraint}`);
    const fallback = parameter.default == null ? '' : nestedText(writer, parameter.default as TextOrWriter);
    if (!isBlank(fallback)) writer.write(` = ${fallback}`);
  });
}
