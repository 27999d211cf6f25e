import { describe, expect, it } from 'vitest';
import type { HttpMethod } from '../../generator/model/model.js';
import {
  filterOf,
  globMatches,
  leftOutBy,
  parseSelector,
  SelectorSyntaxError,
  splitSelectorList,
} from '../../generator/model/selectors.js';

const op = (path: string, method: HttpMethod = 'get', tags: string[] = [], operationId?: string) => ({
  path,
  method,
  tags,
  operationId,
});

describe('selector syntax', () => {
  it('reads path globs, with a #METHOD suffix as Kiota writes it', () => {
    expect(parseSelector('/me/messages/**', 'include').target).toEqual({
      type: 'path',
      glob: '/me/messages/**',
      method: undefined,
    });
    expect(parseSelector('/me/messages/*#post', 'include').target).toEqual({
      type: 'path',
      glob: '/me/messages/*',
      method: 'post',
    });
  });

  it('reads tag:, operationId: and method: selectors', () => {
    expect(parseSelector('tag:Pets', 'exclude').target).toEqual({ type: 'tag', tag: 'Pets' });
    expect(parseSelector('operationId:listPets', 'include').target).toEqual({ type: 'operationId', id: 'listPets' });
    expect(parseSelector('method:DELETE', 'exclude').target).toEqual({ type: 'method', method: 'delete' });
  });

  it('refuses what is not a selector, saying what one is', () => {
    expect(() => parseSelector('pets', 'include')).toThrow(SelectorSyntaxError);
    expect(() => parseSelector('pets', 'include')).toThrow(/path glob \(\/pets\/\*\*/);
    expect(() => parseSelector('tag:', 'include')).toThrow('"tag:" names no tag');
    expect(() => parseSelector('method:FETCH', 'include')).toThrow('"FETCH" is not an HTTP method');
    expect(() => parseSelector('/pets#FETCH', 'include')).toThrow('"FETCH" is not an HTTP method');
  });

  it('splits comma lists, but not at a comma inside a path’s parentheses or braces', () => {
    expect(splitSelectorList('tag:a, tag:b,/pets/**')).toEqual(['tag:a', 'tag:b', '/pets/**']);
    expect(splitSelectorList("/reports/getCounts(period='{period}',date={date}),tag:x")).toEqual([
      "/reports/getCounts(period='{period}',date={date})",
      'tag:x',
    ]);
  });
});

describe('path globs (Kiota’s semantics)', () => {
  it('matches the path template literally: {user-id} is a segment like any other', () => {
    expect(globMatches('/users/{user-id}/messages', '/users/{user-id}/messages')).toBe(true);
    expect(globMatches('/users/{id}/messages', '/users/{user-id}/messages')).toBe(false);
  });

  it('reads * as any characters within one segment', () => {
    expect(globMatches('/users/*/messages', '/users/{user-id}/messages')).toBe(true);
    expect(globMatches('/users/*', '/users/{user-id}/messages')).toBe(false);
    expect(globMatches('/me/message*', '/me/messages')).toBe(true);
    expect(globMatches('/me/*.delta()', '/me/microsoft.graph.delta()')).toBe(true);
  });

  it('reads a ** segment as any number of segments, none included', () => {
    expect(globMatches('/me/messages/**', '/me/messages')).toBe(true);
    expect(globMatches('/me/messages/**', '/me/messages/{message-id}/attachments/$count')).toBe(true);
    expect(globMatches('/me/messages/**', '/me/mailFolders')).toBe(false);
    expect(globMatches('/me/messagesX/**', '/me/messages')).toBe(false);
    expect(globMatches('/**/attachments', '/me/messages/{message-id}/attachments')).toBe(true);
    expect(globMatches('/**', '/')).toBe(true);
  });

  it('does not read regular-expression characters in a path as such', () => {
    expect(globMatches('/a.b', '/aXb')).toBe(false);
    expect(globMatches("/f(x='{x}')", "/f(x='{x}')")).toBe(true);
  });
});

describe('include and exclude together', () => {
  const filter = filterOf(['/pets/**', 'tag:store'], ['method:delete', 'operationId:legacyOrder']);

  it('keeps what an include picks, unless an exclude picks it too', () => {
    expect(leftOutBy(filter, op('/pets/{id}'))).toBeUndefined();
    expect(leftOutBy(filter, op('/orders', 'get', ['store']))).toBeUndefined();
    expect(leftOutBy(filter, op('/pets/{id}', 'delete'))).toMatchObject({ kind: 'exclude', text: 'method:delete' });
    expect(leftOutBy(filter, op('/orders', 'post', ['store'], 'legacyOrder'))).toMatchObject({
      text: 'operationId:legacyOrder',
    });
  });

  it('leaves out what no include picks, and keeps everything when there is no include', () => {
    expect(leftOutBy(filter, op('/users'))).toBe('not-included');
    expect(leftOutBy(filterOf([], ['tag:admin']), op('/users'))).toBeUndefined();
    expect(leftOutBy(filterOf([], ['tag:admin']), op('/users', 'get', ['admin']))).toMatchObject({ text: 'tag:admin' });
  });
});
