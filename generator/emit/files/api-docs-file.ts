import { bodyArgumentType } from '../../model/body-param.js';
import { bodyMember, mergedParamsRequired } from '../../model/merged-params.js';
import type {
  ApiModel,
  FieldDocs,
  NamedSchema,
  OperationModel,
  ParameterModel,
  PropertyModel,
  ResourceModel,
  TypeModel,
  WebhooksModel,
} from '../../model/model.js';
import {
  movedPathParams,
  pathParamsInBody,
  pathParamsInParams,
  positionalPathParams,
} from '../../model/path-arguments.js';
import { operationRoute } from '../../model/route.js';
import { objectProperties, resolveType, unionTag } from '../../model/type-queries.js';
import { envComment } from '../credential-text.js';
import { describe } from '../doc-comments.js';
import { exampleSnippet, type SchemaLookup } from '../examples.js';
import {
  anchor,
  cell,
  code,
  codeBlock,
  constraintsText,
  markdownFile,
  table,
  typeLinks,
  typeText,
} from '../markdown.js';
import { type EmitMemo, emitEach } from '../memo.js';
import type { OutputFile } from '../output-file.js';
import { styleNote } from '../param-styles.js';
import { awaitedParts, partsText, returnParts } from '../return-shape.js';
import { allResources } from './resource-file.js';

export const API_DOCS = 'api.md';

/**
 * `api.md`: every method, by resource, in the shape of the API's reference pages: the call,
 * its HTTP method and path, a table of parameters, the fields of what it returns, an example
 * call and, from the spec's examples, an example response.
 */
export function apiDocsFile(
  model: ApiModel,
  lookup: SchemaLookup,
  command: string,
  memo: EmitMemo = emitEach,
): OutputFile {
  const headings = new HeadingAnchors();
  headings.take('API reference');
  headings.take('Contents');
  // Every heading's anchor first, so that any table can link to any type.
  // The client's own methods first (an operation no resource takes), then each resource's.
  const resources = [model.root, ...allResources(model)]
    .filter((resource) => resource.operations.length > 0)
    .map((resource) => {
      const title = ['client', ...resource.path].join('.');
      return {
        resource,
        title,
        anchor: headings.take(title),
        operations: resource.operations
          .map((operation) => ({ operation, heading: operationTitle(operation) }))
          .map((o) => ({ ...o, anchor: headings.take(o.heading) })),
      };
    });
  const webhooks = model.webhooks;
  const webhooksTitle = webhooks === undefined ? undefined : `client.${webhooks.property}`;
  const webhooksAnchor = webhooksTitle === undefined ? undefined : headings.take(webhooksTitle);
  const typesAnchor = headings.take('Types');
  const schemas = [...model.schemas].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const anchors = new Map(schemas.map((schema) => [schema.name, headings.take(schema.name)]));
  const docs: DocsContext = { model, lookup, anchors, shownTypes: new Map() };
  // A remembering memo (--watch) must see every read of a type by each section: a table shared
  // between sections would hide the second section's reads, so each section then makes its own.
  const shownTypes = (): DocsContext['shownTypes'] => (memo === emitEach ? docs.shownTypes : new Map());
  // Each section links to types by their anchors, which every heading's text decides.
  const anchorsText = JSON.stringify([...anchors]);
  const toc: string[] = [];
  // The sections' blocks, joined once for the whole file: a section joined on its own would copy
  // the field tables of the type it returns, which Graph's 11,422 methods share (~1,000 of them).
  const sections: string[] = [];
  for (const { resource, title, anchor, operations } of resources) {
    toc.push(`- [${code(title)}](#${anchor})`);
    sections.push(`## ${code(title)}`);
    for (const { operation, heading, anchor: at } of operations) {
      toc.push(`  - [${heading}](#${at}): ${code(operationRoute(operation))}`);
      sections.push(
        ...memo(
          `api docs ${title} ${heading}`,
          [model, lookup, anchorsText, resource, operation, heading],
          (m, l, _anchors, r, o, h) =>
            operationSection({ model: m, lookup: l, anchors, shownTypes: shownTypes() }, r, o, h),
        ),
      );
    }
  }
  if (webhooks !== undefined && webhooksTitle !== undefined) {
    toc.push(`- [${code(webhooksTitle)}](#${webhooksAnchor})`);
    sections.push(...webhooksSection(docs, webhooks, webhooksTitle));
  }
  if (schemas.length > 0) {
    toc.push(`- [Types](#${typesAnchor})`);
    sections.push(
      '## Types',
      `The named types of the package, exported from ${code(model.client.packageName)}: what each field holds, each enum's values, each union's variants.`,
    );
    for (const schema of schemas)
      sections.push(
        ...memo(`api docs type ${schema.name}`, [lookup, anchorsText, schema], (l, _anchors, named) =>
          typeSection({ model, lookup: l, anchors, shownTypes: shownTypes() }, named),
        ),
      );
  }
  const contents = markdownFile([
    `<!-- Generated by \`${command}\`. Run it again after a spec change; edits made here are merged into the new output. -->`,
    `# ${model.client.title}: API reference`,
    `Every method of ${code(model.client.className)}, by resource, then every named type. The [README](README.md) covers installing, authentication, pagination, errors, retries and timeouts.`,
    '## Contents',
    toc.join('\n'),
    ...sections,
  ]);
  return { path: API_DOCS, contents };
}

