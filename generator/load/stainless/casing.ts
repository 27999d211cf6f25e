/**
 * Stainless's casing of names (resources, methods, options, types, page classes), so that a
 * client generated from a Stainless config keeps the names its users already call:
 * `admin_api_keys` → `adminAPIKeys`, `get_from_url` → `getFromURL`, `chat_id` → `chatID`,
 * `url_endpoints` → `urlEndpoints`, `onebusaway-sdk` → `OnebusawaySDK`.
 */

/** How one word is written wherever it is, from a config's `custom_casings` (`lumaai: { camel: lumaai, pascal: LumaAI }`). */
export interface CustomCasing {
  readonly camel?: string | undefined;
  readonly pascal?: string | undefined;
}

export type CustomCasings = ReadonlyMap<string, CustomCasing>;

/**
 * Words Stainless writes in capitals (or its own mixed case) except as the first word of a
 * camelCase name, read off published packages: openai-node (`adminAPIKeys`, `fileIDs`),
 * @imagekit/nodejs (`removeAITags`, `getFromURL`, `GPSVersionID`), @linqapp/sdk (`chatID`,
 * `URLs`), onebusaway-sdk (`OnebusawaySDK`, `RouteIDsForAgency`).
 */
const INITIALISMS: ReadonlyMap<string, string> = new Map(
  [
    'ID',
    'IDs',
    'URL',
    'URLs',
    'URI',
    'URIs',
    'API',
    'APIs',
    'AI',
    'SDK',
    'SDKs',
    'JSON',
    'HTTP',
    'HTTPS',
    'UUID',
    'UUIDs',
    'OAuth',
    'IP',
    'IPs',
    'JWT',
    'GPS',
    'KYC',
    'SSO',
  ].map((word) => [word.toLowerCase(), word]),
);

/** snake, kebab, dotted, spaced or camel case into lowercase words: `chatId` → `chat`, `id`; `URLEndpoints` → `url`, `endpoints`. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/**
 * `get_by_name` → `getByName`, `admin_api_keys` → `adminAPIKeys`, `oauth_token` → `oauthToken`;
 * a leading `_` is kept. `initialisms: false` is the casing of Stainless's older \`node\` target,
 * which capitalized only types: `route_ids_for_agency` → `routeIdsForAgency` (onebusaway-sdk 1.x).
 */
export function stainlessCamel(name: string, custom: CustomCasings = new Map(), initialisms = true): string {
  const whole = custom.get(name)?.camel;
  if (whole !== undefined) return whole;
  const words = splitWords(name);
  const cased = words.map((word, index) => {
    const own = custom.get(word);
    if (index === 0) return own?.camel ?? word;
    return own?.pascal ?? (initialisms ? INITIALISMS.get(word) : undefined) ?? capitalize(word);
  });
  return leadingUnderscores(name) + cased.join('');
}

/** `page_app` → `PageApp`, `oauth_token` → `OAuthToken`, `onebusaway-sdk` → `OnebusawaySDK`; a leading `_` is kept. */
export function stainlessPascal(name: string, custom: CustomCasings = new Map()): string {
  const whole = custom.get(name)?.pascal;
  if (whole !== undefined) return whole;
  const cased = splitWords(name).map((word) => custom.get(word)?.pascal ?? INITIALISMS.get(word) ?? capitalize(word));
  return leadingUnderscores(name) + cased.join('');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function leadingUnderscores(name: string): string {
  return /^_*/.exec(name)?.[0] ?? '';
}
