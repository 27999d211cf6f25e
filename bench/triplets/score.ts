/**
 * Scores one triplet from `sdkgen diff --against --format json` (the generated client against the
 * published SDK): how many published methods keep their call path, argument order, page class
 * and type names, and why each one that falls short does, classified so the fix can be routed.
 */
import { type ConfiguredMethod, looseName, routeKey } from './config-methods.js';
import { type Count, explainDifference } from './differences.js';

/** The JSON `sdkgen diff --against --format json` prints (docs: the i31 contract). */
export interface AgainstReport {
  readonly against: string;
  readonly methods: readonly AgainstMethod[];
  readonly types: readonly { readonly name: string; readonly status: Status; readonly breaking?: boolean }[];
  /** Every change found, classified for the wire and the client (issue 31, item 3: none breaking is left). */
  readonly changes?:
    | readonly { readonly rule: string; readonly subject: string; readonly client: string }[]
    | undefined;
}

export type Status = 'same' | 'missing' | 'changed' | 'added';
export type Aspect = 'arguments' | 'return' | 'page-class' | 'params-type';

export interface AgainstMethod {
  readonly call: string;
  readonly status: Status;
  readonly http?: string | undefined;
  /** For a missing method: the generated method it most likely is, when the comparison can tell. */
  readonly likely?: string | undefined;
  readonly differences?:
    | readonly {
        readonly aspect: Aspect;
        readonly published: string;
        readonly generated: string;
        readonly breaking?: boolean;
      }[]
    | undefined;
}

/**
 * Why a published method is not reproduced: sdkgen's Stainless support falls short; the config
 * uses a feature sdkgen does not support; config, spec and SDK do not match in time; or the
 * published method is custom code the config never declares.
 */
export type Cause = 'sdkgen-gap' | 'config-feature' | 'not-in-time' | 'custom-code';

export interface Shortfall {
  readonly call: string;
  readonly http: string | undefined;
  /** `missing`, or each aspect that differs with the published and generated text. */
  readonly what: string;
  readonly cause: Cause;
  readonly reason: string;
}

/** A shortfall explained by hand, in the pins, where the JSON alone cannot tell. */
export interface KnownShortfall {
  readonly cause: Cause;
  readonly reason: string;
}

export interface TripletScore {
  readonly name: string;
  readonly methods: number;
  readonly callPath: number;
  readonly argumentOrder: number;
  readonly pageClass: number;
  /** Methods whose params and return types keep their published names. */
  readonly typeNames: number;
  /** Methods right on all four counts. */
  readonly all: number;
  /** Published methods the config declares (all but those missing as not-in-time or custom code): what sdkgen can reach. */
  readonly declared: number;
  readonly types: { readonly published: number; readonly kept: number; readonly missing: readonly string[] };
  readonly shortfalls: readonly Shortfall[];
  /** The changes breaking for the client that are left, as `rule: subject`. */
  readonly breaking: readonly string[];
}

export interface ScoreInput {
  readonly name: string;
  readonly report: AgainstReport;
  readonly configured: readonly ConfiguredMethod[];
  readonly specRoutes: ReadonlySet<string>;
  readonly known?: Readonly<Record<string, KnownShortfall>> | undefined;
}

/** Causes that put a method out of any generator's reach: the config does not declare it. */
const OUTSIDE_CONFIG: ReadonlySet<Cause> = new Set(['not-in-time', 'custom-code']);

/** Keys of a Stainless method object that sdkgen's loader reads (issue 31, item 1). */
const SUPPORTED_METHOD_KEYS = new Set([
  'type',
  'paginated',
  'skip',
  'only',
  'body_param_name',
  'deprecated',
  'description',
]);

/** The published methods whose call path a client generated without the config has: inferred names alone. */
export function inferredCallPaths(report: AgainstReport): number {
  return report.methods.filter((method) => method.status === 'same' || method.status === 'changed').length;
}

