/**
 * The intermediate representation between the spec and the emitted code. The model
 * builder is the only reader of the raw spec; emitters read only this.
 */
import type { SourceLocation } from '../diagnostics.js';
import type { PageScheme } from '../runtime/pagination.js';
import type { AuthScheme, HttpMethod, QueryFormat, ResponseFormat } from '../runtime/types.js';
import type { ShapeConstraints } from '../runtime/validate.js';
import type { WebhookSignature } from '../runtime/webhooks.js';
import type { FixedQuery } from './route.js';

export type { HttpMethod, PageScheme, QueryFormat, ResponseFormat };

export interface ApiModel {
  readonly client: ClientModel;
  readonly schemas: readonly NamedSchema[];
  readonly pageClasses: readonly PageClassModel[];
  /** The client itself: its children are the top-level resources. */
  readonly root: ResourceModel;
  /** The webhooks the API sends (OpenAPI 3.1 `webhooks`), verified and read by `client.webhooks`. */
  readonly webhooks?: WebhooksModel | undefined;
  /** Operations `x-sdkgen-skip` leaves out of the client, in spec order; for `sdkgen plan`. */
  readonly skipped?: readonly SkippedOperationModel[] | undefined;
  /** What `--include` / `--exclude` left out, when the run has any. */
  readonly filtered?: FilterModel | undefined;
}

/** `--include` / `--exclude`: what each selector did, and what the client leaves out for them. */
export interface FilterModel {
  readonly selectors: readonly {
    readonly kind: 'include' | 'exclude';
    /** As written: `tag:pets`, `/me/messages/**`. */
    readonly text: string;
    /** The operations it picks. */
    readonly matched: number;
    /** The operations left out because of it (an exclude; an include leaves nothing out alone). */
    readonly leftOut: number;
  }[];
  /** Operations the client has. */
  readonly kept: number;
  /** Operations no `--include` picks (0 without includes). */
  readonly notIncluded: number;
  /** Every operation left out, in spec order, with why: `--exclude tag:admin`, `matched by no --include`. */
  readonly leftOut: readonly {
    readonly method: HttpMethod;
    readonly path: string;
    readonly operationId: string | undefined;
    readonly by: string;
  }[];
  /** Schemas of `components.schemas` that no kept operation reaches, left out. */
  readonly prunedSchemas: number;
}

/** An operation the client does not have, and why. */
export interface SkippedOperationModel {
  readonly operationId: string | undefined;
  readonly method: HttpMethod;
  /** Its key in `paths`. */
  readonly path: string;
  /** `x-sdkgen-skip`, or `x-sdkgen-skip: <the reason the spec gives>`. */
  readonly reason: string;
  readonly location: SourceLocation;
}

/** The events an API sends to its users' endpoints, and how it signs them. */
export interface WebhooksModel {
  /** The client's property: `webhooks` (`webhookEvents` where a resource has that name). */
  readonly property: string;
  /** The named union of every event's payload (`WebhookEvent`), what `unwrap()` returns. */
  readonly eventType: string;
  readonly events: readonly WebhookEventModel[];
  readonly signature: WebhookSignature;
  /** The environment variable the secret is read from: `OPENAI_WEBHOOK_SECRET`. */
  readonly secretEnv: string;
  /** `x-sdkgen-webhooks.discriminator`: the property every event has that tells them apart (`type`). */
  readonly discriminator?: string | undefined;
  /**
   * `x-sdkgen-webhooks.methods`: the unwrap methods a Stainless config declares (`type:
   * webhook_unwrap`), which `client.webhooks` has in place of sdkgen's own `unwrap(body, headers)`.
   */
  readonly methods?: readonly WebhookMethodModel[] | undefined;
}

/** `client.webhooks.unwrap(body, { headers, key })`, or `unsafeUnwrap(body)` where no secret option is named. */
export interface WebhookMethodModel {
  readonly name: string;
  /** What it returns: the union of the events, named after the method (`UnwrapWebhookEvent`). */
  readonly eventType: string;
  /** The client option holding the secret it verifies with (`webhookSecret`); none: it only parses. */
  readonly keyOption?: string | undefined;
}

export interface WebhookEventModel {
  /** Its key under `webhooks`: `batch_cancelled`. */
  readonly name: string;
  /** Its payload (a named schema). */
  readonly type: TypeModel;
  readonly docs: Docs;
  readonly location: SourceLocation;
}

