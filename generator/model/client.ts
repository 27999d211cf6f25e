import type { AuthScheme } from '../runtime/types.js';
import { readClientSettings } from './client-settings.js';
import { readAuthExtension, readClientExtension } from './extensions.js';
import type { AuthModel, ClientModel } from './model.js';
import { camelCase, constantCase, kebabCase, type NameRegistry, toIdentifier, words } from './names.js';
import { deref, isRecord, locate, type SpecContext, stringField } from './spec-context.js';

/** Options of every client; a credential option must not take one of these names. */
const BASE_OPTIONS = new Set([
  'baseURL',
  'maxRetries',
  'timeout',
  'fetch',
  'defaultHeaders',
  'defaultQuery',
  'logLevel',
  'logger',
  'idempotencyHeader',
  'maxResponseBytes',
]);

/** The client class, its package, its server and its credentials, from `info`, `servers` and `securitySchemes`. */
export function buildClient(
  ctx: SpecContext,
  names: NameRegistry,
): Omit<ClientModel, 'defaultAuth' | 'coreClassName' | 'idempotencyHeader'> & {
  readonly idempotencyExtension: string | false | undefined;
  /** What the client's environment variables start with: `OPENAI`. */
  readonly envPrefix: string;
} {
  const doc = ctx.spec.root.value as Record<string, unknown>;
  const info = isRecord(doc['info']) ? doc['info'] : {};
  const title = stringField(ctx, info, 'title') ?? 'API';
  const ext = readClientExtension(ctx, doc);
  // "OpenAI API" → OpenAI, "Pet Store API" → PetStore: the client is the API, and each word
  // keeps its own capitals.
  const titleWords = title
    .replace(/\b(rest\s+)?api\b/gi, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  const derived = toIdentifier(titleWords.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''), 'Client');
  const className = names.claim(ext.name ?? derived, `${ext.name ?? derived}Client`);
  const envPrefix = titleWords.length > 0 ? titleWords.join('_').toUpperCase() : constantCase(className);
  const version = stringField(ctx, info, 'version') ?? '0.0.0';
  const auth = readAuth(ctx, doc, envPrefix);
  const settings = ext.settings === undefined ? {} : readClientSettings(ctx, ext.settings);
  const options = settings.options?.filter((option) => {
    const taken =
      BASE_OPTIONS.has(option.name) ||
      (option.name === 'environment' && settings.environments !== undefined) ||
      auth.some((a) => credentialOptions(a.runtime).some((c) => c.option === option.name));
    if (taken && ext.settings !== undefined)
      ctx.diagnostics.error(
        'extension-invalid',
        `Option "${option.name}" is already a client option.`,
        locate(ctx, ext.settings, 'options'),
      );
    return !taken;
  });
  // Claimed like every exported name, so that no schema takes it.
  const wanted = settings.errorClass;
  const errorClass = wanted === undefined || wanted === 'SDKError' ? undefined : names.claim(wanted);
  return {
    ...settings,
    ...(options === undefined ? {} : { options }),
    ...(errorClass === undefined ? {} : { errorClass }),
    className,
    packageName:
      ext.package ??
      ((titleWords.length > 0
        ? titleWords
            .join('-')
            .toLowerCase()
            .replace(/[^a-z0-9-]/g, '')
        : kebabCase(className)) ||
        'client'),
    version: /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version) ? version : '0.0.0',
    title,
    description: stringField(ctx, info, 'description'),
    baseURL: serverURL(ctx, doc),
    auth,
    servers: Array.isArray(doc['servers'])
      ? doc['servers'].flatMap((server) =>
          isRecord(server) && typeof server['url'] === 'string' ? [server['url']] : [],
        )
      : [],
    logEnv: ext.logEnv ?? `${envPrefix}_LOG`,
    idempotencyExtension: ext.idempotencyHeader,
    envPrefix,
  };
}

