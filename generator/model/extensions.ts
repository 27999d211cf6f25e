/**
 * Readers of sdkgen's own `x-sdkgen-*` extensions (documented in docs/extensions.md).
 * They are strict: an unknown key or a value of the wrong kind is an error, because a
 * typo there would otherwise silently change the generated client.
 */
import type { PageScheme } from '../runtime/pagination.js';
import type { WebhookSignature } from '../runtime/webhooks.js';
import type { PageClassModel } from './model.js';
import { isIdentifier } from './names.js';
import { isRecord, locate, locateValue, type SpecContext } from './spec-context.js';

export const EXT = {
  client: 'x-sdkgen-client',
  pagination: 'x-sdkgen-pagination',
  auth: 'x-sdkgen-auth',
  resource: 'x-sdkgen-resource',
  method: 'x-sdkgen-method',
  stream: 'x-sdkgen-stream',
  webhooks: 'x-sdkgen-webhooks',
  skip: 'x-sdkgen-skip',
  bodyParam: 'x-sdkgen-body-param',
  deprecated: 'x-sdkgen-deprecated',
  name: 'x-sdkgen-name',
  aliases: 'x-sdkgen-aliases',
} as const;

export interface ClientExtension {
  readonly name?: string | undefined;
  readonly package?: string | undefined;
  readonly logEnv?: string | undefined;
  /** The idempotency header's name, or `false` for none even where the spec declares one. */
  readonly idempotencyHeader?: string | false | undefined;
  /** The client settings a Stainless config carries (environments, retries, options, …): client-settings.ts reads them. */
  readonly settings?: Record<string, unknown> | undefined;
}

/** The keys of `x-sdkgen-client` that client-settings.ts reads. */
export const CLIENT_SETTING_KEYS = [
  'environments',
  'maxRetries',
  'retryDelay',
  'options',
  'query',
  'readme',
  'pathArguments',
  'typeNames',
  'pagination',
  'optionsOverload',
  'requestParams',
  'errorClass',
  'naming',
];

export interface AuthExtension {
  /** The credential's option: for HTTP Basic, the username's. */
  readonly option?: string | undefined;
  readonly env?: string | undefined;
  /** HTTP Basic only: the password's option and environment variable. */
  readonly password?: string | undefined;
  readonly passwordEnv?: string | undefined;
}

export interface OperationExtensions {
  readonly resource?: readonly string[] | undefined;
  readonly method?: string | undefined;
  /** A declared page class, or `false`: never paginated. */
  readonly pagination?: string | false | undefined;
  /** `x-sdkgen-skip`: the operation is left out of the client; `true`, or the reason why. */
  readonly skip?: string | true | undefined;
  /** The property of a non-object body's argument that holds the whole body. */
  readonly bodyParam?: string | undefined;
  /** `x-sdkgen-deprecated`: a message, or `true` for a plain deprecation. */
  readonly deprecated?: string | true | undefined;
  /** `x-sdkgen-aliases`: more places the same call is made from (`generations.video.create`). */
  readonly aliases?: readonly { readonly resource: readonly string[]; readonly method: string }[] | undefined;
  /** Set on the copy an alias makes (aliases.ts): the operation's own place keeps its function's name. */
  readonly aliasOf?: true | undefined;
}

