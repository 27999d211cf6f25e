import { isUploadable, toFile } from './uploads.js';

/**
 * How a body that is not JSON goes on the wire: a multipart form or a urlencoded form made from
 * a plain object, bytes and files as they are. Generated methods whose body is such pass this
 * as the request's `encode`, so that a client whose methods all take JSON bundles none of it.
 */
export async function encodeBody(
  body: unknown,
  contentType: string,
  headers: Record<string, string>,
): Promise<BodyInit> {
  const media = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (media === 'multipart/form-data') {
    // fetch writes the content type itself, with the boundary of the parts.
    delete headers['content-type'];
    return body instanceof FormData ? body : toFormData(body);
  }
  // A download passed on, or a Node stream: read into a file of bytes first.
  if (!isBodyInit(body) && media !== 'application/json' && !media.endsWith('+json') && isUploadable(body))
    body = await toFile(body);
  if (media === 'application/x-www-form-urlencoded') {
    return body instanceof URLSearchParams ? body : toSearchParams(body);
  }
  if (isBodyInit(body)) {
    headers['content-type'] ??= contentType;
    return body;
  }
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}

export function isBodyInit(body: unknown): body is BodyInit {
  return (
    typeof body === 'string' ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    body instanceof Blob ||
    body instanceof FormData ||
    body instanceof URLSearchParams ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  );
}

/**
 * A multipart form from a plain object: files as parts (any uploadable value, named after the
 * field unless it has a name of its own), arrays as repeated fields, other objects as JSON.
 */
async function toFormData(body: unknown): Promise<FormData> {
  const form = new FormData();
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (isUploadable(item)) {
        const file = item instanceof File ? item : await toFile(item, item instanceof Blob ? name : undefined);
        form.append(name, file, file.name === 'upload' ? name : file.name);
      } else form.append(name, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  return form;
}

function toSearchParams(body: unknown): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null)
        params.append(name, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  return params;
}
