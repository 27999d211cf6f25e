/**
 * The client settings of `x-sdkgen-client` that a Stainless config carries (docs/extensions.md):
 * environments, retry defaults, extra options, the query format, the README's example and the
 * path-argument convention. Strict like every sdkgen extension: a wrong kind is a located error.
 */
import { HTTP_METHODS } from '../load/validate-document.js';
import { EXT, knownKeys, matching, stringValue } from './extensions.js';
import type {
  ClientEnvironment,
  ClientModel,
  ClientOptionModel,
  HttpMethod,
  NamingConventions,
  QueryFormat,
  ReadmeExample,
  RetryDefaults,
} from './model.js';
import { isIdentifier } from './names.js';
import { isRecord, locate, locateValue, type SpecContext } from './spec-context.js';

/** What `x-sdkgen-client` settles beyond the client's name: the model's fields of the same names. */
export type ClientSettings = Pick<
  ClientModel,
  | 'environments'
  | 'retries'
  | 'options'
  | 'queryFormat'
  | 'readme'
  | 'pathArguments'
  | 'typeNames'
  | 'pagination'
  | 'optionsOverload'
  | 'requestParams'
  | 'errorClass'
  | 'naming'
>;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const ARRAY_FORMATS = ['repeat', 'comma', 'brackets', 'indices'] as const;
const NESTED_FORMATS = ['brackets', 'dots'] as const;
const OPTION_TYPES = ['string', 'number', 'boolean'] as const;

/** Reads the settings of `ext` (the `x-sdkgen-client` mapping), leaving out what is wrong. */
export function readClientSettings(ctx: SpecContext, ext: Record<string, unknown>): ClientSettings {
  const settings: {
    -readonly [K in keyof ClientSettings]: ClientSettings[K];
  } = {};
  const environments = readEnvironments(ctx, ext);
  if (environments !== undefined) settings.environments = environments;
  const retries = readRetries(ctx, ext);
  if (retries !== undefined) settings.retries = retries;
  const options = readOptions(ctx, ext);
  if (options !== undefined) settings.options = options;
  const queryFormat = readQueryFormat(ctx, ext);
  if (queryFormat !== undefined) settings.queryFormat = queryFormat;
  const readme = readReadme(ctx, ext);
  if (readme !== undefined) settings.readme = readme;
  const pathArguments = oneOf(ctx, ext, 'pathArguments', ['all', 'last'] as const);
  if (pathArguments === 'last') settings.pathArguments = 'last';
  const typeNames = oneOf(ctx, ext, 'typeNames', ['inferred', 'per-method'] as const);
  if (typeNames === 'per-method') settings.typeNames = 'per-method';
  const pagination = oneOf(ctx, ext, 'pagination', ['inferred', 'declared'] as const);
  if (pagination === 'declared') settings.pagination = 'declared';
  const requestParams = oneOf(ctx, ext, 'requestParams', ['separate', 'merged'] as const);
  if (requestParams === 'merged') settings.requestParams = 'merged';
  const naming = readNaming(ctx, ext);
  if (naming !== undefined) settings.naming = naming;
  const errorClass = ext['errorClass'];
  if (typeof errorClass === 'string' && isIdentifier(errorClass)) settings.errorClass = errorClass;
  else if (errorClass !== undefined)
    ctx.diagnostics.error(
      'extension-invalid',
      '`errorClass` must be a class name (an identifier).',
      locateValue(ctx, ext, 'errorClass'),
    );
  const overload = ext['optionsOverload'];
  if (overload === true) settings.optionsOverload = true;
  else if (overload !== undefined && overload !== false)
    ctx.diagnostics.error(
      'extension-invalid',
      '`optionsOverload` must be true or false.',
      locateValue(ctx, ext, 'optionsOverload'),
    );
  return settings;
}

function mapping(ctx: SpecContext, container: Record<string, unknown>, key: string, what: string) {
  const value = container[key];
  if (value === undefined) return undefined;
  if (isRecord(value)) return value;
  ctx.diagnostics.error('extension-invalid', `\`${key}\` must be ${what}.`, locateValue(ctx, container, key));
  return undefined;
}

