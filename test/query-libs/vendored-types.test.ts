import { join } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/** Every diagnostic tsc reports for the project of `tsconfig`, one formatted line each. */
function typeErrors(tsconfig: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (parsed === undefined) throw new Error(`cannot read ${tsconfig}`);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) =>
    ts.formatDiagnostic(diagnostic, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => ROOT,
      getNewLine: () => '\n',
    }),
  );
}

// openapi-react-query's own test file asserts types (expectTypeOf, assertType, @ts-expect-error)
// that only tsc checks, and it is written for that project's compiler options (no
// exactOptionalPropertyTypes, unused locals allowed): the root `tsc -p .` leaves its folder out
// and this checks it under its own tsconfig, with the client it is given.
it("openapi-react-query's own tests type-check against the client they are given", () => {
  expect(typeErrors(join(ROOT, 'test/query-libs/openapi-react-query/tsconfig.json'))).toEqual([]);
});
