import type { ApiModel } from '../../model/model.js';
import { schemaDeclaration } from '../declarations.js';
import type { OutputFile } from '../output-file.js';
import { coreFile, FILES, moduleSpecifier } from '../paths.js';
import { printModule } from '../print-module.js';
import { mentionsUpload } from '../type-writer.js';

/** `src/models.ts`: one exported type per named schema, in spec order. */
export function emitModelsFile(model: ApiModel, banner: string): OutputFile {
  const declarations = model.schemas.map((schema) => schemaDeclaration(schema.name, schema.docs, schema.type));
  // A schema of a file or bytes (`format: binary`) is whatever an upload may be made of.
  const uploads = model.schemas.some((schema) => mentionsUpload(schema.type))
    ? [`import type { Uploadable } from '${moduleSpecifier(FILES.models, coreFile('uploads'))}';`]
    : [];
  // Type declarations only: its declaration file is its own text.
  return printModule(
    FILES.models,
    [banner, ...uploads, ...declarations, ...(declarations.length === 0 ? ['export {};'] : [])],
    { typesOnly: true },
  );
}
