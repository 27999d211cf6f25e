/**
 * The exported types of a page class that declares its fields (`params`, `response`: a
 * Stainless scheme's `request` and `response`), as the published SDK has them:
 * `PageParams` (every request field optional) and `PageResponse<Item>`. Their names are
 * claimed after the component schemas', so a schema never moves aside for them.
 */

import type { SpecFile } from '../load/spec-file.js';
import type { DeclaredPageClass } from './extensions.js';
import type { PageClassModel, PageFieldDefault, PageTypeModel, TypeModel } from './model.js';
import type { NameRegistry } from './names.js';
import type { SchemaConverter } from './schemas.js';

export function withPageTypes(
  classes: ReadonlyMap<string, DeclaredPageClass>,
  schemas: SchemaConverter,
  names: NameRegistry,
  file: SpecFile,
): Map<string, PageClassModel> {
  const typed = new Map<string, PageClassModel>();
  for (const [key, { rawParams, rawResponse, ...pageClass }] of classes) {
    const params =
      rawParams === undefined ? undefined : pageType(schemas, names, file, `${pageClass.name}Params`, rawParams);
    const declared =
      rawResponse === undefined ? undefined : pageType(schemas, names, file, `${pageClass.name}Response`, rawResponse);
    const fieldDefaults = (declared?.properties ?? []).flatMap((property): PageFieldDefault[] => {
      const value = missingValue(property.type);
      return value === undefined ? [] : [{ name: property.name, type: property.type, value }];
    });
    const defaulted = new Set(fieldDefaults.map((field) => field.name));
    // A field the page fills when the body lacks it is always there: required, as the published types have it.
    const response =
      declared === undefined
        ? undefined
        : {
            ...declared,
            properties: declared.properties.map((p) => (defaulted.has(p.name) ? { ...p, required: true } : p)),
          };
    typed.set(key, {
      ...pageClass,
      ...(params === undefined
        ? {}
        : { params: { ...params, properties: params.properties.map((p) => ({ ...p, required: false })) } }),
      ...(response === undefined ? {} : { response }),
      ...(fieldDefaults.length === 0 ? {} : { fieldDefaults }),
    });
  }
  return typed;
}

function pageType(
  schemas: SchemaConverter,
  names: NameRegistry,
  file: SpecFile,
  wanted: string,
  raw: Record<string, unknown>,
): PageTypeModel {
  const type = schemas.convert(raw, file);
  return { name: names.claim(wanted), properties: schemas.objectOf(type)?.properties ?? [] };
}

/**
 * What a Stainless page holds for a declared field its body lacks: its generated constructor
 * reads `body.field || <empty>`, the empty value of a string, number, boolean or array. A field
 * of another type (an object, a union) has no such value and stays as the body has it.
 */
function missingValue(type: TypeModel): PageFieldDefault['value'] | undefined {
  if (type.kind === 'array') return [];
  if (type.kind !== 'primitive') return undefined;
  const name = type.name;
  switch (name) {
    case 'string':
      return '';
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'null':
    case 'unknown':
    case 'Blob':
      return undefined;
    default: {
      const never: never = name;
      return never;
    }
  }
}