export interface ClientModel {
  /** Name of the client class, also the package's default export. */
  readonly className: string;
  /** The client without its resource tree (`OpenAICore`), for bundles built from standalone functions. */
  readonly coreClassName: string;
  readonly packageName: string;
  readonly version: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly baseURL: string;
  /** Every server URL the spec lists, as written; for `sdkgen diff`. */
  readonly servers?: readonly string[] | undefined;
  readonly auth: readonly AuthModel[];
  /** The environment variable that sets the client's log level, e.g. `OPENAI_LOG`. */
  readonly logEnv: string;
  /**
   * The header that carries an idempotency key on non-idempotent requests: declared by
   * `x-sdkgen-client.idempotencyHeader`, else a header parameter the spec declares by that name.
   */
  readonly idempotencyHeader: string | undefined;
  /** Option names of the schemes the document's `security` names: what a call needs unless it says otherwise. */
  readonly defaultAuth: readonly string[];
  /** `x-sdkgen-client.environments`: named base URLs, the first the default; the `environment` option picks one. */
  readonly environments?: readonly ClientEnvironment[] | undefined;
  /** `x-sdkgen-client.maxRetries` and `retryDelay`: the client's retry defaults, where they are not the runtime's. */
  readonly retries?: RetryDefaults | undefined;
  /** `x-sdkgen-client.options`: client options besides credentials, sent on every request. */
  readonly options?: readonly ClientOptionModel[] | undefined;
  /** `x-sdkgen-client.query`: how query lists and objects with no declared `style` are written. */
  readonly queryFormat?: QueryFormat | undefined;
  /** `x-sdkgen-client.readme`: the call the README shows first. */
  readonly readme?: ReadmeExample | undefined;
  /** `x-sdkgen-client.pathArguments: last`: only an operation's last path parameter is an argument of its own. */
  readonly pathArguments?: 'last' | undefined;
  /**
   * `x-sdkgen-client.typeNames: per-method`: every method's params and response types are named
   * `<Resource><Method>Params` / `<Resource><Method>Response`, as Stainless names them, unless the
   * response is a model `x-sdkgen-name` declares.
   */
  readonly typeNames?: 'per-method' | undefined;
  /**
   * `x-sdkgen-client.pagination: declared`: only declared page classes page (an operation's own,
   * another generator's, or a root class the list fits); nothing is paged by inference, as in a
   * Stainless-generated SDK, where a list its config's schemes do not fit returns its answer.
   */
  readonly pagination?: 'declared' | undefined;
  /**
   * `x-sdkgen-client.optionsOverload`: a method whose params are all optional also takes request
   * options alone in their place (`list(options)`), as Stainless's older \`node\` target has it.
   */
  readonly optionsOverload?: true | undefined;
  /**
   * `x-sdkgen-client.requestParams: merged`: a method with a JSON object body and query or
   * header parameters takes them all in one params object (`list({ filter, page })`), as
   * Stainless-generated clients do; else the body and the params are two arguments.
   */
  readonly requestParams?: 'merged' | undefined;
  /** `x-sdkgen-client.naming`: the naming conventions the team declares once for the whole API (docs/naming.md). */
  readonly naming?: NamingConventions | undefined;
  /**
   * `x-sdkgen-client.errorClass`: a second name the package exports its base error class
   * (`SDKError`) under, as Stainless-generated SDKs name theirs `<Client>Error`.
   */
  readonly errorClass?: string | undefined;
}

export interface ClientEnvironment {
  readonly name: string;
  readonly url: string;
}

export interface RetryDefaults {
  readonly maxRetries?: number | undefined;
  /** Seconds before the first retry, doubled on each, and the most waited. */
  readonly initialDelay?: number | undefined;
  readonly maxDelay?: number | undefined;
}

/** An option of the client that is not a credential: OpenAI's `organization`, sent as `OpenAI-Organization`. */
export interface ClientOptionModel {
  readonly name: string;
  readonly type: 'string' | 'number' | 'boolean';
  readonly env?: string | undefined;
  readonly default?: string | number | boolean | undefined;
  /** `null` is a value of its own: the option is sent nowhere, even where its variable is set. */
  readonly nullable: boolean;
  readonly header?: string | undefined;
  readonly query?: string | undefined;
  readonly description?: string | undefined;
}

