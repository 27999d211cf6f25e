import type { OperationModel, TypeModel } from '../model/model.js';
import { quote } from './literals.js';
import { typeText } from './markdown.js';

/**
 * A type as a sequence of fixed text and schema types: the one description of what a method
 * returns, which the emitter writes with its type writer and the docs and `sdkgen plan` print on
 * one line. Signature and docs cannot disagree on the shape (`Stream<…>`, `BinaryResponse<…>`,
 * `PagePromise<…>`), only spell schema types at different lengths.
 */
export type TypeParts = readonly (string | TypeModel)[];

/** What the call's promise gives once awaited: the page, the stream, the bytes or the body. */
export function awaitedParts(operation: OperationModel): TypeParts {
  const { pagination, streaming } = operation;
  if (pagination !== undefined) return pageParts(operation);
  if (streaming?.mode === 'always') return streamParts(streaming.events.item);
  if (streaming?.mode === 'flag') return [...streamParts(streaming.events.item), ' | ', ...responseParts(operation)];
  return responseParts(operation);
}

/** The declared return type of the method and of its function. */
export function returnParts(operation: OperationModel): TypeParts {
  if (operation.pagination !== undefined) return ['PagePromise<', ...pageTypeArguments(operation), '>'];
  return ['APIPromise<', ...awaitedParts(operation), '>'];
}

/** `NextCursorPage<ProjectGroup> & ProjectGroupList, ProjectGroup`: the page, and its item. */
export function pageTypeArguments(operation: OperationModel): TypeParts {
  const pagination = operation.pagination;
  return pagination === undefined ? [] : [...pageParts(operation), ', ', pagination.item];
}

/** The body's type alone: the JSON type, `void`, or the bytes. */
export function responseParts(operation: OperationModel): TypeParts {
  if (operation.response.format === 'binary') return [`BinaryResponse<${mediaTypesOf(operation)}>`];
  return [operation.response.type ?? 'void'];
}

export function streamParts(item: TypeModel): TypeParts {
  return ['Stream<', item, '>'];
}

/** `NextCursorPage<ProjectGroup> & ProjectGroupList`: the page class, with the envelope's fields. */
export function pageParts(operation: OperationModel): TypeParts {
  const pagination = operation.pagination;
  if (pagination === undefined) return [];
  const envelope = operation.response.type;
  const page: TypeParts = [`${pagination.pageClass.name}<`, pagination.item, '>'];
  return envelope !== undefined && pagination.envelope ? [...page, ' & ', envelope] : page;
}

/** `'video/mp4' | 'image/webp'`: the media types a binary answer may come as. */
export function mediaTypesOf(operation: OperationModel): string {
  const types = [
    ...new Set(operation.response.mediaTypes.map((type) => (type.split(';')[0] ?? '').trim().toLowerCase())),
  ];
  return types.length === 0 ? 'string' : types.map(quote).join(' | ');
}

/** The parts on one line, schema types as docs show them (`typeText`). */
export function partsText(parts: TypeParts): string {
  return parts.map((part) => (typeof part === 'string' ? part : typeText(part))).join('');
}
