import type { IncomingMessage } from 'node:http';
import { credentialPlacement } from '../model/client.js';
import type { AuthModel, OperationModel } from '../model/model.js';
import { objectProperties } from '../model/type-queries.js';
import { type Problem, validateValue } from '../values/validate-value.js';
import type { SchemaLookup } from './fake-data.js';
import { coerce, readCookieParam, readHeaderParam, readPathParam, readQueryParam, safeDecode } from './params.js';
import type { Route } from './routes.js';

/** A file part of a multipart request, as sent. */
export interface UploadedFile {
  readonly bytes: Buffer;
  readonly name: string;
  readonly type: string;
}

export interface ParsedRequest {
  readonly path: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  /** JSON or a form as sent; a multipart form's text fields (typed by the schema) with each file's name. */
  readonly body: unknown;
  /** A multipart form's files, by field. */
  readonly files: ReadonlyMap<string, UploadedFile>;
}

/** The request's parameters and body, typed and checked against the operation. */
export async function readRequest(
  route: Route,
  path: string,
  url: URL,
  req: IncomingMessage,
  raw: Buffer,
  lookup: SchemaLookup,
): Promise<ParsedRequest | { problems: Problem[] }> {
  const { operation } = route;
  const problems: Problem[] = [];
  const captured = route.pattern.exec(path)?.slice(1) ?? [];
  const pathValues: Record<string, unknown> = {};
  route.params.forEach((name, i) => {
    const param = operation.pathParams.find((p) => p.name === name);
    const segment = captured[i] ?? '';
    if (param === undefined) {
      pathValues[name] = safeDecode(segment);
      return;
    }
    const read = readPathParam(param, segment, lookup);
    if ('problem' in read) problems.push({ where: `path.${name}`, message: read.problem });
    else {
      pathValues[name] = read.value;
      problems.push(...validateValue(read.value, param.type, param.docs, lookup, `path.${name}`));
    }
  });
  const query: Record<string, unknown> = {};
  const claimed = new Set(operation.queryParams.map((p) => p.name));
  for (const param of operation.queryParams) {
    const read = readQueryParam(param, url, lookup, claimed);
    if ('problem' in read) {
      problems.push({ where: `query.${param.name}`, message: read.problem });
      continue;
    }
    if (read.value === undefined) {
      if (param.required) problems.push({ where: `query.${param.name}`, message: 'is required' });
      continue;
    }
    query[param.name] = read.value;
    problems.push(...validateValue(read.value, param.type, param.docs, lookup, `query.${param.name}`));
  }
  for (const param of operation.headerParams) {
    const where = `${param.in}.${param.name}`;
    const header = req.headers[param.name.toLowerCase()];
    const text = Array.isArray(header) ? header.join(', ') : header;
    const read =
      param.in === 'cookie'
        ? readCookieParam(param, req.headers.cookie ?? '', lookup)
        : text === undefined
          ? { value: undefined }
          : readHeaderParam(param, text, lookup);
    if ('problem' in read) problems.push({ where, message: read.problem });
    else if (read.value === undefined) {
      if (param.required) problems.push({ where, message: 'is required' });
    } else problems.push(...validateValue(read.value, param.type, param.docs, lookup, where));
  }
  const form = await readMultipart(operation, req, raw, lookup, problems);
  const body = form === undefined ? readRequestBody(operation, req, raw, lookup, problems) : form.fields;
  return problems.length > 0 ? { problems } : { path: pathValues, query, body, files: form?.files ?? new Map() };
}

function readRequestBody(
  operation: OperationModel,
  req: IncomingMessage,
  raw: Buffer,
  lookup: SchemaLookup,
  problems: Problem[],
): unknown {
  const spec = operation.body;
  if (spec === undefined) return undefined;
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  // An empty form is a body: `{}` sent as a form has no bytes, but says its content type.
  if (raw.length === 0 && !(contentType === 'application/x-www-form-urlencoded' && contentType === spec.contentType)) {
    if (spec.required) problems.push({ where: 'body', message: 'is required' });
    return undefined;
  }
  const expected = spec.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (expected === 'application/json' || expected.endsWith('+json')) {
    if (contentType !== '' && contentType !== expected && !contentType.endsWith('+json')) {
      problems.push({ where: 'header.content-type', message: `must be ${expected}, got ${contentType}` });
      return undefined;
    }
    const text = raw.toString('utf8');
    if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
      problems.push({ where: 'body', message: `is nested deeper than ${MAX_JSON_DEPTH} levels` });
      return undefined;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      problems.push({ where: 'body', message: `is not valid JSON: ${(error as Error).message}` });
      return undefined;
    }
    problems.push(...validateValue(body, spec.type, undefined, lookup, 'body'));
    return body;
  }
  if (expected === 'application/x-www-form-urlencoded')
    return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  // Multipart and binary bodies are taken as sent: the mock checks their presence only.
  return undefined;
}