/** The first server's URL, its variables replaced by their defaults. */
function serverURL(ctx: SpecContext, doc: Record<string, unknown>): string {
  const servers = doc['servers'];
  const first: unknown = Array.isArray(servers) ? servers[0] : undefined;
  if (!isRecord(first)) return '';
  const url = stringField(ctx, first, 'url') ?? '';
  const variables = isRecord(first['variables']) ? first['variables'] : {};
  return url.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    const value = isRecord(variable) ? variable['default'] : undefined;
    if (typeof value === 'string') return value;
    ctx.diagnostics.error('server-variable', `Server variable {${name}} has no default.`, locate(ctx, first, 'url'));
    return whole;
  });
}

/**
 * What a scheme's credential is, where that names its option: an OAuth2 (or OpenID Connect)
 * access token, or HTTP Basic's username and password. Other credentials are keys, named
 * after their scheme.
 */
type CredentialRole = 'access-token' | 'basic' | undefined;

function roleOf(scheme: Record<string, unknown>): CredentialRole {
  if (scheme['type'] === 'oauth2' || scheme['type'] === 'openIdConnect') return 'access-token';
  if (scheme['type'] === 'http' && String(scheme['scheme']).toLowerCase() === 'basic') return 'basic';
  return undefined;
}

function readAuth(ctx: SpecContext, doc: Record<string, unknown>, envPrefix: string): AuthModel[] {
  const components = isRecord(doc['components']) ? doc['components'] : {};
  const schemes = isRecord(components['securitySchemes']) ? components['securitySchemes'] : {};
  const entries = Object.entries(schemes).flatMap(([name, raw]) => {
    const { value } = deref(ctx, raw, ctx.spec.root);
    return isRecord(value) ? [{ name, scheme: value, role: roleOf(value) }] : [];
  });
  // A role names the option where one scheme has it: `accessToken`, `username`; with two, each is its scheme's.
  const roles = new Map<CredentialRole, number>();
  for (const { role } of entries) roles.set(role, (roles.get(role) ?? 0) + 1);
  // Options named after their scheme come first: a role's name yields to them.
  const byName = new Set(entries.filter((e) => e.role === undefined).map((e) => nameOf(e.name)));
  const auth: AuthModel[] = [];
  const options = new Set<string>();
  const single = Object.keys(schemes).length === 1;
  for (const { name: schemeName, scheme, role } of entries) {
    const ext = readAuthExtension(ctx, scheme);
    const named = nameOf(schemeName);
    const alone = roles.get(role) === 1;
    const roleName = (what: string): string => {
      const plain = camelCase(what);
      if (alone && !byName.has(plain)) return plain;
      // Where several schemes share a role, each is named after its scheme, as keys are: a token `oauth`, `adminUsername`.
      return role === 'access-token' ? named : camelCase(`${withoutSuffix(schemeName)} ${what}`);
    };
    const inferred =
      role === 'access-token'
        ? roleName('access token')
        : role === 'basic'
          ? roleName('username')
          : single
            ? 'apiKey'
            : named;
    const option = optionName(ctx, scheme, ext.option, inferred, options);
    if (option === undefined) continue;
    options.add(option);
    const env = ext.env ?? `${envPrefix}_${constantCase(option)}`;
    let password: { readonly option: string; readonly env: string } | undefined;
    if (role === 'basic') {
      const passwordOption = optionName(ctx, scheme, ext.password, roleName('password'), options);
      if (passwordOption === undefined) continue;
      options.add(passwordOption);
      password = { option: passwordOption, env: ext.passwordEnv ?? `${envPrefix}_${constantCase(passwordOption)}` };
    }
    const runtime = runtimeScheme(ctx, schemeName, scheme, { option, env, password });
    if (runtime === undefined) continue;
    const granted = withClientCredentials(ctx, runtime, scheme, alone ? '' : named, envPrefix, options);
    if (granted.type === 'oauth2' && granted.clientIdOption !== undefined && granted.clientSecretOption !== undefined)
      options.add(granted.clientIdOption).add(granted.clientSecretOption);
    auth.push({
      schemeName,
      declared: Object.values(ext).some((value) => value !== undefined),
      namedFor: role !== undefined && alone ? 'credential' : 'scheme',
      description: stringField(ctx, scheme, 'description'),
      runtime: granted,
    });
  }
  return auth;
}

