import { describe, expect, it } from 'vitest';
import { cellToNumber, formatCell, formatCount, formatElapsed, formatRowCount, isNumericType, isTemporalType, isTextType } from './pgTypes.ts';

describe('type classes', () => {
  it('tells numbers, times and labels apart', () => {
    expect(['int4', 'int8', 'numeric', 'float8'].every(isNumericType)).toBe(true);
    expect(isNumericType('text')).toBe(false);
    expect(['date', 'timestamptz', 'timestamp'].every(isTemporalType)).toBe(true);
    expect(isTemporalType('time')).toBe(false);
    expect(['text', 'varchar', 'bpchar'].every(isTextType)).toBe(true);
    expect(isTextType('uuid')).toBe(false);
  });
});

describe('cellToNumber', () => {
  it('keeps numbers, parses exact numerics sent as strings, and rejects the rest', () => {
    expect(cellToNumber(3)).toBe(3);
    expect(cellToNumber('12345678901234567890')).toBe(12345678901234567000);
    expect(cellToNumber('1.50')).toBe(1.5);
    expect(cellToNumber('')).toBeNull();
    expect(cellToNumber('abc')).toBeNull();
    expect(cellToNumber(null)).toBeNull();
    expect(cellToNumber(true)).toBeNull();
  });
});

describe('formatCell', () => {
  it('shows null, scalars and JSON', () => {
    expect(formatCell(null)).toBe('NULL');
    expect(formatCell(false)).toBe('false');
    expect(formatCell(2.5)).toBe('2.5');
    expect(formatCell({ a: [1, 'x'] })).toBe('{"a":[1,"x"]}');
  });
});

describe('formatElapsed and formatCount', () => {
  it('reads like a data tool', () => {
    expect(formatElapsed(35.4)).toBe('35 ms');
    expect(formatElapsed(1240)).toBe('1.24 s');
    expect(formatElapsed(12_340)).toBe('12.3 s');
    expect(formatElapsed(125_000)).toBe('2 min 5 s');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatRowCount(1)).toBe('1 row');
    expect(formatRowCount(2000)).toBe('2,000 rows');
  });
});
