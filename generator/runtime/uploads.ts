/**
 * What a file upload accepts: a `Blob` or `File`, bytes (`Uint8Array`, `ArrayBuffer`), a web
 * `ReadableStream`, a `Response` (a download passed on), or any async iterable of bytes, which
 * is what a Node `fs.ReadStream` is. Web-standard: nothing here imports Node.
 */
export type Uploadable =
  | Blob
  | ArrayBuffer
  | ArrayBufferView
  | ReadableStream<Uint8Array>
  | Response
  | AsyncIterable<Uint8Array | string>;

export interface FileOptions {
  /** The media type (`image/png`); else the value's own, else none. */
  readonly type?: string | undefined;
  readonly lastModified?: number | undefined;
}

/**
 * A `File` of any uploadable value, with a name and a media type. In Node, a string is the path
 * of a file to read (`toFile('photo.png')`), and an `fs.ReadStream` is named after its path.
 */
export async function toFile(value: Uploadable | string, name?: string, options: FileOptions = {}): Promise<File> {
  if (typeof value === 'string') return toFile(await readPath(value), name ?? baseName(value), options);
  const type =
    options.type ??
    (value instanceof Blob
      ? value.type
      : value instanceof Response
        ? (value.headers.get('content-type') ?? undefined)
        : undefined);
  const fileName = name ?? nameOf(value) ?? 'upload';
  const init: FilePropertyBag = {
    ...(type === undefined ? {} : { type }),
    ...(options.lastModified === undefined ? {} : { lastModified: options.lastModified }),
  };
  if (value instanceof File && name === undefined && options.type === undefined) return value;
  if (value instanceof Blob) return new File([value], fileName, init);
  if (value instanceof ArrayBuffer) return new File([value], fileName, init);
  if (ArrayBuffer.isView(value))
    return new File([copied(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))], fileName, init);
  if (value instanceof Response) return new File([await value.arrayBuffer()], fileName, init);
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const encoder = new TextEncoder();
  const iterable: AsyncIterable<Uint8Array | string> = isReadableStream(value) ? readableIterable(value) : value;
  for await (const chunk of iterable) parts.push(typeof chunk === 'string' ? encoder.encode(chunk) : copied(chunk));
  return new File(parts, fileName, init);
}

/**
 * The file at `path` as a `File` to upload, named after it unless a name is given: Node, Bun and
 * Deno only. Stainless's older \`node\` SDKs export it (`fileFromPath('photo.png')`), so that
 * their callers' code keeps working; `toFile(path)` is the same.
 */
export function fileFromPath(path: string, options?: FileOptions): Promise<File>;
export function fileFromPath(path: string, name?: string, options?: FileOptions): Promise<File>;
export function fileFromPath(path: string, nameOrOptions?: string | FileOptions, options?: FileOptions): Promise<File> {
  return typeof nameOrOptions === 'object'
    ? toFile(path, undefined, nameOrOptions)
    : toFile(path, nameOrOptions, options ?? {});
}

/** The bytes in a buffer of their own (a view may share a larger or a shared one, which a `File` does not take). */
function copied(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const own = new Uint8Array(bytes.byteLength);
  own.set(bytes);
  return own;
}

/** Whether a value is one `toFile` takes, as a file part of a form (not a field's text). */
export function isUploadable(value: unknown): value is Uploadable {
  if (value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof Response)
    return true;
  return typeof value === 'object' && value !== null && (isReadableStream(value) || Symbol.asyncIterator in value);
}

function isReadableStream(value: object): value is ReadableStream<Uint8Array> {
  return typeof ReadableStream !== 'undefined' && value instanceof ReadableStream;
}

async function* readableIterable(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value;
  } finally {
    reader.releaseLock();
  }
}

/** A file's name from what it was made of: a `File`'s own, an `fs.ReadStream`'s path. */
function nameOf(value: Uploadable): string | undefined {
  if (value instanceof File) return value.name;
  const path = (value as { path?: unknown }).path;
  if (typeof path === 'string') return baseName(path);
  return undefined;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The bytes of a file on disk: Node's `fs`, imported when a path is given, so that bundles for browsers never see it. */
async function readPath(path: string): Promise<Uint8Array> {
  const specifier = 'node:fs/promises';
  const fs = (await import(/* @vite-ignore */ specifier)) as { readFile(path: string): Promise<Uint8Array> };
  return fs.readFile(path);
}
