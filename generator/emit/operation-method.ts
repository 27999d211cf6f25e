import type {
  CodeBlockWriter,
  FunctionDeclarationStructure,
  MethodDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  WriterFunction,
} from 'ts-morph';
import { bodyArgumentType } from '../model/body-param.js';
import { bodyMember, mergedParamsRequired } from '../model/merged-params.js';
import type { OperationModel, ParameterModel, TypeModel } from '../model/model.js';
import {
  movedPathParams,
  pathParamsInBody,
  pathParamsInParams,
  positionalPathParams,
} from '../model/path-arguments.js';
import { operationRoute } from '../model/route.js';
import { REQUEST_OPTION_KEYS } from '../runtime/resource.js';
import { interfaceDeclaration } from './declarations.js';
import { type DocTag, describe, docText, jsDoc } from './doc-comments.js';
import { exampleSnippet, type SchemaLookup } from './examples.js';
import type { ImportSet } from './imports.js';
import { objectKey, propertyKey, quote } from './literals.js';
import { cookieEntry, headerValue, STYLE_WRITERS, stylesEntry } from './param-styles.js';
import { coreFile, FILES } from './paths.js';
import { StructureKind } from './print/structure-kind.js';
import {
  awaitedParts,
  mediaTypesOf,
  pageTypeArguments,
  responseParts,
  returnParts,
  streamParts,
  type TypeParts,
} from './return-shape.js';
import { mentionsUpload, referencedNames, writeType } from './type-writer.js';

export interface MethodContext {
  readonly imports: ImportSet;
  readonly lookup: SchemaLookup;
  /** Property names from the client to the resource that has the method. */
  readonly resourcePath: readonly string[];
  /** How the method reaches the client: `this._client` in a resource, `this` in the client. */
  readonly clientExpression: string;
  /** The client's default schemes: a method whose own are the same does not repeat them. */
  readonly defaultAuth: readonly string[];
  /** The client class without resources, named in the functions' docs. */
  readonly coreClassName: string;
}

/** The method of one operation: typed arguments and JSDoc with an example; it calls the operation's function. */
export function operationMethod(
  operation: OperationModel,
  ctx: MethodContext,
): OptionalKind<MethodDeclarationStructure> {
  planImports(operation, ctx.imports, ctx.lookup);
  const parameters = operationParameters(operation);
  const args = [ctx.clientExpression, ...parameters.map((p) => p.name)].join(', ');
  const docs = jsDoc(methodDescription(operation), methodTags(operation, ctx));
  if (operation.optionsAlone === true) return optionsAloneMethod(operation, ctx, parameters, docs);
  const overloads = streamOverloads(operation, parameters);
  return {
    kind: StructureKind.Method,
    name: operation.name,
    docs: overloads.length === 0 ? docs : [],
    overloads: overloads.map((overload, i) => ({ ...overload, docs: i === 0 ? docs : [] })),
    parameters,
    returnType: returnType(operation),
    statements: `return ${operation.functionName}(${args});`,
  };
}

/**
 * `list(stopId, params?, options?)` and `list(stopId, options?)`: request options given alone in
 * place of optional params (`x-sdkgen-client.optionsOverload`), as Stainless's older clients take
 * them, told apart at run time by their keys (`isRequestOptions`).
 */
function optionsAloneMethod(
  operation: OperationModel,
  ctx: MethodContext,
  parameters: readonly OptionalKind<ParameterDeclarationStructure>[],
  docs: ReturnType<typeof jsDoc>,
): OptionalKind<MethodDeclarationStructure> {
  ctx.imports.value('isRequestOptions', coreFile('resource'));
  // Params named like a request option (`query`): an object of those alone is the params.
  const clashing = [...operation.queryParams, ...operation.headerParams]
    .map((p) => p.property)
    .filter((name) => Object.hasOwn(REQUEST_OPTION_KEYS, name));
  const test = clashing.length === 0 ? 'params' : `params, ${JSON.stringify(clashing).replaceAll('"', "'")}`;
  const paramsType = operation.paramsTypeName ?? 'never';
  const declared = parameters.map((p): OptionalKind<ParameterDeclarationStructure> => {
    const { initializer: _default, ...rest } = p;
    return p.initializer === undefined ? p : { ...rest, hasQuestionToken: true };
  });
  const before = parameters.filter((p) => p.name !== 'params' && p.name !== 'options').map((p) => p.name);
  const call = (params: string, options: string): string =>
    `${operation.functionName}(${[ctx.clientExpression, ...before, params, options].join(', ')})`;
  return {
    kind: StructureKind.Method,
    name: operation.name,
    overloads: [
      { parameters: declared, returnType: returnType(operation), docs },
      { parameters: declared.filter((p) => p.name !== 'params'), returnType: returnType(operation) },
    ],
    parameters: parameters.map((p) => (p.name === 'params' ? { ...p, type: `${paramsType} | RequestOptions` } : p)),
    returnType: returnType(operation),
    statements: [
      `if (isRequestOptions(${test})) return ${call('{}', 'params')};`,
      `return ${call(`params as ${paramsType}`, 'options')};`,
    ],
  };
}

