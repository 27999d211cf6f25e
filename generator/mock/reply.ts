import type { ServerResponse } from 'node:http';

/** A response before it is written. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  /** Server-sent events to write one by one (each event's data), then the terminator. */
  readonly events?: { readonly data: readonly string[]; readonly terminator: string } | undefined;
  /** `application/json` unless said. */
  readonly contentType?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

export function send(res: ServerResponse, reply: Reply, requestId: string): void {
  const headers: Record<string, string> = {
    'x-request-id': requestId,
    // Browsers may call the mock from any page: it holds nothing secret.
    'access-control-allow-origin': '*',
    'access-control-allow-headers': '*',
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-expose-headers': 'x-request-id, link',
    ...reply.headers,
  };
  if (reply.events !== undefined) {
    sendEvents(res, reply.events, headers);
    return;
  }
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const contentType = reply.contentType ?? 'application/json';
  const isJSON = contentType === 'application/json' || contentType.endsWith('+json');
  const payload = Buffer.isBuffer(reply.body)
    ? reply.body
    : isJSON
      ? `${JSON.stringify(reply.body, null, 2)}\n`
      : String(reply.body);
  res
    .writeHead(reply.status, { ...headers, 'content-type': isJSON ? `${contentType}; charset=utf-8` : contentType })
    .end(payload);
}

/** Milliseconds between two events of a mocked stream: a steady pace, as a real one has. */
const STREAM_PACE_MS = 20;

/** Writes the events at a steady pace, then the terminator; stops if the client goes away. */
function sendEvents(res: ServerResponse, events: NonNullable<Reply['events']>, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  let next = 0;
  let timer: NodeJS.Timeout | undefined;
  const write = (): void => {
    if (next < events.data.length) {
      // A `data` line per line of the value, as the event-stream format needs.
      res.write(
        `${(events.data[next] as string)
          .split(/\r\n|\r|\n/)
          .map((line) => `data: ${line}`)
          .join('\n')}\n\n`,
      );
      next += 1;
      timer = setTimeout(write, STREAM_PACE_MS);
      return;
    }
    res.end(`data: ${events.terminator}\n\n`);
  };
  res.on('close', () => clearTimeout(timer));
  write();
}