export interface ReadmeExample {
  readonly method: HttpMethod;
  /** The path template, as the spec's key writes it. */
  readonly path: string;
  readonly params?: Readonly<Record<string, unknown>> | undefined;
}

export interface AuthModel {
  /** Key of the scheme in `components.securitySchemes`. */
  readonly schemeName: string;
  /** Whether `x-sdkgen-auth` chose its option or variable (else both were inferred from the scheme and the title). */
  readonly declared: boolean;
  /** What an inferred option is named for: the scheme's name (`personalAccessToken`), or what it holds (`accessToken`, `username`). */
  readonly namedFor: 'scheme' | 'credential';
  readonly description: string | undefined;
  /** What the runtime needs: how the credential travels, its option and environment variable. */
  readonly runtime: AuthScheme;
}

/**
 * `x-sdkgen-client.naming`: what SDKs built from specs of one shape choose differently, so that no
 * rule can read it from the spec; each key left out is the default (openai-node's shape).
 */
export interface NamingConventions {
  /** `parent`: CRUD calls below an item are the parent's methods, a verb and a noun (`customers.listSources`), as stripe-node has them; default `nest`. */
  readonly subResources?: 'parent' | undefined;
  /** `get`: every read the rules call `retrieve` is `get` (`getByName`); default `retrieve`. */
  readonly reads?: 'get' | undefined;
  /** `del`: a `delete` is `del`, as stripe-node has it; default `delete`. */
  readonly deletes?: 'del' | undefined;
  /** `tags`: an operation's first tag is its resource and its operationId its method (`issueAttachments.getAttachment`), as jira.js and openapi-generator name; default `paths`. */
  readonly resources?: 'tags' | undefined;
  /**
   * `noun`: a method the rules would name by a reserved word of JavaScript (`return`, `void`, `import`)
   * takes its resource's singular noun (`inboundTransfers.returnInboundTransfer`), as stripe-node and
   * SDKs for languages where a keyword names no method do; `delete` is `deletes`'s; default `keep`.
   */
  readonly keywords?: 'noun' | undefined;
}

/** The rule that placed an operation, as docs/naming.md and `sdkgen plan` name it. */
export type PlacementRule =
  | 'declared'
  | 'code-sample'
  | 'scoped-id'
  | 'dotted-path'
  | 'tag'
  | 'membership'
  | 'toggle'
  | 'lookup'
  | 'verb-segment'
  | 'write-action'
  | 'action'
  | 'item-list'
  | 'attached'
  | 'setting'
  | 'download'
  | 'crud'
  | 'sub-resource'
  | 'intent'
  | 'singleton'
  | 'view';

export interface Docs {
  readonly summary?: string | undefined;
  readonly description?: string | undefined;
  readonly deprecated?: boolean | undefined;
  /** Why, or what to use instead (`x-sdkgen-deprecated: "Use create()"`): the text of `@deprecated`. */
  readonly deprecation?: string | undefined;
  /** `externalDocs.url` (and its description), where the spec points to more. */
  readonly externalDocs?: string | undefined;
}

/**
 * Validation keywords, shown in docs, checked by the mock and, with `validate`, by the client on
 * answers: the runtime validator's own description of them.
 */
export type Constraints = ShapeConstraints;

/** An example value from the spec, and where it is written (for the warning when it does not fit its schema). */
export interface ExampleModel {
  readonly value: unknown;
  readonly location?: SourceLocation | undefined;
}

export interface FieldDocs extends Docs {
  readonly format?: string | undefined;
  /** Present when the spec declares a default; `null` is a real default. */
  readonly default?: { readonly value: unknown } | undefined;
  readonly example?: ExampleModel | undefined;
  readonly constraints?: Constraints | undefined;
}

/** `Blob` is a file or binary body (`type: string, format: binary`). */
export type PrimitiveName = 'string' | 'number' | 'boolean' | 'null' | 'unknown' | 'Blob';

