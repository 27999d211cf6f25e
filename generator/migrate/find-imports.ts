/**
 * Every place a source file names a module: import and export declarations (type-only too),
 * `import x = require()`, `require()`, `import()`, `import('m').T` types, `declare module 'm'`,
 * and the test runners' module mocks (`vi.mock('m')`). Parsed with ts-morph, which only this
 * file loads, so that the CLI starts without the compiler.
 */
import { Node, Project, ts } from 'ts-morph';

export interface ModuleReference {
  /** The file, as shown in messages. */
  readonly file: string;
  readonly module: string;
  /** The string literal's text between its quotes: [start, end) in the file. */
  readonly start: number;
  readonly end: number;
}

/** Calls whose first argument names a module. */
const MODULE_CALLS = new Set([
  'require',
  'import',
  'require.resolve',
  'vi.mock',
  'vi.doMock',
  'vi.unmock',
  'vi.doUnmock',
  'vi.importActual',
  'vi.importMock',
  'jest.mock',
  'jest.doMock',
  'jest.unmock',
  'jest.dontMock',
  'jest.requireActual',
  'jest.requireMock',
]);

/** The module references of `files` whose module satisfies `wanted`, in file order. */
export function findModuleReferences(
  files: readonly { readonly shown: string; readonly text: string }[],
  wanted: (module: string) => boolean,
): ModuleReference[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve },
  });
  const found: ModuleReference[] = [];
  for (const { shown, text } of files) {
    for (const block of scriptBlocks(shown, text)) {
      const source = project.createSourceFile(`/${shown}${block.suffix}`, block.text, { overwrite: true });
      source.forEachDescendant((node) => {
        const literal = moduleLiteral(node);
        if (literal === undefined || !wanted(literal.getLiteralValue())) return;
        found.push({
          file: shown,
          module: literal.getLiteralValue(),
          start: block.offset + literal.getStart() + 1,
          end: block.offset + literal.getEnd() - 1,
        });
      });
      project.removeSourceFile(source);
    }
  }
  return found;
}

/** Files whose code sits in blocks of markup: Vue and Svelte `<script>`s, Astro's frontmatter. */
const COMPONENT_FILE = /\.(?:vue|svelte|astro)$/;

/**
 * The code of a file, as blocks at their offsets: the whole of a script module, the `<script>`
 * elements of a Vue or Svelte component, the frontmatter and `<script>`s of an Astro one.
 */
function scriptBlocks(shown: string, text: string): { text: string; offset: number; suffix: string }[] {
  if (!COMPONENT_FILE.test(shown)) return [{ text, offset: 0, suffix: '' }];
  const blocks: { text: string; offset: number; suffix: string }[] = [];
  const frontmatter = shown.endsWith('.astro') ? /^---\r?\n([\s\S]*?)\r?\n---/.exec(text) : null;
  if (frontmatter !== null)
    blocks.push({ text: frontmatter[1] as string, offset: frontmatter[0].indexOf('\n') + 1, suffix: '.0.ts' });
  for (const script of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const body = script[1] as string;
    blocks.push({
      text: body,
      offset: (script.index as number) + script[0].indexOf('>') + 1,
      suffix: `.${blocks.length + 1}.ts`,
    });
  }
  return blocks;
}

type ModuleLiteral = import('ts-morph').StringLiteral | import('ts-morph').NoSubstitutionTemplateLiteral;

function moduleLiteral(node: Node): ModuleLiteral | undefined {
  if (Node.isImportDeclaration(node) || Node.isExportDeclaration(node)) return asLiteral(node.getModuleSpecifier());
  if (Node.isExternalModuleReference(node)) return asLiteral(node.getExpression());
  if (Node.isImportTypeNode(node)) {
    const argument = node.getArgument();
    return Node.isLiteralTypeNode(argument) ? asLiteral(argument.getLiteral()) : undefined;
  }
  if (Node.isModuleDeclaration(node)) return asLiteral(node.getNameNode());
  if (Node.isCallExpression(node) && MODULE_CALLS.has(node.getExpression().getText()))
    return asLiteral(node.getArguments()[0]);
  return undefined;
}

function asLiteral(node: Node | undefined): ModuleLiteral | undefined {
  return Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) ? node : undefined;
}
