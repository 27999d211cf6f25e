import { describe, expect, it } from 'vitest';
import type { TypeModel } from '../../generator/model/model.js';
import { intersectionOf, NEVER, STRING, UNKNOWN, unionOf } from '../../generator/model/types.js';

const OBJECT: TypeModel = { kind: 'object', properties: [], additional: undefined };
const REF: TypeModel = { kind: 'ref', name: 'Pet' };
const NULL: TypeModel = { kind: 'primitive', name: 'null' };

describe('unionOf and intersectionOf', () => {
  it('give a lone member back as it is, unknown and never as their constants', () => {
    for (const type of [STRING, OBJECT, REF, NULL]) {
      expect(unionOf([type])).toBe(type);
      expect(intersectionOf([type])).toBe(type);
    }
    expect(unionOf([{ kind: 'primitive', name: 'unknown' }])).toBe(UNKNOWN);
    expect(intersectionOf([{ kind: 'primitive', name: 'unknown' }])).toBe(UNKNOWN);
    expect(intersectionOf([{ kind: 'union', members: [] }])).toBe(NEVER);
    expect(unionOf([NEVER])).toEqual(NEVER);
  });

  it('flatten a lone member of their own kind, and drop its duplicates', () => {
    expect(unionOf([{ kind: 'union', members: [STRING, STRING, REF] }])).toEqual({
      kind: 'union',
      members: [STRING, REF],
    });
    expect(intersectionOf([{ kind: 'intersection', members: [REF, UNKNOWN] }])).toBe(REF);
  });

  it('flatten, de-duplicate and absorb as before with several members', () => {
    expect(unionOf([STRING, { kind: 'union', members: [STRING, NULL] }])).toEqual({
      kind: 'union',
      members: [STRING, NULL],
    });
    expect(unionOf([STRING, UNKNOWN])).toBe(UNKNOWN);
    expect(unionOf([OBJECT, NULL])).toEqual({ kind: 'union', members: [OBJECT, NULL] });
    expect(unionOf([OBJECT, { ...OBJECT }])).toBe(OBJECT);
    expect(unionOf([REF, { kind: 'ref', name: 'Pet' }])).toBe(REF);
    expect(intersectionOf([REF, UNKNOWN, REF])).toBe(REF);
    expect(intersectionOf([REF, NEVER])).toBe(NEVER);
    expect(intersectionOf([UNKNOWN, UNKNOWN])).toBe(UNKNOWN);
  });
});
