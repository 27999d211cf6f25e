import { closest } from '../did-you-mean.js';
import type { SpecFile } from '../load/spec-file.js';
import { HTTP_METHODS } from '../load/validate-document.js';
import { codeSampleCall, type SampleCall } from './code-samples.js';
import { EXT, type OperationExtensions, readOperationExtensions } from './extensions.js';
import type {
  AuthModel,
  ErrorResponseModel,
  ExampleModel,
  FieldDocs,
  HttpMethod,
  OperationModel,
  PageClassModel,
  ParameterLocation,
  ParameterModel,
  ResponseFormat,
  ResponseModel,
  SpecPlace,
} from './model.js';
import { camelCase, toIdentifier } from './names.js';
import { QUERY_DEFAULT, readSerialization } from './parameter-style.js';
import { escapeSegment, placeOf } from './places.js';
import { OBJECT_MEMBERS } from './reserved-names.js';
import { parseRoute, type Route } from './route.js';
import type { SchemaConverter } from './schemas.js';
import { type SkippedOperation, skippedOperation } from './skipped-operations.js';
import { deref, isRecord, locate, locateValue, type SpecContext, stringField } from './spec-context.js';
import { BLOB, STRING, UNKNOWN } from './types.js';
import { readVendorPagination, type VendorPagination } from './vendor-pagination.js';

/** An operation before it has a place in the resource tree. */
/** An HTTP field name (RFC 9110 token). */
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The parameters every emitted method or function may have besides path parameters. */
const SIGNATURE_PARAMETERS = ['client', 'params', 'body', 'options'];

/**
 * Path parameters none of which is called `name`: a method's argument must not hide the
 * operation function that its body calls (operationId `__proto__` and path `{__proto__}`).
 */
export function pathParamsAvoiding<P extends { readonly identifier: string }>(
  pathParams: readonly P[],
  name: string,
): P[] {
  const taken = new Set([...SIGNATURE_PARAMETERS, ...pathParams.map((p) => p.identifier), name]);
  return pathParams.map((p) => {
    if (p.identifier !== name) return p;
    let identifier = `${name}Param`;
    for (let n = 2; taken.has(identifier); n++) identifier = `${name}Param${n}`;
    taken.add(identifier);
    return { ...p, identifier };
  });
}

export interface OperationDraft
  extends Omit<OperationModel, 'name' | 'naming' | 'paramsTypeName' | 'pagination' | 'streaming' | 'functionName'> {
  readonly extensions: OperationExtensions;
  /** The page class the spec names, checked against the response once all schemas are known. */
  readonly pageClass: PageClassModel | undefined;
  /** Pagination another generator's extension declares (`x-ms-pageable`, …), checked likewise. */
  readonly vendorPagination: VendorPagination | undefined;
  /** The call its JavaScript `x-codeSamples` show, a naming signal. */
  readonly codeSample: SampleCall | undefined;
  /** Its first tag: its resource where the API names by tags (`x-sdkgen-client.naming.resources: tags`). */
  readonly tag: string | undefined;
}

const SUCCESS_STATUS = /^2(\d\d|XX)$/;

