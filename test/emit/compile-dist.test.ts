import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { compileDist } from '../../generator/emit/compile-dist.js';
import { emitSources } from '../../generator/emit/emit-package.js';
import type { OutputFile } from '../../generator/emit/output-file.js';
import { modelSpec } from '../../generator/model-spec.js';
import { ROOT } from '../helpers/paths.js';
import { HAS_OPENAI_SPEC, OPENAI_SPEC } from '../helpers/shared.js';
import { compileWithTypeScript } from '../helpers/typescript-compiler.js';

const sourcesOf = (spec: string): OutputFile[] => emitSources(modelSpec(spec, ROOT).model, 'sdkgen generate');
const byPath = (out: readonly OutputFile[]): Record<string, string> =>
  Object.fromEntries(out.map((f) => [f.path, f.contents]));

/**
 * A module's syntax tree as text: each node's kind around its children, the tokens without
 * trivia, string and number literals by value. Parentheses and commas are left out, as the
 * tree's shape already says what they say (oxc drops redundant parentheses and trailing
 * commas). TypeScript drops `override` from declarations, oxc keeps it; both are valid
 * declaration files, so it is left out too. This is what the two compilers must agree on.
 */
function syntax(path: string, text: string): string[] {
  const source = ts.createSourceFile(
    path,
    text,
    ts.ScriptTarget.ES2022,
    false,
    path.endsWith('.d.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS,
  );
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isParenthesizedExpression(node)) return visit(node.expression);
    if (node.kind === ts.SyntaxKind.SyntaxList) return node.getChildren(source).forEach(visit);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(JSON.stringify(node.text));
    else if (ts.isNumericLiteral(node)) out.push(String(Number(node.text)));
    else if (node.kind === ts.SyntaxKind.OverrideKeyword || node.kind === ts.SyntaxKind.CommaToken) return;
    else if (node.kind < ts.SyntaxKind.FirstNode || ts.isTemplateLiteralToken(node)) out.push(node.getText(source));
    else {
      out.push(`<${ts.SyntaxKind[node.kind]}`);
      for (const child of node.getChildren(source)) visit(child);
      out.push('>');
    }
  };
  visit(source);
  return out;
}

const specs = [
  'spec/openapi.yaml',
  ...['schema-language', 'multi-file', 'hostile', 'mock-shop', 'petstore-inferred'].map(
    (f) => `test/fixtures/${f}/openapi.yaml`,
  ),
];

describe('compileDist', () => {
  const files = sourcesOf('test/fixtures/schema-language/openapi.yaml');
  const compiled = byPath(compileDist(files));

  it('gives every src/ module its JavaScript and declarations', () => {
    const modules = files
      .filter((f) => f.path.startsWith('src/') && f.path.endsWith('.ts'))
      .map((f) => f.path.slice(4, -3));
    expect(Object.keys(compiled).sort()).toEqual(modules.flatMap((m) => [`dist/${m}.d.ts`, `dist/${m}.js`]).sort());
    expect(compiled['dist/index.js']).toContain('export');
    expect(compiled['dist/models.js']).toMatch(/export \{\};\n$/);
  });

  it('declares [Symbol.asyncIterator] members as they are, with no bogus index signature beside them', () => {
    for (const compiler of [undefined, compileWithTypeScript]) {
      const out = byPath(compileDist(files, compiler));
      expect(out['dist/core/pagination.d.ts']).toContain('[Symbol.asyncIterator](): AsyncIterator<Item>;');
      expect(out['dist/core/api-promise.d.ts']).toContain('[Symbol.asyncIterator](): AsyncIterator<Item>;');
      for (const [path, text] of Object.entries(out)) expect(text, path).not.toMatch(/\[x: number\]/);
    }
  });

  it('keeps private members private in declarations', () => {
    expect(compiled['dist/core/client.d.ts']).toContain('#private;');
    expect(compiled['dist/core/client.d.ts']).not.toMatch(/#(?!private)\w+/);
  });

  it('fails loudly on a module that needs a type checker to declare', () => {
    const bad: OutputFile = { path: 'src/bad.ts', contents: 'declare function g(): number;\nexport const x = g();\n' };
    expect(() => compileDist([bad])).toThrow(/src\/bad\.ts: .*explicit type annotation/);
    expect(() => compileDist([bad], compileWithTypeScript)).toThrow(/src\/bad\.ts/);
  });

  describe.each([...specs, ...(HAS_OPENAI_SPEC ? [OPENAI_SPEC] : [])])(
    'oxc and TypeScript give the same syntax tree: %s',
    (spec) => {
      const sources = sourcesOf(spec);
      const oxc = byPath(compileDist(sources));
      const typescript = byPath(compileDist(sources, compileWithTypeScript));

      it('on every file', () => {
        expect(Object.keys(oxc).sort()).toEqual(Object.keys(typescript).sort());
        for (const path of Object.keys(typescript))
          expect(syntax(path, oxc[path] as string), path).toEqual(syntax(path, typescript[path] as string));
      });
    },
  );
});
