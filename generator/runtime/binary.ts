import type { RawResponse } from './types.js';

/**
 * A response of bytes (a file, an image, audio), handed out unread: stream its `body`, or read
 * it whole with `blob()`, `arrayBuffer()` or `bytes()`. `ContentType` is the media types the
 * API declares for it; `contentType` says which one came. The request's timeout keeps watching
 * the body for stalls while it is read.
 */
export class BinaryResponse<ContentType extends string = string> {
  /** The HTTP response, headers and all. */
  readonly response: Response;

  constructor(response: Response) {
    this.response = response;
  }

  /** The media type the server sent (`video/mp4`), without its parameters. */
  get contentType(): ContentType {
    return (this.response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() as ContentType;
  }

  /** The bytes as a web `ReadableStream`, to pipe somewhere without holding them all. */
  get body(): ReadableStream<Uint8Array> | null {
    return this.response.body;
  }

  blob(): Promise<Blob> {
    return this.response.blob();
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.response.arrayBuffer();
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.response.arrayBuffer());
  }

  /** The body decoded as UTF-8: for a declared type that is text after all. */
  text(): Promise<string> {
    return this.response.text();
  }
}

/** What a method of a binary answer makes of its response. */
export function binaryOf<ContentType extends string>(): (raw: RawResponse) => BinaryResponse<ContentType> {
  return (raw) => new BinaryResponse<ContentType>(raw.response);
}
