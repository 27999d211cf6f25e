import { describe, expect, it } from 'vitest';
import { segmentName } from '../../generator/model/placement.js';

describe('segmentName', () => {
  it('names a segment as a member, and an OData action inside a path by its local name only', () => {
    // Asked in both orders: what a first segment is named never answers for an inner one.
    expect(segmentName('microsoft.graph.delta()', true)).toBe('delta');
    expect(segmentName('microsoft.graph.delta()')).toBe('microsoftGraphDelta');
    expect(segmentName('admin.apps.approve')).toBe('adminAppsApprove');
    expect(segmentName('admin.apps.approve', true)).toBe('approve');
    expect(segmentName('fine_tuning', true)).toBe('fineTuning');
    expect(segmentName('2fa')).toBe('_2fa');
    expect(segmentName('---')).toBe('');
    // Again, the same answers.
    expect(['microsoft.graph.delta()', 'admin.apps.approve'].map((s) => segmentName(s))).toEqual([
      'microsoftGraphDelta',
      'adminAppsApprove',
    ]);
  });
});