export function scoreTriplet(input: ScoreInput): TripletScore {
  const published = input.report.methods.filter((method) => method.status !== 'added');
  const added = input.report.methods.filter((method) => method.status === 'added');
  const present = published.filter((method) => method.status !== 'missing');
  const breaks = (method: AgainstMethod, count: Count): boolean =>
    (method.differences ?? []).some((difference) => explainDifference(difference).count === count);
  const shortfalls = published
    .filter((method) => method.status === 'missing' || (method.differences ?? []).length > 0)
    .map((method) => shortfall(method, input, added));
  const publishedTypes = input.report.types.filter((type) => type.status !== 'added');
  const missingTypes = publishedTypes.filter((type) => type.status === 'missing').map((type) => type.name);
  return {
    name: input.name,
    methods: published.length,
    callPath: present.length,
    argumentOrder: present.filter((method) => !breaks(method, 'arguments')).length,
    pageClass: present.filter((method) => !breaks(method, 'page-class')).length,
    typeNames: present.filter((method) => !breaks(method, 'type-names')).length,
    all: present.filter((method) => (method.differences ?? []).length === 0).length,
    declared: published.length - shortfalls.filter((s) => s.what === 'missing' && OUTSIDE_CONFIG.has(s.cause)).length,
    types: {
      published: publishedTypes.length,
      kept: publishedTypes.length - missingTypes.length,
      missing: missingTypes,
    },
    shortfalls,
    breaking: (input.report.changes ?? [])
      .filter((change) => change.client === 'breaking')
      .map((change) => `${change.rule}: ${change.subject}`),
  };
}

function shortfall(method: AgainstMethod, input: ScoreInput, added: readonly AgainstMethod[]): Shortfall {
  const what =
    method.status === 'missing'
      ? 'missing'
      : (method.differences ?? [])
          .map((difference) => `${difference.aspect}: \`${difference.published}\` → \`${difference.generated}\``)
          .join('; ');
  const base = { call: method.call, http: method.http, what };
  const known = input.known?.[method.call];
  if (known !== undefined) return { ...base, ...known };
  return { ...base, ...explain(method, input, added) };
}

/** The cause of one shortfall, from what the config and the spec declare for its route or name. */
export function explain(method: AgainstMethod, input: ScoreInput, added: readonly AgainstMethod[]): KnownShortfall {
  const route = method.http === undefined ? undefined : routeKey(method.http);
  const configured =
    input.configured.find((candidate) => route !== undefined && candidate.route === route) ??
    input.configured.find((candidate) => looseName(candidate.path) === looseName(method.call));
  const unsupported = configured?.keys.filter((key) => !SUPPORTED_METHOD_KEYS.has(key)) ?? [];
  if (configured !== undefined && unsupported.length > 0)
    return {
      cause: 'config-feature',
      reason: `config method \`${configured.path}\` uses ${unsupported.map((k) => `\`${k}\``).join(', ')}`,
    };
  if (configured?.skippedForTypeScript === true)
    return { cause: 'not-in-time', reason: `config \`${configured.path}\` leaves TypeScript out, yet the SDK has it` };
  if (method.status !== 'missing') {
    const rules = [...new Set((method.differences ?? []).map((difference) => explainDifference(difference).rule))];
    return { cause: 'sdkgen-gap', reason: rules.join('; ') };
  }
  // A missing method's route is the published one, else the route the config gives it.
  const wanted = route ?? configured?.route;
  const twin =
    (wanted === undefined
      ? undefined
      : added.find((other) => other.http !== undefined && routeKey(other.http) === wanted)?.call) ?? method.likely;
  // The same route under another name in the config: the SDK was built from a config edited since.
  if (configured !== undefined && looseName(configured.path) !== looseName(method.call))
    return {
      cause: 'not-in-time',
      reason: `the config names this route \`${configured.path}\`, the SDK \`${method.call}\``,
    };
  if (configured !== undefined)
    return {
      cause: 'sdkgen-gap',
      reason:
        twin === undefined
          ? `config \`${configured.path}\` (${configured.route ?? 'no endpoint'}) is not generated`
          : `config \`${configured.path}\` is generated as \`${twin}\``,
    };
  if (route === undefined)
    return { cause: 'custom-code', reason: 'sends no request of its own and the config declares no such method' };
  if (input.specRoutes.has(route))
    return { cause: 'not-in-time', reason: `\`${route}\` is in the spec but the config declares no method for it` };
  return { cause: 'not-in-time', reason: `\`${route}\` is in neither the config nor the spec` };
}
