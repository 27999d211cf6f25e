/**
 * Stainless's casing, checked against the names of packages it published: openai-node 7.57.0
 * (test/fixtures/official-names), and the Stainless TypeScript SDKs of ImageKit, Linq,
 * OneBusAway, Luma AI and Honcho.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitWords, stainlessCamel, stainlessPascal } from '../../generator/load/stainless/casing.js';

describe('Stainless casing', () => {
  it.each([
    // openai-node
    ['admin_api_keys', 'adminAPIKeys'],
    ['api_keys', 'apiKeys'],
    ['fine_tuning', 'fineTuning'],
    // @imagekit/nodejs
    ['url_endpoints', 'urlEndpoints'],
    ['remove_ai_tags', 'removeAITags'],
    ['get_from_url', 'getFromURL'],
    // @linqapp/sdk: resources, methods, and the positional path parameter
    ['mark_as_read', 'markAsRead'],
    ['share_contact_card', 'shareContactCard'],
    ['chat_id', 'chatID'],
    ['chatId', 'chatID'],
    ['attachmentId', 'attachmentID'],
    // onebusaway-sdk, honcho-ai
    ['trip-details', 'tripDetails'],
    ['get_by_name', 'getByName'],
    ['oauth_token', 'oauthToken'],
    // a leading underscore is kept
    ['_internal', '_internal'],
    ['__raw_json', '__rawJSON'],
  ])('camelCase: %s → %s', (name, expected) => {
    expect(stainlessCamel(name)).toBe(expected);
  });

  it.each([
    ['onebusaway-sdk', 'OnebusawaySDK'],
    ['route_ids_for_agency', 'RouteIDsForAgency'],
    ['page_app', 'PageApp'],
    ['oauth_token', 'OAuthToken'],
    ['remove_ai_tags_response', 'RemoveAITagsResponse'],
    ['gps_version_id', 'GPSVersionID'],
    ['cursor_page', 'CursorPage'],
  ])('PascalCase: %s → %s', (name, expected) => {
    expect(stainlessPascal(name)).toBe(expected);
  });

  it('leaves initialisms out of camelCase for the older node target, and in PascalCase', () => {
    // onebusaway-sdk 1.10.12: the property `routeIdsForAgency` of the class `RouteIDsForAgency`
    expect(stainlessCamel('route_ids_for_agency', new Map(), false)).toBe('routeIdsForAgency');
    expect(stainlessPascal('route_ids_for_agency')).toBe('RouteIDsForAgency');
    // honcho-ai 2.2.0: `delete(workspaceId, conclusionId)`
    expect(stainlessCamel('workspace_id', new Map(), false)).toBe('workspaceId');
  });

  it('writes a word of custom_casings its own way, first or not (Luma AI’s lumaai → LumaAI)', () => {
    const custom = new Map([['lumaai', { camel: 'lumaai', pascal: 'LumaAI' }]]);
    expect(stainlessPascal('lumaai', custom)).toBe('LumaAI');
    expect(stainlessCamel('lumaai', custom)).toBe('lumaai');
    expect(stainlessCamel('new_lumaai_client', custom)).toBe('newLumaAIClient');
    expect(stainlessPascal('lumaai_error', custom)).toBe('LumaAIError');
  });

  it('splits snake, kebab, dotted and camel case alike', () => {
    expect(splitWords('URLEndpoints')).toEqual(['url', 'endpoints']);
    expect(splitWords('admin-api.keys_v2')).toEqual(['admin', 'api', 'keys', 'v2']);
  });

  it('gives every resource name of openai-node 7.57.0 from its path segment', () => {
    const names = JSON.parse(
      readFileSync(join(import.meta.dirname, '../fixtures/official-names/openai-node-7.57.0.json'), 'utf8'),
    ) as { name: string; path: string }[];
    const pairs = new Map<string, string>();
    for (const { name, path } of names) {
      const segments = path.split('/').filter((s) => s !== '' && !s.startsWith('{'));
      for (const part of name.split('.')) {
        const segment = segments.find((s) => s.replace(/[_-]/g, '').toLowerCase() === part.toLowerCase());
        if (segment !== undefined) pairs.set(segment, part);
      }
    }
    expect(pairs.size).toBeGreaterThan(100);
    const wrong = [...pairs].filter(([segment, published]) => stainlessCamel(segment) !== published);
    expect(wrong).toEqual([]);
  });
});
