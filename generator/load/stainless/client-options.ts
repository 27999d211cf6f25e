import { closest } from '../../did-you-mean.js';
import { isRecord } from '../validate-document.js';
import { readDefaultRetries, setClient } from './client-settings.js';
import { type Conversion, jsonPath, readKeys } from './context.js';

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
    const name = conversion.camel(key);
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
    'send_in_header',
    'send_in_cookie',
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
    // The key Stainless documents today; `send_as_header` is the older spelling of it.
    send_in_header: text('send_in_header', 'header'),
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
