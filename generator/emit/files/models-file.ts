import { StructureKind, type Project, type SourceFile, type StatementStructures } from 'ts-morph';
import type { ApiModel, NamedSchema, PropertyModel } from '../../model/model.js';
import { describe, fieldTags, jsDoc } from '../doc-comments.js';
import { propertyKey } from '../literals.js';
import { FILES } from '../paths.js';
import { writeType } from '../type-writer.js';

/** `src/models.ts`: one exported type per named schema, in spec order. */
export function emitModelsFile(project: Project, model: ApiModel, banner: string): SourceFile {
  return project.createSourceFile(FILES.models, { statements: [banner, ...model.schemas.map(schemaStatement)] }, { overwrite: true });
}

function schemaStatement(schema: NamedSchema): StatementStructures {
  const docs = jsDoc(describe(schema.docs), fieldTags(schema.docs));
  const { type } = schema;
  if (type.kind === 'object' && type.properties.length > 0) {
    // Interfaces, not aliases: they show by name in editors and error messages.
    return {
      kind: StructureKind.Interface,
      name: schema.name,
      isExported: true,
      docs,
      properties: type.properties.map(propertySignature),
      indexSignatures: type.additional === undefined ? [] : [{ keyName: 'key', keyType: 'string', returnType: 'unknown' }],
    };
  }
  return { kind: StructureKind.TypeAlias, name: schema.name, isExported: true, docs, type: (writer) => writeType(writer, type) };
}

export function propertySignature(property: PropertyModel): {
  name: string;
  hasQuestionToken: boolean;
  isReadonly: boolean;
  type: (writer: Parameters<typeof writeType>[0]) => void;
  docs: ReturnType<typeof jsDoc>;
} {
  return {
    name: propertyKey(property.name),
    hasQuestionToken: !property.required,
    isReadonly: property.readOnly,
    type: (writer) => writeType(writer, property.type),
    docs: jsDoc(property.docs.description, fieldTags(property.docs)),
  };
}
