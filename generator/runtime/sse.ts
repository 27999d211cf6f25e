/**
 * A decoder of `text/event-stream` bodies, by the WHATWG HTML standard's rules
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
 * lines end in CR, LF or CRLF; a blank line dispatches the event; `data` lines join with LF;
 * comments (`:`) and unknown fields are ignored; one leading BOM is dropped. Bytes may arrive
 * split anywhere, a multi-byte character or a CRLF included.
 */

/** One event, as the standard dispatches it. */
export interface ServerSentEvent {
  /** `event:`, or `message` when the event names none. */
  readonly event: string;
  readonly data: string;
  /** The last event id seen on the stream, this event's or an earlier one's. */
  readonly id: string;
  /** `retry:` of this event, in milliseconds, when it has one. */
  readonly retry: number | undefined;
}

export class EventStreamDecoder {
  readonly #text = new TextDecoder('utf-8');
  // The most UTF-8 bytes one event's lines may hold, unfinished line included.
  readonly #maxEventBytes: number | undefined;
  #line = '';
  // A CR ended the last chunk: an LF starting the next one belongs to it.
  #afterCR = false;
  // The data lines so far, joined with LF; `undefined` before the first.
  #data: string | undefined;
  #event = '';
  #id = '';
  #retry: number | undefined;
  // An event passed the limit: nothing from it on is dispatched.
  #overLimit = false;

  /**
   * `maxEventBytes`: the most bytes one event may hold (its data, its name, an unfinished line).
   * An event that passes it, finished or not, is not dispatched, nor anything after it, and
   * `overLimit` says so: the stream is refused rather than buffered without end.
   */
  constructor(maxEventBytes?: number) {
    this.#maxEventBytes = maxEventBytes;
  }

  /** Whether an event passed the limit: the events returned so far are all the stream gives. */
  get overLimit(): boolean {
    return this.#overLimit;
  }

  /** The events a chunk of bytes completes. */
  decode(chunk: Uint8Array): ServerSentEvent[] {
    if (this.#overLimit) return [];
    const events = this.#lines(this.#text.decode(chunk, { stream: true }));
    if (this.#maxEventBytes !== undefined && !this.#overLimit)
      this.#overLimit = tooLarge(this.#maxEventBytes, this.#line, this.#data ?? '', this.#event);
    return events;
  }

  /** At the end of the body: an event without its blank line is not dispatched, as the standard says. */
  flush(): ServerSentEvent[] {
    if (this.#overLimit) return [];
    const events = this.#lines(this.#text.decode());
    this.#line = '';
    this.#data = undefined;
    return events;
  }

  #lines(text: string): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    let start = 0;
    if (this.#afterCR && text.charCodeAt(0) === 10) start = 1;
    this.#afterCR = false;
    // Most streams end lines with LF alone: then the lines are found by indexOf, not char by char.
    if (text.indexOf('\r', start) === -1) {
      for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
        let event: ServerSentEvent | undefined;
        if (this.#line !== '') {
          event = this.#field(this.#line + text.slice(start, end));
          this.#line = '';
        } else if (end === start) {
          event = this.#dispatch();
        } else if (text.startsWith('data: ', start)) {
          // The common line, read in place: no slice of the whole line, no field-name lookup.
          const value = text.slice(start + 6, end);
          this.#data = this.#data === undefined ? value : `${this.#data}\n${value}`;
        } else {
          event = this.#field(text.slice(start, end));
        }
        start = end + 1;
        if (event !== undefined) events.push(event);
        else if (this.#overLimit) return events;
      }
      this.#line += text.slice(start);
      return events;
    }
    for (let i = start; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      const line = this.#line + text.slice(start, i);
      this.#line = '';
      if (code === 13) {
        if (i + 1 === text.length) this.#afterCR = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
      const event = this.#field(line);
      if (event !== undefined) events.push(event);
      else if (this.#overLimit) return events;
    }
    this.#line += text.slice(start);
    return events;
  }

  /** Takes one line; a blank one returns the event it completes, if any. */
  #field(line: string): ServerSentEvent | undefined {
    if (line === '') return this.#dispatch();
    if (line.charCodeAt(0) === 58) return undefined; // `:` a comment
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    switch (name) {
      case 'data':
        this.#data = this.#data === undefined ? value : `${this.#data}\n${value}`;
        break;
      case 'event':
        this.#event = value;
        break;
      case 'id':
        if (!value.includes('\u0000')) this.#id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.#retry = Number(value);
        break;
      default:
        break;
    }
    return undefined;
  }

  #dispatch(): ServerSentEvent | undefined {
    const retry = this.#retry;
    this.#retry = undefined;
    if (this.#data === undefined) {
      this.#event = '';
      return undefined;
    }
    if (this.#maxEventBytes !== undefined && tooLarge(this.#maxEventBytes, this.#data, this.#event)) {
      this.#overLimit = true;
      return undefined;
    }
    const event: ServerSentEvent = {
      event: this.#event === '' ? 'message' : this.#event,
      data: this.#data,
      id: this.#id,
      retry,
    };
    this.#data = undefined;
    this.#event = '';
    return event;
  }
}

/**
 * Whether texts hold more than `max` UTF-8 bytes. A UTF-16 unit is 1 to 3 bytes: their length
 * decides at once unless it is within 3× of the limit.
 */
function tooLarge(max: number, ...texts: string[]): boolean {
  let units = 0;
  for (const text of texts) units += text.length;
  if (units * 3 <= max) return false;
  if (units > max) return true;
  let bytes = 0;
  for (const text of texts) bytes += utf8Length(text);
  return bytes > max;
}

/** The UTF-8 length of a string, without encoding it. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    // 2 bytes to U+07FF, 3 above; a surrogate pair (2 units) is 4 bytes.
    bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}
