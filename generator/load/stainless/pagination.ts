import { isRecord } from '../validate-document.js';
import { type Conversion, readKeys } from './context.js';

/** Stainless's scheme types, and sdkgen's page class type for each (docs/extensions.md). */
const TYPES: Readonly<Record<string, string>> = {
  cursor: 'cursor',
  cursor_id: 'item-id',
  cursor_url: 'next-url',
  offset: 'offset',
  page_number: 'page-number',
};

/**
 * `x-stainless-pagination-property` purposes sdkgen reads, by where they are. The ones it
 * needs not (the current page's number, the offset a page starts at, the previous cursor) are
 * known too, so that they are not mistaken for typos.
 */
const REQUEST_PURPOSES = new Set([
  'next_cursor_param',
  'next_cursor_id_param',
  'offset_count_param',
  'page_number_param',
  'previous_cursor_param',
  'previous_cursor_id_param',
  'page_size_param',
]);
const RESPONSE_PURPOSES = new Set([
  'items',
  'next_cursor_field',
  'cursor_url_field',
  'next_url_field',
  'offset_total_count_field',
  'offset_count_start_field',
  'total_page_count_field',
  'current_page_number_field',
  'has_next_page',
  'previous_cursor_field',
  'cursor_item_id',
]);

/** Where each purpose is: a request parameter's name, or a response field's (dotted) path. */
type Purposes = Map<string, string>;

/**
 * `pagination:` schemes become the root `x-sdkgen-pagination` page classes, named in
 * Stainless's PascalCase (`cursor_page` → `CursorPage`). Each list whose operation takes the
 * class's parameter and answers with its fields pages by it (the model applies declared
 * classes to the lists that fit them).
 */
export function readPagination(conversion: Conversion, schemes: unknown, container: Record<string, unknown>): void {
  if (!Array.isArray(schemes)) {
    conversion.error(
      'stainless-invalid',
      '`pagination` must be a list of schemes (name, type, request, response).',
      container,
      'pagination',
    );
    return;
  }
  const classes: Record<string, unknown> = {};
  schemes.forEach((scheme, index) => {
    if (!isRecord(scheme)) {
      conversion.error(
        'stainless-invalid',
        'A pagination scheme must be a mapping (name, type, request, response).',
        schemes,
        index,
      );
      return;
    }
    const page = readScheme(conversion, scheme, `pagination[${index}]`);
    if (page !== undefined) classes[page.name] = page.value;
  });
  if (Object.keys(classes).length > 0)
    conversion.act({ target: '$', update: { 'x-sdkgen-pagination': classes } }, container, 'pagination');
}

function readScheme(
  conversion: Conversion,
  scheme: Record<string, unknown>,
  where: string,
): { name: string; value: Record<string, unknown> } | undefined {
  const { name, type } = scheme;
  readKeys(conversion, scheme, where, { name: () => {}, type: () => {}, request: () => {}, response: () => {} }, [
    'description',
  ]);
  if (typeof name !== 'string' || name === '') {
    conversion.error('stainless-invalid', 'A pagination scheme needs a `name`.', scheme);
    return undefined;
  }
  const pageType = typeof type === 'string' && Object.hasOwn(TYPES, type) ? TYPES[type] : undefined;
  if (pageType === undefined) {
    conversion.unsupported(
      scheme,
      'type',
      `${where}.type`,
      `sdkgen pages by ${Object.keys(TYPES).join(', ')}, not ${JSON.stringify(type)}.`,
    );
    return undefined;
  }
  const request = isRecord(scheme['request']) ? scheme['request'] : {};
  const response = isRecord(scheme['response']) ? scheme['response'] : {};
  const requested: Purposes = new Map();
  for (const [param, schema] of Object.entries(request)) {
    const purpose = purposeOf(conversion, schema, REQUEST_PURPOSES);
    if (purpose !== undefined) requested.set(purpose, param);
  }
  const answered: Purposes = new Map();
  collectFields(conversion, response, [], answered);
  const items = answered.get('items') ?? onlyArray(response);
  if (items === undefined) {
    conversion.error(
      'stainless-invalid',
      `Pagination scheme \`${name}\` has no response field with \`purpose: items\`.`,
      scheme,
      'response',
    );
    return undefined;
  }
  if (items.includes('.')) {
    conversion.unsupported(
      scheme,
      'response',
      `${where}.response`,
      `sdkgen reads a page's items from a top-level field, not \`${items}\`.`,
    );
    return undefined;
  }
  const hasMore = answered.get('has_next_page') ?? (isRecord(response['has_more']) ? 'has_more' : undefined);
  const value: Record<string, unknown> = { type: pageType, items, ...(hasMore === undefined ? {} : { hasMore }) };
  // The published SDK exports `<Class>Params` (the request fields, optional) and `<Class>Response<Item>`.
  const schemas = pageSchemas(request, response);
  const need = (key: string, purpose: string, from: Purposes, fallback?: string): boolean => {
    const found = from.get(purpose) ?? fallback;
    if (found === undefined) {
      conversion.error(
        'stainless-invalid',
        `Pagination scheme \`${name}\` (${String(type)}) needs a ${from === requested ? 'request parameter' : 'response field'} with \`purpose: ${purpose}\`.`,
        scheme,
        from === requested ? 'request' : 'response',
      );
      return false;
    }
    value[key] = found;
    return true;
  };
  const optional = (key: string, purpose: string): void => {
    const found = answered.get(purpose);
    if (found !== undefined) value[key] = found;
  };
  switch (pageType) {
    // Where no field says its purpose, the one field that can be it is taken, as in Stainless's
    // own template (`request: {cursor, limit}`, `response: {data, next_cursor}`).
    case 'cursor':
      if (
        !need('cursorField', 'next_cursor_field', answered, onlyOf(response, 'string', items)) ||
        !need('cursorParam', 'next_cursor_param', requested, onlyOf(request, 'string'))
      )
        return undefined;
      break;
    case 'item-id':
      value['idField'] = answered.get('cursor_item_id')?.split('.').at(-1) ?? 'id';
      if (!need('cursorParam', 'next_cursor_id_param', requested, onlyOf(request, 'string'))) return undefined;
      break;
    case 'next-url':
      if (
        !need(
          'urlField',
          'cursor_url_field',
          answered,
          answered.get('next_url_field') ?? onlyOf(response, 'string', items),
        )
      )
        return undefined;
      break;
    case 'offset':
      if (!need('offsetParam', 'offset_count_param', requested, named(request, 'offset'))) return undefined;
      optional('total', 'offset_total_count_field');
      break;
    case 'page-number':
      if (!need('pageParam', 'page_number_param', requested, named(request, 'page'))) return undefined;
      optional('totalPages', 'total_page_count_field');
      break;
    default:
      throw new Error(`unknown page type ${pageType}`);
  }
  return { name: conversion.pascal(name), value: { ...value, ...schemas } };
}