/** "ApiKeyAuth" → apiKey, "AdminApiKeyAuth" → adminApiKey: the suffix says nothing to a caller. */
function nameOf(schemeName: string): string {
  return toIdentifier(camelCase(withoutSuffix(schemeName)) || camelCase(schemeName), 'apiKey');
}

/**
 * A credential option's name: the declared one (an error when a client option or another
 * credential has it), else the inferred one, made unique with `Credential`.
 */
function optionName(
  ctx: SpecContext,
  scheme: Record<string, unknown>,
  declared: string | undefined,
  inferred: string,
  taken: ReadonlySet<string>,
): string | undefined {
  const option = declared ?? inferred;
  if (!BASE_OPTIONS.has(option) && !taken.has(option)) return option;
  if (declared === undefined) return `${option}Credential`;
  ctx.diagnostics.error(
    'extension-invalid',
    `Credential option "${option}" is already a client option.`,
    locate(ctx, scheme, 'x-sdkgen-auth'),
  );
  return undefined;
}

/** "ApiKeyAuth" → "Api Key", "bearer_auth" → "bearer": a last word that only says it is a scheme; "OAuth" stays. */
function withoutSuffix(schemeName: string): string {
  const parts = words(schemeName);
  return parts.length > 1 && /^(auth|authentication|scheme|security)$/.test(parts.at(-1) ?? '')
    ? parts.slice(0, -1).join(' ')
    : schemeName;
}

function runtimeScheme(
  ctx: SpecContext,
  name: string,
  scheme: Record<string, unknown>,
  names: {
    readonly option: string;
    readonly env: string;
    readonly password: { readonly option: string; readonly env: string } | undefined;
  },
): AuthScheme | undefined {
  const { option, env, password } = names;
  const type = scheme['type'];
  if (
    (type === 'http' && String(scheme['scheme']).toLowerCase() === 'bearer') ||
    type === 'oauth2' ||
    type === 'openIdConnect'
  ) {
    return { type: 'bearer', option, env };
  }
  if (password !== undefined)
    return { type: 'basic', option, env, passwordOption: password.option, passwordEnv: password.env };
  if (type === 'apiKey') {
    const where = scheme['in'];
    const headerName = stringField(ctx, scheme, 'name');
    if (headerName !== undefined && (where === 'header' || where === 'query' || where === 'cookie'))
      return { type: where, option, env, name: headerName };
  }
  ctx.diagnostics.warning(
    'security-unsupported',
    `Security scheme "${name}" (${String(type)}${scheme['scheme'] === undefined ? '' : ` ${String(scheme['scheme'])}`}) is not supported; calls that need it send no credential.`,
    locate(ctx, scheme),
  );
  return undefined;
}

/**
 * An OAuth2 scheme with a client-credentials flow: besides its token, the client takes a client
 * id and secret (`clientId`, `clientSecret`; `<scheme>ClientId` where several schemes are) that
 * it trades for tokens at the flow's `tokenUrl`.
 */
function withClientCredentials(
  ctx: SpecContext,
  runtime: AuthScheme,
  scheme: Record<string, unknown>,
  prefix: string,
  envPrefix: string,
  taken: ReadonlySet<string>,
): AuthScheme {
  if (scheme['type'] !== 'oauth2' || !isRecord(scheme['flows'])) return runtime;
  const flow = scheme['flows']['clientCredentials'];
  if (!isRecord(flow)) return runtime;
  const tokenUrl = stringField(ctx, flow, 'tokenUrl');
  if (tokenUrl === undefined) return runtime;
  const name = (what: string): string => {
    const base = prefix === '' ? camelCase(what) : camelCase(`${prefix} ${what}`);
    return BASE_OPTIONS.has(base) || taken.has(base) || base === runtime.option ? `${base}Credential` : base;
  };
  const clientIdOption = name('client id');
  const clientSecretOption = name('client secret');
  // No `scope` is asked for: the server grants the client its default, as most want; the flow's
  // scopes list what may exist, not what this client is allowed.
  return {
    type: 'oauth2',
    option: runtime.option,
    env: runtime.env,
    tokenUrl,
    clientIdOption,
    clientIdEnv: `${envPrefix}_${constantCase(clientIdOption)}`,
    clientSecretOption,
    clientSecretEnv: `${envPrefix}_${constantCase(clientSecretOption)}`,
  };
}

