import type { OperationStreaming, TypeModel } from './model.js';
import type { OperationDraft } from './operations.js';
import type { SchemaConverter } from './schemas.js';
import { objectProperties } from './type-queries.js';

/**
 * How an operation streams: always, when events are its only answer; by the body's boolean
 * `stream` property, when it answers with JSON or events; otherwise not at all (an event
 * stream the request cannot ask for is left out, and the JSON answer stays the method's).
 */
export function streamingOf(schemas: SchemaConverter, draft: OperationDraft): OperationStreaming | undefined {
  const { events, format } = draft.response;
  if (events === undefined) return undefined;
  if (format === 'stream') return { mode: 'always', events };
  if (format !== 'json' || draft.body === undefined) return undefined;
  // Through $refs and allOf: openai's request bodies compose their fields.
  const flag = objectProperties(draft.body.type, (name) => schemas.lookup(name)).find((p) => p.name === 'stream');
  return flag !== undefined && acceptsTrue(flag.type) ? { mode: 'flag', events } : undefined;
}

function acceptsTrue(type: TypeModel): boolean {
  switch (type.kind) {
    case 'primitive':
      return type.name === 'boolean';
    case 'literal':
      return type.value === true;
    case 'union':
      return type.members.some(acceptsTrue);
    case 'array':
    case 'object':
    case 'ref':
    case 'intersection':
    case 'omit':
      return false;
    default: {
      const never: never = type;
      throw new Error(`unknown type kind ${JSON.stringify(never)}`);
    }
  }
}
