import { describe, expect, it } from 'vitest';
import { grouped, plural } from '../generator/plural.js';

describe('plural', () => {
  it('writes a count with its noun, singular for one', () => {
    expect(plural(1, 'operation')).toBe('1 operation');
    expect(plural(0, 'operation')).toBe('0 operations');
    expect(plural(11422, 'operation')).toBe('11,422 operations');
    expect(plural(2, 'class', 'classes')).toBe('2 classes');
  });

  it('groups digits exactly as toLocaleString("en") does', () => {
    const values = [
      0,
      -0,
      1,
      7,
      12,
      999,
      1000,
      1001,
      9999,
      10000,
      99999,
      100000,
      123456,
      999999,
      1000000,
      1234567,
      12345678,
      123456789,
      1234567890,
      Number.MAX_SAFE_INTEGER,
      -1,
      -999,
      -1000,
      -1234567,
      1.5,
      1234.5678,
      0.1,
      1e21,
      2 ** 60,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    for (const value of values) expect(grouped(value), String(value)).toBe(value.toLocaleString('en'));
    for (let value = 0; value < 20000; value += 37) expect(grouped(value)).toBe(value.toLocaleString('en'));
  });
});
