import { describe, expect, it } from 'vitest';
import { SDKError } from '../../generator/runtime/errors.js';
import { expandPath } from '../../generator/runtime/path.js';
import { stringifyQuery } from '../../generator/runtime/query.js';
import { cookieHeader, pathStyles, queryStyles } from '../../generator/runtime/styles.js';

describe('stringifyQuery with styles', () => {
  it('writes a parameter no style names the default way, whatever the others are', () => {
    const query = { ids: ['a', 'b'], filter: { kind: 'x' }, q: 'red & blue' };
    expect(stringifyQuery(query)).toBe('ids=a&ids=b&filter%5Bkind%5D=x&q=red%20%26%20blue');
    expect(stringifyQuery(query, queryStyles({ other: 'form' }))).toBe(stringifyQuery(query));
  });

  it('keeps a delimiter inside a value encoded, so that a list reads back as it was', () => {
    expect(stringifyQuery({ ids: ['a,b', 'c'] }, queryStyles({ ids: 'form' }))).toBe('ids=a%2Cb,c');
    expect(stringifyQuery({ ids: ['a|b', 'c'] }, queryStyles({ ids: 'pipeDelimited' }))).toBe('ids=a%7Cb%7Cc');
    expect(stringifyQuery({ ids: ['a b', 'c'] }, queryStyles({ ids: 'spaceDelimited' }))).toBe('ids=a%20b%20c');
  });

  it('leaves out empty lists and objects, and null or undefined items', () => {
    expect(
      stringifyQuery(
        { ids: [], filter: {}, tags: ['a', null, undefined, 'b'] },
        queryStyles({ ids: 'form', filter: 'form', tags: 'form' }),
      ),
    ).toBe('tags=a,b');
  });

  it('sends reserved characters unencoded for `allowReserved` (`+`), but never `&`, `=`, `#`, `+`, `[` or `]`', () => {
    expect(
      stringifyQuery(
        { next: 'https://x.example/a?b=c&d#e', raw: 'a%20b' },
        queryStyles({ next: '+form*', raw: '+form*' }),
      ),
    ).toBe('next=https://x.example/a?b%3Dc%26d%23e&raw=a%20b');
    expect(stringifyQuery({ path: ['a/b', 'c:d'] }, queryStyles({ path: '+form' }))).toBe('path=a/b,c:d');
  });

  it('sends a `content: application/json` parameter as its JSON text', () => {
    expect(stringifyQuery({ filter: { kind: 'x', ids: [1, 2] } }, queryStyles({ filter: 'json' }))).toBe(
      `filter=${encodeURIComponent('{"kind":"x","ids":[1,2]}')}`,
    );
  });

  it('looks styles up by own name only: a parameter called `constructor` is not styled by Object.prototype', () => {
    expect(stringifyQuery({ constructor: ['a', 'b'] }, queryStyles({}))).toBe('constructor=a&constructor=b');
    expect(stringifyQuery({ constructor: ['a', 'b'] }, queryStyles({ constructor: 'form' }))).toBe('constructor=a,b');
  });
});

describe('cookieHeader', () => {
  it('joins the cookies that have a value, each in form style', () => {
    expect(cookieHeader({ session: 'a b', ids: ['x', 'y'], gone: undefined }, { ids: 'form' })).toBe(
      'session=a%20b; ids=x,y',
    );
    expect(cookieHeader({ gone: undefined })).toBeUndefined();
  });
});

describe('expandPath with styles', () => {
  it('encodes a separator inside a value, and JSON for `content: application/json`', () => {
    expect(expandPath('/a/{id}', { id: ['x.y', 'z'] }, pathStyles({ id: 'label*' }))).toBe('/a/.x.y.z');
    expect(expandPath('/a/{id}', { id: ['x,y', 'z'] }, pathStyles({ id: 'label' }))).toBe('/a/.x%2Cy,z');
    expect(expandPath('/a/{id}', { id: { k: 1 } }, pathStyles({ id: 'json' }))).toBe(
      `/a/${encodeURIComponent('{"k":1}')}`,
    );
  });

  it('refuses a value that would be a dot segment or nothing in any style', () => {
    expect(() => expandPath('/a/{id}', { id: '' }, pathStyles({ id: 'label' }))).toThrow(SDKError);
    expect(() => expandPath('/a/{id}', { id: [] }, pathStyles({ id: 'matrix' }))).toThrow(SDKError);
    expect(() => expandPath('/a/{id}', { id: [] })).toThrow(SDKError);
  });
});
