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
}

/**
 * The catalogue, modelled on oasdiff's checks. Ids are stable: they name a rule in reports,
 * in JSON output and in fingerprints, and are never reused for another meaning.
 */
export const RULES = {
  'operation-removed': { title: 'an operation was removed', wire: 'breaking', client: 'breaking' },
  'operation-moved': { title: "an operation's path or HTTP method changed (same operationId)", wire: 'breaking', client: 'non-breaking' },
  'operation-added': { title: 'an operation was added', wire: 'non-breaking', client: 'non-breaking' },
  'deprecated-operation-removed': { title: 'a deprecated operation was removed', wire: 'potentially-breaking', client: 'breaking' },
  'operation-deprecated': { title: 'an operation was deprecated', wire: 'non-breaking', client: 'non-breaking' },
  'operation-method-renamed': { title: "an operation's method on the client was renamed or moved", wire: 'non-breaking', client: 'breaking' },
  'operation-function-renamed': { title: "an operation's standalone function was renamed", wire: 'non-breaking', client: 'breaking' },
  'request-parameter-added-required': { title: 'a required parameter was added', wire: 'breaking', client: 'breaking' },
  'request-parameter-added-optional': { title: 'an optional parameter was added', wire: 'non-breaking', client: 'non-breaking' },
  'request-parameter-removed': { title: 'a parameter was removed', wire: 'potentially-breaking', client: 'breaking' },
  'request-parameter-became-required': { title: 'a parameter became required', wire: 'breaking', client: 'breaking' },
  'request-parameter-became-optional': { title: 'a parameter became optional', wire: 'non-breaking', client: 'non-breaking' },
  'request-parameter-type-changed': { title: "a parameter's type changed", wire: 'breaking', client: 'breaking' },
  'request-body-added-required': { title: 'a required request body was added', wire: 'breaking', client: 'breaking' },
  'request-body-removed': { title: 'the request body was removed', wire: 'potentially-breaking', client: 'breaking' },
  'request-body-became-required': { title: 'the request body became required', wire: 'breaking', client: 'breaking' },
  'request-property-added-required': { title: 'a required request field was added', wire: 'breaking', client: 'breaking' },
  'request-property-added-optional': { title: 'an optional request field was added', wire: 'non-breaking', client: 'non-breaking' },
  'request-property-removed': { title: 'a request field was removed', wire: 'potentially-breaking', client: 'breaking' },
  'request-property-became-required': { title: 'a request field became required', wire: 'breaking', client: 'breaking' },
  'request-property-became-optional': { title: 'a request field became optional', wire: 'non-breaking', client: 'non-breaking' },
  'request-type-widened': { title: 'a request type now takes more values', wire: 'non-breaking', client: 'non-breaking' },
  'response-type-narrowed': { title: 'a response type now gives fewer kinds of values', wire: 'non-breaking', client: 'non-breaking' },
  'request-type-changed': { title: 'a request type changed', wire: 'breaking', client: 'breaking' },
  'request-enum-value-removed': { title: 'a value was removed from a request enum', wire: 'breaking', client: 'breaking' },
  'request-enum-value-added': { title: 'a value was added to a request enum', wire: 'non-breaking', client: 'non-breaking' },
  'request-constraint-tightened': { title: 'a request constraint was tightened', wire: 'breaking', client: 'non-breaking' },
  'request-constraint-loosened': { title: 'a request constraint was loosened', wire: 'non-breaking', client: 'non-breaking' },
  'response-constraint-loosened': { title: 'a response constraint was loosened', wire: 'potentially-breaking', client: 'non-breaking' },
  'response-constraint-tightened': { title: 'a response constraint was tightened', wire: 'non-breaking', client: 'non-breaking' },
  'response-property-removed': { title: 'a response field was removed', wire: 'breaking', client: 'breaking' },
  'response-property-added': { title: 'a response field was added', wire: 'non-breaking', client: 'non-breaking' },
  'response-property-became-optional': { title: 'a response field became optional', wire: 'breaking', client: 'breaking' },
  'response-property-became-required': { title: 'a response field became required', wire: 'non-breaking', client: 'non-breaking' },
  'response-became-nullable': { title: 'a response value can now be null', wire: 'breaking', client: 'breaking' },
  'response-type-changed': { title: 'a response type changed', wire: 'breaking', client: 'breaking' },
  'response-enum-value-added': { title: 'a value was added to a response enum', wire: 'potentially-breaking', client: 'potentially-breaking' },
  'response-enum-value-removed': { title: 'a value was removed from a response enum', wire: 'non-breaking', client: 'potentially-breaking' },
  'extensible-enum-value-added': { title: 'a value was added to an extensible enum (x-extensible-enum)', wire: 'non-breaking', client: 'non-breaking' },
  'extensible-enum-value-removed': { title: 'a value was removed from an extensible enum (x-extensible-enum)', wire: 'potentially-breaking', client: 'non-breaking' },
  'response-body-removed': { title: 'the response body was removed', wire: 'breaking', client: 'breaking' },
  'schema-removed': { title: 'a named type was removed or renamed', wire: 'non-breaking', client: 'breaking' },
  'schema-added': { title: 'a named type was added', wire: 'non-breaking', client: 'non-breaking' },
  'security-changed': { title: "an operation's security requirements changed", wire: 'breaking', client: 'potentially-breaking' },
  'pagination-changed': { title: "an operation's pagination changed", wire: 'non-breaking', client: 'potentially-breaking' },
  'server-url-changed': { title: "the API's default server URL changed", wire: 'potentially-breaking', client: 'non-breaking' },
} as const satisfies Record<string, Omit<Rule, 'id'>>;

export type RuleId = keyof typeof RULES;

export function rule(id: RuleId): Rule {
  return { id, ...RULES[id] };
}

const ORDER: readonly Severity[] = ['breaking', 'potentially-breaking', 'non-breaking'];

/** 0 for breaking, then potentially breaking, then non-breaking. */
export function severityRank(severity: Severity): number {
  return ORDER.indexOf(severity);
}
