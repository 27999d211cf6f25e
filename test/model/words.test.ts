import { describe, expect, it } from 'vitest';
import { camelCase, pascalCase, singular, words } from '../../generator/model/names.js';

describe('splitting names into words', () => {
  it('splits snake, camel, kebab and acronym-led names into lower-case words', () => {
    expect(words('fine_tuning')).toEqual(['fine', 'tuning']);
    expect(words('fineTuning')).toEqual(['fine', 'tuning']);
    expect(words('Fine-Tuning jobs')).toEqual(['fine', 'tuning', 'jobs']);
    expect(words('HTTPServer')).toEqual(['http', 'server']);
  });

  it('answers a text asked for again with the same words, which no caller can change', () => {
    const first = words('transitiveMemberOf');
    expect(words('transitiveMemberOf')).toEqual(['transitive', 'member', 'of']);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => (first as string[]).push('x')).toThrow(TypeError);
    expect(camelCase('transitiveMemberOf')).toBe('transitiveMemberOf');
    expect(pascalCase('transitive_member_of')).toBe('TransitiveMemberOf');
  });
});

describe('one of many', () => {
  it('drops the plural ending, and keeps words that are the same in both numbers', () => {
    expect(singular('policies')).toBe('policy');
    expect(singular('batches')).toBe('batch');
    expect(singular('files')).toBe('file');
    expect(singular('status')).toBe('status');
    // Mux's `/metrics/{id}/timeseries` once gave a `MetricTimeseryListParams`.
    expect(singular('timeseries')).toBe('timeseries');
    expect(singular('Series')).toBe('Series');
    expect(singular('species')).toBe('species');
  });
});
