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
  #line = '';
  // A CR ended the last chunk: an LF starting the next one belongs to it.
  #afterCR = false;
  // The data lines so far, joined with LF; `undefined` before the first.
  #data: string | undefined;
  #event = '';
  #id = '';
  #retry: number | undefined;

  /** The events a chunk of bytes completes. */
  decode(chunk: Uint8Array): ServerSentEvent[] {
    return this.#lines(this.#text.decode(chunk, { stream: true }));
  }

  /** At the end of the body: an event without its blank line is not dispatched, as the standard says. */
  flush(): ServerSentEvent[] {
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
