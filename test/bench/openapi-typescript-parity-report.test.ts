import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ParityRun, parityReport } from '../../bench/openapi-typescript-parity-report.js';
import { ROOT } from '../helpers/paths.js';

const SPECS = [
  'openai',
  'microsoft-graph',
  'github',
  'stripe',
  'digitalocean',
  'digitalocean-multi-file',
  'octokit-ghes-3.6-diff',
];
const COMMITTED = readFileSync(join(ROOT, 'bench/openapi-typescript-parity.md'), 'utf8');

function run(overrides: Partial<ParityRun>): ParityRun {
  return {
    specs: SPECS,
    only: undefined,
    timing: false,
    date: '2027-01-02',
    node: 'v22.0.0',
    parityRows: [],
    timingRows: [],
    differences: new Map(),
    ...overrides,
  };
}

describe('bench/openapi-typescript-parity.md, as the script writes it', () => {
  it('is the committed report again when a run finds what it found: the prose is the script’s, not hand-written', () => {
    const rows = (heading: string): string[] =>
      COMMITTED.slice(COMMITTED.indexOf(heading))
        .split('\n\n')
        .find((block) => block.startsWith('| Spec |'))
        ?.split('\n')
        .slice(2) ?? [];
    const again = parityReport(
      COMMITTED,
      run({ only: ['github'], parityRows: rows('## Type equality').filter((row) => row.startsWith('| github |')) }),
    );
    expect(again.replace(/\n- The rows of `github`.*\n/, '\n')).toBe(COMMITTED);
  });

  it('with --only, replaces that spec’s row and keeps every other row, the prose, the header and the corpus section', () => {
    const previous = COMMITTED;
    const report = parityReport(
      previous,
      run({ only: ['stripe'], parityRows: ['| stripe | no | 3 | 3 | 1 |'], differences: new Map([['stripe', ['x']]]) }),
    );
    const changed = report.split('\n').filter((line) => !previous.split('\n').includes(line));
    expect(changed).toEqual([
      '- The rows of `stripe` are from `--only stripe --no-timing` (2027-01-02, Node v22.0.0).',
      '| stripe | no | 3 | 3 | 1 |',
      '## Differences',
      '### stripe',
      '- `x`',
    ]);
    expect(report).toContain('Microsoft Graph, whose member-by-member tsc comparison did not finish');
    expect(report).toContain('| openai | yes | 0 | 0 | 0 |');
    expect(report).toContain('| microsoft-graph | 3 | 13.52 s | 25.91 s | 1.9× |');
    expect(report.slice(report.indexOf('<!-- corpus'))).toBe(previous.slice(previous.indexOf('<!-- corpus')));
  });

  it('keeps another spec’s differences, drops those of a spec that now has none, and replaces its own note', () => {
    const first = parityReport(
      COMMITTED,
      run({
        only: ['stripe', 'github'],
        parityRows: ['| github | no | 1 | 1 | 1 |', '| stripe | no | 1 | 1 | 1 |'],
        differences: new Map([
          ['github', ['a']],
          ['stripe', ['b']],
        ]),
      }),
    );
    const second = parityReport(
      first,
      run({ only: ['stripe', 'github'], date: '2027-01-03', parityRows: ['| github | yes | 0 | 0 | 0 |'] }),
    );
    expect(second).toContain('### stripe\n\n- `b`');
    expect(second).not.toContain('### github');
    expect(second.match(/--only stripe,github/g)).toHaveLength(1);
    expect(second).toContain('(2027-01-03, Node v22.0.0)');
  });

  it('a run of every spec writes the header afresh, without the notes of earlier runs', () => {
    const report = parityReport(COMMITTED, run({ timing: true, parityRows: ['| openai | yes | 0 | 0 | 0 |'] }));
    expect(report).toContain('Written by `npx tsx bench/openapi-typescript-parity.ts` (2027-01-02, Node v22.0.0,');
    expect(report).not.toContain('- The rows of');
    expect(report).toContain('| github | yes | 0 | 0 | 0 |');
  });
});