/** The request and response fields as object schemas, without Stainless's purpose annotations. */
function pageSchemas(request: Record<string, unknown>, response: Record<string, unknown>): Record<string, unknown> {
  const object = (fields: Record<string, unknown>, required: boolean): Record<string, unknown> => ({
    type: 'object',
    properties: withoutPurposes(fields),
    ...(required && Object.keys(fields).length > 0 ? { required: Object.keys(fields) } : {}),
  });
  return {
    ...(Object.keys(request).length > 0 ? { params: object(request, false) } : {}),
    ...(Object.keys(response).length > 0 ? { response: object(response, true) } : {}),
  };
}

/** A copy of a JSON schema with every `x-stainless-pagination-property` left out (sdkgen read them already). */
function withoutPurposes<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(withoutPurposes) as T;
  if (!isRecord(schema)) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => key !== 'x-stainless-pagination-property')
      .map(([key, value]) => [key, withoutPurposes(value)]),
  ) as T;
}

/** The purposes of a response's fields, nested objects' fields as dotted paths; an item's `cursor_item_id` too. */
function collectFields(
  conversion: Conversion,
  properties: Record<string, unknown>,
  prefix: readonly string[],
  into: Purposes,
): void {
  for (const [field, schema] of Object.entries(properties)) {
    const path = [...prefix, field];
    const purpose = purposeOf(conversion, schema, RESPONSE_PURPOSES);
    if (purpose !== undefined) into.set(purpose, path.join('.'));
    if (!isRecord(schema)) continue;
    if (isRecord(schema['properties'])) collectFields(conversion, schema['properties'], path, into);
    const item = schema['items'];
    if (isRecord(item) && isRecord(item['properties'])) {
      // Only the id field of an item matters: it is the cursor of `cursor_id` schemes.
      const ids: Purposes = new Map();
      collectFields(conversion, item['properties'], [], ids);
      const id = ids.get('cursor_item_id');
      if (id !== undefined) into.set('cursor_item_id', id);
    }
  }
}

function purposeOf(conversion: Conversion, schema: unknown, known: ReadonlySet<string>): string | undefined {
  if (!isRecord(schema)) return undefined;
  const property = schema['x-stainless-pagination-property'];
  if (!isRecord(property)) return undefined;
  const purpose = property['purpose'];
  if (typeof purpose === 'string' && known.has(purpose)) return purpose;
  if (purpose === undefined) {
    for (const key of Object.keys(property))
      conversion.unsupported(property, key, `x-stainless-pagination-property.${key}`);
    return undefined;
  }
  conversion.unsupported(
    property,
    'purpose',
    'x-stainless-pagination-property.purpose',
    `sdkgen does not know the purpose ${JSON.stringify(purpose)} here.`,
  );
  return undefined;
}

/** The one field of `type` (but `except`), if there is exactly one. */
function onlyOf(fields: Record<string, unknown>, type: string, except?: string): string | undefined {
  const matching = Object.entries(fields).filter(
    ([name, schema]) => name !== except && isRecord(schema) && [schema['type']].flat().includes(type),
  );
  return matching.length === 1 ? matching[0]?.[0] : undefined;
}

function named(fields: Record<string, unknown>, name: string): string | undefined {
  return Object.hasOwn(fields, name) ? name : undefined;
}

/** The one array field of a response, the items where no field says it is. */
function onlyArray(response: Record<string, unknown>): string | undefined {
  const arrays = Object.entries(response).filter(([, schema]) => isRecord(schema) && schema['type'] === 'array');
  return arrays.length === 1 ? arrays[0]?.[0] : undefined;
}
