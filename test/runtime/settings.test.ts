// The runtime of x-sdkgen-client's settings: which base URL a client takes, and what its extra
// options send (the generated client's end-to-end behaviour is in test/e2e/client-settings).
import { afterEach, describe, expect, it } from 'vitest';
import { SDKError } from '../../generator/runtime/errors.js';
import { chooseBaseURL, settingValues } from '../../generator/runtime/settings.js';
import type { ClientConfig, ClientSetting } from '../../generator/runtime/types.js';

const config = (extra: Partial<ClientConfig> = {}): ClientConfig => ({
  baseURL: 'https://spec.example',
  auth: [],
  credentials: {},
  ...extra,
});
const environments = { production: 'https://api.example', sandbox: 'https://sandbox.example' };

describe('chooseBaseURL', () => {
  it('takes baseURL, else the environment picked, else the first, else the spec’s server', () => {
    expect(chooseBaseURL('http://127.0.0.1:1', config({ environments }))).toBe('http://127.0.0.1:1');
    expect(chooseBaseURL(undefined, config({ environments, environment: 'sandbox' }))).toBe('https://sandbox.example');
    expect(chooseBaseURL(undefined, config({ environments }))).toBe('https://api.example');
    expect(chooseBaseURL(undefined, config())).toBe('https://spec.example');
  });

  it('refuses both, an unknown environment, and an environment of a client that has none', () => {
    expect(() => chooseBaseURL('http://127.0.0.1:1', config({ environments, environment: 'sandbox' }))).toThrow(
      SDKError,
    );
    expect(() => chooseBaseURL(undefined, config({ environments, environment: 'toString' }))).toThrow(
      "use one of 'production', 'sandbox'",
    );
    expect(() => chooseBaseURL(undefined, config({ environment: 'sandbox' }))).toThrow(
      'This client has no environments',
    );
  });
});

describe('settingValues', () => {
  afterEach(() => {
    delete process.env['SDKGEN_TEST_SETTING'];
  });
  const setting = (extra: Partial<ClientSetting>): ClientSetting => ({
    option: 'limit',
    value: undefined,
    type: 'number',
    env: 'SDKGEN_TEST_SETTING',
    header: 'X-Limit',
    ...extra,
  });

  it('reads a number or boolean variable only where it reads as one', () => {
    process.env['SDKGEN_TEST_SETTING'] = '25';
    expect(settingValues([setting({})]).headers).toEqual({ 'x-limit': '25' });
    process.env['SDKGEN_TEST_SETTING'] = 'many';
    expect(() => settingValues([setting({})])).toThrow('SDKGEN_TEST_SETTING must be a number for the `limit` option');
    process.env['SDKGEN_TEST_SETTING'] = 'yes';
    expect(() => settingValues([setting({ type: 'boolean' })])).toThrow('must be a boolean');
  });

  it('sends nothing for an option with no value, no variable and no default', () => {
    expect(settingValues([setting({}), setting({ option: 'q', header: undefined, query: 'q' })])).toEqual({
      headers: {},
      query: {},
    });
    expect(settingValues([setting({ query: 'n', header: undefined, default: 3 })]).query).toEqual({ n: '3' });
  });
});
