import type { ApiModel } from '../../model/model.js';
import { schemaDeclaration } from '../declarations.js';
import { FILES } from '../paths.js';
import type { OutputFile } from '../output-file.js';
import { printModule } from '../print-module.js';

/** `src/models.ts`: one exported type per named schema, in spec order. */
export function emitModelsFile(model: ApiModel, banner: string): OutputFile {
  const declarations = model.schemas.map((schema) => schemaDeclaration(schema.name, schema.docs, schema.type));
  // Type declarations only: its declaration file is its own text.
  return printModule(FILES.models, [banner, ...declarations, ...(declarations.length === 0 ? ['export {};'] : [])], { typesOnly: true });
}
