// Request bodies, responses, headers and media types, as openapi-typescript 7.13 prints them:
// `content` keyed by media type, response `headers` open to any other header.

import type { DocumentContext } from './document-context.js';
import { joinPointer } from './pointer.js';
import { entriesOf, isRawObject, isRef } from './raw.js';
import { refType } from './ref-type.js';
import { docsOf } from './schema-docs-of.js';
import { NEVER, UNKNOWN } from './ts-build.js';
import type { TsMember, TsType } from './ts-type.js';

/** `{ content: { "application/json": … } }`; `"*\/*"?: never` when no media type is given. */
export function requestBodyType(body: unknown, pointer: string, context: DocumentContext): TsType {
  const readonly = context.options.immutable === true;
  const members = contentMembers(isRawObject(body) ? body['content'] : undefined, pointer, context, 'schema');
  const content: TsType = {
    kind: 'object',
    members: members.length > 0 ? members : [{ name: '*/*', optional: true, readonly: false, type: NEVER }],
  };
  return { kind: 'object', members: [{ name: 'content', optional: false, readonly, type: content }] };
}

/** `{ 200: …; 404: components["responses"]["NotFound"] }`, or `never` for no responses. */
export function responsesType(responses: unknown, pointer: string, context: DocumentContext): TsType {
  const readonly = context.options.immutable === true;
  const members: TsMember[] = entriesOf(responses, context.options).map(([code, response]) => ({
    name: code,
    optional: false,
    readonly,
    type: isRef(response)
      ? refType(response.$ref)
      : responseType(response, joinPointer(pointer, 'responses', code), context),
    docs: docsOf(response),
  }));
  return members.length > 0 ? { kind: 'object', members } : NEVER;
}

/** `{ headers: { …; [name: string]: unknown }; content: { … } }`, `content?: never` when it has none. */
export function responseType(response: unknown, pointer: string, context: DocumentContext): TsType {
  const readonly = context.options.immutable === true;
  const record = isRawObject(response) ? response : {};
  const headers: TsMember[] = entriesOf(record['headers'], context.options).map(([name, header]) => ({
    name,
    optional: !isRef(header) && !(isRawObject(header) && header['required']),
    readonly,
    type: isRef(header) ? refType(header.$ref) : headerType(header, joinPointer(pointer, 'headers', name), context),
    docs: docsOf(header),
  }));
  const members: TsMember[] = [
    {
      name: 'headers',
      optional: false,
      readonly: false,
      type: { kind: 'object', members: headers, index: { key: 'name', type: UNKNOWN, readonly } },
    },
  ];
  // 7.13 reads a `$ref` in a response's content as a Media Type Object without a schema: `unknown`.
  const content = contentMembers(record['content'], pointer, context, 'unknown');
  members.push(
    content.length > 0
      ? { name: 'content', optional: false, readonly: false, type: { kind: 'object', members: content } }
      : { name: 'content', optional: true, readonly: false, type: NEVER },
  );
  return { kind: 'object', members };
}

/** A Header Object: its schema's type, or its content's, or `unknown`. */
export function headerType(header: unknown, pointer: string, context: DocumentContext): TsType {
  if (!isRawObject(header)) return UNKNOWN;
  if (header['schema'] !== undefined && header['schema'] !== null) return context.schema(header['schema'], pointer);
  if (!isRawObject(header['content'])) return UNKNOWN;
  const readonly = context.options.immutable === true;
  const members: TsMember[] = entriesOf(header['content'], context.options).map(([mediaType, media]) => {
    // 7.13 appends the media type to the pointer unescaped, without `content`.
    const next = `${pointer}/${mediaType.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    return {
      name: mediaType,
      optional: false,
      readonly,
      type: isRef(media) ? context.schema(media, next) : mediaTypeType(media, next, context),
      docs: docsOf(media),
    };
  });
  return { kind: 'object', members };
}

/** `refAs`: how a `$ref` in place of a Media Type Object reads (as a schema, or as nothing). */
function contentMembers(
  content: unknown,
  pointer: string,
  context: DocumentContext,
  refAs: 'schema' | 'unknown',
): TsMember[] {
  const readonly = context.options.immutable === true;
  return entriesOf(content, context.options).map(([mediaType, media]) => {
    const next = joinPointer(pointer, 'content', mediaType);
    return {
      name: mediaType,
      optional: false,
      readonly,
      type: isRef(media) && refAs === 'schema' ? context.schema(media, next) : mediaTypeType(media, next, context),
      docs: docsOf(media),
    };
  });
}

function mediaTypeType(media: unknown, pointer: string, context: DocumentContext): TsType {
  if (!isRawObject(media) || !media['schema']) return UNKNOWN;
  return context.schema(media['schema'], pointer);
}