/** What every section needs: the model, named schemas, and each type's anchor to link to. */
interface DocsContext {
  readonly model: ApiModel;
  readonly lookup: SchemaLookup;
  readonly anchors: ReadonlyMap<string, string>;
  /** The fields of each named type a method returns, as `returns` shows them: Graph's 11,422 methods share ~1,000 of them. */
  readonly shownTypes: Map<string, readonly string[]>;
}

/** A named type's entry, as its blocks: what it is (its enum values, its variants and their tags, or its fields). */
function typeSection(docs: DocsContext, schema: NamedSchema): readonly string[] {
  const parts = [`### ${code(schema.name)}`];
  const description = describe({ description: schema.docs.description });
  if (description !== undefined) parts.push(description);
  const type = schema.type;
  const literals =
    type.kind === 'union'
      ? type.members.filter((m): m is Extract<TypeModel, { kind: 'literal' }> => m.kind === 'literal')
      : [];
  if (type.kind === 'union' && literals.length === type.members.length) {
    parts.push(`One of: ${literals.map((m) => code(JSON.stringify(m.value))).join(', ')}.`);
  } else if (type.kind === 'literal') {
    parts.push(`Always ${code(JSON.stringify(type.value))}.`);
  } else if (type.kind === 'union') {
    const tag = unionTag(type.members, docs.lookup);
    const rows = type.members.map((member, i) => [
      cell(typeLinks(member, docs.anchors)),
      ...(tag === undefined ? [] : [cell(code(JSON.stringify(tag.values[i])))]),
    ]);
    parts.push(
      tag === undefined ? 'One of these variants:' : `One of these variants, told apart by ${code(tag.property)}:`,
      table(['Variant', ...(tag === undefined ? [] : [code(tag.property)])], rows),
    );
  } else {
    const fields = objectProperties(type, docs.lookup);
    if (fields.length > 0 && (type.kind === 'object' || type.kind === 'intersection' || type.kind === 'omit'))
      parts.push(fieldsTable(fields, docs.anchors));
    else
      parts.push(
        `Type: ${typeLinks(type, docs.anchors)}${constraintsText(schema.docs) === '' ? '' : ` (${constraintsText(schema.docs)})`}.`,
      );
  }
  return parts;
}

function operationTitle(operation: OperationModel): string {
  const summary = operation.docs.summary?.trim();
  return (summary === undefined || summary === '' ? `${operation.name} (${operation.operationId})` : summary).replace(
    /\s+/g,
    ' ',
  );
}

