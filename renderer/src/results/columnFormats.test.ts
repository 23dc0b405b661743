import { describe, expect, it } from 'vitest';
import { formatColumnValue } from './columnFormats.ts';

describe('formatColumnValue', () => {
  it('shows money, shares, counts and numbers the way a report does', () => {
    expect(formatColumnValue('currency', '1234.5')).toBe('$1,234.50');
    expect(formatColumnValue('currency', -0.5)).toBe('-$0.50');
    expect(formatColumnValue('percent', 0.2534)).toBe('25.3%');
    expect(formatColumnValue('percent', '1')).toBe('100.0%');
    expect(formatColumnValue('integer', 1234567)).toBe('1,234,567');
    expect(formatColumnValue('number', 1234.5678)).toBe('1,234.57');
  });

  it('shows the date of a date or timestamp', () => {
    expect(formatColumnValue('date', '2024-03-01')).toBe('2024-03-01');
    expect(formatColumnValue('date', '2024-03-01T10:00:00.000Z')).toBe('2024-03-01');
    expect(formatColumnValue('date', 'not a date')).toBe('not a date');
  });

  it('leaves nulls, text in a number column and unformatted columns as the grid shows them', () => {
    expect(formatColumnValue('currency', null)).toBe('NULL');
    expect(formatColumnValue('currency', 'n/a')).toBe('n/a');
    expect(formatColumnValue(undefined, 1234.5)).toBe('1234.5');
  });
});
