/**
 * The mock's store keeps what is written and nothing else: a list read under a parent id nobody
 * made is made up the same each time and not kept (memory per unseen id is bounded), a list under
 * a parent created here starts empty, and a reloaded spec keeps the lists whose routes remain.
 */
import { describe, expect, it } from 'vitest';
import { buildRoutes, type Collection } from '../../generator/mock/routes.js';
import { MockStore } from '../../generator/mock/store.js';
import { fixtureModel } from './mock-calls.js';

const { model, lookup } = fixtureModel('envelopes');
const collections = new Map(
  buildRoutes(model, lookup).flatMap((route) =>
    'collection' in route.role ? [[route.role.collection.template, route.role.collection] as const] : [],
  ),
);
const assets = collections.get('/video/v1/assets') as Collection;
const playbackIds = collections.get('/video/v1/assets/{ASSET_ID}/playback-ids') as Collection;

describe('MockStore', () => {
  it('keeps nothing for lists only read, however many parent ids are asked for', () => {
    const store = new MockStore(lookup, 45);
    const first = store.items(playbackIds, '/video/v1/assets/unseen_0/playback-ids', { ASSET_ID: 'unseen_0' });
    for (let i = 0; i < 2000; i++) {
      const items = store.items(playbackIds, `/video/v1/assets/unseen_${i}/playback-ids`, { ASSET_ID: `unseen_${i}` });
      expect(items).toHaveLength(45);
    }
    expect(store.written().size).toBe(0);
    // Made the same way again once it has left the cache.
    expect(store.items(playbackIds, '/video/v1/assets/unseen_0/playback-ids', { ASSET_ID: 'unseen_0' })).toEqual(first);
  });

  it('keeps a list from its first change on, and starts the children of a created parent empty', () => {
    const store = new MockStore(lookup, 45);
    const before = store.items(playbackIds, '/video/v1/assets/asset_900/playback-ids', {});
    expect(before).toHaveLength(45);
    const parent = store.create(assets, '/video/v1/assets', {}, (made) => made);
    expect(store.written().get('/video/v1/assets')).toHaveLength(46);
    const children = `/video/v1/assets/${String(parent['id'])}/playback-ids`;
    expect(store.items(playbackIds, children, {})).toEqual([]);
    store.create(playbackIds, children, {}, (made) => made);
    expect(store.items(playbackIds, children, {})).toHaveLength(1);
  });

  it('keeps, on a reload, the lists whose collections remain and drops the others', () => {
    const store = new MockStore(lookup, 3);
    store.create(assets, '/video/v1/assets', {}, (made) => made);
    store.create(playbackIds, '/video/v1/assets/ASSET_001/playback-ids', {}, (made) => made);
    expect(store.retain(new Set(['/video/v1/assets']), lookup)).toEqual({ kept: 4, dropped: 4 });
    expect([...store.written().keys()]).toEqual(['/video/v1/assets']);
  });
});
