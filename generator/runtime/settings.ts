import { readEnv } from './env.js';
import { SDKError } from './errors.js';
import type { ClientConfig, ClientSetting, SettingReader } from './types.js';

/**
 * The base URL a client sends to: `baseURL` where given, else the environment picked (the
 * first where none is), else the spec's server. Giving both `baseURL` and `environment` is
 * ambiguous and throws, as Stainless-generated clients do.
 */
export function chooseBaseURL(baseURL: string | undefined, config: ClientConfig): string {
  const { environments, environment } = config;
  if (environment !== undefined && environments === undefined)
    throw new SDKError('This client has no environments: pass `baseURL` instead of `environment`.');
  if (environments === undefined) return baseURL ?? config.baseURL;
  if (baseURL !== undefined && environment !== undefined)
    throw new SDKError('Ambiguous URL: the `baseURL` and `environment` options are both given; pass one of them.');
  if (baseURL !== undefined) return baseURL;
  const names = Object.keys(environments);
  const name = environment ?? names[0];
  if (name === undefined || !Object.hasOwn(environments, name))
    throw new SDKError(
      `Unknown \`environment\` ${JSON.stringify(environment)}: use one of ${names.map((n) => `'${n}'`).join(', ')}.`,
    );
  return environments[name] as string;
}

/**
 * The headers and query parameters of the client's options that are not credentials, each from
 * its option, else its environment variable (where the platform has them), else its default.
 * `null` sends nothing, even where the variable is set.
 */
export function settingValues(settings: readonly ClientSetting[] | undefined): {
  readonly headers: Record<string, string>;
  readonly query: Record<string, string>;
} {
  const headers: Record<string, string> = {};
  const query: Record<string, string> = {};
  for (const setting of settings ?? []) {
    const value = settingValue(setting);
    if (value === undefined) continue;
    if (setting.header !== undefined) headers[setting.header.toLowerCase()] = value;
    else if (setting.query !== undefined) query[setting.query] = value;
  }
  return { headers, query };
}

/**
 * What a client reads its environments and settings with: given in the config of clients whose
 * API declares either, so that other clients' bundles hold none of it.
 */
export const settingReader: SettingReader = { chooseBaseURL, settingValues, settingValue };

export function settingValue(setting: ClientSetting): string | undefined {
  const { option, value, type, env } = setting;
  if (value === null) return undefined;
  if (value !== undefined) {
    if (typeof value !== type)
      throw new SDKError(`The \`${option}\` option must be a ${type}, got ${JSON.stringify(value)}.`);
    return String(value);
  }
  const fromEnv = env === undefined ? undefined : readEnv(env);
  if (fromEnv !== undefined) {
    // A variable is text: a number or boolean option checks that it reads as one.
    const valid =
      type === 'string' ||
      (type === 'number' && Number.isFinite(Number(fromEnv))) ||
      (type === 'boolean' && (fromEnv === 'true' || fromEnv === 'false'));
    if (!valid)
      throw new SDKError(`${env} must be a ${type} for the \`${option}\` option, got ${JSON.stringify(fromEnv)}.`);
    return fromEnv;
  }
  return setting.default === undefined ? undefined : String(setting.default);
}
