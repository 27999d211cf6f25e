import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../generator/did-you-mean.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('paramters', 'parameters')).toBe(1);
    expect(editDistance('tyep', 'type')).toBe(1);
    expect(editDistance('reponses', 'responses')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3); // optimal string alignment: no edit of a swapped pair
    expect(editDistance('min_items', 'minItems')).toBe(2);
  });

  it('is symmetric', () => {
    const words = ['', 'a', 'ab', 'ba', 'abc', 'acb', 'nullable', 'nulable', 'xml', 'examples'];
    for (const a of words) for (const b of words) expect(editDistance(a, b)).toBe(editDistance(b, a));
  });
});

describe('closest', () => {
  it('names the known name a typo most likely meant, ignoring case', () => {
    expect(closest('Paramters', ['parameters', 'responses'])).toBe('parameters');
    expect(closest('frob', ['force', 'format'])).toBeUndefined();
  });
});
