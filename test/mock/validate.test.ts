import { describe, expect, it } from 'vitest';
import type { NamedSchema, TypeModel } from '../../generator/model/model.js';
import { matchesPattern, textMatching } from '../../generator/values/pattern-text.js';
import { seededRandom } from '../../generator/values/random.js';
import { validateValue } from '../../generator/values/validate-value.js';

const string: TypeModel = { kind: 'primitive', name: 'string' };
const literal = (value: string): TypeModel => ({ kind: 'literal', value });
const object = (properties: Record<string, [TypeModel, boolean]>): TypeModel => ({
  kind: 'object',
  additional: undefined,
  properties: Object.entries(properties).map(([name, [type, required]]) => ({
    name,
    type,
    required,
    docs: {},
    readOnly: false,
    writeOnly: false,
  })),
});
const message = (role: string): TypeModel => object({ role: [literal(role), true], content: [string, true] });
const schemas = new Map<string, NamedSchema>([
  [
    'Message',
    {
      name: 'Message',
      componentKey: 'Message',
      type: { kind: 'union', members: [message('user'), message('system')] },
      docs: {},
      location: { file: 'x', line: 1, column: 1 },
    },
  ],
]);
const lookup = (name: string): NamedSchema | undefined => schemas.get(name);
const request = object({ messages: [{ kind: 'array', items: { kind: 'ref', name: 'Message' } }, true] });

describe('request validation', () => {
  it('accepts what the spec allows', () => {
    expect(
      validateValue({ messages: [{ role: 'user', content: 'hi' }], extra: 1 }, request, undefined, lookup, 'body'),
    ).toEqual([]);
  });

  it('says where and what, through arrays, refs and unions', () => {
    expect(validateValue({ messages: [{ role: 'user' }, 'hi'] }, request, undefined, lookup, 'body')).toEqual([
      { where: 'body.messages[0].content', message: 'is required' },
      { where: 'body.messages[1]', message: 'must be an object, got "hi"' },
    ]);
    expect(validateValue({ messages: [{ role: 'robot', content: 'x' }] }, request, undefined, lookup, 'body')).toEqual([
      { where: 'body.messages[0].role', message: 'must be one of "user", "system", got "robot"' },
    ]);
    expect(validateValue({}, request, undefined, lookup, 'body')).toEqual([
      { where: 'body.messages', message: 'is required' },
    ]);
  });

  it('checks the declared constraints', () => {
    const docs = { constraints: { minLength: 2, maxLength: 3, pattern: '^[a-z]+$' } };
    expect(validateValue('abcd', string, docs, lookup, 'q')).toEqual([
      { where: 'q', message: 'must be at most 3 characters long, got 4' },
    ]);
    expect(validateValue('A', string, docs, lookup, 'q').map((p) => p.message)).toEqual([
      'must be at least 2 characters long, got 1',
      'must match the pattern ^[a-z]+$',
    ]);
    expect(
      validateValue(
        7,
        { kind: 'primitive', name: 'number' },
        { constraints: { multipleOf: 5, exclusiveMaximum: 7 } },
        lookup,
        'n',
      ).map((p) => p.message),
    ).toEqual(['must be < 7, got 7', 'must be a multiple of 5, got 7']);
  });
});

describe('text for a pattern', () => {
  it.each(['^tunnel_[a-z0-9]{32}$', '^[a-zA-Z0-9_-]+$', '^(sk|pk)-\\d{4}$', '^[A-Z]{2,3}(-[0-9]+)?$', 'abc'])(
    'matches %s',
    (pattern) => {
      const text = textMatching(pattern, seededRandom(pattern));
      expect(text).toBeDefined();
      expect(new RegExp(pattern, 'u').test(text as string)).toBe(true);
    },
  );

  it('gives up on what it cannot write', () => {
    expect(textMatching('^(a)\\1$', seededRandom('x'))).toBeUndefined();
    expect(textMatching('(?=x)y', seededRandom('x'))).toBeUndefined();
  });
});

describe('patterns from specs', () => {
  it('are checked in time linear in the text, even where a backtracking engine would take minutes', () => {
    // beezup.com's gravatar URL pattern, and its own example, which does not match it (the `?d=mm`).
    const pattern = '^(https?:\\/\\/)?([\\da-z\\.-]+)\\.([a-z\\.]{2,6})([\\/\\w \\.-]*)*\\/?$';
    expect(matchesPattern(pattern, 'https://www.gravatar.com/avatar/205e460b479e2e5b48aec07710c08d50?d=mm')).toBe(
      false,
    );
    expect(matchesPattern(pattern, 'https://www.gravatar.com/avatar/205e460b479e2e5b48aec07710c08d50')).toBe(true);
  });

  it('fall back to JavaScript for what RE2 refuses (lookarounds), and judge nothing they cannot check safely', () => {
    expect(matchesPattern('^(?!admin$)[a-z]+$', 'admin')).toBe(false);
    expect(matchesPattern('^(?!admin$)[a-z]+$', 'ada')).toBe(true);
    expect(matchesPattern('^(?=(a+)+$)', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab')).toBe(true);
    expect(matchesPattern('([unclosed', 'x')).toBe(true);
  });
});