/**
 * Where the body's `stream` flag chooses the answer: `stream: true` gives a `Stream` of events,
 * `stream` false or left out the JSON answer, and a plain boolean either (as openai-node types it).
 */
function streamOverloads(
  operation: OperationModel,
  parameters: readonly OptionalKind<ParameterDeclarationStructure>[],
): { parameters: OptionalKind<ParameterDeclarationStructure>[]; returnType: WriterFunction }[] {
  const streaming = operation.streaming;
  const body = operation.body;
  // A body held in a property (`x-sdkgen-body-param`) keeps one signature: the flag is inside it.
  if (streaming?.mode !== 'flag' || body === undefined || body.param !== undefined) return [];
  // An overload declares no defaults: `params = {}` becomes `params?`.
  const declared = parameters.map((p): OptionalKind<ParameterDeclarationStructure> => {
    if (p.initializer === undefined) return p;
    const { initializer: _default, ...rest } = p;
    return { ...rest, hasQuestionToken: true };
  });
  // Merged with the parameters (`requestParams: merged`), the flag is a field of `params`.
  const merged = operation.paramsInBody === true;
  const flagged = merged ? 'params' : 'body';
  const withBody = (flag: string | undefined, required: boolean): OptionalKind<ParameterDeclarationStructure>[] =>
    declared.map((p) => {
      if (p.name !== flagged || flag === undefined) return p;
      // `body | undefined` in place (an optional body before required params) keeps its `undefined`.
      const orUndefined = !required && p.hasQuestionToken !== true && !bodyRequired(operation);
      return {
        ...p,
        hasQuestionToken: !required && p.hasQuestionToken === true,
        type: (writer: CodeBlockWriter) => {
          if (merged) writer.write(operation.paramsTypeName ?? 'never');
          else bodyType(operation)(writer);
          writer.write(` & ${flag}${orUndefined ? ' | undefined' : ''}`);
        },
      };
    });
  const promiseOf = (parts: TypeParts): WriterFunction => partsWriter(['APIPromise<', ...parts, '>']);
  return [
    { parameters: withBody('{ stream: true }', true), returnType: promiseOf(streamParts(streaming.events.item)) },
    {
      parameters: withBody('{ stream?: false | null | undefined }', false),
      returnType: promiseOf(responseParts(operation)),
    },
    { parameters: withBody(undefined, false), returnType: returnType(operation) },
  ];
}

/**
 * The operation as a standalone function of a client: what the method calls, and what a
 * bundle imports on its own so that it tree-shakes down to the operations it uses.
 */
export function operationFunction(
  operation: OperationModel,
  ctx: MethodContext,
): OptionalKind<FunctionDeclarationStructure> {
  planImports(operation, ctx.imports, ctx.lookup);
  ctx.imports.type('BaseClient', coreFile('client'));
  const parameters = operationParameters(operation);
  const client = parameters.some((p) => p.name === 'client') ? 'apiClient' : 'client';
  const call = `${[...ctx.resourcePath, operation.name].join('.')}`;
  const docs = jsDoc(
    `\`client.${call}()\` as a function of any client, even one without resources (\`${ctx.coreClassName}\`), so that bundles keep only the operations they call.`,
  );
  const withClient = [{ name: client, type: 'BaseClient' }, ...parameters];
  const overloads = streamOverloads(operation, withClient);
  return {
    kind: StructureKind.Function,
    name: operation.functionName,
    isExported: true,
    docs: overloads.length === 0 ? docs : [],
    overloads: overloads.map((overload, i) => ({ ...overload, docs: i === 0 ? docs : [] })),
    parameters: withClient,
    returnType: returnType(operation),
    statements: methodBody(operation, { ...ctx, clientExpression: client }),
  };
}

