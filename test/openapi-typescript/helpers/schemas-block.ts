// The `schemas: { … }` block of an openapi-typescript file, as 7.13 prints it inside
// `components`, made from sdkgen's schemaType: for comparing with 7.13's expected files.
import { printDocs, printType, propertyName } from '../../../generator/emit/openapi-typescript/print-type.js';
import type { TypesOptions } from '../../../generator/model/openapi-typescript/options.js';
import { scanDiscriminators } from '../../../generator/model/openapi-typescript/schema-discriminators.js';
import { schemaDocs } from '../../../generator/model/openapi-typescript/schema-docs.js';
import { schemaType } from '../../../generator/model/openapi-typescript/schema-type.js';
import type { TsDeclaration } from '../../../generator/model/openapi-typescript/ts-type.js';
import { oapiRef } from './ots-7.13.js';
import { localResolver } from './schema-oracle.js';

const escapeSegment = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export function componentSchemasBlock(document: unknown, options: TypesOptions): string {
  const schemas = (document as { components?: { schemas?: Record<string, unknown> } }).components?.schemas ?? {};
  const resolve = localResolver(document);
  const discriminators = scanDiscriminators(document, resolve);
  const declarations: TsDeclaration[] = [];
  const members = Object.entries(schemas).map(([name, schema]) => {
    const pointer = `#/components/schemas/${escapeSegment(name)}`;
    const type = schemaType(schema, { options, pointer, declarations, resolve, refType: oapiRef, discriminators });
    return `${printDocs(schemaDocs(schema), 2)}        ${propertyName(name)}: ${printType(type, 2)};`;
  });
  return `    schemas: {\n${members.join('\n')}\n    };`;
}

/** The `    schemas: {` … `    };` lines of a 7.13 output file. */
export function schemasBlockOf(file: string): string {
  const start = file.indexOf('    schemas: {\n');
  const end = file.indexOf('\n    };', start);
  if (start === -1 || end === -1) throw new Error('no components.schemas block in the expected file');
  return file.slice(start, end + '\n    };'.length);
}
