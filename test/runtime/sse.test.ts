/**
 * The event-stream decoder against the WHATWG rules, and against itself: however the bytes are
 * split, even inside a multi-byte character or a CRLF, the events are the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventStreamDecoder, type ServerSentEvent } from '../../generator/runtime/sse.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function decode(chunks: readonly Uint8Array[]): ServerSentEvent[] {
  const decoder = new EventStreamDecoder();
  return [...chunks.flatMap((chunk) => decoder.decode(chunk)), ...decoder.flush()];
}

const whole = (text: string): ServerSentEvent[] => decode([bytes(text)]);
const brief = (events: readonly ServerSentEvent[]): string[] =>
  events.map((e) => `${e.event}|${e.data}|${e.id}|${e.retry ?? ''}`);

describe('the event-stream decoder, by the WHATWG rules', () => {
  it('joins data lines with LF, and dispatches on a blank line', () => {
    expect(brief(whole('data: one\ndata: two\n\ndata:three\n\n'))).toEqual(['message|one\ntwo||', 'message|three||']);
  });

  it('ends lines with LF, CR or CRLF alike', () => {
    expect(brief(whole('data: a\r\n\r\ndata: b\r\rdata: c\n\n'))).toEqual([
      'message|a||',
      'message|b||',
      'message|c||',
    ]);
  });

  it('reads event, id and retry; ignores comments, unknown fields and a bad retry', () => {
    const text =
      ': keep-alive\nevent: delta\nid: 7\nretry: 1500\nfoo: bar\ndata: {"x":1}\n\nretry: soon\ndata: plain\n\n';
    expect(brief(whole(text))).toEqual(['delta|{"x":1}|7|1500', 'message|plain|7|']);
  });

  it('strips one space after the colon, keeps a field without one, and takes a line without a colon as an empty field', () => {
    expect(brief(whole('data:  two spaces\n\ndata\n\n'))).toEqual(['message| two spaces||', 'message|||']);
  });

  it('ignores an id with NUL, and dispatches nothing for an event without data', () => {
    expect(brief(whole('id: a\u0000b\nevent: empty\n\ndata: x\n\n'))).toEqual(['message|x||']);
  });

  it('drops one leading BOM, and an event the body ends before its blank line', () => {
    expect(brief(decode([new Uint8Array([0xef, 0xbb, 0xbf]), bytes('data: a\n\ndata: unfinished')]))).toEqual([
      'message|a||',
    ]);
  });
});

/** Events, written as a server would: fields, comments, any line ending, multi-byte text. */
const eventText = fc
  .record({
    event: fc.option(fc.constantFrom('delta', 'done', 'error', 'ünïcödé'), { nil: undefined }),
    id: fc.option(fc.stringMatching(/^[a-z0-9]{1,6}$/), { nil: undefined }),
    data: fc.array(
      fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ' ')),
      { minLength: 1, maxLength: 3 },
    ),
    comment: fc.boolean(),
    eol: fc.constantFrom('\n', '\r', '\r\n'),
  })
  .map(({ event, id, data, comment, eol }) =>
    [
      comment ? ': ping' : undefined,
      event === undefined ? undefined : `event: ${event}`,
      id === undefined ? undefined : `id: ${id}`,
      ...data.map((d) => `data: ${d}`),
      '',
    ]
      .filter((line) => line !== undefined)
      .map((line) => `${line}${eol}`)
      .join(''),
  );

describe('the event-stream decoder, split anywhere', () => {
  it('gives the same events for every split of the same bytes (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(eventText, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (events, cuts) => {
          const all = bytes(events.join(''));
          const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
          const chunks: Uint8Array[] = [];
          let start = 0;
          for (const point of [...points, all.length]) {
            chunks.push(all.slice(start, point));
            start = point;
          }
          expect(decode(chunks)).toEqual(decode([all]));
          expect(decode(chunks)).toHaveLength(events.length);
        },
      ),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 300) },
    );
  });

  it('gives the same events fed one byte at a time, through a CRLF and a four-byte character', () => {
    const text = 'data: 😀 snow ☃\r\n\r\nevent: e\r\ndata: é\r\n\r\n';
    expect(decode([...bytes(text)].map((b) => new Uint8Array([b])))).toEqual(whole(text));
    expect(brief(whole(text))).toEqual(['message|😀 snow ☃||', 'e|é||']);
  });
});
