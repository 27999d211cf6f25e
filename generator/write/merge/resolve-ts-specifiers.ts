import { type KeyedEntry, mergeKeyed } from './resolve-keyed-merge.js';
import { type ListEntry, parseStrict, typescript } from './resolve-ts-lists.js';

/** An import or export declaration's `{ … }`, read by the parser. */
interface NamedList {
  readonly text: string;
  /** Offsets of `{` and `}` in `text`. */
  readonly open: number;
  readonly close: number;
  readonly specifiers: readonly KeyedEntry[];
  readonly trailingComma: boolean;
  /** The declaration with the list taken out: what else a side changed. */
  readonly skeleton: string;
}

/**
 * Two sides changed the same `import { … } from 'm'` (or `export { … } from 'm'`): merges the
 * names in braces (both add, one removes), keeping the layout of the declaration it starts from.
 * Undefined when a name was changed both ways, or either side changed more than the list.
 */
export function combineSpecifiers(
  base: ListEntry | undefined,
  ours: ListEntry,
  theirs: ListEntry,
): ListEntry | undefined {
  const baseList = base === undefined ? undefined : namedList(base.text);
  const oursList = namedList(ours.text);
  const theirsList = namedList(theirs.text);
  if (oursList === undefined || theirsList === undefined || (base !== undefined && baseList === undefined))
    return undefined;
  const layout =
    oursList.skeleton === theirsList.skeleton || oursList.skeleton === baseList?.skeleton
      ? theirsList
      : theirsList.skeleton === baseList?.skeleton
        ? oursList
        : undefined;
  if (layout === undefined) return undefined;
  const specifiers = mergeKeyed(baseList?.specifiers ?? [], oursList.specifiers, theirsList.specifiers);
  if (specifiers === undefined) return undefined;
  const text = render(layout, specifiers);
  const from = layout === theirsList ? theirs : ours;
  return { key: from.key, text, lines: [...from.lines.slice(0, from.gap), ...text.split('\n')], gap: from.gap };
}

function namedList(text: string): NamedList | undefined {
  const ts = typescript();
  const source = parseStrict(text);
  const [statement, ...rest] = source?.statements ?? [];
  if (source === undefined || statement === undefined || rest.length > 0) return undefined;
  const list = ts.isImportDeclaration(statement)
    ? statement.importClause?.namedBindings
    : ts.isExportDeclaration(statement)
      ? statement.exportClause
      : undefined;
  if (list === undefined || !(ts.isNamedImports(list) || ts.isNamedExports(list))) return undefined;
  const open = list.getStart(source);
  const close = list.getEnd() - 1;
  return {
    text,
    open,
    close,
    specifiers: list.elements.map((element) => ({ key: element.name.text, text: element.getText(source) })),
    trailingComma: list.elements.hasTrailingComma,
    skeleton: text.slice(0, open + 1) + text.slice(close),
  };
}

/** The declaration with `specifiers` in its braces: one per line if it had them so, else on one line. */
function render(layout: NamedList, specifiers: readonly KeyedEntry[]): string {
  const inside = layout.text.slice(layout.open + 1, layout.close);
  const names = specifiers.map((specifier) => specifier.text);
  let braces: string;
  if (inside.includes('\n')) {
    const indent = /\n([ \t]*)\S/.exec(inside)?.[1] ?? '  ';
    const closing = /\n([ \t]*)$/.exec(inside)?.[1] ?? '';
    const comma = layout.trailingComma ? ',' : '';
    braces = `{\n${names.map((name) => indent + name).join(',\n')}${comma}\n${closing}}`;
  } else {
    const pad = inside.startsWith(' ') ? ' ' : '';
    braces = `{${pad}${names.join(', ')}${pad}}`;
  }
  return layout.text.slice(0, layout.open) + braces + layout.text.slice(layout.close + 1);
}
