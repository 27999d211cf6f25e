// The Markdown of `sdkgen diff --against`: equal surfaces say so; a report too long for a PR comment is cut, saying where the rest is.
import { describe, expect, it } from 'vitest';
import { Collector } from '../../generator/diff/compare.js';
import type { AgainstReport } from '../../generator/diff/published-compare.js';
import { formatAgainst } from '../../generator/diff/published-format.js';

function report(missing: number): AgainstReport {
  const collector = new Collector();
  const calls = Array.from({ length: missing }, (_, i) => `client.resource${i}.someLongMethodName${i}`);
  for (const call of calls)
    collector.add('published-method-missing', call, `method \`${call}\``, {
      before: '(id: string) → APIPromise<Thing>',
    });
  return {
    against: 'big@1.0.0',
    methods: calls.map((call) => ({ call, status: 'missing', differences: [] })),
    types: [{ name: 'Thing', status: 'same', breaking: false }],
    changes: collector.changes(),
  };
}

describe('the Markdown of --against', () => {
  it('says "No difference" when the surfaces are equal, with what was compared', () => {
    expect(formatAgainst(report(0), 'markdown')).toBe(
      "<!-- sdkgen-diff -->\n### The generated client against `big@1.0.0`: 0 breaking, 0 not breaking\n\nNo difference: the generated client has the published package's surface. 0 published methods and 1 exported name compared.\n",
    );
  });

  it('fits a PR comment, pointing to the JSON for the rest', () => {
    const text = formatAgainst(report(3000), 'markdown');
    expect(text.length).toBeLessThanOrEqual(65_000);
    expect(text).toContain('### The generated client against `big@1.0.0`: 3000 breaking, 0 not breaking');
    expect(
      text.endsWith('_Truncated: 3000 changes in all; run `sdkgen diff --against … --format json` for every one._\n'),
    ).toBe(true);
  });
});