/**
 * A multipart body, read: its text fields typed by the schema, its files kept with their bytes,
 * and its problems (unreadable, a required part missing, a file part sent as text). `undefined`
 * when the operation takes no multipart body or none was sent.
 */
async function readMultipart(
  operation: OperationModel,
  req: IncomingMessage,
  raw: Buffer,
  lookup: SchemaLookup,
  problems: Problem[],
): Promise<{ fields: Record<string, unknown>; files: Map<string, UploadedFile> } | undefined> {
  const spec = operation.body;
  if (spec === undefined || raw.length === 0 || !/^multipart\/form-data/i.test(spec.contentType)) return undefined;
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), {
      headers: { 'content-type': req.headers['content-type'] ?? '' },
    }).formData();
  } catch (error) {
    problems.push({ where: 'body', message: `is not a multipart form: ${(error as Error).message}` });
    return undefined;
  }
  const fields: Record<string, unknown> = {};
  const files = new Map<string, UploadedFile>();
  for (const property of objectProperties(spec.type, lookup)) {
    const parts = form.getAll(property.name);
    const where = `body.${property.name}`;
    if (parts.length === 0) {
      if (property.required) problems.push({ where, message: 'is required' });
      continue;
    }
    const file = property.type.kind === 'primitive' && property.type.name === 'Blob';
    if (file && parts.some((part) => typeof part === 'string')) {
      problems.push({ where, message: 'must be a file part (with a filename), got a text field' });
      continue;
    }
    const part = parts[0];
    if (part === undefined) continue;
    if (typeof part === 'string') fields[property.name] = coerce(part, property.type, lookup);
    else {
      files.set(property.name, { bytes: Buffer.from(await part.arrayBuffer()), name: part.name, type: part.type });
      fields[property.name] = part.name;
    }
  }
  return { fields, files };
}

/** Whether the request carries a credential one of the operation's schemes accepts; else why not. */
export function missingCredential(
  operation: OperationModel,
  auth: readonly AuthModel[],
  req: IncomingMessage,
  url: URL,
): string | undefined {
  const schemes = auth.filter((a) => operation.auth.includes(a.runtime.option));
  if (schemes.length === 0) return undefined;
  const present = schemes.some(({ runtime }) => {
    switch (runtime.type) {
      case 'bearer':
      case 'oauth2':
        return /^Bearer\s+\S/i.test(req.headers.authorization ?? '');
      case 'header':
        return (req.headers[runtime.name.toLowerCase()] ?? '') !== '';
      case 'query':
        return (url.searchParams.get(runtime.name) ?? '') !== '';
      case 'basic':
        return isBasicPair(req.headers.authorization);
      case 'cookie':
        return (req.headers.cookie ?? '').split(';').some((c) => c.trim().startsWith(`${runtime.name}=`));
      default:
        return assertNever(runtime);
    }
  });
  if (present) return undefined;
  const how = schemes.map(({ runtime }) => credentialPlacement(runtime));
  return `No credential: send ${how.join(' or ')}. The mock accepts any non-empty key.`;
}

/**
 * An `Authorization: Basic` header that holds what RFC 7617 says: base64 of `username:password`,
 * the username not empty. A key sent alone (`Basic base64(key)`) is refused, as a real API would.
 */
function isBasicPair(header: string | undefined): boolean {
  const encoded = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header ?? '')?.[1];
  if (encoded === undefined) return false;
  const pair = Buffer.from(encoded, 'base64').toString('utf8');
  return pair.indexOf(':') > 0;
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

/** As deep as a JSON body may nest (Jackson's default too): deeper, every recursive walk of it risks the stack. */
const MAX_JSON_DEPTH = 1000;

/** Whether JSON text opens more than `max` arrays and objects inside one another, its strings aside. */
function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