function readEnvironments(ctx: SpecContext, ext: Record<string, unknown>): ClientEnvironment[] | undefined {
  const raw = mapping(ctx, ext, 'environments', 'a mapping of environment names to base URLs');
  if (raw === undefined) return undefined;
  const environments: ClientEnvironment[] = [];
  for (const [name, url] of Object.entries(raw)) {
    if (typeof url === 'string' && /^https?:\/\/[^/?#]/i.test(url) && URL.canParse(url))
      environments.push({ name, url });
    else
      ctx.diagnostics.error(
        'extension-invalid',
        `Environment "${name}" must be an http or https URL, not ${JSON.stringify(url)}.`,
        locateValue(ctx, raw, name),
      );
  }
  if (Object.keys(raw).length === 0)
    ctx.diagnostics.error(
      'extension-invalid',
      '`environments` names no environment.',
      locate(ctx, ext, 'environments'),
    );
  return environments.length === 0 ? undefined : environments;
}

function readRetries(ctx: SpecContext, ext: Record<string, unknown>): RetryDefaults | undefined {
  const maxRetries = ext['maxRetries'];
  let count: number | undefined;
  if (maxRetries !== undefined) {
    if (typeof maxRetries === 'number' && Number.isInteger(maxRetries) && maxRetries >= 0) count = maxRetries;
    else
      ctx.diagnostics.error(
        'extension-invalid',
        `\`maxRetries\` must be a whole number of 0 or more, not ${JSON.stringify(maxRetries)}.`,
        locateValue(ctx, ext, 'maxRetries'),
      );
  }
  const delay = mapping(ctx, ext, 'retryDelay', 'a mapping with `initial` and `max`, in seconds');
  let initialDelay: number | undefined;
  let maxDelay: number | undefined;
  if (delay !== undefined && knownKeys(ctx, delay, ['initial', 'max'])) {
    const seconds = (key: string): number | undefined => {
      const value = delay[key];
      if (value === undefined) return undefined;
      if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
      ctx.diagnostics.error(
        'extension-invalid',
        `\`${key}\` must be a number of seconds above 0, not ${JSON.stringify(value)}.`,
        locateValue(ctx, delay, key),
      );
      return undefined;
    };
    initialDelay = seconds('initial');
    maxDelay = seconds('max');
    if (initialDelay !== undefined && maxDelay !== undefined && initialDelay > maxDelay) {
      ctx.diagnostics.error(
        'extension-invalid',
        `\`initial\` (${initialDelay} s) is longer than \`max\` (${maxDelay} s).`,
        locateValue(ctx, delay, 'initial'),
      );
      initialDelay = maxDelay = undefined;
    }
  }
  if (count === undefined && initialDelay === undefined && maxDelay === undefined) return undefined;
  return {
    ...(count === undefined ? {} : { maxRetries: count }),
    ...(initialDelay === undefined ? {} : { initialDelay }),
    ...(maxDelay === undefined ? {} : { maxDelay }),
  };
}

function readOptions(ctx: SpecContext, ext: Record<string, unknown>): ClientOptionModel[] | undefined {
  const raw = mapping(ctx, ext, 'options', 'a mapping of option names to their settings');
  if (raw === undefined) return undefined;
  const options: ClientOptionModel[] = [];
  for (const [name, settings] of Object.entries(raw)) {
    if (!isIdentifier(name)) {
      ctx.diagnostics.error(
        'extension-invalid',
        `Option name "${name}" is not a valid identifier.`,
        locate(ctx, raw, name),
      );
      continue;
    }
    if (!isRecord(settings)) {
      ctx.diagnostics.error(
        'extension-invalid',
        `Option ${name} must be a mapping with a \`type\`.`,
        locate(ctx, raw, name),
      );
      continue;
    }
    const keys = ['type', 'env', 'default', 'nullable', 'header', 'query', 'description'];
    if (!knownKeys(ctx, settings, keys)) continue;
    const type = oneOf(ctx, settings, 'type', OPTION_TYPES);
    if (type === undefined) {
      if (settings['type'] === undefined)
        ctx.diagnostics.error('extension-invalid', `Option ${name} needs a \`type\`.`, locate(ctx, raw, name));
      continue;
    }
    const fallback = settings['default'];
    if (fallback !== undefined && typeof fallback !== type) {
      ctx.diagnostics.error(
        'extension-invalid',
        `The default of option ${name} must be a ${type}, not ${JSON.stringify(fallback)}.`,
        locateValue(ctx, settings, 'default'),
      );
      continue;
    }
    const nullable = settings['nullable'];
    if (nullable !== undefined && typeof nullable !== 'boolean')
      ctx.diagnostics.error(
        'extension-invalid',
        '`nullable` must be true or false.',
        locateValue(ctx, settings, 'nullable'),
      );
    const header = matching(ctx, settings, 'header', HEADER_NAME, 'a header name');
    const query = stringValue(ctx, settings, 'query');
    if (header !== undefined && query !== undefined) {
      ctx.diagnostics.error(
        'extension-invalid',
        `Option ${name} is sent either in a \`header\` or in the \`query\`, not both.`,
        locate(ctx, settings, 'query'),
      );
      continue;
    }
    const env = matching(ctx, settings, 'env', ENV_NAME, 'an environment variable name');
    const description = stringValue(ctx, settings, 'description');
    options.push({
      name,
      type,
      nullable: nullable === true,
      ...(env === undefined ? {} : { env }),
      ...(fallback === undefined ? {} : { default: fallback as string | number | boolean }),
      ...(header === undefined ? {} : { header }),
      ...(query === undefined ? {} : { query }),
      ...(description === undefined ? {} : { description }),
    });
  }
  return options;
}

/** `naming`: the conventions the team declares once (docs/naming.md); a default value declares nothing. */
function readNaming(ctx: SpecContext, ext: Record<string, unknown>): NamingConventions | undefined {
  const raw = mapping(
    ctx,
    ext,
    'naming',
    'a mapping with `subResources`, `reads`, `deletes`, `resources` and `keywords`',
  );
  if (raw === undefined || !knownKeys(ctx, raw, ['subResources', 'reads', 'deletes', 'resources', 'keywords']))
    return undefined;
  const subResources = oneOf(ctx, raw, 'subResources', ['nest', 'parent'] as const);
  const reads = oneOf(ctx, raw, 'reads', ['retrieve', 'get'] as const);
  const deletes = oneOf(ctx, raw, 'deletes', ['delete', 'del'] as const);
  const resources = oneOf(ctx, raw, 'resources', ['paths', 'tags'] as const);
  const keywords = oneOf(ctx, raw, 'keywords', ['keep', 'noun'] as const);
  const naming: NamingConventions = {
    ...(subResources === 'parent' ? { subResources } : {}),
    ...(reads === 'get' ? { reads } : {}),
    ...(deletes === 'del' ? { deletes } : {}),
    ...(resources === 'tags' ? { resources } : {}),
    ...(keywords === 'noun' ? { keywords } : {}),
  };
  return Object.keys(naming).length === 0 ? undefined : naming;
}

function readQueryFormat(ctx: SpecContext, ext: Record<string, unknown>): QueryFormat | undefined {
  const raw = mapping(ctx, ext, 'query', 'a mapping with `arrayFormat` and `nestedFormat`');
  if (raw === undefined || !knownKeys(ctx, raw, ['arrayFormat', 'nestedFormat'])) return undefined;
  const arrays = oneOf(ctx, raw, 'arrayFormat', ARRAY_FORMATS);
  const objects = oneOf(ctx, raw, 'nestedFormat', NESTED_FORMATS);
  if (arrays === undefined && objects === undefined) return undefined;
  return { arrays: arrays ?? 'repeat', objects: objects ?? 'brackets' };
}

function readReadme(ctx: SpecContext, ext: Record<string, unknown>): ReadmeExample | undefined {
  const raw = mapping(ctx, ext, 'readme', 'a mapping with `example` (`<verb> <path>`) and `params`');
  if (raw === undefined || !knownKeys(ctx, raw, ['example', 'params'])) return undefined;
  const example = stringValue(ctx, raw, 'example');
  if (example === undefined) {
    if (raw['example'] === undefined)
      ctx.diagnostics.error('extension-invalid', '`readme` needs `example`.', locate(ctx, ext, 'readme'));
    return undefined;
  }
  const match = /^\s*([A-Za-z]+)\s+(\/\S*)\s*$/.exec(example);
  const method = match?.[1]?.toLowerCase();
  if (match === null || method === undefined || !HTTP_METHODS.has(method)) {
    ctx.diagnostics.error(
      'extension-invalid',
      `\`example\` must be an operation as \`<verb> <path>\` (\`get /chats/{chat_id}\`), not ${JSON.stringify(example)}.`,
      locateValue(ctx, raw, 'example'),
    );
    return undefined;
  }
  const params = mapping(ctx, raw, 'params', "a mapping of the example call's parameters");
  return { method: method as HttpMethod, path: match[2] as string, ...(params === undefined ? {} : { params }) };
}

function oneOf<T extends string>(
  ctx: SpecContext,
  container: Record<string, unknown>,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const value = container[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  ctx.diagnostics.error(
    'extension-invalid',
    `\`${key}\` must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}.`,
    locateValue(ctx, container, key),
  );
  return undefined;
}

/** An error where the README's example names no operation of the spec. */
export function checkReadmeExample(
  ctx: SpecContext,
  readme: ReadmeExample | undefined,
  operations: readonly { readonly method: HttpMethod; readonly path: string }[],
): void {
  if (readme === undefined || operations.some((o) => o.method === readme.method && o.path === readme.path)) return;
  const root = ctx.spec.root.value as Record<string, unknown>;
  const ext = root[EXT.client];
  const raw = isRecord(ext) ? ext['readme'] : undefined;
  ctx.diagnostics.error(
    'extension-invalid',
    `The README's example names no operation ${readme.method} ${readme.path}.`,
    isRecord(raw) ? locateValue(ctx, raw, 'example') : undefined,
  );
}
