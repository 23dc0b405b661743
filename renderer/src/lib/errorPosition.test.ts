import { describe, expect, it } from 'vitest';
import { codePointPositionToOffset, errorSpan } from './errorPosition.ts';

describe('codePointPositionToOffset', () => {
  it('turns a 1-based position into a 0-based offset', () => {
    expect(codePointPositionToOffset('select x', 1)).toBe(0);
    expect(codePointPositionToOffset('select x', 8)).toBe(7);
  });

  it('counts a character outside the BMP as one position but two UTF-16 units', () => {
    const sql = "select '😀', nope";
    // PostgreSQL reports `nope` at character 13; in UTF-16 it starts at offset 13, not 12.
    expect(codePointPositionToOffset(sql, 13)).toBe(13);
    expect(sql.slice(13)).toBe('nope');
  });

  it('clamps to the text', () => {
    expect(codePointPositionToOffset('abc', 99)).toBe(3);
    expect(codePointPositionToOffset('abc', 0)).toBe(0);
  });
});

describe('errorSpan', () => {
  it('marks the word at the position, shifted to where the statement starts in the editor', () => {
    const sent = 'select * from nope';
    expect(errorSpan(sent, 15, 100)).toEqual({ start: 114, end: 118 });
  });

  it('marks a whole quoted identifier', () => {
    const sent = 'select "No Such" from t';
    expect(errorSpan(sent, 8, 0)).toEqual({ start: 7, end: 16 });
  });

  it('marks one character for punctuation', () => {
    expect(errorSpan('select 1 +* 2', 11, 0)).toEqual({ start: 10, end: 11 });
  });

  it('marks the last character when the error is at the end of the input', () => {
    expect(errorSpan('select (1', 10, 5)).toEqual({ start: 13, end: 14 });
  });
});