/** A method's entry, as its blocks. */
function operationSection(
  docs: DocsContext,
  resource: ResourceModel,
  operation: OperationModel,
  heading: string,
): readonly string[] {
  const { model, lookup } = docs;
  const facts = [`**${code(operationRoute(operation))}**`];
  if (operation.pagination !== undefined) facts.push(`paginated (${code(operation.pagination.pageClass.name)})`);
  if (operation.docs.deprecated === true)
    facts.push(
      operation.docs.deprecation === undefined ? '**deprecated**' : `**deprecated**: ${operation.docs.deprecation}`,
    );
  const description = describeOperation(operation);
  const parts = [
    `### ${heading}`,
    code(signature(resource, operation)),
    facts.join(' · '),
    ...(description === undefined ? [] : [description]),
    '#### Parameters',
    parametersTable(operation, docs),
    '#### Returns',
    ...returns(operation, docs),
    '#### Example',
    codeBlock('ts', exampleProgram(model, resource, operation, lookup)),
  ];
  const response = exampleResponse(operation, lookup);
  if (response !== undefined) parts.push('#### Example response', codeBlock('json', JSON.stringify(response, null, 2)));
  return parts;
}

/** The operation's description, when it says more than its title. */
function describeOperation(operation: OperationModel): string | undefined {
  const text = describe({ description: operation.docs.description });
  return text === undefined || text === operation.docs.summary?.trim() ? undefined : text;
}

/** `client.a.b.list(projectID: string, params?: GroupListParams, options?: RequestOptions): …` */
function signature(resource: ResourceModel, operation: OperationModel): string {
  const args = positionalPathParams(operation).map((p) => `${p.identifier}: ${typeText(p.type)}`);
  const inBody = pathParamsInBody(operation);
  if (operation.paramsInBody === true && operation.paramsTypeName !== undefined)
    args.push(`params${mergedParamsRequired(operation) ? '' : '?'}: ${operation.paramsTypeName}`);
  else if (operation.body !== undefined)
    args.push(
      `body${operation.body.required || inBody.length > 0 ? '' : '?'}: ${typeText(bodyArgumentType(operation.body))}${inBody.length === 0 ? '' : ` & { ${inBody.map((p) => `${p.name}: ${typeText(p.type)}`).join('; ')} }`}`,
    );
  if (operation.paramsTypeName !== undefined && operation.paramsInBody !== true) {
    const required =
      pathParamsInParams(operation).length > 0 ||
      [...operation.queryParams, ...operation.headerParams].some((p) => p.required);
    args.push(`params${required ? '' : '?'}: ${operation.paramsTypeName}`);
  }
  args.push('options?: RequestOptions');
  return `client.${[...resource.path, operation.name].join('.')}(${args.join(', ')}): ${partsText(returnParts(operation))}`;
}

/** Path, query and header parameters, then the body's fields (or the body as one row). */
function parametersTable(operation: OperationModel, { lookup, anchors }: DocsContext): string {
  const rows: string[][] = [];
  const row = (name: string, type: TypeModel, where: string, required: boolean, docs: FieldDocs): void => {
    rows.push([
      code(name),
      cell(typeLinks(type, anchors)),
      where,
      required ? 'yes' : 'no',
      docs.default === undefined ? '' : cell(code(JSON.stringify(docs.default.value))),
      cell(constraintsText(docs)),
      cell(fieldDescription(docs)),
    ]);
  };
  // A style other than the place's default is said: whoever reads the wire or writes a server needs it.
  const where = (p: ParameterModel): string => {
    const note = styleNote(p, lookup);
    return note === undefined ? p.in : `${p.in} (${code(note)})`;
  };
  // `pathArguments: last`: the earlier path parameters are given in `params`, by these names.
  const merged = operation.paramsInBody === true;
  const inParams = merged ? movedPathParams(operation) : pathParamsInParams(operation);
  const inBody = merged ? [] : pathParamsInBody(operation);
  const given = (p: ParameterModel): string =>
    inParams.includes(p)
      ? `${where(p)} (in ${code('params')})`
      : inBody.includes(p)
        ? `${where(p)} (in ${code('body')})`
        : where(p);
  for (const p of operation.pathParams) row(p.name, p.type, given(p), true, p.docs);
  for (const p of [...operation.queryParams, ...operation.headerParams])
    row(p.name, p.type, where(p), p.required, p.docs);
  const body = operation.body;
  if (body?.param !== undefined) {
    // The whole body, as the one property of the argument: `create({ ids })`.
    row(body.param, body.type, 'body (whole)', body.required, { description: body.description });
  } else if (body !== undefined) {
    // Merged into `params`, an optional body's object (`AppGet | null`) is its fields.
    const type = (merged ? bodyMember(body) : undefined) ?? body.type;
    const fields = objectProperties(type, lookup).filter((p) => !p.readOnly);
    if (fields.length > 0 && resolveType(type, lookup)?.kind !== 'union') {
      for (const p of fields) row(p.name, p.type, 'body', body.required && p.required, p.docs);
    } else {
      row('body', body.type, 'body', body.required, { description: body.description });
    }
  }
  if (rows.length === 0) return 'None.';
  return table(['Name', 'Type', 'In', 'Required', 'Default', 'Constraints', 'Description'], rows);
}

