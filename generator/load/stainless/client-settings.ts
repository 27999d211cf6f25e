import { isRecord } from '../validate-document.js';
import { type Conversion, readKeys } from './context.js';

/** Sets `x-sdkgen-client.<key>` at the root, pointing problems at the config's `container.key`. */
export function setClient(
  conversion: Conversion,
  values: Record<string, unknown>,
  container: object,
  key: string,
): void {
  conversion.act({ target: '$', update: { 'x-sdkgen-client': values } }, container, key);
}

/** `environments: { production: https://… }`: the client's named base URLs, the first the default. */
export function readEnvironments(conversion: Conversion, value: unknown, container: Record<string, unknown>): void {
  if (!isRecord(value) || !Object.values(value).every((url) => typeof url === 'string')) {
    conversion.error('stainless-invalid', '`environments` must map names to base URLs.', container, 'environments');
    return;
  }
  // Stainless clients default to `production` wherever the config lists it (Honcho's lists
  // `demo` first); x-sdkgen-client's default is the first environment.
  const { production, ...others } = value;
  const environments = production === undefined ? value : { production, ...others };
  setClient(conversion, { environments }, container, 'environments');
}

const ARRAY_FORMATS = ['comma', 'repeat', 'brackets', 'indices'];
const NESTED_FORMATS = ['brackets', 'dots'];

/** `query_settings`: how query arrays and objects are written. */
export function readQuerySettings(conversion: Conversion, container: Record<string, unknown>): void {
  const settings = conversion.mapping(container, 'query_settings', 'query_settings');
  if (settings === undefined) return;
  const query: Record<string, string> = {};
  const format = (key: string, name: string, allowed: readonly string[]) => (format: unknown) => {
    if (typeof format === 'string' && allowed.includes(format)) query[name] = format;
    else
      conversion.error(
        'stainless-invalid',
        `\`query_settings.${key}\` is one of ${allowed.join(', ')}.`,
        settings,
        key,
      );
  };
  readKeys(conversion, settings, 'query_settings', {
    array_format: format('array_format', 'arrayFormat', ARRAY_FORMATS),
    nested_format: format('nested_format', 'nestedFormat', NESTED_FORMATS),
  });
  if (Object.keys(query).length > 0) setClient(conversion, { query }, container, 'query_settings');
}

/** `default_retries: { max_retries, initial_delay_seconds, max_delay_seconds }`. */
export function readDefaultRetries(conversion: Conversion, container: Record<string, unknown>, path: string): void {
  const retries = conversion.mapping(container, 'default_retries', path);
  if (retries === undefined) return;
  const client: Record<string, unknown> = {};
  const delay: Record<string, number> = {};
  const number =
    (key: string, set: (n: number) => void, whole = false) =>
    (value: unknown) => {
      if (typeof value === 'number' && value >= 0 && (!whole || Number.isInteger(value))) set(value);
      else
        conversion.error(
          'stainless-invalid',
          `\`${path}.${key}\` must be a ${whole ? 'whole ' : ''}number ≥ 0.`,
          retries,
          key,
        );
    };
  readKeys(conversion, retries, path, {
    max_retries: number('max_retries', (n) => (client['maxRetries'] = n), true),
    initial_delay_seconds: number('initial_delay_seconds', (n) => (delay['initial'] = n)),
    max_delay_seconds: number('max_delay_seconds', (n) => (delay['max'] = n)),
  });
  if (Object.keys(delay).length > 0) client['retryDelay'] = delay;
  if (Object.keys(client).length > 0) setClient(conversion, client, container, 'default_retries');
}

/** `organization.name`: the client class, as Stainless names it (`onebusaway-sdk` → `OnebusawaySDK`). */
export function readOrganization(
  conversion: Conversion,
  organization: unknown,
  container: Record<string, unknown>,
): void {
  if (!isRecord(organization)) {
    conversion.error('stainless-invalid', '`organization` must be a mapping.', container, 'organization');
    return;
  }
  readKeys(
    conversion,
    organization,
    'organization',
    {
      name: (name) => {
        if (typeof name !== 'string' || name === '') {
          conversion.error('stainless-invalid', '`organization.name` must be a name.', organization, 'name');
          return;
        }
        // The class name is Stainless's PascalCase of the name, custom casings applied; every
        // Stainless SDK exports its base error class as the client's name and `Error`.
        const client = conversion.pascal(name);
        setClient(conversion, { name: client, errorClass: `${client}Error` }, organization, 'name');
      },
    },
    // Stainless's docs site, support contact and GitHub organization.
    ['docs', 'contact', 'github_org'],
  );
}

/** Settings of the TypeScript target Stainless hosts: the repositories, publishing, its edition. */
const TARGET_HOSTING = ['production_repo', 'staging_repo', 'publish', 'edition', 'readme_title', 'options', 'skip'];

/** `targets.typescript` / `targets.node`: the package name; every other target is another language's. */
export function readTargets(conversion: Conversion, targets: unknown, container: Record<string, unknown>): void {
  if (!isRecord(targets)) {
    conversion.error('stainless-invalid', '`targets` must be a mapping of languages.', container, 'targets');
    return;
  }
  for (const language of ['typescript', 'node']) {
    const target = targets[language];
    if (!isRecord(target)) continue;
    readKeys(
      conversion,
      target,
      `targets.${language}`,
      {
        package_name: (name) => {
          if (typeof name === 'string' && name !== '') setClient(conversion, { package: name }, target, 'package_name');
          else
            conversion.error(
              'stainless-invalid',
              '`package_name` must be an npm package name.',
              target,
              'package_name',
            );
        },
      },
      TARGET_HOSTING,
    );
  }
}

/** Top-level `security`: the document's root `security`, replaced. */
export function readSecurity(conversion: Conversion, security: unknown, container: Record<string, unknown>): void {
  if (!Array.isArray(security) || !security.every(isRecord)) {
    conversion.error('stainless-invalid', '`security` must be a list of security requirements.', container, 'security');
    return;
  }
  conversion.act({ target: '$', update: { security } }, container, 'security');
}
