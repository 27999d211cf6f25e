import type { CodeBlockWriter } from 'ts-morph';
import { declaredErrors } from '../../model/error-responses.js';
import type { ApiModel, OperationModel, TypeModel } from '../../model/model.js';
import { UNKNOWN, unionOf } from '../../model/types.js';
import { ImportSet } from '../imports.js';
import type { OutputFile } from '../output-file.js';
import { coreFile, FILES, moduleSpecifier } from '../paths.js';
import { printModule } from '../print-module.js';
import { referencedNames, writeType } from '../type-writer.js';
import { allResources } from './resource-file.js';

/** The runtime's error classes of a status, and the statuses each is thrown for. */
export const STATUS_ERRORS: readonly {
  readonly name: string;
  readonly statuses: (status: number) => boolean;
  readonly shown: string;
}[] = [
  { name: 'BadRequestError', statuses: (s) => s === 400, shown: '400' },
  { name: 'AuthenticationError', statuses: (s) => s === 401, shown: '401' },
  { name: 'PermissionDeniedError', statuses: (s) => s === 403, shown: '403' },
  { name: 'NotFoundError', statuses: (s) => s === 404, shown: '404' },
  { name: 'ConflictError', statuses: (s) => s === 409, shown: '409' },
  { name: 'UnprocessableEntityError', statuses: (s) => s === 422, shown: '422' },
  { name: 'RateLimitError', statuses: (s) => s === 429, shown: '429' },
  { name: 'InternalServerError', statuses: (s) => s >= 500, shown: '5xx' },
];

/**
 * The classes typed here. `APIError` itself stays as it is: it is also what a broken response or
 * a status no operation declares is thrown as, whose body can be anything.
 */
export const TYPED_ERRORS: readonly string[] = STATUS_ERRORS.map((e) => e.name);

/**
 * `src/errors.ts`: the runtime's error classes, each typed with the error bodies the spec declares
 * for its statuses (`404`, else `4XX`, else `default`, across every operation that declares one),
 * so that `err instanceof NotFoundError` narrows `err.error` to them. They are the runtime's own
 * classes at run time; only their types are more precise. A status no operation declares a body
 * for keeps `unknown`.
 */
export function emitErrorsFile(model: ApiModel, banner: string): OutputFile {
  const operations = [model.root, ...allResources(model)].flatMap((r) => r.operations);
  const imports = new ImportSet(FILES.errors);
  const bodies = STATUS_ERRORS.map((e) => ({ name: e.name, body: bodyOf(operations, e.statuses), shown: e.shown }));
  for (const { body } of bodies) for (const name of referencedNames(body)) imports.type(name, FILES.models);
  const statements = [
    banner,
    `import * as core from '${moduleSpecifier(FILES.errors, coreFile('errors'))}';`,
    ...imports.structures(),

    ...bodies.map(({ name, body, shown }) => (writer: CodeBlockWriter) => {
      writer.blankLineIfLastNot();
      writer.writeLine(`/** \`core.${name}\` (${shown}), with \`error\` typed by what the spec declares for it. */`);
      writer.write(`export const ${name} = core.${name} as core.WithBody<typeof core.${name}, `);
      writeType(writer, body);
      writer.write('>;').newLine();
      writer.writeLine(`export type ${name} = InstanceType<typeof ${name}>;`);
    }),
  ];
  return printModule(FILES.errors, statements);
}

/** The union of the bodies the operations declare for the statuses `matches`: each its own code's, else its range's, else its default. */
function bodyOf(operations: readonly OperationModel[], matches: (status: number) => boolean): TypeModel {
  const found = operations.flatMap((operation) => declaredErrors(operation, matches).map((e) => e.type));
  return found.length === 0 ? UNKNOWN : unionOf(found);
}
