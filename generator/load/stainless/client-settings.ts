import { closest } from '../../did-you-mean.js';
import { isRecord } from '../validate-document.js';
import { stainlessCamel, stainlessPascal } from './casing.js';
import { type Conversion, jsonPath, readKeys } from './context.js';
import { readEndpoint, specEndpoints } from './endpoints.js';

/** Sets `x-sdkgen-client.<key>` at the root, pointing problems at the config's `container.key`. */
function setClient(conversion: Conversion, values: Record<string, unknown>, container: object, key: string): void {
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
        // The class name is Stainless's PascalCase of the name, custom casings applied.
        setClient(conversion, { name: stainlessPascal(name, conversion.casings) }, organization, 'name');
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

/**
 * `client_settings.opts`: an option with `auth.security_scheme` is that scheme's credential
 * (`x-sdkgen-auth`); any other is an extra client option (`x-sdkgen-client.options`).
 */
export function readClientSettings(
  conversion: Conversion,
  settings: unknown,
  container: Record<string, unknown>,
): void {
  if (!isRecord(settings)) {
    conversion.error('stainless-invalid', '`client_settings` must be a mapping.', container, 'client_settings');
    return;
  }
  readKeys(conversion, settings, 'client_settings', {
    opts: (opts) => readOpts(conversion, opts, settings),
    default_retries: () => readDefaultRetries(conversion, settings, 'client_settings.default_retries'),
    idempotency: (idempotency) => {
      const header = isRecord(idempotency) ? idempotency['header'] : undefined;
      if (isRecord(idempotency)) readKeys(conversion, idempotency, 'client_settings.idempotency', { header: () => {} });
      if (typeof header === 'string' && header !== '')
        setClient(conversion, { idempotencyHeader: header }, idempotency as object, 'header');
      else
        conversion.error(
          'stainless-invalid',
          '`client_settings.idempotency` needs a `header`.',
          settings,
          'idempotency',
        );
    },
  });
}

const OPTION_TYPES: Readonly<Record<string, string>> = {
  string: 'string',
  number: 'number',
  integer: 'number',
  boolean: 'boolean',
};

function readOpts(conversion: Conversion, opts: unknown, settings: Record<string, unknown>): void {
  if (!isRecord(opts)) {
    conversion.error('stainless-invalid', '`client_settings.opts` must be a mapping of options.', settings, 'opts');
    return;
  }
  const options: Record<string, unknown> = {};
  for (const [key, opt] of Object.entries(opts)) {
    const where = `client_settings.opts.${key}`;
    if (!isRecord(opt)) {
      conversion.error('stainless-invalid', `\`${where}\` must be a mapping.`, opts, key);
      continue;
    }
    const name = stainlessCamel(key, conversion.casings);
    if (isRecord(opt['auth'])) readAuthOpt(conversion, opt, name, where);
    else {
      const option = readOption(conversion, opt, where);
      if (option !== undefined) options[name] = option;
    }
  }
  if (Object.keys(options).length > 0) setClient(conversion, { options }, settings, 'opts');
}

/** A credential: `x-sdkgen-auth` on its security scheme; a basic scheme's `role: password` is its password. */
function readAuthOpt(conversion: Conversion, opt: Record<string, unknown>, name: string, where: string): void {
  const auth = opt['auth'] as Record<string, unknown>;
  const scheme = auth['security_scheme'];
  const components = conversion.spec['components'];
  const schemes = isRecord(components) && isRecord(components['securitySchemes']) ? components['securitySchemes'] : {};
  readKeys(conversion, auth, `${where}.auth`, { security_scheme: () => {}, role: () => {} });
  // Where the credential is sent is the scheme's to say (`in`, `name`); the config repeats it.
  readKeys(conversion, opt, where, { auth: () => {}, read_env: () => {}, type: () => {} }, [
    'description',
    'nullable',
    'send_as_query_param',
    'send_as_header',
  ]);
  if (typeof scheme !== 'string' || !Object.hasOwn(schemes, scheme)) {
    const near = typeof scheme === 'string' ? closest(scheme, Object.keys(schemes)) : undefined;
    conversion.error(
      'stainless-security-scheme-unknown',
      `The spec has no security scheme ${JSON.stringify(scheme)} (#/components/securitySchemes).`,
      auth,
      'security_scheme',
      near === undefined ? undefined : `Did you mean \`${near}\`?`,
    );
    return;
  }
  const env = opt['read_env'];
  const password = auth['role'] === 'password';
  const update: Record<string, unknown> = password ? { password: name } : { option: name };
  if (typeof env === 'string') update[password ? 'passwordEnv' : 'env'] = env;
  conversion.act(
    { target: jsonPath('components', 'securitySchemes', scheme), update: { 'x-sdkgen-auth': update } },
    opt,
    'auth',
  );
}

function readOption(
  conversion: Conversion,
  opt: Record<string, unknown>,
  where: string,
): Record<string, unknown> | undefined {
  const option: Record<string, unknown> = {};
  const text = (key: string, name: string) => (value: unknown) => {
    if (typeof value === 'string' && value !== '') option[name] = value;
    else conversion.error('stainless-invalid', `\`${where}.${key}\` must be a string.`, opt, key);
  };
  readKeys(conversion, opt, where, {
    type: (type) => {
      const mapped = typeof type === 'string' ? OPTION_TYPES[type] : undefined;
      if (mapped !== undefined) option['type'] = mapped;
      else
        conversion.unsupported(
          opt,
          'type',
          `${where}.type`,
          `an option is a string, number, integer or boolean, not ${JSON.stringify(type)}.`,
        );
    },
    read_env: text('read_env', 'env'),
    send_as_header: text('send_as_header', 'header'),
    send_as_query_param: text('send_as_query_param', 'query'),
    description: text('description', 'description'),
    default: (value) => {
      option['default'] = value;
    },
    nullable: (value) => {
      if (typeof value === 'boolean') option['nullable'] = value;
      else conversion.error('stainless-invalid', `\`${where}.nullable\` must be true or false.`, opt, 'nullable');
    },
  });
  if (option['type'] === undefined) return undefined;
  // One key order whatever the config's, so the overlay reads alike.
  const order = ['type', 'env', 'default', 'nullable', 'header', 'query', 'description'];
  return Object.fromEntries(order.filter((key) => key in option).map((key) => [key, option[key]]));
}

/** `readme.example_requests.default`: the request the generated README shows first. */
export function readReadme(conversion: Conversion, readme: unknown, container: Record<string, unknown>): void {
  if (!isRecord(readme)) {
    conversion.error('stainless-invalid', '`readme` must be a mapping.', container, 'readme');
    return;
  }
  readKeys(
    conversion,
    readme,
    'readme',
    { example_requests: (examples) => readExamples(conversion, examples, readme) },
    // Stainless's own line in the README it writes.
    ['include_stainless_attribution'],
  );
}

const README_EXAMPLE = "sdkgen's README shows the `default` example.";

function readExamples(conversion: Conversion, examples: unknown, readme: Record<string, unknown>): void {
  if (!isRecord(examples)) {
    conversion.error('stainless-invalid', '`readme.example_requests` must be a mapping.', readme, 'example_requests');
    return;
  }
  const main = isRecord(examples['default']) ? examples['default'] : undefined;
  readKeys(conversion, examples, 'readme.example_requests', {
    default: () => {
      if (main === undefined) return;
      readKeys(conversion, main, 'readme.example_requests.default', {
        type: () => {},
        endpoint: () => {},
        params: () => {},
      });
      const endpoint = readEndpoint(conversion, main, 'endpoint', specEndpoints(conversion.spec));
      if (endpoint === undefined) return;
      const params = main['params'];
      setClient(
        conversion,
        {
          readme: {
            example: `${endpoint.verb} ${endpoint.path}`,
            ...(isRecord(params) && Object.keys(params).length > 0 ? { params } : {}),
          },
        },
        main,
        'endpoint',
      );
    },
    pagination: () =>
      conversion.unsupported(examples, 'pagination', 'readme.example_requests.pagination', README_EXAMPLE),
    // The headline example is the default one in sdkgen's README; said only where it differs.
    headline: (headline) => {
      if (!isRecord(headline) || main === undefined || headline['endpoint'] !== main['endpoint'])
        conversion.unsupported(
          examples,
          'headline',
          'readme.example_requests.headline',
          "sdkgen's README shows the `default` example.",
        );
    },
  });
}

/** Top-level `security`: the document's root `security`, replaced. */
export function readSecurity(conversion: Conversion, security: unknown, container: Record<string, unknown>): void {
  if (!Array.isArray(security) || !security.every(isRecord)) {
    conversion.error('stainless-invalid', '`security` must be a list of security requirements.', container, 'security');
    return;
  }
  conversion.act({ target: '$', update: { security } }, container, 'security');
}
