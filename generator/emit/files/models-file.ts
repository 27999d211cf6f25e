import type { Project, SourceFile } from 'ts-morph';
import type { ApiModel } from '../../model/model.js';
import { schemaDeclaration } from '../declarations.js';
import { FILES } from '../paths.js';

/** `src/models.ts`: one exported type per named schema, in spec order. */
export function emitModelsFile(project: Project, model: ApiModel, banner: string): SourceFile {
  const declarations = model.schemas.map((schema) => schemaDeclaration(schema.name, schema.docs, schema.type));
  return project.createSourceFile(
    FILES.models,
    { statements: [banner, ...declarations, ...(declarations.length === 0 ? ['export {};'] : [])] },
    { overwrite: true },
  );
}