/** Reads every operation of `paths`, in spec order. */
export function readOperations(
  ctx: SpecContext,
  schemas: SchemaConverter,
  pageClasses: ReadonlyMap<string, PageClassModel>,
  auth: readonly AuthModel[],
  leavesOut: (operation: object) => boolean = () => false,
): { readonly drafts: OperationDraft[]; readonly skipped: SkippedOperation[] } {
  const root = ctx.spec.root;
  const doc = root.value as Record<string, unknown>;
  const paths = doc['paths'];
  const drafts: OperationDraft[] = [];
  const skipped: SkippedOperation[] = [];
  if (!isRecord(paths)) return { drafts, skipped };
  // operationIds are unique in a valid spec; a repeated one would silently rename a function.
  const firstById = new Map<string, string>();
  for (const [path, rawItem] of Object.entries(paths)) {
    if (path.startsWith('x-')) continue; // an extension of the Paths Object, not a path
    const { value: item, file, pointer: itemRef } = deref(ctx, rawItem, root);
    if (!isRecord(item)) continue;
    const itemPlace = placeAt(itemRef, file, { file: root.displayPath, pointer: `/paths/${escapeSegment(path)}` });
    for (const [method, rawOperation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      // Not in OpenAPI, but bundlers follow it: an operation kept in a file of its own.
      const { value: operation, file: operationFile, pointer: operationRef } = deref(ctx, rawOperation, file);
      // Left out by --include / --exclude: not read at all, as if the spec did not have it.
      if (!isRecord(operation) || leavesOut(operation)) continue;
      const source = {
        path,
        route: parseRoute(path),
        method: method as HttpMethod,
        item,
        operation,
        file: operationFile,
        places: {
          item: itemPlace,
          operation: placeAt(operationRef, operationFile, { in: itemPlace, pointer: `/${method}` }),
        },
      };
      const id = operation['operationId'];
      if (typeof id === 'string') {
        const first = firstById.get(id);
        if (first === undefined) firstById.set(id, `${method.toUpperCase()} ${path}`);
        else
          ctx.diagnostics.error(
            'operation-id-duplicate',
            `operationId "${id}" is already the id of ${first}; operationIds must be unique.`,
            locateValue(ctx, operation, 'operationId'),
          );
      }
      // A skipped operation is not read further: what only it declares cannot fail the client.
      // (A value of the wrong kind is not a skip: readOperationExtensions reports it.)
      const skip = operation[EXT.skip];
      if (skip === true || (typeof skip === 'string' && skip.trim() !== '')) {
        skipped.push(skippedOperation(operation, operationFile, source, skip, locate(ctx, operation)));
        continue;
      }
      drafts.push(
        ctx.diagnostics.within(
          () => locate(ctx, operation),
          () => readOperation(ctx, schemas, pageClasses, auth, source),
        ),
      );
    }
  }
  return { drafts, skipped };
}

/**
 * Path parameters in the order the path names them: `/orders/{orderId}/items/{itemId}` takes
 * `(orderId, itemId)` whatever order the spec lists them in, so that the arguments read like the
 * URL. Two string arguments in the other order would type-check and call the wrong thing.
 */
function pathParamsInOrder(
  declared: readonly ParameterModel[],
  path: string,
): { pathParams: ParameterModel[]; pathParamsDeclared?: readonly string[] } {
  const at = (p: ParameterModel): number => {
    const index = path.indexOf(`{${p.name}}`);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const pathParams = [...declared].sort((a, b) => at(a) - at(b));
  return pathParams.every((p, i) => p === declared[i])
    ? { pathParams }
    : { pathParams, pathParamsDeclared: declared.map((p) => p.identifier) };
}

interface OperationSource {
  /** The key in `paths`, query and all. */
  readonly path: string;
  readonly route: Route;
  readonly method: HttpMethod;
  readonly item: Record<string, unknown>;
  readonly operation: Record<string, unknown>;
  readonly file: SpecFile;
  /** Where the path item and the operation are, for their parameters' places. */
  readonly places: { readonly item: SpecPlace; readonly operation: SpecPlace };
}

/** The place of a value the model reached: its `$ref`'s target, if it was one, else where it stands. */
function placeAt(ref: readonly string[] | undefined, refFile: SpecFile, inline: SpecPlace): SpecPlace {
  return ref === undefined ? inline : placeOf(refFile.displayPath, ref);
}

function readOperation(
  ctx: SpecContext,
  schemas: SchemaConverter,
  pageClasses: ReadonlyMap<string, PageClassModel>,
  auth: readonly AuthModel[],
  source: OperationSource,
): OperationDraft {
  const { path, route, method, operation, file } = source;
  const extensions = readOperationExtensions(ctx, operation);
  const parameters = withQueryTemplates(readParameters(ctx, schemas, source), route);
  checkPathTemplate(ctx, source, parameters);
  const declared = extensions.pagination === false ? undefined : extensions.pagination;
  const pageClass = declared === undefined ? undefined : pageClasses.get(declared);
  if (declared !== undefined && pageClass === undefined) {
    const known = [...pageClasses.keys()];
    ctx.diagnostics.error(
      'pagination-unknown',
      `No page class "${declared}" is declared${known.length === 0 ? '' : `; declared: ${known.join(', ')}`}.`,
      locateValue(ctx, operation, 'x-sdkgen-pagination'),
    );
  }
  const body = readRequestBody(ctx, schemas, operation, file);
  if (extensions.bodyParam !== undefined && body === undefined)
    ctx.diagnostics.error(
      'extension-invalid',
      `\`${EXT.bodyParam}\` names the property that holds the request body, but ${method.toUpperCase()} ${path} has none.`,
      locateValue(ctx, operation, EXT.bodyParam),
    );
  return {
    operationId: stringField(ctx, operation, 'operationId') ?? `${method} ${path}`,
    method,
    path: route.path,
    fixedQuery: route.fixedQuery,
    docs: {
      summary: stringField(ctx, operation, 'summary'),
      description: stringField(ctx, operation, 'description'),
      deprecated: operation['deprecated'] === true || extensions.deprecated !== undefined,
      deprecation: typeof extensions.deprecated === 'string' ? extensions.deprecated : undefined,
      externalDocs: externalDocs(operation['externalDocs']),
    },
    ...pathParamsInOrder(
      parameters.filter((p) => p.in === 'path'),
      route.path,
    ),
    queryParams: parameters.filter((p) => p.in === 'query'),
    // A cookie parameter is a field of `params` like a header, sent in the `Cookie` header.
    headerParams: parameters.filter((p) => p.in === 'header' || p.in === 'cookie'),
    body: body === undefined || extensions.bodyParam === undefined ? body : { ...body, param: extensions.bodyParam },
    response: readResponse(ctx, schemas, operation, file),
    errors: readErrors(ctx, schemas, operation, file),
    auth: readSecurity(ctx, operation, auth),
    scopes: readScopes(ctx, operation),
    statuses: isRecord(operation['responses']) ? Object.keys(operation['responses']).sort() : [],
    location: locate(ctx, operation),
    extensions,
    pageClass,
    vendorPagination: readVendorPagination(operation, ctx.spec.root.value as Record<string, unknown>),
    codeSample: codeSampleCall(operation),
    tag:
      Array.isArray(operation['tags']) && typeof operation['tags'][0] === 'string' ? operation['tags'][0] : undefined,
  };
}

/** Path-item parameters, overridden by the operation's own of the same name and location. */
function readParameters(ctx: SpecContext, schemas: SchemaConverter, source: OperationSource): ParameterModel[] {
  const byKey = new Map<string, ParameterModel>();
  const lists = [
    [source.item['parameters'], source.places.item],
    [source.operation['parameters'], source.places.operation],
  ] as const;
  for (const [list, owner] of lists) {
    if (!Array.isArray(list)) continue;
    for (const [index, raw] of list.entries()) {
      const parameter = ctx.diagnostics.within(
        () => locateValue(ctx, list, index),
        () => readParameter(ctx, schemas, raw, source.file, { in: owner, pointer: `/parameters/${index}` }),
      );
      if (parameter !== undefined) byKey.set(`${parameter.in}:${parameter.name}`, parameter);
    }
  }
  const parameters = withProperties([...byKey.values()]);
  // Path parameters become positional arguments: their identifiers must differ, from each
  // other and from the other parameters of the emitted methods and functions.
  const used = new Set<string>(SIGNATURE_PARAMETERS);
  return parameters.map((p) => {
    if (p.in !== 'path') return p;
    let identifier = p.identifier;
    for (let n = 2; used.has(identifier); n++) identifier = `${p.identifier}${n}`;
    used.add(identifier);
    return { ...p, identifier };
  });
}

/** Query and header parameters get a `params` key no object literal trips on, distinct from the others'. */
function withProperties(parameters: readonly ParameterModel[]): ParameterModel[] {
  const used = new Set(parameters.filter((p) => p.in !== 'path').map((p) => p.name));
  return parameters.map((p) => {
    if (p.in === 'path' || !OBJECT_MEMBERS.has(p.name)) return p;
    let property = `${p.name}_`;
    while (used.has(property)) property += '_';
    used.add(property);
    return { ...p, property };
  });
}

function readParameter(
  ctx: SpecContext,
  schemas: SchemaConverter,
  raw: unknown,
  file: SpecFile,
  inline: SpecPlace,
): ParameterModel | undefined {
  const { value, file: paramFile, pointer: ref } = deref(ctx, raw, file);
  if (!isRecord(value)) {
    if (value !== undefined)
      ctx.diagnostics.error(
        'wrong-kind',
        'A parameter must be a mapping.',
        typeof raw === 'object' && raw !== null ? locate(ctx, raw) : undefined,
      );
    return undefined;
  }
  const name = stringField(ctx, value, 'name');
  const location = value['in'];
  if (name === undefined) {
    ctx.diagnostics.error('parameter-invalid', 'A parameter needs a `name`.', locate(ctx, value));
    return undefined;
  }
  if (location !== 'path' && location !== 'query' && location !== 'header' && location !== 'cookie') {
    const near = typeof location === 'string' ? closest(location, ['path', 'query', 'header', 'cookie']) : undefined;
    ctx.diagnostics.error(
      'parameter-invalid',
      `Parameter "${name}" has \`in: ${String(location)}\`; expected path, query, header or cookie.`,
      locate(ctx, value, 'in'),
      location === 'body' || location === 'formData'
        ? `\`in: ${location}\` is Swagger 2.0: in OpenAPI 3, describe the body as the operation's \`requestBody\` (\`content: { application/json: { schema } }\`, or \`application/x-www-form-urlencoded\` / \`multipart/form-data\` for form fields).`
        : near === undefined
          ? undefined
          : `Did you mean \`in: ${near}\`?`,
    );
    return undefined;
  }
  if ((location === 'header' || location === 'cookie') && !HTTP_TOKEN.test(name)) {
    ctx.diagnostics.warning(
      'parameter-unsupported',
      location === 'header'
        ? `Header parameter "${name}" is left out: it is not a valid HTTP header name, and fetch would refuse it.`
        : `Cookie parameter "${name}" is left out: it is not a valid cookie name (an HTTP token).`,
      locate(ctx, value, 'name'),
    );
    return undefined;
  }
  const schema = value['schema'] ?? firstMediaSchema(value['content']);
  const schemaDocs = schemas.fieldDocs(schema, paramFile);
  const example =
    'example' in value
      ? { value: value['example'], location: paramFile.locate(value, 'example', 'value') }
      : (firstExample(ctx, value['examples'], paramFile) ?? schemaDocs.example);
  const docs: FieldDocs = {
    ...schemaDocs,
    description: stringField(ctx, value, 'description') ?? schemaDocs.description,
    deprecated: value['deprecated'] === true || schemaDocs.deprecated === true,
    example,
  };
  return {
    name,
    identifier: toIdentifier(camelCase(name), 'param'),
    property: name,
    in: location as ParameterLocation,
    required: location === 'path' || value['required'] === true,
    type: schema === undefined ? STRING : schemas.convert(schema, paramFile, { container: value, key: 'schema' }),
    docs,
    serialization: readSerialization(ctx, value, location, schema, paramFile),
    place: placeAt(ref, paramFile, inline),
  };
}

/**
 * `/search?q={q}`: a parameter the key puts in the query is a required query parameter, whether
 * the spec declares it in the path, in the query, or (as some do) not at all.
 */
function withQueryTemplates(parameters: readonly ParameterModel[], route: Route): ParameterModel[] {
  const out = parameters.map((p) =>
    p.in === 'path' && route.queryTemplates.includes(p.name) && !route.path.includes(`{${p.name}}`)
      ? { ...p, in: 'query' as const, required: true, serialization: QUERY_DEFAULT }
      : p,
  );
  for (const name of route.queryTemplates) {
    if (!out.some((p) => p.in === 'query' && p.name === name)) {
      out.push({
        name,
        identifier: toIdentifier(camelCase(name), 'param'),
        property: name,
        in: 'query',
        required: true,
        type: STRING,
        docs: {},
        serialization: QUERY_DEFAULT,
      });
    }
  }
  return out;
}

function checkPathTemplate(ctx: SpecContext, source: OperationSource, parameters: readonly ParameterModel[]): void {
  const inTemplate = [...source.route.path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] as string);
  const paths = (ctx.spec.root.value as Record<string, unknown>)['paths'] as Record<string, unknown>;
  for (const name of inTemplate) {
    if (!parameters.some((p) => p.in === 'path' && p.name === name)) {
      ctx.diagnostics.error(
        'path-param-undeclared',
        `Path parameter {${name}} of ${source.method.toUpperCase()} ${source.path} is not declared.`,
        locate(ctx, paths, source.path),
        `Add \`- { name: ${name}, in: path, required: true, schema: { type: string } }\` to its parameters.`,
      );
    }
  }
  for (const parameter of parameters) {
    if (parameter.in === 'path' && !inTemplate.includes(parameter.name)) {
      ctx.diagnostics.error(
        'path-param-unused',
        `Path parameter "${parameter.name}" is not in the path ${source.route.path}.`,
        locate(ctx, source.operation),
      );
    }
  }
}

export function readRequestBody(
  ctx: SpecContext,
  schemas: SchemaConverter,
  operation: Record<string, unknown>,
  file: SpecFile,
): OperationModel['body'] {
  if (operation['requestBody'] === undefined) return undefined;
  const { value: body, file: bodyFile } = deref(ctx, operation['requestBody'], file);
  if (!isRecord(body)) return undefined;
  const media = pickMedia(body['content']);
  const fallback = media?.format === 'binary' ? BLOB : STRING;
  return {
    type:
      media?.schema === undefined
        ? fallback
        : schemas.convert(media.schema, bodyFile, { container: media.raw, key: 'schema' }),
    required: body['required'] === true,
    description: stringField(ctx, body, 'description'),
    contentType: media?.contentType ?? 'application/json',
  };
}

/** The first success response: the lowest 2xx status, else `2XX`. */
function readResponse(
  ctx: SpecContext,
  schemas: SchemaConverter,
  operation: Record<string, unknown>,
  file: SpecFile,
): ResponseModel {
  const responses = operation['responses'];
  const none: ResponseModel = {
    status: 200,
    contentType: undefined,
    mediaTypes: [],
    type: undefined,
    format: 'json',
    description: undefined,
    example: undefined,
    events: undefined,
  };
  if (!isRecord(responses)) return none;
  const status = Object.keys(responses)
    .filter((s) => SUCCESS_STATUS.test(s))
    .sort()[0];
  if (status === undefined) return none;
  // `2XX` says any success will do; 200 is the one a mock answers.
  const code = /^\d+$/.test(status) ? Number(status) : 200;
  const { value: response, file: responseFile } = deref(ctx, responses[status], file);
  if (!isRecord(response)) return { ...none, status: code };
  const media = pickResponseMedia(response['content']);
  const description = stringField(ctx, response, 'description');
  const mediaTypes = isRecord(response['content'])
    ? Object.keys(response['content']).filter((type) => !isEventStream(type))
    : [];
  const events = readEvents(ctx, schemas, operation, response['content'], responseFile);
  if (media === undefined) return { ...none, status: code, description, events };
  const type =
    media.format === 'json'
      ? schemas.convert(media.schema, responseFile, { container: media.raw, key: 'schema' })
      : media.format === 'stream'
        ? (events?.item ?? UNKNOWN)
        : media.format === 'binary'
          ? BLOB
          : STRING;
  return {
    status: code,
    contentType: media.contentType,
    mediaTypes,
    type,
    format: media.format,
    description,
    example:
      media.format === 'stream'
        ? undefined
        : (mediaExample(ctx, media.raw, responseFile) ?? schemas.fieldDocs(media.schema, responseFile).example),
    headers: isRecord(response['headers']) ? Object.keys(response['headers']).sort() : [],
    events,
  };
}

/** The JSON bodies of the error responses (4xx, 5xx, `4XX`, `5XX`, `default`), to type `APIError.error` by. */
function readErrors(
  ctx: SpecContext,
  schemas: SchemaConverter,
  operation: Record<string, unknown>,
  file: SpecFile,
): ErrorResponseModel[] {
  const responses = operation['responses'];
  if (!isRecord(responses)) return [];
  const errors: ErrorResponseModel[] = [];
  for (const [status, raw] of Object.entries(responses)) {
    if (!/^([45](\d\d|XX)|default)$/i.test(status)) continue;
    const { value: response, file: responseFile } = deref(ctx, raw, file);
    if (!isRecord(response)) continue;
    const media = pickMedia(response['content']);
    if (media?.format !== 'json' || media.schema === undefined) continue;
    errors.push({
      status: status.toUpperCase(),
      type: schemas.convert(media.schema, responseFile, { container: media.raw, key: 'schema' }),
    });
  }
  return errors;
}

/**
 * The `text/event-stream` answer: one event's data is OpenAPI 3.2's `itemSchema`, else the
 * media type's `schema`, else what `x-sdkgen-stream` on the operation declares (`item`,
 * `terminator`). A string schema means the data is text, not JSON.
 */
function readEvents(
  ctx: SpecContext,
  schemas: SchemaConverter,
  operation: Record<string, unknown>,
  content: unknown,
  file: SpecFile,
): ResponseModel['events'] {
  const ext = operation[EXT.stream];
  if (ext === false) return notStreamed(ctx, operation, content);
  if (ext !== undefined && !isRecord(ext))
    ctx.diagnostics.error(
      'extension-invalid',
      `\`${EXT.stream}\` must be false or a mapping of item and terminator.`,
      locate(ctx, operation, EXT.stream),
    );
  const declared = isRecord(ext) ? ext : {};
  for (const key of Object.keys(declared)) {
    if (key !== 'item' && key !== 'terminator')
      ctx.diagnostics.error(
        'extension-unknown-key',
        `Unknown key "${key}"; expected one of: item, terminator.`,
        locate(ctx, declared, key),
      );
  }
  const terminator = declared['terminator'];
  if (terminator !== undefined && (typeof terminator !== 'string' || terminator === '')) {
    ctx.diagnostics.error(
      'extension-invalid',
      '`terminator` must be a non-empty string.',
      locateValue(ctx, declared, 'terminator'),
    );
  }
  const entry = isRecord(content)
    ? Object.entries(content).find(([type, value]) => isEventStream(type) && isRecord(value))
    : undefined;
  const media = entry?.[1] as Record<string, unknown> | undefined;
  if (media === undefined && declared['item'] === undefined) return undefined;
  const [schema, site] =
    declared['item'] !== undefined
      ? [declared['item'], { container: declared, key: 'item' }]
      : media?.['itemSchema'] !== undefined
        ? [media['itemSchema'], { container: media, key: 'itemSchema' }]
        : [media?.['schema'], media === undefined ? undefined : { container: media, key: 'schema' }];
  const item = schema === undefined ? UNKNOWN : schemas.convert(schema, file, site);
  const text = item.kind === 'primitive' && item.name === 'string';
  return { item, terminator: typeof terminator === 'string' && terminator !== '' ? terminator : '[DONE]', text };
}

/**
 * `x-sdkgen-stream: false`: the event stream the spec declares beside another answer is left
 * out, and the method returns that answer alone, as a Stainless config that gives the method no
 * `streaming` has it. An event stream that is the only answer cannot be left out: an error.
 */
function notStreamed(ctx: SpecContext, operation: Record<string, unknown>, content: unknown): undefined {
  if (isRecord(content) && !Object.keys(content).some((type) => !isEventStream(type)))
    ctx.diagnostics.error(
      'extension-invalid',
      `\`${EXT.stream}: false\` leaves out the event stream, but it is the operation's only answer.`,
      locateValue(ctx, operation, EXT.stream),
    );
  return undefined;
}

export function isEventStream(mediaType: string): boolean {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase() === 'text/event-stream';
}

/** The operation's security, else the document's: option names of the schemes that may authorize it. */
/** The operation's security, else the document's (pass `{}` for the document's alone). */
/** `scheme:scope` for every scope the operation's security (or the document's) asks for. */
function readScopes(ctx: SpecContext, operation: Record<string, unknown>): string[] {
  const doc = ctx.spec.root.value as Record<string, unknown>;
  const requirements = (operation['security'] !== undefined ? operation : doc)['security'];
  if (!Array.isArray(requirements)) return [];
  const scopes = new Set<string>();
  for (const requirement of requirements) {
    if (!isRecord(requirement)) continue;
    for (const [scheme, list] of Object.entries(requirement))
      if (Array.isArray(list))
        for (const scope of list) if (typeof scope === 'string') scopes.add(`${scheme}:${scope}`);
  }
  return [...scopes].sort();
}

/** `externalDocs` as one text: its URL, and its description after it. */
export function externalDocs(value: unknown): string | undefined {
  if (!isRecord(value) || typeof value['url'] !== 'string') return undefined;
  return typeof value['description'] === 'string' ? `${value['url']} (${value['description']})` : value['url'];
}

export function readSecurity(
  ctx: SpecContext,
  operation: Record<string, unknown>,
  auth: readonly AuthModel[],
): string[] {
  const doc = ctx.spec.root.value as Record<string, unknown>;
  const owner = operation['security'] !== undefined ? operation : doc;
  const requirements = owner['security'];
  if (requirements === undefined) return auth.map((a) => a.runtime.option);
  if (!Array.isArray(requirements)) {
    ctx.diagnostics.error('wrong-kind', '`security` must be a list of requirements.', locate(ctx, owner, 'security'));
    return [];
  }
  const options: string[] = [];
  for (const requirement of requirements) {
    if (!isRecord(requirement)) continue;
    for (const schemeName of Object.keys(requirement)) {
      const scheme = auth.find((a) => a.schemeName === schemeName);
      if (scheme === undefined) {
        // Declared but unsupported schemes were reported once already; an undeclared one is
        // the spec's slip, not a reason to refuse the whole client.
        if (!declaredSchemes(ctx).has(schemeName)) {
          ctx.diagnostics.warning(
            'security-unknown',
            `Security scheme "${schemeName}" is not declared in components.securitySchemes; calls that need it send no credential.`,
            locate(ctx, requirement, schemeName),
          );
        }
      } else if (!options.includes(scheme.runtime.option)) {
        options.push(scheme.runtime.option);
      }
    }
  }
  return options;
}

interface Media {
  readonly contentType: string;
  readonly schema: unknown;
  readonly format: ResponseFormat;
  readonly raw: Record<string, unknown>;
}

/**
 * A response that may be bytes (a media type that is not JSON, a form or text, or a schema of
 * `format: binary`) is read as bytes: reading a video as JSON or text would corrupt it. Unless
 * its JSON is a structured answer (an object or a list, as Kubernetes declares beside protobuf
 * and YAML, or many APIs beside XML): then the client asks for JSON and parses it. A JSON that
 * is only a string (openai's videos.content) does not outweigh the bytes.
 */
function pickResponseMedia(content: unknown): Media | undefined {
  const picked = pickMedia(content);
  if (picked === undefined || picked.format === 'binary' || !isRecord(content)) return picked;
  if (picked.format === 'json' && isStructured(picked.schema)) return picked;
  const entries = Object.entries(content).filter(
    (e): e is [string, Record<string, unknown>] => isRecord(e[1]) && !isEventStream(e[0]),
  );
  const bytes =
    entries.find(([type]) => !isJSONMediaType(type) && !isFormMediaType(type) && !type.startsWith('text/')) ??
    entries.find(([, media]) => isRecord(media['schema']) && isBinarySchema(media['schema']));
  return bytes === undefined
    ? picked
    : { contentType: bytes[0], schema: bytes[1]['schema'], format: 'binary', raw: bytes[1] };
}

/** An object or a list: a `$ref` (named schemas are), a composition, or a schema of those types. */
function isStructured(schema: unknown): boolean {
  if (!isRecord(schema)) return false;
  if (
    typeof schema['$ref'] === 'string' ||
    ['allOf', 'oneOf', 'anyOf', 'properties', 'items', 'additionalProperties'].some((key) => key in schema)
  )
    return true;
  const type = schema['type'];
  return (Array.isArray(type) ? type : [type]).some((t) => t === 'object' || t === 'array');
}

/** `format: binary`, or (3.1) a `contentMediaType` that is not text and not encoded. */
function isBinarySchema(schema: Record<string, unknown>): boolean {
  const media = schema['contentMediaType'];
  return (
    schema['format'] === 'binary' ||
    (typeof media === 'string' && schema['contentEncoding'] === undefined && !/^text\/|json|xml/i.test(media))
  );
}

function isFormMediaType(type: string): boolean {
  return /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type);
}