function returns(operation: OperationModel, { lookup, anchors, shownTypes }: DocsContext): string[] {
  const { pagination, response, streaming } = operation;
  const linked = (type: TypeModel): string => typeLinks(type, anchors);
  const shown =
    response.format === 'binary'
      ? undefined
      : (pagination?.item ?? (streaming?.mode === 'always' ? streaming.events.item : response.type));
  // The awaited type exactly as the signature declares it; the prose after it says how to read it.
  const awaited = code(partsText(awaitedParts(operation)));
  const described = response.description === undefined ? '' : ` ${cell(response.description)}`;
  const lead =
    pagination !== undefined
      ? `${awaited}: the first page, with the response's fields (below); ${code('for await')} over the call walks every ${linked(pagination.item)} of every page.`
      : streaming?.mode === 'always'
        ? `${awaited}: server-sent events, parsed; ${code('for await')} over the stream reads each as it arrives.${described}`
        : response.format === 'binary'
          ? `${awaited}: the bytes as sent, unread: ${code('blob()')}, ${code('arrayBuffer()')}, ${code('bytes()')} or the ${code('body')} stream; ${code('contentType')} says which type came.${described}`
          : streaming?.mode === 'flag'
            ? `${awaited}: with ${code('stream: true')} in the body, a stream of server-sent events; without it, the response body.${described}`
            : response.type === undefined
              ? `${awaited}: nothing (the response has no body).`
              : `${linked(response.type)}${response.description === undefined ? '.' : `: ${cell(response.description)}`}`;
  const pageFields =
    pagination === undefined || !pagination.envelope || response.type === undefined
      ? []
      : objectProperties(response.type, lookup).filter((p) => p.name !== pagination.pageClass.scheme.items);
  const page =
    pageFields.length === 0
      ? []
      : [
          `**Page fields** (on the page, beside its items in ${code(pagination?.pageClass.scheme.items ?? 'data')}):`,
          fieldsTable(pageFields, anchors),
        ];
  if (shown === undefined) return [lead, ...page];
  if (shown.kind !== 'ref') return [lead, ...page, ...shownFields(shown, lookup, anchors)];
  let named = shownTypes.get(shown.name);
  if (named === undefined) {
    named = shownFields(shown, lookup, anchors);
    shownTypes.set(shown.name, named);
  }
  return [lead, ...page, ...named];
}

/** What a method returns, field by field: the named type's description, then its fields' table (none for a union). */
function shownFields(shown: TypeModel, lookup: SchemaLookup, anchors: ReadonlyMap<string, string>): readonly string[] {
  const fields = objectProperties(shown, lookup);
  if (fields.length === 0 || resolveType(shown, lookup)?.kind === 'union') return [];
  const schema = shown.kind === 'ref' ? lookup(shown.name) : undefined;
  const about =
    schema === undefined
      ? []
      : [
          `**${code(schema.name)}**${schema.docs.description === undefined ? '' : `: ${cell(schema.docs.description)}`}`,
        ];
  return [...about, fieldsTable(fields, anchors)];
}