/** A TypeScript type, structurally. */
export type TypeModel =
  | {
      readonly kind: 'primitive';
      readonly name: PrimitiveName;
      /** `type: integer`: a whole number, which TypeScript types as `number`. */
      readonly integer?: true | undefined;
      /** The bounds the schema itself sets (an item's `maxLength`), for the validator; a field's are in its docs too. */
      readonly constraints?: Constraints | undefined;
    }
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'array'; readonly items: TypeModel; readonly constraints?: Constraints | undefined }
  | {
      readonly kind: 'object';
      readonly properties: readonly PropertyModel[];
      readonly additional: TypeModel | undefined;
      /** `additionalProperties: false`: no property but the declared ones. */
      readonly closed?: true | undefined;
    }
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'union'; readonly members: readonly TypeModel[] }
  | { readonly kind: 'intersection'; readonly members: readonly TypeModel[] }
  /** `Omit<T, keys>`: a named type without some properties (read-only ones in a request, say). */
  | { readonly kind: 'omit'; readonly type: TypeModel; readonly keys: readonly string[] };

export interface PropertyModel {
  /** As on the wire; emitters quote it when it is not an identifier. */
  readonly name: string;
  readonly required: boolean;
  readonly type: TypeModel;
  readonly docs: FieldDocs;
  readonly readOnly: boolean;
  readonly writeOnly: boolean;
  /** Where the spec declares it (its key under `properties`). */
  readonly location?: SourceLocation | undefined;
}