export function readClientExtension(ctx: SpecContext, root: Record<string, unknown>): ClientExtension {
  const ext = objectExtension(ctx, root, EXT.client, [
    'name',
    'package',
    'logEnv',
    'idempotencyHeader',
    ...CLIENT_SETTING_KEYS,
  ]);
  if (ext === undefined) return {};
  return {
    settings: ext,
    name: identifierValue(ctx, ext, 'name'),
    package: matching(
      ctx,
      ext,
      'package',
      /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/,
      'an npm package name',
    ),
    logEnv: matching(ctx, ext, 'logEnv', /^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name'),
    idempotencyHeader:
      ext['idempotencyHeader'] === false
        ? false
        : matching(ctx, ext, 'idempotencyHeader', /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, 'a header name or false'),
  };
}

export interface WebhooksExtension {
  readonly signature?: WebhookSignature | undefined;
  readonly secretEnv?: string | undefined;
}

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const ALGORITHMS = { sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512' } as const;

/**
 * How the API signs its webhooks: `signature: standard-webhooks` (the default), or an HMAC of
 * its own, `{ header, prefix, encoding, algorithm, payload, timestampHeader, idHeader }`.
 */
export function readWebhooksExtension(ctx: SpecContext, root: Record<string, unknown>): WebhooksExtension {
  // `discriminator` and `methods` (Stainless's unwrap methods) are webhook-methods.ts's to read.
  const ext = objectExtension(ctx, root, EXT.webhooks, ['signature', 'secretEnv', 'discriminator', 'methods']);
  if (ext === undefined) return {};
  const secretEnv = matching(ctx, ext, 'secretEnv', /^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');
  const raw = ext['signature'];
  if (raw === undefined || raw === 'standard-webhooks')
    return { signature: raw === undefined ? undefined : { type: 'standard-webhooks' }, secretEnv };
  const keys = ['header', 'prefix', 'encoding', 'algorithm', 'payload', 'timestampHeader', 'idHeader'];
  if (!isRecord(raw) || !knownKeys(ctx, raw, keys)) {
    if (!isRecord(raw))
      ctx.diagnostics.error(
        'extension-invalid',
        '`signature` must be "standard-webhooks" or a mapping with `header`, `encoding` and `algorithm`.',
        locateValue(ctx, ext, 'signature'),
      );
    return { secretEnv };
  }
  const header = matching(ctx, raw, 'header', HEADER_NAME, 'a header name');
  const encoding = matching(ctx, raw, 'encoding', /^(hex|base64)$/, 'hex or base64');
  const algorithm = matching(ctx, raw, 'algorithm', /^(sha1|sha256|sha512)$/, 'sha1, sha256 or sha512');
  const payload = stringValue(ctx, raw, 'payload') ?? '{body}';
  if (!payload.includes('{body}'))
    ctx.diagnostics.error('extension-invalid', '`payload` must include {body}.', locateValue(ctx, raw, 'payload'));
  for (const key of ['header', 'encoding', 'algorithm'])
    if (raw[key] === undefined)
      ctx.diagnostics.error('extension-invalid', `\`signature\` needs \`${key}\`.`, locate(ctx, ext, 'signature'));
  if (header === undefined || encoding === undefined || algorithm === undefined) return { secretEnv };
  const timestampHeader = matching(ctx, raw, 'timestampHeader', HEADER_NAME, 'a header name');
  const idHeader = matching(ctx, raw, 'idHeader', HEADER_NAME, 'a header name');
  const prefix = raw['prefix'] === undefined ? undefined : stringValue(ctx, raw, 'prefix');
  return {
    secretEnv,
    signature: {
      type: 'hmac',
      header: header.toLowerCase(),
      ...(prefix === undefined ? {} : { prefix }),
      encoding: encoding as 'hex' | 'base64',
      algorithm: ALGORITHMS[algorithm as keyof typeof ALGORITHMS],
      payload,
      ...(timestampHeader === undefined ? {} : { timestampHeader: timestampHeader.toLowerCase() }),
      ...(idHeader === undefined ? {} : { idHeader: idHeader.toLowerCase() }),
    },
  };
}

export function readAuthExtension(ctx: SpecContext, scheme: Record<string, unknown>): AuthExtension {
  const ext = objectExtension(ctx, scheme, EXT.auth, ['option', 'env', 'password', 'passwordEnv']);
  if (ext === undefined) return {};
  const basic = scheme['type'] === 'http' && String(scheme['scheme']).toLowerCase() === 'basic';
  for (const key of ['password', 'passwordEnv'])
    if (!basic && key in ext)
      ctx.diagnostics.error(
        'extension-invalid',
        `\`${key}\` is for an HTTP Basic scheme only: this scheme takes one credential, named by \`option\`.`,
        locate(ctx, ext, key),
      );
  const envName = (key: string): string | undefined =>
    matching(ctx, ext, key, /^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');
  return {
    option: identifierValue(ctx, ext, 'option'),
    env: envName('env'),
    password: basic ? identifierValue(ctx, ext, 'password') : undefined,
    passwordEnv: basic ? envName('passwordEnv') : undefined,
  };
}

/** A page class declared at the root, with the raw schemas of its params and response, if given (the model converts them). */
export interface DeclaredPageClass extends PageClassModel {
  readonly rawParams?: Record<string, unknown>;
  readonly rawResponse?: Record<string, unknown>;
}

/** The page classes declared at the root, by name. */
export function readPageClasses(ctx: SpecContext, root: Record<string, unknown>): Map<string, DeclaredPageClass> {
  const classes = new Map<string, DeclaredPageClass>();
  const ext = root[EXT.pagination];
  if (ext === undefined) return classes;
  if (!isRecord(ext)) {
    ctx.diagnostics.error(
      'extension-invalid',
      `\`${EXT.pagination}\` must map page class names to schemes.`,
      locate(ctx, root, EXT.pagination),
    );
    return classes;
  }
  for (const [name, raw] of Object.entries(ext)) {
    if (!isIdentifier(name)) {
      ctx.diagnostics.error(
        'extension-invalid',
        `Page class name "${name}" is not a valid identifier.`,
        locate(ctx, ext, name),
      );
      continue;
    }
    if (!isRecord(raw)) {
      ctx.diagnostics.error('extension-invalid', `Page class ${name} must be a mapping.`, locate(ctx, ext, name));
      continue;
    }
    const scheme = readScheme(ctx, name, raw);
    if (scheme !== undefined)
      classes.set(name, {
        name,
        description: stringValue(ctx, raw, 'description'),
        scheme,
        ...pageSchemas(ctx, raw),
      });
  }
  return classes;
}

/** A page class's `params` and `response`: the JSON schemas its `<Class>Params` and `<Class>Response<Item>` are made of. */
function pageSchemas(
  ctx: SpecContext,
  raw: Record<string, unknown>,
): Pick<DeclaredPageClass, 'rawParams' | 'rawResponse'> {
  const schema = (key: string): Record<string, unknown> | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (isRecord(value) && (value['type'] === 'object' || isRecord(value['properties']))) return value;
    ctx.diagnostics.error(
      'extension-invalid',
      `\`${key}\` must be an object schema (\`type: object\` with \`properties\`).`,
      locateValue(ctx, raw, key),
    );
    return undefined;
  };
  const rawParams = schema('params');
  const rawResponse = schema('response');
  return { ...(rawParams === undefined ? {} : { rawParams }), ...(rawResponse === undefined ? {} : { rawResponse }) };
}

export function readOperationExtensions(ctx: SpecContext, operation: Record<string, unknown>): OperationExtensions {
  const resource = operation[EXT.resource];
  let resourcePath: string[] | undefined;
  if (resource !== undefined) {
    const segments = typeof resource === 'string' ? resource.split('.') : [];
    if (segments.length === 0 || !segments.every(isIdentifier)) {
      ctx.diagnostics.error(
        'extension-invalid',
        `\`${EXT.resource}\` must be a dotted path of identifiers, like "admin.organization.projects".`,
        locateValue(ctx, operation, EXT.resource),
      );
    } else {
      resourcePath = segments;
    }
  }
  return {
    resource: resourcePath,
    method: identifierValue(ctx, operation, EXT.method),
    pagination: operation[EXT.pagination] === false ? false : stringValue(ctx, operation, EXT.pagination),
    skip: trueOrText(ctx, operation, EXT.skip),
    bodyParam: identifierValue(ctx, operation, EXT.bodyParam),
    deprecated: trueOrText(ctx, operation, EXT.deprecated),
    aliases: readAliases(ctx, operation),
  };
}

/** `x-sdkgen-aliases: [generations.video.create]`: each a dotted call path, its last name the method. */
function readAliases(
  ctx: SpecContext,
  operation: Record<string, unknown>,
): { resource: string[]; method: string }[] | undefined {
  const raw = operation[EXT.aliases];
  if (raw === undefined) return undefined;
  const paths = Array.isArray(raw) ? raw.map((item) => (typeof item === 'string' ? item.split('.') : [])) : [];
  if (!Array.isArray(raw) || paths.some((segments) => segments.length === 0 || !segments.every(isIdentifier))) {
    ctx.diagnostics.error(
      'extension-invalid',
      `\`${EXT.aliases}\` must be a list of call paths, like ["generations.video.create"].`,
      locateValue(ctx, operation, EXT.aliases),
    );
    return undefined;
  }
  return paths.map((segments) => ({ resource: segments.slice(0, -1), method: segments.at(-1) as string }));
}

/**
 * `x-sdkgen-name` of a component schema: the exported name of its type. It must be a name a
 * type can take (an identifier starting with a letter), or the declaration is an error.
 */
export function readSchemaName(ctx: SpecContext, schema: Record<string, unknown>): string | undefined {
  return matching(ctx, schema, EXT.name, /^[A-Za-z][A-Za-z0-9_$]*$/, 'a type name (an identifier)');
}

/** The keys of each scheme type: required ones, then optional ones (besides description, type, items, hasMore). */
const SCHEME_KEYS = {
  cursor: { required: ['cursorField', 'cursorParam'], optional: [] },
  'item-id': { required: ['idField', 'cursorParam'], optional: ['beforeParam'] },
  'page-number': { required: ['pageParam'], optional: ['totalPages'] },
  offset: { required: ['offsetParam'], optional: ['total'] },
  'next-url': { required: ['urlField'], optional: [] },
  'link-header': { required: [], optional: [] },
  single: { required: [], optional: [] },
} as const satisfies Record<PageScheme['type'], { required: readonly string[]; optional: readonly string[] }>;

function readScheme(ctx: SpecContext, name: string, raw: Record<string, unknown>): PageScheme | undefined {
  const type = raw['type'];
  if (typeof type !== 'string' || !Object.hasOwn(SCHEME_KEYS, type)) {
    ctx.diagnostics.error(
      'extension-invalid',
      `Page class ${name} has ${type === undefined ? 'no `type`' : `the unknown type ${JSON.stringify(type)}`}; use one of: ${Object.keys(SCHEME_KEYS).join(', ')}.`,
      type === undefined ? locate(ctx, raw) : locateValue(ctx, raw, 'type'),
    );
    return undefined;
  }
  const keys = SCHEME_KEYS[type as PageScheme['type']];
  const allowed = ['description', 'type', 'items', 'hasMore', ...keys.required, ...keys.optional, 'params', 'response'];
  if (!knownKeys(ctx, raw, allowed)) return undefined;
  const required = requiredStrings(ctx, name, raw, ['items', ...keys.required]);
  if (required === undefined) return undefined;
  const optional: Record<string, string> = {};
  for (const key of ['hasMore', ...keys.optional]) {
    const value = stringValue(ctx, raw, key);
    if (value !== undefined) optional[key] = value;
  }
  // One key order for every scheme (type, items, hasMore, then the type's own), so equal
  // schemes compare equal and print alike. The keys were checked against the type above.
  const { items, ...specific } = required;
  const { hasMore, ...extra } = optional;
  return { type, items, ...(hasMore === undefined ? {} : { hasMore }), ...specific, ...extra } as unknown as PageScheme;
}

function objectExtension(
  ctx: SpecContext,
  container: Record<string, unknown>,
  key: string,
  allowed: readonly string[],
): Record<string, unknown> | undefined {
  const ext = container[key];
  if (ext === undefined) return undefined;
  if (!isRecord(ext)) {
    ctx.diagnostics.error('extension-invalid', `\`${key}\` must be a mapping.`, locate(ctx, container, key));
    return undefined;
  }
  return knownKeys(ctx, ext, allowed) ? ext : undefined;
}

export function knownKeys(ctx: SpecContext, ext: Record<string, unknown>, allowed: readonly string[]): boolean {
  let ok = true;
  for (const key of Object.keys(ext)) {
    if (!allowed.includes(key)) {
      ctx.diagnostics.error(
        'extension-unknown-key',
        `Unknown key "${key}"; expected one of: ${allowed.join(', ')}.`,
        locate(ctx, ext, key),
      );
      ok = false;
    }
  }
  return ok;
}

function requiredStrings(
  ctx: SpecContext,
  name: string,
  raw: Record<string, unknown>,
  keys: readonly string[],
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = stringValue(ctx, raw, key);
    if (value === undefined) {
      if (raw[key] === undefined)
        ctx.diagnostics.error('extension-invalid', `Page class ${name} needs \`${key}\`.`, locate(ctx, raw));
      return undefined;
    }
    out[key] = value;
  }
  return out;
}

export function stringValue(ctx: SpecContext, container: Record<string, unknown>, key: string): string | undefined {
  const value = container[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value !== '') return value;
  ctx.diagnostics.error(
    'extension-invalid',
    `\`${key}\` must be a non-empty string.`,
    locateValue(ctx, container, key),
  );
  return undefined;
}

/** `true` or a text saying why (`false` says nothing either way). */
function trueOrText(ctx: SpecContext, container: Record<string, unknown>, key: string): string | true | undefined {
  const value = container[key];
  if (value === undefined || value === false) return undefined;
  if (value === true || (typeof value === 'string' && value.trim() !== '')) return value;
  ctx.diagnostics.error(
    'extension-invalid',
    `\`${key}\` must be true, false or a non-empty text.`,
    locateValue(ctx, container, key),
  );
  return undefined;
}

function identifierValue(ctx: SpecContext, container: Record<string, unknown>, key: string): string | undefined {
  return matching(ctx, container, key, /^[A-Za-z_$][A-Za-z0-9_$]*$/, 'a valid identifier');
}

export function matching(
  ctx: SpecContext,
  container: Record<string, unknown>,
  key: string,
  pattern: RegExp,
  what: string,
): string | undefined {
  const value = stringValue(ctx, container, key);
  if (value === undefined) return undefined;
  if (pattern.test(value)) return value;
  ctx.diagnostics.error(
    'extension-invalid',
    `\`${key}\` must be ${what}, not ${JSON.stringify(value)}.`,
    locateValue(ctx, container, key),
  );
  return undefined;
}