function fieldsTable(fields: readonly PropertyModel[], anchors: ReadonlyMap<string, string>): string {
  const rows = [...fields]
    .sort((a, b) => Number(b.required) - Number(a.required) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))

    .map((p) => [
      code(p.name),
      cell(typeLinks(p.type, anchors)),
      p.required ? 'yes' : 'no',
      cell(constraintsText(p.docs)),
      cell(fieldDescription(p.docs)),
    ]);
  return table(['Field', 'Type', 'Always present', 'Constraints', 'Description'], rows);
}

function fieldDescription(docs: FieldDocs): string {
  const text = docs.description?.trim() ?? '';
  return docs.deprecated === true ? `**Deprecated.** ${text}`.trim() : text;
}

/** A whole program: the import, the client, and the call (type-checked by the tests). */
export function exampleProgram(
  model: ApiModel,
  resource: ResourceModel,
  operation: OperationModel,
  lookup: SchemaLookup,
): string {
  const { className, packageName } = model.client;
  const auth = model.client.auth.find((a) => operation.auth.includes(a.runtime.option));
  const comment = envComment(auth?.runtime);
  return [
    `import ${className} from '${packageName}';`,
    '',
    `const client = new ${className}();${comment}`,
    '',
    exampleSnippet(operation, resource.path, lookup),
  ].join('\n');
}

/** The spec's example of the response, else of its schema. */
function exampleResponse(operation: OperationModel, lookup: SchemaLookup): unknown {
  const { response } = operation;
  if (response.format !== 'json') return undefined;
  if (response.example !== undefined) return response.example.value;
  return response.type?.kind === 'ref' ? lookup(response.type.name)?.docs.example?.value : undefined;
}

/** Anchors as GitHub makes them, a repeated heading getting `-1`, `-2`, … */
class HeadingAnchors {
  readonly #seen = new Map<string, number>();

  take(heading: string): string {
    const base = anchor(heading.replace(/`/g, ''));
    const count = this.#seen.get(base) ?? 0;
    this.#seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  }
}

/** The webhooks the API sends: how `unwrap()` is called, and each event with its payload's type. */
function webhooksSection(docs: DocsContext, webhooks: WebhooksModel, title: string): string[] {
  const eventType: TypeModel = { kind: 'ref', name: webhooks.eventType };
  const ref = (name: string): string => typeLinks({ kind: 'ref', name }, docs.anchors);
  const methods =
    webhooks.methods === undefined
      ? `${code(`${title}.unwrap(body: string | Uint8Array, headers: WebhookHeaders, secret?: string, toleranceSeconds?: number)`)} → ${code('Promise')} of ${typeLinks(eventType, docs.anchors)}: verifies the signature with the ${code('webhookSecret')} option (else ${code(webhooks.secretEnv)}), then parses the body. ${code(`${title}.verifySignature(…)`)} takes the same arguments and only verifies. A webhook that may not be trusted throws ${code('InvalidWebhookSignatureError')}.`
      : webhooks.methods
          .map((method) =>
            method.keyOption === undefined
              ? `${code(`${title}.${method.name}(body: string)`)} → ${ref(method.eventType)}: parses the body, without checking its signature.`
              : `${code(`${title}.${method.name}(body: string, { headers, key }: { headers: Record<string, string>; key?: string })`)} → ${ref(method.eventType)}: verifies the Standard Webhooks signature with ${code('key')}, else the ${code(method.keyOption)} option, then parses the body; a webhook that may not be trusted throws ${code('InvalidWebhookSignatureError')}.`,
          )
          .join('\n\n');
  return [
    `## ${code(title)}`,
    methods,
    table(
      ['Event', 'Payload', 'Description'],
      webhooks.events.map((event) => [
        code(event.name),
        typeLinks(event.type, docs.anchors),
        cell(
          [event.docs.summary?.replace(/\.$/, ''), event.docs.description].filter((t) => t !== undefined).join('. '),
        ),
      ]),
    ),
  ];
}
