import { describe, expect, it } from 'vitest';
import { isIdentifier, toIdentifier } from '../../generator/model/names.js';

describe('identifiers', () => {
  it('keeps a valid name, ASCII or not, and moves a reserved word aside', () => {
    expect(toIdentifier('listPets', 'x')).toBe('listPets');
    expect(toIdentifier('$ref', 'x')).toBe('$ref');
    expect(toIdentifier('_id', 'x')).toBe('_id');
    expect(toIdentifier('été', 'x')).toBe('été');
    expect(toIdentifier('class', 'x')).toBe('class_');
    expect(toIdentifier('delete', 'x')).toBe('delete_');
  });

  it('drops invalid characters, then fixes a leading digit or an empty name', () => {
    expect(toIdentifier('foo-bar', 'x')).toBe('foobar');
    expect(toIdentifier('9lives', 'x')).toBe('_9lives');
    expect(toIdentifier('2fa code', 'x')).toBe('_2facode');
    expect(toIdentifier('---', 'fallback')).toBe('fallback');
    expect(toIdentifier('a\u200cb', 'x')).toBe('a\u200cb');
  });

  it('tells identifiers from other text', () => {
    for (const text of ['a', 'A1', '_', '$', 'été', 'a\u200cb', 'ÀB']) expect(isIdentifier(text), text).toBe(true);
    for (const text of ['', '1a', 'a-b', 'a b', '-', '\u200cab']) expect(isIdentifier(text), text).toBe(false);
  });
});
