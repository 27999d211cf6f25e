/**
 * The exported types of a page class that declares its fields (`params`, `response`: a
 * Stainless scheme's `request` and `response`), as the published SDK has them:
 * `PageParams` (every request field optional) and `PageResponse<Item>`. Their names are
 * claimed after the component schemas', so a schema never moves aside for them.
 */

import type { SpecFile } from '../load/spec-file.js';
import type { DeclaredPageClass } from './extensions.js';
import type { PageClassModel, PageTypeModel } from './model.js';
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
    const response =
      rawResponse === undefined ? undefined : pageType(schemas, names, file, `${pageClass.name}Response`, rawResponse);
    typed.set(key, {
      ...pageClass,
      ...(params === undefined
        ? {}
        : { params: { ...params, properties: params.properties.map((p) => ({ ...p, required: false })) } }),
      ...(response === undefined ? {} : { response }),
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
