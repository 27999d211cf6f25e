import { HTTP_METHODS } from './validate-document.js';

/**
 * The fixed fields of every OpenAPI object, by version, as the OpenAPI 3.0.3 and 3.1.0
 * specifications define them (and their meta-schemas; a test compares these lists with the
 * ones Redocly's OpenAPI types hold). `x-` keys are extensions, allowed on every object but
 * the Schema of 3.0, where they are allowed too.
 */
export type OpenAPIVersion = '3.0' | '3.1';

export type ObjectKind =
  | 'Root'
  | 'Info'
  | 'Contact'
  | 'License'
  | 'Server'
  | 'ServerVariable'
  | 'Components'
  | 'PathItem'
  | 'Operation'
  | 'ExternalDocs'
  | 'Parameter'
  | 'RequestBody'
  | 'MediaType'
  | 'Encoding'
  | 'Response'
  | 'Example'
  | 'Link'
  | 'Header'
  | 'Tag'
  | 'Schema'
  | 'Discriminator'
  | 'XML'
  | 'SecurityScheme'
  | 'OAuthFlows'
  | 'OAuthFlow';

const PARAMETER_FIELDS = [
  'description',
  'required',
  'deprecated',
  'allowEmptyValue',
  'style',
  'explode',
  'allowReserved',
  'schema',
  'example',
  'examples',
  'content',
];

const SCHEMA_30 = [
  'title',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'items',
  'properties',
  'additionalProperties',
  'description',
  'format',
  'default',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  'example',
  'deprecated',
];

/** JSON Schema 2020-12's keywords (core, applicator, unevaluated, validation, meta-data, format, content) and OpenAPI's own. */
const SCHEMA_31 = [
  ...SCHEMA_30.filter((key) => key !== 'nullable'),
  '$schema',
  '$id',
  '$anchor',
  '$dynamicAnchor',
  '$dynamicRef',
  '$ref',
  '$defs',
  '$comment',
  '$vocabulary',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'prefixItems',
  'contains',
  'patternProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'const',
  'maxContains',
  'minContains',
  'dependentRequired',
  'examples',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
];

const FIELDS_30: Record<ObjectKind, readonly string[]> = {
  Root: ['openapi', 'info', 'servers', 'paths', 'components', 'security', 'tags', 'externalDocs'],
  Info: ['title', 'description', 'termsOfService', 'contact', 'license', 'version'],
  Contact: ['name', 'url', 'email'],
  License: ['name', 'url'],
  Server: ['url', 'description', 'variables'],
  ServerVariable: ['enum', 'default', 'description'],
  Components: [
    'schemas',
    'responses',
    'parameters',
    'examples',
    'requestBodies',
    'headers',
    'securitySchemes',
    'links',
    'callbacks',
  ],
  PathItem: ['$ref', 'summary', 'description', ...HTTP_METHODS, 'servers', 'parameters'],
  Operation: [
    'tags',
    'summary',
    'description',
    'externalDocs',
    'operationId',
    'parameters',
    'requestBody',
    'responses',
    'callbacks',
    'deprecated',
    'security',
    'servers',
  ],
  ExternalDocs: ['description', 'url'],
  Parameter: ['name', 'in', ...PARAMETER_FIELDS],
  RequestBody: ['description', 'content', 'required'],
  // `itemSchema` and its encodings are OpenAPI 3.2's, for streams of items: sdkgen reads them in any version.
  MediaType: ['schema', 'example', 'examples', 'encoding', 'itemSchema', 'itemEncoding', 'prefixEncoding'],
  Encoding: ['contentType', 'headers', 'style', 'explode', 'allowReserved'],
  Response: ['description', 'headers', 'content', 'links'],
  Example: ['summary', 'description', 'value', 'externalValue'],
  Link: ['operationRef', 'operationId', 'parameters', 'requestBody', 'description', 'server'],
  Header: PARAMETER_FIELDS,
  Tag: ['name', 'description', 'externalDocs'],
  Schema: SCHEMA_30,
  Discriminator: ['propertyName', 'mapping'],
  XML: ['name', 'namespace', 'prefix', 'attribute', 'wrapped'],
  SecurityScheme: ['type', 'description', 'name', 'in', 'scheme', 'bearerFormat', 'flows', 'openIdConnectUrl'],
  OAuthFlows: ['implicit', 'password', 'clientCredentials', 'authorizationCode'],
  OAuthFlow: ['authorizationUrl', 'tokenUrl', 'refreshUrl', 'scopes'],
};

const FIELDS_31: Record<ObjectKind, readonly string[]> = {
  ...FIELDS_30,
  Root: [...FIELDS_30.Root, 'jsonSchemaDialect', 'webhooks'],
  Info: [...FIELDS_30.Info, 'summary'],
  License: [...FIELDS_30.License, 'identifier'],
  Components: [...FIELDS_30.Components, 'pathItems'],
  Schema: SCHEMA_31,
};

const SETS: Record<OpenAPIVersion, Record<ObjectKind, ReadonlySet<string>>> = {
  '3.0': sets(FIELDS_30),
  '3.1': sets(FIELDS_31),
};

function sets(fields: Record<ObjectKind, readonly string[]>): Record<ObjectKind, ReadonlySet<string>> {
  return Object.fromEntries(Object.entries(fields).map(([kind, keys]) => [kind, new Set(keys)])) as unknown as Record<
    ObjectKind,
    ReadonlySet<string>
  >;
}

/** The fields an object of `kind` has in `version`. */
export function fieldsOf(kind: ObjectKind, version: OpenAPIVersion): ReadonlySet<string> {
  return SETS[version][kind];
}

/** Every object kind, for tests. */
export const OBJECT_KINDS: readonly ObjectKind[] = Object.keys(FIELDS_30) as ObjectKind[];