/** One client option of a credential, and what it holds in a reader's words. */
export interface CredentialOption {
  readonly option: string;
  readonly env: string | undefined;
  /** `the HTTP Basic password`, `the OAuth2 client id`; `undefined` for a scheme's one credential. */
  readonly role: string | undefined;
}

/**
 * The client options a scheme takes, its own first: one credential, HTTP Basic's username and
 * password, or an OAuth2 token and the client id and secret traded for one.
 */
export function credentialOptions(scheme: AuthScheme): CredentialOption[] {
  const own = { option: scheme.option, env: scheme.env };
  switch (scheme.type) {
    case 'basic':
      return [
        { ...own, role: 'the HTTP Basic username' },
        { option: scheme.passwordOption, env: scheme.passwordEnv, role: 'the HTTP Basic password' },
      ];
    case 'oauth2':
      if (scheme.clientIdOption === undefined || scheme.clientSecretOption === undefined)
        return [{ ...own, role: 'an OAuth2 access token' }];
      return [
        { ...own, role: 'an OAuth2 access token' },
        { option: scheme.clientIdOption, env: scheme.clientIdEnv, role: 'the OAuth2 client id' },
        { option: scheme.clientSecretOption, env: scheme.clientSecretEnv, role: 'the OAuth2 client secret' },
      ];
    case 'bearer':
    case 'header':
    case 'query':
    case 'cookie':
      return [{ ...own, role: undefined }];
    default:
      return assertNever(scheme);
  }
}

/** Where a scheme's credential travels, in a reader's words (docs, plan, the mock's hints). */
export function credentialPlacement(scheme: AuthScheme): string {
  switch (scheme.type) {
    case 'bearer':
      return 'an `Authorization: Bearer <key>` header';
    case 'oauth2':
      return scheme.tokenUrl === undefined
        ? 'an `Authorization: Bearer <token>` header'
        : `an \`Authorization: Bearer <token>\` header, the token given or fetched from ${scheme.tokenUrl} with the client id and secret`;
    case 'basic':
      return `an \`Authorization: Basic\` header, base64 of \`${scheme.option}:${scheme.passwordOption}\``;
    case 'header':
      return `a \`${scheme.name}\` header`;
    case 'query':
      return `a \`${scheme.name}\` query parameter`;
    case 'cookie':
      return `a \`${scheme.name}\` cookie`;
    default:
      return assertNever(scheme);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown auth scheme: ${JSON.stringify(value)}`);
}

// What APIs call the header: Stripe, PayPal, Adyen and the IETF draft `Idempotency-Key`, others `X-Idempotency-Key`.
const IDEMPOTENCY_HEADER = /^(x-)?idempotency[-_]?key$/i;

/**
 * The client's idempotency header: the declared one, else the first header parameter of that
 * name that an operation declares (by path and method, so the choice is stable).
 */
export function idempotencyHeaderOf(
  declared: string | false | undefined,
  operations: readonly { readonly path: string; readonly headerParams: readonly { readonly name: string }[] }[],
): string | undefined {
  if (declared !== undefined) return declared === false ? undefined : declared;
  const names = operations.flatMap((o) => o.headerParams.map((p) => p.name)).filter((n) => IDEMPOTENCY_HEADER.test(n));
  return names.sort()[0];
}
