/** How much a change can hurt: callers on the wire, or code compiled against the client. */
export type Severity = 'breaking' | 'potentially-breaking' | 'non-breaking';

export interface Rule {
  readonly id: RuleId;
  /** What changed, for people: "a required query parameter was added". */
  readonly title: string;
  /** For existing clients and servers talking HTTP. */
  readonly wire: Severity;
  /** For code that compiled against the generated client before. */
  readonly client: Severity;
  /** `docs`: what the spec says about the API (descriptions, examples), not what it does. */
  readonly kind: 'api' | 'docs';
  /** The oasdiff check(s) it corresponds to, or why it has none (docs/diff-rules.md lists them). */
  readonly oasdiff: string;
}

type RuleSpec = Omit<Rule, 'id' | 'kind'> & { readonly kind?: 'docs' };

/**
 * The catalogue, modelled on oasdiff's checks. Ids are stable: they name a rule in reports,
 * in JSON output and in fingerprints, and are never reused for another meaning.
 */
export const RULES = {
  // Operations
  'operation-removed': {
    title: 'an operation was removed',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'api-removed-without-deprecation, api-path-removed-without-deprecation',
  },
  'operation-moved': {
    title: "an operation's path or HTTP method changed (same operationId)",
    wire: 'breaking',
    client: 'non-breaking',
    oasdiff: 'none: oasdiff pairs operations by path and method only, so it reports a removal and an addition',
  },
  'operation-renamed': {
    title: 'an operation was likely moved to a new path (the same parameters, body and response)',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'none: reported as api-removed-without-deprecation and endpoint-added',
  },
  'operation-added': {
    title: 'an operation was added',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'endpoint-added',
  },
  'deprecated-operation-removed': {
    title: 'a deprecated operation was removed',
    wire: 'potentially-breaking',
    client: 'breaking',
    oasdiff: 'api-removed-before-sunset (before its x-sunset date), else no finding',
  },
  'operation-deprecated': {
    title: 'an operation was deprecated',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'endpoint-deprecated',
  },
  'operation-method-renamed': {
    title: "an operation's method on the client was renamed or moved",
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: "none: the client surface is sdkgen's (x-sdkgen-resource, x-sdkgen-method, operationId, naming rules)",
  },
  'operation-arguments-reordered': {
    title: "a method's positional arguments changed order (its path names its parameters in another order)",
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: "none: the client surface is sdkgen's; the wire is unchanged when only the order of names moves",
  },
  'operation-path-arguments-changed': {
    title: 'path parameters moved between positional arguments and the params object (`x-sdkgen-client.pathArguments`)',
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: "none: the client surface is sdkgen's; the wire is unchanged",
  },
  'operation-params-merged-changed': {
    title:
      "a method's body and its query and header parameters became one params object, or two arguments again (`x-sdkgen-client.requestParams`)",
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: "none: the client surface is sdkgen's; the wire is unchanged",
  },
  'operation-function-renamed': {
    title: "an operation's standalone function was renamed",
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: "none: the client surface is sdkgen's",
  },
  'operation-type-renamed': {
    title: 'a type named for an operation (its params, or a response, body or list item it left inline) was renamed',
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff:
      "none: the client surface is sdkgen's (the names lock keeps these names; a rename is --rename's or a declared name's)",
  },
  // Parameters
  'request-parameter-added-required': {
    title: 'a required parameter was added',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'new-required-request-parameter, new-request-path-parameter, new-required-request-header-property',
  },
  'request-parameter-added-optional': {
    title: 'an optional parameter was added',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'new-optional-request-parameter',
  },
  'request-parameter-removed': {
    title: 'a parameter was removed',
    wire: 'potentially-breaking',
    client: 'breaking',
    oasdiff: 'request-parameter-removed',
  },
  'request-parameter-renamed': {
    title: 'a parameter was likely renamed (one removed, one of the same type added in its place)',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'none: reported as request-parameter-removed and new-…-request-parameter',
  },
  'request-parameter-became-required': {
    title: 'a parameter became required',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'request-parameter-became-required, request-header-property-became-required',
  },
  'request-parameter-became-optional': {
    title: 'a parameter became optional',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'request-parameter-became-optional',
  },
  'request-parameter-type-changed': {
    title: "a parameter's type changed",
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'request-parameter-type-changed, request-parameter-became-enum',
  },
  // Bodies and fields
  'request-body-added-required': {
    title: 'a required request body was added',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'added-required-request-body',
  },
  'request-body-removed': {
    title: 'the request body was removed',
    wire: 'potentially-breaking',
    client: 'breaking',
    oasdiff: 'none: oasdiff reports the media types removed (request-body-media-type-removed)',
  },
  'request-body-became-required': {
    title: 'the request body became required',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'request-body-became-required',
  },
  'request-property-added-required': {
    title: 'a required request field was added',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'new-required-request-property',
  },
  'request-property-added-optional': {
    title: 'an optional request field was added',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'new-optional-request-property',
  },
  'request-property-removed': {
    title: 'a request field was removed',
    wire: 'potentially-breaking',
    client: 'breaking',
    oasdiff: 'request-property-removed',
  },
  'request-property-renamed': {
    title: 'a request field was likely renamed (one removed, one of the same type added in its place)',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'none: reported as request-property-removed and new-…-request-property',
  },
  'request-property-became-required': {
    title: 'a request field became required',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'request-property-became-required',
  },
  'request-property-became-optional': {
    title: 'a request field became optional',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'request-property-became-optional',
  },
  'request-property-became-read-only': {
    title: 'a request field became read-only (the server no longer takes it)',
    wire: 'potentially-breaking',
    client: 'breaking',
    oasdiff: 'request-property-became-read-only',
  },
  'request-property-became-writable': {
    title: 'a read-only field can now be sent',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'request-property-became-not-read-only',
  },
  'request-type-widened': {
    title: 'a request type now takes more values',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'request-parameter-type-generalized, request-property-type-generalized',
  },
  'response-type-narrowed': {
    title: 'a response type now gives fewer kinds of values',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'response-property-type-specialized',
  },
  'request-type-changed': {
    title: 'a request type changed',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'request-property-type-changed, request-body-type-changed',
  },
  'request-enum-value-removed': {
    title: 'a value was removed from a request enum',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'request-parameter-enum-value-removed, request-property-enum-value-removed',
  },
  'request-enum-value-added': {
    title: 'a value was added to a request enum',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'request-parameter-enum-value-added, request-property-enum-value-added',
  },
  'request-constraint-tightened': {
    title: 'a request constraint was tightened',
    wire: 'breaking',
    client: 'non-breaking',
    oasdiff:
      'request-…-max-length-decreased, -min-increased, -max-items-decreased, -pattern-added/changed, -max/min-set, …',
  },
  'request-constraint-loosened': {
    title: 'a request constraint was loosened',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'request-…-max-length-increased, -min-decreased, -pattern-removed, -pattern-generalized, …',
  },
  'request-default-changed': {
    title: 'a request default changed (callers that leave the value out get another behaviour)',
    wire: 'potentially-breaking',
    client: 'non-breaking',
    oasdiff:
      'request-parameter-default-value-changed/-added/-removed, request-property-default-value-changed/-added/-removed',
  },
  'request-format-changed': {
    title: "a request value's format changed",
    wire: 'potentially-breaking',
    client: 'non-breaking',
    oasdiff:
      'request-parameter-type-changed, request-property-type-changed (oasdiff compares type and format together)',
  },
  'response-constraint-loosened': {
    title: 'a response constraint was loosened',
    wire: 'potentially-breaking',
    client: 'non-breaking',
    oasdiff: 'response-property-max-length-unset, -max-increased, -min-decreased, …',
  },
  'response-constraint-tightened': {
    title: 'a response constraint was tightened',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'response-property-max-length-decreased, -min-increased, …',
  },
  'response-property-removed': {
    title: 'a response field was removed',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'response-required-property-removed, response-optional-property-removed',
  },
  'response-property-renamed': {
    title: 'a response field was likely renamed (one removed, one of the same type added in its place)',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'none: reported as response-…-property-removed and -added',
  },
  'response-property-added': {
    title: 'a response field was added',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'response-required-property-added, response-optional-property-added',
  },
  'response-property-became-optional': {
    title: 'a response field became optional',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'response-property-became-optional',
  },
  'response-property-became-required': {
    title: 'a response field became required',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'response-property-became-required',
  },
  'response-property-became-write-only': {
    title: 'a response field became write-only (the server no longer sends it)',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'response-required-property-became-write-only, response-optional-property-became-write-only',
  },
  'response-property-became-readable': {
    title: 'a write-only field is now sent in responses',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'response-required-property-became-not-write-only, response-optional-property-became-not-write-only',
  },
  'response-became-nullable': {
    title: 'a response value can now be null',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'response-property-became-nullable, response-body-became-nullable',
  },
  'response-type-changed': {
    title: 'a response type changed',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'response-property-type-changed, response-body-type-changed',
  },
  'response-enum-value-added': {
    title: 'a value was added to a response enum',
    wire: 'potentially-breaking',
    client: 'potentially-breaking',
    oasdiff: 'response-property-enum-value-added, response-mediatype-enum-value-added',
  },
  'response-enum-value-removed': {
    title: 'a value was removed from a response enum',
    wire: 'non-breaking',
    client: 'potentially-breaking',
    oasdiff: 'response-property-enum-value-removed, response-mediatype-enum-value-removed',
  },
  'response-default-changed': {
    title: 'a response default changed',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'response-property-default-value-changed/-added/-removed',
  },
  'response-format-changed': {
    title: "a response value's format changed",
    wire: 'potentially-breaking',
    client: 'non-breaking',
    oasdiff: 'response-property-type-changed (type and format together)',
  },
  'extensible-enum-value-added': {
    title: 'a value was added to an extensible enum (x-extensible-enum)',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'none: oasdiff checks only removals from x-extensible-enum',
  },
  'extensible-enum-value-removed': {
    title: 'a value was removed from an extensible enum (x-extensible-enum)',
    wire: 'potentially-breaking',
    client: 'non-breaking',
    oasdiff: 'request-parameter-x-extensible-enum-value-removed, request-property-x-extensible-enum-value-removed',
  },
  'response-body-removed': {
    title: 'the response body was removed',
    wire: 'breaking',
    client: 'breaking',
    oasdiff: 'response-media-type-removed',
  },
  // Responses: statuses and headers
  'response-success-status-removed': {
    title: 'a success status was removed',
    wire: 'breaking',
    client: 'non-breaking',
    oasdiff: 'response-success-status-removed',
  },
  'response-success-status-added': {
    title: 'a success status was added',
    wire: 'potentially-breaking',
    client: 'non-breaking',
    oasdiff: 'response-success-status-added',
  },
  'response-error-status-removed': {
    title: 'an error status was removed',
    wire: 'non-breaking',
    client: 'potentially-breaking',
    oasdiff: 'response-non-success-status-removed',
  },
  'response-error-status-added': {
    title: 'an error status was added',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'response-non-success-status-added',
  },
  'response-header-removed': {
    title: 'a response header was removed',
    wire: 'potentially-breaking',
    client: 'non-breaking',
    oasdiff: 'required-response-header-removed, optional-response-header-removed',
  },
  'response-header-added': {
    title: 'a response header was added',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'none: adding a header is not a check',
  },
  // Named types
  'schema-removed': {
    title: 'a named type was removed or renamed',
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: 'api-schema-removed',
  },
  'schema-renamed': {
    title:
      'a named type was renamed: the same schema of the spec (its key in components.schemas), or likely the same shape, under a new name',
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: 'none: reported as api-schema-removed (and an added schema, which is no check)',
  },
  'schema-added': {
    title: 'a named type was added',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'none: adding a schema is not a check',
  },
  // Security and servers
  'security-changed': {
    title: "an operation's security requirements changed",
    wire: 'breaking',
    client: 'potentially-breaking',
    oasdiff: 'api-security-added, api-security-removed, api-global-security-added, api-global-security-removed',
  },
  'security-scope-added': {
    title: 'an operation needs another OAuth scope',
    wire: 'breaking',
    client: 'non-breaking',
    oasdiff: 'api-security-scope-added, api-global-security-scope-added',
  },
  'security-scope-removed': {
    title: 'an operation needs one OAuth scope fewer',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'api-security-scope-removed, api-global-security-scope-removed',
  },
  'pagination-changed': {
    title: "an operation's pagination changed",
    wire: 'non-breaking',
    client: 'potentially-breaking',
    oasdiff: "none: pagination is sdkgen's reading of the spec (x-sdkgen-pagination, or inferred)",
  },
  'server-url-changed': {
    title: "the API's default server URL changed",
    wire: 'potentially-breaking',
    client: 'non-breaking',
    oasdiff: 'none: oasdiff does not compare servers',
  },
  'server-added': {
    title: 'a server was added',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'none: oasdiff does not compare servers',
  },
  'server-removed': {
    title: 'a server was removed',
    wire: 'potentially-breaking',
    client: 'non-breaking',
    oasdiff: 'none: oasdiff does not compare servers',
  },
  // The client's names (x-sdkgen-* and the naming rules)
  'client-class-renamed': {
    title: 'the client class was renamed (x-sdkgen-client-name or info.title)',
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: "none: the client surface is sdkgen's",
  },
  'resource-class-renamed': {
    title: "a resource's class was renamed (the same place on the client)",
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: "none: the client surface is sdkgen's",
  },
  'package-renamed': {
    title: 'the package was renamed (x-sdkgen-package or info.title)',
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: "none: the client surface is sdkgen's",
  },
  'auth-option-renamed': {
    title: "a credential's client option or environment variable was renamed",
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: "none: the client surface is sdkgen's",
  },
  'client-setting-removed': {
    title: 'an environment or a client option (x-sdkgen-client) was removed, or an option sent elsewhere',
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: "none: the client surface is sdkgen's",
  },
  // The generated client against a published package (`sdkgen diff --against`): the wire is the same API
  'published-method-missing': {
    title: 'a method of the published package is missing from the generated client',
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: 'none: compares the generated client with a published package (`sdkgen diff --against`)',
  },
  'published-method-added': {
    title: 'the generated client has a method the published package lacks',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'none: compares the generated client with a published package (`sdkgen diff --against`)',
  },
  'published-arguments-changed': {
    title: "a method's positional arguments differ from the published package's (count, order, type or optionality)",
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: 'none: compares the generated client with a published package (`sdkgen diff --against`)',
  },
  'published-arguments-renamed': {
    title: "a method's positional arguments are named otherwise than in the published package (same order and types)",
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'none: compares the generated client with a published package (`sdkgen diff --against`)',
  },
  'published-params-type-changed': {
    title: "a method's params object differs from the published package's (its type name, or it became required)",
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: 'none: compares the generated client with a published package (`sdkgen diff --against`)',
  },
  'published-return-changed': {
    title: 'a method returns another type than in the published package',
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: 'none: compares the generated client with a published package (`sdkgen diff --against`)',
  },
  'published-page-class-changed': {
    title: 'a paged method returns another page class than in the published package',
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: 'none: compares the generated client with a published package (`sdkgen diff --against`)',
  },
  'published-type-missing': {
    title: 'a name the published package exports is missing from the generated client',
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: 'none: compares the generated client with a published package (`sdkgen diff --against`)',
  },
  'published-type-added': {
    title: 'the generated client exports a name the published package lacks',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'none: compares the generated client with a published package (`sdkgen diff --against`)',
  },
  'published-field-missing': {
    title: 'a field of a published type is missing from the generated one',
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: 'none: compares the generated client with a published package (`sdkgen diff --against`)',
  },
  'published-field-required': {
    title: 'a params field is required by the generated client where the published package has it optional or lacks it',
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: 'none: compares the generated client with a published package (`sdkgen diff --against`)',
  },
  'published-field-optional': {
    title: 'a response field the published package has required is optional in the generated client',
    wire: 'non-breaking',
    client: 'breaking',
    oasdiff: 'none: compares the generated client with a published package (`sdkgen diff --against`)',
  },
  'published-field-added': {
    title: 'the generated type has a field the published one lacks (optional, or in a response)',
    wire: 'non-breaking',
    client: 'non-breaking',
    oasdiff: 'none: compares the generated client with a published package (`sdkgen diff --against`)',
  },
  // Documentation
  // Webhooks
  'webhook-removed': {
    title: 'a webhook event was removed: the API no longer sends it',
    wire: 'potentially-breaking',
    client: 'breaking',
    oasdiff: 'none: oasdiff does not compare webhooks',
  },
  'webhook-added': {
    title: 'a webhook event was added (a new member of the event union, which an exhaustive switch must handle)',
    wire: 'non-breaking',
    client: 'potentially-breaking',
    oasdiff: 'none: oasdiff does not compare webhooks',
  },
  'webhook-signature-changed': {
    title: 'how webhooks are signed changed (scheme, header or algorithm): receivers verifying the old way refuse them',
    wire: 'breaking',
    client: 'non-breaking',
    oasdiff: 'none: the signature is an sdkgen extension',
  },
  'api-title-changed': {
    title: "the API's title changed",
    wire: 'non-breaking',
    client: 'non-breaking',
    kind: 'docs',
    oasdiff: 'none: info changes are shown by oasdiff diff, not a changelog check',
  },
  'api-description-changed': {
    title: "the API's description changed",
    wire: 'non-breaking',
    client: 'non-breaking',
    kind: 'docs',
    oasdiff: 'none: shown by oasdiff diff',
  },
  'operation-summary-changed': {
    title: "an operation's summary changed",
    wire: 'non-breaking',
    client: 'non-breaking',
    kind: 'docs',
    oasdiff: 'none: shown by oasdiff diff',
  },
  'operation-description-changed': {
    title: "an operation's description changed",
    wire: 'non-breaking',
    client: 'non-breaking',
    kind: 'docs',
    oasdiff: 'none: shown by oasdiff diff',
  },
  'operation-external-docs-changed': {
    title: "an operation's externalDocs changed",
    wire: 'non-breaking',
    client: 'non-breaking',
    kind: 'docs',
    oasdiff: 'none: shown by oasdiff diff',
  },
  'parameter-description-changed': {
    title: "a parameter's description changed",
    wire: 'non-breaking',
    client: 'non-breaking',
    kind: 'docs',
    oasdiff: 'none: shown by oasdiff diff',
  },
  'property-description-changed': {
    title: "a field's description changed",
    wire: 'non-breaking',
    client: 'non-breaking',
    kind: 'docs',
    oasdiff: 'none: shown by oasdiff diff',
  },
  'schema-description-changed': {
    title: "a named type's description changed",
    wire: 'non-breaking',
    client: 'non-breaking',
    kind: 'docs',
    oasdiff: 'none: shown by oasdiff diff',
  },
  'response-description-changed': {
    title: "a response's description changed",
    wire: 'non-breaking',
    client: 'non-breaking',
    kind: 'docs',
    oasdiff: 'none: shown by oasdiff diff',
  },
  'example-changed': {
    title: 'an example changed',
    wire: 'non-breaking',
    client: 'non-breaking',
    kind: 'docs',
    oasdiff: 'none: shown by oasdiff diff',
  },
} as const satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof RULES;

export function rule(id: RuleId): Rule {
  const spec: RuleSpec = RULES[id];
  return {
    id,
    title: spec.title,
    wire: spec.wire,
    client: spec.client,
    kind: spec.kind ?? 'api',
    oasdiff: spec.oasdiff,
  };
}

const ORDER: readonly Severity[] = ['breaking', 'potentially-breaking', 'non-breaking'];

/** 0 for breaking, then potentially breaking, then non-breaking. */
export function severityRank(severity: Severity): number {
  return ORDER.indexOf(severity);
}
