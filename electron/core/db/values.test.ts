import { describe, expect, it } from 'vitest';
import { parserFor, splitArrayLiteral, typeName, TypeOid } from './values.ts';

describe('value normalization', () => {
  it('keeps int8 and numeric exact: a number only when the double prints back the same', () => {
    expect(parserFor(TypeOid.int8)('42')).toBe(42);
    expect(parserFor(TypeOid.int8)('9007199254740993')).toBe('9007199254740993');
    expect(parserFor(TypeOid.numeric)('1500.50')).toBe(1500.5);
    expect(parserFor(TypeOid.numeric)('100.00')).toBe(100);
    expect(parserFor(TypeOid.numeric)('0.1')).toBe(0.1);
    expect(parserFor(TypeOid.numeric)('123456789012345678.25')).toBe('123456789012345678.25');
    expect(parserFor(TypeOid.numeric)('NaN')).toBe('NaN');
  });

  it('leaves dates as calendar text and timestamps as ISO text', () => {
    expect(parserFor(TypeOid.date)('2024-02-29')).toBe('2024-02-29');
    expect(parserFor(TypeOid.timestamptz)('2024-02-29 10:00:00+00')).toBe('2024-02-29T10:00:00+00');
  });

  it('parses booleans, json and arrays', () => {
    expect(parserFor(TypeOid.bool)('t')).toBe(true);
    expect(parserFor(TypeOid.bool)('f')).toBe(false);
    expect(parserFor(TypeOid.jsonb)('{"a":[1,null]}')).toEqual({ a: [1, null] });
    expect(parserFor(1007)('{1,2,NULL}')).toEqual([1, 2, null]);
    expect(splitArrayLiteral('{a,"b c","q\\"x",NULL}')).toEqual(['a', 'b c', 'q"x', null]);
    expect(splitArrayLiteral('{}')).toEqual([]);
  });

  it('names types, arrays included, and falls back to the OID', () => {
    expect(typeName(1700)).toBe('numeric');
    expect(typeName(1009)).toBe('text[]');
    expect(typeName(99999)).toBe('oid:99999');
  });
});
