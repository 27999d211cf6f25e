import { EVENT_ID, type Event, getScalarValue, parseEvents, SCALAR_STYLE, type ScalarEvent } from 'js-yaml';
import { YamlOffsets } from './yaml-offsets.js';
import { resolvePlain } from './yaml-plain.js';

/** A construct this reader leaves to the `yaml` package (explicit tags, complex keys, …). */
class Unsupported extends Error {}

/**
 * Reads YAML with js-yaml's event parser, building plain values and recording where every
 * mapping, list and entry is (compactly: yaml-offsets.ts), in one pass over the events. On openai.yaml (3 MB) this takes
 * about 0.15 s cold where the `yaml` package's `parseDocument` takes about 0.55 s, and
 * parsing was most of a generation's critical path.
 *
 * Values are what js-yaml's core schema gives (YAML 1.2: null, booleans, numbers, strings;
 * no merge keys, no timestamps), and `__proto__` stays a plain key. Whatever this reader does
 * not take on (explicit tags, complex or aliased keys, duplicate keys, several documents,
 * syntax errors) makes it return `undefined`: the caller then reads the text with the `yaml`
 * package, which reports every error with its position, or reads what only it accepts.
 */
export function readYamlFast(text: string): { value: unknown; offsets: YamlOffsets } | undefined {
  try {
    const offsets = new YamlOffsets();
    const value = new Builder(text, parseEvents(text, {}), offsets).document();
    return { value, offsets };
  } catch {
    return undefined;
  }
}

/** Builds the value of one document from its events, with the offsets of its collections. */
class Builder {
  readonly #text: string;
  readonly #events: readonly Event[];
  readonly #offsets: YamlOffsets;
  readonly #anchors = new Map<string, unknown>();
  #at = 0;
  /** Where the node just built starts, as the `yaml` package counts it; -1 for an empty scalar. */
  #start = 0;

  constructor(text: string, events: readonly Event[], offsets: YamlOffsets) {
    this.#text = text;
    this.#events = events;
    this.#offsets = offsets;
  }

  document(): unknown {
    if (this.#next().type !== EVENT_ID.DOCUMENT) throw new Unsupported('no document');
    const value = this.#node();
    if (this.#next().type !== EVENT_ID.POP || this.#at !== this.#events.length)
      throw new Unsupported('more than one document');
    return value;
  }

  /** Consumes one node's events and returns its value; `#start` is where it starts. */
  #node(): unknown {
    const event = this.#next();
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        if (event.tagStart !== -1) throw new Unsupported('explicit tag');
        const value =
          event.style === SCALAR_STYLE.PLAIN
            ? resolvePlain(getScalarValue(this.#text, event))
            : getScalarValue(this.#text, event);
        if (event.anchorStart !== -1) this.#anchors.set(this.#text.slice(event.anchorStart, event.anchorEnd), value);
        this.#start = scalarStart(this.#text, event);
        return value;
      }
      case EVENT_ID.ALIAS: {
        const name = this.#text.slice(event.anchorStart, event.anchorEnd);
        if (!this.#anchors.has(name)) throw new Unsupported('unknown alias');
        this.#start = event.anchorStart - 1; // the `*`
        return this.#anchors.get(name);
      }
      case EVENT_ID.SEQUENCE: {
        if (event.tagStart !== -1) throw new Unsupported('explicit tag');
        const items: unknown[] = [];
        if (event.anchorStart !== -1) this.#anchors.set(this.#text.slice(event.anchorStart, event.anchorEnd), items);
        const id = this.#offsets.open(items, event.start);
        while (!this.#atPop()) {
          items.push(this.#node());
          const offset = this.#start === -1 ? event.start : this.#start;
          this.#offsets.entry(id, '', offset, offset);
        }
        this.#start = event.start;
        return items;
      }
      case EVENT_ID.MAPPING: {
        if (event.tagStart !== -1) throw new Unsupported('explicit tag');
        const object: Record<string, unknown> = {};
        if (event.anchorStart !== -1) this.#anchors.set(this.#text.slice(event.anchorStart, event.anchorEnd), object);
        const id = this.#offsets.open(object, event.start);
        while (!this.#atPop()) {
          const keyEvent = this.#next();
          if (keyEvent.type !== EVENT_ID.SCALAR || keyEvent.tagStart !== -1 || keyEvent.anchorStart !== -1)
            throw new Unsupported('complex key');
          const source = getScalarValue(this.#text, keyEvent);
          const key = keyEvent.style === SCALAR_STYLE.PLAIN ? String(resolvePlain(source)) : source;
          if (Object.hasOwn(object, key)) throw new Unsupported('duplicate key');
          const keyStart = scalarStart(this.#text, keyEvent);
          const keyOffset = keyStart === -1 ? event.start : keyStart; // an empty key: the mapping's place
          const keyEnd = keyEvent.valueEnd === -1 ? keyOffset : keyEvent.valueEnd;
          const value = this.#node();
          // An empty value is where the `yaml` package puts it: just after the key's colon.
          const valueOffset = this.#start === -1 ? this.#text.indexOf(':', keyEnd) + 1 || keyOffset : this.#start;
          // defineProperty: a "__proto__" key stays a plain key, never a prototype.
          if (key === '__proto__')
            Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
          else object[key] = value;
          this.#offsets.entry(id, key, keyOffset, valueOffset);
        }
        this.#start = event.start;
        return object;
      }
      case EVENT_ID.DOCUMENT:
      case EVENT_ID.POP:
        throw new Unsupported(`unexpected event ${event.type}`);
      default:
        return assertNever(event);
    }
  }

  #atPop(): boolean {
    const event = this.#events[this.#at];
    if (event === undefined) throw new Unsupported('unterminated collection');
    if (event.type !== EVENT_ID.POP) return false;
    this.#at++;
    return true;
  }

  #next(): Event {
    const event = this.#events[this.#at++];
    if (event === undefined) throw new Unsupported('unexpected end of events');
    return event;
  }
}

/**
 * Where a scalar starts as the `yaml` package counts it: at an opening quote, at a block
 * scalar's `|` or `>` indicator; -1 for an empty scalar.
 */
function scalarStart(text: string, event: ScalarEvent): number {
  if (event.valueStart === -1) return -1;
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

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
