/**
 * bench/naming-conventions.ts: which differences between an inferred name and a published one a
 * convention of the SDK's own decides, and when a convention is the SDK's own.
 */
import { describe, expect, it } from 'vitest';
import { census, follows, own } from '../../bench/naming-conventions.js';

describe('a convention of one SDK', () => {
  it("recognizes stripe-node's del, a config's get, and a sub-resource's calls put on its parent", () => {
    expect(follows('del', 'customers.delete', 'customers.del')).toBe(true);
    expect(follows('del', 'applePay.domains.delete', 'applePayDomains.del')).toBe(false);
    expect(follows('get', 'generations.retrieve', 'generations.get')).toBe(true);
    expect(follows('get', 'apps.retrieveByName', 'apps.getByName')).toBe(true);
    expect(follows('verb-noun', 'video.assets.playbackIds.create', 'video.assets.createPlaybackId')).toBe(true);
    expect(follows('verb-noun', 'accounts.capabilities.list', 'accounts.listCapabilities')).toBe(true);
    expect(follows('verb-noun', 'invoices.finalize', 'invoices.finalizeInvoice')).toBe(true);
    expect(follows('verb-noun', 'data.metrics.overall', 'data.metrics.getOverallValues')).toBe(true);
  });

  it("recognizes stripe-node's noun after a reserved word, and counts only methods a reserved word names", () => {
    expect(follows('keyword-noun', 'invoices.void', 'invoices.voidInvoice')).toBe(true);
    expect(
      follows(
        'keyword-noun',
        'testHelpers.treasury.inboundTransfers.return',
        'testHelpers.treasury.inboundTransfers.returnInboundTransfer',
      ),
    ).toBe(true);
    // `finalize` is no reserved word: `finalizeInvoice` is another convention's (`verb-noun`).
    expect(follows('keyword-noun', 'invoices.finalize', 'invoices.finalizeInvoice')).toBe(false);
    // Increase keeps the keyword: the rules' name.
    expect(follows('keyword-noun', 'simulations.achTransfers.return', 'simulations.achTransfers.return')).toBe(false);
    const call = (ours: string, published: string) => ({ ours, route: '', published: [published], sameCall: false });
    const stripe = census([
      call('invoices.void', 'invoices.voidInvoice'),
      call('inboundTransfers.return', 'inboundTransfers.returnInboundTransfer'),
      // `delete` is the convention `del`'s, and `finalize` no reserved word.
      call('invoices.delete', 'invoices.del'),
      call('invoices.finalize', 'invoices.finalizeInvoice'),
    ]).find((c) => c.convention === 'keyword-noun');
    expect(stripe).toEqual({ convention: 'keyword-noun', could: 2, followed: 2, agreed: 0 });
  });

  it('leaves a difference of another kind to the rules', () => {
    expect(follows('verb-noun', 'chats.messages.create', 'chats.messages.send')).toBe(false);
    expect(follows('verb-noun', 'applePay.domains.list', 'applePayDomains.list')).toBe(false);
    expect(follows('get', 'apps.name.retrieve', 'apps.getByName')).toBe(false);
  });

  it("is the SDK's own only where it follows it more often than it names those methods as the rules do", () => {
    const nested = (ours: string, published: string, route: string) => ({
      ours,
      route,
      published: [published],
      sameCall: ours === published,
    });
    const mux = census([
      nested('assets.playbackIds.create', 'assets.createPlaybackId', 'POST /assets/{id}/playback-ids'),
      nested('assets.tracks.create', 'assets.createTrack', 'POST /assets/{id}/tracks'),
      nested('uploads.cancel', 'uploads.cancel', 'PUT /uploads/{id}/cancel'),
    ]).find((c) => c.convention === 'verb-noun');
    const openai = census([
      nested('threads.runs.create', 'threads.runs.create', 'POST /threads/{id}/runs'),
      nested('threads.messages.list', 'threads.messages.list', 'GET /threads/{id}/messages'),
      nested('fineTuning.jobs.events.list', 'fineTuning.jobs.listEvents', 'GET /fine_tuning/jobs/{id}/events'),
    ]).find((c) => c.convention === 'verb-noun');
    expect(mux).toEqual({ convention: 'verb-noun', could: 3, followed: 2, agreed: 1 });
    expect(mux !== undefined && own(mux)).toBe(true);
    expect(openai).toEqual({ convention: 'verb-noun', could: 3, followed: 1, agreed: 2 });
    expect(openai !== undefined && own(openai)).toBe(false);
  });
});