function operationParameters(operation: OperationModel): OptionalKind<ParameterDeclarationStructure>[] {
  const parameters: OptionalKind<ParameterDeclarationStructure>[] = positionalPathParams(operation).map((p) => ({
    name: p.identifier,
    type: typeWriter(p.type),
  }));
  const paramsType = operation.paramsTypeName;
  if (operation.paramsInBody === true && paramsType !== undefined) {
    // `requestParams: merged`: one object of the body's fields and the parameters.
    parameters.push({
      name: 'params',
      type: paramsType,
      ...(mergedParamsRequired(operation) ? {} : { initializer: '{}' }),
    });
    parameters.push({ name: 'options', type: 'RequestOptions', hasQuestionToken: true });
    return parameters;
  }
  const paramsRequired =
    pathParamsInParams(operation).length > 0 ||
    [...operation.queryParams, ...operation.headerParams].some((p) => p.required);
  if (operation.body !== undefined) {
    const required = bodyRequired(operation);
    // An optional body before required params cannot be `body?`: it takes `undefined` instead.
    const optionalInPlace = !required && paramsType !== undefined && paramsRequired;
    parameters.push(
      optionalInPlace
        ? {
            name: 'body',
            type: (writer) => {
              bodyType(operation)(writer);
              writer.write(' | undefined');
            },
          }
        : { name: 'body', type: bodyType(operation), hasQuestionToken: !required },
    );
  }
  if (paramsType !== undefined) {
    parameters.push({ name: 'params', type: paramsType, ...(paramsRequired ? {} : { initializer: '{}' }) });
  }
  parameters.push({ name: 'options', type: 'RequestOptions', hasQuestionToken: true });
  return parameters;
}

/** Whether the body must be given: the spec requires it, or it carries path parameters (`pathArguments: last`). */
function bodyRequired(operation: OperationModel): boolean {
  return operation.body?.required === true || pathParamsInBody(operation).length > 0;
}

function bodyDoc(operation: OperationModel, description: string | undefined): string {
  const inBody = pathParamsInBody(operation);
  const text = description ?? 'The request body.';
  if (inBody.length === 0) return text;
  return `${text} With the path parameter${inBody.length === 1 ? '' : 's'} ${inBody.map((p) => `\`${p.name}\``).join(', ')} among its fields, which are not sent in the body.`;
}

/** The body's type; with path parameters among its fields, `Body & { chat_id: string }`. */
function bodyType(operation: OperationModel): WriterFunction {
  return (writer) => {
    if (operation.body !== undefined) writeType(writer, bodyArgumentType(operation.body));
    const inBody = pathParamsInBody(operation);
    if (inBody.length === 0) return;
    writer.write(' & { ');
    inBody.forEach((p, i) => {
      writer.write(`${i === 0 ? '' : '; '}${propertyKey(p.name)}: `);
      writeType(writer, p.type);
    });
    writer.write(' }');
  };
}

/** The exported interface of an operation's query and header parameters, e.g. `GroupListParams`. */
export function paramsInterface(
  operation: OperationModel,
  resourceClass: string,
  imports: ImportSet,
): WriterFunction | undefined {
  if (operation.paramsTypeName === undefined) return undefined;
  const merged =
    operation.paramsInBody === true && operation.body !== undefined ? bodyMember(operation.body) : undefined;
  const parameters = [
    ...(merged === undefined ? pathParamsInParams(operation) : movedPathParams(operation)),
    ...operation.queryParams,
    ...operation.headerParams,
  ];
  for (const p of parameters) importTypes(p.type, imports);
  if (merged?.kind === 'ref') importTypes(merged, imports);
  const bodyFields = merged?.kind === 'object' ? merged.properties : [];
  for (const p of bodyFields) importTypes(p.type, imports);
  const properties = parameters.map((p) => ({
    name: p.property,
    required: p.required,
    type: p.type,
    docs: p.docs,
    readOnly: false,
    writeOnly: false,
  }));
  return interfaceDeclaration(
    operation.paramsTypeName,
    merged === undefined
      ? `Parameters of {@link ${resourceClass}.${operation.name}}.`
      : `Parameters of {@link ${resourceClass}.${operation.name}}: the body's fields, and the parameters sent in the ${paramPlaces(operation)}.`,
    [],
    [...properties, ...bodyFields],
    merged?.kind === 'object' ? merged.additional : undefined,
    merged?.kind === 'ref' ? merged.name : undefined,
  );
}