/** A schema of `components.schemas` (or one reached by `$ref` in another file), emitted as a named type. */
export interface NamedSchema {
  /** Exported TypeScript name, unique in the package. */
  readonly name: string;
  /** Its key in `components.schemas` (`Error`, where the type is `ErrorSchema`); `undefined` for a type sdkgen named. */
  readonly componentKey: string | undefined;
  readonly type: TypeModel;
  readonly docs: FieldDocs;
  readonly location: SourceLocation;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/** OpenAPI's parameter styles (`style`); each place takes some of them only. */
export type ParameterStyle = 'simple' | 'label' | 'matrix' | 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

/**
 * How a parameter's value is written on the wire: the spec's `style`, `explode` and
 * `allowReserved` with the defaults of its place filled in, or `content` with a JSON media type.
 * A combination sdkgen cannot honour has been warned about and replaced by its place's default.
 */
export interface ParameterSerialization {
  readonly style: ParameterStyle;
  readonly explode: boolean;
  /** Query values only: RFC 3986's reserved characters (`/`, `:`, `,`, …) are sent unencoded. */
  readonly allowReserved: boolean;
  /** Declared by `content: application/json`: the value is sent as JSON text, whatever the style. */
  readonly json: boolean;
}

export interface ParameterModel {
  /** As on the wire. */
  readonly name: string;
  /** The method argument's name, for path parameters. */
  readonly identifier: string;
  /**
   * Its key in the method's `params` (query and header parameters): the wire name, escaped
   * where it would be a member of `Object.prototype` (`constructor` → `constructor_`), since
   * no object literal is assignable to a type with such a property.
   */
  readonly property: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly type: TypeModel;
  readonly docs: FieldDocs;
  readonly serialization: ParameterSerialization;
  /**
   * Where the spec declares it, by pointer: a line and column cost Graph's 48,207 parameters
   * ~0.12 s of scanning JSON, for `sdkgen diff` alone, which finds them (`placeLocator`).
   */
  readonly place?: SpecPlace | undefined;
}

/**
 * A place in the spec as plain data, cheap to record and to clone: a JSON pointer (RFC 6901) from
 * the root of a file (as displayed), or from another place (`in`), which places share: the
 * parameters of an operation point from its place, `/parameters/0`, and every use of one
 * `$ref`ed parameter is one object, which a structured clone writes once. `placeLocator` (places.ts)
 * finds its line.
 */
export type SpecPlace =
  | { readonly file: string; readonly pointer: string }
  | { readonly in: SpecPlace; readonly pointer: string };

export interface ResponseModel {
  /** The success status it comes with (`2XX` → 200); what a mock server answers. */
  readonly status: number;
  /** Its media type (`application/json`, …); `undefined` when it has no body. */
  readonly contentType: string | undefined;
  /** Every media type the success response declares (an event stream aside): what `Accept` asks for, and a binary answer may be. */
  readonly mediaTypes: readonly string[];
  /** `undefined` when the operation returns no body. */
  readonly type: TypeModel | undefined;
  readonly format: ResponseFormat;
  readonly description: string | undefined;
  readonly example: ExampleModel | undefined;
  /** The names of the response headers it declares; for `sdkgen diff`. */
  readonly headers?: readonly string[] | undefined;
  /** The `text/event-stream` answer the spec declares, whether it is the only one (`format: 'stream'`) or one beside JSON. */
  readonly events: EventStreamModel | undefined;
}

export interface ErrorResponseModel {
  /** As the spec writes it: `404`, `4XX` or `default`. */
  readonly status: string;
  readonly type: TypeModel;
}

/** What a stream of server-sent events carries. */
export interface EventStreamModel {
  /** One event's `data`, parsed: from OpenAPI 3.2's `itemSchema`, else the media type's schema, else `x-sdkgen-stream`. */
  readonly item: TypeModel;
  /** A `data` that ends the stream without being an item. */
  readonly terminator: string;
  /** The events are plain text (the schema is a string), not JSON. */
  readonly text: boolean;
}

/**
 * How a method streams: `always` (the operation answers only with events), or `flag` (the body's
 * boolean `stream` property chooses between the events and the JSON answer, as in openai's
 * `chat.completions.create({ stream: true })`).
 */
export interface OperationStreaming {
  readonly mode: 'always' | 'flag';
  readonly events: EventStreamModel;
}

export interface OperationPagination {
  readonly pageClass: PageClassModel;
  /** The type of one item (`ProjectGroup`). */
  readonly item: TypeModel;
  /** Whether sdkgen inferred it from the response's shape (else an extension declared it). */
  readonly inferred: boolean;
  /** The extension that declared it, where it is another generator's (`x-ms-pageable`). */
  readonly declaredBy?: string | undefined;
  /** A page class declared at the root that the operation fits, though the operation names none. */
  readonly fitted?: true | undefined;
  /** Whether the response is an object whose fields the page carries (not a bare array). */
  readonly envelope: boolean;
  /**
   * `body`: the page parameter (cursor, page number, offset) is a field of the JSON body, as a
   * POST list whose filters are in its body may take it; else it is a query parameter.
   */
  readonly paramsIn?: 'body' | undefined;
}

export interface OperationModel {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** The path template the client requests: `/organization/projects/{project_id}/groups` (a query written in the spec's key is in `fixedQuery`). */
  readonly path: string;
  /** `beta=true` of a key `/responses?beta=true`: sent with every call, left out of names. */
  readonly fixedQuery: readonly FixedQuery[];
  /** Method name on its resource. */
  readonly name: string;
  /** Why it has its place and name (docs/naming.md's rule, and a rename's reason), for `sdkgen plan`. */
  readonly naming: {
    readonly rule: PlacementRule;
    readonly note: string | undefined;
    /** Its place and name are the ones the names lock (`.sdkgen-names.json`) keeps. */
    readonly kept?: true | undefined;
    /** A copy of another operation at a place `x-sdkgen-aliases` names: the names lock records the operation's own. */
    readonly alias?: true | undefined;
    /** The type names it took, by role (`function`, `Params`, `Response`, `Body`, `Item`, `Page`): the names lock keeps them. */
    readonly types?: Readonly<Record<string, string>> | undefined;
  };
  /** The exported standalone function (`listProjectGroups(client, …)`) the method calls. */
  readonly functionName: string;
  readonly docs: Docs;
  readonly pathParams: readonly ParameterModel[];
  readonly queryParams: readonly ParameterModel[];
  /** Header parameters, and cookie parameters (`in: cookie`), which travel in the `Cookie` header. */
  readonly headerParams: readonly ParameterModel[];
  /**
   * The path parameters' identifiers in the order the spec lists them, where that is not the
   * path's order (which `pathParams` follows): clients of earlier sdkgen versions took that order.
   */
  readonly pathParamsDeclared?: readonly string[] | undefined;
  /**
   * `x-sdkgen-client.pathArguments: last`: the wire names of the path parameters passed as
   * required properties of `params` (all but the last); the rest of `pathParams` are arguments.
   */
  readonly pathInParams?: readonly string[] | undefined;
  /**
   * Where `pathInParams` are given when the operation has a JSON object body: among the body's
   * fields (`update(messageID, { thread_id, metadata })`, as Stainless merges them), taken out
   * before it is sent. Else they are properties of `params`.
   */
  readonly pathInBody?: true | undefined;
  /**
   * `x-sdkgen-client.requestParams: merged`: the query and header parameters (and `pathInParams`)
   * are properties of one `params` argument beside the body's fields, typed `paramsTypeName`
   * (which extends the body's type); they are taken out of it, and the rest is sent as the body.
   */
  readonly paramsInBody?: true | undefined;
  /**
   * The method also takes request options alone in place of its optional params
   * (`x-sdkgen-client.optionsOverload`): it has no body and its params are all optional. An
   * object of only params named like request options (a `query` parameter) is read as params.
   */
  readonly optionsAlone?: true | undefined;
  /** Name of the exported params type (`GroupListParams`), if the operation has any query or header parameter. */
  readonly paramsTypeName: string | undefined;
  /**
   * `typeNames: per-method`: its types whose plain Stainless name (`ExternalAccountCreateParams`)
   * another resource's type took, so that the flat name is qualified (`PlatformExternalAccountCreateParams`),
   * each by its flat name → its plain name. The resource's module also exports them by the plain
   * name and its method's signature names them so, as a Stainless SDK's module does.
   */
  readonly moduleTypeNames?: Readonly<Record<string, string>> | undefined;
  readonly body:
    | {
        readonly type: TypeModel;
        readonly required: boolean;
        readonly description: string | undefined;
        /** The media type it is sent as: JSON, `multipart/form-data`, a form, text or binary. */
        readonly contentType: string;
        /**
         * `x-sdkgen-body-param`: the body (not an object) is this property of the method's body
         * argument, `create({ ids })`, and sent whole; else the argument is the body itself.
         */
        readonly param?: string | undefined;
        /**
         * `typeNames: per-method`: the exported name of the object that holds a body `param`
         * names (`CustomerCreateParams { CreateCustomerRequest }`), as Stainless names it.
         */
        readonly argumentTypeName?: string | undefined;
      }
    | undefined;
  readonly response: ResponseModel;
  readonly pagination: OperationPagination | undefined;
  /** Why a list it returns is not paginated, for `sdkgen plan`. */
  readonly unpaginated?: string | undefined;
  /** Whether and how the method returns a `Stream` of events. */
  readonly streaming: OperationStreaming | undefined;
  /** The JSON bodies the spec declares for error statuses (`404`, `4XX`, `default`), in spec order. */
  readonly errors: readonly ErrorResponseModel[];
  /** Option names of the auth schemes that may authorize the call; `[]` for none. */
  readonly auth: readonly string[];
  /** The OAuth scopes its security asks for, as `scheme:scope`, sorted; for `sdkgen diff`. */
  readonly scopes?: readonly string[] | undefined;
  /** Every response status it declares (`200`, `404`, `4XX`, `default`), sorted; for `sdkgen diff`. */
  readonly statuses?: readonly string[] | undefined;
  readonly location: SourceLocation;
}

export interface ResourceModel {
  /** Property name on the parent (`groups`); empty for the client root. */
  readonly name: string;
  /** Class name (`Groups`); the client's for the root. */
  readonly className: string;
  /** Property names from the client down to this resource. */
  readonly path: readonly string[];
  readonly children: readonly ResourceModel[];
  readonly operations: readonly OperationModel[];
}

/** A named page class of the client (`NextCursorPage`), with the scheme the runtime walks. */
export interface PageClassModel {
  readonly name: string;
  readonly description: string | undefined;
  readonly scheme: PageScheme;
  /** `<Class>Params`: the request fields the class declares (a Stainless scheme's `request`), all optional. */
  readonly params?: PageTypeModel;
  /** `<Class>Response<Item>`: the response fields it declares, its items typed `Item[]` where emitted. */
  readonly response?: PageTypeModel;
  /**
   * The value a page holds for a declared response field its body lacks (`nextCursor: ''`), as
   * a Stainless page fills it (`body.nextCursor || ''`); these fields are required on the page.
   */
  readonly fieldDefaults?: readonly PageFieldDefault[];
}

/** A declared page field and the value of it a page holds when the body lacks it. */
export interface PageFieldDefault {
  readonly name: string;
  readonly type: TypeModel;
  readonly value: string | number | boolean | readonly never[];
}

/** An exported interface of a page class's fields. */
export interface PageTypeModel {
  readonly name: string;
  readonly properties: readonly PropertyModel[];
}
