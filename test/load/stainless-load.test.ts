/**
 * `loadSpec({ stainless })`: the config's decisions are applied to the spec as it is read,
 * before the user's overlays, with every problem located in the config.
 */
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../generator/diagnostics.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const SPEC = openapi(
  [
    'paths:',
    '  /v3/chats/{chatId}/read:',
    '    post:',
    '      operationId: markRead',
    '      parameters: [{name: chatId, in: path, required: true, schema: {type: string}}]',
    '      responses: {"200": {description: ok}}',
    '  /v3/phonenumbers:',
    '    get: {operationId: listNumbers, responses: {"200": {description: ok}}}',
    'components:',
    '  securitySchemes:',
    '    BearerAuth: {type: http, scheme: bearer}',
    '',
  ].join('\n'),
);

// Of the shape of Linq's .stainless/stainless.yml.
const CONFIG = [
  'organization: {name: linq, docs: https://apidocs.linqapp.com}',
  'targets:',
  '  typescript: {package_name: "@linqapp/sdk", production_repo: linq-team/linq-node}',
  '  python: {package_name: linq}',
  'client_settings:',
  '  opts:',
  '    api_key: {type: string, auth: {security_scheme: BearerAuth}, read_env: LINQ_API_KEY}',
  'resources:',
  '  chats:',
  '    methods:',
  '      mark_as_read: post /v3/chats/{chatId}/read',
  '  phone_numbers:',
  '    methods:',
  '      list: get /v3/phonenumbers',
  '    streaming: true',
  '',
].join('\n');

const OVERLAY = `overlay: 1.0.0
info: {title: ours, version: 1.0.0}
actions:
  - target: "$.paths['/v3/phonenumbers'].get"
    update: {x-sdkgen-method: all}
`;

describe('loadSpec with a Stainless config', () => {
  it('applies its decisions, then the overlays, which can still correct them', () => {
    const dir = specDir({ 'openapi.yaml': SPEC, 'stainless.yml': CONFIG, 'ours.yaml': OVERLAY });
    const loaded = loadSpec('openapi.yaml', { cwd: dir, stainless: 'stainless.yml', overlays: ['ours.yaml'] });
    const root = loaded.root.value as Record<string, Record<string, Record<string, Record<string, unknown>>>>;
    expect(root['paths']?.['/v3/chats/{chatId}/read']?.['post']).toMatchObject({
      'x-sdkgen-resource': 'chats',
      'x-sdkgen-method': 'markAsRead',
    });
    expect(root['paths']?.['/v3/phonenumbers']?.['get']).toMatchObject({
      'x-sdkgen-resource': 'phoneNumbers',
      'x-sdkgen-method': 'all',
    });
    expect(root['x-sdkgen-client']).toEqual({
      pathArguments: 'last',
      typeNames: 'per-method',
      pagination: 'declared',
      requestParams: 'merged',
      name: 'Linq',
      errorClass: 'LinqError',
      package: '@linqapp/sdk',
    });
    expect(root['components']?.['securitySchemes']?.['BearerAuth']).toMatchObject({
      'x-sdkgen-auth': { option: 'apiKey', env: 'LINQ_API_KEY' },
    });
  });

  it('reports the keys it does not act on among the load warnings, and reads the config as one of the spec’s files (for --watch)', () => {
    const dir = specDir({ 'openapi.yaml': SPEC, 'stainless.yml': CONFIG });
    const loaded = loadSpec('openapi.yaml', { cwd: dir, stainless: 'stainless.yml' });
    expect(loaded.warnings.map((d) => [d.code, d.location])).toEqual([
      ['stainless-key-unsupported', { file: 'stainless.yml', line: 15, column: 5 }],
    ]);
    expect([...loaded.files.values()].map((f) => f.displayPath)).toContain('stainless.yml');
  });

  it('stops on a config error, quoting the config’s line', () => {
    const dir = specDir({
      'openapi.yaml': SPEC,
      'stainless.yml': CONFIG.replace('get /v3/phonenumbers', 'get /v3/phone_numbers'),
    });
    let error: unknown;
    try {
      loadSpec('openapi.yaml', { cwd: dir, stainless: 'stainless.yml' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toContain(
      [
        'stainless.yml:14:7: error stainless-endpoint-unknown: The spec has no endpoint `get /v3/phone_numbers`.',
        '14 |       list: get /v3/phone_numbers',
        '   |       ^',
        '  hint: Did you mean `get /v3/phonenumbers`?',
      ].join('\n'),
    );
  });

  it('says so when the config file is missing', () => {
    const dir = specDir({ 'openapi.yaml': SPEC });
    expect(() => loadSpec('openapi.yaml', { cwd: dir, stainless: 'stainless.yml' })).toThrow(
      'stainless.yml does not exist.',
    );
  });
});