/** `path, query and headers`: where the parameters of `params` go, for its docs. */
function paramPlaces(operation: OperationModel): string {
  const places = [
    movedPathParams(operation).length > 0 ? 'path' : undefined,
    operation.queryParams.length > 0 ? 'query' : undefined,
    operation.headerParams.length > 0 ? 'headers' : undefined,
  ].filter((place) => place !== undefined);
  return places.length < 3 ? places.join(' and ') : `${places.slice(0, -1).join(', ')} and ${places.at(-1)}`;
}

function methodDescription(operation: OperationModel): string {
  const head = describe(operation.docs);
  const route = `\`${operationRoute(operation)}\``;
  return head === undefined ? route : `${head}\n\n${route}`;
}

function methodTags(operation: OperationModel, ctx: MethodContext): DocTag[] {
  const tags: DocTag[] = positionalPathParams(operation).map((p) => ({
    tagName: 'param',
    text: paramText(p.identifier, p.docs.description ?? `The \`${p.name}\` path parameter.`),
  }));
  if (operation.paramsInBody === true) {
    tags.push({
      tagName: 'param',
      text: paramText(
        'params',
        `The body's fields, and the parameters sent in the ${paramPlaces(operation)}: see {@link ${operation.paramsTypeName}}.`,
      ),
    });
  } else if (operation.body !== undefined)
    tags.push({ tagName: 'param', text: paramText('body', bodyDoc(operation, operation.body.description)) });
  if (operation.paramsTypeName !== undefined && operation.paramsInBody !== true) {
    const kinds = [
      pathParamsInParams(operation).length > 0 ? 'Path' : undefined,
      operation.queryParams.length > 0 ? 'Query' : undefined,
      operation.headerParams.length > 0 ? 'header' : undefined,
    ].filter((k) => k !== undefined);
    const what = kinds
      .map((kind, i) => (i === 0 ? kind : kind.toLowerCase()))
      .join(kinds.length > 2 ? ', ' : ' and ')
      .replace(/^header/, 'Header')
      .replace(/, (\w+)$/, ' and $1');
    tags.push({
      tagName: 'param',
      text: paramText('params', `${what} parameters: see {@link ${operation.paramsTypeName}}.`),
    });
  }
  tags.push({
    tagName: 'param',
    text: paramText('options', 'Per-request options: `signal`, `timeout`, `maxRetries`, `headers`, `query`.'),
  });
  tags.push({ tagName: 'returns', text: docText(returnsText(operation)) });
  if (operation.docs.deprecated === true)
    tags.push(
      operation.docs.deprecation === undefined
        ? { tagName: 'deprecated' }
        : { tagName: 'deprecated', text: docText(operation.docs.deprecation) },
    );
  tags.push({
    tagName: 'example',
    text: `\n\`\`\`ts\n${docText(exampleSnippet(operation, ctx.resourcePath, ctx.lookup))}\n\`\`\``,
  });
  return tags;
}

function paramText(name: string, description: string): string {
  return `${name} - ${docText(description)}`;
}

function returnsText(operation: OperationModel): string {
  if (operation.pagination !== undefined) {
    return `The first page; \`for await\` over the result walks every item of every page.`;
  }
  return operation.response.description ?? (operation.response.type === undefined ? 'Nothing.' : 'The response body.');
}

/** Every import the method's signature and body need; writers run later, when the file is printed. */
function planImports(operation: OperationModel, imports: ImportSet, lookup: SchemaLookup): void {
  imports.type('RequestOptions', coreFile('types'));
  for (const p of [...operation.pathParams, ...operation.queryParams, ...operation.headerParams])
    importTypes(p.type, imports);
  if (operation.body !== undefined) importTypes(bodyArgumentType(operation.body), imports);
  if (operation.response.type !== undefined) importTypes(operation.response.type, imports);
  if (operation.pagination !== undefined) {
    imports.type('PagePromise', coreFile('api-promise'));
    imports.value(operation.pagination.pageClass.name, FILES.pagination);
    importTypes(operation.pagination.item, imports);
  } else {
    imports.type('APIPromise', coreFile('api-promise'));
  }
  // Only a method with a parameter of a declared style imports the code that writes it.
  if (operation.headerParams.some((p) => p.in === 'cookie')) imports.value('cookieHeader', coreFile('styles'));
  if (stylesEntry('styles', operation.queryParams, lookup) !== undefined)
    imports.value(STYLE_WRITERS.styles, coreFile('styles'));
  if (stylesEntry('pathStyles', operation.pathParams, lookup) !== undefined)
    imports.value(STYLE_WRITERS.pathStyles, coreFile('styles'));
  // The code that encodes a form or file body and watches an answer handed on unread (events,
  // bytes) is not imported here: the client loads it on first use, so that a bundle holding this
  // module for another of its methods does not carry it up front.
  if (operation.response.format === 'binary') {
    imports.type('BinaryResponse', coreFile('binary'));
    imports.value('binaryOf', coreFile('binary'));
  }
  if (operation.streaming !== undefined) {
    // Only a streaming operation's module imports the stream code: bundles of others leave it out.
    imports.type('Stream', coreFile('stream'));
    imports.value('streamOf', coreFile('stream'));
    importTypes(operation.streaming.events.item, imports);
  }
}

