import { isBodyInit } from './body-init.js';

/**
 * How a body that is not JSON goes on the wire: a multipart form or a urlencoded form made from
 * a plain object, bytes and files as they are. The client imports it on first use (or takes a
 * request's own `encode`), so that a bundle whose calls all send JSON loads none of it up front.
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
    return body instanceof FormData ? body : toFormData(body, await import('./uploads.js'));
  }
  // A download passed on, or a Node stream: read into a file of bytes first. core/uploads loads
  // only for a body that is neither JSON nor sent as it is: a bundle whose calls send none waits.
  if (!isBodyInit(body) && media !== 'application/json' && !media.endsWith('+json')) {
    const { isUploadable, toFile } = await import('./uploads.js');
    if (isUploadable(body)) body = await toFile(body);
  }
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

/**
 * A multipart form from a plain object: files as parts (any uploadable value, named after the
 * field unless it has a name of its own), arrays as repeated fields, other objects as JSON.
 */
async function toFormData(body: unknown, uploads: typeof import('./uploads.js')): Promise<FormData> {
  const { isUploadable, toFile } = uploads;
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
