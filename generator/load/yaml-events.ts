import {
  boolCoreTag,
  constructFromEvents,
  CORE_SCHEMA,
  EVENT_ID,
  floatCoreTag,
  getScalarValue,
  intCoreTag,
  NOT_RESOLVED,
  nullCoreTag,
  parseEvents,
  SCALAR_STYLE,
  type Event,
  type ScalarEvent,
} from 'js-yaml';
import type { NodeOffsets } from './spec-file.js';

/** The core schema's implicit scalar tags, in the order js-yaml tries them on a plain scalar. */
const IMPLICIT_TAGS = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag] as const;
/** First characters a plain key needs for a tag above to resolve it to a non-string; `undefined`: any. */
const RESOLVABLE_FIRST_CHARS: ReadonlySet<string> | undefined = IMPLICIT_TAGS.some((tag) => tag.implicitFirstChars === null)
  ? undefined
  : new Set(IMPLICIT_TAGS.flatMap((tag) => tag.implicitFirstChars ?? []));

/**
 * Reads YAML with js-yaml's event parser and records where every mapping, list and entry is.
 * On openai.yaml (3 MB) this takes about 0.1 s where the `yaml` package's `parseDocument`
 * takes about 0.55 s, and parsing was most of a generation's critical path.
 *
 * Values come from js-yaml's own constructor (core schema, no merge keys, duplicate keys
 * refused, `__proto__` kept a plain key); offsets come from walking its event stream beside them.
 * Returns `undefined` whenever js-yaml refuses the text: the caller then reads it with the
 * `yaml` package, which reports every error with its position.
 */
export function readYamlFast(text: string): { value: unknown; offsets: WeakMap<object, NodeOffsets> } | undefined {
  try {
    const events = parseEvents(text, {});
    const documents = constructFromEvents(events, { source: text, schema: CORE_SCHEMA });
    if (documents.length !== 1) return undefined;
    const value = documents[0];
    const offsets = new WeakMap<object, NodeOffsets>();
    new PositionWalk(text, events, offsets).document(value);
    return { value, offsets };
  } catch {
    return undefined;
  }
}

/** Walks the events of one document in step with the value built from them. */
class PositionWalk {
  readonly #text: string;
  readonly #events: readonly Event[];
  readonly #offsets: WeakMap<object, NodeOffsets>;
  #at = 0;
  /** Where the last scalar read ends: an empty value's position is found after it. */
  #scalarEnd = 0;

  constructor(text: string, events: readonly Event[], offsets: WeakMap<object, NodeOffsets>) {
    this.#text = text;
    this.#events = events;
    this.#offsets = offsets;
  }

  document(value: unknown): void {
    if (this.#next().type !== EVENT_ID.DOCUMENT) throw new Error('expected a document event');
    this.#node(value);
  }

  /**
   * Consumes one node's events and returns where it starts, or -1 for an empty scalar;
   * records offsets for `value` when it is the collection built from them.
   */
  #node(value: unknown): number {
    const event = this.#next();
    switch (event.type) {
      case EVENT_ID.SCALAR:
        if (event.valueEnd !== -1) this.#scalarEnd = event.valueEnd;
        return scalarStart(this.#text, event);
      case EVENT_ID.ALIAS:
        return event.anchorStart - 1; // the `*`
      case EVENT_ID.SEQUENCE:
        this.#sequence(event.start, Array.isArray(value) ? value : undefined);
        return event.start;
      case EVENT_ID.MAPPING:
        this.#mapping(event.start, isRecord(value) ? value : undefined);
        return event.start;
      case EVENT_ID.DOCUMENT:
      case EVENT_ID.POP:
        throw new Error(`unexpected event ${event.type}`);
      default:
        return assertNever(event);
    }
  }

  #sequence(start: number, items: readonly unknown[] | undefined): void {
    const entries = new Map<string, { key: number; value: number }>();
    for (let index = 0; !this.#atPop(); index++) {
      const node = this.#node(items?.[index]);
      const offset = node === -1 ? start : node;
      entries.set(String(index), { key: offset, value: offset });
    }
    if (items !== undefined) this.#offsets.set(items, { start, entries });
  }

  #mapping(start: number, object: Record<string, unknown> | undefined): void {
    const entries = new Map<string, { key: number; value: number }>();
    while (!this.#atPop()) {
      const keyEvent = this.#events[this.#at];
      const key = keyEvent?.type === EVENT_ID.SCALAR ? this.#keyOf(keyEvent) : undefined;
      const keyNode = this.#node(undefined);
      const keyOffset = keyNode === -1 ? start : keyNode; // an empty key: the mapping's place
      const keyEnd = this.#scalarEnd;
      const own = key !== undefined && object !== undefined && Object.hasOwn(object, key);
      let valueOffset = this.#node(own ? object[key] : undefined);
      // An empty value is where the `yaml` package puts it: just after the key's colon.
      if (valueOffset === -1) valueOffset = this.#text.indexOf(':', keyEnd) + 1 || keyOffset;
      if (own) entries.set(key, { key: keyOffset, value: valueOffset });
    }
    if (object !== undefined) this.#offsets.set(object, { start, entries });
  }

  /** The property name js-yaml's `{}` map gives a scalar key: `String` of its resolved value. */
  #keyOf(event: ScalarEvent): string {
    const source = getScalarValue(this.#text, event);
    if (event.style !== SCALAR_STYLE.PLAIN || event.tagStart !== -1) return source;
    if (RESOLVABLE_FIRST_CHARS !== undefined && !RESOLVABLE_FIRST_CHARS.has(source.charAt(0))) return source;
    for (const tag of IMPLICIT_TAGS) {
      const value = tag.resolve(source, false, tag.tagName);
      if (value !== NOT_RESOLVED) return String(value);
    }
    return source;
  }

  #atPop(): boolean {
    const event = this.#events[this.#at];
    if (event === undefined) throw new Error('unterminated collection');
    if (event.type !== EVENT_ID.POP) return false;
    this.#at++;
    return true;
  }

  #next(): Event {
    const event = this.#events[this.#at++];
    if (event === undefined) throw new Error('unexpected end of events');
    return event;
  }
}

/**
 * Where a scalar starts as the `yaml` package counts it: at an opening quote, at a block
 * scalar's `|` or `>` indicator; -1 for an empty scalar.
 */
function scalarStart(text: string, event: ScalarEvent): number {
  switch (event.style) {
    case SCALAR_STYLE.PLAIN:
      return event.valueStart;
    case SCALAR_STYLE.SINGLE_QUOTED:
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return event.valueStart - 1;
    case SCALAR_STYLE.LITERAL_BLOCK:
    case SCALAR_STYLE.FOLDED_BLOCK:
      return blockIndicator(text, event.valueStart);
    default:
      return assertNever(event.style);
  }
}

/** The `|` or `>` header of a block scalar whose content starts at `contentStart`. */
function blockIndicator(text: string, contentStart: number): number {
  let end = contentStart;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  const header = /[|>][-+1-9]{0,2}(?:[ \t]+#.*)?$/.exec(text.slice(lineStart, end));
  return header === null ? contentStart : lineStart + header.index;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