function returnType(operation: OperationModel): WriterFunction {
  return partsWriter(returnParts(operation));
}

/** Writes type parts as code: schema types in full, as the type writer spells them. */
export function partsWriter(parts: TypeParts): WriterFunction {
  return (writer) => {
    for (const part of parts) {
      if (typeof part === 'string') writer.write(part);
      else writeType(writer, part);
    }
  };
}

function methodBody(operation: OperationModel, ctx: MethodContext): WriterFunction {
  return (writer) => {
    const headerParams = operation.headerParams;
    const merged = operation.paramsInBody === true;
    // A query parameter whose property is escaped (`constructor_`) goes on the wire by its name;
    // merged with the body, every query parameter is taken out of `params` by name.
    const renamedQuery = operation.queryParams.filter((p) => merged || p.property !== p.name);
    // `pathArguments: last`: the earlier path parameters are in `params`, by their wire names.
    const pathInParams = merged ? movedPathParams(operation) : pathParamsInParams(operation);
    if (merged) {
      // `requestParams: merged`: the parameters are taken out of `params`; the rest is the body.
      const bindings = [
        ...pathInParams.map((p, i) => `${objectKey(p.name)}: path${i}`),
        ...headerParams.map((p, i) => `${objectKey(p.property)}: header${i}`),
        ...renamedQuery.map((p, i) => `${objectKey(p.property)}: query${i}`),
      ];
      writer.writeLine(`const { ${bindings.join(', ')}, ...body } = params;`);
    } else if (headerParams.length > 0 || renamedQuery.length > 0 || pathInParams.length > 0) {
      // Header parameters travel as headers; the rest of `params`, if any, is the query.
      const bindings = [
        ...pathInParams.map((p, i) => `${objectKey(p.name)}: path${i}`),
        ...headerParams.map((p, i) => `${objectKey(p.property)}: header${i}`),
        ...renamedQuery.map((p, i) => `${objectKey(p.property)}: query${i}`),
      ];
      if (operation.queryParams.length > renamedQuery.length) bindings.push('...query');
      writer.writeLine(`const { ${bindings.join(', ')} } = params;`);
    }
    // Path parameters among the body's fields are taken out of what is sent.
    const inBody = merged ? [] : pathParamsInBody(operation);
    // Each path parameter given in `params` or the body is a local `path<i>`; the others are arguments.
    const moved = [...pathInParams, ...inBody];
    const local = (p: ParameterModel): string => (moved.includes(p) ? `path${moved.indexOf(p)}` : p.identifier);
    if (inBody.length > 0)
      writer.writeLine(
        `const { ${inBody.map((p) => `${objectKey(p.name)}: ${local(p)}`).join(', ')}, ...sent } = body;`,
      );
    const pagination = operation.pagination;
    const streaming = operation.streaming;
    const flag = streaming?.mode === 'flag';
    // The flag is read once: it decides the Accept header, how the body is read and what comes back.
    const optional = operation.body?.required === true || merged ? '' : '?';
    // What is sent: the body without the path parameters among its fields, or the property x-sdkgen-body-param names.
    const sent =
      inBody.length > 0
        ? 'sent'
        : operation.body?.param === undefined
          ? 'body'
          : `body${optional}.${operation.body.param}`;
    if (flag) writer.writeLine(`const streamed = ${sent}${optional}.stream === true;`);
    if (pagination !== undefined) {
      writer.write(`return ${ctx.clientExpression}.requestPage<`);
      partsWriter(pageTypeArguments(operation))(writer);
      writer.write(`>(${pagination.pageClass.name}, `);
    } else if (streaming !== undefined) {
      writer.write(`return ${ctx.clientExpression}.request<${flag ? 'unknown' : 'Response'}>(`);
    } else if (operation.response.format === 'binary') {
      writer.write(`return ${ctx.clientExpression}.request<Response>(`);
    } else {
      writer.write(`return ${ctx.clientExpression}.request<`);
      partsWriter(responseParts(operation))(writer);
      writer.write('>(');
    }
    writer.inlineBlock(() => {
      writer.writeLine(`method: ${quote(operation.method)},`);
      writer.writeLine(`path: ${quote(operation.path)},`);
      if (operation.pathParams.length > 0) {
        writer.writeLine(
          `pathParams: { ${operation.pathParams.map((p) => (p.name === local(p) ? p.name : `${objectKey(p.name)}: ${local(p)}`)).join(', ')} },`,
        );
      }
      const pathStyles = stylesEntry('pathStyles', operation.pathParams, ctx.lookup);
      if (pathStyles !== undefined) writer.writeLine(pathStyles);
      const destructured = headerParams.length > 0 || renamedQuery.length > 0 || pathInParams.length > 0;
      const rest = operation.queryParams.length > renamedQuery.length ? [destructured ? '...query' : '...params'] : [];
      const entries = [
        ...rest,
        ...renamedQuery.map((p, i) => `${objectKey(p.name)}: query${i}`),
        ...operation.fixedQuery.map((q) => `${objectKey(q.name)}: ${quote(q.value)}`),
      ];
      if (entries.length === 1 && rest.length === 1) writer.writeLine(destructured ? 'query,' : 'query: params,');
      else if (entries.length > 0) writer.writeLine(`query: { ${entries.join(', ')} },`);
      const styles = stylesEntry('styles', operation.queryParams, ctx.lookup);
      if (styles !== undefined) writer.writeLine(styles);
      if (operation.body !== undefined) writer.writeLine(sent === 'body' ? 'body,' : `body: ${sent},`);
      if (pagination?.paramsIn === 'body') writer.writeLine("pageParamsIn: 'body',");
      if (operation.body !== undefined && !/json/i.test(operation.body.contentType)) {
        writer.writeLine(`contentType: ${quote(operation.body.contentType)},`);
      }
      // Accept lists what the spec declares, where that is not JSON alone (the client's default).
      const declared = operation.response.format === 'json' ? [] : operation.response.mediaTypes;
      const accept =
        streaming !== undefined
          ? [flag ? "...(streamed ? { accept: 'text/event-stream' } : {})" : "accept: 'text/event-stream'"]
          : declared.length > 0
            ? [`accept: ${quote(declared.join(', '))}`]
            : [];
      const headers = [
        ...accept,
        ...headerParams.flatMap((p, i) =>
          p.in === 'header' ? [`${quote(p.name)}: ${headerValue(p, `header${i}`, ctx.lookup)}`] : [],
        ),
        ...cookieEntry(headerParams, ctx.lookup),
      ];
      if (headers.length > 0) writer.writeLine(`headers: { ${headers.join(', ')} },`);
      if (!sameSchemes(operation.auth, ctx.defaultAuth))
        writer.writeLine(`auth: [${operation.auth.map(quote).join(', ')}],`);
      if (flag) writer.writeLine(`format: streamed ? 'stream' : 'json',`);
      else if (operation.response.format !== 'json') writer.writeLine(`format: ${quote(operation.response.format)},`);
    });
    writer.write(', options)');
    if (operation.response.format === 'binary' && streaming === undefined)
      writer.write(`._map(binaryOf<${mediaTypesOf(operation)}>())`);
    if (streaming !== undefined) {
      const options = `{ terminator: ${quote(streaming.events.terminator)}${streaming.events.text ? ', text: true' : ''} }`;
      if (flag) {
        writer.write('._map<');
        partsWriter(awaitedParts(operation))(writer);
        writer.write('>((raw) => (streamed ? streamOf<');
        writeType(writer, streaming.events.item);
        writer.write(`>(${options})(raw) : (raw.data as `);
        partsWriter(responseParts(operation))(writer);
        writer.write(')))');
      } else {
        writer.write('._map(streamOf<');
        writeType(writer, streaming.events.item);
        writer.write(`>(${options}))`);
      }
    }
    writer.write(';');
  };
}

function typeWriter(type: TypeModel): WriterFunction {
  return (writer) => writeType(writer, type);
}

function importTypes(type: TypeModel, imports: ImportSet): void {
  for (const name of referencedNames(type)) imports.type(name, FILES.models);
  if (mentionsUpload(type)) imports.type('Uploadable', coreFile('uploads'));
}

function sameSchemes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((option) => b.includes(option));
}