/** JSON first, then forms, text, bytes, and last an event stream (a JSON or a binary answer is the default one). */
function pickMedia(content: unknown): Media | undefined {
  if (!isRecord(content)) return undefined;
  const entries = Object.entries(content).filter((e): e is [string, Record<string, unknown>] => isRecord(e[1]));
  const media = (entry: [string, Record<string, unknown>], format: ResponseFormat): Media => ({
    contentType: entry[0],
    schema: entry[1]['schema'],
    format,
    raw: entry[1],
  });
  const json = entries.find(([type]) => isJSONMediaType(type));
  if (json !== undefined) return media(json, 'json');
  // Forms are objects too: a multipart or urlencoded body comes before text and bytes.
  const form = entries.find(([type]) => isFormMediaType(type));
  if (form !== undefined) return media(form, 'json');
  const text = entries.find(([type]) => type.startsWith('text/') && !isEventStream(type));
  if (text !== undefined) return media(text, 'text');
  const other = entries.find(([type]) => !isEventStream(type));
  if (other !== undefined) return media(other, 'binary');
  const events = entries.find(([type]) => isEventStream(type));
  return events === undefined ? undefined : media(events, 'stream');
}

function isJSONMediaType(type: string): boolean {
  const mime = (type.split(';')[0] ?? '').trim().toLowerCase();
  return mime === 'application/json' || mime.endsWith('+json') || mime === '*/*';
}

function mediaExample(ctx: SpecContext, media: Record<string, unknown>, file: SpecFile): ExampleModel | undefined {
  if ('example' in media) return { value: media['example'], location: file.locate(media, 'example', 'value') };
  return firstExample(ctx, media['examples'], file);
}

/** The value of the first Example Object of `examples`, following a `$ref` to `components.examples` or another file. */
function firstExample(ctx: SpecContext, examples: unknown, file: SpecFile): ExampleModel | undefined {
  if (!isRecord(examples)) return undefined;
  for (const raw of Object.values(examples)) {
    const found = deref(ctx, raw, file);
    if (isRecord(found.value) && 'value' in found.value)
      return { value: found.value['value'], location: found.file.locate(found.value, 'value', 'value') };
  }
  return undefined;
}

function firstMediaSchema(content: unknown): unknown {
  return pickMedia(content)?.schema;
}

function declaredSchemes(ctx: SpecContext): Set<string> {
  const components = (ctx.spec.root.value as Record<string, unknown>)['components'];
  const schemes = isRecord(components) ? components['securitySchemes'] : undefined;
  return new Set(isRecord(schemes) ? Object.keys(schemes) : []);
}
