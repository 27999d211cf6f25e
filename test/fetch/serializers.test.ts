import { defaultQuerySerializer } from 'sdkgen/fetch';
import { describe, expect, it } from 'vitest';

describe('defaultQuerySerializer', () => {
  it('is the serializer a client uses when given none', () => {
    expect(defaultQuerySerializer({ tags: ['a', 'b'], filter: { kind: 'x y' }, page: 2, skip: null })).toBe(
      'tags=a&tags=b&filter[kind]=x%20y&page=2',
    );
  });
});
