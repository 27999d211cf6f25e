import { describe, expect, it } from 'vitest';
import type { Change } from '../../generator/diff/compare.js';
import { formatChanges, MARKER } from '../../generator/diff/format.js';

const change = (i: number): Change => ({
  rule: 'response-property-removed',
  operations: [`GET /things/${i}`],
  subject: `\`Thing${i}.field\``,
  wire: 'breaking',
  client: 'breaking',
  kind: 'api',
  fingerprint: i.toString(16).padStart(16, '0'),
});

describe('formatChanges', () => {
  it('keeps a Markdown report under GitHub comment limits, saying so when it cuts', () => {
    const text = formatChanges(
      Array.from({ length: 2000 }, (_, i) => change(i)),
      'markdown',
    );
    expect(text.length).toBeLessThan(65_536);
    expect(text.startsWith(MARKER)).toBe(true);
    expect(text).toContain('_Truncated: 2000 changes in all; run `sdkgen diff --format json` for every one._');
  });

  it('puts breaking changes first, and writes annotations GitHub can parse', () => {
    const mild: Change = {
      ...change(1),
      rule: 'response-property-added',
      wire: 'non-breaking',
      client: 'non-breaking',
      operations: ['GET /a'],
    };
    const text = formatChanges([mild, change(2)], 'markdown');
    expect(text.indexOf('GET /things/2')).toBeLessThan(text.indexOf('GET /a'));
    const annotations = formatChanges([mild, { ...change(3), subject: 'a\nb, c: d' }], 'github')
      .trimEnd()
      .split('\n');
    expect(annotations).toHaveLength(2);
    expect(annotations[0]).toMatch(
      /^::error title=[^:]+::a response field was removed: a%0Ab, c: d in GET \/things\/3$/,
    );
    expect(annotations[1]).toMatch(/^::notice /);
  });
});
