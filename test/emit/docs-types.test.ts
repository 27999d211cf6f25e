import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import type { OperationModel, ResourceModel } from '../../generator/model/model.js';
import { planOf } from '../../generator/plan/plan.js';
import { ROOT } from '../helpers/paths.js';
import { CLIENT_SPECS } from '../helpers/shared.js';

/**
 * What the docs say a method returns is what its declaration says: api.md's signature of every
 * method, and `sdkgen plan`'s "→", against the return type of the function the package declares.
 * The docs name an inline object `object` where the declaration spells its fields out, and quote
 * string literals as JSON does; nothing else may differ.
 */
const SPECS = [...CLIENT_SPECS, 'test/fixtures/hostile/openapi.yaml'];

/** Every exported function's declared return type (the implementation's, after any overloads), by name. */
function declaredReturnTypes(files: readonly { path: string; contents: string }[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const file of files) {
    // Root operations' functions live in the client module, the others in their resource's.
    if (!file.path.startsWith('src/resources/') && file.path !== 'src/client.ts') continue;
    const source = ts.createSourceFile(file.path, file.contents, ts.ScriptTarget.ES2022, true);
    for (const statement of source.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.body !== undefined && statement.name !== undefined)
        types.set(statement.name.text, docsSpelling(statement.type?.getText(source) ?? ''));
    }
  }
  return types;
}

/** A declared type as docs spell it: on one line, inline object types as `object`. */
function docsSpelling(type: string): string {
  let text = type.replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ');
  // Innermost braces first, until none are left: `{ a: { b: string } }` → `object`.
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\{ \[key: string\]: ([^{}]*?);? \}/g, 'Record<string, $1>').replace(/\{[^{}]*\}/g, 'object');
  }
  return jsonQuoted(text).replace(/\bUploadable\b/g, 'Blob');
}

/** String literals quoted as JSON quotes them, whichever quotes they came in. */
function jsonQuoted(text: string): string {
  return text.replace(/'((?:[^'\\]|\\.)*)'/g, (_quoted, body: string) => JSON.stringify(body.replace(/\\'/g, "'")));
}

function operations(resource: ResourceModel): { call: string; operation: OperationModel }[] {
  return [
    ...resource.operations.map((operation) => ({
      call: ['client', ...resource.path, operation.name].join('.'),
      operation,
    })),
    ...resource.children.flatMap(operations),
  ];
}

/** `PagePromise<P, Item>` → `P`, `APIPromise<T>` → `T`: what awaiting the call gives. */
function awaited(returnType: string): string {
  const inner = returnType.replace(/^(APIPromise|PagePromise)<([\s\S]*)>$/, '$2');
  if (!returnType.startsWith('PagePromise<')) return inner;
  // The page type ends at the last top-level comma.
  let depth = 0;
  let cut = inner.length;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '<' || c === '(' || c === '[') depth++;
    else if (c === '>' || c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) cut = i;
  }
  return inner.slice(0, cut);
}

describe('docs state the types the code declares', () => {
  for (const spec of SPECS) {
    it(spec.replace(`${ROOT}/`, ''), () => {
      const { model, files } = generate({ spec, out: 'out', cwd: ROOT, dist: false });
      const declared = declaredReturnTypes(files);
      const apiDocs = files.find((f) => f.path === 'api.md')?.contents ?? '';
      const plan = new Map(planOf(model).methods.map((m) => [m.call, m.returns]));
      const mismatches: string[] = [];
      let compared = 0;
      for (const { call, operation } of operations(model.root)) {
        const code = declared.get(operation.functionName);
        if (code === undefined) {
          mismatches.push(`${call}: no declared function ${operation.functionName}`);
          continue;
        }
        const signature = apiDocs
          .split('\n')
          .find((line) => line.startsWith(`\`${call}(`))
          ?.replace(/^`[^`]*?\): ([\s\S]*)`$/, '$1');
        const planned = plan.get(call);
        if (signature === undefined || jsonQuoted(signature) !== code)
          mismatches.push(`${call}: api.md says ${signature}, the code ${code}`);
        if (planned === undefined || jsonQuoted(planned) !== awaited(code))
          mismatches.push(`${call}: sdkgen plan says ${planned}, the code ${awaited(code)}`);
        compared++;
      }
      expect(mismatches).toEqual([]);
      expect(compared).toBeGreaterThan(0);
    });
  }
});
